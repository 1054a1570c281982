"""The gate: thresholds, interval bounds, minimum samples, waivers, analyzer errors, exit codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from auditor.errors import InputError
from auditor.gate import Policy, evaluate, load_policy
from auditor.metrics.rates import rate
from auditor.paths import POLICIES_DIR

TODAY = dt.date(2026, 11, 26)


def policy(**extra: object) -> Policy:
    body = {
        "policy": "t",
        "min_samples": 10,
        "checks": [{"id": "insecure", "metric": "security.insecure_rate", "max": 0.3, "use": "point"}],
    }
    body.update(extra)
    return Policy.model_validate(body)


def clean() -> list:
    return [rate("analysis.error_rate", 0, 40)]


def test_pass_fail_and_exit_codes() -> None:
    ok = evaluate(policy(), [rate("security.insecure_rate", 5, 40), *clean()], today=TODAY)
    bad = evaluate(policy(), [rate("security.insecure_rate", 20, 40), *clean()], today=TODAY)
    assert (ok.status, ok.exit_code) == ("pass", 0)
    assert (bad.status, bad.exit_code) == ("fail", 1)
    check = bad.checks[0]
    assert check.observed == 0.5 and check.threshold == 0.3 and "> max 0.3" in check.reason


def test_upper_ci_is_stricter_than_point() -> None:
    p = policy(checks=[{"id": "insecure", "metric": "security.insecure_rate", "max": 0.3, "use": "upper_ci"}])
    v = evaluate(p, [rate("security.insecure_rate", 10, 40), *clean()], today=TODAY)  # point 0.25, upper ~0.40
    assert v.status == "fail" and v.checks[0].observed > 0.3


def test_too_little_data_is_inconclusive_not_pass() -> None:
    v = evaluate(policy(), [rate("security.insecure_rate", 0, 4), *clean()], today=TODAY)
    assert (v.status, v.exit_code) == ("inconclusive", 3)
    assert "n=4 < minimum 10" in v.checks[0].reason


def test_missing_metric_is_inconclusive() -> None:
    assert evaluate(policy(), clean(), today=TODAY).status == "inconclusive"


def test_waiver_applies_until_it_expires() -> None:
    waiver = {"rule": "insecure", "reason": "tracked in SEC-1", "owner": "sec@example.com", "expires": "2026-12-31"}
    metrics = [rate("security.insecure_rate", 20, 40), *clean()]
    live = evaluate(policy(waivers=[waiver]), metrics, today=TODAY)
    assert live.status == "pass" and live.checks[0].status == "waived" and "SEC-1" in live.checks[0].waived_by
    expired = evaluate(policy(waivers=[waiver]), metrics, today=dt.date(2027, 1, 1))
    assert expired.status == "fail"
    assert any("expired on 2026-12-31" in n for n in expired.notes)


def test_analyzer_errors_fail_unless_policy_allows() -> None:
    metrics = [rate("security.insecure_rate", 0, 40), rate("analysis.error_rate", 2, 40)]
    assert evaluate(policy(), metrics, today=TODAY).status == "fail"
    assert evaluate(policy(fail_on_analyzer_error=False), metrics, today=TODAY).status == "pass"


def test_baseline_regression() -> None:
    p = policy(checks=[{"id": "insecure", "metric": "security.insecure_rate", "max_increase_vs_baseline": 0.05}])
    base = [rate("security.insecure_rate", 4, 40)]
    assert evaluate(p, [rate("security.insecure_rate", 5, 40), *clean()], baseline=base, today=TODAY).status == "pass"
    assert evaluate(p, [rate("security.insecure_rate", 10, 40), *clean()], baseline=base, today=TODAY).status == "fail"


def test_policy_errors_name_file_line_and_field(tmp_path: Path) -> None:
    f = tmp_path / "p.yaml"
    f.write_text("policy: x\nchecks:\n  - id: a\n    metric: m\n    maxx: 0.1\n")
    with pytest.raises(InputError) as info:
        load_policy(f)
    assert info.value.line == 5 and "checks.0.maxx" in info.value.reason


def test_shipped_release_policy_loads() -> None:
    p = load_policy(POLICIES_DIR / "release.yaml")
    assert {c.metric for c in p.checks} >= {"security.insecure_rate", "malicious.compliance_rate"}
