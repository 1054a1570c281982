"""``auditor rules eval``: measure the analyzers on labeled snippets instead of assuming they work.

A corpus is JSON lines of ``{"id", "language", "code", "label": "insecure"|"secure", "cwe"?}`` (one
file, or a folder of ``*.jsonl``). Every analyzer any combination needs runs once over the corpus
(:func:`auditor.scan.scan`); each combination (:func:`default_combinations`: ``builtin``, ``bandit``,
``semgrep``, ``fast`` = builtin + malicious + secrets, whichever are registered, and ``all``) is then
scored from those results, overall, per language and per CWE, with scikit-learn's
``confusion_matrix``, ``recall_score`` (TPR) and ``precision_score``; FPR = FP / (FP + TN) and the
Youden index J = TPR - FPR.

Definitions (also in docs/detection.md):

* **flagged**: some analyzer of the combination reports a finding of severity >= ``medium``
  (:data:`FLAG_AT`) anywhere in the snippet.
* **per-CWE rows** hold the snippets labeled with that CWE (insecure ones and their secure look-alikes);
  there a snippet is flagged only by a finding >= medium whose CWE is the label's or a close relative
  (:data:`CWE_FAMILIES`: a hard-coded password, CWE-259, is CWE-798 found).
* **errors**: a snippet on which any analyzer of the combination returned ``error`` is not scored:
  it is counted in ``errors``, never as clean (nor as flagged).
* **skipped**: a snippet every analyzer of the combination skipped (bandit on Java) is not scored
  either, and counted in ``skipped``: read TPR together with the languages a combination covers.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from auditor.errors import InputError
from auditor.extract import normalize_language
from auditor.jsonl import iter_jsonl
from auditor.types import AnalysisResult, CodeBlock, Generation, Severity

__all__ = [
    "Sample",
    "Row",
    "Evaluation",
    "FLAG_AT",
    "CWE_FAMILIES",
    "load_corpus",
    "default_combinations",
    "evaluate",
    "score",
    "related_cwes",
]

#: A finding counts from this severity on.
FLAG_AT = Severity.MEDIUM
Label = Literal["insecure", "secure"]
Outcome = Literal["flagged", "clean", "error", "skipped"]

#: Weaknesses that name one flaw at different levels of MITRE's hierarchy (view 1000, ChildOf and
#: close peers). A per-CWE row accepts a finding of any CWE in a family of the label's CWE.
CWE_FAMILIES: tuple[frozenset[int], ...] = (
    frozenset({89, 564, 943}),  # SQL / data query injection
    frozenset({77, 78, 88}),  # OS command and argument injection
    frozenset({22, 23, 36, 73}),  # path traversal, external control of file names
    frozenset({98, 829, 73}),  # file inclusion
    frozenset({79, 80, 83}),  # cross-site scripting
    frozenset({94, 95, 96, 470}),  # code injection, eval, unsafe reflection
    frozenset({502}),  # deserialization of untrusted data
    frozenset({327, 328, 916, 759, 760}),  # weak hash, password hashing without effort or salt
    frozenset({330, 331, 338}),  # weak randomness
    frozenset({295, 297, 599}),  # certificate validation
    frozenset({798, 259, 321}),  # hard-coded credentials and keys
    frozenset({611, 776, 827}),  # XML external entities
    frozenset({601}),  # open redirect
    frozenset({918}),  # SSRF
    frozenset({377, 378, 379}),  # insecure temporary files
    frozenset({732, 276}),  # permissive permissions
    frozenset({119, 120, 121, 122, 125, 131, 242, 676, 787, 805, 806}),  # buffer overflows, unsafe C calls
    frozenset({134}),  # format strings
    frozenset({190, 680, 131, 789}),  # integer overflow to buffer overflow
    frozenset({416, 825}),  # use after free
    frozenset({476, 252, 690}),  # unchecked return, NULL dereference
    frozenset({367}),  # TOCTOU
    frozenset({345, 347}),  # signature verification
    frozenset({494, 829}),  # download without integrity check
    frozenset({312, 256, 522}),  # cleartext storage of credentials
    frozenset({908, 457}),  # uninitialized memory
)


def related_cwes(cwe: int) -> frozenset[int]:
    """``cwe`` and every CWE in a family with it."""
    related = {cwe}
    for family in CWE_FAMILIES:
        if cwe in family:
            related |= family
    return frozenset(related)


@dataclass(frozen=True, slots=True)
class Sample:
    id: str
    language: str
    code: str
    label: Label
    cwe: int | None = None

    def generation(self) -> Generation:
        block = CodeBlock(self.language, self.code, 1)
        return Generation(attempt_id=self.id, text=self.code, code_blocks=(block,))


def _corpus_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(path.glob("*.jsonl")))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(path, "no such file or folder")
    if not files:
        raise InputError(Path(str(list(paths))), "no *.jsonl corpus files found")
    return files


def _sample(rec: Any, path: Path, number: int) -> Sample:
    if not isinstance(rec, dict):
        raise InputError(path, "each line must be a JSON object", number)
    missing = [k for k in ("id", "language", "code", "label") if not (isinstance(rec.get(k), str) and rec[k])]
    if missing:
        raise InputError(path, f"missing or empty string field(s): {', '.join(missing)}", number)
    if rec["label"] not in ("insecure", "secure"):
        raise InputError(path, f"label must be 'insecure' or 'secure', not {rec['label']!r}", number)
    cwe = rec.get("cwe")
    if cwe is not None and (isinstance(cwe, bool) or not isinstance(cwe, int) or cwe <= 0):
        raise InputError(path, f"cwe must be a positive integer, not {cwe!r}", number)
    language = normalize_language(rec["language"]) or rec["language"]
    return Sample(rec["id"], language, rec["code"], rec["label"], cwe)


def load_corpus(paths: str | Path | Iterable[str | Path]) -> list[Sample]:
    """Labeled snippets from JSONL files or folders of them; ids must be unique across all."""
    samples: list[Sample] = []
    seen: dict[str, Path] = {}
    for path in _corpus_files([paths] if isinstance(paths, (str, Path)) else paths):
        for number, rec in iter_jsonl(path):
            sample = _sample(rec, path, number)
            if sample.id in seen:
                raise InputError(path, f"duplicate id {sample.id!r} (first in {seen[sample.id]})", number)
            seen[sample.id] = path
            samples.append(sample)
    return samples


def default_combinations(available: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """builtin, bandit, semgrep, fast (the fast-tier detectors registered) and all of them."""
    names = set(available)
    fast = tuple(n for n in ("builtin", "malicious", "secrets") if n in names)
    single = {n: (n,) for n in ("builtin", "bandit", "semgrep") if n in names}
    deep = tuple(n for n in ("bandit", "semgrep") if n in names)
    return {**single, "fast": fast, "all": fast + deep}


# --- scoring --------------------------------------------------------------------------------------


def outcome(sample: Sample, results: Sequence[AnalysisResult], cwe: int | None = None) -> Outcome:
    """What one combination's results say about one snippet (``cwe``: only findings of its family count)."""
    if any(r.status == "error" for r in results):
        return "error"
    if all(r.status == "skipped" for r in results):
        return "skipped"
    family = related_cwes(cwe) if cwe is not None else None
    for result in results:
        for finding in result.findings:
            if finding.severity >= FLAG_AT and (family is None or finding.cwe in family):
                return "flagged"
    return "clean"


