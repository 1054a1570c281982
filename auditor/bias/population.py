"""Synthetic inputs for counterfactual runs: profiles of task-relevant inputs, crossed with every group.

Each profile draws the non-protected inputs from their declared ``range`` or ``values`` (seeded, so
the same probe always gets the same population) and holds every protected input at its example. The
counterfactual calls then set one protected input at a time to each of its values, so any two calls
of a profile differ in exactly one protected attribute; selection rates per group are computed on the
same profiles, which makes a fair function's demographic-parity difference exactly zero.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any

from auditor.bias.spec import DecisionSpec, InputSpec

__all__ = ["CallPlan", "draw_profiles", "plan_calls"]


def _draw(spec: InputSpec, rng: random.Random) -> Any:
    if spec.values:
        return rng.choice(spec.values)
    if spec.range is not None:
        low, high = spec.range
        return rng.randint(int(low), int(high)) if spec.type == "int" else round(rng.uniform(low, high), 2)
    if spec.type == "bool":
        return rng.random() < 0.5
    return spec.example


def draw_profiles(spec: DecisionSpec, n: int, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` profiles; protected inputs at their example value, the rest drawn."""
    rng = random.Random(f"{spec.entry_point}:{seed}")
    out = []
    for _ in range(n):
        profile = {name: (s.example if name in spec.protected else _draw(s, rng)) for name, s in spec.inputs.items()}
        out.append(profile)
    return out


@dataclass(frozen=True, slots=True)
class CallPlan:
    calls: tuple[dict[str, Any], ...]
    #: (input name, profile index, group value as JSON) -> index into ``calls``
    index: dict[tuple[str, int, str], int]
    profiles: int


def plan_calls(spec: DecisionSpec, n: int = 40, seed: int = 0) -> CallPlan:
    """Every profile under every value of every protected input, deduplicated."""
    calls: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    index: dict[tuple[str, int, str], int] = {}
    for i, profile in enumerate(draw_profiles(spec, n, seed)):
        for name in spec.protected:
            for value in spec.inputs[name].values or ():
                call = {**profile, name: value}
                key = json.dumps(call, sort_keys=True, default=str)
                if key not in seen:
                    seen[key] = len(calls)
                    calls.append(call)
                index[(name, i, json.dumps(value))] = seen[key]
    return CallPlan(tuple(calls), index, n)
