"""Python that ``ast`` cannot parse, recovered statement by statement with tree-sitter.

Generated code is often cut off (the model hit ``max_tokens`` in the middle of a call) or holds one
broken line, and ``ast`` then rejects the whole block: every rule that needs a parse tree would see
nothing. tree-sitter's Python grammar parses with error recovery, and its tree marks the statements
that hold an error. :func:`recover` keeps every statement without one, entering compound statements
that hold an error (a ``def`` whose last line was cut off keeps its good lines), and checks each
kept statement with ``ast`` on its own, since tree-sitter accepts some things ``ast`` does not.

The result is a module of those statements, each dedented to the top level but on its own lines,
with blank lines where the rest was: line numbers are the block's own, so findings need no mapping,
and every rule kind (calls, taint, imports) runs on it unchanged. A statement taken out of a broken
function loses that function's context (its parameters are no longer known as sources); the caller
records that the block was only partly parsed.
"""

from __future__ import annotations

import ast
import functools
import textwrap
import warnings
from dataclasses import dataclass
from typing import Any

__all__ = ["Recovered", "recover"]

#: Statements that hold an error are entered through these children (bodies and their clauses).
_INNER = frozenset({"block", "elif_clause", "else_clause", "except_clause", "except_group_clause",
                    "finally_clause", "case_clause", "ERROR"})
_STATEMENT_SUFFIXES = ("_statement", "_definition")


@dataclass(frozen=True, slots=True)
class Recovered:
    """The parseable part of a block, at its own line numbers."""

    source: str
    kept: int  # non-blank lines of the block that the source keeps
    total: int  # non-blank lines of the block

    @property
    def note(self) -> str:
        return (f"python ast failed; {self.kept} of {self.total} lines recovered with tree-sitter and "
                "parsed, the rest skipped")


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    import tree_sitter_python
    from tree_sitter import Language, Parser

    return Parser(Language(tree_sitter_python.language()))


def recover(code: str) -> Recovered | None:
    """The statements of ``code`` that parse, or None when none does (or no grammar is installed)."""
    try:
        parser = _parser()
    except ImportError:
        return None
    lines = code.split("\n")
    if lines[0].startswith((" ", "\t")):  # a continuation: its first line's indent is nobody's block
        lines = textwrap.dedent(code).split("\n")
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    tree = parser.parse(data)
    out = [""] * len(lines)
    taken = -1  # last line already used: two statements on one line keep the first
    for node in _good_statements(tree.root_node):
        first, last = node.start_point[0], node.end_point[0]
        if first <= taken:
            continue
        text = _source(lines, data, node)
        if text is None:
            continue
        out[first : last + 1] = text.split("\n")
        taken = last
    kept = sum(1 for line in out if line.strip())
    if not kept:
        return None
    return Recovered("\n".join(out), kept, sum(1 for line in lines if line.strip()))


def _good_statements(node: Any) -> list[Any]:
    """Statements without an error under ``node``, in order, entering the ones that hold an error."""
    found: list[Any] = []
    for child in node.named_children:
        kind = child.type
        statement = kind.endswith(_STATEMENT_SUFFIXES) or kind == "decorated_definition"
        if statement and not child.has_error:
            found.append(child)
        elif statement or kind in _INNER:  # never into expressions: no statement lives there
            found += _good_statements(child)
    return found


def _source(lines: list[str], data: bytes, node: Any) -> str | None:
    """The statement's text, dedented to the top level, if ``ast`` parses it on its own."""
    first, last = node.start_point[0], node.end_point[0]
    text = data[node.start_byte : node.end_byte].decode("utf-8", "surrogatepass")
    if text.count("\n") != last - first:
        return None
    head = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
    text = textwrap.dedent(head + text) if head else text
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return text
