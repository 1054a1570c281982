"""One step of the tree-sitter climb (JavaScript and Java): what a parent node does with a protected value.

``step`` updates the climb state for one parent and says whether to keep climbing; see
``auditor.bias.tsscan`` for the sources and ``auditor.bias.uses`` for kinds and effects.
"""

from __future__ import annotations

from typing import Any

from auditor.bias.tsnodes import (
    FILTERS as _FILTERS, LOG_OBJECTS as _LOG_OBJECTS, LOOKUPS as _LOOKUPS, NUMBERS as _NUMBERS, RANKERS as _RANKERS,
    STRINGS as _STRINGS, TARGETING_KINDS, TESTS as _TESTS, TRANSFORMS as _TRANSFORMS,
)
from auditor.bias.pyshapes import is_validation
from auditor.bias.tsnodes import field_of as _field_of
from auditor.bias.tsnodes import text as _text

__all__ = ["step"]

_PASS_THROUGH = frozenset({"parenthesized_expression", "arguments", "argument_list", "array", "array_initializer",
                           "pair", "object", "spread_element", "await_expression", "cast_expression", "expression_list",
                           "sequence_expression", "non_null_expression", "as_expression"})
_EQUALITY = frozenset({"==", "===", "!=", "!=="})
_ORDER = frozenset({"<", ">", "<=", ">="})
_ARITH = frozenset({"+", "-", "*", "/", "%", "**"})


def _stop(c: Any, effect: str) -> bool:
    c.effect = effect
    return False


def _decided(c: Any) -> str:
    return "decision" if c.kind in TARGETING_KINDS else "read"


def _method(call: Any) -> tuple[str, Any | None]:
    """(method name, receiver) of a call: ``x.equals(y)`` -> ("equals", x); ``f(y)`` -> ("f", None)."""
    if call.type == "method_invocation":
        return _text(call.child_by_field_name("name")), call.child_by_field_name("object")
    func = call.child_by_field_name("function")
    if func is not None and func.type == "member_expression":
        return _text(func.child_by_field_name("property")), func.child_by_field_name("object")
    return _text(func), None


def _is_log(call: Any) -> bool:
    name, receiver = _method(call)
    base = _text(receiver).lower() if receiver is not None else ""
    return (base in _LOG_OBJECTS or base.endswith(("logger", "log"))) and name.lower() in (
        "log", "info", "debug", "warn", "warning", "error", "trace", "println", "print", "printf", "fine", "severe")


def step(s: Any, cur: Any, parent: Any, c: Any) -> bool:
    t = parent.type
    if t in _PASS_THROUGH:
        return True
    if t in ("member_expression", "field_access"):
        return True
    if t in ("call_expression", "method_invocation", "new_expression", "object_creation_expression"):
        return _call(s, cur, parent, c)
    if t == "binary_expression":
        return _binary(s, cur, parent, c)
    if t == "unary_expression":
        op = _text(parent.child_by_field_name("operator"))
        if op == "!":
            c.negated = not c.negated
            c.kind = c.kind or "truthiness"
            return True
        return _stop(c, "guard") if op == "typeof" else True
    if t == "subscript_expression":
        if _field_of(cur) == "index" and c.kind is None:
            s.lookup(parent.child_by_field_name("object"), c)
        return True
    if t == "instanceof_expression":
        return _stop(c, "guard")
    if t == "ternary_expression":
        if _field_of(cur) == "condition":
            c.kind = c.kind or "truthiness"
            return _stop(c, "decision")
        return True
    if t in ("template_substitution", "template_string"):
        return _stop(c, "log")
    if t in ("arrow_function", "lambda_expression"):
        return _callback(parent, c)
    return _statement(s, cur, parent, c)


def _call(s: Any, cur: Any, call: Any, c: Any) -> bool:
    name, receiver = _method(call)
    low = name.lower()
    args = call.child_by_field_name("arguments")
    arg_nodes = list(args.named_children) if args is not None else []
    if receiver is not None and (receiver == cur or _contains(receiver, cur)):  # a method of the value
        if low in _TESTS and c.kind is None:
            c.kind = "compare"
            s.add_literals(arg_nodes, c)
        return True if low in _TRANSFORMS or low in _TESTS else _stop(c, "read")
    if _is_log(call):
        return _stop(c, "log")
    if low in _TRANSFORMS or low in ("requirenonnull",):
        return True if low != "requirenonnull" else _stop(c, "guard")
    if receiver is not None and c.kind is None and low in _TESTS:  # ["a", "b"].includes(v), "F".equals(v)
        c.kind = "membership" if low in ("includes", "contains", "has", "indexof") else "compare"
        s.add_literals([receiver], c)
        return True
    if receiver is not None and c.kind is None and low in _LOOKUPS:
        s.lookup(receiver, c)
        return True
    return _stop(c, _decided(c))


def _contains(outer: Any, inner: Any) -> bool:
    return outer.start_byte <= inner.start_byte and inner.end_byte <= outer.end_byte


