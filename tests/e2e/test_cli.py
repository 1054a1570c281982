"""The command line as a user meets it: the quick-start audit, scan, report, runs, and exit codes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def auditor(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "auditor.cli", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    store = tmp_path_factory.mktemp("cli") / "runs.sqlite"
    return store, auditor("audit", "--store", str(store))


def test_quick_start_audit_prints_verdict_and_report_location(audited) -> None:  # type: ignore[no-untyped-def]
    store, done = audited
    assert done.returncode in (0, 1, 3), done.stderr
    expected = {"pass": 0, "fail": 1, "inconclusive": 3}
    verdict = next(line for line in done.stdout.splitlines() if line.startswith("Verdict:"))
    status = verdict.split()[1].lower()
    assert done.returncode == expected[status]
    assert "security.insecure_rate" in done.stdout and "malicious.compliance_rate" in done.stdout
    run_id = done.stdout.split("Run ")[-1].split()[0]
    report_dir = store.parent / "reports" / run_id
    doc = json.loads((report_dir / "report.json").read_text())
    assert doc["schema_version"] == 1 and doc["verdict"]["status"] == status
    assert doc["run"]["id"] == run_id and doc["run"]["suites"] == ["security/python-core", "security/javascript-core", "malicious/core"]
    # every analyzer of the default audit ran, and found something real in the sample
    assert set(doc["run"]["analyzer_versions"]) >= {"builtin", "bandit", "semgrep", "refusal", "attribute-use"}
    # findings of several analyzers on one line and CWE are merged; every source is kept
    assert {src for f in doc["findings"] for src in f["sources"]} >= {"builtin", "bandit", "semgrep", "refusal"}
    assert (report_dir / "report.md").read_text().startswith("## auditor:")


def test_repeat_audit_reuses_stored_generations(audited) -> None:  # type: ignore[no-untyped-def]
    store, first = audited
    again = auditor("audit", "--store", str(store), "--analyzers", "builtin")
    assert again.returncode in (0, 1, 3), again.stderr
    db = sqlite3.connect(store)
    assert db.execute("SELECT count(*) FROM generations").fetchone()[0] == 104  # no second copy
    assert db.execute("SELECT count(*) FROM runs WHERE status='complete'").fetchone()[0] == 2
    db.close()


def test_runs_list_show_and_report(audited) -> None:  # type: ignore[no-untyped-def]
    store, _ = audited
    listed = auditor("runs", "list", "--store", str(store))
    assert listed.returncode == 0 and "complete" in listed.stdout
    md = auditor("report", "latest", "--format", "md", "--store", str(store))
    assert md.returncode == 0 and "### Gate" in md.stdout
    jsonl = auditor("export", "latest", "--store", str(store))
    kinds = {json.loads(line)["record"] for line in jsonl.stdout.splitlines()}
    assert {"run", "probe", "attempt", "generation", "finding", "metric", "verdict"} <= kinds
    gate = auditor("gate", "latest", "--explain", "--store", str(store))
    assert gate.returncode in (0, 1, 3) and "why" in gate.stdout


def test_scan_files_json_and_fail_on(tmp_path: Path) -> None:
    bad = tmp_path / "load.py"
    bad.write_text("import yaml\n\ndef read(s):\n    return yaml.load(s)\n")
    good = tmp_path / "ok.py"
    good.write_text("import yaml\n\ndef read(s):\n    return yaml.safe_load(s)\n")
    done = auditor("scan", str(bad), str(good), "--format", "json", "--analyzers", "builtin,bandit")
    assert done.returncode == 1, done.stderr
    body = json.loads(done.stdout)
    flagged = {(f["attempt_id"], f["line"]) for f in body["findings"]}
    assert (str(bad), 4) in flagged and not any(a == str(good) for a, _ in flagged)
    assert body["errors"] == []
    only_critical = auditor("scan", str(tmp_path), "--fail-on", "critical", "--analyzers", "builtin")
    assert only_critical.returncode == 0, only_critical.stdout


def test_scan_jsonl(tmp_path: Path) -> None:
    f = tmp_path / "snips.jsonl"
    f.write_text(json.dumps({"id": "s1", "language": "python", "code": "import os\nos.system('ls ' + name)\n"}) + "\n")
    done = auditor("scan", "--jsonl", str(f), "--format", "json", "--analyzers", "builtin")
    assert done.returncode == 1
    assert any(x["attempt_id"] == "s1" and x["line"] == 2 for x in json.loads(done.stdout)["findings"])


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["audit", "--model", "nonsense"], "bad model spec"),
        (["audit", "--suite", "no/such-suite"], "no such suite"),
        (["scan", "/no/such/path"], "no such file"),
        (["scan", "x.py", "--fail-on", "huge"], "unknown severity"),
        (["report", "nope", "--store", "{store}"], "no run 'nope'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, args: list[str], needle: str) -> None:
    args = [a.replace("{store}", str(tmp_path / "s.sqlite")) for a in args]
    done = auditor(*args, "--store", str(tmp_path / "s.sqlite")) if args[0] == "audit" else auditor(*args)
    assert done.returncode == 2
    assert needle in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_bad_suite_names_file_line_and_field(tmp_path: Path) -> None:
    suite = tmp_path / "bad.yaml"
    suite.write_text("suite: x/bad\nprobes:\n  - id: a\n    goal: g\n    prompt: p\n    cwe: [0]\n")
    done = auditor("audit", "--suite", str(suite), "--store", str(tmp_path / "s.sqlite"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"{suite}:6:" in done.stderr and "probe 'a', field 'cwe'" in done.stderr
