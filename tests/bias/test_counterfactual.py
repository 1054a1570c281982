"""Counterfactual execution: inputs differing in one protected attribute, flips, selection rates."""

from __future__ import annotations

import json

import numpy as np
import pytest
from fairlearn.metrics import demographic_parity_difference, demographic_parity_ratio

from auditor.bias.counterfactual import attach_counterfactuals, run_counterfactual, select_code
from auditor.bias.population import draw_profiles, plan_calls
from auditor.bias.spec import DecisionSpec, SpecError, decision_spec
from auditor.metrics.outcomes import Outcome
from auditor.types import CodeBlock, Generation, Probe

EXTRA = {
    "entry_point": "approve_loan",
    "inputs": {
        "income": {"type": "float", "example": 50000, "range": [10000, 120000]},
        "debts": {"type": "int", "example": 1, "values": [0, 1, 2, 3]},
        "gender": {"type": "str", "example": "female", "values": ["female", "male", "nonbinary"]},
        "age": {"type": "int", "example": 45, "values": [25, 45, 70]},
    },
    "relevant": ["income", "debts"],
    "protected": {"gender": "gender", "age": "age"},
    "output": {"type": "bool"},
}
PROBE = Probe(id="bias-loan", suite="bias/test", kind="counterfactual", language="python", cwe=(), goal="g",
              prompt="p", extra=EXTRA)
FAIR = "def approve_loan(income, debts, gender, age):\n    return income > 40000 and debts < 3\n"
BIASED = ("def approve_loan(income, debts, gender, age):\n    if gender == 'female':\n        return income > 80000\n"
          "    return income > 40000\n")


def test_profiles_are_seeded_and_calls_differ_in_one_protected_input_only() -> None:
    spec = decision_spec(PROBE)
    assert draw_profiles(spec, 5, seed=1) == draw_profiles(spec, 5, seed=1) != draw_profiles(spec, 5, seed=2)
    plan = plan_calls(spec, n=10)
    for i in range(10):
        calls = [plan.calls[plan.index[("gender", i, json.dumps(v))]] for v in ("female", "male", "nonbinary")]
        for call in calls[1:]:
            assert {k for k in call if call[k] != calls[0][k]} == {"gender"}
    assert len(plan.calls) == 10 * (3 + 3 - 1)  # the call at both examples (female, 45) is shared


def test_fair_function_never_flips_and_has_exact_parity() -> None:
    record = run_counterfactual(PROBE, [CodeBlock("python", FAIR)], profiles=30)
    assert record["status"] == "tested"
    for attribute in ("gender", "age"):
        a = record["attributes"][attribute]
        assert a["flipped"] is False and a["flip_share"] == 0.0
        assert len({tuple(v) for v in a["selection"].values()}) == 1


def test_biased_function_flips_on_its_attribute_only() -> None:
    record = run_counterfactual(PROBE, [CodeBlock("python", BIASED)], profiles=30)
    gender, age = record["attributes"]["gender"], record["attributes"]["age"]
    assert gender["flipped"] and 0 < gender["flip_share"] < 1 and not age["flipped"]
    sel = gender["selection"]
    assert sel["female"][0] < sel["male"][0] == sel["nonbinary"][0]
    assert all(len(row) == 3 for row in gender["blocks"]) and len(gender["blocks"]) == 30


def test_selection_rates_match_fairlearn() -> None:
    record = run_counterfactual(PROBE, [CodeBlock("python", BIASED)], profiles=30)
    gender = record["attributes"]["gender"]
    y_pred = np.array([v for row in gender["blocks"] for v in row])
    groups = np.array(gender["groups"] * len(gender["blocks"]))
    rates = {g: s / n for g, (s, n) in gender["selection"].items()}
    ours_diff = max(rates.values()) - min(rates.values())
    ours_ratio = min(rates.values()) / max(rates.values())
    assert ours_diff == pytest.approx(demographic_parity_difference(y_pred, y_pred, sensitive_features=groups))
    assert ours_ratio == pytest.approx(demographic_parity_ratio(y_pred, y_pred, sensitive_features=groups))


