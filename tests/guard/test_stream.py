"""The streaming filter on its own: prose flows, code blocks wait, blocked code never leaves."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from auditor.guard import Guard, GuardSettings
from auditor.guard.stream import EventSplitter, StreamFilter, data_of
from tests.guard.conftest import ALLOWED, BLOCKED, BLOCKED_CODE, WARNED

CODE_FRAGMENTS = ("os.system(", "import os", "def list_dir", "'ls '")


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard(GuardSettings(timeout_ms=2000))


def chunk(text: str | None = None, finish: str | None = None, index: int = 0, chat: bool = True) -> bytes:
    head = {"id": "c1", "object": "chat.completion.chunk" if chat else "text_completion", "created": 1, "model": "m"}
    if chat:
        choice: dict[str, Any] = {"index": index, "delta": {"content": text} if text is not None else {},
                                  "finish_reason": finish}
    else:
        choice = {"index": index, "text": text or "", "logprobs": None, "finish_reason": finish}
    return f"data: {json.dumps({**head, 'choices': [choice]})}\n\n".encode()


def words(text: str) -> list[str]:
    return re.findall(r"\s*\S+\s*|\s+", text)


def events(out: bytes) -> list[dict[str, Any] | str]:
    """Parse what the filter sent, checking the framing of every event on the way."""
    assert out.endswith(b"\n\n")
    parsed: list[dict[str, Any] | str] = []
    for raw in out[:-2].split(b"\n\n"):
        assert raw.startswith(b"data: "), raw
        body = raw[6:].decode()
        parsed.append(body if body == "[DONE]" else json.loads(body))
    return parsed


def text_of(parsed: list[dict[str, Any] | str], index: int = 0) -> str:
    out = []
    for e in parsed:
        if isinstance(e, dict):
            for ch in e.get("choices", []):
                if ch["index"] == index:
                    out.append((ch.get("delta") or {}).get("content") or ch.get("text") or "")
    return "".join(out)


def finishes(parsed: list[dict[str, Any] | str]) -> list[tuple[str, dict[str, Any] | None]]:
    return [(ch["finish_reason"], e.get("auditor")) for e in parsed if isinstance(e, dict)
            for ch in e.get("choices", []) if ch["finish_reason"]]


async def run(guard: Guard, pieces: list[bytes]) -> tuple[bytes, list[bytes]]:
    """Feed the pieces one by one; return everything sent and what each feed released."""
    gate = StreamFilter(guard.acheck)
    released = [await gate.feed(p) for p in pieces]
    released.append(await gate.finish())
    return b"".join(released), released


def stream_of(text: str, split: str = "words", chat: bool = True, done: bool = True) -> list[bytes]:
    parts = words(text) if split == "words" else list(text)
    body = [chunk(p, chat=chat) for p in parts] + [chunk(finish="stop", chat=chat)]
    return body + ([b"data: [DONE]\n\n"] if done else [])


@pytest.mark.parametrize("split", ["words", "chars"])
async def test_blocked_code_never_leaves_in_any_part(guard: Guard, split: str) -> None:
    out, released = await run(guard, stream_of(BLOCKED, split))
    parsed = events(out)
    sent = text_of(parsed)
    assert sent.startswith("Sure, here it is.\n\n")
    assert "withheld by the auditor guard: py-os-system (CWE-78)" in sent
    for fragment in CODE_FRAGMENTS:
        assert fragment not in out.decode(), fragment
    assert "Call it with a folder name" not in sent  # the rest of a blocked choice is dropped
    ((reason, auditor),) = finishes(parsed)
    assert reason == "content_filter"
    assert auditor is not None and auditor["action"] == "block"
    assert [(f["rule_id"], f["cwe"], f["line"]) for f in auditor["findings"]] == [("py-os-system", 78, 7)]
    assert parsed[-1] == "[DONE]"


async def test_prose_streams_as_it_arrives_and_code_waits_for_its_fence(guard: Guard) -> None:
    pieces = [chunk("Intro line.\n"), chunk("``"), chunk("`python\n"), chunk("x = 1\n"), chunk("```"),
              chunk("\n"), chunk("After."), chunk(finish="stop"), b"data: [DONE]\n\n"]
    out, released = await run(guard, pieces)
    assert text_of(events(released[0])) == "Intro line.\n"
    assert released[1:5] == [b"", b"", b"", b""]  # a lone `` may open a fence: held with the block
    assert text_of(events(released[5])) == "```python\nx = 1\n```\n"
    assert text_of(events(released[6])) == "After."
    assert finishes(events(released[7])) == [("stop", None)]
    assert text_of(events(out)) == "Intro line.\n```python\nx = 1\n```\nAfter."


async def test_a_line_that_only_looks_like_a_fence_is_released(guard: Guard) -> None:
    pieces = [chunk("`"), chunk("x` is the name"), chunk(" of it.\n"), chunk(finish="stop")]
    out, released = await run(guard, pieces)
    assert released[0] == b""
    assert text_of(events(released[1])) == "`x` is the name"
    assert text_of(events(out)) == "`x` is the name of it.\n"


@pytest.mark.parametrize(
    "text",
    [
        "Steps:\n\n1. Do this:\n\n   ```python\n   import os\n   os.system('rm -rf ' + path)\n   ```\n",
        "Here:\n~~~python\nimport os\nos.system('rm ' + path)\n~~~\nEnd.\n",
        "Here:\n````\nimport os\nos.system('rm ' + path)\n````\n",
    ],
    ids=["indented-in-a-list", "tilde-fence", "long-untagged-fence"],
)
async def test_every_fence_style_is_held_and_checked(guard: Guard, text: str) -> None:
    out, _ = await run(guard, stream_of(text, "chars"))
    assert "os.system(" not in out.decode()
    ((reason, auditor),) = finishes(events(out))
    assert reason == "content_filter"
    assert auditor is not None and "py-os-system" in {f["rule_id"] for f in auditor["findings"]}


async def test_an_unterminated_block_is_checked_when_the_stream_ends(guard: Guard) -> None:
    cut = BLOCKED[: BLOCKED.index("```\n\n")]  # the model hit its token limit inside the block
    for done in (True, False):
        out, _ = await run(guard, stream_of(cut, done=done)[:-2 if done else -1])
        assert BLOCKED_CODE not in out.decode()
        assert finishes(events(out)) == [("content_filter", finishes(events(out))[0][1])]


async def test_warned_code_is_released_and_annotated(guard: Guard) -> None:
    out, _ = await run(guard, stream_of(WARNED))
    parsed = events(out)
    assert text_of(parsed) == WARNED
    ((reason, auditor),) = finishes(parsed)
    assert reason == "stop"
    assert auditor is not None and auditor["action"] == "warn"
    assert [f["rule_id"] for f in auditor["findings"]] == ["py-flask-debug"]


async def test_completion_streams_are_filtered_too(guard: Guard) -> None:
    out, _ = await run(guard, stream_of(BLOCKED, chat=False))
    parsed = events(out)
    assert "os.system(" not in out.decode()
    assert finishes(parsed)[0][0] == "content_filter"
    assert all("text" in ch for e in parsed if isinstance(e, dict) for ch in e["choices"])


async def test_unfenced_code_is_reported_after_the_stream(guard: Guard) -> None:
    code = "import os\n\ndef clean(path):\n    os.system('rm -rf ' + path)\n    return path\n"
    out, _ = await run(guard, stream_of(code, chat=False))
    ((reason, auditor),) = finishes(events(out))
    assert reason == "content_filter"  # cannot be recalled, but the client is told
    assert auditor is not None and auditor["findings"][0]["after_stream"] is True


async def test_choices_are_judged_one_by_one(guard: Guard) -> None:
    pieces = []
    for bad, good in zip(words(BLOCKED), words(ALLOWED) + [""] * 100):
        pieces.append(chunk(bad, index=0))
        if good:
            pieces.append(chunk(good, index=1))
    pieces += [chunk(finish="stop", index=0), chunk(finish="stop", index=1), b"data: [DONE]\n\n"]
    out, _ = await run(guard, pieces)
    parsed = events(out)
    assert text_of(parsed, 1) == ALLOWED
    assert "os.system(" not in out.decode()
    assert sorted(r for r, _ in finishes(parsed)) == ["content_filter", "stop"]


async def test_crlf_framing_comments_and_usage_pass(guard: Guard) -> None:
    usage = b'data: {"id":"c1","choices":[],"usage":{"total_tokens":3}}\r\n\r\n'
    pieces = [b": keep-alive\r\n\r\n", chunk("Hi.\n").replace(b"\n\n", b"\r\n\r\n"), chunk(finish="stop"), usage,
              b"data: [DONE]\r\n\r\n"]
    out, _ = await run(guard, pieces)
    assert out.startswith(b": keep-alive\n\n")
    assert b'"usage":{"total_tokens":3}' in out
    assert out.endswith(b"data: [DONE]\n\n")


async def test_abort_drops_what_is_held(guard: Guard) -> None:
    gate = StreamFilter(guard.acheck)
    held = b"".join([await gate.feed(p) for p in stream_of(BLOCKED)[:8]])
    assert "Sure," in held.decode() and "import" not in held.decode()
    tail = gate.abort("too big", "response_too_large")
    assert json.loads(data_of(tail.strip()) or b"")["error"]["code"] == "response_too_large"
    assert gate.summary()["action"] == "block"


def test_the_splitter_keeps_partial_events() -> None:
    split = EventSplitter()
    assert split.feed(b"data: 1\n\nda") == [b"data: 1"]
    assert split.feed(b"ta: 2\r") == []
    assert split.feed(b"\n\r\n") == [b"data: 2"]
    assert split.feed(b"data: 3") == [] and split.rest() == b"data: 3"
    assert data_of(b"event: x\ndata: a\ndata: b") == b"a\nb"
    assert data_of(b": comment") is None
