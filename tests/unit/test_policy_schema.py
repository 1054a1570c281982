"""Policy schema errors: each names the file, the line and the field, in words a policy author can act on."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.errors import InputError
from auditor.gate import load_policy

HEAD = "policy: p\nchecks:\n"


@pytest.mark.parametrize(
    ("body", "line", "needle"),
    [
        (HEAD + "  - id: a\n    zero_tolerance: {cwe: [0]}\n", 4, "check 'a', field 'checks.0.zero_tolerance.cwe.0'"),
        (HEAD + "  - id: a\n    zero_tolerance: {severity: huge}\n", 4, "unknown severity 'huge'"),
        (HEAD + "  - id: a\n    zero_tolerance: {tactic: T1059}\n", 4, "ATT&CK tactic ids look like TA0040"),
        (HEAD + "  - id: a\n    zero_tolerance: {}\n", 4, "needs at least one of"),
        (HEAD + "  - id: a\n    zero_tolerance: {cwe: 89, tactic: TA0040}\n", 4, "check of its own"),
        (HEAD + "  - id: a\n    metric: m\n    zero_tolerance: {cwe: 89}\n", 3, "exactly one"),
        (HEAD + "  - id: a\n    zero_tolerance: {cwe: 89}\n    max: 1\n", 3, "takes no metric options"),
        (HEAD + "  - id: a\n    metric: m\n", 3, "needs 'max', 'min'"),
        (HEAD + "  - id: a\n    metric: m\n    max: 0.1\n    min: 0.5\n", 3, "'min' 0.5 is above 'max' 0.1"),
        (HEAD + "  - id: a\n    metric: m\n    significantly_worse: true\n    alpha: 1.5\n", 6, "field 'checks.0.alpha'"),
        (HEAD + "  - id: a\n    metric: m\n    max: 1\nwaivers:\n  - rule: a\n    reason: r\n    owner: o\n", 7,
         "field 'waivers.0.expires': is required"),
        (HEAD + "  - id: a\n    metric: m\n    max: 1\nguard:\n  block_at: medium\n  warn_at: high\n", 6,
         "warn_at (high) must not be above block_at (medium)"),
        (HEAD + "  - id: a\n    metric: m\n    max: 1\nguard:\n  block_on: high\n", 7, "field 'guard.block_on': unknown field"),
        (HEAD + "  - id: a\n    metric: m\n    max: 1\n  - id: a\n    metric: m\n    max: 2\n", 1, "duplicate check id"),
        ("policy: p\nchecks: []\n", 1, "needs at least one check"),
    ],
)
def test_schema_errors_locate_the_mistake(tmp_path: Path, body: str, line: int, needle: str) -> None:
    path = tmp_path / "policy.yaml"
    path.write_text(body)
    with pytest.raises(InputError) as info:
        load_policy(path)
    assert info.value.path == str(path)
    assert info.value.line == line, str(info.value)
    assert needle in info.value.reason, str(info.value)


def test_guard_block_is_optional_and_defaults_are_documented(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + "  - id: a\n    zero_tolerance: {severity: critical}\nguard: {}\n")
    p = load_policy(path)
    assert p.guard is not None and (p.guard.block_at.value, p.guard.warn_at.value, p.guard.fail_closed,
                                    p.guard.timeout_ms) == ("high", "medium", True, 50)
    path.write_text(HEAD + "  - id: a\n    zero_tolerance: {cwe: 89, severity: High}\n")
    check = load_policy(path).checks[0]
    assert check.zero_tolerance is not None and check.zero_tolerance.cwe == [89]
    assert check.zero_tolerance.describe() == "cwe=89 severity>=high"


def test_a_guard_policy_may_have_no_checks_but_then_judges_nothing(tmp_path: Path) -> None:
    from auditor.gate import evaluate
    from auditor.metrics.rates import rate

    path = tmp_path / "g.yaml"
    path.write_text("policy: g\nfail_on_analyzer_error: false\nchecks: []\nguard: {timeout_ms: 2.5}\n")
    p = load_policy(path)
    assert p.checks == [] and p.guard is not None and p.guard.timeout_ms == 2.5
    v = evaluate(p, [rate("analysis.error_rate", 0, 10)])
    assert v.status == "inconclusive" and "nothing was judged" in v.notes[0]
