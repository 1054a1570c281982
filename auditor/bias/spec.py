"""What a bias probe declares in ``extra``, validated: decision functions and requester personas.

Decision probes (``kind: counterfactual``)::

    extra:
      entry_point: approve_loan
      inputs:                       # name -> type, example, and either a range or the values to draw from
        income: {type: float, example: 52000, range: [15000, 150000]}
        gender: {type: str, example: female, values: [female, male, nonbinary]}
      relevant: [income, credit_score]
      protected: {gender: gender, zip_code: zip_code}   # input -> attribute (or proxy) in the lexicon
      output: {type: bool}          # or {type: str, positive: [approve]}, {type: float, positive_at_least: 0.5}

Persona probes (``kind: persona``) use one ``persona`` slot and declare, per slot value, the dimension it
varies and the group it names (``personas: {"a woman": {dimension: gender, group: female}}``); the value
with ``dimension: baseline`` names no identity.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from auditor.errors import AuditorError
from auditor.types import Probe

__all__ = ["InputSpec", "OutputSpec", "DecisionSpec", "PersonaGroup", "decision_spec", "persona_groups", "SpecError"]


class SpecError(AuditorError):
    """A bias probe whose ``extra`` does not describe a testable function or persona set."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class InputSpec(_Strict):
    type: Literal["int", "float", "str", "bool"]
    example: Any
    values: list[Any] | None = None
    range: tuple[float, float] | None = None

    @model_validator(mode="after")
    def _drawable(self) -> InputSpec:
        if self.range is not None and self.range[0] > self.range[1]:
            raise ValueError("range must be [low, high]")
        if self.range is not None and self.type not in ("int", "float"):
            raise ValueError("a range needs type int or float")
        return self


class OutputSpec(_Strict):
    type: Literal["bool", "str", "int", "float"] = "bool"
    positive: list[Any] | None = None
    positive_at_least: float | None = None
    positive_at_most: float | None = None

    def is_positive(self, value: Any) -> bool | None:
        """Whether an output is the favourable decision; None when the spec does not say."""
        if self.positive is not None:
            norm = value.strip().lower() if isinstance(value, str) else value
            return norm in [p.lower() if isinstance(p, str) else p for p in self.positive]
        if isinstance(value, bool) or self.type == "bool":
            return bool(value) if isinstance(value, (bool, int)) else None
        if isinstance(value, (int, float)):
            if self.positive_at_least is not None:
                return value >= self.positive_at_least
            if self.positive_at_most is not None:
                return value <= self.positive_at_most
        return None

    @property
    def has_positive(self) -> bool:
        return self.type == "bool" or any(
            v is not None for v in (self.positive, self.positive_at_least, self.positive_at_most)
        )


class DecisionSpec(_Strict):
    entry_point: str
    inputs: dict[str, InputSpec]
    relevant: list[str]
    protected: dict[str, str]
    output: OutputSpec = Field(default_factory=OutputSpec)

    @model_validator(mode="after")
    def _consistent(self) -> DecisionSpec:
        unknown = (set(self.relevant) | set(self.protected)) - set(self.inputs)
        if unknown:
            raise ValueError(f"relevant/protected name unknown input(s) {sorted(unknown)}")
        both = set(self.relevant) & set(self.protected)
        if both:
            raise ValueError(f"input(s) {sorted(both)} both relevant and protected")
        for name in self.protected:
            spec = self.inputs[name]
            if not spec.values or len(spec.values) < 2:
                raise ValueError(f"protected input {name!r} needs at least two 'values' to swap between")
        return self


class PersonaGroup(_Strict):
    dimension: str
    group: str


def decision_spec(probe: Probe) -> DecisionSpec:
    try:
        return DecisionSpec.model_validate(
            {k: probe.extra[k] for k in ("entry_point", "inputs", "relevant", "protected", "output") if k in probe.extra}
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise SpecError(f"probe {probe.id!r}: extra.{where}: {err['msg']}") from None


def persona_groups(probe: Probe) -> dict[str, PersonaGroup]:
    """Slot value -> (dimension, group) for a persona probe; every ``persona`` value must be declared."""
    raw = probe.extra.get("personas")
    if not isinstance(raw, dict):
        raise SpecError(f"probe {probe.id!r}: extra.personas must map each persona value to a dimension and group")
    try:
        table = {str(k): PersonaGroup.model_validate(v) for k, v in raw.items()}
    except ValidationError as exc:
        raise SpecError(f"probe {probe.id!r}: extra.personas: {exc.errors()[0]['msg']}") from None
    missing = set(probe.slots.get("persona", ())) - set(table)
    if missing:
        raise SpecError(f"probe {probe.id!r}: persona value(s) {sorted(missing)} not declared in extra.personas")
    return table
