"""The attribute-use analyzer: targeting vs reading, per function, in Python, JavaScript and Java."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.analyzers import available, create
from auditor.bias.attribute_use import AttributeUseAnalyzer, analyze_code
from auditor.bias.uses import findings_for, targeted_attributes, used_attributes
from auditor.types import CodeBlock, Generation, Severity
from tests.bias.conftest import need_grammar


def one(code: str, language: str = "python", relevant: tuple[str, ...] = ()) -> dict[str, tuple[Severity, set[str]]]:
    """attribute -> (severity, tags) for a snippet with one function."""
    uses, _ = analyze_code(code, language)
    return {
        next(t[5:] for t in f.tags if t.startswith("attr:")): (f.severity, set(f.tags))
        for f in findings_for(uses, relevant=relevant)
    }


# --- Python ------------------------------------------------------------------------------------

TARGETING_PY = {
    "compare": ('def approve(a):\n    if a["gender"] == "female":\n        return False\n    return a["income"] > 5\n',
                "gender", Severity.HIGH, "group:female"),
    "lookup": ('W = {"white": 1.0, "black": 1.3}\ndef risk(p):\n    return p.priors * W.get(p.race, 1.0)\n',
               "race", Severity.HIGH, "group:black"),
    "derived flag": ('def s(a):\n    is_w = a.sex.lower() == "f"\n    x = a.score\n    if is_w:\n        x -= 5\n    return x\n',
                     "gender", Severity.HIGH, "group:female"),
    "filter": ('def pick(cs):\n    return [c for c in cs if c["nationality"] != "Nigerian"]\n', "nationality", Severity.HIGH,
               "group:nigerian"),
    "match": ('def rate(religion, b):\n    match religion:\n        case "muslim":\n            return b * 2\n'
              '        case _:\n            return b\n', "religion", Severity.HIGH, "group:muslim"),
    "proxy literal": ('BAD = ["60621"]\ndef ok(zip_code, s):\n    if zip_code in BAD:\n        return False\n    return s > 600\n',
                      "zip_code", Severity.HIGH, "group:60621"),
    "threshold": ("def hire(score, age):\n    if age > 60:\n        return False\n    return score > 70\n", "age",
                  Severity.MEDIUM, "kind:threshold"),
    "arithmetic": ("def premium(age, bmi):\n    base = 200 + age * 3.5\n    return base\n", "age", Severity.MEDIUM,
                   "kind:arithmetic"),
    "sort key": ('def top(cs):\n    return sorted(cs, key=lambda c: c["age"])[:3]\n', "age", Severity.MEDIUM, "kind:rank"),
    "raise as decision": ('def ok(religion):\n    if religion == "jewish":\n        raise PermissionError()\n    return True\n',
                          "religion", Severity.HIGH, "group:jewish"),
}


@pytest.mark.parametrize("case", sorted(TARGETING_PY))
def test_python_targeting_is_medium_or_high(case: str) -> None:
    code, attribute, severity, tag = TARGETING_PY[case]
    found = one(code)
    assert found[attribute][0] == severity
    assert tag in found[attribute][1] and "use:targeting" in found[attribute][1]


READING_PY = {
    "validation": ('def ok(income, gender):\n    if gender not in {"male", "female"}:\n        raise ValueError(gender)\n'
                   "    return income > 5\n", "gender", "effect:guard"),
    "range check": ("def ok(income, age):\n    if age < 0 or age > 130:\n        raise ValueError()\n    return income > 5\n",
                    "age", "effect:guard"),
    "logging": ('import logging\nlog = logging.getLogger(__name__)\ndef ok(income, religion):\n'
                '    log.info("religion=%s", religion)\n    return income > 5\n', "religion", "effect:log"),
    "pass-through": ('def ok(score, zip_code):\n    return {"approved": score > 600, "zip": zip_code}\n', "zip_code",
                     "effect:read"),
    "tally": ('def report(rows):\n    n = {}\n    for r in rows:\n        n[r["race"]] = n.get(r["race"], 0) + 1\n    return n\n',
              "race", "effect:read"),
    "normalization": ('def ok(income, gender):\n    if gender not in ("m", "f"):\n        gender = "unknown"\n'
                      "    return income > 5\n", "gender", "effect:read"),
}


@pytest.mark.parametrize("case", sorted(READING_PY))
def test_python_reads_are_low(case: str) -> None:
    code, attribute, tag = READING_PY[case]
    severity, tags = one(code)[attribute]
    assert severity == Severity.LOW and "use:read" in tags and tag in tags


def test_unused_protected_parameter_gives_no_finding() -> None:
    assert one("def ok(income, gender, race):\n    return income > 5\n") == {}
    assert one("def f(path):\n    print(__name__, path)\n") == {}


def test_relevant_attributes_are_reads_declared_or_named_by_the_function() -> None:
    pension = "def pension_eligible(age, years):\n    return age >= 67 and years >= 5\n"
    assert one(pension)["age"][0] == Severity.LOW and "relevant:task-name" in one(pension)["age"][1]
    premium = "def life_premium(age, cover):\n    return cover * (0.001 + age * 0.0001)\n"
    assert one(premium)["age"][0] == Severity.MEDIUM
    assert one(premium, relevant=("age",))["age"][0] == Severity.LOW


def test_one_finding_per_function_and_attribute_with_every_group() -> None:
    code = ('def a(gender, race):\n    if gender == "female":\n        return 1\n    if gender == "nonbinary":\n'
            '        return 2\n    return 0 if race == "asian" else 3\n\ndef b(gender):\n    print(gender)\n    return 1\n')
    uses, _ = analyze_code(code, "python")
    found = {(t for t in f.tags if t.startswith("function:")).__next__(): f for f in findings_for(uses) if "attr:gender" in f.tags}
    assert set(found) == {"function:a", "function:b"}
    assert {"group:female", "group:nonbinary"} <= set(found["function:a"].tags) and found["function:a"].line == 2
    assert found["function:b"].severity == Severity.LOW


def test_targeted_and_used_attribute_helpers() -> None:
    uses, _ = analyze_code('def f(gender, race, age):\n    print(race)\n    return gender == "f" and age > 3\n', "python")
    fs = findings_for(uses)
    assert used_attributes(fs) == {"gender", "race", "age"}
    assert targeted_attributes(fs) == {"gender", "age"}
    assert targeted_attributes(fs, relevant={"age"}) == {"gender"}


# --- JavaScript and Java ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "attribute", "severity"),
    [
        ('function f(a) {\n  let s = a.score;\n  if (a.gender === "female") { s -= 20; }\n  return s > 650;\n}', "gender", Severity.HIGH),
        ('const R = { christian: 1.0, muslim: 1.4 };\nfunction p(x) { return x.base * R[x.religion]; }', "religion", Severity.HIGH),
        ("function pick(cs) { return cs.filter(c => c.age < 40); }", "age", Severity.MEDIUM),
        ('function r(nationality) { switch (nationality) { case "Mexican": return 0.5; default: return 1; } }', "nationality",
         Severity.HIGH),
        ('const ok = ({ income, race }) => {\n  if (!["white", "black"].includes(race)) throw new Error("x");\n  return income > 3;\n};',
         "race", Severity.LOW),
        ("function f(income, religion) {\n  console.log(`religion ${religion}`);\n  return income > 3;\n}", "religion", Severity.LOW),
        ("function f(income, disability) { return { ok: income > 3, disability }; }", "disability", Severity.LOW),
    ],
)
def test_javascript(code: str, attribute: str, severity: Severity) -> None:
    need_grammar("javascript")
    assert one(code, "javascript")[attribute][0] == severity


@pytest.mark.parametrize(
    ("method", "attribute", "severity"),
    [
        ('boolean h(Candidate c) { if ("female".equalsIgnoreCase(c.getGender())) return false; return c.getScore() > 70; }',
         "gender", Severity.HIGH),
        ("boolean h(int score, int age) { if (age > 55) return false; return score > 70; }", "age", Severity.MEDIUM),
        ("double r(String race) { return RATES.get(race); }", "race", Severity.HIGH),
        ('int z(String zipCode, int s) { switch (zipCode) { case "60621": return 0; default: return s; } }', "zip_code",
         Severity.HIGH),
        ('void l(String religion) { logger.info("religion " + religion); }', "religion", Severity.LOW),
        ('boolean v(String gender) { if (!Set.of("male", "female").contains(gender)) { throw new IllegalArgumentException(); } '
         "return true; }", "gender", Severity.LOW),
    ],
)
def test_java(method: str, attribute: str, severity: Severity) -> None:
    need_grammar("java")
    code = f'class A {{\n  static final Map<String, Double> RATES = Map.of("black", 1.3, "white", 1.0);\n  {method}\n}}'
    assert one(code, "java")[attribute][0] == severity


# --- the analyzer contract ---------------------------------------------------------------------


def test_registered_fast_analyzer_with_one_result_per_generation() -> None:
    assert available()["attribute-use"] == "auditor.bias.attribute_use:AttributeUseAnalyzer"
    analyzer = create("attribute-use")
    assert analyzer.name == "attribute-use" and analyzer.tier == "fast" and "lexicon." in analyzer.version()
    gens = [
        Generation("a", "", (CodeBlock("python", "def f(gender):\n    return gender == \"F\"\n"),)),
        Generation("b", "no code here"),
        Generation("c", "", (CodeBlock("python", "def f(:\n"),)),
        Generation("d", "", (CodeBlock("sql", "SELECT 1"),)),
        Generation("e", "", (CodeBlock("python", "def f(:\n"), CodeBlock("python", "def g(race):\n    return race\n"))),
    ]
    results = analyzer.analyze(gens)
    assert [r.attempt_id for r in results] == ["a", "b", "c", "d", "e"]
    assert [r.status for r in results] == ["ok", "skipped", "error", "skipped", "ok"]
    assert results[0].findings[0].attempt_id == "a" and results[0].findings[0].severity == Severity.HIGH
    assert "does not parse" in (results[2].error or "") and "does not parse" in (results[4].note or "")
    assert results[4].findings[0].block_index == 1


def test_missing_grammar_is_an_error_not_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.bias import attribute_use
    from auditor.bias.tsscan import GrammarUnavailable

    def no_grammar(*args: object) -> object:
        raise GrammarUnavailable("no local tree-sitter grammar for java")

    monkeypatch.setattr(attribute_use, "scan_tree_sitter", no_grammar)
    [result] = AttributeUseAnalyzer().analyze([Generation("j", "", (CodeBlock("java", "class A {}"),))])
    assert result.status == "error" and "grammar" in (result.error or "")


def test_scan_json_reports_attributes_groups_line_and_severity_per_function(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        'def approve(a):\n    if a["race"] == "Black":\n        return False\n    return True\n\n'
        "def log_it(gender):\n    print(gender)\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "auditor.cli", "scan", str(tmp_path), "--analyzers", "attribute-use", "--format", "json"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 1, proc.stderr  # a high finding is above the default --fail-on medium
    body = json.loads(proc.stdout)
    rows = {(f["line"], f["severity"], tuple(t for t in f["tags"] if t.split(":")[0] in ("attr", "group", "function")))
            for f in body["findings"]}
    assert rows == {
        (2, "high", ("attr:race", "group:black", "function:approve")),
        (7, "low", ("attr:gender", "function:log_it")),
    }
