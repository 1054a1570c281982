"""Terminal output for the CLI: rich progress bars and compact summaries. No logic lives here."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from auditor.types import Finding, Metric, Run, Verdict

__all__ = ["out", "err", "RichProgress", "print_verdict", "print_metrics", "print_findings", "print_runs"]

out = Console()
err = Console(stderr=True)

_STYLE = {"pass": "bold green", "fail": "bold red", "inconclusive": "bold yellow", "error": "bold red", "waived": "cyan"}


class RichProgress:
    """One bar per phase, on stderr so that stdout stays clean for --format json."""

    def __init__(self, enabled: bool | None = None) -> None:
        enabled = sys.stderr.isatty() if enabled is None else enabled
        self._progress = Progress(
            TextColumn("{task.description:<11}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TimeRemainingColumn(), console=err, disable=not enabled, transient=False,
        )

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    def phase(self, name: str, total: int) -> Callable[[int], None]:
        task = self._progress.add_task(name, total=total)
        return lambda n: self._progress.advance(task, n)


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def print_verdict(v: Verdict, explain: bool = False) -> None:
    out.print(f"Verdict: [{_STYLE[v.status]}]{v.status.upper()}[/] (policy {v.policy})")
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("check", "metric", "observed", "threshold", "n", "status") + (("why",) if explain else ()):
        table.add_column(col)
    for c in v.checks:
        obs = "–" if c.observed is None else f"{c.observed:.4g}"
        thr = "–" if c.threshold is None else f"{c.comparator} {c.threshold:.4g}"
        row = [c.id, f"{c.metric} ({c.use})", obs, thr, str(c.n), f"[{_STYLE[c.status]}]{c.status}[/]"]
        if explain:
            row.append(c.reason + (f"; waived by {c.waived_by}" if c.waived_by else ""))
        table.add_row(*row)
    out.print(table)
    for note in v.notes:
        out.print(f"[yellow]note:[/] {note}")


def print_metrics(metrics: Sequence[Metric]) -> None:
    table = Table(title="Metrics (95% Wilson intervals)", box=None, header_style="bold", title_justify="left")
    for col in ("metric", "value", "interval", "count/n"):
        table.add_column(col)
    for m in metrics:
        if m.by:
            continue
        interval = f"{_pct(m.ci_low)} – {_pct(m.ci_high)}" if m.ci_low is not None else "–"
        table.add_row(m.name, _pct(m.value), interval, f"{m.count}/{m.n}" if m.count is not None else str(m.n))
    out.print(table)


def print_findings(findings: Sequence[Finding], limit: int = 50) -> None:
    table = Table(box=None, header_style="bold")
    for col in ("where", "line", "severity", "rule", "CWE", "message"):
        table.add_column(col, overflow="fold")
    for f in findings[:limit]:
        table.add_row(f.attempt_id, str(f.line), f.severity.value, f.rule_id, f"CWE-{f.cwe}" if f.cwe else "", f.message)
    out.print(table)
    if len(findings) > limit:
        out.print(f"... and {len(findings) - limit} more (use --format json for all)")


def print_runs(runs: Sequence[Run]) -> None:
    table = Table(box=None, header_style="bold")
    for col in ("run", "created", "status", "model", "suites"):
        table.add_column(col, overflow="fold")
    for r in runs:
        table.add_row(r.id, r.created_at, r.status, r.model, ", ".join(r.suites))
    out.print(table)
