"""Precision and recall of the attribute-use analysis on a labeled corpus (``auditor bias eval``).

A corpus is JSONL, one function per line::

    {"id": "py-001", "language": "python", "code": "...", "labels": {"gender": true},
     "relevant": ["age"], "note": "compare"}

``labels`` says, per attribute, whether the function singles that attribute's groups out in a way that
changes its output (true) or only reads it (false). ``relevant`` lists attributes the task makes
legitimate, exactly as a probe's relevant inputs do in the metrics. A prediction is the set of
attributes with a finding of severity medium or above (``targeted_attributes``). An attribute
predicted but not labeled true is a false positive; labeled true but not predicted, a false negative.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.bias.attribute_use import AttributeUseAnalyzer
from auditor.bias.uses import targeted_attributes
from auditor.errors import InputError
from auditor.extract import normalize_language
from auditor.jsonl import iter_jsonl
from auditor.types import CodeBlock, Generation

__all__ = ["Score", "Evaluation", "load_corpus", "evaluate_corpus"]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "precision": self.precision, "recall": self.recall}


@dataclass
class Evaluation:
    records: int
    by_attribute: dict[str, Score]
    by_language: dict[str, Score]
    overall: Score
    errors: list[str] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "overall": self.overall.as_dict(),
            "by_attribute": {k: v.as_dict() for k, v in sorted(self.by_attribute.items())},
            "by_language": {k: v.as_dict() for k, v in sorted(self.by_language.items())},
            "errors": self.errors,
            "misses": self.misses,
        }


def load_corpus(path: str | Path) -> list[dict[str, Any]]:
    path = Path(path)
    records = []
    for number, rec in iter_jsonl(path):
        if not isinstance(rec.get("code"), str) or not isinstance(rec.get("labels"), dict):
            raise InputError(path, "each line needs 'code' (string) and 'labels' ({attribute: true|false})", number)
        records.append(rec)
    return records


def evaluate_corpus(records: list[dict[str, Any]]) -> Evaluation:
    analyzer = AttributeUseAnalyzer()
    gens = [
        Generation(attempt_id=str(r.get("id", i)), text=r["code"],
                   code_blocks=(CodeBlock(normalize_language(r.get("language")) or "python", r["code"]),))
        for i, r in enumerate(records)
    ]
    results = analyzer.analyze(gens)
    by_attr: dict[str, Score] = defaultdict(Score)
    by_lang: dict[str, Score] = defaultdict(Score)
    overall = Score()
    errors, misses = [], []
    for rec, res in zip(records, results, strict=True):
        if res.status == "error":
            errors.append(f"{rec.get('id')}: {res.error}")
        predicted = targeted_attributes(res.findings, rec.get("relevant", ()))
        labels = {str(k): bool(v) for k, v in rec["labels"].items()}
        lang = normalize_language(rec.get("language")) or "python"
        for attribute in sorted(set(labels) | predicted):
            outcome = _classify(attribute in predicted, labels.get(attribute))
            for score in (by_attr[attribute], by_lang[lang], overall):
                setattr(score, outcome, getattr(score, outcome) + 1)
            if outcome in ("fp", "fn"):
                misses.append({"id": rec.get("id"), "attribute": attribute, "kind": outcome, "note": rec.get("note", "")})
    return Evaluation(len(records), dict(by_attr), dict(by_lang), overall, errors, misses)


def _classify(predicted: bool, label: bool | None) -> str:
    if predicted:
        return "tp" if label else "fp"
    return "fn" if label else "tn"


def render_table(ev: Evaluation, title: str = "") -> str:
    """A plain-text table: one row per attribute and per language, then the overall figures."""

    def pct(v: float | None) -> str:
        return "   -  " if v is None else f"{100 * v:5.1f}%"

    def row(name: str, s: Score) -> str:
        return f"{name:<24}{s.tp + s.fn:>6}{s.fp + s.tn:>6}{s.tp:>5}{s.fp:>5}{s.fn:>5}   {pct(s.precision)}   {pct(s.recall)}"

    head = f"{'':<24}{'pos':>6}{'neg':>6}{'tp':>5}{'fp':>5}{'fn':>5}   {'precision':>6}  {'recall':>6}"
    lines = [title or f"attribute-use on {ev.records} functions", head]
    lines += [row(k, v) for k, v in sorted(ev.by_attribute.items())]
    lines += ["", *(row(f"language {k}", v) for k, v in sorted(ev.by_language.items()))]
    lines += ["", row("overall", ev.overall)]
    if ev.errors:
        lines += ["", f"{len(ev.errors)} function(s) could not be analyzed:", *ev.errors[:10]]
    return "\n".join(lines) + "\n"
