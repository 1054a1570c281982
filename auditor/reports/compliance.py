"""Compliance mappings as data (``rules/compliance/*.yaml``): the schema, the loader and CWE look-ups.

Each file describes one framework and a list of items (OWASP categories, NIST subcategories, EU AI
Act articles, ISO/IEC 42001 controls). An item is evidenced by any of:

- ``cwe: [...]`` — medium-or-worse findings of these CWEs count against it; probes targeting them
  count as having looked;
- ``evidence:`` entries, each exactly one of ``metric`` (a name, or a prefix ending in ``*``, with
  ``requires: gated`` (default: a policy check on it passed) or ``measured``), ``zero_tolerance``
  (``cwe``, ``severity``, ``tactic`` or ``any``: the policy has such a check and it passed),
  ``reproducibility: true``, ``analysis_complete: true`` or ``gated: true``.

How a run is judged against these items is :mod:`auditor.reports.assessment`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from auditor.errors import InputError
from auditor.paths import RULES_DIR
from auditor.yamlfile import load_model

__all__ = [
    "COMPLIANCE_DIR", "DISCLAIMER", "Evidence", "Item", "Framework", "load_framework", "load_frameworks",
    "cwe_categories", "owasp_tags",
]

COMPLIANCE_DIR = RULES_DIR / "compliance"

#: Said wherever a report shows compliance status.
DISCLAIMER = (
    "This section maps what this run measured to controls that compliance teams cite. It is evidence "
    "for a reviewer to weigh, not a certification, attestation or legal opinion: no framework here is "
    "met or failed by a tool run alone."
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Strict):
    metric: str | None = None
    requires: Literal["gated", "measured"] = "gated"
    zero_tolerance: Literal["cwe", "severity", "tactic", "any"] | None = None
    reproducibility: bool = False
    analysis_complete: bool = False
    gated: bool = False

    @model_validator(mode="after")
    def _one(self) -> Evidence:
        kinds = [self.metric is not None, self.zero_tolerance is not None, self.reproducibility,
                 self.analysis_complete, self.gated]
        if sum(kinds) != 1:
            raise ValueError("an evidence entry is exactly one of: metric, zero_tolerance, reproducibility, "
                             "analysis_complete, gated")
        if "requires" in self.model_fields_set and self.metric is None:
            raise ValueError("'requires' goes with 'metric' only")
        return self

    @property
    def kind(self) -> str:
        if self.metric is not None:
            return "metric"
        if self.zero_tolerance is not None:
            return "zero_tolerance"
        return next(k for k in ("reproducibility", "analysis_complete", "gated") if getattr(self, k))


class Item(_Strict):
    id: str = Field(min_length=1)
    title: str = Field(min_length=3)
    summary: str = Field(min_length=10)
    cwe: list[int] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    note: str = ""

    @model_validator(mode="after")
    def _evidenced(self) -> Item:
        if not self.cwe and not self.evidence:
            raise ValueError("an item needs 'cwe' or 'evidence' (or both)")
        if len(set(self.cwe)) != len(self.cwe):
            raise ValueError("duplicate CWE ids")
        return self


class Framework(_Strict):
    framework: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    publisher: str
    version: str
    note: str = Field(min_length=10)
    references: list[str] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Framework:
        ids = [i.id for i in self.items]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"duplicate item id(s): {dup}")
        return self


def load_framework(path: str | Path) -> Framework:
    """One mapping file; its ``framework`` must equal the file stem."""
    path = Path(path)
    fw, _, _ = load_model(path, Framework)
    if fw.framework != path.stem:
        raise InputError(path, f"framework '{fw.framework}' must equal the file name '{path.stem}'", 1)
    return fw


@lru_cache(maxsize=4)
def _load_dir(folder: str) -> tuple[Framework, ...]:
    files = sorted(Path(folder).glob("*.yaml"))
    order = ["owasp-top10-2021", "owasp-llm-2025", "nist-ai-rmf", "nist-ssdf", "eu-ai-act", "iso-42001"]
    rank = {name: i for i, name in enumerate(order)}
    frameworks = [load_framework(f) for f in files]
    return tuple(sorted(frameworks, key=lambda fw: (rank.get(fw.framework, len(order)), fw.framework)))


def load_frameworks(folder: str | Path = COMPLIANCE_DIR) -> list[Framework]:
    """Every mapping file in ``folder``, OWASP lists first, then the control frameworks."""
    return list(_load_dir(str(folder)))


def cwe_categories(cwe: int | None, frameworks: list[Framework] | None = None) -> list[tuple[Framework, Item]]:
    """Every (framework, item) whose CWE list holds ``cwe``."""
    if cwe is None:
        return []
    return [(fw, item) for fw in (frameworks or load_frameworks()) for item in fw.items if cwe in item.cwe]


def owasp_tags(cwe: int | None, frameworks: list[Framework] | None = None) -> list[str]:
    """Category labels for a CWE, e.g. ``["A03:2021 Injection", "LLM05:2025 Improper Output Handling"]``."""
    return [f"{item.id} {item.title}" for fw, item in cwe_categories(cwe, frameworks) if fw.framework.startswith("owasp")]
