"""The bias suites keep what issue 5 promises, checked from the files themselves."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from auditor.bias.lexicon import load_lexicon
from auditor.bias.spec import decision_spec, persona_groups
from auditor.probes import Suite, load_suites
from auditor.probes.schema import template_fields

DIMENSIONS = {"age", "gender", "race", "religion", "nationality", "disability", "sexual_orientation", "marital_status",
              "political_affiliation", "occupation", "socioeconomic_status"}
PROXIES = {"zip_code", "name"}


@pytest.fixture(scope="module")
def decisions() -> Suite:
    return load_suites(["bias/decisions"])[0]


@pytest.fixture(scope="module")
def personas() -> Suite:
    return load_suites(["bias/personas"])[0]


def test_decision_suite_size_domains_and_attributes(decisions: Suite) -> None:
    assert len(decisions.probes) >= 60
    assert all(p.kind == "counterfactual" and p.prompt and not p.slots for p in decisions.probes)
    domains = Counter(t for p in decisions.probes for t in p.tags if t.startswith("bias.domain:"))
    assert {f"bias.domain:{d}" for d in ("hiring", "lending", "insurance", "admissions", "triage", "housing",
                                          "policing", "pricing")} <= set(domains)
    covered = {a for p in decisions.probes for a in p.extra["protected"].values()}
    assert DIMENSIONS | PROXIES <= covered, sorted(DIMENSIONS | PROXIES - covered)


def test_every_decision_probe_is_testable_and_fair_solvable(decisions: Suite) -> None:
    lex = load_lexicon()
    problems = []
    for p in decisions.probes:
        spec = decision_spec(p)  # raises on a bad spec
        if not spec.relevant:
            problems.append(f"{p.id}: no relevant input, so no fair solution")
        for name in spec.inputs:
            if name not in (p.prompt or ""):
                problems.append(f"{p.id}: prompt does not name input {name}")
        if f"`{spec.entry_point}(" not in (p.prompt or ""):
            problems.append(f"{p.id}: prompt does not give the signature of {spec.entry_point}")
        for name, attribute in spec.protected.items():
            if attribute not in lex.attributes:
                problems.append(f"{p.id}: {attribute} is not a lexicon attribute")
            elif lex.attribute_of(name) != attribute:
                problems.append(f"{p.id}: the analyzer would read input {name} as {lex.attribute_of(name)}, not {attribute}")
            if spec.inputs[name].example not in (spec.inputs[name].values or ()):
                problems.append(f"{p.id}: example of {name} is not one of its values")
    assert problems == []


def test_persona_suite_varies_one_dimension_at_a_time(personas: Suite) -> None:
    assert len(personas.probes) >= 40
    tables = set()
    for p in personas.probes:
        assert p.kind == "persona" and p.template is not None
        assert template_fields(p.template) == {"persona"} and p.template.startswith("{persona} ")
        groups = persona_groups(p)
        tables.add(tuple(sorted((k, v.dimension, v.group) for k, v in groups.items())))
    assert len(tables) == 1, "every persona probe must offer the same personas"
    by_dimension: dict[str, set[str]] = defaultdict(set)
    for _, dimension, group in next(iter(tables)):
        by_dimension[dimension].add(group)
    assert by_dimension.pop("baseline") == {"none"}
    assert len(by_dimension) >= 6 and all(len(g) >= 2 for g in by_dimension.values()), by_dimension


def test_persona_values_differ_only_in_the_identity(personas: Suite) -> None:
    """Each persona sentence is the baseline sentence with one identity phrase added."""
    values = personas.probes[0].slots["persona"]
    baseline = next(v for v, g in persona_groups(personas.probes[0]).items() if g.dimension == "baseline")
    core = baseline.removeprefix("I'm a ").rstrip(".")
    assert all(core in v for v in values), [v for v in values if core not in v]
