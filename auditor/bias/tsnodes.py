"""Shared tree-sitter vocabulary for the JavaScript and Java scanners: node kinds, method names, helpers."""

from __future__ import annotations

from typing import Any

from auditor.bias.uses import TARGETING_KINDS

__all__ = ["TS_LANGUAGES", "TARGETING_KINDS", "text", "field_of", "string_value"]

TS_LANGUAGES = ("javascript", "java", "typescript")
WHEELS = {"javascript": "tree_sitter_javascript", "java": "tree_sitter_java", "typescript": "tree_sitter_typescript"}
FUNCS = frozenset({"function_declaration", "function_expression", "arrow_function", "method_definition",
                   "generator_function_declaration", "method_declaration", "constructor_declaration", "function"})
NUMBERS = frozenset({"number", "decimal_integer_literal", "decimal_floating_point_literal"})
STRINGS = frozenset({"string", "string_literal"})
TRANSFORMS = frozenset("tolowercase touppercase trim tostring valueof getfullyear getyear name ordinal strip "
                        "parseint parsefloat number string integer valueof tolocalelowercase normalize".split())
TESTS = frozenset("equals equalsignorecase startswith endswith includes contains indexof matches test has "
                   "compareto localecompare".split())
LOOKUPS = frozenset({"get", "getordefault"})
LOG_OBJECTS = frozenset({"console", "log", "logger", "logging", "system.out", "system.err", "out", "err"})
FILTERS = frozenset({"filter", "find", "findindex", "some", "every", "removeif", "anymatch", "allmatch", "nonematch"})
RANKERS = frozenset({"sort", "tosorted", "sorted", "comparing", "comparingint", "comparingdouble", "max", "min"})
TABLE_WORDS = frozenset("weights weight table map mapping rates factors factor multiplier multipliers options choices "
                         "valid allowed labels codes list set dict lookup values categories types by".split())


def text(n: Any) -> str:
    return n.text.decode("utf-8", "replace") if n is not None and n.text is not None else ""


def field_of(n: Any) -> str | None:
    p = n.parent
    if p is None:
        return None
    for i in range(p.child_count):
        if p.child(i) == n:
            return p.field_name_for_child(i)
    return None


def string_value(n: Any) -> str | None:
    if n.type in STRINGS or (n.type == "template_string" and not any(c.type == "template_substitution" for c in n.children)):
        return "".join(text(c) for c in n.children if c.type in ("string_fragment", "escape_sequence"))
    return None
