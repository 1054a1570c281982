"""`auditor rules`: list, test and evaluate the rule packs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from auditor import console
from auditor.errors import AuditorError

rules_app = typer.Typer(help="Rule packs: list, test, eval.", no_args_is_help=True)


@rules_app.command("list")
def rules_list(
    fmt: Annotated[str, typer.Option("--format", help="table, md (the docs/rules.md page) or json.")] = "table",
) -> None:
    """Every rule under rules/ (builtin, semgrep, malicious, secrets): engine, language, CWE, OWASP, severity,
    confidence; md and json add the coverage summary (distinct CWEs, CWE Top 25)."""
    from auditor import rules_doc

    if fmt not in ("table", "md", "json"):
        raise AuditorError(f"unknown --format {fmt!r} (expected table, md or json)")
    entries = rules_doc.collect()
    if fmt == "md":
        typer.echo(rules_doc.render_markdown(entries), nl=False)
    elif fmt == "json":
        typer.echo(json.dumps(rules_doc.to_json(entries), indent=2))
    else:
        typer.echo(rules_doc.render_table(entries), nl=False)


@rules_app.command("test")
def rules_test(
    analyzer: Annotated[Optional[list[str]], typer.Option(
        "--analyzer", help="Only this pack (repeatable): builtin, malicious, secrets, semgrep.")] = None,
) -> None:
    """Every rule against its annotated fixture, line by line. Exit 1 on any missed or wrongly flagged line."""
    from auditor.ruletest import check_packs

    report = check_packs(analyzer)
    for problem in report.problems:
        console.out.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    console.out.print(f"{report.rules} rule(s), {report.lines} annotated line(s), {len(report.problems)} problem(s)",
                      markup=False, highlight=False)
    raise typer.Exit(1 if report.problems else 0)


@rules_app.command("eval")
def rules_eval(
    corpus: Annotated[list[Path], typer.Argument(help="Labeled JSONL file(s) or folder(s) of them: "
                                                      "{id, language, code, label: insecure|secure, cwe?}.")],
    fmt: Annotated[str, typer.Option("--format", help="table, json or md.")] = "table",
    workers: Annotated[Optional[int], typer.Option(min=1, help="Processes (default: one per core from 1,000 "
                                                               "snippets on).")] = None,
) -> None:
    """TPR, FPR, precision and Youden J per analyzer combination, language and CWE, on a labeled corpus."""
    from auditor.evaluation import evaluate, load_corpus, render

    if fmt not in ("table", "json", "md"):
        raise AuditorError(f"--format must be table, json or md, not {fmt!r}")
    samples = load_corpus(corpus)
    with console.RichProgress(enabled=fmt == "table" and sys.stderr.isatty()) as progress:
        evaluation = evaluate(samples, workers=workers, advance=progress.phase("scanning", len(samples)))
    sys.stdout.write(render(evaluation, fmt))
