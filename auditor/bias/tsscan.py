"""Attribute uses in JavaScript and Java, by a real parser (tree-sitter); see ``auditor.bias.uses``.

The same climb as ``pyscan``: from each source of a protected attribute (a parameter or variable the
lexicon names, ``a.gender``, ``a["race"]``, ``a.getAge()``) up through conversions to the operation
that uses it (``===``, ``.equals("F")``, ``["x"].includes(v)``, ``RATES[v]``, ``map.get(v)``,
``switch``, arithmetic, a ``filter``/``sort`` callback) and to the statement that consumes it.
Grammars come from ``tree_sitter_language_pack`` when it has them locally, else from the
per-language wheels (``tree_sitter_javascript``, ``tree_sitter_java``); nothing is downloaded.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from typing import Any

from auditor.bias.lexicon import Lexicon, words
from auditor.bias.tsclimb import step
from auditor.bias.tsnodes import FUNCS, NUMBERS, TABLE_WORDS, TS_LANGUAGES, WHEELS
from auditor.bias.tsnodes import field_of as _field_of
from auditor.bias.tsnodes import string_value as _string
from auditor.bias.tsnodes import text as _text
from auditor.bias.uses import Climb as _Climb
from auditor.bias.uses import Use

__all__ = ["scan_tree_sitter", "parser_for", "TS_LANGUAGES", "GrammarUnavailable"]

class GrammarUnavailable(RuntimeError):
    """No local tree-sitter grammar for a language."""


@functools.lru_cache(maxsize=8)
def parser_for(language: str) -> Any:
    """A tree-sitter parser from local grammars only; raises GrammarUnavailable otherwise."""
    try:
        import tree_sitter_language_pack as pack

        if language in pack.downloaded_languages():
            return pack.get_parser(language)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - a broken pack must not hide the per-language wheels
        pass
    try:
        from tree_sitter import Language, Parser

        module = importlib.import_module(WHEELS[language])
        lang = module.language_typescript() if language == "typescript" else module.language()
        return Parser(Language(lang))
    except (ImportError, KeyError, AttributeError) as exc:
        raise GrammarUnavailable(f"no local tree-sitter grammar for {language} (pip install {WHEELS.get(language, language)})") from exc


@dataclass(frozen=True, slots=True)
class _Taint:
    attribute: str
    kind: str | None = None
    groups: tuple[str, ...] = ()
    literals: tuple[str, ...] = ()


def scan_tree_sitter(code: str, language: str, lexicon: Lexicon) -> tuple[list[Use], bool]:
    """Every use of a protected attribute; the flag says whether the parse had syntax errors."""
    tree = parser_for(language).parse(code.encode("utf-8"))
    scanner = _Scanner(tree.root_node, code, lexicon)
    return scanner.run(), bool(tree.root_node.has_error)


class _Scanner:
    def __init__(self, root: Any, code: str, lexicon: Lexicon) -> None:
        self.root, self.lines, self.lex = root, code.splitlines(), lexicon
        self.functions: dict[str, list[Any]] = {}
        self.consts: dict[str, tuple[tuple[str, ...], bool]] = {}
        self._index(root, "<module>", "")

    def _index(self, node: Any, owner: str, prefix: str) -> None:
        for child in node.children:
            name, pre = owner, prefix
            if child.type in FUNCS and not _is_callback(child):
                name = prefix + self._function_name(child)
            elif child.type in ("class_declaration", "class"):
                pre = prefix + _text(child.child_by_field_name("name")) + "."
            elif child.type == "variable_declarator":
                self._constant(child)
            self.functions.setdefault(name, []).append(child)
            self._index(child, name, pre)

    def _function_name(self, fn: Any) -> str:
        named = fn.child_by_field_name("name")
        if named is not None:
            return _text(named)
        holder = fn.parent
        if holder is not None and holder.type == "variable_declarator":
            return _text(holder.child_by_field_name("name"))
        return f"<anonymous@{fn.start_point[0] + 1}>"

    def _constant(self, decl: Any) -> None:
        name, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
        if name is None or value is None or name.type != "identifier":
            return
        if value.type == "object":
            pairs = [c for c in value.children if c.type == "pair"]
            keys = tuple(_text(k).strip("'\"") for p in pairs if (k := p.child_by_field_name("key")) is not None)
            vals = {_text(p.child_by_field_name("value")) for p in pairs}
            self.consts[_text(name)] = (keys, len(vals) == 1 and len(pairs) > 1)
            return
        items = self._items(value)
        if items is not None:
            is_map = value.type == "method_invocation" and _text(value.child_by_field_name("object")) == "Map"
            keys = tuple(items[::2]) if is_map else tuple(items)
            self.consts[_text(name)] = (keys, False)

    def _items(self, n: Any) -> list[str] | None:
        """String/number items of an array or Set.of/List.of/Map.of/Arrays.asList/new Set([...]) literal."""
        if n.type in ("array", "array_initializer"):
            return [v for c in n.named_children for v in self._literal_values(c)]
        if n.type in ("method_invocation", "new_expression", "object_creation_expression", "call_expression"):
            args = n.child_by_field_name("arguments")
            if args is not None:
                return [v for c in args.named_children for v in self._literal_values(c)]
        return None

    def _literal_values(self, n: Any) -> list[str]:
        s = _string(n)
        if s is not None:
            return [s]
        if n.type in NUMBERS:
            return [_text(n)]
        if n.type == "identifier" and _text(n) in self.consts:
            return list(self.consts[_text(n)][0])
        if n.type in ("field_access", "member_expression"):
            last = n.child_by_field_name("field") or n.child_by_field_name("property")
            return [_text(last)] if last is not None and _text(last).isupper() else []
        items = self._items(n)
        return items or []

    # --- sources ------------------------------------------------------------------------------

    def _taint_of_name(self, identifier: str) -> _Taint | None:
        if set(words(identifier)) & TABLE_WORDS or identifier in self.consts:
            return None
        attribute, flag = self.lex.attribute_of(identifier), self.lex.group_flag(identifier)
        if flag is not None and (attribute is None or attribute == flag[0]):
            return _Taint(flag[0], None, (flag[1],))
        return _Taint(attribute) if attribute else None

    def _source(self, n: Any, taints: dict[str, list[_Taint]]) -> list[_Taint]:
        t = n.type
        where = _field_of(n)
        if t in ("identifier", "shorthand_property_identifier") and where not in ("name", "field", "property", "key", "label", "type"):
            if n.parent is not None and n.parent.type in ("formal_parameter", "formal_parameters", "object_pattern") and t == "identifier":
                return []
            name = _text(n)
            if name in taints:
                return taints[name]
            return [x] if (x := self._taint_of_name(name)) else []
        if t in ("member_expression", "field_access") and where != "function":
            last = n.child_by_field_name("property") or n.child_by_field_name("field")
            return [x] if last is not None and (x := self._taint_of_name(_text(last))) else []
        if t == "subscript_expression":
            idx = n.child_by_field_name("index")
            key = _string(idx) if idx is not None else None
            return [x] if key and (x := self._taint_of_name(key)) else []
        if t == "method_invocation" or (t == "call_expression" and (f := n.child_by_field_name("function")) is not None and f.type == "member_expression"):
            return self._getter(n)
        return []

    def _getter(self, n: Any) -> list[_Taint]:
        if n.type == "method_invocation":
            name = _text(n.child_by_field_name("name"))
        else:
            name = _text(n.child_by_field_name("function").child_by_field_name("property"))
        args = n.child_by_field_name("arguments")
        named = list(args.named_children) if args is not None else []
        if not named and name[:3] in ("get", "has") or name[:2] == "is" and not named:
            return [x] if (x := self._taint_of_name(name)) else []
        if name in ("get", "getOrDefault") and named and (key := _string(named[0])):
            return [x] if (x := self._taint_of_name(key)) else []
        return []

    def _params(self, nodes: list[Any]) -> dict[str, list[_Taint]]:
        out: dict[str, list[_Taint]] = {}
        for n in nodes:
            declared = None
            if n.type == "formal_parameter":
                declared = n.child_by_field_name("name")
            elif n.type == "shorthand_property_identifier_pattern" or (n.type == "identifier" and n.parent is not None
                                                                          and n.parent.type in ("formal_parameters", "arrow_function")
                                                                          and _field_of(n) in (None, "parameter")):
                declared = n
            if declared is not None and (t := self._taint_of_name(_text(declared))):
                out[_text(declared)] = [t]
        return out

    # --- propagation and emission -------------------------------------------------------------

    def run(self) -> list[Use]:
        uses: list[Use] = []
        for function, nodes in self.functions.items():
            flat = nodes
            taints = self._params(flat)
            for _ in range(5):
                if not self._propagate(flat, taints):
                    break
            uses.extend(self._emit(function, flat, taints))
        return uses

    def _pairs(self, nodes: list[Any], taints: dict[str, list[_Taint]]) -> list[tuple[Any, _Taint]]:
        return [(n, t) for n in nodes for t in self._source(n, taints) if not self._inside_source(n, taints)]

    def _inside_source(self, n: Any, taints: dict[str, list[_Taint]]) -> bool:
        p = n.parent
        return p is not None and p.type in ("member_expression", "field_access", "method_invocation") and \
            _field_of(n) == "object" and bool(self._source(p, taints))

    def _propagate(self, nodes: list[Any], taints: dict[str, list[_Taint]]) -> bool:
        grew = False
        for n, t in self._pairs(nodes, taints):
            c = self._climb(n, t)
            if c.effect is None:
                derived = _Taint(t.attribute, c.kind, c.groups, c.literals)
                for name in c.targets:
                    known = taints.setdefault(name, [])
                    if derived not in known:
                        known.append(derived)
                        grew = True
        return grew

    def _emit(self, function: str, nodes: list[Any], taints: dict[str, list[_Taint]]) -> list[Use]:
        out = []
        for n, t in self._pairs(nodes, taints):
            c = self._climb(n, t)
            if c.effect is not None:
                line = n.start_point[0] + 1
                snippet = self.lines[line - 1].strip() if line <= len(self.lines) else ""
                out.append(Use(t.attribute, function, line, c.kind or "read", c.effect, c.groups, c.literals, snippet))
        return out

    def _climb(self, n: Any, t: _Taint) -> _Climb:
        c = _Climb(t.attribute, t.kind, t.groups, t.literals)
        cur = n
        while cur.parent is not None and cur.parent.type != "program" and (
            cur.parent.type not in FUNCS or _is_callback(cur.parent)
        ):
            if not step(self, cur, cur.parent, c):
                return c
            cur = cur.parent
        c.effect = c.effect or "read"
        return c

    def add_literals(self, nodes: list[Any], c: _Climb) -> None:
        found = [v for n in nodes for v in self._literal_values(n)]
        c.literals += tuple(found)
        out: list[str] = []
        for lit in found:
            hit = self.lex.groups_of(lit, c.attribute)
            out.extend(hit if hit else ((lit,) if self.lex.is_proxy(c.attribute) else ()))
        c.groups += tuple(g for g in dict.fromkeys(out) if g not in c.groups)

    def lookup(self, table: Any, c: _Climb) -> None:
        name = _text(table)
        keys, same = self.consts.get(name, ((), False))
        if table.type == "object":
            pairs = [p for p in table.children if p.type == "pair"]
            keys = tuple(_text(p.child_by_field_name("key")).strip("'\"") for p in pairs)
        if same:
            c.kind = "read"
            return
        c.kind = "lookup"
        c.literals += tuple(keys)
        self.add_literals([], c)
        for k in keys:
            hit = self.lex.groups_of(k, c.attribute)
            c.groups += tuple(g for g in (hit or ((k,) if self.lex.is_proxy(c.attribute) else ())) if g not in c.groups)


def _is_callback(fn: Any) -> bool:
    """An inline function passed as an argument (``xs.filter(c => ...)``) belongs to the caller."""
    return fn.type in ("arrow_function", "function_expression", "lambda_expression") and fn.parent is not None and \
        fn.parent.type in ("arguments", "argument_list")
