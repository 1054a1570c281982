"""Make a Python fragment parseable: generated code is often a continuation, not a module.

A ``complete`` probe's answer typically starts inside a function body (indented) and may go on to
top-level definitions. Put under ``def`` / ``if True:`` headers at the indentation it starts at, such a
fragment parses; the analyzer then maps line numbers back by the number of header lines added and
drops nothing of the model's own code. :func:`salvage` adds the last resort: the statements that
tree-sitter finds intact (:mod:`auditor.analyzers.pyrecover`), with a note saying how much of the
block they cover. Code of which nothing parses is left to the caller to report.
"""

from __future__ import annotations

import ast
import textwrap
import warnings

from auditor.analyzers.pyrecover import recover

__all__ = ["repair", "salvage"]

_MAX_LEVELS = 8


def _parses(code: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escapes in generated strings are not our concern here
            ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def _first_indent(code: str) -> int:
    for line in code.splitlines():
        if line.strip():
            return len(line) - len(line.lstrip(" "))
    return 0


def repair(code: str, *, known_bad: bool = False) -> tuple[str, int] | None:
    """``(source, header_lines)`` that parses, or None. ``header_lines`` is added at the top; a finding
    on line n of the source is on line n - header_lines of the fragment. ``known_bad``: the caller
    already saw ``code`` fail to parse (a failed parse costs twice a good one: don't repeat it)."""
    if not known_bad and _parses(code):
        return code, 0
    indent = _first_indent(code)
    if indent == 0:
        return None  # not a continuation; dedenting changes nothing either
    if 0 < indent <= 4 * _MAX_LEVELS and indent % 4 == 0:
        headers = ["def _fragment():"] + [" " * level + "if True:" for level in range(4, indent, 4)]
        wrapped = "\n".join(headers) + "\n" + code
        if _parses(wrapped):
            return wrapped, len(headers)
    dedented = textwrap.dedent(code)
    if dedented != code and _parses(dedented):
        return dedented, 0
    return None


def salvage(code: str) -> tuple[str, int, str | None] | None:
    """What to parse in place of ``code``, which failed to parse: ``(source, header_lines, note)``.

    A continuation fragment under ``def`` headers comes first (whole, so no note); else the
    statements tree-sitter recovers, at their own lines (``note`` says how much they cover); else None.
    """
    fixed = repair(code, known_bad=True)
    if fixed is not None:
        return fixed[0], fixed[1], None
    recovered = recover(code)
    return (recovered.source, 0, recovered.note) if recovered is not None else None
