"""Guard settings: the ``guard:`` mapping of a policy file, and nothing else of it.

A policy file (``policies/guard.yaml``) may hold release checks too; the guard reads only::

    guard:
      block_at: high       # a finding at or above this severity blocks the response
      warn_at: medium      # at or above this (and below block_at) passes, annotated
      fail_closed: true    # an analyzer error or timeout blocks (false: passes, noted)
      timeout_ms: 50       # budget of the fast tier for one response
      stream_unfenced: hold  # streams: hold code without a fence until checked (report: check after)

A file without a ``guard:`` mapping gives the defaults above. Unknown keys inside the mapping are
ignored, so the policy schema can grow without breaking older guards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from auditor.errors import InputError
from auditor.types import Severity
from auditor.yamlfile import locate, read_yaml

__all__ = ["GuardSettings", "load_settings"]


class GuardSettings(BaseModel):
    """How findings turn into an action, and how the guard treats its own failures."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    block_at: Severity = Severity.HIGH
    warn_at: Severity = Severity.MEDIUM
    fail_closed: bool = True
    timeout_ms: float = Field(50.0, gt=0, le=600_000)
    #: ``hold``: in a stream, code without a fence is held until checked, like a fenced block;
    #: ``report``: it streams as it comes and is checked when its choice ends (a finding is reported).
    stream_unfenced: Literal["hold", "report"] = "hold"

    @field_validator("block_at", "warn_at", mode="before")
    @classmethod
    def _severity(cls, value: Any) -> Severity:
        return Severity.parse(value)  # type: ignore[no-any-return]

    @model_validator(mode="after")
    def _ordered(self) -> GuardSettings:
        if self.warn_at > self.block_at:
            raise ValueError(f"warn_at ({self.warn_at}) must not be above block_at ({self.block_at})")
        return self

    def action_for(self, severity: Severity) -> str:
        """The action one finding of ``severity`` calls for on its own."""
        if severity >= self.block_at:
            return "block"
        if severity >= self.warn_at:
            return "warn"
        return "allow"


def load_settings(path: str | Path) -> GuardSettings:
    """The ``guard:`` mapping of a policy file (safe YAML), with the file and line of any mistake."""
    path = Path(path)
    data, lines = read_yaml(path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(path, "expected a mapping at the top level of a policy", 1)
    section = data.get("guard")
    if section is None:
        return GuardSettings()
    if not isinstance(section, dict):
        raise InputError(path, "'guard' must be a mapping", locate(("guard",), lines))
    try:
        return GuardSettings.model_validate(section)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ("guard", *(p for p in err["loc"] if isinstance(p, (str, int))))
        msg = err["msg"].removeprefix("Value error, ")
        field = ".".join(str(p) for p in loc)
        raise InputError(path, f"field '{field}': {msg}", locate(loc, lines)) from None