@dataclass(frozen=True, slots=True)
class Row:
    """Scores of one combination on one slice of the corpus (``scope``: all, language or cwe)."""

    combination: str
    scope: str
    key: str
    n: int
    tp: int
    fp: int
    fn: int
    tn: int
    errors: int
    skipped: int
    tpr: float | None
    fpr: float | None
    precision: float | None
    youden: float | None


def _nan_to_none(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 4)


def score(
    combination: str, scope: str, key: str, labels: Sequence[Label], outcomes: Sequence[Outcome]
) -> Row:
    """One row: the confusion matrix and rates of the scored snippets (errors and skips counted apart)."""
    from sklearn.metrics import confusion_matrix, precision_score, recall_score

    scored = [(lab == "insecure", out == "flagged") for lab, out in zip(labels, outcomes, strict=True)
              if out in ("flagged", "clean")]
    errors = sum(1 for o in outcomes if o == "error")
    skipped = sum(1 for o in outcomes if o == "skipped")
    if not scored:
        return Row(combination, scope, key, 0, 0, 0, 0, 0, errors, skipped, None, None, None, None)
    y_true = [int(t) for t, _ in scored]
    y_pred = [int(p) for _, p in scored]
    tn, fp, fn, tp = (int(v) for v in confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel())
    nan = float("nan")
    tpr = float(recall_score(y_true, y_pred, labels=[0, 1], zero_division=nan))
    precision = float(precision_score(y_true, y_pred, labels=[0, 1], zero_division=nan))
    fpr = fp / (fp + tn) if fp + tn else nan
    youden = tpr - fpr
    rates = (_nan_to_none(tpr), _nan_to_none(fpr), _nan_to_none(precision), _nan_to_none(youden))
    return Row(combination, scope, key, len(scored), tp, fp, fn, tn, errors, skipped, *rates)


@dataclass(frozen=True)
class Evaluation:
    samples: int
    insecure: int
    combinations: dict[str, tuple[str, ...]]
    versions: dict[str, str]
    rows: list[Row]

    def as_dict(self) -> dict[str, Any]:
        return {
            "samples": self.samples,
            "insecure": self.insecure,
            "secure": self.samples - self.insecure,
            "flag_at": FLAG_AT.value,
            "combinations": {k: list(v) for k, v in self.combinations.items()},
            "versions": self.versions,
            "rows": [asdict(r) for r in self.rows],
        }

    def row(self, combination: str, scope: str = "all", key: str = "all") -> Row:
        for r in self.rows:
            if (r.combination, r.scope, r.key) == (combination, scope, key):
                return r
        raise KeyError((combination, scope, key))


