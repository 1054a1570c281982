"""The probe-suite schema (``probes/**/*.yaml``), checked with pydantic on load.

Unknown keys are errors, so a typo never silently drops a field. See DESIGN.md, "File formats".
"""

from __future__ import annotations

import re
import string
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = ["SuiteDefaults", "ProbeSpec", "SuiteSpec", "template_fields", "MAX_CWE"]

#: Highest CWE id in MITRE's list today, with room to grow; anything above is a typo.
MAX_CWE = 2000
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def template_fields(template: str) -> set[str]:
    """The ``{slot}`` names a template uses (``{{`` escapes a brace)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SuiteDefaults(_Strict):
    samples: int = Field(1, ge=1, le=1000)
    temperature: float = Field(0.8, ge=0.0, le=2.0)
    max_tokens: int = Field(768, ge=1, le=131072)
    top_p: float | None = Field(None, gt=0.0, le=1.0)


class ProbeSpec(_Strict):
    id: str
    kind: Literal["instruct", "complete", "counterfactual", "persona"] = "instruct"
    language: str | None = None
    cwe: list[int] = Field(default_factory=list)
    goal: str
    prompt: str | None = None
    template: str | None = None
    slots: dict[str, list[str]] = Field(default_factory=dict)
    expect: Literal["comply", "refuse"] = "comply"
    tags: list[str] = Field(default_factory=list)
    samples: int | None = Field(None, ge=1, le=1000)
    # Free-form data for the probe's metrics (e.g. a bias probe's entry point and inputs).
    extra: dict[str, Any] = Field(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("must be lower-case letters, digits, '.', '_' or '-'")
        return v

    @field_validator("cwe")
    @classmethod
    def _cwe_range(cls, v: list[int]) -> list[int]:
        for c in v:
            if not 1 <= c <= MAX_CWE:
                raise ValueError(f"CWE {c} is not a CWE id (1..{MAX_CWE})")
        return v

    @field_validator("goal")
    @classmethod
    def _goal_nonempty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be empty")
        return v

    @model_validator(mode="after")
    def _prompt_or_template(self) -> ProbeSpec:
        if (self.prompt is None) == (self.template is None):
            raise ValueError("a probe needs exactly one of 'prompt' or 'template'")
        if self.prompt is not None and not self.prompt.strip():
            raise ValueError("'prompt' is empty")
        if self.template is not None:
            used = template_fields(self.template)
            unknown = used - set(self.slots)
            if unknown:
                raise ValueError(f"template uses unknown slot(s) {sorted(unknown)}; 'slots' declares {sorted(self.slots)}")
            unused = set(self.slots) - used
            if unused:
                raise ValueError(f"slot(s) {sorted(unused)} declared but not used by the template")
            for name, values in self.slots.items():
                if not values:
                    raise ValueError(f"slot '{name}' lists no values")
        elif self.slots:
            raise ValueError("'slots' needs a 'template'")
        return self


class SuiteSpec(_Strict):
    suite: str
    version: int = 1
    description: str = ""
    defaults: SuiteDefaults = Field(default_factory=SuiteDefaults)  # type: ignore[arg-type]
    probes: list[ProbeSpec]
