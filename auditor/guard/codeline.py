"""Where code starts in streamed text: fenced blocks, and code without a fence, line by line.

The stream filter (:mod:`auditor.guard.stream`) must decide whether to hold an event before the
line it begins is complete. This module makes that decision, with the fence rules and the
unfenced-code heuristics of :mod:`auditor.extract`:

* :func:`line_start` looks at the first characters of a line (at most ``HEAD_MAX``) and answers
  ``"code"`` (indentation of 4+ spaces or a tab; a lower-case code keyword or shell command as
  first word; a code-start prefix such as ``#!``, ``//``, ``$ ``, ``}``; an identifier directly
  followed by ``(``, ``[``, ``=`` or ``.name``, or by spaces and an assignment), ``"prose"``, or
  ``"wait"`` while the characters so far could still go either way. A capitalised English word
  followed by a space ("If you ...", "Import the ...") is prose at once: keywords are lower case.
* :func:`line_kind` classifies a complete line: ``"code"``, ``"prose"``, ``"comment"`` or
  ``"blank"`` (``auditor.unfenced.line_kind``, plus the head signals above for short lines).

:class:`Lines` follows the text of one choice. It keeps the line being written, whether a fence
is open, and whether an unfenced run of code is open: a run starts at a line whose start looked
like code and which turned out to be code when complete, goes on while lines are code, comments
or blank, and ends at the first prose line or fence. Each finished fenced block or run becomes a
*unit*: its text and the number of response lines before it (the offset of its findings).
``outside`` keeps every complete line, with the lines of units left blank, for the check made
when the choice ends.
"""

from __future__ import annotations

import re

from auditor.extract import _closes, _open_fence, _trailing_close  # the fence rules of record
from auditor.unfenced import CODE_STARTS, KEYWORDS, is_prose
from auditor.unfenced import line_kind as _line_kind

__all__ = ["HEAD_MAX", "Lines", "Unit", "line_kind", "line_start", "maybe_fence"]

Unit = tuple[str, int]  # (text, response lines before it)

HEAD_MAX = 40  # characters of a line's start that decide whether it may begin code
_FENCE_HEAD = 8  # characters of a line's start (left-stripped) that tell whether it can open a fence
#: Shell commands and statements that extract's keyword list lacks, worth holding a line for.
_COMMANDS = frozenset((
    "del", "global", "nonlocal", "eval", "exec", "rm", "nc", "ncat", "bash", "sh", "zsh", "python", "python3",
    "node", "perl", "powershell", "pwsh", "ssh", "scp", "tar", "chown", "kill", "nohup", "systemctl",
    "crontab", "base64", "openssl", "iptables", "useradd", "certutil", "bitsadmin", "schtasks", "reg",
))
_STARTS = (*CODE_STARTS, "{")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ASSIGN = ("=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", ":=", "<<=", ">>=", "**=", "//=")


def maybe_fence(head: str) -> bool:
    """Whether a line starting with ``head`` (left-stripped) opens, or may still open, a fence."""
    if not head or head[0] not in "`~":
        return False
    run = len(head) - len(head.lstrip(head[0]))
    return run == len(head) or run >= 3


def line_start(head: str, complete: bool) -> str:
    """``"code"``, ``"prose"`` or ``"wait"`` for a line beginning with ``head`` (see the module docstring).

    ``complete`` says that ``head`` is the whole line, so nothing is left to wait for.
    """
    body = head.lstrip(" \t")
    indent = head[: len(head) - len(body)]
    if "\t" in indent or len(indent) >= 4:
        return "code"
    if not body:
        return "prose" if complete else "wait"
    if body[0] in "`~":
        return "prose"  # the fence rules decide
    if body.startswith(_STARTS) or (body[0] == "#" and body[1:2] not in ("", " ", "#")):
        return "code"  # #include, #define, #!/bin/sh
    if not complete and (body == "#" or any(p.startswith(body) for p in _STARTS)):
        return "wait"
    match = _IDENT.match(body)
    if match is None:
        return "prose"
    word, rest = match.group(), body[match.end() :]
    if not rest:
        if complete:
            return "code" if word in KEYWORDS or word in _COMMANDS else "prose"
        return "code" if len(head) >= HEAD_MAX else "wait"  # a word this long: hold the line to be safe
    if word in KEYWORDS or word in _COMMANDS:
        return "code"
    return _after_word(word, rest, complete)


