"""`auditor bias`: evaluate the attribute-use analysis on a labeled corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from auditor.errors import AuditorError

bias_app = typer.Typer(help="Bias: evaluate the attribute-use analysis on a labeled corpus.", no_args_is_help=True)


@bias_app.command("eval")
def bias_eval(
    corpus: Annotated[Path, typer.Argument(help="JSONL of {id, language, code, labels, relevant, split}.")],
    split: Annotated[Optional[str], typer.Option(help="Only records of this split (development, holdout).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Precision and recall of the attribute-use analysis per attribute, per language and overall."""
    from auditor.bias.evaluate import evaluate_corpus, load_corpus, render_table

    if fmt not in ("table", "json"):
        raise AuditorError(f"--format must be table or json, not {fmt!r}")
    records = [r for r in load_corpus(corpus) if split is None or r.get("split") == split]
    if not records:
        raise AuditorError(f"no records{f' in split {split!r}' if split else ''} in {corpus}")
    ev = evaluate_corpus(records)
    title = f"attribute-use on {ev.records} functions of {corpus.name}" + (f" (split: {split})" if split else "")
    sys.stdout.write(json.dumps(ev.as_dict(), indent=2) + "\n" if fmt == "json" else render_table(ev, title))
    raise typer.Exit(3 if ev.errors else 0)
