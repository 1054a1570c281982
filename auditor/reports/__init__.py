"""Reports rendered from a stored run, one module per format."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from auditor.errors import AuditorError
from auditor.reports.view import RunView, load_view

__all__ = ["BINARY_FORMATS", "FORMATS", "RunView", "load_view", "renderer"]

#: format name -> module with ``render(view) -> str`` (``bytes`` for BINARY_FORMATS)
FORMATS: dict[str, str] = {
    "json": "auditor.reports.json",
    "md": "auditor.reports.markdown",
    "jsonl": "auditor.reports.jsonl",
    "html": "auditor.reports.html",
    "sarif": "auditor.reports.sarif",
    "junit": "auditor.reports.junit",
    "pdf": "auditor.reports.pdf",
}

#: formats whose ``render`` returns bytes rather than text
BINARY_FORMATS = frozenset({"pdf"})


def renderer(fmt: str) -> Callable[[RunView], Any]:
    module = FORMATS.get(fmt)
    if module is None:
        raise AuditorError(f"unknown report format {fmt!r} (known: {', '.join(FORMATS)})")
    return importlib.import_module(module).render  # type: ignore[no-any-return]
