"""JUnit XML report: one test case per gate check, so CI systems show the verdict natively.

A failed check is a ``<failure>``, an errored one an ``<error>``, and an inconclusive or waived
check is ``<skipped>`` with its reason (waived ones name the waiver). Every test case says, in
``system-out``, the metric, observed value, threshold and why. A run without a verdict is a single
skipped test case. The reproducibility block is kept as suite ``<properties>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

from auditor.reports.repro import reproducibility
from auditor.reports.view import RunView
from auditor.types import CheckResult

__all__ = ["render"]


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(text: str) -> str:
    """Text XML 1.0 can carry (control characters dropped; ElementTree escapes the rest)."""
    return _NOT_XML.sub("", text)


def _num(x: float | None) -> str:
    return "–" if x is None else f"{x:.4g}"


def _detail(c: CheckResult) -> str:
    threshold = "–" if c.threshold is None else f"{c.comparator} {_num(c.threshold)}"
    lines = [f"metric: {c.metric} ({c.use}), n={c.n}", f"observed: {_num(c.observed)}", f"threshold: {threshold}",
             f"why: {c.reason}"]
    if c.waived_by:
        lines.append(f"waived by: {c.waived_by}")
    return _x("\n".join(lines))


def _case(suite: ET.Element, classname: str, c: CheckResult) -> None:
    case = ET.SubElement(suite, "testcase", name=c.id, classname=classname, time="0")
    summary = _x(f"{c.status}: {c.reason}")
    if c.status == "fail":
        ET.SubElement(case, "failure", message=summary, type="PolicyCheckFailed").text = _detail(c)
    elif c.status == "error":
        ET.SubElement(case, "error", message=summary, type="PolicyCheckError").text = _detail(c)
    elif c.status == "waived":
        ET.SubElement(case, "skipped", message=_x(f"waived by {c.waived_by}: {c.reason}"))
    elif c.status == "inconclusive":
        ET.SubElement(case, "skipped", message=_x(f"inconclusive: {c.reason}"))
    ET.SubElement(case, "system-out").text = _detail(c)


def _properties(suite: ET.Element, view: RunView) -> None:
    props = ET.SubElement(suite, "properties")
    for key, value in reproducibility(view).items():
        text = value if isinstance(value, str) else repr(value) if value is not None else ""
        ET.SubElement(props, "property", name=key, value=_x(text))


def render(view: RunView) -> str:
    v = view.verdict
    policy = v.policy if v else "none"
    classname = f"auditor.gate.{policy}"
    checks = v.checks if v else ()
    tally = Counter(c.status for c in checks)
    root = ET.Element("testsuites", name="auditor", tests=str(max(len(checks), 1)))
    suite = ET.SubElement(
        root, "testsuite", name=f"auditor gate: {policy} ({view.run.id})",
        tests=str(max(len(checks), 1)), failures=str(tally.get("fail", 0)), errors=str(tally.get("error", 0)),
        skipped=str(tally.get("waived", 0) + tally.get("inconclusive", 0) + (0 if v else 1)),
        timestamp=view.run.created_at, time="0",
    )
    root.set("failures", suite.get("failures", "0"))
    root.set("errors", suite.get("errors", "0"))
    root.set("skipped", suite.get("skipped", "0"))
    _properties(suite, view)
    if v is None:
        case = ET.SubElement(suite, "testcase", name="gate", classname=classname, time="0")
        ET.SubElement(case, "skipped", message="the run has not been evaluated against a policy")
    for c in checks:
        _case(suite, classname, c)
    if v is not None and v.notes:
        ET.SubElement(suite, "system-out").text = _x("\n".join(f"note: {n}" for n in v.notes))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
