"""Policy files (``policies/*.yaml``): the schema, validated with file, line and field on any mistake.

A policy is a list of checks, waivers, ``fail_on_analyzer_error`` and an optional ``guard:`` block.
Three kinds of check:

- **metric** checks read one metric by its dotted name (optionally one group of it, ``by:``) and
  compare its point value or a confidence bound with ``max`` / ``min``;
- **regression** parts of a metric check compare with a baseline run: ``max_increase_vs_baseline``
  (an absolute change in the worse direction) and ``significantly_worse: true`` (a one-sided Fisher
  exact test on count/n at ``alpha``);
- **zero-tolerance** checks fail on a single matching finding or helped-with malicious request,
  selected by CWE, severity (at or above), ATT&CK tactic, rule id and minimum confidence; every
  criterion given must hold.

Evaluation lives in :mod:`auditor.gate`; this module only says what a valid policy is.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from auditor.guard.settings import GuardSettings as _GuardSettings
from auditor.types import Confidence, Severity
from auditor.yamlfile import load_model

__all__ = ["Check", "ZeroTolerance", "Waiver", "GuardSettings", "Policy", "load_policy"]

_TACTIC = re.compile(r"^TA\d{4}$")

SeverityField = Annotated[Severity, BeforeValidator(Severity.parse)]
ConfidenceField = Annotated[Confidence, BeforeValidator(Confidence.parse)]


def _as_list(value: Any) -> Any:
    """Accept a scalar where a list is expected: ``cwe: 89`` means ``cwe: [89]``."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ZeroTolerance(_Strict):
    """Which findings (or helped-with malicious requests) may not occur at all."""

    cwe: Annotated[list[Annotated[int, Field(ge=1)]], BeforeValidator(_as_list)] = Field(default_factory=list)
    severity: SeverityField | None = None
    tactic: Annotated[list[str], BeforeValidator(_as_list)] = Field(default_factory=list)
    rule: Annotated[list[str], BeforeValidator(_as_list)] = Field(default_factory=list)
    min_confidence: ConfidenceField | None = None

    @field_validator("tactic")
    @classmethod
    def _tactic_ids(cls, value: list[str]) -> list[str]:
        bad = [t for t in value if not _TACTIC.match(t)]
        if bad:
            raise ValueError(f"ATT&CK tactic ids look like TA0040, not {bad}")
        return value

    @model_validator(mode="after")
    def _something(self) -> ZeroTolerance:
        if not (self.cwe or self.severity or self.tactic or self.rule):
            raise ValueError("zero_tolerance needs at least one of 'cwe', 'severity', 'tactic', 'rule'")
        if self.tactic and (self.cwe or self.severity or self.rule):
            raise ValueError("'tactic' selects helped-with malicious requests: put it in a check of its own")
        return self

    def describe(self) -> str:
        """Short, stable text for tables: ``cwe=78,89 severity>=high``."""
        parts = []
        if self.cwe:
            parts.append("cwe=" + ",".join(str(c) for c in self.cwe))
        if self.severity:
            parts.append(f"severity>={self.severity.value}")
        if self.tactic:
            parts.append("tactic=" + ",".join(self.tactic))
        if self.rule:
            parts.append("rule=" + ",".join(self.rule))
        if self.min_confidence:
            parts.append(f"confidence>={self.min_confidence.value}")
        return " ".join(parts)