def _binary(s: Any, cur: Any, node: Any, c: Any) -> bool:
    op = _text(node.child_by_field_name("operator"))
    other = node.child_by_field_name("right") if _field_of(cur) == "left" else node.child_by_field_name("left")
    if other is None:
        return True
    if _text(other) in ("null", "undefined"):
        c.kind = c.kind or "read"
        c.negated ^= op in ("==", "===")
        return True
    if op in _EQUALITY:
        c.negated ^= op.startswith("!")
        if c.kind is None:
            c.kind = "compare"
            s.add_literals([other], c)
        return True
    if op in _ORDER and c.kind is None and other.type in _NUMBERS:
        c.kind, c.literals = "threshold", c.literals + (_text(other),)
        return True
    if op in _ARITH and c.kind is None and other.type not in _STRINGS:
        c.kind = "arithmetic"
    if op in ("&&", "||") and c.kind is None:
        c.kind = "truthiness"  # the value is used as a condition
    return True


def _callback(fn: Any, c: Any) -> bool:
    holder = fn.parent
    call = holder.parent if holder is not None and holder.type in ("arguments", "argument_list") else None
    if call is not None and call.type in ("call_expression", "method_invocation"):
        low = _method(call)[0].lower()
        if low in _FILTERS:
            c.kind = c.kind or "truthiness"
            return _stop(c, "decision")
        if low in _RANKERS:
            c.kind = c.kind or "rank"
            return _stop(c, "decision")
    return _stop(c, _decided(c))


def _block_kind(node: Any | None) -> str:
    if node is None:
        return "empty"
    stmts = [n for n in node.named_children if n.type != "comment"] if node.type in ("statement_block", "block", "else_clause") else [node]
    if len(stmts) == 1 and stmts[0].type in ("statement_block", "block", "if_statement"):
        return _block_kind(stmts[0]) if stmts[0].type != "if_statement" else "other"
    kinds = set()
    for st in stmts:
        if st.type == "throw_statement":
            kinds.add("raise")
        elif st.type == "expression_statement" and st.named_children and st.named_children[0].type in (
                "call_expression", "method_invocation") and _is_log(st.named_children[0]):
            kinds.add("log")
        elif st.type == "empty_statement":
            kinds.add("log")
        else:
            return "other"
    return "raise" if "raise" in kinds else ("log" if kinds else "empty")


def _statement(s: Any, cur: Any, parent: Any, c: Any) -> bool:
    t = parent.type
    where = _field_of(cur)
    if t == "if_statement" and where == "condition":
        c.kind = c.kind or "truthiness"
        first, second = _block_kind(parent.child_by_field_name("consequence")), _block_kind(parent.child_by_field_name("alternative"))
        if first == "raise" and second in ("empty", "log"):
            return _stop(c, "guard" if is_validation(c.kind, c.negated, bool(c.literals)) else "decision")
        if first in ("log", "empty") and second in ("log", "empty"):
            return _stop(c, "log")
        return _stop(c, "decision")
    if t in ("while_statement", "do_statement", "for_statement") and where == "condition":
        return _stop(c, "decision")
    if t in ("switch_statement", "switch_expression") and where in ("value", "condition"):
        return _switch(s, parent, c)
    if t in ("throw_statement", "assert_statement"):
        return _stop(c, "guard")
    if t == "variable_declarator" and where == "value":
        name = parent.child_by_field_name("name")
        if name is not None and name.type == "identifier":
            c.targets = [_text(name)]
            return False
    if t in ("assignment_expression", "augmented_assignment_expression") and where == "right":
        left = parent.child_by_field_name("left")
        if left is not None and left.type == "identifier":
            op = _text(parent.child_by_field_name("operator")) if parent.child_by_field_name("operator") else "="
            if t == "augmented_assignment_expression" or op != "=":
                c.kind = c.kind or "arithmetic"
            c.targets = [_text(left)]
            return False
    if t in ("return_statement", "assignment_expression", "augmented_assignment_expression", "yield_expression",
             "variable_declarator", "arrow_function", "lambda_expression"):
        return _stop(c, _decided(c))
    return _stop(c, "read")


def _switch(s: Any, node: Any, c: Any) -> bool:
    labels = [n for n in _walk(node) if n.type in ("switch_case", "switch_label")]
    values = []
    for lab in labels:
        v = lab.child_by_field_name("value")
        values.extend([v] if v is not None else [x for x in lab.named_children if x.type in _STRINGS or x.type in _NUMBERS])
    c.kind = c.kind or "match"
    s.add_literals(values, c)
    bodies = [n for n in _walk(node) if n.type in ("switch_case", "switch_default", "switch_block_statement_group", "switch_rule")]
    only_throw = bodies and all(any(x.type == "throw_statement" for x in b.named_children) for b in bodies)
    return _stop(c, "guard" if only_throw else "decision")


def _walk(node: Any) -> list[Any]:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(n.children)
    return out
