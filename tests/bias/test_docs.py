"""docs/bias.md states the corpus figures the command prints today (a freshness check, not a copy by hand)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from auditor.bias.evaluate import evaluate_corpus, load_corpus, render_table
from tests.bias.conftest import need_grammar

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("split", ["development", "holdout"])
def test_docs_tables_match_the_command(split: str) -> None:
    need_grammar("javascript")
    need_grammar("java")
    corpus = ROOT / "corpora" / "bias" / "attribute_use.jsonl"
    ev = evaluate_corpus([r for r in load_corpus(corpus) if r.get("split") == split])
    expected = render_table(ev, f"attribute-use on {ev.records} functions of {corpus.name} (split: {split})").rstrip()
    doc = (ROOT / "docs" / "bias.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- bias-eval:{split} -->\n```\n(.*?)\n```\n<!-- /bias-eval:{split} -->", doc, re.S)
    assert found is not None, f"docs/bias.md has no {split} table"
    assert found.group(1) == expected, "regenerate with: auditor bias eval corpora/bias/attribute_use.jsonl --split " + split