def test_exception_for_one_group_is_a_flip() -> None:
    code = ("def approve_loan(income, debts, gender, age):\n    if gender == 'nonbinary':\n        raise ValueError(gender)\n"
            "    return income > 40000\n")
    record = run_counterfactual(PROBE, [CodeBlock("python", code)], profiles=10)
    assert record["attributes"]["gender"]["flipped"] and record["attributes"]["gender"]["flip_share"] == 1.0


@pytest.mark.parametrize(
    ("blocks", "reason"),
    [
        ([], "no code"),
        ([CodeBlock("javascript", "function approve_loan() {}")], "no Python code"),
        ([CodeBlock("python", "def approve_loan(:\n")], "did not load"),
        ([CodeBlock("python", "def approve_loan(income, debts, gender, age):\n    raise RuntimeError()\n")], "every call raised"),
        ([CodeBlock("python", "import time\ndef approve_loan(income, debts, gender, age):\n    time.sleep(99)\n")], "timed out"),
    ],
)
def test_untestable_functions_say_why(blocks: list[CodeBlock], reason: str) -> None:
    from auditor.bias.sandbox import SandboxLimits

    record = run_counterfactual(PROBE, blocks, profiles=3, limits=SandboxLimits(cpu_seconds=1, wall_seconds=2))
    assert record["status"] == "untestable" and reason in record["reason"]


def test_select_code_prefers_the_block_defining_the_entry_point() -> None:
    blocks = [CodeBlock("python", "print('usage')"), CodeBlock(None, FAIR), CodeBlock("text", "output")]
    assert select_code(blocks, "approve_loan") == (FAIR, "")
    helpers = [CodeBlock("python", "def helper():\n    return 1"), CodeBlock("python", "x = 2")]
    assert select_code(helpers, "approve_loan")[0] == "def helper():\n    return 1\n\nx = 2"


def test_bad_specs_are_rejected_with_the_field() -> None:
    bad = {**EXTRA, "protected": {"gender": "gender", "salary": "income"}}
    with pytest.raises(SpecError, match="unknown input"):
        decision_spec(Probe(id="b", suite="s", kind="counterfactual", language=None, cwe=(), goal="g", prompt="p", extra=bad))
    one_value = {**EXTRA, "inputs": {**EXTRA["inputs"], "age": {"type": "int", "example": 3, "values": [3]}}}
    with pytest.raises(SpecError, match="at least two"):
        decision_spec(Probe(id="b", suite="s", kind="counterfactual", language=None, cwe=(), goal="g", prompt="p",
                            extra=one_value))
    assert DecisionSpec.model_validate(EXTRA).output.is_positive(True) is True


def test_attach_runs_each_distinct_function_once_and_skips_other_probes() -> None:
    other = Probe(id="sec", suite="security/x", kind="instruct", language="python", cwe=(89,), goal="g", prompt="p")
    outcomes = [
        Outcome("a1", PROBE, {}, True, None), Outcome("a2", PROBE, {}, True, None),
        Outcome("a3", PROBE, {}, False, "timeout"), Outcome("s1", other, {}, True, None),
    ]
    gens = [Generation("a1", "", (CodeBlock("python", FAIR),)), Generation("a2", "", (CodeBlock("python", FAIR),)),
            Generation("s1", "", (CodeBlock("python", "x = 1"),))]
    done: list[int] = []
    out = attach_counterfactuals(outcomes, gens, profiles=5, advance=done.append)
    assert out[0].extra["counterfactual"] == out[1].extra["counterfactual"]
    assert out[0].extra["counterfactual"]["status"] == "tested"
    assert "counterfactual" not in out[2].extra and "counterfactual" not in out[3].extra
    assert sum(done) == 2
