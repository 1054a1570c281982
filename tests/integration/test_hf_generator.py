"""The hf: backend end to end on a tiny GPT-2 built on the spot and loaded through from_pretrained."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from tests.integration.tiny_model import CHAT_MARKER, build_tiny_model  # noqa: E402  (after the importorskips)

from auditor.generators import make_generator  # noqa: E402
from auditor.generators.base import GeneratorError  # noqa: E402
from auditor.generators.hf import HFGenerator  # noqa: E402
from auditor.types import Attempt, Generation  # noqa: E402

pytestmark = pytest.mark.slow

PROMPTS = [
    "Write a Python function that reads a file.",
    "def read_path(path):",
    "import os",
    "Open a database cursor and run a query for one user by id.",
    "class ConfigHandler:",
]


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("tiny-models")
    return {
        "plain": build_tiny_model(root / "plain"),
        "chat": build_tiny_model(root / "chat", chat_template=True),
    }


def _attempts(params: dict[str, object], prefix: str = "a") -> list[Attempt]:
    return [
        Attempt(id=f"{prefix}{i}", probe_id="p", variant={}, sample=0, prompt=prompt, params=dict(params))
        for i, prompt in enumerate(PROMPTS)
    ]


async def _collect(gen: HFGenerator, attempts: list[Attempt]) -> dict[str, Generation]:
    out: dict[str, Generation] = {}
    async for g in gen.generate(attempts):
        assert g.attempt_id not in out, f"two generations for {g.attempt_id}"
        out[g.attempt_id] = g
    return out


async def test_greedy_batches_one_generation_per_attempt_and_deterministic(models: dict[str, Path]) -> None:
    gen = make_generator(f"hf:{models['plain']}", batch_size=2)
    assert isinstance(gen, HFGenerator)
    assert gen.name == f"hf:{models['plain']}"
    attempts = _attempts({"temperature": 0, "max_tokens": 8})
    first = await _collect(gen, attempts)
    second = await _collect(gen, attempts)
    await gen.aclose()

    assert set(first) == {a.id for a in attempts}
    for g in first.values():
        assert g.error is None
        assert isinstance(g.text, str)
        assert g.tokens is not None and 0 < g.tokens <= 8
        assert g.model == gen.name
        assert g.latency_ms > 0
    assert any(g.text.strip() for g in first.values()), "every greedy answer was empty"
    assert {k: g.text for k, g in first.items()} == {k: g.text for k, g in second.items()}


async def test_left_padded_batch_matches_one_at_a_time(models: dict[str, Path]) -> None:
    attempts = _attempts({"max_tokens": 8})
    batched = HFGenerator(str(models["plain"]), batch_size=5)
    single = HFGenerator(str(models["plain"]), batch_size=1)
    together = await _collect(batched, attempts)
    alone = await _collect(single, attempts)
    assert {k: g.text for k, g in together.items()} == {k: g.text for k, g in alone.items()}


async def test_seeded_sampling_repeats_and_mixed_params_do_not_share_a_batch(models: dict[str, Path]) -> None:
    gen = HFGenerator(str(models["plain"]), batch_size=8)
    sampled = _attempts({"temperature": 1.0, "top_p": 0.95, "seed": 11, "max_tokens": 8}, prefix="s")
    greedy = _attempts({"max_tokens": 8}, prefix="g")
    mixed = await _collect(gen, greedy[:2] + sampled + greedy[2:])
    again = await _collect(gen, sampled)
    only_greedy = await _collect(gen, greedy)
    assert set(mixed) == {a.id for a in sampled + greedy}
    assert {k: mixed[k].text for k in again} == {k: g.text for k, g in again.items()}
    assert {k: mixed[k].text for k in only_greedy} == {k: g.text for k, g in only_greedy.items()}


async def test_chat_template_is_applied_only_when_present(models: dict[str, Path]) -> None:
    chat = HFGenerator(str(models["chat"]), batch_size=2)
    plain = HFGenerator(str(models["plain"]), batch_size=2)
    attempt = _attempts({"max_tokens": 4})[0]

    rendered = chat.render_prompt(attempt)
    assert rendered.startswith(f"{CHAT_MARKER} {attempt.prompt}")
    assert rendered != attempt.prompt
    assert plain.render_prompt(attempt) == attempt.prompt

    out = await _collect(chat, _attempts({"max_tokens": 4}))
    assert len(out) == len(PROMPTS) and all(g.error is None and g.tokens for g in out.values())


async def test_a_failing_batch_yields_errors_and_the_rest_still_runs(models: dict[str, Path]) -> None:
    gen = HFGenerator(str(models["plain"]), batch_size=1)
    # Longer than the model's 512 positions: that batch fails inside generate().
    too_long = Attempt(
        id="long", probe_id="p", variant={}, sample=0, prompt="x " * 700, params={"max_tokens": 4}
    )
    bad_params = Attempt(
        id="bad", probe_id="p", variant={}, sample=0, prompt="x", params={"max_tokens": "lots"}
    )
    fine = _attempts({"max_tokens": 4})[1]
    out = await _collect(gen, [too_long, bad_params, fine])
    assert out["long"].error and out["long"].error.startswith("generation failed: IndexError")
    assert out["long"].text == ""
    assert out["bad"].error and out["bad"].error.startswith("generation failed: ValueError")
    assert out[fine.id].error is None and out[fine.id].tokens


# "not a valid id!!" is refused by the hub id check before any network request is made.
@pytest.mark.parametrize("spec", ["missing-folder", "empty-folder", "a-file", "not a valid id!!"])
def test_unloadable_model_is_one_line_generator_error(tmp_path: Path, spec: str) -> None:
    (tmp_path / "weights.bin").write_bytes(b"")
    paths = {
        "missing-folder": tmp_path / "nope",
        "empty-folder": tmp_path,
        "a-file": tmp_path / "weights.bin",
    }
    target = str(paths.get(spec, spec))
    with pytest.raises(GeneratorError) as info:
        HFGenerator(target)
    message = str(info.value)
    assert message.startswith(f"cannot load model {target}: ")
    assert "\n" not in message


async def test_closed_generator_refuses_to_generate(models: dict[str, Path]) -> None:
    gen = HFGenerator(str(models["plain"]))
    await gen.aclose()
    with pytest.raises(GeneratorError, match="closed"):
        await _collect(gen, _attempts({})[:1])


def test_missing_extra_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch, models: dict[str, Path]
) -> None:
    monkeypatch.setitem(sys.modules, "transformers", None)  # makes `import transformers` fail
    with pytest.raises(GeneratorError, match=r"pip install 'auditor\[hf\]'"):
        HFGenerator(str(models["plain"]))