class Check(_Strict):
    id: str = Field(min_length=1)
    metric: str | None = None
    by: dict[str, str] = Field(default_factory=dict)
    max: float | None = None
    min: float | None = None
    use: Literal["point", "upper_ci", "lower_ci"] = "point"
    min_n: int | None = Field(None, ge=1)
    max_increase_vs_baseline: float | None = Field(None, ge=0)
    significantly_worse: bool = False
    alpha: float = Field(0.05, gt=0, lt=1)
    worse: Literal["higher", "lower"] | None = None
    zero_tolerance: ZeroTolerance | None = None
    description: str = ""

    @model_validator(mode="after")
    def _shape(self) -> Check:
        if (self.metric is None) == (self.zero_tolerance is None):
            raise ValueError("a check has either 'metric' or 'zero_tolerance' (exactly one)")
        if self.zero_tolerance is not None:
            metric_only = {"max", "min", "max_increase_vs_baseline", "by", "min_n", "worse"}
            given = sorted(k for k in metric_only if k in self.model_fields_set)
            if given or self.significantly_worse:
                raise ValueError(f"a zero_tolerance check takes no metric options (got {given or ['significantly_worse']})")
            return self
        if self.max is None and self.min is None and self.max_increase_vs_baseline is None and not self.significantly_worse:
            raise ValueError("a metric check needs 'max', 'min', 'max_increase_vs_baseline' or 'significantly_worse'")
        if self.max is not None and self.min is not None and self.min > self.max:
            raise ValueError(f"'min' {self.min} is above 'max' {self.max}")
        return self

    @property
    def kind(self) -> Literal["metric", "zero_tolerance"]:
        return "zero_tolerance" if self.zero_tolerance is not None else "metric"

    @property
    def worse_direction(self) -> Literal["higher", "lower"]:
        """Which way a regression goes: explicit ``worse``, else lower for a min-only check, else higher."""
        if self.worse:
            return self.worse
        return "lower" if self.min is not None and self.max is None else "higher"

    @property
    def uses_baseline(self) -> bool:
        return self.max_increase_vs_baseline is not None or self.significantly_worse


class Waiver(_Strict):
    """Accepts the failure of a check (by check id) or excuses one rule's findings (by rule id)."""

    rule: str = Field(min_length=1)
    reason: str = Field(min_length=1)
    owner: str = Field(min_length=1)
    expires: dt.date

    def live(self, today: dt.date) -> bool:
        return self.expires >= today

    def label(self) -> str:
        return f"{self.owner}: {self.reason} (until {self.expires})"


class GuardSettings(_GuardSettings):
    """What ``auditor guard`` does with a response (the release gate ignores it). The fields and their
    checks are the guard's own (:mod:`auditor.guard.settings`); a policy file is read strictly, so
    here an unknown key is an error, where the guard alone would skip it."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Policy(_Strict):
    policy: str = "policy"
    description: str = ""
    min_samples: int = Field(10, ge=1)
    fail_on_analyzer_error: bool = True
    checks: list[Check] = Field(default_factory=list)
    waivers: list[Waiver] = Field(default_factory=list)
    guard: GuardSettings | None = None

    @model_validator(mode="after")
    def _unique(self) -> Policy:
        if not self.checks and self.guard is None:
            raise ValueError("a policy needs at least one check (only a policy with a 'guard:' block may have none)")
        ids = [c.id for c in self.checks]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise ValueError(f"duplicate check id(s): {sorted(dup)}")
        if "analyzer-errors" in ids and self.fail_on_analyzer_error:
            raise ValueError("check id 'analyzer-errors' is reserved for fail_on_analyzer_error")
        return self


def _describe(loc: tuple[Any, ...], data: Any) -> str:
    """Name a check by its id when the error is inside one: ``check 'no-sqli', field 'zero_tolerance.cwe.0'``."""
    if len(loc) >= 2 and loc[0] == "checks" and isinstance(loc[1], int):
        try:
            cid = data["checks"][loc[1]].get("id")
        except (KeyError, IndexError, TypeError, AttributeError):
            cid = None
        rest = ".".join(str(p) for p in loc[2:])
        where = f"check '{cid}'" if cid else f"check #{loc[1] + 1}"
        return f"{where}, field '{'.'.join(str(p) for p in loc)}'" if rest else f"{where} (field '{loc[0]}.{loc[1]}')"
    return f"field '{'.'.join(str(p) for p in loc) or '(top level)'}'"


def load_policy(path: str | Path) -> Policy:
    """Read and validate a policy file; an error names the file, the line and the field."""
    policy, _, _ = load_model(path, Policy, _describe)
    return policy
