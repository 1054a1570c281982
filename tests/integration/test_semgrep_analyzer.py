"""SemgrepAnalyzer against the real semgrep: batching, mapping back, offline runs and loud failures."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

import auditor.analyzers.semgrep as semgrep_module
from auditor.analyzers.semgrep import SemgrepAnalyzer
from auditor.paths import RULES_DIR
from auditor.types import CodeBlock, Confidence, Generation, Severity

pytestmark = pytest.mark.skipif(shutil.which("semgrep") is None, reason="semgrep is not installed")

FLASK_SQLI = """\
from flask import request
import sqlite3

def lookup():
    name = request.args.get("name")
    cur = sqlite3.connect("a.db").cursor()
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)
    return cur.fetchall()
"""

EXPRESS_EXEC = """\
const express = require('express');
const { exec } = require('child_process');
const app = express();
app.get('/ping', (req, res) => {
  exec('ping -c 1 ' + req.query.host, (err, out) => res.json({ out }));
});
"""

EVAL_RULE = """\
rules:
  - id: py-eval-any
    languages: [python]
    severity: WARNING
    message: eval runs code.
    pattern: eval(...)
"""


def _gen(attempt_id: str, *blocks: tuple[str | None, str]) -> Generation:
    return Generation(
        attempt_id=attempt_id,
        text="",
        code_blocks=tuple(CodeBlock(language=lang, code=code) for lang, code in blocks),
    )


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point tempfile at an empty folder of our own, so leftovers can be seen."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_mixed_batch_maps_results_back(private_tmp: Path) -> None:
    gens = [
        _gen("py", ("python", FLASK_SQLI)),
        _gen("js", ("text", "npm install express"), ("js", EXPRESS_EXEC)),
        _gen("both", ("javascript", EXPRESS_EXEC), ("python", "x = 1\n"), ("py", FLASK_SQLI)),
        _gen("prose"),
        _gen("rust", ("rust", "fn main() {}\n")),  # semgrep pack has no rust rules
        _gen("clean", ("python", "print('hello')\n")),
    ]
    results = SemgrepAnalyzer(RULES_DIR / "semgrep").analyze(gens)
    assert [r.attempt_id for r in results] == [g.attempt_id for g in gens]
    assert [r.status for r in results] == ["ok", "ok", "ok", "skipped", "skipped", "ok"]

    (sqli,) = results[0].findings
    assert (sqli.rule_id, sqli.block_index, sqli.line, sqli.end_line) == ("py-sqli-flask-taint", 0, 7, 7)
    assert sqli.snippet == "cur.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)"
    assert (sqli.cwe, sqli.owasp) == (89, "A03:2021 - Injection")
    assert (sqli.severity, sqli.confidence) == (Severity.HIGH, Confidence.HIGH)
    assert (sqli.analyzer, sqli.sources, sqli.attempt_id) == ("semgrep", ("semgrep",), "py")

    (exec_,) = results[1].findings
    assert (exec_.rule_id, exec_.block_index, exec_.line) == ("js-child-process-exec-taint", 1, 5)
    assert exec_.cwe == 78
    assert exec_.snippet.startswith("exec('ping -c 1 ' + req.query.host")

    both = sorted((f.block_index, f.rule_id, f.line) for f in results[2].findings)
    assert both == [(0, "js-child-process-exec-taint", 5), (2, "py-sqli-flask-taint", 7)]
    assert all(f.attempt_id == "both" for f in results[2].findings)
    assert results[5].findings == () and results[5].error is None
    assert list(private_tmp.iterdir()) == [], "the batch folder must be removed"


def test_small_batch_size_keeps_order(private_tmp: Path) -> None:
    gens = [_gen(f"g{i}", ("python", FLASK_SQLI if i % 2 else "x = 1\n")) for i in range(5)]
    results = SemgrepAnalyzer(RULES_DIR / "semgrep", batch_size=2).analyze(gens)
    assert [r.attempt_id for r in results] == ["g0", "g1", "g2", "g3", "g4"]
    assert [len(r.findings) for r in results] == [0, 1, 0, 1, 0]


def test_broken_rules_give_errors_for_that_language_only(tmp_path: Path, private_tmp: Path) -> None:
    rules = tmp_path / "rules"
    (rules / "python").mkdir(parents=True)
    no_pattern = "rules:\n  - id: bad\n    languages: [python]\n    message: x\n"
    (rules / "python" / "bad.yaml").write_text(no_pattern)
    shutil.copytree(RULES_DIR / "semgrep" / "javascript", rules / "javascript")
    gens = [_gen("py", ("python", FLASK_SQLI)), _gen("js", ("javascript", EXPRESS_EXEC))]
    results = SemgrepAnalyzer(rules).analyze(gens)
    assert results[0].status == "error" and results[0].findings == ()
    assert results[0].error is not None and results[0].error.startswith("semgrep exited 7")
    assert results[1].status == "ok"
    assert [f.rule_id for f in results[1].findings] == ["js-child-process-exec-taint"]
    assert list(private_tmp.iterdir()) == []


def test_missing_rules_folder_is_an_error(tmp_path: Path) -> None:
    (result,) = SemgrepAnalyzer(tmp_path / "nowhere").analyze([_gen("py", ("python", FLASK_SQLI))])
    assert result.status == "error" and result.error is not None and "rules folder not found" in result.error


def test_missing_semgrep_binary_is_an_error(monkeypatch: pytest.MonkeyPatch, private_tmp: Path) -> None:
    gens = [_gen("py", ("python", FLASK_SQLI)), _gen("md")]
    named = SemgrepAnalyzer(binary="semgrep-not-installed-here").analyze(gens)
    assert [r.status for r in named] == ["error", "skipped"]
    assert named[0].error == "semgrep executable not found (semgrep-not-installed-here)"
    monkeypatch.setenv("PATH", str(private_tmp))
    (on_path,) = SemgrepAnalyzer(binary="semgrep").analyze(gens[:1])
    assert on_path.status == "error" and on_path.error is not None and "not found" in on_path.error


def _fake_semgrep(tmp_path: Path, body: str) -> str:
    script = tmp_path / "fake-semgrep"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    return str(script)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("echo 'Traceback: boom' >&2; exit 0", "semgrep exited 0 without JSON output: Traceback: boom"),
        ('echo \'{"results": [], "errors": [{"type": "Fatal", "message": "out of memory"}]}\'; exit 2',
         "semgrep exited 2: Fatal: out of memory"),
        ('echo \'{"results": [], "errors": [], "paths": {"scanned": []}}\'',
         "block 0: semgrep did not scan it"),
    ],
)
def test_bad_semgrep_runs_are_errors(tmp_path: Path, private_tmp: Path, body: str, expected: str) -> None:
    analyzer = SemgrepAnalyzer(binary=_fake_semgrep(tmp_path, body))
    (result,) = analyzer.analyze([_gen("py", ("python", FLASK_SQLI))])
    assert (result.status, result.error) == ("error", expected)
    assert list(private_tmp.iterdir()) == []


def test_unparseable_block_is_an_error_for_its_generation_only(tmp_path: Path) -> None:
    rules = tmp_path / "rules" / "python"
    rules.mkdir(parents=True)
    (rules / "py-eval-any.yaml").write_text(EVAL_RULE)
    gens = [
        _gen("good", ("python", "value = eval(text)\n")),
        _gen("garbage", ("python", ")))))\n(((( eval(x)\n]]]\n")),
        _gen("partial", ("python", "import os\nx = 1\ny = 2\nz = 3\nresult = eval(a)\n$$$\nw = 5\n")),
    ]
    good, garbage, partial = SemgrepAnalyzer(tmp_path / "rules").analyze(gens)
    assert good.status == "ok" and [(f.rule_id, f.line) for f in good.findings] == [("py-eval-any", 1)]
    assert garbage.status == "error"
    assert garbage.error is not None and "block 0: semgrep could not parse most of it" in garbage.error
    assert partial.status == "ok" and [f.line for f in partial.findings] == [5]
    assert partial.note == "block 0: semgrep parsed it in part (skipped lines 6)"


def test_runs_offline_with_a_private_home(
    monkeypatch: pytest.MonkeyPatch, private_tmp: Path
) -> None:
    leaky = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "ALL_PROXY", "SEMGREP_APP_TOKEN", "SEMGREP_RULES")
    for name in leaky:
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    seen: list[tuple[list[str], dict[str, str], Path]] = []
    real_run = semgrep_module._run

    def spy(command: list[str], env: dict[str, str], cwd: Path, timeout: float) -> Any:
        seen.append((command, env, cwd))
        assert Path(env["HOME"]).is_dir() and Path(env["TMPDIR"]).is_dir()
        return real_run(command, env, cwd, timeout)

    monkeypatch.setattr(semgrep_module, "_run", spy)
    (result,) = SemgrepAnalyzer(RULES_DIR / "semgrep").analyze([_gen("py", ("python", FLASK_SQLI))])
    assert result.status == "ok" and [f.rule_id for f in result.findings] == ["py-sqli-flask-taint"]

    ((command, env, cwd),) = seen
    assert not [k for k in env if "PROXY" in k.upper() or "TOKEN" in k.upper() or k == "SEMGREP_RULES"]
    assert env["SEMGREP_SEND_METRICS"] == "off" and env["SEMGREP_ENABLE_VERSION_CHECK"] == "0"
    assert Path(env["HOME"]).is_relative_to(private_tmp) and env["TMPDIR"] == env["HOME"] == str(cwd)
    assert {"--metrics=off", "--disable-version-check", "--json", "--experimental"} <= set(command)
    configs = [command[i + 1] for i, arg in enumerate(command) if arg == "--config"]
    assert configs == [str((RULES_DIR / "semgrep" / "python").resolve())]
    assert list(private_tmp.iterdir()) == [], "HOME, TMPDIR and the code files must all be gone"


def test_process_timeout_kills_semgrep(monkeypatch: pytest.MonkeyPatch, private_tmp: Path) -> None:
    started: list[subprocess.Popen[str]] = []
    real_popen = subprocess.Popen

    def recording_popen(*args: Any, **kwargs: Any) -> subprocess.Popen[str]:
        proc = real_popen(*args, **kwargs)
        started.append(proc)
        return proc

    monkeypatch.setattr(semgrep_module.subprocess, "Popen", recording_popen)
    analyzer = SemgrepAnalyzer(RULES_DIR / "semgrep", process_timeout=0.05)
    (result,) = analyzer.analyze([_gen("py", ("python", FLASK_SQLI))])
    assert result.status == "error" and result.error == "semgrep timed out after 0.05 s on the python batch"
    (proc,) = started
    assert proc.returncode is not None
    with pytest.raises(ProcessLookupError):
        os.killpg(proc.pid, 0)  # nothing left in semgrep's process group
    assert list(private_tmp.iterdir()) == []


def test_version_names_tool_and_rule_hash(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    (rules / "python").mkdir(parents=True)
    (rules / "python" / "py-eval-any.yaml").write_text(EVAL_RULE)
    before = SemgrepAnalyzer(rules).version()
    assert before.startswith("semgrep 1.") and " rules " in before
    (rules / "python" / "py-eval-any.yaml").write_text(EVAL_RULE.replace("WARNING", "ERROR"))
    assert SemgrepAnalyzer(rules).version() != before


@pytest.mark.slow
def test_experimental_engine_matches_the_normal_one() -> None:
    """--experimental (osemgrep) must report exactly what the classic engine does on our fixtures."""
    gens = []
    for fixture in sorted((RULES_DIR / "semgrep").glob("*/*")):
        if fixture.suffix != ".yaml":
            gens.append(_gen(fixture.name, (fixture.parent.name, fixture.read_text(encoding="utf-8"))))
    fast = SemgrepAnalyzer(RULES_DIR / "semgrep").analyze(gens)
    classic = SemgrepAnalyzer(RULES_DIR / "semgrep", experimental=False).analyze(gens)
    assert [r.status for r in fast] == ["ok"] * len(gens)
    assert [r.as_dict() for r in fast] == [r.as_dict() for r in classic]
