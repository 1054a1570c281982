"""Streaming responses: text flows through as it arrives; code blocks wait for the guard.

An OpenAI-compatible stream is a series of server-sent events (``data: {json}\\n\\n``, ending
with ``data: [DONE]``), each carrying a piece of one choice's text. :class:`StreamFilter` reads
them in order and keeps, per choice, the line being written and whether a Markdown fence is open
(the same fence rules as :mod:`auditor.extract`). An event is forwarded untouched unless it may
belong to a code block: from the event that opens a fence (or starts a line that could still
become one, like a lone ````` `` `````) to the one that ends the closing fence's line, events are
held. Then the held text is checked and either released as it came or replaced by one event that
keeps the prose before the fence and says why the code was withheld, followed by a finishing
event with ``finish_reason: "content_filter"``; the rest of that choice is dropped. A blocked
block therefore never reaches the client, not even in part. A stream that ends inside a fence has
the open block checked the same way.

Text that was never held (prose, or code without a fence, as a completion model writes it) is
checked once more when its choice finishes; what that finds cannot be recalled, so it is reported
(and the finish reason set to ``content_filter`` on a block) but not removed. The finishing event
of a choice whose decision was not a plain allow carries an ``auditor`` object with the action,
findings (rule id, severity, CWE, response line) and errors.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from auditor.extract import _closes, _open_fence, _trailing_close  # the fence rules of record
from auditor.guard.decision import GuardDecision, worst

__all__ = ["StreamFilter", "EventSplitter", "data_of", "frame", "error_frame"]

Check = Callable[[str], Awaitable[GuardDecision]]
_SEP = b"\n\n"
_DONE = b"[DONE]"
_HEAD = 8  # characters of a line's start that tell whether it can open a fence


class EventSplitter:
    """Bytes in, whole SSE events out (without their blank-line terminator)."""

    def __init__(self) -> None:
        self._buf = b""

    def feed(self, chunk: bytes) -> list[bytes]:
        buf = self._buf + chunk
        if b"\r" in buf:
            buf = buf.replace(b"\r\n", b"\n")
        parts = buf.split(_SEP)
        self._buf = parts.pop()
        return [p for p in parts if p]

    def rest(self) -> bytes:
        rest, self._buf = self._buf.strip(), b""
        return rest


def data_of(event: bytes) -> bytes | None:
    """The data of one event (``data:`` lines joined), or None for comments and other fields."""
    if event.startswith(b"data: ") and b"\n" not in event:
        return event[6:]
    lines = [line[5:] for line in event.split(b"\n") if line.startswith(b"data:")]
    if not lines:
        return None
    return b"\n".join(line[1:] if line.startswith(b" ") else line for line in lines)


def frame(obj: Any) -> bytes:
    return b"data: " + json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode() + _SEP


def error_frame(message: str, code: str) -> bytes:
    """An in-stream error event, as OpenAI sends when a stream fails after it started."""
    return frame({"error": {"message": message, "type": "auditor_error", "param": None, "code": code}})


def _maybe_fence(head: str) -> bool:
    """Whether a line starting with ``head`` (left-stripped) opens, or may still open, a fence."""
    if not head or head[0] not in "`~":
        return False
    run = len(head) - len(head.lstrip(head[0]))
    return run == len(head) or run >= 3


class _Choice:
    """Line and fence state of one choice, its held events and its decisions so far."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.pieces: list[str] = []  # the line being written
        self.head = ""  # its first characters, left-stripped
        self.line_no = 0  # complete lines so far
        self.fence: tuple[str, int] | None = None
        self.fenced = False  # a fence opened during the current hold
        self.held: list[tuple[bytes, dict[str, Any]]] = []
        self.held_text: list[str] = []
        self.seed = ""  # the part of the current line sent before the hold began
        self.seed_line = 0
        self.free: list[str] = []  # text sent without a check
        self.closed = False
        self.action = "allow"
        self.findings: list[dict[str, Any]] = []
        self.errors: list[str] = []
        self.elapsed_ms = 0.0

    @property
    def holding(self) -> bool:
        return self.fence is not None or _maybe_fence(self.head)

    def feed(self, text: str) -> None:
        start = 0
        while (nl := text.find("\n", start)) >= 0:
            self.pieces.append(text[start:nl])
            line = "".join(self.pieces)
            self.pieces.clear()
            self.head = ""
            self.line_no += 1
            self._line(line)
            start = nl + 1
        rest = text[start:]
        if rest:
            self.pieces.append(rest)
            if len(self.head) < _HEAD:
                self.head = (self.head + rest).lstrip(" \t")[:_HEAD]

    def _line(self, line: str) -> None:
        if self.fence is None:
            opened = _open_fence(line)
            if opened is not None:
                self.fence = (opened[0], opened[1])
                self.fenced = True
            return
        char, length = self.fence
        if _closes(line, char, length) or (char == "`" and _trailing_close(line, length) is not None):
            self.fence = None

    def record(self, decision: GuardDecision, line_offset: int, after_stream: bool = False) -> None:
        self.action = worst(self.action, decision.action)
        digest = decision.summary(line_offset=line_offset)
        for finding in digest["findings"]:
            finding["choice"] = self.index
            if after_stream:
                finding["after_stream"] = True
        self.findings += digest["findings"]
        self.errors += digest["errors"]
        self.elapsed_ms += decision.elapsed_ms

    def digest(self) -> dict[str, Any]:
        return {"action": self.action, "findings": self.findings, "errors": self.errors}


