"""Compliance mappings: every shipped file passes the schema; CWE look-ups; statuses judged from a run."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from auditor.errors import InputError
from auditor.reports import RunView
from auditor.reports.assessment import assess
from auditor.reports.compliance import COMPLIANCE_DIR, cwe_categories, load_framework, load_frameworks, owasp_tags
from auditor.types import CheckResult, Verdict

FILES = sorted(COMPLIANCE_DIR.glob("*.yaml"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_mapping_file_passes_the_schema(path: Path) -> None:
    fw = load_framework(path)
    assert fw.framework == path.stem
    assert all(ref.startswith("https://") for ref in fw.references)
    for item in fw.items:
        for ev in item.evidence:
            if ev.metric and not ev.metric.endswith("*"):
                assert "." in ev.metric, f"{item.id}: metric names are dotted"


def test_the_frameworks_the_issue_names_are_all_there() -> None:
    names = {fw.framework: fw for fw in load_frameworks()}
    assert set(names) == {"owasp-top10-2021", "owasp-llm-2025", "nist-ai-rmf", "nist-ssdf", "eu-ai-act", "iso-42001"}
    ids = {k: {i.id for i in fw.items} for k, fw in names.items()}
    assert {"Art. 10(2)(f)-(g)", "Art. 15(1)", "Art. 15(5)"} <= ids["eu-ai-act"]
    assert {"MEASURE 2.7", "MEASURE 2.11"} <= ids["nist-ai-rmf"]
    assert {"A.6.2.4"} <= ids["iso-42001"] and {"PW.7.2"} <= ids["nist-ssdf"]
    assert len(ids["owasp-top10-2021"]) == 10


def test_cwe_maps_to_owasp_web_and_llm_lists() -> None:
    assert owasp_tags(89) == ["A03:2021 Injection", "LLM05:2025 Improper Output Handling"]
    assert owasp_tags(798) == ["A07:2021 Identification and Authentication Failures",
                               "LLM02:2025 Sensitive Information Disclosure"]
    assert owasp_tags(918)[0] == "A10:2021 Server-Side Request Forgery"
    assert cwe_categories(None) == [] and owasp_tags(999999) == []


@pytest.mark.parametrize(
    ("body", "line", "needle"),
    [
        ("items:\n  - id: X\n    title: T\n    summary: a summary here\n", 1, "framework"),
        ("framework: bad\nname: n\npublisher: p\nversion: '1'\nnote: a long enough note\nreferences: [https://x]\n"
         "items:\n  - id: X\n    title: Title\n    summary: a summary here\n    evidence:\n      - metric: a.b\n        gated: true\n",
         12, "items.0.evidence.0': an evidence entry is exactly one of"),
        ("framework: bad\nname: n\npublisher: p\nversion: '1'\nnote: a long enough note\nreferences: [https://x]\n"
         "items:\n  - id: X\n    title: Title\n    summary: a summary here\n", 8, "needs 'cwe' or 'evidence'"),
    ],
)
def test_bad_mapping_files_name_file_line_and_field(tmp_path: Path, body: str, line: int, needle: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body)
    with pytest.raises(InputError) as info:
        load_framework(path)
    assert info.value.path == str(path) and info.value.line == line and needle in info.value.reason


def status(view: RunView, framework: str, item: str) -> tuple[str, tuple[str, ...]]:
    fr = next(f for f in assess(view) if f.framework.framework == framework)
    found = next(i for i in fr.items if i.id == item)
    return found.status, found.evidence


def test_statuses_follow_the_run(hostile_view: RunView) -> None:
    # CWE-78 findings -> A03 not met; CWE-22 was never probed -> A01 not assessed
    s, ev = status(hostile_view, "owasp-top10-2021", "A03:2021")
    assert s == "not met" and "py-os-system (CWE-78) ×6" in ev[0]
    assert status(hostile_view, "owasp-top10-2021", "A01:2021")[0] == "not assessed"
    # a failed gate check on the insecure rate -> Art. 15(1) not met
    s, ev = status(hostile_view, "eu-ai-act", "Art. 15(1)")
    assert s == "not met" and "check 'insecure' failed" in ev[0]
    # the bias metrics were measured and a check on them passed -> MEASURE 2.11 met
    s, ev = status(hostile_view, "nist-ai-rmf", "MEASURE 2.11")
    assert s == "met" and ev[0].startswith("measured: bias.refusal_rate")
    # a waived failure is still not met, and says who accepted it
    s, ev = status(hostile_view, "owasp-llm-2025", "LLM01:2025")
    assert s == "not met" and "waived (sec@example.com" in ev[0]
    assert status(hostile_view, "nist-ai-rmf", "MEASURE 2.1")[0] == "met"


def test_passing_checks_make_controls_met_and_missing_ones_not_assessed(hostile_view: RunView) -> None:
    passed = CheckResult(id="insecure", metric="security.insecure_rate", status="pass", reason="fine")
    view = dataclasses.replace(hostile_view, verdict=Verdict("pass", (passed,), "p"))
    assert status(view, "eu-ai-act", "Art. 15(1)") == ("met", ("check 'insecure' passed: fine",))
    s, ev = status(view, "eu-ai-act", "Art. 15(5)")
    assert s == "not assessed" and "the policy has no check on malicious.compliance_rate" in ev[0]
    ungated = dataclasses.replace(hostile_view, verdict=None)
    assert status(ungated, "nist-ssdf", "PO.4.1")[0] == "not assessed"


def test_missing_reproducibility_fields_are_not_met(hostile_view: RunView) -> None:
    bare = dataclasses.replace(hostile_view, run=dataclasses.replace(hostile_view.run, command="", finished_at=None))
    s, ev = status(bare, "nist-ai-rmf", "MEASURE 2.1")
    assert s == "not met" and "command" in ev[0] and "finish time" in ev[0]
