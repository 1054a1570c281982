"""replay: matches by attempt id or by prompt (k-th record answers sample k); never invents answers."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from auditor.errors import InputError
from auditor.generators import make_generator
from auditor.types import Attempt


def attempt(aid: str, prompt: str, sample: int = 0) -> Attempt:
    return Attempt(id=aid, probe_id="p", variant={}, sample=sample, prompt=prompt, params={})


def collect(gen, attempts):  # type: ignore[no-untyped-def]
    async def run():  # type: ignore[no-untyped-def]
        return [g async for g in gen.generate(attempts)]

    return {g.attempt_id: g for g in asyncio.run(run())}


def test_match_by_id_then_prompt_and_sample(tmp_path: Path) -> None:
    f = tmp_path / "r.jsonl"
    rows = [
        {"attempt_id": "x1", "response": "by id"},
        {"prompt": "hello", "response": "first"},
        {"prompt": "hello", "response": "second", "model": "m-2"},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    gen = make_generator(f"replay:{f}")
    out = collect(gen, [attempt("x1", "anything"), attempt("a", "hello", 0), attempt("b", "hello", 1), attempt("c", "hello", 2)])
    assert out["x1"].text == "by id"
    assert (out["a"].text, out["b"].text, out["b"].model) == ("first", "second", "m-2")
    assert out["c"].text == "" and "no recorded response" in out["c"].error


def test_bad_replay_file_names_line(tmp_path: Path) -> None:
    f = tmp_path / "r.jsonl"
    f.write_text('{"prompt": "a", "response": "ok"}\n{"prompt": "b"}\n')
    with pytest.raises(InputError) as info:
        make_generator(f"replay:{f}")
    assert info.value.line == 2 and "response" in info.value.reason


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read replay file"):
        make_generator(f"replay:{tmp_path / 'nope.jsonl'}")
