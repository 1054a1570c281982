"""Streaming responses: prose flows through as it arrives; code waits for the guard.

An OpenAI-compatible stream is a series of server-sent events (``data: {json}\\n\\n``, ending
with ``data: [DONE]``), each carrying a piece of one choice's text. :class:`StreamFilter` reads
them in order and forwards each event untouched unless it may belong to code. What counts as code
depends on the stream and on the ``stream_unfenced`` setting (``hold`` by default):

* **Completions** (``/v1/completions``, ``hold``): a continuation is code from its first character,
  so all of a choice's events are held until it finishes (or the stream ends), checked once, then
  released as they came or replaced.
* **Chat** (and completions with ``report``): per choice, :class:`~auditor.guard.codeline.Lines`
  follows the lines of the text. Events are held from the one that opens a fence (or starts a line
  that could still become one, like a lone ````` `` `````) to the one that ends the closing fence's
  line. With ``hold``, events are also held from the start of a line whose first characters look
  like code (indentation, a lower-case keyword, ``#!``, ``//``, ``os.system(`` ...); a line that
  turns out to be prose is released when it ends, one that is code opens a run that is held while
  lines are code or blank, and checked at the first prose line, fence or the choice's end. Each
  fenced block or run is checked on its own, so its findings carry response lines.

A held stretch whose code passes is released as it came. If any of it is blocked, one event
replaces all of it: it keeps the prose before the code in those events and says why the code was
withheld; a finishing event with ``finish_reason: "content_filter"`` and an ``auditor`` object
follows, and the rest of that choice is dropped. A blocked block never reaches the client, not
even in part.

The lines outside the checked code (prose, and, with ``report``, code without a fence, which went
out unheld) are checked once more when their choice finishes; with their response line numbers, as
the code's lines are left blank. What that finds cannot be recalled, so it is reported
(``after_stream: true``, and the finish reason set to ``content_filter`` on a block) but not
removed. The finishing event of a choice whose decision was not a plain allow carries an
``auditor`` object with the action, findings (rule id, severity, CWE, response line) and errors.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from auditor.guard.codeline import Lines
from auditor.guard.decision import GuardDecision, worst

__all__ = ["MODES", "EventSplitter", "StreamFilter", "data_of", "error_frame", "frame"]

Check = Callable[[str], Awaitable[GuardDecision]]
_SEP = b"\n\n"
_DONE = b"[DONE]"
MODES = ("hold", "report")  # the values of the ``stream_unfenced`` setting


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


class _Choice:
    """One choice: its lines (:class:`~auditor.guard.codeline.Lines`), held events and decisions so far."""

    def __init__(self, index: int, unfenced: bool) -> None:
        self.index = index
        self.lines = Lines(unfenced)
        self.held: list[tuple[bytes, dict[str, Any]]] = []
        self.held_text: list[str] = []
        self.seed = ""  # the part of the current line sent before the hold began
        self.seed_line = 0
        self.closed = False
        self.action = "allow"
        self.findings: list[dict[str, Any]] = []
        self.errors: list[str] = []
        self.elapsed_ms = 0.0

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

    def __init__(self, check: Check, *, unfenced: str = "hold", completions: bool = False) -> None:
        """``unfenced`` is the policy's ``stream_unfenced``; ``completions`` is true for ``/v1/completions``."""
        if unfenced not in MODES:
            raise ValueError(f"stream_unfenced must be one of {MODES}, not {unfenced!r}")
        self._check = check
        self._hold = unfenced == "hold"
        self._whole = completions and self._hold  # a continuation is code from its first character
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
            c = self._choices[index] = _Choice(index if isinstance(index, int) else 0, self._hold)
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
        if self._whole:
            c.held.append((raw, obj))
            c.held_text.append(text)
            return
        lines = c.lines
        pieces, count, line_no = lines.pieces, len(lines.pieces), lines.line_no  # where a hold would begin
        if text:
            lines.feed(text)
        if not c.held:
            if not (lines.units or lines.pending):
                out.append(raw)
                return
            c.seed, c.seed_line = "".join(pieces[:count]), line_no
        c.held.append((raw, obj))
        c.held_text.append(text)
        if not lines.pending:
            await self._resolve(c, out)

    async def _resolve(self, c: _Choice, out: list[bytes]) -> None:
        """Check the code units of what ``c`` holds, and release or replace the held events."""
        held, texts = c.held, c.held_text
        c.held, c.held_text = [], []
        units = [("".join(texts), 0)] if self._whole else c.lines.take_units()
        blocked: GuardDecision | None = None
        for code, offset in units:
            if not code.strip():
                continue
            decision = await self._check(code)
            c.record(decision, line_offset=offset)
            if decision.blocked and blocked is None:
                blocked = decision
        if blocked is None or not held:  # passed, or nothing left to replace (the finish reports it)
            out.extend(raw for raw, _ in held)
            return
        template, first = held[0][1], held[0][1]["choices"][0]
        before = "" if self._whole else _before(c.seed + "".join(texts), len(c.seed), units[0][1] - c.seed_line)
        out.append(frame(_with(template, first, before + blocked.reason(), None)))
        finished = {**_with(template, first, "", "content_filter"), "auditor": c.digest()}
        out.append(frame(finished))
        c.closed = True

    async def _settle(self, c: _Choice, out: list[bytes]) -> None:
        """End of a choice: resolve what it holds, then check the lines it sent unchecked."""
        c.lines.end()
        await self._resolve(c, out)
        free, c.lines.outside = "\n".join(c.lines.outside), []
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


def _before(text: str, skip: int, lines: int) -> str:
    """The first ``lines`` lines of ``text`` (less its first ``skip`` characters): the prose before the code."""
    end = 0
    for _ in range(max(lines, 0)):
        nl = text.find("\n", end)
        if nl < 0:  # the code is on the last, unfinished line
            break
        end = nl + 1
    return text[skip:end] if end > skip else ""
