"""merge_findings: same (attempt, block, line, CWE) becomes one finding that keeps every source."""

from __future__ import annotations

from auditor.analyzers.merge import merge_findings, rule_tag
from auditor.types import Confidence, Finding, Severity


def _finding(analyzer: str, rule_id: str, **kw: object) -> Finding:
    base: dict[str, object] = {
        "message": f"{analyzer} says {rule_id}",
        "severity": Severity.MEDIUM,
        "confidence": Confidence.MEDIUM,
        "cwe": 78,
        "line": 3,
        "end_line": 3,
        "attempt_id": "a1",
        "block_index": 0,
        "sources": (analyzer,),
    }
    base.update(kw)
    return Finding(rule_id=rule_id, analyzer=analyzer, **base)  # type: ignore[arg-type]


def test_same_line_and_cwe_from_three_analyzers_become_one() -> None:
    builtin = _finding("builtin", "py-subprocess-shell-true", severity=Severity.HIGH,
                       confidence=Confidence.MEDIUM)
    bandit = _finding("bandit", "B602", severity=Severity.HIGH, confidence=Confidence.HIGH,
                      tags=("subprocess_popen",))
    semgrep = _finding("semgrep", "py-subprocess-shell-taint", severity=Severity.CRITICAL, end_line=5,
                       confidence=Confidence.LOW, owasp="A03:2021 - Injection")
    (merged,) = merge_findings([bandit, semgrep, builtin])
    assert merged.sources == ("builtin", "bandit", "semgrep")
    assert merged.severity is Severity.CRITICAL
    assert merged.confidence is Confidence.HIGH
    assert merged.end_line == 5
    # the lead is the most severe finding; its rule tag comes first, the others follow sorted
    assert (merged.analyzer, merged.rule_id) == ("semgrep", "py-subprocess-shell-taint")
    assert merged.tags == (
        "subprocess_popen",
        "rule:semgrep:py-subprocess-shell-taint",
        "rule:bandit:B602",
        "rule:builtin:py-subprocess-shell-true",
    )
    assert merged.owasp == "A03:2021 - Injection"


def test_lead_ties_break_by_confidence_then_tier_order() -> None:
    bandit = _finding("bandit", "B602", severity=Severity.HIGH, confidence=Confidence.HIGH)
    builtin = _finding("builtin", "py-os-system", severity=Severity.HIGH, confidence=Confidence.HIGH)
    (merged,) = merge_findings([bandit, builtin])
    lead = (merged.analyzer, merged.rule_id, merged.message)
    assert lead == ("builtin", "py-os-system", "builtin says py-os-system")
    assert merged.sources == ("builtin", "bandit")


def test_different_line_block_attempt_or_cwe_stay_apart() -> None:
    base = _finding("builtin", "r1")
    others = [
        _finding("bandit", "B1", line=4),
        _finding("bandit", "B2", block_index=1),
        _finding("bandit", "B3", attempt_id="a2"),
        _finding("bandit", "B4", cwe=89),
    ]
    merged = merge_findings([base, *others])
    assert [(f.analyzer, f.rule_id) for f in merged] == [
        ("builtin", "r1"), ("bandit", "B1"), ("bandit", "B2"), ("bandit", "B3"), ("bandit", "B4")]
    assert all(len(f.sources) == 1 for f in merged)


def test_findings_without_cwe_merge_only_exact_repeats() -> None:
    a = _finding("builtin", "r1", cwe=None)
    repeat = _finding("builtin", "r1", cwe=None, severity=Severity.HIGH)
    other_tool = _finding("semgrep", "s1", cwe=None)
    merged = merge_findings([a, repeat, other_tool])
    assert [(f.analyzer, f.rule_id, f.severity) for f in merged] == [
        ("builtin", "r1", Severity.HIGH),
        ("semgrep", "s1", Severity.MEDIUM),
    ]


def test_single_findings_gain_their_rule_tag_and_source() -> None:
    bare = Finding(rule_id="B105", analyzer="bandit", message="m", severity=Severity.LOW,
                   confidence=Confidence.LOW, cwe=259, line=1)
    (merged,) = merge_findings([bare])
    assert merged.sources == ("bandit",)
    assert merged.tags == (rule_tag("bandit", "B105"),)


def test_merging_is_idempotent_and_keeps_group_order() -> None:
    findings = [
        _finding("semgrep", "s", line=9, cwe=89),
        _finding("builtin", "b", line=2),
        _finding("bandit", "B608", line=9, cwe=89, severity=Severity.LOW),
        _finding("bandit", "B602", line=2, confidence=Confidence.HIGH),
    ]
    once = merge_findings(findings)
    assert [f.line for f in once] == [9, 2]
    assert merge_findings(once) == once
    assert merge_findings(once + once) == once


def test_unknown_analyzers_sort_after_known_ones() -> None:
    findings = [_finding("zeta-tool", "z"), _finding("alpha-tool", "a"), _finding("semgrep", "s")]
    merged = merge_findings(findings)
    assert merged[0].sources == ("semgrep", "alpha-tool", "zeta-tool")


# --- merged output of auditor scan ---------------------------------------------------------------------

SHELL_PY = "import subprocess\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)  # {i}\n"
EVAL_JS = "function calc(input) {{\n  return eval(input); // {i}\n}}\n"


def _snippets(n: int) -> list:
    from auditor.types import CodeBlock, Generation

    out = []
    for i in range(n):
        lang, code = ("python", SHELL_PY.format(i=i)) if i % 2 == 0 else ("javascript", EVAL_JS.format(i=i))
        out.append(Generation(attempt_id=f"s{i}", text=code, code_blocks=(CodeBlock(lang, code, 1),)))
    return out


def test_scan_merges_builtin_and_bandit_on_the_same_line() -> None:
    from auditor.scan import scan

    result = scan(_snippets(2), ("builtin", "bandit"), workers=1)
    (shell,) = [f for f in result.findings if f.attempt_id == "s0" and f.line == 4]
    assert shell.cwe == 78
    assert shell.sources == ("builtin", "bandit")
    assert any(t.startswith("rule:bandit:B60") for t in shell.tags)
    assert any(t.startswith("rule:builtin:") for t in shell.tags)
    assert len(result.raw_findings) > len(result.findings)


def test_scan_pool_gives_the_same_results_in_input_order_as_one_process() -> None:
    from auditor.scan import plan_chunks, scan

    snippets = _snippets(240)
    assert len(plan_chunks(snippets, 100)) >= 2
    serial = scan(snippets, ("builtin", "bandit"), workers=1)
    pooled = scan(snippets, ("builtin", "bandit"), workers=2)
    assert pooled.workers == 2 and serial.workers == 1
    assert [(r.attempt_id, r.analyzer) for r in pooled.results] == [
        (g.attempt_id, name) for g in snippets for name in ("builtin", "bandit")]
    assert pooled.results == serial.results
    assert pooled.findings == serial.findings


def test_plan_chunks_groups_languages_and_respects_the_size() -> None:
    from auditor.scan import plan_chunks

    snippets = _snippets(10)
    chunks = plan_chunks(snippets, 3)
    assert sorted(i for c in chunks for i in c) == list(range(10))
    assert all(len(c) <= 3 for c in chunks)
    for chunk in chunks:
        assert len({snippets[i].code_blocks[0].language for i in chunk}) == 1