def _after_word(word: str, rest: str, complete: bool) -> str:
    """The decision for a first word that is not a keyword, from what follows it."""
    if rest[0] in "([=":
        return "code"
    if rest[0] == ".":
        if len(rest) == 1:
            return "prose" if complete else "wait"
        return "code" if rest[1].isalpha() or rest[1] == "_" else "prose"  # os.system, not "Done. "
    if rest[0] == ":":
        if len(rest) == 1:
            return "prose" if complete else "wait"
        return "code" if rest[1] == ":" else "prose"  # std::move, not "Note: "
    if rest[0] not in " \t" or (word[0].isupper() and (len(word) == 1 or not word.isupper())):
        return "prose"  # "If you", "Import the", "A list": capitalised English
    after = rest.lstrip(" \t")
    if any(after.startswith(op) for op in _ASSIGN):
        return "code"  # x = 1, total += n
    if not complete and any(op.startswith(after) for op in _ASSIGN):
        return "wait"  # nothing after the space yet, or "x +" on its way to "x += 1"
    return "prose"


def line_kind(line: str) -> str:
    """``"code"``, ``"prose"``, ``"comment"`` or ``"blank"`` for one complete line outside fences."""
    kind = _line_kind(line)
    if kind != "prose":
        return kind
    stripped = line.strip()
    if stripped.startswith("#") or is_prose(stripped):
        return kind
    return "code" if line_start(stripped[:HEAD_MAX], complete=len(stripped) <= HEAD_MAX) == "code" else kind


class Lines:
    """The line, fence and run state of one choice's text (see the module docstring)."""

    def __init__(self, unfenced: bool) -> None:
        self.unfenced = unfenced  # whether code without a fence is looked for at all
        self.pieces: list[str] = []  # the line being written (a new list for each line)
        self.line_no = 0  # complete lines so far
        self.units: list[Unit] = []  # finished units not yet taken
        self.outside: list[str] = []  # complete lines, those of units left blank
        self._fence_head = ""  # the line's first characters, left-stripped
        self._head = ""  # the line's first characters, as written
        self._start = ""  # line_start's answer so far for the line being written
        self._fence: tuple[str, int] | None = None
        self._block: list[str] | None = None  # lines of the open fenced block or unfenced run
        self._block_at = 0

    @property
    def pending(self) -> bool:
        """Whether the text so far may still end in code: a block or run is open, or a line may begin one."""
        return self._block is not None or self._start in ("code", "wait") or maybe_fence(self._fence_head)

    def feed(self, text: str) -> None:
        start = 0
        while (nl := text.find("\n", start)) >= 0:
            self.pieces.append(text[start:nl])
            line = "".join(self.pieces)
            self.pieces = []
            self._complete(line)
            start = nl + 1
        rest = text[start:]
        if not rest:
            return
        self.pieces.append(rest)
        if len(self._fence_head) < _FENCE_HEAD:
            self._fence_head = (self._fence_head + rest).lstrip(" \t")[:_FENCE_HEAD]
        if self.unfenced and self._block is None and self._start in ("", "wait"):
            self._head = (self._head + rest)[:HEAD_MAX]
            self._start = line_start(self._head, complete=False)

    def end(self) -> None:
        """The choice ended: the line being written is complete, and any open block or run is a unit."""
        if self.pieces:
            line = "".join(self.pieces)
            self.pieces = []
            self._complete(line)
        if self._block is not None:
            self._emit()

    def take_units(self) -> list[Unit]:
        units, self.units = self.units, []
        return units

    def _complete(self, line: str) -> None:
        started = self._start
        if self.unfenced and self._block is None and started in ("", "wait"):
            started = line_start(line[:HEAD_MAX], complete=len(line) <= HEAD_MAX)
        self._head = self._fence_head = self._start = ""
        self.line_no += 1
        in_unit = self._place(line, started)
        self.outside.append("" if in_unit else line)

    def _place(self, line: str, started: str) -> bool:
        """Put a complete line in the open block, a new one, or none; True if it belongs to a unit."""
        if self._fence is not None and self._block is not None:
            self._block.append(line)
            char, length = self._fence
            if _closes(line, char, length) or (char == "`" and _trailing_close(line, length) is not None):
                self._emit()
            return True
        opened = _open_fence(line)
        if opened is not None:
            if self._block is not None:  # an unfenced run ends where a fence opens
                self._emit()
            self._fence = (opened[0], opened[1])
            self._open(line)
            return True
        if self._block is not None:  # an unfenced run goes on while lines are not prose
            if line_kind(line) != "prose":
                self._block.append(line)
                return True
            self._emit()
            return False
        if started in ("code", "wait") and line_kind(line) == "code":
            self._open(line)
            return True
        return False

    def _open(self, line: str) -> None:
        self._block, self._block_at = [line], self.line_no - 1

    def _emit(self) -> None:
        if self._block is not None:
            self.units.append(("\n".join(self._block), self._block_at))
        self._block, self._fence = None, None
