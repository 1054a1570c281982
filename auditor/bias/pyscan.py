"""Attribute uses in Python code, by AST (see ``auditor.bias.uses`` for what a use is).

Sources of a protected attribute: parameters and variables the lexicon names (``gender``,
``applicant_age``, ``is_female``), fields (``a.gender``, ``a["race"]``, ``a.get("zip")``,
``getattr(a, "religion")``, ``a.get_gender()``) and variables assigned from any of these. From each
source the scanner climbs the tree: through conversions (``.lower()``, ``int()``, ``.year``) to the
operation that uses the value (a comparison, a lookup, arithmetic, a sort key) and on to the
statement that consumes the result, which gives the effect. Assignments to plain variables carry
the taint to the variable (flow-insensitive, to a fixed point), so ``is_woman = sex == "F"``
followed by ``if is_woman: score -= 5`` is one targeting use.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from auditor.bias.lexicon import Lexicon, words
from auditor.bias.pyshapes import all_equal as _all_equal
from auditor.bias.pyshapes import block_kind as _block_kind
from auditor.bias.pyshapes import branch_effect, constants
from auditor.bias.pyshapes import is_getattr as _is_getattr
from auditor.bias.pyshapes import is_log as _is_log
from auditor.bias.uses import TARGETING_KINDS, Use
from auditor.bias.uses import Climb as _Climb

__all__ = ["scan_python"]

_TRANSFORMS = frozenset(
    "lower upper strip lstrip rstrip casefold title capitalize replace split str int float bool round abs "
    "normalize date today year month days total_seconds isoformat fromisoformat strptime parse".split()
)
_STRING_TESTS = frozenset({"startswith", "endswith", "find", "index", "count", "__contains__", "match", "search", "fullmatch"})
_RANKERS = frozenset({"sorted", "sort", "min", "max", "nlargest", "nsmallest"})
_TABLE_WORDS = frozenset(
    "weights weight table map mapping rates factors factor multiplier multipliers options choices valid allowed labels "
    "codes list set dict lookup values categories types adjustment adjustments bonus penalty penalties modifiers by "
    "field fields column columns key keys counts stats".split()
)
_ANY = object()


@dataclass(frozen=True, slots=True)
class _Taint:
    attribute: str
    kind: str | None = None  # derived kind carried by a variable (compare, lookup, arithmetic, truthiness ...)
    groups: tuple[str, ...] = ()
    literals: tuple[str, ...] = ()


def scan_python(code: str, lexicon: Lexicon) -> list[Use]:
    """Every use of a protected attribute in ``code``; raises SyntaxError when it does not parse."""
    tree = ast.parse(code)
    scanner = _Scanner(tree, code, lexicon)
    return scanner.run()


class _Scanner:
    def __init__(self, tree: ast.Module, code: str, lexicon: Lexicon) -> None:
        self.tree, self.lines, self.lex = tree, code.splitlines(), lexicon
        self.parents: dict[ast.AST, ast.AST] = {}
        self.owner: dict[ast.AST, str] = {}
        self._index(tree, "<module>")
        self.consts = constants(tree)
        self.accumulators = {  # names written by key (counts[g] = ...): tallies, not decision tables
            n.value.id for n in ast.walk(tree)
            if isinstance(n, ast.Subscript) and not isinstance(n.ctx, ast.Load) and isinstance(n.value, ast.Name)
        }

    def _index(self, node: ast.AST, owner: str, prefix: str = "") -> None:
        for child in ast.iter_child_nodes(node):
            self.parents[child] = node
            name, pre = owner, prefix
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = f"{prefix}{child.name}"
            elif isinstance(child, ast.ClassDef):
                pre = f"{prefix}{child.name}."
            self.owner[child] = name
            self._index(child, name, pre)

    def run(self) -> list[Use]:
        functions: dict[str, list[ast.AST]] = {}
        for node, owner in self.owner.items():
            functions.setdefault(owner, []).append(node)
        uses: list[Use] = []
        for name, nodes in functions.items():
            taints = self._propagate(nodes, self._params(nodes))
            uses.extend(self._emit(name, nodes, taints))
        return uses

    # --- sources ----------------------------------------------------------------------------

    def _taint_of_name(self, identifier: str) -> _Taint | None:
        if identifier.startswith("__") or set(words(identifier)) & _TABLE_WORDS:
            return None
        attribute = self.lex.attribute_of(identifier)
        flag = self.lex.group_flag(identifier)
        if attribute is None and flag is None:
            return None
        if flag is not None and (attribute is None or attribute == flag[0]):
            return _Taint(flag[0], None, (flag[1],), ())
        return _Taint(attribute or "", None)

    def _params(self, nodes: list[ast.AST]) -> dict[str, _Taint]:
        found: dict[str, _Taint] = {}
        for node in nodes:
            if isinstance(node, ast.arg) and (t := self._taint_of_name(node.arg)) is not None:
                found[node.arg] = t
        return found

    def _source(self, node: ast.AST, taints: dict[str, _Taint]) -> _Taint | None:
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            if node.id in taints:
                return taints[node.id]
            return None if node.id in self.consts else self._taint_of_name(node.id)
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
            parent = self.parents.get(node)
            if isinstance(parent, ast.Call) and parent.func is node:
                return self._taint_of_name(node.attr) if not parent.args and node.attr.startswith(("get", "is", "has")) else None
            return self._taint_of_name(node.attr)
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
            return self._taint_of_name(node.slice.value)
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[-1 if _is_getattr(node) else 0], ast.Constant):
            key = node.args[1].value if _is_getattr(node) else node.args[0].value
            method = isinstance(node.func, ast.Attribute) and node.func.attr in ("get", "pop", "getattr")
            if isinstance(key, str) and (method or _is_getattr(node)):
                return self._taint_of_name(key)
        return None

    # --- propagation and emission -----------------------------------------------------------

    def _propagate(self, nodes: list[ast.AST], taints: dict[str, _Taint]) -> dict[str, list[_Taint]]:
        multi: dict[str, list[_Taint]] = {k: [v] for k, v in taints.items()}
        for _ in range(5):
            grew = False
            for node, taint in self._sources(nodes, multi):
                climb = self._climb(node, taint)
                if climb.effect is not None:
                    continue
                derived = _Taint(taint.attribute, climb.kind, climb.groups, climb.literals)
                for target in climb.targets:
                    known = multi.setdefault(target, [])
                    if derived not in known:
                        known.append(derived)
                        grew = True
            if not grew:
                break
        return multi

    def _sources(self, nodes: list[ast.AST], multi: dict[str, list[_Taint]]) -> list[tuple[ast.AST, _Taint]]:
        flat = {k: v[0] for k, v in multi.items() if v}
        out = []
        for node in nodes:
            if isinstance(node, ast.Name) and node.id in multi and isinstance(node.ctx, ast.Load):
                out.extend((node, t) for t in multi[node.id])
            elif (t := self._source(node, flat)) is not None and t.attribute:
                out.append((node, t))
        return out

    def _emit(self, function: str, nodes: list[ast.AST], multi: dict[str, list[_Taint]]) -> list[Use]:
        uses = []
        for node, taint in self._sources(nodes, multi):
            climb = self._climb(node, taint)
            if climb.effect is None:
                continue
            line = getattr(node, "lineno", 0)
            snippet = self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""
            uses.append(Use(taint.attribute, function, line, climb.kind or "read", climb.effect, climb.groups, climb.literals, snippet))
        return uses

    # --- the climb --------------------------------------------------------------------------

    def _climb(self, node: ast.AST, taint: _Taint) -> _Climb:
        c = _Climb(taint.attribute, taint.kind, taint.groups, taint.literals)
        c.origin = node.id if isinstance(node, ast.Name) else None
        cur = node
        while True:
            parent = self.parents.get(cur)
            if parent is None or isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)):
                c.effect = "read"
                return c
            step = self._step(cur, parent, c)
            if step is not _ANY:
                return c
            cur = parent

    def _step(self, cur: ast.AST, parent: ast.AST, c: _Climb) -> object:
        """Update the climb for one parent; return _ANY to keep climbing, anything else to stop."""
        if isinstance(parent, ast.Call):
            return self._step_call(cur, parent, c)
        if isinstance(parent, ast.Compare):
            self._compare(cur, parent, c)
            return _ANY
        if isinstance(parent, ast.Subscript):
            if not isinstance(parent.ctx, ast.Load):  # counts[gender] += 1: tallying, not deciding
                c.kind = c.kind or "read"
                return self._stop(c, "read")
            if cur is parent.slice and c.kind is None:
                self._lookup(parent.value, c)
            return _ANY
        if isinstance(parent, ast.BinOp):
            other = parent.right if cur is parent.left else parent.left
            if c.kind is None and not (isinstance(other, ast.Constant) and isinstance(other.value, str)):
                c.kind = "arithmetic"
            return _ANY
        if isinstance(parent, (ast.Attribute, ast.UnaryOp, ast.BoolOp, ast.Tuple, ast.List, ast.Set, ast.Dict,
                               ast.Starred, ast.keyword, ast.Await, ast.NamedExpr, ast.ListComp, ast.GeneratorExp)):
            if isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.Not):
                c.negated = not c.negated
            if isinstance(parent, (ast.BoolOp, ast.UnaryOp)) and c.kind is None:
                c.kind = "truthiness"  # the value is used as a condition
            return _ANY
        if isinstance(parent, ast.IfExp):
            if cur is parent.test:
                c.kind, c.effect = c.kind or "truthiness", "decision"
                return None
            return _ANY
        if isinstance(parent, (ast.JoinedStr, ast.FormattedValue)):
            c.effect = "log"
            return None
        if isinstance(parent, ast.comprehension):
            c.effect = "decision" if cur in parent.ifs else "read"
            c.kind = c.kind or ("truthiness" if cur in parent.ifs else None)
            return None
        if isinstance(parent, ast.Lambda):
            return self._step_lambda(parent, c)
        return self._step_statement(cur, parent, c)

    def _step_call(self, cur: ast.AST, call: ast.Call, c: _Climb) -> object:
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else (func.id if isinstance(func, ast.Name) else "")
        if isinstance(func, ast.Attribute) and cur is func:  # a method of the value (climbed via the attribute)
            if name in _STRING_TESTS and c.kind is None:
                c.kind = "compare"
                self._add_literals(call.args, c)
            return _ANY if name in _TRANSFORMS or name in _STRING_TESTS else self._stop(c, "read")
        if name == "isinstance":
            return self._stop(c, "guard")
        if _is_log(call):
            return self._stop(c, "log")
        if name in _TRANSFORMS or name in ("any", "all", "len", "sum", "list", "tuple", "set"):
            return _ANY
        if name == "get" and isinstance(func, ast.Attribute) and call.args and cur is call.args[0] and c.kind is None:
            self._lookup(func.value, c)
            return _ANY
        return self._stop(c, "decision" if c.kind in TARGETING_KINDS else "read")

    def _step_lambda(self, lam: ast.Lambda, c: _Climb) -> object:
        holder = self.parents.get(lam)
        call = self.parents.get(holder) if isinstance(holder, ast.keyword) else holder
        if isinstance(call, ast.Call):
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in _RANKERS:
                c.kind = c.kind or "rank"
                return self._stop(c, "decision")
        return self._stop(c, "decision" if c.kind in TARGETING_KINDS else "read")

    def _step_statement(self, cur: ast.AST, parent: ast.AST, c: _Climb) -> object:
        if isinstance(parent, ast.If) and cur is parent.test:
            c.kind = c.kind or "truthiness"
            if c.origin is not None and _normalizes(parent, c.origin):
                return self._stop(c, "read")
            return self._stop(c, branch_effect(parent.body, parent.orelse, c.kind, c.negated, bool(c.literals)))
        if isinstance(parent, ast.While) and cur is parent.test:
            return self._stop(c, "decision")
        if isinstance(parent, (ast.Assert, ast.Raise)):
            return self._stop(c, "guard")
        if isinstance(parent, ast.Match) and cur is parent.subject:
            return self._match(parent, c)
        if isinstance(parent, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and cur is parent.value:
            targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
            if all(isinstance(t, ast.Name) for t in targets):
                if isinstance(parent, ast.AugAssign):
                    c.kind = c.kind or "arithmetic"
                c.targets = [t.id for t in targets if isinstance(t, ast.Name)]
                return None  # deferred: the variables carry the taint
        if isinstance(parent, (ast.Return, ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Yield)):
            return self._stop(c, "decision" if c.kind in TARGETING_KINDS else "read")
        return self._stop(c, "read")

    @staticmethod
    def _stop(c: _Climb, effect: str) -> None:
        c.effect = effect
        return None

    def _match(self, match: ast.Match, c: _Climb) -> None:
        literals = [
            n.value.value for case in match.cases for n in ast.walk(case.pattern)
            if isinstance(n, ast.MatchValue) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
        ]
        c.kind = c.kind or "match"
        c.literals = c.literals + tuple(literals)
        c.groups = c.groups + self._groups(literals, c.attribute)
        bodies = [case.body for case in match.cases]
        c.effect = "guard" if all(_block_kind(b) == "raise" for b in bodies) else "decision"

    # --- literals ---------------------------------------------------------------------------

    def _compare(self, cur: ast.AST, cmp: ast.Compare, c: _Climb) -> None:
        others = [n for n in [cmp.left, *cmp.comparators] if n is not cur]
        ops = cmp.ops
        if any(isinstance(o, (ast.Is, ast.IsNot)) for o in ops):
            c.kind = c.kind or "read"
            c.negated ^= any(isinstance(o, ast.Is) for o in ops)
            return
        c.negated ^= any(isinstance(o, (ast.NotIn, ast.NotEq)) for o in ops)
        if c.kind is not None:
            return
        numeric = [n for n in others if isinstance(n, ast.Constant) and isinstance(n.value, (int, float))]
        if numeric and any(isinstance(o, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for o in ops):
            c.kind, c.literals = "threshold", tuple(str(n.value) for n in numeric)
            return
        c.kind = "membership" if any(isinstance(o, (ast.In, ast.NotIn)) for o in ops) else "compare"
        self._add_literals(others, c)

    def _add_literals(self, nodes: list[ast.expr], c: _Climb) -> None:
        found: list[str] = []
        for n in nodes:
            found.extend(self._strings(n))
        c.literals = c.literals + tuple(found)
        c.groups = c.groups + self._groups(found, c.attribute)

    def _groups(self, literals: list[str], attribute: str) -> tuple[str, ...]:
        out: list[str] = []
        for lit in literals:
            hit = self.lex.groups_of(lit, attribute)
            out.extend(hit if hit else ((lit,) if self.lex.is_proxy(attribute) else ()))
        return tuple(dict.fromkeys(out))

    def _strings(self, node: ast.AST) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return [str(node.value)]
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return [s for e in node.elts for s in self._strings(e)]
        if isinstance(node, ast.Name) and node.id in self.consts:
            return list(self.consts[node.id][0])
        if isinstance(node, ast.Attribute):  # Gender.FEMALE, Race.BLACK.value
            base = node.value if node.attr == "value" and isinstance(node.value, ast.Attribute) else node
            return [base.attr] if isinstance(base, ast.Attribute) and base.attr.isupper() else []
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("set", "frozenset") and node.args:
            return self._strings(node.args[0])
        return []

    def _lookup(self, table: ast.AST, c: _Climb) -> None:
        if isinstance(table, ast.Dict):
            keys = [k.value for k in table.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            same = _all_equal(table.values)
        elif isinstance(table, ast.Name) and table.id in self.accumulators:
            keys, same = [], True
        elif isinstance(table, ast.Name) and table.id in self.consts:
            keys, same = list(self.consts[table.id][0]), self.consts[table.id][1]
        else:
            keys, same = [], False
        if same:
            c.kind = "read"
            return
        c.kind = "lookup"
        c.literals = c.literals + tuple(keys)
        c.groups = c.groups + self._groups(keys, c.attribute)


def _normalizes(node: ast.If, variable: str) -> bool:
    """``if gender not in VALID: gender = "unknown"``: the branch only rewrites the tested variable."""
    body = node.body + node.orelse
    return bool(body) and all(
        isinstance(st, ast.Assign) and all(isinstance(t, ast.Name) and t.id == variable for t in st.targets) for st in body
    )
