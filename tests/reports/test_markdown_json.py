"""Markdown for pull-request comments and JSON with a schema_version: the extended sections."""

from __future__ import annotations

import json

from auditor.reports import RunView, renderer
from auditor.types import SCHEMA_VERSION


def test_markdown_reads_top_down_and_escapes_model_text(hostile_view: RunView) -> None:
    md = renderer("md")(hostile_view)
    assert md.startswith("## auditor: FAIL")
    sections = ["### Gate", "### Metrics", "### Findings by rule", "### Compliance mapping", "### Reproducibility"]
    assert [md.index(s) for s in sections] == sorted(md.index(s) for s in sections)
    assert "<script>" not in md and "<img" not in md
    assert "expired on 2020-01-01 and no longer applies" in md
    assert "> **Not a certification.**" in md
    assert "| Art. 15(1) | An appropriate level of accuracy, robustness and cybersecurity | not met |" in md
    assert "```\nauditor audit --model openai:gpt-test --base-url https://REDACTED@llm.example.com/v1" in md


def test_json_has_schema_version_compliance_and_redacted_run(hostile_view: RunView) -> None:
    doc = json.loads(renderer("json")(hostile_view))
    assert doc["schema_version"] == SCHEMA_VERSION
    assert "s3cret" not in doc["run"]["model"] and "REDACTED" in doc["run"]["command"]
    frameworks = {f["framework"]: f for f in doc["compliance"]}
    assert frameworks["owasp-top10-2021"]["counts"]["not met"] >= 1
    a03 = next(i for i in frameworks["owasp-top10-2021"]["items"] if i["id"] == "A03:2021")
    assert a03["status"] == "not met"
    assert doc["verdict"]["checks"][0]["id"] == "insecure"
