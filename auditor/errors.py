"""The exception hierarchy.

    AuditorError            anything the user can fix; the CLI prints it in one line, exit 2
    ├── InputError          a bad file: carries the path, line and reason
    ├── GeneratorError      (auditor.generators.base) the model backend cannot work at all
    └── StoreError          the store is missing a run, or is newer than this tool
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["AuditorError", "InputError", "StoreError"]


class AuditorError(Exception):
    """A problem the user can fix, reported in one line without a traceback."""


class InputError(AuditorError):
    """A bad input file, located by path and line."""

    def __init__(self, path: str | Path, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {reason}")


class StoreError(AuditorError):
    """The store cannot answer: unknown run, or a schema newer than this tool."""
