"""The command line. Thin: parse, call the library, print. One module per command group.

Exit codes (DESIGN.md): 0 pass, 1 policy failed or findings at/above --fail-on, 2 usage or input
error (one line, no traceback), 3 inconclusive.
"""

from __future__ import annotations

import sys

from auditor import console
from auditor.cli import run as _run  # noqa: F401  (registers the top-level commands, in help order)
from auditor.cli._common import app
from auditor.cli.bias import bias_app
from auditor.cli.guard import guard_app
from auditor.cli.probes import probes_app
from auditor.cli.refusal import refusal_app
from auditor.cli.rules import rules_app
from auditor.cli.runs import runs_app
from auditor.errors import AuditorError

__all__ = ["app", "main"]

app.add_typer(runs_app, name="runs")
app.add_typer(probes_app, name="probes")
app.add_typer(rules_app, name="rules")
app.add_typer(refusal_app, name="refusal")
app.add_typer(guard_app, name="guard")
app.add_typer(bias_app, name="bias")


def main() -> None:
    import click

    try:
        rc = app(standalone_mode=False)
    except click.exceptions.Exit as exc:
        rc = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        rc = 2
    except click.exceptions.Abort:
        rc = 130
    except AuditorError as exc:
        console.err.print(f"[red]error:[/] {exc}", highlight=False, soft_wrap=True, markup=True)
        rc = 2
    except KeyboardInterrupt:
        console.err.print("interrupted: everything generated so far is stored; run the same command to resume")
        rc = 130
    sys.exit(rc if isinstance(rc, int) else 0)
