"""Run history: what changed between two stored runs (``auditor runs diff RUN_A RUN_B``).

Metrics are paired by name and group and shown side by side with the change and, for rates, a
two-sided Fisher exact test on count/n; "significant" uses p-values Benjamini–Hochberg adjusted
within each family (headline metrics; per-group metrics), so a long table does not cry wolf. Findings are matched by (probe id, rule id, CWE), never by line number: a model
that writes the same flaw two lines lower has not fixed it. Pure: plain records in, a RunDiff out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from auditor.types import Finding, Metric

__all__ = ["MetricChange", "FindingChange", "RunDiff", "diff_metrics", "diff_findings", "diff_runs", "render_text"]

FindingKey = tuple[str, str, "int | None"]


@dataclass(frozen=True)
class MetricChange:
    name: str
    by: dict[str, str]
    a: Metric | None
    b: Metric | None
    p_value: float | None = None
    p_adjusted: float | None = None
    significant: bool = False

    @property
    def change(self) -> float | None:
        if self.a is None or self.b is None or self.a.value is None or self.b.value is None:
            return None
        return self.b.value - self.a.value

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "by": self.by, "a": self.a.as_dict() if self.a else None,
            "b": self.b.as_dict() if self.b else None, "change": self.change, "p_value": self.p_value,
            "p_adjusted": self.p_adjusted, "significant": self.significant,
        }


@dataclass(frozen=True)
class FindingChange:
    probe_id: str
    rule_id: str
    cwe: int | None
    status: Literal["new", "fixed", "unchanged"]
    count_a: int
    count_b: int
    severity: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class RunDiff:
    run_a: str
    run_b: str
    alpha: float
    metrics: tuple[MetricChange, ...]
    findings: tuple[FindingChange, ...]

    def count(self, status: str) -> int:
        return sum(1 for f in self.findings if f.status == status)

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_a": self.run_a, "run_b": self.run_b, "alpha": self.alpha,
            "metrics": [m.as_dict() for m in self.metrics],
            "findings": [f.as_dict() for f in self.findings],
            "summary": {s: self.count(s) for s in ("new", "fixed", "unchanged")},
        }


def _fisher_two_sided(a: Metric, b: Metric) -> float | None:
    if a.count is None or b.count is None or not a.n or not b.n:
        return None
    from scipy.stats import fisher_exact

    _, p = fisher_exact([[a.count, a.n - a.count], [b.count, b.n - b.count]])
    return float(p)


def _bh(pvalues: Sequence[float | None]) -> list[float | None]:
    """Benjamini–Hochberg adjusted p-values; None stays None."""
    present = sorted((p, i) for i, p in enumerate(pvalues) if p is not None)
    out: list[float | None] = [None] * len(pvalues)
    m, running = len(present), 1.0
    for rank in range(m, 0, -1):
        p, i = present[rank - 1]
        running = min(running, p * m / rank)
        out[i] = running
    return out


def _key(m: Metric) -> tuple[str, tuple[tuple[str, str], ...]]:
    return m.name, tuple(sorted(m.by.items()))


def diff_metrics(a: Sequence[Metric], b: Sequence[Metric], alpha: float = 0.05) -> list[MetricChange]:
    """Every metric of either run, paired by (name, group), in run B's order then A's leftovers."""
    left, right = {_key(m): m for m in a}, {_key(m): m for m in b}
    keys = list(dict.fromkeys([*right, *left]))
    raw = [_fisher_two_sided(left[k], right[k]) if k in left and k in right else None for k in keys]
    # two families: headline metrics, and per-group metrics (adjusted among themselves)
    adjusted: list[float | None] = [None] * len(keys)
    for family in (True, False):
        idx = [i for i, k in enumerate(keys) if (not k[1]) == family]
        for i, q in zip(idx, _bh([raw[i] for i in idx]), strict=True):
            adjusted[i] = q
    return [
        MetricChange(name=k[0], by=dict(k[1]), a=left.get(k), b=right.get(k), p_value=p, p_adjusted=q,
                     significant=q is not None and q < alpha)
        for k, p, q in zip(keys, raw, adjusted, strict=True)
    ]


def diff_findings(a: Iterable[tuple[str, Finding]], b: Iterable[tuple[str, Finding]]) -> list[FindingChange]:
    """Findings of two runs as (probe id, finding) pairs, matched by (probe id, rule id, CWE)."""
    count_a: Counter[FindingKey] = Counter()
    count_b: Counter[FindingKey] = Counter()
    example: dict[FindingKey, Finding] = {}
    for counter, pairs in ((count_a, a), (count_b, b)):
        for probe_id, f in pairs:
            key = (probe_id, f.rule_id, f.cwe)
            counter[key] += 1
            if key not in example or f.severity > example[key].severity:
                example[key] = f
    out = []
    for key in sorted(set(count_a) | set(count_b), key=lambda k: (k[0], k[1], k[2] or 0)):
        ca, cb = count_a[key], count_b[key]
        status: Literal["new", "fixed", "unchanged"] = "new" if not ca else "fixed" if not cb else "unchanged"
        f = example[key]
        out.append(FindingChange(key[0], key[1], key[2], status, ca, cb, f.severity.value, f.message))
    order = {"new": 0, "fixed": 1, "unchanged": 2}
    return sorted(out, key=lambda c: order[c.status])


def diff_runs(view_a: Any, view_b: Any, alpha: float = 0.05) -> RunDiff:
    """Diff two :class:`auditor.reports.view.RunView` objects (run A is the older, or the baseline)."""

    def pairs(view: Any) -> list[tuple[str, Finding]]:
        attempts = view.attempts
        return [(attempts[f.attempt_id].probe_id if f.attempt_id in attempts else "?", f) for f in view.findings]

    return RunDiff(
        run_a=view_a.run.id, run_b=view_b.run.id, alpha=alpha,
        metrics=tuple(diff_metrics(view_a.metrics, view_b.metrics, alpha)),
        findings=tuple(diff_findings(pairs(view_a), pairs(view_b))),
    )


def _fmt(m: Metric | None) -> str:
    if m is None or m.value is None:
        return "–"
    return f"{m.value:.3f} ({m.count}/{m.n})" if m.count is not None else f"{m.value:.3f} (n={m.n})"


def render_text(diff: RunDiff, *, groups: bool = False, unchanged: bool = False) -> str:
    """A plain-text rendering for the terminal: metrics table, then findings new / fixed (/ unchanged)."""
    rows = [("metric", "group", f"A {diff.run_a}", f"B {diff.run_b}", "change", "p", "p (BH)", "")]
    for c in diff.metrics:
        if c.by and not groups:
            continue
        group = ",".join(f"{k}={v}" for k, v in c.by.items()) or "all"
        change = "–" if c.change is None else f"{c.change:+.3f}"
        p = "–" if c.p_value is None else f"{c.p_value:.3g}"
        q = "–" if c.p_adjusted is None else f"{c.p_adjusted:.3g}"
        rows.append((c.name, group, _fmt(c.a), _fmt(c.b), change, p, q, "significant" if c.significant else ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines += ["", f"Findings matched by (probe, rule, CWE): {diff.count('new')} new, {diff.count('fixed')} fixed, "
              f"{diff.count('unchanged')} unchanged (alpha {diff.alpha:g})"]
    for f in diff.findings:
        if f.status == "unchanged" and not unchanged:
            continue
        cwe = f"CWE-{f.cwe}" if f.cwe else "no CWE"
        lines.append(f"  {f.status:<9} {f.probe_id}  {f.rule_id} ({cwe}, {f.severity})  {f.count_a} -> {f.count_b}")
    return "\n".join(lines) + "\n"