class StreamFilter:
    """Feed it the upstream's bytes; it returns the bytes to send on (see the module docstring)."""

    def __init__(self, check: Check) -> None:
        self._check = check
        self._split = EventSplitter()
        self._choices: dict[int, _Choice] = {}

    async def feed(self, chunk: bytes) -> bytes:
        out: list[bytes] = []
        for event in self._split.feed(chunk):
            await self._event(event, out)
        return b"".join(out)

    async def finish(self) -> bytes:
        """The upstream ended: settle whatever is still held."""
        out: list[bytes] = []
        rest = self._split.rest()
        if rest:
            await self._event(rest, out)
        await self._end_all(out)
        return b"".join(out)

    def abort(self, message: str, code: str) -> bytes:
        """The stream cannot go on: drop everything held, and say so."""
        for choice in self._choices.values():
            choice.held.clear()
            choice.held_text.clear()
            choice.closed = True
            choice.errors.append(f"stream aborted: {code}")
            choice.action = "block"
        return error_frame(message, code)

    def summary(self) -> dict[str, Any]:
        """The whole stream's decision: the strictest action, every finding and error, time spent."""
        choices = self._choices.values()
        return {
            "action": worst(*(c.action for c in choices)),
            "findings": [f for c in choices for f in c.findings],
            "errors": [e for c in choices for e in c.errors],
            "elapsed_ms": sum(c.elapsed_ms for c in choices),
        }

    # -- events -------------------------------------------------------------------------------

    async def _event(self, event: bytes, out: list[bytes]) -> None:
        data = data_of(event)
        if data is None:
            out.append(event + _SEP)
            return
        if data.strip() == _DONE:
            await self._end_all(out)
            out.append(event + _SEP)
            return
        try:
            obj = json.loads(data)
        except ValueError:
            obj = None
        choices = obj.get("choices") if isinstance(obj, dict) else None
        if not isinstance(choices, list) or not choices:
            out.append(event + _SEP)
            return
        if len(choices) == 1:
            await self._choice_event(event + _SEP, obj, choices[0], out)  # type: ignore[arg-type]
            return
        for choice in choices:  # several choices in one event: treat them one by one
            single = {**obj, "choices": [choice]}  # type: ignore[dict-item]
            await self._choice_event(frame(single), single, choice, out)

    async def _choice_event(self, raw: bytes, obj: dict[str, Any], ch: Any, out: list[bytes]) -> None:
        if not isinstance(ch, dict):
            out.append(raw)
            return
        index = ch.get("index", 0)
        c = self._choices.get(index)
        if c is None:
            c = self._choices[index] = _Choice(index if isinstance(index, int) else 0)
        if c.closed:
            return
        text = _text_of(ch)
        finish = ch.get("finish_reason")
        if finish is not None and text:  # the last piece of text rides on the finishing event
            await self._content(c, frame(_with(obj, ch, text, None)), _with(obj, ch, text, None), text, out)
            raw, obj = frame(_with(obj, ch, "", finish)), _with(obj, ch, "", finish)
            text = ""
        if finish is None:
            await self._content(c, raw, obj, text, out)
            return
        await self._settle(c, out)
        if c.closed:
            return
        c.closed = True
        if c.action == "allow" and not c.errors:
            out.append(raw)
            return
        finished = {**obj, "auditor": c.digest()}
        if c.action == "block":
            finished = _with(finished, ch, "", "content_filter")
        out.append(frame(finished))

    async def _content(self, c: _Choice, raw: bytes, obj: dict[str, Any], text: str, out: list[bytes]) -> None:
        if not c.held and ("`" in text or "~" in text):
            c.seed, c.seed_line = "".join(c.pieces), c.line_no
        if text:
            c.feed(text)
        if not (c.held or c.fenced or c.holding):
            c.free.append(text)
            out.append(raw)
            return
        c.held.append((raw, obj))
        c.held_text.append(text)
        if not c.holding:
            await self._resolve(c, out)

    async def _resolve(self, c: _Choice, out: list[bytes]) -> None:
        """Check what ``c`` holds and release or replace it."""
        held, texts, fenced = c.held, c.held_text, c.fenced
        c.held, c.held_text, c.fenced = [], [], False
        if not held:
            return
        if not fenced:  # a line that looked like a fence and was not one
            c.free.extend(texts)
            out.extend(raw for raw, _ in held)
            return
        full = c.seed + "".join(texts)
        decision = await self._check(full)
        c.record(decision, line_offset=c.seed_line)
        if decision.action != "block":
            out.extend(raw for raw, _ in held)
            return
        template, first = held[0][1], held[0][1]["choices"][0]
        notice = _before_fence(full, len(c.seed)) + decision.reason()
        out.append(frame(_with(template, first, notice, None)))
        finished = {**_with(template, first, "", "content_filter"), "auditor": c.digest()}
        out.append(frame(finished))
        c.closed = True

    async def _settle(self, c: _Choice, out: list[bytes]) -> None:
        """End of a choice: resolve what it holds, then check the text it sent unchecked."""
        c.fence, c.head = None, ""
        await self._resolve(c, out)
        free, c.free = "".join(c.free), []
        if c.closed or not free.strip():
            return
        decision = await self._check(free)
        if decision.action != "allow" or decision.errors:
            c.record(decision, line_offset=0, after_stream=True)

    async def _end_all(self, out: list[bytes]) -> None:
        for c in self._choices.values():
            if not c.closed:
                await self._settle(c, out)
                c.closed = True


def _text_of(ch: dict[str, Any]) -> str:
    delta = ch.get("delta")
    text = delta.get("content") if isinstance(delta, dict) else ch.get("text")
    return text if isinstance(text, str) else ""


def _with(obj: dict[str, Any], ch: dict[str, Any], text: str, finish: str | None) -> dict[str, Any]:
    """A copy of chunk ``obj`` whose single choice carries ``text`` and ``finish``."""
    if "delta" in ch:
        delta = {"content": text} if text else {}
        choice = {"index": ch.get("index", 0), "delta": delta, "finish_reason": finish}
    else:
        choice = {"index": ch.get("index", 0), "text": text, "logprobs": None, "finish_reason": finish}
    return {**{k: v for k, v in obj.items() if k not in ("choices", "usage")}, "choices": [choice]}


def _before_fence(text: str, skip: int) -> str:
    """The text before the first line that opens a fence (less the first ``skip`` characters)."""
    offset = 0
    for line in text.split("\n"):
        if _open_fence(line) is not None:
            break
        offset += len(line) + 1
    return text[skip:offset] if offset > skip else ""
