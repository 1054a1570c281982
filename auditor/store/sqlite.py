"""The run store: one SQLite file (``.auditor/runs.sqlite`` by default), the source of truth.

Every write commits at once (WAL journal), so a process killed at any moment loses at most the
record it was writing; re-running the same audit resumes from what is stored. Generations are cached
per model across runs, keyed by attempt id, so a repeated audit never asks the model twice.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from auditor.errors import StoreError
from auditor.store.schema import MIGRATIONS, SCHEMA_VERSION
from auditor.types import AnalysisResult, Attempt, Finding, Generation, Metric, Probe, Run, Verdict

__all__ = ["Store", "now"]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _j(obj: Any) -> str:
    return json.dumps(obj.as_dict() if hasattr(obj, "as_dict") else obj, sort_keys=True, default=str)


def _probe(d: dict[str, Any]) -> Probe:
    d = dict(d)
    d["cwe"] = tuple(d.get("cwe", ()))
    d["tags"] = tuple(d.get("tags", ()))
    d["slots"] = {k: tuple(v) for k, v in (d.get("slots") or {}).items()}
    return Probe(**d)


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable auditor store ({exc})") from None

    # -- lifecycle -------------------------------------------------------------------------

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer auditor (schema {version} > {SCHEMA_VERSION}); upgrade auditor")
        for number in range(version, SCHEMA_VERSION):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number + 1}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- runs ------------------------------------------------------------------------------

    def save_run(self, run: Run, fingerprint: str) -> None:
        self._db.execute(
            # an upsert, never REPLACE: a replaced row would cascade-delete the run's children
            "INSERT INTO runs(id, fingerprint, created_at, status, record) VALUES (?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET status=excluded.status, record=excluded.record",
            (run.id, fingerprint, run.created_at, run.status, _j(run)),
        )

    def find_resumable(self, fingerprint: str) -> Run | None:
        row = self._db.execute(
            "SELECT record FROM runs WHERE fingerprint=? AND status != 'complete' ORDER BY created_at DESC LIMIT 1",
            (fingerprint,),
        ).fetchone()
        return Run.from_dict(json.loads(row[0])) if row else None

    def get_run(self, ref: str) -> Run:
        """A run by id, unique id prefix, or 'latest'."""
        if ref == "latest":
            rows = self._db.execute("SELECT record FROM runs ORDER BY created_at DESC, rowid DESC LIMIT 1").fetchall()
        else:
            rows = self._db.execute("SELECT record FROM runs WHERE id LIKE ? || '%' LIMIT 2", (ref,)).fetchall()
        if not rows:
            raise StoreError(f"no run {ref!r} in {self.path}")
        if len(rows) > 1:
            raise StoreError(f"run prefix {ref!r} is ambiguous in {self.path}")
        return Run.from_dict(json.loads(rows[0][0]))

    def list_runs(self) -> list[Run]:
        rows = self._db.execute("SELECT record FROM runs ORDER BY created_at DESC, rowid DESC").fetchall()
        return [Run.from_dict(json.loads(r[0])) for r in rows]

    # -- probes and attempts -----------------------------------------------------------------

    def save_probes(self, run_id: str, probes: Iterable[Probe]) -> None:
        with self._tx():
            self._db.executemany(
                "INSERT OR REPLACE INTO probes(run_id, probe_id, record) VALUES (?,?,?)",
                ((run_id, p.id, _j(p)) for p in probes),
            )

    def probes(self, run_id: str) -> dict[str, Probe]:
        rows = self._db.execute("SELECT record FROM probes WHERE run_id=?", (run_id,))
        return {p.id: p for p in (_probe(json.loads(r[0])) for r in rows)}

    def save_attempts(self, run_id: str, attempts: Iterable[tuple[int, Attempt]]) -> None:
        with self._tx():
            self._db.executemany(
                "INSERT OR IGNORE INTO attempts(run_id, attempt_id, probe_id, seq, record) VALUES (?,?,?,?,?)",
                ((run_id, a.id, a.probe_id, seq, _j(a)) for seq, a in attempts),
            )

    def attempts(self, run_id: str) -> Iterator[Attempt]:
        rows = self._db.execute("SELECT record FROM attempts WHERE run_id=? ORDER BY seq", (run_id,))
        for (rec,) in rows:
            yield Attempt(**json.loads(rec))

    def count_attempts(self, run_id: str) -> int:
        return int(self._db.execute("SELECT count(*) FROM attempts WHERE run_id=?", (run_id,)).fetchone()[0])

    # -- generations -----------------------------------------------------------------------

    def save_generation(self, model_key: str, gen: Generation) -> None:
        """Commit one generation immediately (the unit of resumption)."""
        self._db.execute(
            "INSERT OR REPLACE INTO generations(model_key, attempt_id, ok, created_at, record) VALUES (?,?,?,?,?)",
            (model_key, gen.attempt_id, int(gen.error is None), now(), _j(gen)),
        )

    def done_attempt_ids(self, model_key: str, run_id: str) -> set[str]:
        """Attempts of a run that already have a successful generation for this model."""
        rows = self._db.execute(
            "SELECT a.attempt_id FROM attempts a JOIN generations g ON g.attempt_id=a.attempt_id "
            "WHERE a.run_id=? AND g.model_key=? AND g.ok=1",
            (run_id, model_key),
        )
        return {r[0] for r in rows}

    def generations(self, run_id: str, model_key: str) -> Iterator[tuple[Attempt, Generation]]:
        """(attempt, generation) pairs of a run, in attempt order, streamed."""
        sql = (
            "SELECT a.record, g.record FROM attempts a JOIN generations g "
            "ON g.attempt_id=a.attempt_id AND g.model_key=? WHERE a.run_id=?"
        )
        args: list[Any] = [model_key, run_id]
        cur = self._db.cursor()
        cur.execute(sql + " ORDER BY a.seq", args)
        while rows := cur.fetchmany(256):
            for a, g in rows:
                yield Attempt(**json.loads(a)), Generation.from_dict(json.loads(g))

    def unanalyzed(self, run_id: str, model_key: str, analyzer: str) -> list[str]:
        """Ids of the run's generated attempts that ``analyzer`` has no result for yet, in order."""
        rows = self._db.execute(
            "SELECT a.attempt_id FROM attempts a JOIN generations g ON g.attempt_id=a.attempt_id AND g.model_key=? "
            "WHERE a.run_id=? AND NOT EXISTS (SELECT 1 FROM analyses x WHERE x.run_id=a.run_id "
            "AND x.attempt_id=a.attempt_id AND x.analyzer=?) ORDER BY a.seq",
            (model_key, run_id, analyzer),
        )
        return [r[0] for r in rows]

    def generations_by_id(self, model_key: str, attempt_ids: list[str]) -> list[Generation]:
        marks = ",".join("?" * len(attempt_ids))
        rows = self._db.execute(
            f"SELECT attempt_id, record FROM generations WHERE model_key=? AND attempt_id IN ({marks})",
            (model_key, *attempt_ids),
        )
        found = {a: Generation.from_dict(json.loads(r)) for a, r in rows}
        return [found[i] for i in attempt_ids if i in found]

    # -- analyses and findings ---------------------------------------------------------------

    def save_analyses(self, run_id: str, results: Iterable[AnalysisResult]) -> None:
        with self._tx():
            for r in results:
                self._db.execute("DELETE FROM findings WHERE run_id=? AND attempt_id=? AND analyzer=?", (run_id, r.attempt_id, r.analyzer))
                self._db.execute(
                    "INSERT OR REPLACE INTO analyses(run_id, attempt_id, analyzer, status, error, note) VALUES (?,?,?,?,?,?)",
                    (run_id, r.attempt_id, r.analyzer, r.status, r.error, r.note),
                )
                self._db.executemany(
                    "INSERT INTO findings(run_id, attempt_id, analyzer, rule_id, record) VALUES (?,?,?,?,?)",
                    ((run_id, f.attempt_id, f.analyzer, f.rule_id, _j(f)) for f in r.findings),
                )

    def analyses(self, run_id: str) -> list[AnalysisResult]:
        rows = self._db.execute("SELECT attempt_id, analyzer, status, error, note FROM analyses WHERE run_id=?", (run_id,))
        return [AnalysisResult(analyzer=an, attempt_id=a, status=s, error=e, note=n) for a, an, s, e, n in rows]

    def findings(self, run_id: str) -> list[Finding]:
        rows = self._db.execute("SELECT record FROM findings WHERE run_id=? ORDER BY rowid", (run_id,))
        return [Finding.from_dict(json.loads(r[0])) for r in rows]

    # -- metrics and verdicts ----------------------------------------------------------------

    def save_metrics(self, run_id: str, metrics: Iterable[Metric]) -> None:
        with self._tx():
            self._db.execute("DELETE FROM metrics WHERE run_id=?", (run_id,))
            self._db.executemany(
                "INSERT INTO metrics(run_id, name, record) VALUES (?,?,?)", ((run_id, m.name, _j(m)) for m in metrics)
            )

    def metrics(self, run_id: str) -> list[Metric]:
        rows = self._db.execute("SELECT record FROM metrics WHERE run_id=? ORDER BY rowid", (run_id,))
        return [Metric.from_dict(json.loads(r[0])) for r in rows]

    def save_verdict(self, run_id: str, verdict: Verdict) -> None:
        self._db.execute("INSERT INTO verdicts(run_id, created_at, record) VALUES (?,?,?)", (run_id, now(), _j(verdict)))

    def verdict(self, run_id: str) -> Verdict | None:
        row = self._db.execute("SELECT record FROM verdicts WHERE run_id=? ORDER BY rowid DESC LIMIT 1", (run_id,)).fetchone()
        return Verdict.from_dict(json.loads(row[0])) if row else None

    # -- helpers ---------------------------------------------------------------------------

    def _tx(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")
