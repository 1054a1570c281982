"""Reports rendered from a stored run, one module per format."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from auditor.errors import AuditorError
from auditor.reports.view import RunView, load_view

__all__ = ["FORMATS", "RunView", "load_view", "renderer"]

#: format name -> module with ``render(view) -> str``
FORMATS: dict[str, str] = {
    "json": "auditor.reports.json",
    "md": "auditor.reports.markdown",
    "jsonl": "auditor.reports.jsonl",
}


def renderer(fmt: str) -> Callable[[RunView], str]:
    module = FORMATS.get(fmt)
    if module is None:
        raise AuditorError(f"unknown report format {fmt!r} (known: {', '.join(FORMATS)})")
    return importlib.import_module(module).render  # type: ignore[no-any-return]
