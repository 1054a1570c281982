"""The SQLite store: schema version, migration path, immediate commits, round trips."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from auditor.errors import StoreError
from auditor.store import SCHEMA_VERSION, Store
from auditor.types import (
    AnalysisResult, Attempt, CodeBlock, Confidence, Finding, Generation, Probe, Run, Severity,
)


def make_run(run_id: str = "r1") -> Run:
    return Run(id=run_id, created_at="2026-11-26T00:00:00+00:00", model="replay:x", tool_version="0",
               suite_hash="s", rule_hash="r", policy_hash="p", analyzer_versions={}, parameters={}, seed=0)


def test_new_store_is_at_current_schema(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as s:
        assert s.schema_version == SCHEMA_VERSION


def test_store_from_a_newer_tool_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer auditor"):
        Store(path)


def test_migration_path_applies_missing_steps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.store import schema, sqlite as store_mod

    path = tmp_path / "s.sqlite"
    Store(path).close()
    extra = "ALTER TABLE runs ADD COLUMN label TEXT"
    monkeypatch.setattr(store_mod, "MIGRATIONS", [*schema.MIGRATIONS, extra])
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", len(schema.MIGRATIONS) + 1)
    with Store(path) as s:
        assert s.schema_version == len(schema.MIGRATIONS) + 1
        cols = [r[1] for r in s._db.execute("PRAGMA table_info(runs)")]
        assert "label" in cols


def test_round_trip_and_resume_bookkeeping(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    probe = Probe(id="p", suite="security/x", kind="instruct", language="python", cwe=(89,), goal="g", prompt="hi")
    attempts = [Attempt(id=f"a{i}", probe_id="p", variant={}, sample=i, prompt="hi", params={}) for i in range(3)]
    with Store(path) as s:
        s.save_run(make_run(), "fp")
        s.save_probes("r1", [probe])
        s.save_attempts("r1", enumerate(attempts))
        s.save_generation("m", Generation("a0", "```python\nx=1\n```", (CodeBlock("python", "x=1\n", 2),)))
        s.save_generation("m", Generation("a1", "", error="timeout"))
    # a second connection (a new process, as after a kill) sees every committed write
    with Store(path) as s:
        assert s.find_resumable("fp").id == "r1"
        assert s.done_attempt_ids("m", "r1") == {"a0"}  # the errored one will be asked again
        assert s.probes("r1")["p"] == probe
        gen = dict((a.id, g) for a, g in s.generations("r1", "m"))["a0"]
        assert gen.code_blocks == (CodeBlock("python", "x=1\n", 2),)
        f = Finding("r", "builtin", "msg", Severity.HIGH, Confidence.MEDIUM, cwe=89, line=1, attempt_id="a0")
        s.save_analyses("r1", [AnalysisResult("builtin", "a0", (f,)), AnalysisResult("builtin", "a1", status="error", error="boom")])
        assert s.findings("r1") == [f]
        assert s.unanalyzed("r1", "m", "builtin") == []
        assert s.unanalyzed("r1", "m", "bandit") == ["a0", "a1"]
        # re-analysis replaces, never duplicates
        s.save_analyses("r1", [AnalysisResult("builtin", "a0", (f,))])
        assert len(s.findings("r1")) == 1


def test_unknown_run(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as s, pytest.raises(StoreError, match="no run"):
        s.get_run("nope")


def test_updating_a_run_keeps_its_records(tmp_path: Path) -> None:
    import dataclasses

    with Store(tmp_path / "s.sqlite") as s:
        run = make_run()
        s.save_run(run, "fp")
        s.save_attempts("r1", [(0, Attempt(id="a", probe_id="p", variant={}, sample=0, prompt="x", params={}))])
        s.save_run(dataclasses.replace(run, status="complete"), "fp")
        assert s.count_attempts("r1") == 1
        assert s.get_run("r1").status == "complete" and s.find_resumable("fp") is None
