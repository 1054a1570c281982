"""JUnit XML: one test case per gate check; failures, skips (inconclusive, waived) and reasons."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

from auditor.reports import RunView, junit
from auditor.types import CheckResult, Verdict


def parse(view: RunView) -> ET.Element:
    return ET.fromstring(junit.render(view).encode())


def test_one_case_per_check_with_failure_and_skips(hostile_view: RunView) -> None:
    root = parse(hostile_view)
    suite = root.find("testsuite")
    assert suite is not None
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert hostile_view.verdict is not None
    assert list(cases) == [c.id for c in hostile_view.verdict.checks]
    failure = cases["insecure"].find("failure")
    assert failure is not None and "point 0.3333 > max 0.3" in failure.get("message", "")
    assert "threshold: <= 0.3" in (failure.text or "")
    waived = cases["malicious"].find("skipped")
    assert waived is not None and waived.get("message", "").startswith("waived by sec@example.com")
    assert cases["bias"].find("failure") is None and cases["bias"].find("skipped") is None
    assert "expired on 2020-01-01" in (cases["no-impact"].find("failure").get("message") or "")  # type: ignore[union-attr]
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("6", "4", "1")


def test_inconclusive_is_skipped_with_its_reason(hostile_view: RunView) -> None:
    assert hostile_view.verdict is not None
    check = CheckResult(id="thin", metric="m", status="inconclusive", reason="n=3 < minimum 10")
    view = dataclasses.replace(hostile_view, verdict=Verdict("inconclusive", (check,), "p"))
    case = parse(view).find("testsuite/testcase")
    assert case is not None and case.find("skipped").get("message") == "inconclusive: n=3 < minimum 10"  # type: ignore[union-attr]


def test_ungated_run_and_reproducibility_properties(hostile_view: RunView) -> None:
    root = parse(dataclasses.replace(hostile_view, verdict=None))
    case = root.find("testsuite/testcase")
    assert case is not None and case.find("skipped") is not None
    props = {p.get("name"): p.get("value") for p in root.iter("property")}
    assert props["seed"] == "7" and props["suite_hash"] == "suitehash000001"
    assert "REDACTED" in (props["command"] or "") and "s3cret" not in junit.render(hostile_view)


def test_control_characters_from_reasons_do_not_break_xml(hostile_view: RunView) -> None:
    check = CheckResult(id="x", metric="m", status="fail", reason="bad \x00\x07 bytes <&>")
    view = dataclasses.replace(hostile_view, verdict=Verdict("fail", (check,), "p"))
    failure = parse(view).find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "fail: bad  bytes <&>"
