"""`auditor runs`: list, show and diff stored runs."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from auditor import console
from auditor.cli._common import StoreOpt, open_store
from auditor.paths import DEFAULT_STORE

runs_app = typer.Typer(help="Stored runs: list, show, diff.", no_args_is_help=True)


@runs_app.command("list")
def runs_list(store: StoreOpt = DEFAULT_STORE) -> None:
    """Every stored run, newest first."""
    with open_store(store) as s:
        console.print_runs(s.list_runs())


@runs_app.command("show")
def runs_show(
    run: Annotated[str, typer.Argument()],
    as_json: Annotated[bool, typer.Option("--json", help="The whole run as the JSON report.")] = False,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """One run: how to reproduce it (secrets redacted), its metrics, findings by rule and verdict."""
    from auditor.gate import explain as explain_lines
    from auditor.reports import load_view, renderer
    from auditor.reports.repro import rows

    with open_store(store) as s:
        view = load_view(s, run)
    if as_json:
        sys.stdout.write(renderer("json")(view))
        return
    width = max(len(label) for label, _ in rows(view))
    text = [f"{label.ljust(width)}  {value}" for label, value in rows(view)]
    console.out.print("\n".join(text), markup=False, highlight=False, soft_wrap=True)
    console.print_metrics(view.metrics)
    grouped = sorted({f"{m.name} by {','.join(m.by)}" for m in view.metrics if m.by})
    if grouped:
        console.out.print("Grouped: " + "; ".join(grouped), markup=False, highlight=False)
    counts = view.finding_counts().most_common()
    console.out.print("Findings by rule: " + (", ".join(f"{r} ×{n}" for r, n in counts) or "none"),
                      markup=False, highlight=False)
    if view.verdict:
        console.out.print("\n".join(explain_lines(view.verdict)), markup=False, highlight=False, soft_wrap=True)


@runs_app.command("diff")
def runs_diff(
    run_a: Annotated[str, typer.Argument(help="The older run, or the baseline.")],
    run_b: Annotated[str, typer.Argument(help="The newer run.")],
    alpha: Annotated[float, typer.Option(min=0.0, max=1.0, help="Significance level (Fisher exact, BH-adjusted).")] = 0.05,
    groups: Annotated[bool, typer.Option(help="Also compare per-group metrics (by CWE, language, ...).")] = False,
    unchanged: Annotated[bool, typer.Option(help="Also list findings present in both runs.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the diff as JSON.")] = False,
    store: StoreOpt = DEFAULT_STORE,
) -> None:
    """Two runs side by side: metrics with change and significance; findings new, fixed and unchanged."""
    from auditor.history import diff_runs, render_text
    from auditor.reports import load_view

    with open_store(store) as s:
        diff = diff_runs(load_view(s, run_a), load_view(s, run_b), alpha=alpha)
    if as_json:
        sys.stdout.write(json.dumps(diff.as_dict(), indent=2) + "\n")
    else:
        console.out.print(render_text(diff, groups=groups, unchanged=unchanged), markup=False, highlight=False,
                          soft_wrap=True, end="")
