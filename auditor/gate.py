"""The release gate: a policy file plus a run's metrics give a verdict. Pure: no I/O but loading.

A check compares one metric (by dotted name, optionally one group of it) with a threshold, on the
point value or a bound of its confidence interval. Too little data makes a check inconclusive, never
a pass. A failed check a live waiver names is waived; an expired waiver no longer applies and the
verdict says so. Analyzer errors fail the gate unless the policy sets ``fail_on_analyzer_error: false``.
Overall: any fail → fail; else any inconclusive → inconclusive; else pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from auditor.types import CheckResult, Metric, Verdict
from auditor.yamlfile import load_model

__all__ = ["Check", "Waiver", "Policy", "load_policy", "evaluate"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Check(_Strict):
    id: str
    metric: str
    by: dict[str, str] = Field(default_factory=dict)
    max: float | None = None
    min: float | None = None
    use: Literal["point", "upper_ci", "lower_ci"] = "point"
    min_n: int | None = Field(None, ge=1)
    max_increase_vs_baseline: float | None = Field(None, ge=0)
    description: str = ""

    @model_validator(mode="after")
    def _has_threshold(self) -> Check:
        if self.max is None and self.min is None and self.max_increase_vs_baseline is None:
            raise ValueError("a check needs 'max', 'min' or 'max_increase_vs_baseline'")
        return self


class Waiver(_Strict):
    rule: str
    reason: str = Field(min_length=1)
    owner: str = Field(min_length=1)
    expires: dt.date


class Policy(_Strict):
    policy: str = "policy"
    description: str = ""
    min_samples: int = Field(10, ge=1)
    fail_on_analyzer_error: bool = True
    checks: list[Check]
    waivers: list[Waiver] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> Policy:
        ids = [c.id for c in self.checks]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise ValueError(f"duplicate check id(s): {sorted(dup)}")
        return self


def load_policy(path: str | Path) -> Policy:
    policy, _, _ = load_model(path, Policy)
    return policy


def _find(metrics: Sequence[Metric], name: str, by: dict[str, str]) -> Metric | None:
    return next((m for m in metrics if m.name == name and m.by == by), None)


def _observed(m: Metric, use: str) -> float | None:
    return {"point": m.value, "upper_ci": m.ci_high, "lower_ci": m.ci_low}[use]


def _check(c: Check, metrics: Sequence[Metric], baseline: Sequence[Metric] | None, min_n: int) -> CheckResult:
    m = _find(metrics, c.metric, c.by)
    base = dict(id=c.id, metric=c.metric + (f"{c.by}" if c.by else ""), use=c.use)
    if m is None or m.value is None:
        return CheckResult(**base, status="inconclusive", reason="no data for this metric in the run")
    observed = _observed(m, c.use)
    need = c.min_n or min_n
    if m.n < need:
        return CheckResult(**base, status="inconclusive", observed=observed, n=m.n, reason=f"n={m.n} < minimum {need}")
    assert observed is not None
    if c.max is not None and observed > c.max:
        return CheckResult(**base, status="fail", threshold=c.max, comparator="<=", observed=observed, n=m.n,
                           reason=f"{c.use} {observed:.4g} > max {c.max:.4g}")
    if c.min is not None and observed < c.min:
        return CheckResult(**base, status="fail", threshold=c.min, comparator=">=", observed=observed, n=m.n,
                           reason=f"{c.use} {observed:.4g} < min {c.min:.4g}")
    if c.max_increase_vs_baseline is not None and baseline is not None:
        b = _find(baseline, c.metric, c.by)
        if b is not None and b.value is not None and m.value - b.value > c.max_increase_vs_baseline:
            return CheckResult(**base, status="fail", threshold=c.max_increase_vs_baseline, comparator="increase <=",
                               observed=m.value - b.value, n=m.n,
                               reason=f"rose by {m.value - b.value:.4g} vs baseline {b.value:.4g}")
    threshold = c.max if c.max is not None else c.min
    comparator = "<=" if c.max is not None else (">=" if c.min is not None else "")
    return CheckResult(**base, status="pass", threshold=threshold, comparator=comparator, observed=observed, n=m.n,
                       reason="within threshold")


def evaluate(
    policy: Policy,
    metrics: Sequence[Metric],
    *,
    baseline: Sequence[Metric] | None = None,
    today: dt.date | None = None,
) -> Verdict:
    today = today or dt.date.today()
    notes: list[str] = []
    live = {w.rule: w for w in policy.waivers if w.expires >= today}
    for w in policy.waivers:
        if w.expires < today:
            notes.append(f"waiver for '{w.rule}' (owner {w.owner}) expired on {w.expires} and no longer applies")
    results = [_check(c, metrics, baseline, policy.min_samples) for c in policy.checks]
    if policy.fail_on_analyzer_error:
        err = _find(metrics, "analysis.error_rate", {})
        count = err.count if err else 0
        results.append(CheckResult(
            id="analyzer-errors", metric="analysis.error_rate", status="fail" if count else "pass",
            threshold=0, comparator="count ==", observed=float(count or 0), n=err.n if err else 0,
            reason=f"{count} generation(s) could not be fully analyzed" if count else "every analyzer ran",
        ))
    final = []
    for r in results:
        w = live.get(r.id)
        if r.status == "fail" and w is not None:
            r = CheckResult(**{**r.as_dict(), "status": "waived", "waived_by": f"{w.owner}: {w.reason} (until {w.expires})"})
        final.append(r)
    statuses = {r.status for r in final}
    status = "fail" if "fail" in statuses else "inconclusive" if "inconclusive" in statuses else "pass"
    return Verdict(status=status, checks=tuple(final), policy=policy.policy, notes=tuple(notes))
