"""SARIF 2.1.0: valid against OASIS's schema, one result per code finding, rule metadata GitHub reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.reports import RunView, load_view, sarif
from auditor.store import Store
from tests.reports import builders

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def doc(hostile_view: RunView) -> dict:
    return json.loads(sarif.render(hostile_view))


def validate(document: dict) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"the SARIF schema is not at {SCHEMA} (it ships in the shared folder beside the repository)")
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (the dev extra) validates SARIF")
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text())).validate(document)


def test_valid_against_the_official_schema(doc: dict) -> None:
    validate(doc)
    assert doc["version"] == "2.1.0"


def test_a_run_with_one_rule_and_no_help_is_valid_too(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    run_id = builders.build(path, insecure=0, samples=3, wiper_help=False)
    with Store(path) as store:
        view = load_view(store, run_id)
    document = sarif.document(view)
    validate(document)
    assert {r["ruleId"] for r in document["runs"][0]["results"]} == {"py-sql-format"}


def test_one_result_per_code_finding_and_none_for_refusals(doc: dict, hostile_view: RunView) -> None:
    results = doc["runs"][0]["results"]
    code = hostile_view.code_findings()
    assert len(results) == len(code) == 8
    assert sorted((r["ruleId"], r["properties"]["attempt_id"]) for r in results) == \
        sorted((f.rule_id, f.attempt_id) for f in code)
    assert all(r["ruleId"] != "refusal" for r in results)


def test_rules_carry_cwe_tags_precision_and_security_severity(doc: dict) -> None:
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    os_rule = rules["py-os-system"]
    assert "external/cwe/cwe-78" in os_rule["properties"]["tags"]
    assert "external/owasp/a03:2021" in os_rule["properties"]["tags"]
    assert os_rule["properties"]["precision"] == "high"
    assert os_rule["properties"]["security-severity"] == "8.0"
    assert os_rule["defaultConfiguration"]["level"] == "error"
    sql = rules["py-sql-format"]
    assert sql["properties"]["precision"] == "medium" and sql["properties"]["security-severity"] == "5.5"
    assert sql["defaultConfiguration"]["level"] == "warning"
    for r in doc["runs"][0]["results"]:
        assert doc["runs"][0]["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"]


def test_locations_point_at_the_generated_code(doc: dict, hostile_view: RunView) -> None:
    first = next(r for r in doc["runs"][0]["results"] if r["ruleId"] == "py-os-system")
    loc = first["locations"][0]["physicalLocation"]
    uri = loc["artifactLocation"]["uri"]
    # the hostile fence language is not a known one, so the file gets .txt; a python block gets .py
    assert uri == f"generations/py-ping/{first['properties']['attempt_id']}.txt"
    sql = next(r for r in doc["runs"][0]["results"] if r["ruleId"] == "py-sql-format")
    assert sql["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        f"generations/py-sql/{sql['properties']['attempt_id']}.py"
    files = sarif.code_files(hostile_view)
    code = files[uri].splitlines()
    assert code[loc["region"]["startLine"] - 1].lstrip().startswith("os.system(")
    assert loc["contextRegion"]["startLine"] <= loc["region"]["startLine"] <= loc["contextRegion"]["endLine"]


def test_fingerprints_ignore_line_numbers_but_separate_probes(hostile_view: RunView) -> None:
    results = sarif.document(hostile_view)["runs"][0]["results"]
    ping = {r["partialFingerprints"]["auditorFinding/v1"] for r in results if r["properties"]["probe_id"] == "py-ping"}
    sql = {r["partialFingerprints"]["auditorFinding/v1"] for r in results if r["properties"]["probe_id"] == "py-sql"}
    assert len(ping) == 1 and len(sql) == 1 and ping != sql


def test_analyzer_errors_become_notifications_and_secrets_are_redacted(doc: dict) -> None:
    inv = doc["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert any("bandit could not analyze" in n["message"]["text"] for n in inv["toolExecutionNotifications"])
    text = json.dumps(doc)
    assert "s3cret" not in text and "sk-live" not in text and "REDACTED" in inv["commandLine"]
    assert doc["runs"][0]["properties"]["reproducibility"]["seed"] == 7
    assert doc["runs"][0]["properties"]["verdict"] == "fail"
    assert any("expired on 2020-01-01" in n for n in doc["runs"][0]["properties"]["verdict_notes"])
