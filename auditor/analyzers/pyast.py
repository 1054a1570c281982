"""Python ``ast`` helpers shared by the builtin engine's rule kinds: parsing without warnings, the
one fast walk that collects calls and import aliases, qualified callee names, and :class:`CallCheck`,
the conditions of an ``ast`` rule (see :mod:`auditor.analyzers.rulepack` for the schema).
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import re2

if TYPE_CHECKING:
    from auditor.analyzers.rulepack import AstSpec, Rule

__all__ = [
    "CallCheck", "dotted_name", "collect", "parse", "add_import", "keyword_arg", "positional_arg", "text_in",
    "is_literal",
]

_MAX_DEPTH = 50  # how deep the argument-shape checks look into nested ``+`` / ``%``


def parse(code: str) -> ast.Module:
    """``ast.parse`` without the warnings generated code is full of (invalid escapes in strings):
    they would go to stderr, or become errors under ``-W error``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(code)


def add_import(node: ast.stmt, aliases: dict[str, str]) -> None:
    """Record what an ``import`` / ``from ... import`` statement binds (renames and from-imports)."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.asname:
                aliases[alias.asname] = alias.name
    elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
        for alias in node.names:
            if alias.name != "*":
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"


def collect(tree: ast.AST) -> tuple[list[ast.Call], dict[str, str]]:
    """One walk: every call, and the import aliases (flow-insensitive: an import anywhere counts).

    An explicit stack that skips field-less leaves (``Load``, operators) is about twice as fast as
    ``ast.walk``, which matters here: the walk costs as much as the parse.
    """
    calls: list[ast.Call] = []
    aliases: dict[str, str] = {}
    stack: list[ast.AST] = [tree]
    pop, push, node_type = stack.pop, stack.append, ast.AST
    while stack:
        node = pop()
        kind = type(node)
        if kind is ast.Call:
            calls.append(node)  # type: ignore[arg-type]
        elif kind is ast.Import or kind is ast.ImportFrom:
            add_import(node, aliases)  # type: ignore[arg-type]
        for name in node._fields:
            value = getattr(node, name, None)
            if value.__class__ is list:
                for item in value:
                    if isinstance(item, node_type):
                        push(item)
            elif isinstance(value, node_type) and value._fields:
                push(value)
    return calls, aliases



@dataclass(frozen=True, slots=True)
class CallCheck:
    """An ``ast`` rule: conditions on a call whose callee the rule names."""

    rule: Rule
    spec: AstSpec

    @property
    def needle(self) -> str:
        """An RE2 pattern that any source calling one of the rule's callees must contain.

        The last part of a callee's name is followed by ``(`` where it is called (``y.load(``,
        ``load(``) or by ``as`` where an import renames it: without either, no call can resolve to
        it and the block need not be parsed. (A line break between a name and its ``(`` is missed.)
        """
        names = sorted({re2.escape(name.rsplit(".", 1)[-1]) for name in self.spec.call})
        return r"\b(?:" + "|".join(names) + r")\s*(?:\(|as\b)"

    def matches(self, call: ast.Call, aliases: dict[str, str]) -> bool:
        spec = self.spec
        for name, texts in spec.kwarg.items():
            value = keyword_arg(call, name)
            if value is None or not text_in(value, texts, aliases):
                return False
        for name, texts in spec.unless_kwarg.items():
            value = keyword_arg(call, name)
            if value is not None and text_in(value, texts, aliases):
                return False
        for position, texts in spec.unless_arg.items():
            value = positional_arg(call, position)
            if value is not None and text_in(value, texts, aliases):
                return False
        for position, shape in spec.arg.items():
            value = positional_arg(call, position)
            if value is None or not (_is_formatted(value) if shape == "formatted" else not is_literal(value)):
                return False
        return True


def dotted_name(node: ast.expr, aliases: dict[str, str]) -> str | None:
    """``y.load`` -> ``yaml.load`` after ``import yaml as y``; ``None`` unless names all the way."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(aliases.get(node.id, node.id))
    return ".".join(reversed(parts))


def keyword_arg(call: ast.Call, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def positional_arg(call: ast.Call, position: int) -> ast.expr | None:
    """Positional argument ``position``, or ``None`` if absent or unknowable (after ``*args``)."""
    for arg in call.args[: position + 1]:
        if isinstance(arg, ast.Starred):
            return None
    return call.args[position] if position < len(call.args) else None


def text_in(node: ast.expr, texts: Sequence[str], aliases: dict[str, str]) -> bool:
    """Whether the argument's source text, or its alias-resolved dotted name, is one of ``texts``."""
    if isinstance(node, (ast.Name, ast.Attribute)):
        raw = dotted_name(node, {})
        if raw is not None:
            return raw in texts or dotted_name(node, aliases) in texts
    if isinstance(node, ast.Constant):
        return repr(node.value) in texts
    try:
        return ast.unparse(node) in texts
    except RecursionError:
        return False


def is_literal(node: ast.expr, depth: int = 0) -> bool:
    """A constant, an f-string without fields, or ``+``/``%`` of those."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.JoinedStr):
        return all(isinstance(v, ast.Constant) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)) and depth < _MAX_DEPTH:
        return is_literal(node.left, depth + 1) and is_literal(node.right, depth + 1)
    return False


def _is_formatted(node: ast.expr, depth: int = 0) -> bool:
    """A string built at run time: f-string with fields, ``"..." % x``, ``"..." + x``, ``.format``."""
    if depth >= _MAX_DEPTH:
        return False
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _is_string(node.left, depth) and not is_literal(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        if is_literal(node):
            return False
        return _is_string(node.left, depth) or _is_string(node.right, depth)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return bool(node.args or node.keywords)
    return False


def _is_string(node: ast.expr, depth: int) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.JoinedStr) or _is_formatted(node, depth + 1)
