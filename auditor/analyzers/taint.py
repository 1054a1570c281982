"""Intra-procedural taint tracking for Python, on the ``ast`` tree the builtin engine already parsed.

One ordered walk over the module visits every statement and expression once. It keeps, per scope
(the module top level, each function, each class body), an environment from variable names (and
``obj.attr`` keys) to an ``int``: bit *k* set means "still dangerous for sink kind *k*"; a few higher
bits are shape flags (see :data:`~auditor.analyzers.taintspec.FLAG_NAMES`). What is a source, a
sanitizer, a guard or a sink is data (:mod:`auditor.analyzers.taintspec`); this module only knows
how values flow:

* assignment (strong update; ``a, b = x, y`` element-wise), augmented assignment, ``with ... as``,
  ``for`` targets, ``:=``, comprehension targets; ``x.append(t)`` and friends taint ``x``;
* any expression is tainted by its parts (f-strings, ``%``, ``+``, containers, subscripts and
  attributes of tainted values, calls with a tainted receiver or argument), except comparisons and
  the calls the data declares as sanitizers;
* branches are analyzed separately and merged; an ``if`` whose body cannot fall through (return,
  raise, continue, break, ``abort()``) leaves the code after it with the facts of its ``else``;
  guards in the test (allow-list membership, ``re.fullmatch``, a prefix check on a normalized
  path...) clear the checked variable where they hold;
* each function starts from the enclosing scope's values (closures) plus its parameters, which are
  tainted only for route handlers; nothing flows between functions.

The same walk records every call and every import, so the engine's ``ast`` call rules need no
second walk (:func:`analyze` returns them, as :func:`auditor.analyzers.pyast.collect` would).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from auditor.analyzers.pyast import add_import
from auditor.analyzers.taintexpr import COPY_BUDGET, ExpressionWalker, TaintTooLarge
from auditor.analyzers.taintflow import Facts, FlowRules
from auditor.analyzers.taintspec import Role, TaintConfig, TaintHit

__all__ = ["TaintHit", "TaintResult", "TaintTooLarge", "analyze", "COPY_BUDGET"]


@dataclass
class TaintResult:
    """What one walk found: taint hits, and every call and import alias (for the call rules)."""

    hits: list[TaintHit] = field(default_factory=list)
    calls: list[ast.Call] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)


def analyze(tree: ast.Module, config: TaintConfig, want: int) -> TaintResult:
    """Taint hits for the sink kinds whose bits are in ``want``, plus every call and import alias."""
    walker = _Walker(config, want)
    _top_imports(tree, walker)
    walker.block(tree.body)
    aliases: dict[str, str] = {}
    for node in reversed(walker.imports):  # the earliest import of a name wins, as in collect()
        add_import(node, aliases)
    return TaintResult(walker.rules.hits, walker.calls, aliases)


def _top_imports(tree: ast.Module, walker: _Walker) -> None:
    """Imports at the top level (and in top-level ``try`` / ``if``), known before any function."""
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            walker.note_import(node)
        elif isinstance(node, (ast.Try, ast.If)):
            stack.extend(node.body + node.orelse + getattr(node, "finalbody", []))
            for handler in getattr(node, "handlers", []):
                stack.extend(handler.body)


class _Walker(ExpressionWalker):
    """The ordered walk; statement handlers return whether the statement cannot fall through."""

    def __init__(self, config: TaintConfig, want: int) -> None:
        self.c = config
        self.aliases: dict[str, str] = {}
        self.modules: set[str] = set()  # top-level packages imported anywhere
        self.calls: list[ast.Call] = []
        self.imports: list[ast.Import | ast.ImportFrom] = []
        self.strings: dict[str, str] = {}  # names last assigned a string constant, and its text
        self.env: dict[str, int] = {}
        self.rules = FlowRules(config, want, self)
        self.kinds = config.all_kinds
        self.returns: list[Role] = []  # return sinks active in the current function
        self.exit_call: ast.Call | None = None
        self.source_names = config.source_attrs
        self.budget = COPY_BUDGET

    # -- statements --------------------------------------------------------------------------------

    def block(self, body: list[ast.stmt]) -> bool:
        """Run ``body``; whether it cannot fall through. Code after a return is still visited."""
        ends = False
        for node in body:
            handler = _STATEMENTS.get(type(node))
            if handler is None:
                self._generic(node)
            elif handler(self, node):
                ends = True
        return ends

    def _s_expr(self, node: ast.Expr) -> bool:
        self.exit_call = None
        self.expr(node.value)
        return self.exit_call is not None and self.exit_call is node.value

    def _s_assign(self, node: ast.Assign) -> bool:
        value = self.expr(node.value)
        for target in node.targets:
            self.bind(target, value, node.value, node)
            if isinstance(target, ast.Name) and isinstance(node.value, ast.Constant):
                if isinstance(node.value.value, str):  # API = "https://api.example.com" for URL heads
                    self.strings[target.id] = node.value.value[:300]
        return False

    def _s_annassign(self, node: ast.AnnAssign) -> bool:
        self.expr(node.annotation)
        if node.value is not None:
            self.bind(node.target, self.expr(node.value), node.value, node)
        return False

    def _s_augassign(self, node: ast.AugAssign) -> bool:
        value = self.expr(node.value) & self.kinds
        target = node.target
        if isinstance(target, ast.Name):  # flags stay (a list stays a list), except normalized
            old = self.env.get(target.id, 0)
            self.env[target.id] = (old | value) & ~self.rules.normalized
            return False
        self.expr(target)
        key = self.rules.key(target.value if isinstance(target, ast.Subscript) else target)
        if key is not None:
            self.env[key] = self.env.get(key, 0) | value
        if isinstance(target, ast.Subscript):
            self.rules.check_store(target, value, node)
        return False

    def _s_return(self, node: ast.Return) -> bool:
        if node.value is not None:
            mask = self.expr(node.value)
            if self.returns:
                self.rules.check_return(self.returns, node, mask)
        return True

    def _s_raise(self, node: ast.Raise) -> bool:
        for part in (node.exc, node.cause):
            if part is not None:
                self.expr(part)
        return True

    def _s_assert(self, node: ast.Assert) -> bool:
        self.expr(node.test)
        if node.msg is not None:
            self.expr(node.msg)
        self.rules.apply(self.rules.facts(node.test).true)
        return False

    def note_import(self, node: ast.Import | ast.ImportFrom) -> None:
        add_import(node, self.aliases)
        if isinstance(node, ast.ImportFrom):
            self.modules.add((node.module or "").split(".")[0])
        else:
            self.modules.update(alias.name.split(".")[0] for alias in node.names)

    def _s_import(self, node: ast.Import | ast.ImportFrom) -> bool:
        self.imports.append(node)
        self.note_import(node)
        for alias in node.names:
            self.env.pop(alias.asname or alias.name.split(".")[0], None)
        return False

    def _s_if(self, node: ast.If) -> bool:
        self.expr(node.test)
        facts = self.rules.facts(node.test)
        return self.branches(facts, node.body, node.orelse)

    def branches(self, facts: Facts, body: list[ast.stmt], orelse: list[ast.stmt]) -> bool:
        """Each branch from a copy, with the facts of its side of the test; a branch that cannot fall
        through does not reach the code after the ``if``."""
        before = self.env
        self.env = self.copy(before)
        self.rules.apply(facts.true)
        body_ends = self.block(body)
        after_body, self.env = self.env, self.copy(before)
        self.rules.apply(facts.false)
        else_ends = self.block(orelse)
        if body_ends and not else_ends:
            return False  # self.env is the else branch's
        if else_ends and not body_ends:
            self.env = after_body
            return False
        self.env = self.rules.merge(after_body, self.env)
        return body_ends and else_ends

    def _s_while(self, node: ast.While) -> bool:
        self.expr(node.test)
        facts = self.rules.facts(node.test)
        before = self.copy(self.env)
        self.rules.apply(facts.true)
        self.block(node.body)
        self.env = self.rules.merge(before, self.env)
        self.block(node.orelse)
        return False

    def _s_for(self, node: ast.For | ast.AsyncFor) -> bool:
        items = self.expr(node.iter) & self.kinds
        before = self.copy(self.env)
        target, source = node.target, node.iter
        func = source.func if isinstance(source, ast.Call) else None
        counted = isinstance(func, ast.Name) and func.id == "enumerate"
        if counted and isinstance(target, ast.Tuple) and len(target.elts) == 2:  # the index is a number
            self.bind(target.elts[0], 0, None, node)
            self.bind(target.elts[1], items, None, node)
        else:
            self.bind(target, items, None, node)
        self.block(node.body)
        self.env = self.rules.merge(before, self.env)
        self.block(node.orelse)
        return False

    def _s_with(self, node: ast.With | ast.AsyncWith) -> bool:
        for item in node.items:
            value = self.expr(item.context_expr)
            if item.optional_vars is not None:
                self.bind(item.optional_vars, value & self.kinds, None, node)
        return self.block(node.body)

    def _s_try(self, node: ast.Try) -> bool:
        """A handler may start anywhere in the body: from what held before it, merged with after it."""
        before = self.copy(self.env)
        ends = self.block(node.body)
        ends = self.block(node.orelse) or ends
        paths = [] if ends else [self.env]
        after_body = self.env
        for handler in node.handlers:
            self.env = self.rules.merge(before, after_body)
            if handler.type is not None:
                self.expr(handler.type)
            if handler.name:
                self.env[handler.name] = 0
            if not self.block(handler.body):
                paths.append(self.env)
        self.env = before
        for path in paths:
            self.env = self.rules.merge(self.env, path) if self.env is not before else self.copy(path)
        final_ends = self.block(node.finalbody)
        return final_ends or not paths

    def _s_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        for decorator in node.decorator_list:
            self.expr(decorator)
        self._arguments(node.args)
        if node.returns is not None:
            self.expr(node.returns)
        outer, outer_returns = self.env, self.returns
        self.env = self.copy(outer)
        self.returns = self.rules.enter_function(node)
        try:
            self.block(node.body)
        finally:
            self.env, self.returns = outer, outer_returns
        self.env[node.name] = 0
        return False

    def _s_class(self, node: ast.ClassDef) -> bool:
        for part in node.decorator_list + node.bases + [k.value for k in node.keywords]:
            self.expr(part)
        outer = self.env
        self.env = self.copy(outer)
        try:
            self.block(node.body)
        finally:
            self.env = outer
        self.env[node.name] = 0
        return False


def _never(walker: _Walker, node: ast.stmt) -> bool:
    return False


def _always(walker: _Walker, node: ast.stmt) -> bool:
    return True


#: Statement handlers by node type (plain functions: building bound methods per walk costs more
#: than the walk of a short snippet).
_STATEMENTS: dict[type[ast.AST], Callable[[_Walker, Any], bool]] = {
    ast.Expr: _Walker._s_expr, ast.Assign: _Walker._s_assign, ast.AugAssign: _Walker._s_augassign,
    ast.AnnAssign: _Walker._s_annassign, ast.Return: _Walker._s_return, ast.If: _Walker._s_if,
    ast.For: _Walker._s_for, ast.AsyncFor: _Walker._s_for, ast.While: _Walker._s_while,
    ast.With: _Walker._s_with, ast.AsyncWith: _Walker._s_with, ast.Try: _Walker._s_try,
    ast.FunctionDef: _Walker._s_function, ast.AsyncFunctionDef: _Walker._s_function,
    ast.ClassDef: _Walker._s_class, ast.Import: _Walker._s_import, ast.ImportFrom: _Walker._s_import,
    ast.Raise: _Walker._s_raise, ast.Assert: _Walker._s_assert, ast.Pass: _never, ast.Break: _always,
    ast.Continue: _always, ast.Global: _never, ast.Nonlocal: _never,
}
if hasattr(ast, "TryStar"):
    _STATEMENTS[ast.TryStar] = _Walker._s_try
