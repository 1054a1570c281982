"""Blocks as the RE2 rule engines see them: bytes with ``\\n`` line breaks, and a line index over them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

import re2

__all__ = ["LineIndex", "SNIPPET_CHARS", "encode_block", "normalize_newlines"]

SNIPPET_CHARS = 200
_NEWLINE = re.compile(r"\r\n?")
_LINE_BREAK = re.compile(rb"\n")


def normalize_newlines(code: str) -> str:
    """``\\r\\n`` and ``\\r`` become ``\\n``, so line numbers agree with every editor."""
    return _NEWLINE.sub("\n", code) if "\r" in code else code


def encode_block(code: str) -> bytes:
    """A block's text as RE2 sees it: newlines normalized, lone surrogates kept (``surrogatepass``)."""
    return normalize_newlines(code).encode("utf-8", "surrogatepass")


class LineIndex:
    """Byte offsets of the lines of an encoded block: match offsets to 0-based lines, and snippets."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.breaks = [m.start() for m in _LINE_BREAK.finditer(data)]

    def index_of(self, offset: int) -> int:
        return bisect.bisect_left(self.breaks, offset)

    def span(self, index: int) -> tuple[int, int]:
        start = self.breaks[index - 1] + 1 if index > 0 else 0
        stop = self.breaks[index] if index < len(self.breaks) else len(self.data)
        return start, stop

    def text(self, index: int, limit: int = 4 * SNIPPET_CHARS) -> str:
        start, stop = self.span(index)
        return self.data[start : min(stop, start + limit)].decode("utf-8", "replace")

    def snippet(self, index: int) -> str:
        return self.text(index).strip()[:SNIPPET_CHARS]

    def matching_lines(self, pattern: re2._Regexp, clears: Sequence[re2._Regexp] = ()) -> Iterator[int]:
        """0-based lines ``pattern`` matches and no ``clears`` pattern matches on the same line; at
        most one search per flagged line (patterns are compiled never to cross a line break)."""
        data, pos = self.data, 0
        while pos <= len(data):
            match = pattern.search(data, pos)
            if match is None:
                return
            index = self.index_of(match.start())
            start, stop = self.span(index)
            if not any(c.search(data, start, stop) is not None for c in clears):
                yield index
            pos = stop + 1
