"""Guards and handler parameters for the taint walk: which facts an ``if`` / ``assert`` / ``while``
test establishes (allow-list membership, equality with a constant, validator calls such as
``re.fullmatch``, prefix checks on normalized paths or fixed URLs), and which parameters of a route
handler carry request data (not those typed as numbers, injected dependencies or converted by the
route rule). :class:`GuardRules` is the base of :class:`auditor.analyzers.taintflow.FlowRules`.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from auditor.analyzers.pyast import dotted_name, keyword_arg, positional_arg, text_in
from auditor.analyzers.taintspec import Role, SourceSpec, TaintConfig

if TYPE_CHECKING:
    from auditor.analyzers.taint import _Walker

__all__ = ["GuardRules", "Facts", "Fact"]

#: ``(keys, kinds cleared, only if the value is a normalized path)``
Fact = tuple[tuple[str, ...], int, bool]
_CASE_METHODS = frozenset({"lower", "upper", "strip", "lstrip", "rstrip", "casefold"})
_WRAPPERS = frozenset({"Optional", "typing.Optional", "Annotated", "typing.Annotated",
                       "typing_extensions.Annotated"})


@dataclass(frozen=True, slots=True)
class Facts:
    """What holds where a test is true, and where it is false."""

    true: list[Fact] = field(default_factory=list)
    false: list[Fact] = field(default_factory=list)


_NO_FACTS = Facts()


class GuardRules:
    """Facts from tests and parameters of handlers; the state lives in the subclass."""

    c: TaintConfig
    w: _Walker
    want: int
    kinds: int
    normalized: int
    origins: dict[str, str]

    def constant_flags(self, node: ast.Constant) -> int:
        raise NotImplementedError

    def peek(self, node: ast.expr) -> int:
        return self.w.peek(node)

    # -- handlers ------------------------------------------------------------------------------------

    def enter_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[Role]:
        """Bind the parameters (tainted for route handlers); the return sinks active inside."""
        source: SourceSpec | None = None
        route: ast.Call | None = None
        matched: list[tuple[str | None, str | None, ast.Call]] = []
        for decorator in node.decorator_list:
            if not isinstance(decorator, ast.Call):
                continue
            func = decorator.func
            name = dotted_name(func, self.w.aliases)
            attr = func.attr if isinstance(func, ast.Attribute) else None
            matched.append((name, attr, decorator))
            for spec in self.c.decorators.lookup(name, attr):
                source, route = spec, decorator
        safe = _safe_converters(route, source) if source is not None and route is not None else set()
        for arg, default in _parameters(node.args):
            taint = 0
            if source is not None and arg.arg not in safe and not self._safe_parameter(source, arg, default):
                taint = self.c.mask(source.kinds)
            self.w.env[arg.arg] = taint
        return [role for table, role in self.c.returns if role.mask & self.want
                and any(table.lookup(n, a) and self._returns_html(role, d) for n, a, d in matched)]

    def _returns_html(self, role: Role, decorator: ast.Call) -> bool:
        spec = role.sink
        assert spec is not None
        for keyword, values in spec.when_kwarg.items():
            value = keyword_arg(decorator, keyword)
            if value is not None and text_in(value, values, self.w.aliases):
                return True
        return not set(spec.unless_import) & self.w.modules

    def _safe_parameter(self, source: SourceSpec, arg: ast.arg, default: ast.expr | None) -> bool:
        """Named like the request object, injected (``Depends(...)``), or typed as a number or id."""
        if arg.arg in source.safe_names:
            return True
        if isinstance(default, ast.Call):
            names = {dotted_name(default.func, self.w.aliases), dotted_name(default.func, {})}
            if names & set(source.safe_defaults):
                return True
        annotation = arg.annotation
        while annotation is not None:
            wrapper = isinstance(annotation, ast.Subscript) and dotted_name(annotation.value, self.w.aliases)
            if isinstance(annotation, ast.Subscript) and wrapper in _WRAPPERS:
                inner = annotation.slice  # Optional[int], Annotated[int, Query()]
                annotation = inner.elts[0] if isinstance(inner, ast.Tuple) and inner.elts else inner
            elif isinstance(annotation, ast.BinOp) and isinstance(annotation.right, ast.Constant):
                annotation = annotation.left  # int | None
            else:
                break
        if annotation is None:
            return False
        names = {dotted_name(annotation, self.w.aliases), dotted_name(annotation, {})}
        return bool(names & set(source.safe_annotations))

    # -- guards --------------------------------------------------------------------------------------

    def facts(self, test: ast.expr) -> Facts:
        """What holds where ``test`` is true and where it is false (``not``, ``and``, ``or`` included)."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            inner = self.facts(test.operand)
            return Facts(inner.false, inner.true)
        if isinstance(test, ast.BoolOp):
            parts = [self.facts(v) for v in test.values]
            if isinstance(test.op, ast.And):
                return Facts([f for p in parts for f in p.true], [])
            return Facts([], [f for p in parts for f in p.false])
        if isinstance(test, ast.Call):
            return Facts(self._guard_facts(test), [])
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            return self._compare_facts(test)
        return _NO_FACTS

    def _compare_facts(self, test: ast.Compare) -> Facts:
        """``x in ALLOWED`` (a container that is not itself tainted), ``x == "constant"``."""
        op, left, right = test.ops[0], test.left, test.comparators[0]
        clears = self.c.membership_clears
        if isinstance(op, (ast.In, ast.NotIn)) and not self.peek(right) & self.kinds:
            fact = [(self.guard_keys(left), clears, False)]
            return Facts(fact, []) if isinstance(op, ast.In) else Facts([], fact)
        if isinstance(op, (ast.Eq, ast.NotEq)):
            if isinstance(right, ast.Constant) and right.value is not None:
                checked = left
            elif isinstance(left, ast.Constant) and left.value is not None:
                checked = right
            else:
                return _NO_FACTS
            fact = [(self.guard_keys(checked), clears, False)]
            return Facts(fact, []) if isinstance(op, ast.Eq) else Facts([], fact)
        return _NO_FACTS

    def _guard_facts(self, call: ast.Call) -> list[Fact]:
        """A validator call: ``re.fullmatch(p, x)``, ``x.isdigit()``, ``full.startswith(BASE)``."""
        func = call.func
        if isinstance(func, ast.Attribute):
            name, attr = dotted_name(func, self.w.aliases), func.attr
        elif isinstance(func, ast.Name):
            name = self.w.aliases.get(func.id, func.id)
            attr = name.rsplit(".", 1)[1] if "." in name else None
        else:
            return []
        facts: list[Fact] = []
        for role in self.c.calls.lookup(name, attr):
            guard = role.guard
            if guard is None:
                continue
            if guard.checks == "receiver":
                checked = func.value if isinstance(func, ast.Attribute) else None
            else:
                checked = positional_arg(call, guard.checks)
            if checked is None or (guard.requires == "fixed-prefix" and not self._fixed_prefix_arg(call)):
                continue
            facts.append((self.guard_keys(checked), role.mask, guard.requires == "normalized"))
        return facts

    def _fixed_prefix_arg(self, call: ast.Call) -> bool:
        prefix = positional_arg(call, 0)
        parts = prefix.elts if isinstance(prefix, ast.Tuple) else [prefix]
        return bool(parts) and all(isinstance(p, ast.Constant) and self.constant_flags(p) for p in parts)

    def guard_keys(self, node: ast.expr) -> tuple[str, ...]:
        """The variables a check on ``node`` vouches for: ``x`` for ``x.lower()``; ``u`` for
        ``urlparse(u).hostname``, and for ``p.hostname`` after ``p = urlparse(u)``."""
        if isinstance(node, ast.Name):
            origin = self.origins.get(node.id)
            return (node.id, origin) if origin else (node.id,)
        if isinstance(node, ast.Attribute):
            base = node.value
            if node.attr in self.c.url_hosts:
                if isinstance(base, ast.Call) and base.args and (
                    dotted_name(base.func, self.w.aliases) in self.c.url_parsers
                ):
                    return self.guard_keys(base.args[0])
                if isinstance(base, ast.Name):
                    return self.guard_keys(base)
            if isinstance(base, ast.Name):
                return (f"{base.id}.{node.attr}",)
            return ()
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            return self.guard_keys(node.func.value) if node.func.attr in _CASE_METHODS else ()
        return ()

    def apply(self, facts: list[Fact]) -> None:
        env = self.w.env
        for keys, clears, needs_normalized in facts:
            for key in keys:
                value = env.get(key)
                if value and (not needs_normalized or value & self.normalized):
                    env[key] = value & ~clears


def _parameters(args: ast.arguments) -> list[tuple[ast.arg, ast.expr | None]]:
    positional = args.posonlyargs + args.args
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults))
    defaults += args.defaults
    pairs: list[tuple[ast.arg, ast.expr | None]] = list(zip(positional, defaults))
    pairs += list(zip(args.kwonlyargs, args.kw_defaults))
    pairs += [(a, None) for a in (args.vararg, args.kwarg) if a is not None]
    return pairs


def _safe_converters(route: ast.Call, source: SourceSpec) -> set[str]:
    """Parameters a Flask route rule converts to numbers or ids: ``/item/<int:item_id>``."""
    rule = route.args[0] if route.args else keyword_arg(route, "rule") or keyword_arg(route, "path")
    if not isinstance(rule, ast.Constant) or not isinstance(rule.value, str):
        return set()
    safe = set()
    for part in rule.value.split("<")[1:]:
        inner = part.split(">", 1)[0]
        if ":" in inner:
            converter, parameter = inner.rsplit(":", 1)
            if converter.split("(", 1)[0].strip() in source.safe_converters:
                safe.add(parameter.strip())
    return safe
