"""The expression half of the taint walk (:mod:`auditor.analyzers.taint`): what an expression's
taint is, and how assignment targets take a value.

An expression is tainted by its parts; the exceptions are comparisons and ``not`` (booleans), the
calls the data declares as sanitizers, and shape flags set by literals: see
:mod:`auditor.analyzers.taintflow`. Every part is visited exactly once, and every call is recorded,
so that the walk can stand in for :func:`auditor.analyzers.pyast.collect`.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from auditor.analyzers.pyast import dotted_name

if TYPE_CHECKING:
    from auditor.analyzers.taintflow import FlowRules
    from auditor.analyzers.taintspec import TaintConfig

__all__ = ["ExpressionWalker", "TaintTooLarge", "COPY_BUDGET"]

#: How many variable values one walk may copy between branches before it gives up: copies grow
#: with variables x branches, which hostile input can make quadratic (a 200-line module copies a few
#: thousand).
COPY_BUDGET = 1_000_000


class TaintTooLarge(Exception):
    """The walk exceeded :data:`COPY_BUDGET`; the engine falls back to the call rules alone."""

_MUTATORS = frozenset({"append", "extend", "insert", "add", "update", "setdefault", "appendleft",
                       "extendleft"})


class ExpressionWalker:
    """Expressions and binding; the statement walker (:class:`auditor.analyzers.taint._Walker`)
    extends it and provides ``block``."""

    c: TaintConfig
    rules: FlowRules
    env: dict[str, int]
    aliases: dict[str, str]
    calls: list[ast.Call]
    strings: dict[str, str]
    source_names: frozenset[str]  # last parts of the names of sources
    kinds: int

    budget: int

    def block(self, body: list[ast.stmt]) -> bool:
        raise NotImplementedError

    def copy(self, env: dict[str, int]) -> dict[str, int]:
        """A copy of ``env`` for a branch, charged to the walk's budget."""
        self.budget -= len(env) + 1
        if self.budget < 0:
            raise TaintTooLarge("too many variables x branches for the copy budget")
        return dict(env)

    def _arguments(self, args: ast.arguments) -> None:
        """Visit defaults and annotations (calls in them run where the function is defined)."""
        for default in args.defaults + [d for d in args.kw_defaults if d is not None]:
            self.expr(default)
        every = args.posonlyargs + args.args + args.kwonlyargs + [a for a in (args.vararg, args.kwarg) if a]
        for arg in every:
            if arg.annotation is not None:
                self.expr(arg.annotation)

    def _generic(self, node: ast.AST) -> None:
        """Statements without their own handler (``del``, ``match``...): visit every part."""
        for name in node._fields:
            value = getattr(node, name, None)
            items = value if isinstance(value, list) else [value]
            if items and isinstance(items[0], ast.stmt):
                self.block(items)
                continue
            for item in items:
                if isinstance(item, ast.expr):
                    self.expr(item)
                elif isinstance(item, ast.AST):
                    self._generic(item)

    # -- binding -----------------------------------------------------------------------------------

    def bind(self, target: ast.expr, value: int, source: ast.expr | None, stmt: ast.AST) -> None:
        """``target = <source>`` where the source's taint is ``value``; ``source`` may be ``None``."""
        if isinstance(target, ast.Name):
            self.env[target.id] = value
            self.strings.pop(target.id, None)
            self.rules.note_origin(target.id, source)
        elif isinstance(target, (ast.Tuple, ast.List)):
            pairs = source.elts if isinstance(source, (ast.Tuple, ast.List)) else None
            if pairs is not None and len(pairs) == len(target.elts) and not any(
                isinstance(e, ast.Starred) for e in pairs
            ):
                for part, part_source in zip(target.elts, pairs):
                    self.bind(part, self.peek(part_source), part_source, stmt)
            else:
                for part in target.elts:
                    self.bind(part, value & self.kinds, None, stmt)
        elif isinstance(target, ast.Starred):
            self.bind(target.value, value & self.kinds, None, stmt)
        elif isinstance(target, ast.Attribute):
            self.expr(target.value)
            key = self.rules.key(target)
            if key is not None:
                self.env[key] = value
        elif isinstance(target, ast.Subscript):
            self.expr(target.slice)
            self.expr(target.value)
            self.rules.check_store(target, value, stmt)
            key = self.rules.key(target.value)
            if key is not None:  # a container takes the taint of what is put in it
                self.env[key] = self.env.get(key, 0) | (value & self.kinds)

    def peek(self, node: ast.expr) -> int:
        """A part's taint without visiting it again (its whole has been visited)."""
        if isinstance(node, ast.Name):
            return self.env.get(node.id, 0)
        if isinstance(node, ast.Constant):
            return 0
        return self.rules.last_masks.get(id(node), 0)

    # -- expressions -------------------------------------------------------------------------------

    def expr(self, node: ast.expr) -> int:
        """The taint of ``node`` (kind bits and shape flags), visiting every part of it once."""
        kind = type(node)
        if kind is ast.Constant:  # the two commonest leaves, without a dispatch
            return 0
        if isinstance(node, ast.Name) and node.id not in self.source_names:
            return self.env.get(node.id, 0)
        handler = _EXPRESSIONS.get(kind)
        if handler is not None:
            mask = handler(self, node)
        else:
            mask = 0
            for name in node._fields:
                value = getattr(node, name, None)
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, ast.expr):
                        mask |= self.expr(item)
                    elif isinstance(item, ast.AST):
                        self._generic(item)
            mask &= self.kinds
        return mask

    def _e_name(self, node: ast.Name) -> int:
        mask = self.env.get(node.id, 0)
        if node.id in self.source_names:
            mask |= self.rules.name_source(node)
        return mask

    def _e_attribute(self, node: ast.Attribute) -> int:
        base = self.expr(node.value)
        if node.attr in self.source_names:
            source = self.rules.name_source(node)
            if source:
                return source | (base & self.kinds)
        if isinstance(node.value, ast.Name):
            key = f"{node.value.id}.{node.attr}"
            if key in self.env:
                return self.env[key]
        return base & self.kinds

    def _e_subscript(self, node: ast.Subscript) -> int:
        self.expr(node.slice)
        return self.expr(node.value) & self.kinds

    def _e_binop(self, node: ast.BinOp) -> int:
        rights: list[ast.expr] = []
        left: ast.expr = node
        while isinstance(left, ast.BinOp):  # left-deep chains ("a" + b + "c" ...) without recursion
            rights.append(left.right)
            left = left.left
        head = self.expr(left)
        mask = head
        for right in reversed(rights):
            mask |= self.expr(right)
        mask &= self.kinds
        if mask and isinstance(node.op, (ast.Add, ast.Mod)):
            parts = [left, *reversed(rights)] if isinstance(node.op, ast.Add) else [left]
            if self.rules.fixed_head(parts, head):
                mask |= self.rules.fixed
        return mask

    def _e_joinedstr(self, node: ast.JoinedStr) -> int:
        mask = 0
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                value = self.expr(part.value)
                if part.conversion == ord("r"):  # {value!r} escapes line breaks
                    value &= ~self.c.repr_clears
                if part.format_spec is not None:
                    value |= self.expr(part.format_spec)
                mask |= value
        mask &= self.kinds
        if mask:
            parts = [v.value if isinstance(v, ast.FormattedValue) else v for v in node.values]
            if self.rules.fixed_head(parts, self.peek(parts[0])):
                mask |= self.rules.fixed
        return mask

    def _e_compare(self, node: ast.Compare) -> int:
        self.expr(node.left)
        for part in node.comparators:
            if mask := self.expr(part):
                self.rules.last_masks[id(part)] = mask
        return 0

    def _e_boolop(self, node: ast.BoolOp) -> int:
        mask = 0
        for value in node.values:
            mask |= self.expr(value)
        return mask & self.kinds

    def _e_unaryop(self, node: ast.UnaryOp) -> int:
        mask = self.expr(node.operand)
        return 0 if isinstance(node.op, ast.Not) else mask & self.kinds

    def _e_ifexp(self, node: ast.IfExp) -> int:
        self.expr(node.test)
        facts = self.rules.facts(node.test)
        saved = self.copy(self.env)
        self.rules.apply(facts.true)
        mask = self.expr(node.body)
        self.env = self.copy(saved)
        self.rules.apply(facts.false)
        mask |= self.expr(node.orelse)
        self.env = saved
        return mask & self.kinds

    def _e_sequence(self, node: ast.List | ast.Tuple | ast.Set) -> int:
        mask, seen = 0, self.rules.last_masks
        for elt in node.elts:
            if part := self.expr(elt):
                seen[id(elt)] = part
                mask |= part
        return (mask & self.kinds) | self.rules.sequence_flags(node)

    def _e_dict(self, node: ast.Dict) -> int:
        mask = 0
        for part in node.keys + node.values:
            if part is not None:
                mask |= self.expr(part)
        return (mask & self.kinds) | self.rules.container

    def _e_comprehension(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp) -> int:
        """Targets take the taint of what they iterate over, in a scope of their own."""
        saved = self.copy(self.env)
        for generator in node.generators:
            self.bind(generator.target, self.expr(generator.iter) & self.kinds, None, node)
            for condition in generator.ifs:
                self.expr(condition)
        if isinstance(node, ast.DictComp):
            mask = self.expr(node.key) | self.expr(node.value)
        else:
            mask = self.expr(node.elt)
        self.env = saved
        return (mask & self.kinds) | self.rules.container

    def _e_lambda(self, node: ast.Lambda) -> int:
        self._arguments(node.args)
        saved = self.copy(self.env)
        for arg in node.args.posonlyargs + node.args.args + node.args.kwonlyargs:
            self.env[arg.arg] = 0
        self.expr(node.body)
        self.env = saved
        return 0

    def _e_namedexpr(self, node: ast.NamedExpr) -> int:
        mask = self.expr(node.value)
        self.bind(node.target, mask, node.value, node)
        return mask

    def _e_call(self, node: ast.Call) -> int:
        self.calls.append(node)
        func, expr = node.func, self.expr
        name: str | None = None
        attr: str | None = None
        if isinstance(func, ast.Attribute):
            mask = expr(func.value)
            last: str | None = func.attr
        elif isinstance(func, ast.Name):
            mask = 0
            name = self.aliases.get(func.id, func.id)
            last = name.rsplit(".", 1)[-1]
        else:
            mask = expr(func)
            last = None
        receiver = mask
        constant = ast.Constant
        args = [0 if type(a) is constant else expr(a) for a in node.args]
        kwargs = [0 if type(k.value) is constant else expr(k.value) for k in node.keywords]
        for value in args:
            mask |= value
        for value in kwargs:
            mask |= value
        mask &= self.kinds
        if last in self.c.call_parts:  # the data names something called like this: resolve it
            if isinstance(func, ast.Attribute):
                name, attr = dotted_name(func, self.aliases), last
            elif name is not None and "." in name:
                attr = last
            mask = self.rules.call_roles(node, name, attr, receiver, args, kwargs, mask)
        if last in _MUTATORS and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            if tainted := mask & self.kinds:  # items.append(tainted) taints items
                self.env[func.value.id] = self.env.get(func.value.id, 0) | tainted
        return mask


