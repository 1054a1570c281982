"""Shared pieces of the command line: the top-level app, the --store option, option parsing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from auditor.errors import AuditorError
from auditor.paths import SAMPLES_DIR

__all__ = ["app", "StoreOpt", "open_store", "parse_option", "DEFAULT_SUITES", "DEFAULT_MODEL"]

app = typer.Typer(
    help="Audit code-generating models for insecure code, malicious help and bias; gate releases on the results.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)

#: What `auditor audit` runs with no --suite / --model: the embedded default (see README).
DEFAULT_SUITES = ["security/python-core", "security/javascript-core", "malicious/core"]
DEFAULT_MODEL = f"replay:{SAMPLES_DIR / 'default-responses.jsonl'}"
StoreOpt = Annotated[Path, typer.Option("--store", help="SQLite store of runs.", envvar="AUDITOR_STORE")]


def open_store(path: Path) -> Any:
    """The run store (imported here so `auditor --help` stays fast)."""
    from auditor.store import Store

    return Store(path)


def parse_option(fn: Callable[[str], Any], value: str, option: str) -> Any:
    """Parse an option value, turning a ValueError into a one-line usage error."""
    try:
        return fn(value)
    except ValueError as exc:
        raise AuditorError(f"{option}: {exc}") from None
