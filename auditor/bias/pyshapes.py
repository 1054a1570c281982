"""Shapes of Python code the attribute-use scanner recognizes: logging calls, validation branches,
literal tables. Pure helpers over ``ast`` nodes, shared by ``auditor.bias.pyscan``."""

from __future__ import annotations

import ast

from auditor.bias.lexicon import words

__all__ = ["all_equal", "block_kind", "branch_effect", "constants", "is_getattr", "is_log", "is_validation"]

LOG_FUNCS = frozenset({"print", "debug", "info", "warning", "warn", "error", "exception", "critical", "log", "write", "pprint"})


def is_getattr(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Name) and call.func.id == "getattr" and len(call.args) >= 2


def is_log(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in ("print", "pprint")
    if isinstance(func, ast.Attribute) and func.attr in LOG_FUNCS:
        base = func.value
        label = base.id if isinstance(base, ast.Name) else (base.attr if isinstance(base, ast.Attribute) else "")
        return any(w in ("log", "logger", "logging", "stderr", "stdout", "audit", "sys") for w in words(label) or ("",))
    return False


def all_equal(values: list[ast.expr | None]) -> bool:
    consts = [v.value for v in values if isinstance(v, ast.Constant)]
    return len(consts) == len(values) > 1 and len(set(map(repr, consts))) == 1


def block_kind(body: list[ast.stmt]) -> str:
    """'raise' (only raises, logs or passes, with a raise), 'log' (only logs or passes), 'empty' or 'other'."""
    if not body:
        return "empty"
    kinds = set()
    for stmt in body:
        if isinstance(stmt, ast.Raise):
            kinds.add("raise")
        elif isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
            kinds.add("pass")
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and is_log(stmt.value):
            kinds.add("log")
        else:
            return "other"
    return "raise" if "raise" in kinds else "log"


def is_validation(kind: str | None, negated: bool, has_literals: bool) -> bool:
    """Whether a test guarding a raise checks input shape rather than singling out a group.

    Range checks, presence checks, "not one of the valid values" and a negated pattern match are
    validation; "is this group" followed by a raise is a decision expressed as an exception.
    """
    return kind in ("threshold", "read", "truthiness") or (kind == "membership" and negated) or (
        kind == "compare" and negated and not has_literals
    )


def branch_effect(body: list[ast.stmt], orelse: list[ast.stmt], kind: str | None, negated: bool,
                  has_literals: bool = True) -> str:
    """The effect of an ``if`` on a protected value: guard for validation, log, else decision."""
    first, second = block_kind(body), block_kind(orelse)
    if first == "raise" and second in ("empty", "log"):
        return "guard" if is_validation(kind, negated, has_literals) else "decision"
    if first in ("log", "empty") and second in ("log", "empty"):
        return "log"
    return "decision"


def constants(tree: ast.Module) -> dict[str, tuple[tuple[str, ...], bool]]:
    """Names bound to literal collections anywhere: name -> (string keys or items, all values equal)."""
    out: dict[str, tuple[tuple[str, ...], bool]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        value = node.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in ("set", "frozenset", "dict") and value.args:
            value = value.args[0]
        if isinstance(value, ast.Dict):
            keys = tuple(str(k.value) for k in value.keys if isinstance(k, ast.Constant))
            entry = (keys, all_equal(value.values))
        elif isinstance(value, (ast.Tuple, ast.List, ast.Set)):
            entry = (tuple(str(e.value) for e in value.elts if isinstance(e, ast.Constant)), False)
        else:
            continue
        for t in targets:
            if isinstance(t, ast.Name):
                out[t.id] = entry
    return out
