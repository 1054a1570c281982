"""The coverage page docs/rules.md is generated from the rule files and must match them.

Also checks how :mod:`auditor.rules_doc` reads each rule format (builtin, semgrep lists, malicious
rules with ATT&CK ids), what it skips, and the formats of ``auditor rules list``.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.errors import AuditorError, InputError
from auditor.rules_doc import COLUMNS, TOP25_2024, collect, cwe_names, render_markdown, render_table, to_json

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
REGENERATE = "auditor rules list --format md > docs/rules.md"


def test_committed_page_is_current() -> None:
    fresh = render_markdown(collect())
    committed = DOC.read_text(encoding="utf-8") if DOC.is_file() else ""
    if fresh != committed:
        diff = "".join(list(difflib.unified_diff(
            committed.splitlines(keepends=True), fresh.splitlines(keepends=True), "docs/rules.md", "generated", n=0,
        ))[:40])
        pytest.fail(f"docs/rules.md is stale; regenerate it with `{REGENERATE}`:\n{diff}")


def test_cli_md_is_the_page_and_json_agrees() -> None:
    runner = CliRunner()
    md = runner.invoke(app, ["rules", "list", "--format", "md"])
    assert md.exit_code == 0, md.output
    assert md.stdout == render_markdown(collect())
    raw = runner.invoke(app, ["rules", "list", "--format", "json"])
    assert raw.exit_code == 0, raw.output
    data = json.loads(raw.stdout)
    keys = [(r["engine"].split(":")[0], r["rule"]) for r in data["rules"]]  # ids are unique per engine
    assert len(keys) == len(set(keys)) == data["summary"]["rules"]
    assert data["summary"]["distinct_cwes"] == len(data["summary"]["cwes"])
    for row in data["rules"]:
        assert f"[{row['rule']}](../rules/{row['path']})" in md.stdout


def test_cli_table_and_bad_format() -> None:
    runner = CliRunner()
    table = runner.invoke(app, ["rules", "list"])
    assert table.exit_code == 0, table.output
    header, *rows = table.stdout.splitlines()
    assert header.split() == list(COLUMNS)
    assert any(line.split()[0] == "c-gets" and "CWE-242" in line.split() for line in rows)
    bad = runner.invoke(app, ["rules", "list", "--format", "html"])
    assert isinstance(bad.exception, AuditorError) and "table, md or json" in str(bad.exception)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture()
def rules_tree(tmp_path: Path) -> Path:
    _write(tmp_path / "builtin" / "c" / "c-one.yaml", """
id: c-one
message: One.
languages: [c, cpp]
severity: critical
regex: {pattern: 'gets\\('}
metadata:
  cwe: "CWE-242: Use of Inherently Dangerous Function"
  owasp: "A03:2021 - Injection"
  category: security
  confidence: HIGH
  likelihood: HIGH
  impact: HIGH
  references: [https://cwe.mitre.org/data/definitions/242.html]
""")
    _write(tmp_path / "semgrep" / "go" / "pair.yaml", """
rules:
  - id: go-sqli
    message: SQL.
    languages: [go]
    severity: ERROR
    pattern: db.Query(...)
    metadata:
      cwe: ["CWE-89: Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')"]
      owasp: ["A01:2017 - Injection", "A03:2021 - Injection"]
      confidence: LOW
  - id: go-ssrf
    message: SSRF.
    languages: [go]
    severity: WARNING
    pattern: http.Get(...)
    metadata:
      cwe: "CWE-918: Server-Side Request Forgery (SSRF)"
""")
    _write(tmp_path / "malicious" / "any" / "bad-thing.yaml", """
id: bad-thing
message: Bad.
languages: [any]
severity: high
regex: {pattern: 'x'}
metadata: {cwe: "CWE-506: Embedded Malicious Code", attack: {technique: T1059, tactic: TA0002}}
""")
    _write(tmp_path / "taint" / "python.yaml", "kinds: [sql]\nsources: []\n")
    _write(tmp_path / "compliance" / "map.yaml", "framework: x\ncontrols: [{id: a}]\n")
    _write(tmp_path / "builtin" / "c" / "c-one.c", "gets(buf);\n")
    return tmp_path


def test_collect_reads_every_rule_format(rules_tree: Path) -> None:
    entries = {e.id: e for e in collect(rules_tree)}
    assert sorted(entries) == ["bad-thing", "c-one", "go-sqli", "go-ssrf"]
    one, sqli, ssrf, bad = entries["c-one"], entries["go-sqli"], entries["go-ssrf"], entries["bad-thing"]
    assert (one.engine, one.languages, one.cwes, one.severity, one.confidence) == (
        "builtin:regex", ("c", "cpp"), (242,), "critical", "high")
    assert one.path == "builtin/c/c-one.yaml"
    assert (sqli.engine, sqli.severity, sqli.confidence, sqli.owasp) == ("semgrep", "high", "low", "A03:2021 - Injection")
    # no OWASP label in the rule: it comes from the CWE; no confidence: medium
    assert (ssrf.severity, ssrf.confidence, ssrf.owasp) == ("medium", "medium", "A10:2021 - Server-Side Request Forgery (SSRF)")
    assert (bad.engine, bad.attack, bad.cwes) == ("malicious", "T1059", (506,))
    assert cwe_names(list(entries.values()))[918] == "Server-Side Request Forgery (SSRF)"


def test_top25_summary_names_what_is_not_covered(rules_tree: Path) -> None:
    entries = collect(rules_tree)
    md = render_markdown(entries)
    assert "4 rules (1 builtin, 1 malicious, 2 semgrep) cover **4 distinct CWEs**" in md
    assert "including **2 of the 25** entries" in md
    assert "| 3 | CWE-89 | SQL Injection | 1 | go |" in md
    assert "| 2 | CWE-787 | Out-of-bounds Write | **not covered** | - |" in md
    assert "Not covered: CWE-79 (Cross-site Scripting), CWE-787 (Out-of-bounds Write)" in md
    assert "T1059" in md
    summary = to_json(entries)["summary"]
    assert summary["top25_2024"]["covered"] == ["CWE-89", "CWE-918"]
    assert len(summary["top25_2024"]["not_covered"]) == len(TOP25_2024) - 2
    assert summary["languages"]["go"] == {"semgrep": 2}
    lines = render_table(entries).splitlines()
    assert len(lines) == 5 and lines[0].split() == list(COLUMNS)
    assert lines[1].split()[:4] == ["c-one", "builtin:regex", "c,", "cpp"]


def test_broken_rule_file_is_an_input_error(rules_tree: Path) -> None:
    _write(rules_tree / "builtin" / "go" / "go-bad.yaml", "id: go-bad\nmessage: [unclosed\n")
    with pytest.raises(InputError, match="go-bad.yaml"):
        collect(rules_tree)
