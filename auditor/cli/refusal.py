"""`auditor refusal`: train the refusal classifier from the labeled corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from auditor import console

refusal_app = typer.Typer(help="The refusal classifier: train it from the labeled corpus.", no_args_is_help=True)


@refusal_app.command("train")
def refusal_train(
    data: Annotated[Optional[Path], typer.Option(help="Folder of labeled *.jsonl (default: corpora/refusal).")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Model file to write (default: the shipped model).")] = None,
    check: Annotated[bool, typer.Option(help="Compare with the model file instead of writing it; exit 1 if they differ.")]
    = False,
) -> None:
    """Train the refusal classifier from the labeled corpus, print cross-validated precision/recall, write the model."""
    from auditor.refusal_model import MODEL_PATH
    from auditor.refusal_model.train import CORPUS_DIR, differences, render_model, summary, train

    model = train(data or CORPUS_DIR)
    target = out or MODEL_PATH
    console.out.print("\n".join(summary(model)), markup=False, highlight=False, soft_wrap=True)
    if check:
        diff = differences(json.loads(target.read_text(encoding="utf-8")), model)
        for line in diff[:20]:
            console.err.print(f"differs: {line}", markup=False)
        console.out.print(f"{target}: " + ("differs from a fresh training run" if diff else "matches a fresh training run"))
        raise typer.Exit(1 if diff else 0)
    target.write_text(render_model(model), encoding="utf-8")
    console.out.print(f"wrote {target}")
