"""The SQLite schema, as an ordered list of migrations.

``PRAGMA user_version`` holds how many migrations a store has applied. Opening a store applies the
missing ones in one transaction; a store newer than this tool is refused rather than misread.
Records are kept as JSON beside the columns that queries filter on, so a record can grow a field
without a migration.
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]

MIGRATIONS: list[str] = [
    # 1: the first layout
    """
    CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX runs_fingerprint ON runs(fingerprint, status);
    CREATE TABLE probes (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        probe_id TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (run_id, probe_id)
    );
    CREATE TABLE attempts (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        attempt_id TEXT NOT NULL,
        probe_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (run_id, attempt_id)
    );
    CREATE TABLE generations (
        model_key TEXT NOT NULL,
        attempt_id TEXT NOT NULL,
        ok INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (model_key, attempt_id)
    );
    CREATE TABLE analyses (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        attempt_id TEXT NOT NULL,
        analyzer TEXT NOT NULL,
        status TEXT NOT NULL,
        error TEXT,
        note TEXT,
        PRIMARY KEY (run_id, attempt_id, analyzer)
    );
    CREATE TABLE findings (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        attempt_id TEXT NOT NULL,
        analyzer TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX findings_run ON findings(run_id, attempt_id);
    CREATE TABLE metrics (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX metrics_run ON metrics(run_id, name);
    CREATE TABLE verdicts (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        record TEXT NOT NULL
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
