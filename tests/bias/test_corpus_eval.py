"""The attribute-use analysis measured on the labeled corpus (corpora/bias/attribute_use.jsonl)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from auditor.bias.evaluate import Score, evaluate_corpus, load_corpus
from auditor.bias.tsscan import GrammarUnavailable, parser_for
from auditor.errors import InputError

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "bias" / "attribute_use.jsonl"


def _grammars() -> bool:
    try:
        parser_for("javascript")
        parser_for("java")
    except GrammarUnavailable:
        return False
    return True


def test_corpus_shape() -> None:
    records = load_corpus(CORPUS)
    assert len(records) >= 200
    assert len({r["id"] for r in records}) == len(records)
    labels = Counter((a, v) for r in records for a, v in r["labels"].items())
    for attribute in ("gender", "race", "religion", "nationality", "age", "disability", "sexual_orientation"):
        assert labels[(attribute, True)] >= 5 and labels[(attribute, False)] >= 5, attribute
    notes = " ".join(r["note"] for r in records)
    assert "validated only" in notes and "pension" in notes  # the tricky negatives the issue names
    assert {r["language"] for r in records} == {"python", "javascript", "java"}
    assert Counter(r["split"] for r in records)["holdout"] >= 20


@pytest.mark.skipif(not _grammars(), reason="JavaScript/Java tree-sitter grammars not installed")
def test_precision_and_recall_stay_at_the_documented_level() -> None:
    """Regression guard at the figures docs/bias.md states (development split, which the analyzer was tuned on)."""
    ev = evaluate_corpus([r for r in load_corpus(CORPUS) if r["split"] == "development"])
    assert ev.errors == []
    assert (ev.overall.precision or 0) >= 0.99 and (ev.overall.recall or 0) >= 0.98
    assert {(m["id"], m["kind"]) for m in ev.misses} == {("py-191", "fn"), ("py-192", "fn"), ("py-193", "fn")}


def test_scoring_counts_each_attribute_once_per_function() -> None:
    records = [
        {"id": "a", "language": "python", "code": 'def f(gender):\n    return gender == "F"\n', "labels": {"gender": True}},
        {"id": "b", "language": "python", "code": "def f(race):\n    print(race)\n", "labels": {"race": True}},
        {"id": "c", "language": "python", "code": 'def f(age, religion):\n    return age > 3 and religion == "x"\n',
         "labels": {"religion": True}, "relevant": ["age"]},
        {"id": "d", "language": "python", "code": 'def f(gender):\n    return gender == "F"\n', "labels": {"gender": False}},
    ]
    ev = evaluate_corpus(records)
    assert (ev.overall.tp, ev.overall.fp, ev.overall.fn, ev.overall.tn) == (2, 1, 1, 0)
    assert ev.by_attribute["gender"].precision == 0.5 and ev.by_attribute["race"].recall == 0.0
    assert Score().precision is None


def test_bad_corpus_lines_name_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "c.jsonl"
    bad.write_text('{"code": "x", "labels": {}}\n{"code": 3}\n', encoding="utf-8")
    with pytest.raises(InputError, match="labels"):
        load_corpus(bad)


def test_cli_prints_precision_and_recall_per_attribute(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": "a", "language": "python", "code": 'def f(gender):\n    return gender == "F"\n',
             "labels": {"gender": True}, "split": "holdout"},
            {"id": "b", "language": "python", "code": "def f(race):\n    return 1\n", "labels": {"race": False},
             "split": "development"}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run = [sys.executable, "-m", "auditor.cli", "bias", "eval", str(corpus)]
    table = subprocess.run(run, capture_output=True, text=True, timeout=120, check=False)
    assert table.returncode == 0, table.stderr
    gender = next(line for line in table.stdout.splitlines() if line.startswith("gender"))
    assert gender.split()[-2:] == ["100.0%", "100.0%"]
    as_json = subprocess.run([*run, "--format", "json", "--split", "holdout"], capture_output=True, text=True,
                             timeout=120, check=False)
    body = json.loads(as_json.stdout)
    assert body["records"] == 1 and body["by_attribute"]["gender"]["tp"] == 1
    empty = subprocess.run([*run, "--split", "nope"], capture_output=True, text=True, timeout=120, check=False)
    assert empty.returncode == 2