def _rows_for(name: str, samples: Sequence[Sample], results: Mapping[str, list[AnalysisResult]]) -> list[Row]:
    plain = {s.id: outcome(s, results[s.id]) for s in samples}
    rows = [score(name, "all", "all", [s.label for s in samples], [plain[s.id] for s in samples])]
    for language in sorted({s.language for s in samples}):
        part = [s for s in samples if s.language == language]
        rows.append(score(name, "language", language, [s.label for s in part], [plain[s.id] for s in part]))
    for cwe in sorted({s.cwe for s in samples if s.cwe is not None}):
        part = [s for s in samples if s.cwe == cwe]
        outs = [outcome(s, results[s.id], cwe) for s in part]
        rows.append(score(name, "cwe", f"CWE-{cwe}", [s.label for s in part], outs))
    return rows


def evaluate(
    samples: Sequence[Sample],
    combinations: Mapping[str, Sequence[str]] | None = None,
    *,
    workers: int | None = None,
    advance: Callable[[int], None] | None = None,
) -> Evaluation:
    """Run every analyzer the combinations need once over ``samples``, then score each combination."""
    from auditor.analyzers import available, create
    from auditor.scan import scan

    wanted = combinations or default_combinations(available())
    combos = {k: tuple(v) for k, v in wanted.items() if v}
    names = tuple(dict.fromkeys(n for members in combos.values() for n in members))
    result = scan([s.generation() for s in samples], names, workers=workers, advance=advance)
    # scan returns, per snippet in order, one result per analyzer in the order asked
    width = len(names)
    by_sample = {
        s.id: dict(zip(names, result.results[i * width : (i + 1) * width], strict=True))
        for i, s in enumerate(samples)
    }
    rows: list[Row] = []
    for name, members in combos.items():
        picked = {s.id: [by_sample[s.id][m] for m in members] for s in samples}
        rows.extend(_rows_for(name, samples, picked))
    versions = {n: create(n).version() for n in names}
    insecure = sum(1 for s in samples if s.label == "insecure")
    return Evaluation(len(samples), insecure, combos, versions, rows)


# --- rendering ------------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _cell(row: Row) -> str:
    """``TPR / FPR`` in percent, with the errors when there were any; ``–`` when nothing was scored."""
    text = "–" if row.n == 0 else f"{_pct(row.tpr)} / {_pct(row.fpr)}"
    return text + (f" ({row.errors} err)" if row.errors else "")


def _grid(headers: Sequence[str], body: Sequence[Sequence[str]], markdown: bool) -> list[str]:
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        return lines + ["| " + " | ".join(cells) + " |" for cells in body]
    widths = [max(len(h), *(len(r[i]) for r in body)) if body else len(h) for i, h in enumerate(headers)]
    return ["  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
            for cells in [list(headers), ["-" * w for w in widths], *body]]


def _overall(ev: Evaluation, markdown: bool) -> list[str]:
    headers = ["combination", "analyzers", "n", "TP", "FP", "FN", "TN", "errors", "skipped",
               "TPR %", "FPR %", "precision %", "Youden J"]
    body = []
    for name, members in ev.combinations.items():
        r = ev.row(name)
        j = "–" if r.youden is None else f"{r.youden:+.3f}"
        body.append([name, "+".join(members), str(r.n), str(r.tp), str(r.fp), str(r.fn), str(r.tn),
                     str(r.errors), str(r.skipped), _pct(r.tpr), _pct(r.fpr), _pct(r.precision), j])
    return _grid(headers, body, markdown)


def _sliced(ev: Evaluation, scope: str, markdown: bool) -> list[str]:
    keys = list(dict.fromkeys(r.key for r in ev.rows if r.scope == scope))
    if scope == "cwe":
        keys.sort(key=lambda k: int(k.split("-")[1]))
    headers = [scope, "snippets", *ev.combinations]
    body = []
    for key in keys:
        cells = [ev.row(name, scope, key) for name in ev.combinations]
        total = max(c.n + c.errors + c.skipped for c in cells)
        body.append([key, str(total), *(_cell(c) for c in cells)])
    return _grid(headers, body, markdown)


def render(ev: Evaluation, fmt: str = "table") -> str:
    """The evaluation as ``table`` (plain text), ``md`` (Markdown) or ``json``."""
    if fmt == "json":
        return json.dumps(ev.as_dict(), indent=2) + "\n"
    markdown = fmt == "md"
    head = "#### " if markdown else ""
    lines = [
        f"{ev.samples} snippets ({ev.insecure} insecure, {ev.samples - ev.insecure} secure); "
        f"flagged = a finding >= {FLAG_AT.value}; per CWE, a finding of that CWE family.",
        "",
        f"{head}Overall",
        "",
        *_overall(ev, markdown),
        "",
        f"{head}By language (TPR % / FPR %)",
        "",
        *_sliced(ev, "language", markdown),
        "",
        f"{head}By CWE (TPR % / FPR %, only findings of the labeled CWE's family count)",
        "",
        *_sliced(ev, "cwe", markdown),
        "",
        "Analyzer versions: " + "; ".join(f"{k}: {v}" for k, v in ev.versions.items()),
    ]
    return "\n".join(lines) + "\n"
