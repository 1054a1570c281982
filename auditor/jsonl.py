"""Read JSON Lines input (snippets, corpora, captured responses) with errors that name file and line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from auditor.errors import InputError

__all__ = ["iter_jsonl"]


def iter_jsonl(path: str | Path, what: str = "") -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for every non-blank line, streamed; a line that is not a JSON object
    raises :class:`InputError` naming the file and the line. ``what`` names the file in messages."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(path, f"cannot read{' ' + what if what else ''}: {exc.strerror or exc}") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(path, f"not valid JSON: {exc.msg}", number) from None
                if not isinstance(record, dict):
                    raise InputError(path, "each line must be a JSON object", number)
                yield number, record
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not UTF-8 text: {exc.reason}") from None
