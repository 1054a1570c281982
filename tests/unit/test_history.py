"""Run history: metrics side by side with change and significance; findings matched by probe, rule and CWE."""

from __future__ import annotations

import pytest

from auditor.history import diff_findings, diff_metrics, render_text, RunDiff
from auditor.metrics.rates import rate
from auditor.types import Confidence, Finding, Severity


def f(rule: str, cwe: int | None, line: int, severity: Severity = Severity.HIGH) -> Finding:
    return Finding(rule, "builtin", f"{rule} message", severity, Confidence.HIGH, cwe=cwe, line=line, attempt_id="x")


def test_metrics_side_by_side_with_fisher_two_sided() -> None:
    from scipy.stats import fisher_exact

    a = [rate("security.insecure_rate", 8, 40), rate("generation.error_rate", 0, 50), rate("only.a", 1, 2)]
    b = [rate("security.insecure_rate", 24, 40), rate("generation.error_rate", 1, 50), rate("only.b", 1, 2)]
    rows = {c.name: c for c in diff_metrics(a, b)}
    insecure = rows["security.insecure_rate"]
    assert insecure.change == pytest.approx(0.4)
    assert insecure.p_value == pytest.approx(fisher_exact([[8, 32], [24, 16]])[1])
    assert insecure.significant and not rows["generation.error_rate"].significant
    assert rows["only.a"].b is None and rows["only.b"].a is None and rows["only.a"].change is None


def test_significance_is_adjusted_within_a_family() -> None:
    # p≈0.03 alone is significant; among many unchanged group rows it is not, but headline rows are their own family
    a = [rate("m", 10, 40)] + [rate("m", 5, 10, {"g": str(i)}) for i in range(20)]
    b = [rate("m", 20, 40)] + [rate("m", 5, 10, {"g": str(i)}) for i in range(19)] + [rate("m", 0, 10, {"g": "19"})]
    rows = diff_metrics(a, b)
    head = next(r for r in rows if not r.by)
    g19 = next(r for r in rows if r.by == {"g": "19"})
    assert head.p_value == head.p_adjusted and head.significant
    assert g19.p_value < 0.05 and g19.p_adjusted > 0.05 and not g19.significant


def test_findings_matched_by_probe_rule_and_cwe_not_line() -> None:
    a = [("p1", f("sql", 89, 10)), ("p1", f("os", 78, 3)), ("p2", f("sql", 89, 4))]
    b = [("p1", f("sql", 89, 12)), ("p1", f("sql", 89, 30)), ("p2", f("eval", 95, 1)), ("p3", f("sql", 89, 4))]
    changes = {(c.probe_id, c.rule_id, c.cwe): c for c in diff_findings(a, b)}
    assert changes[("p1", "sql", 89)].status == "unchanged"  # moved lines, still the same flaw
    assert (changes[("p1", "sql", 89)].count_a, changes[("p1", "sql", 89)].count_b) == (1, 2)
    assert changes[("p1", "os", 78)].status == "fixed"
    assert changes[("p2", "sql", 89)].status == "fixed" and changes[("p3", "sql", 89)].status == "new"
    assert changes[("p2", "eval", 95)].status == "new"
    assert [c.status for c in diff_findings(a, b)][:2] == ["new", "new"]  # new first


def test_render_text_lists_metrics_and_new_fixed_findings() -> None:
    diff = RunDiff("runA", "runB", 0.05, tuple(diff_metrics([rate("m", 8, 40)], [rate("m", 24, 40)])),
                   tuple(diff_findings([("p1", f("os", 78, 3))], [("p2", f("sql", 89, 4))])))
    text = render_text(diff)
    assert "0.200 (8/40)" in text and "0.600 (24/40)" in text and "+0.400" in text and "significant" in text
    assert "1 new, 1 fixed, 0 unchanged" in text
    assert "new       p2  sql (CWE-89, high)  0 -> 1" in text and "fixed     p1  os (CWE-78, high)  1 -> 0" in text
    assert diff.as_dict()["summary"] == {"new": 1, "fixed": 1, "unchanged": 0}
