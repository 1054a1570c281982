"""The streaming filter on its own: prose flows, code blocks wait, blocked code never leaves."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from auditor.errors import InputError
from auditor.guard import Guard, GuardSettings, load_settings
from auditor.guard.stream import EventSplitter, StreamFilter, data_of
from tests.guard.conftest import ALLOWED, BLOCKED, BLOCKED_CODE, WARNED, write_policy

CODE_FRAGMENTS = ("os.system(", "import os", "def list_dir", "'ls '")
#: Code without a fence: os.system on input (py-os-system, high, CWE-78) on its line 4.
UNFENCED_CODE = "import os\n\ndef clean(path):\n    os.system('rm -rf ' + path)\n    return path\n"
UNFENCED_FRAGMENTS = ("import os", "def clean", "os.system(", "rm -rf", "return path")
UNFENCED_PROSE = "You can empty a folder with a short helper.\nIt removes everything under the path it gets.\n\n"
#: A chat answer: two lines of prose, the code above on lines 4-8 (os.system on line 7), then prose.
UNFENCED_CHAT = UNFENCED_PROSE + UNFENCED_CODE + "\nCall clean() with the folder to empty.\n"
WITHHELD = "Code in this response was withheld by the auditor guard: py-os-system (CWE-78)."


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


async def run(guard: Guard, pieces: list[bytes], **options: Any) -> tuple[bytes, list[bytes]]:
    """Feed the pieces one by one; return everything sent and what each feed released."""
    gate = StreamFilter(guard.acheck, **options)
    released = [await gate.feed(p) for p in pieces]
    released.append(await gate.finish())
    return b"".join(released), released


def stream_of(text: str, split: str = "words", chat: bool = True, done: bool = True) -> list[bytes]:
    parts = words(text) if split == "words" else list(text)
    body = [chunk(p, chat=chat) for p in parts] + [chunk(finish="stop", chat=chat)]
    return body + ([b"data: [DONE]\n\n"] if done else [])


@pytest.mark.parametrize("split", ["words", "chars"])
async def test_blocked_code_never_leaves_in_any_part(guard: Guard, split: str) -> None:
    out, _ = await run(guard, stream_of(BLOCKED, split))
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
    assert released[6] == b""  # "After." could still become "After.x", code: it waits for what follows
    assert text_of(events(released[7])) == "After."
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


# -- code without a fence ---------------------------------------------------------------------


def leaks(out: bytes) -> list[str]:
    return [fragment for fragment in UNFENCED_FRAGMENTS if fragment in out.decode()]


async def test_a_blocked_completion_is_held_whole_and_replaced(guard: Guard) -> None:
    pieces = stream_of(UNFENCED_CODE, chat=False)
    out, released = await run(guard, pieces, completions=True)
    assert released[:-3] == [b""] * (len(pieces) - 2)  # not one byte before the choice finished
    assert leaks(out) == []
    parsed = events(out)
    assert text_of(parsed) == WITHHELD
    ((reason, auditor),) = finishes(parsed)
    assert reason == "content_filter"
    assert auditor is not None and auditor["action"] == "block"
    assert [(f["rule_id"], f["line"], "after_stream" in f) for f in auditor["findings"]] == [("py-os-system", 4, False)]
    assert all("text" in ch for e in parsed if isinstance(e, dict) for ch in e["choices"])
    assert parsed[-1] == "[DONE]"


async def test_an_allowed_completion_is_released_byte_for_byte(guard: Guard) -> None:
    pieces = stream_of("def add(a, b):\n    return a + b\n\n\nprint(add(1, 2))\n", chat=False)
    out, released = await run(guard, pieces, completions=True)
    assert released[:-3] == [b""] * (len(pieces) - 2)
    assert out == b"".join(pieces)


async def test_a_completion_without_a_finish_is_checked_when_the_stream_ends(guard: Guard) -> None:
    out, _ = await run(guard, stream_of(UNFENCED_CODE, chat=False, done=False)[:-1], completions=True)
    assert leaks(out) == []
    assert [r for r, _ in finishes(events(out))] == ["content_filter"]


async def test_unfenced_chat_code_is_held_while_the_prose_before_it_streams(guard: Guard) -> None:
    gate = StreamFilter(guard.acheck)
    parts = words(UNFENCED_CHAT)
    prose = len(words(UNFENCED_PROSE))
    for part in parts[:prose]:
        assert text_of(events(await gate.feed(chunk(part)))) == part  # out as soon as it came in
    for part in parts[prose:-1]:
        assert await gate.feed(chunk(part)) == b"", part  # the code, and the prose line that ends it
    settled = await gate.feed(chunk(parts[-1]))  # that line is complete: the run is checked
    parsed = events(settled)
    assert text_of(parsed) == WITHHELD
    ((reason, auditor),) = finishes(parsed)
    assert reason == "content_filter" and auditor is not None
    assert [(f["rule_id"], f["line"]) for f in auditor["findings"]] == [("py-os-system", 7)]
    assert await gate.feed(chunk(finish="stop")) == b""  # the rest of the choice is dropped
    assert await gate.feed(b"data: [DONE]\n\n") == b"data: [DONE]\n\n"
    assert leaks(settled) == []


@pytest.mark.parametrize("split", ["chars", "lines", "one-event"])
async def test_unfenced_chat_code_never_leaks_however_it_is_cut(guard: Guard, split: str) -> None:
    if split == "one-event":
        pieces = [chunk(UNFENCED_CHAT), chunk(finish="stop")]
    elif split == "lines":
        pieces = [chunk(line) for line in UNFENCED_CHAT.splitlines(keepends=True)] + [chunk(finish="stop")]
    else:
        pieces = stream_of(UNFENCED_CHAT, "chars")
    out, _ = await run(guard, pieces)
    assert leaks(out) == []
    parsed = events(out)
    assert text_of(parsed) == UNFENCED_PROSE + WITHHELD  # the prose before the code is kept
    assert [r for r, _ in finishes(parsed)] == ["content_filter"]


async def test_capitalised_prose_starting_with_keywords_is_not_held(guard: Guard) -> None:
    text = ("If you need more control, pass a list.\nFor example, name each argument.\nUse the helper with care.\n"
            "Import the module first.\nReturn values are strings.\nWhile it runs, it logs.\nPrint the result, then stop.\nDefault values are fine.\n")
    pieces = stream_of(text)
    gate = StreamFilter(guard.acheck)
    for piece in pieces[:-2]:
        assert await gate.feed(piece) == piece  # each word goes out the moment it arrives
    out = await gate.feed(pieces[-2]) + await gate.feed(pieces[-1]) + await gate.finish()
    assert finishes(events(out)) == [("stop", None)]


async def test_a_line_that_starts_like_code_but_is_prose_is_released_at_its_end(guard: Guard) -> None:
    pieces = [chunk("os."), chunk("path "), chunk("is a module"), chunk(" of helpers.\n"), chunk("Next."),
              chunk(finish="stop")]
    out, released = await run(guard, pieces)
    assert released[:3] == [b"", b"", b""]
    assert text_of(events(released[3])) == "os.path is a module of helpers.\n"
    assert text_of(events(out)) == "os.path is a module of helpers.\nNext."
    assert finishes(events(out)) == [("stop", None)]


async def test_passing_unfenced_code_is_released_as_it_came_with_response_lines(guard: Guard) -> None:
    text = "Run it like this:\n\nfrom flask import Flask\napp = Flask(__name__)\napp.run(debug=True)\n\nDone, it serves.\n"
    pieces = stream_of(text)
    out, released = await run(guard, pieces)
    first_code = len(words("Run it like this:\n\n"))
    assert all(r == b"" for r in released[first_code:-4])  # held until the prose line after the run
    assert text_of(events(out)) == text
    ((reason, auditor),) = finishes(events(out))
    assert reason == "stop" and auditor is not None and auditor["action"] == "warn"
    assert [(f["rule_id"], f["line"], "after_stream" in f) for f in auditor["findings"]] == [
        ("py-flask-debug", 5, False)]


async def test_a_run_and_a_fence_are_checked_one_by_one(guard: Guard) -> None:
    text = "Two parts.\n\ndef add(a, b):\n    return a + b\n```python\nimport os\nos.system('ls ' + d)\n```\nEnd.\n"
    out, _ = await run(guard, stream_of(text))
    assert "os.system(" not in out.decode() and "return a + b" not in out.decode()
    ((reason, auditor),) = finishes(events(out))
    assert reason == "content_filter" and auditor is not None
    assert [(f["rule_id"], f["line"]) for f in auditor["findings"]] == [("py-os-system", 7)]


@pytest.mark.parametrize("completions", [False, True])
async def test_report_mode_streams_unfenced_code_and_reports_it_after(guard: Guard, completions: bool) -> None:
    pieces = stream_of(UNFENCED_CHAT, chat=not completions)
    out, released = await run(guard, pieces, unfenced="report", completions=completions)
    assert "os.system(" in text_of(events(b"".join(released[:-3])))  # it went out as it came
    ((reason, auditor),) = finishes(events(out))
    assert reason == "content_filter"  # cannot be recalled, but the client is told
    assert auditor is not None
    assert [(f["rule_id"], f["line"], f["after_stream"]) for f in auditor["findings"]] == [("py-os-system", 7, True)]


async def test_report_mode_still_holds_fenced_code(guard: Guard) -> None:
    out, _ = await run(guard, stream_of(BLOCKED), unfenced="report")
    assert BLOCKED_CODE not in out.decode()
    assert [r for r, _ in finishes(events(out))] == ["content_filter"]


def test_the_stream_unfenced_setting(tmp_path: Path) -> None:
    assert GuardSettings().stream_unfenced == "hold"
    assert load_settings(write_policy(tmp_path, stream_unfenced="report")).stream_unfenced == "report"
    with pytest.raises(InputError) as caught:
        load_settings(write_policy(tmp_path, block_at="high", stream_unfenced="sometimes"))
    assert "field 'guard.stream_unfenced'" in str(caught.value) and "'hold' or 'report'" in str(caught.value)
    assert caught.value.line == 5 and str(tmp_path / "guard.yaml") in str(caught.value)
    with pytest.raises(ValueError, match="stream_unfenced"):
        StreamFilter(Guard(GuardSettings()).acheck, unfenced="sometimes")