def _zero(walker: ExpressionWalker, node: ast.expr) -> int:
    return 0


#: Expression handlers by node type; others are visited part by part.
_EXPRESSIONS: dict[type[ast.AST], Callable[[ExpressionWalker, Any], int]] = {
    ast.Name: ExpressionWalker._e_name, ast.Constant: _zero, ast.Attribute: ExpressionWalker._e_attribute,
    ast.Call: ExpressionWalker._e_call, ast.Subscript: ExpressionWalker._e_subscript,
    ast.BinOp: ExpressionWalker._e_binop, ast.JoinedStr: ExpressionWalker._e_joinedstr,
    ast.Compare: ExpressionWalker._e_compare, ast.BoolOp: ExpressionWalker._e_boolop,
    ast.UnaryOp: ExpressionWalker._e_unaryop, ast.IfExp: ExpressionWalker._e_ifexp,
    ast.List: ExpressionWalker._e_sequence, ast.Tuple: ExpressionWalker._e_sequence,
    ast.Set: ExpressionWalker._e_sequence, ast.Dict: ExpressionWalker._e_dict,
    ast.ListComp: ExpressionWalker._e_comprehension, ast.SetComp: ExpressionWalker._e_comprehension,
    ast.GeneratorExp: ExpressionWalker._e_comprehension, ast.DictComp: ExpressionWalker._e_comprehension,
    ast.Lambda: ExpressionWalker._e_lambda, ast.NamedExpr: ExpressionWalker._e_namedexpr,
}
