"""The guard's decision log: one record per checked response, safe to keep and to share.

The file's suffix picks the format: ``.db``, ``.sqlite`` or ``.sqlite3`` give a SQLite database
(table ``decisions``, one row per record, ``findings`` and ``errors`` as JSON text; WAL mode, so it
can be queried while the proxy writes), anything else a JSON Lines file. A record says when, on which endpoint and model, what the guard decided and why::

    {"time": "2026-01-31T12:00:00.123Z", "endpoint": "/v1/chat/completions", "model": "m",
     "stream": false, "status": 200, "action": "block", "elapsed_ms": 0.8,
     "findings": [{"rule_id": "py-os-system", "analyzer": "builtin", "severity": "high",
                   "cwe": 78, "line": 7, "choice": 0}],
     "errors": [], "schema_version": 1}

It never holds code text, snippets or finding messages (a secret finding's snippet *is* the
secret), request bodies or headers (so no ``Authorization``). Analyzer error strings are cut
down to their first clause with quoted text removed, since a parser's message can quote code.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from auditor.types import SCHEMA_VERSION

__all__ = ["DecisionLog", "SQLITE_SUFFIXES", "redact_error", "safe_findings"]

SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
_COLUMNS = ("time", "endpoint", "model", "stream", "status", "action", "elapsed_ms", "findings", "errors",
            "schema_version")
_CREATE = """CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY, time TEXT NOT NULL, endpoint TEXT NOT NULL, model TEXT, stream INTEGER NOT NULL,
    status INTEGER NOT NULL, action TEXT NOT NULL, elapsed_ms REAL NOT NULL, findings TEXT NOT NULL,
    errors TEXT NOT NULL, schema_version INTEGER NOT NULL)"""

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`")
_ERROR_CHARS = 160
_FINDING_KEYS = ("rule_id", "analyzer", "severity", "cwe", "line", "choice")


def redact_error(error: str) -> str:
    """An analyzer error with quoted text dropped and its length capped."""
    return _QUOTED.sub("'…'", error)[:_ERROR_CHARS]


def safe_findings(findings: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Only the identifying fields of finding digests (no message, no snippet)."""
    return [{k: f[k] for k in _FINDING_KEYS if k in f} for f in findings]


class DecisionLog:
    """Append-only log of guard decisions (JSONL, or SQLite by suffix); thread-safe, each record on
    disk as soon as it is written (a line flushed, a row committed)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._file: TextIO | None = None
        self._db: sqlite3.Connection | None = None
        if self.path.suffix.lower() in SQLITE_SUFFIXES:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_CREATE)
        else:
            self._file = self.path.open("a", encoding="utf-8", buffering=1)

    def write(
        self,
        *,
        endpoint: str,
        action: str,
        findings: Iterable[Mapping[str, Any]] = (),
        errors: Iterable[str] = (),
        elapsed_ms: float = 0.0,
        model: str | None = None,
        stream: bool = False,
        status: int = 200,
    ) -> dict[str, Any]:
        """Append one record (built here, from safe fields only) and return it."""
        now = dt.datetime.now(dt.timezone.utc)
        record = {
            "time": now.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "endpoint": endpoint,
            "model": model if isinstance(model, str) else None,
            "stream": stream,
            "status": status,
            "action": action,
            "elapsed_ms": round(elapsed_ms, 3),
            "findings": safe_findings(findings),
            "errors": [redact_error(e) for e in errors],
            "schema_version": SCHEMA_VERSION,
        }
        with self._lock:
            if self._db is not None:
                row = {**record, "stream": int(stream), "findings": json.dumps(record["findings"]),
                       "errors": json.dumps(record["errors"])}
                marks = ", ".join("?" * len(_COLUMNS))
                self._db.execute(f"INSERT INTO decisions ({', '.join(_COLUMNS)}) VALUES ({marks})",
                                 [row[c] for c in _COLUMNS])
            elif self._file is not None:
                self._file.write(json.dumps(record, separators=(",", ":")) + "\n")
        return record

    def close(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self) -> DecisionLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
