"""Counterfactual execution: run each generated decision function on inputs that differ only in one
protected attribute, in the sandbox, and summarize what changed.

For every protected input of a probe the result records whether *any* profile's output changed when
only that input changed (``flipped``), the share of profiles that changed (``flip_share``), and, when
the probe says which output is favourable, the selected count per group on the same profiles plus the
paired 0/1 rows (one per profile, one column per group) for Cochran's Q / McNemar. An exception is an
output like any other: a function that raises for one group only has treated that group differently.

A function is *untestable* when there is no Python code, the sandbox reports an error (timeout,
violation, crash, the code does not load) or every call raised; the reason is kept. The summary is a
plain dict, stored on the outcome as ``extra["counterfactual"]`` so metrics stay pure functions.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from auditor.bias.population import CallPlan, plan_calls
from auditor.bias.sandbox import SandboxLimits, SandboxResult, run_function
from auditor.bias.spec import DecisionSpec, SpecError, decision_spec
from auditor.extract import normalize_language
from auditor.metrics.outcomes import Outcome
from auditor.types import CodeBlock, Generation, Probe

__all__ = ["run_counterfactual", "summarize", "select_code", "attach_counterfactuals", "is_decision_probe"]


def is_decision_probe(probe: Probe) -> bool:
    return probe.kind == "counterfactual" and "entry_point" in probe.extra


def select_code(blocks: Sequence[CodeBlock], entry_point: str) -> tuple[str | None, str]:
    """The Python code to run, and why not when there is none: the block defining the entry point,
    else every Python block joined (helpers often sit in their own block)."""
    python = [b.code for b in blocks if (normalize_language(b.language) or "python") == "python"]
    if not python:
        langs = sorted({normalize_language(b.language) or "?" for b in blocks})
        return None, (f"no Python code (got {', '.join(langs)})" if blocks else "no code in the response")
    defining = [c for c in python if f"def {entry_point}(" in c]
    return (defining[-1] if defining else "\n\n".join(python)), ""


def _key(out: dict[str, Any]) -> str:
    if "value" in out:
        v = out["value"]
        v = round(v, 9) if isinstance(v, float) else v
        return json.dumps(v, sort_keys=True, default=str)
    return "raised:" + str(out.get("error", "")).partition(":")[0]


def summarize(spec: DecisionSpec, plan: CallPlan, run: SandboxResult) -> dict[str, Any]:
    """The per-function record from one sandbox run (see the module docstring)."""
    base: dict[str, Any] = {"entry": run.entry, "isolation": list(run.isolation), "elapsed_ms": round(run.elapsed_ms, 1)}
    if run.status != "ok":
        return {**base, "status": "untestable", "reason": run.error or "sandbox error"}
    outs = list(run.outputs)
    if len(outs) != len(plan.calls):
        return {**base, "status": "untestable", "reason": f"{len(outs)} results for {len(plan.calls)} calls"}
    if all("value" not in o for o in outs):
        return {**base, "status": "untestable", "reason": f"every call raised ({outs[0].get('error', '?') if outs else 'no calls'})"}
    attributes = {}
    for name, attribute in spec.protected.items():
        attributes[attribute] = _attribute(spec, plan, outs, name)
    return {**base, "status": "tested", "reason": None, "attributes": attributes}


def _attribute(spec: DecisionSpec, plan: CallPlan, outs: list[dict[str, Any]], name: str) -> dict[str, Any]:
    values = [json.dumps(v) for v in spec.inputs[name].values or ()]
    flips = 0
    rows: list[list[int]] = []
    for i in range(plan.profiles):
        results = [outs[plan.index[(name, i, v)]] for v in values]
        flips += len({_key(o) for o in results}) > 1
        if spec.output.has_positive:
            rows.append([int(bool("value" in o and spec.output.is_positive(o["value"]))) for o in results])
    labels = [str(json.loads(v)) for v in values]
    selection = {g: [sum(r[j] for r in rows), len(rows)] for j, g in enumerate(labels)} if rows else None
    return {
        "input": name, "flipped": flips > 0, "flip_share": flips / plan.profiles if plan.profiles else 0.0,
        "groups": labels, "selection": selection, "blocks": rows or None,
    }


def run_counterfactual(
    probe: Probe, blocks: Sequence[CodeBlock], *, limits: SandboxLimits = SandboxLimits(), profiles: int = 40, seed: int = 0
) -> dict[str, Any]:
    """Execute one generation's decision function in the sandbox; the summary record."""
    try:
        spec = decision_spec(probe)
    except SpecError as exc:
        return {"status": "untestable", "reason": str(exc)}
    code, why = select_code(blocks, spec.entry_point)
    if code is None:
        return {"status": "untestable", "reason": why}
    plan = plan_calls(spec, profiles, seed)
    run = run_function(code, spec.entry_point, plan.calls, order=list(spec.inputs), limits=limits)
    return summarize(spec, plan, run)


def attach_counterfactuals(
    outcomes: Sequence[Outcome],
    generations: Iterable[Generation],
    *,
    limits: SandboxLimits = SandboxLimits(),
    profiles: int = 40,
    seed: int = 0,
    advance: Callable[[int], None] | None = None,
) -> list[Outcome]:
    """Outcomes with ``extra["counterfactual"]`` set for every decision probe; others unchanged.

    Identical code for the same probe runs once. Generation errors (no answer) are left without a
    record: they are neither testable nor untestable functions, and ``generation.error_rate`` counts them.
    """
    code_of = {g.attempt_id: g.code_blocks for g in generations}
    cache: dict[str, dict[str, Any]] = {}
    out = []
    for o in outcomes:
        if not is_decision_probe(o.probe) or o.generation_error is not None:
            out.append(o)
            continue
        blocks = code_of.get(o.attempt_id, ())
        key = hashlib.sha256(json.dumps([o.probe.id, [b.code for b in blocks]]).encode()).hexdigest()
        if key not in cache:
            cache[key] = run_counterfactual(o.probe, blocks, limits=limits, profiles=profiles, seed=seed)
        out.append(dataclasses.replace(o, extra={**o.extra, "counterfactual": cache[key]}))
        if advance:
            advance(1)
    return out
