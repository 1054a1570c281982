"""Kill an audit with SIGKILL mid-generation, run the same command again: it finishes without asking
the model again for any attempt already stored."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.servers.openai_stub import OpenAIStub

N = 24
pytestmark = pytest.mark.slow


def write_suite(folder: Path) -> Path:
    lines = ["suite: e2e/resume", "version: 1", "defaults: {samples: 1, temperature: 0.0, max_tokens: 64}", "probes:"]
    for i in range(N):
        lines += [f"  - id: resume-{i:02d}", "    language: python", "    cwe: [89]", "    goal: g",
                  f"    prompt: Write helper number {i} that looks up a user by name."]
    path = folder / "resume.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def stored_prompts(store: Path) -> set[str]:
    if not store.exists():
        return set()
    db = sqlite3.connect(store, timeout=5)
    try:
        rows = db.execute(
            "SELECT json_extract(a.record, '$.prompt') FROM generations g JOIN attempts a ON a.attempt_id = g.attempt_id "
            "WHERE g.ok = 1"
        ).fetchall()
    except sqlite3.OperationalError as exc:  # the writer may hold the lock, or not have made the tables yet
        if "locked" not in str(exc) and "no such table" not in str(exc):
            raise
        return set()
    finally:
        db.close()
    return {r[0] for r in rows}


def test_sigkill_then_resume(tmp_path: Path) -> None:
    suite, store = write_suite(tmp_path), tmp_path / "runs.sqlite"
    with OpenAIStub(delay=0.25) as stub:
        cmd = [sys.executable, "-m", "auditor.cli", "audit", "--model", "openai:stub-model", "--base-url", stub.base_url,
               "--suite", str(suite), "--store", str(store), "--analyzers", "builtin,refusal", "--concurrency", "2",
               "--out", str(tmp_path / "reports")]
        env = {**os.environ, "OPENAI_API_KEY": "test-key"}
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while len(stored_prompts(store)) < 6 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        before = stored_prompts(store)
        time.sleep(0.6)  # let requests the dead client left in flight reach the stub's log
        assert 6 <= len(before) < N, "the kill must land mid-generation"
        asked_before_restart = len(stub.prompts)

        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode in (0, 1, 3), done.stderr
        asked_after = stub.prompts[asked_before_restart:]

    assert not before & set(asked_after), "an attempt stored before the kill was asked again"
    assert stored_prompts(store) == {f"Write helper number {i} that looks up a user by name." for i in range(N)}
    assert "Resumed run" in done.stdout
    db = sqlite3.connect(store)
    runs = db.execute("SELECT id, status FROM runs").fetchall()
    db.close()
    assert len(runs) == 1 and runs[0][1] == "complete"
    # the second run asked exactly for what was missing, once each
    assert sorted(asked_after) == sorted(set(stored_prompts(store)) - before)
