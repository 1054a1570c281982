"""`auditor guard check` on files and stdin: output, JSON, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.guard.conftest import ALLOWED, BLOCKED, WARNED, write_policy


def guard_check(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "auditor.cli", "guard", "check", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, check=False)


def test_check_exits_1_only_when_blocked(tmp_path: Path) -> None:
    for name, text, code, action in (("b.md", BLOCKED, 1, "block"), ("w.md", WARNED, 0, "warn"),
                                     ("a.md", ALLOWED, 0, "allow")):
        (tmp_path / name).write_text(text)
        done = guard_check(str(tmp_path / name), "--format", "json")
        assert done.returncode == code, done.stderr
        assert json.loads(done.stdout)["action"] == action
    table = guard_check(str(tmp_path / "b.md"))
    assert table.stdout.splitlines()[0].split()[:5] == ["line", "7", "high", "py-os-system", "CWE-78"]
    assert table.stdout.strip().splitlines()[-1].startswith("block: Code in this response was withheld")


def test_check_reads_stdin_and_a_policy(tmp_path: Path) -> None:
    policy = write_policy(tmp_path, block_at="medium", warn_at="low", timeout_ms=2000)
    done = guard_check("-", "--policy", str(policy), "--format", "json", stdin=WARNED)
    assert done.returncode == 1
    assert [f["rule_id"] for f in json.loads(done.stdout)["findings"]] == ["py-flask-debug"]


def test_check_usage_errors_exit_2(tmp_path: Path) -> None:
    assert guard_check(str(tmp_path / "missing.md")).returncode == 2
    (tmp_path / "bad.yaml").write_text("guard:\n  block_at: sometimes\n")
    (tmp_path / "a.md").write_text(ALLOWED)
    done = guard_check(str(tmp_path / "a.md"), "--policy", str(tmp_path / "bad.yaml"))
    assert done.returncode == 2 and "bad.yaml:2" in done.stderr
