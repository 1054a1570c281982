"""The builtin rule pack: schema, loading and validation of ``rules/builtin/<language>/<id>.yaml``,
and what each rule kind means once compiled.

One rule per file, ``id`` equal to the file stem, unknown keys are errors. A rule has exactly one
kind: ``regex`` (RE2, matched line by line, any language) or ``ast`` (Python call checks). Every
pattern is compiled with RE2 while loading, so a rule RE2 cannot run never reaches the engine; a bad
file raises :class:`~auditor.errors.InputError` naming the file and the field. :class:`CallCheck`
holds the conditions of an ``ast`` rule; the engine (:mod:`auditor.analyzers.builtin`) finds the
calls and asks it.
"""

from __future__ import annotations

import ast
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import re2
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from auditor.errors import InputError

__all__ = [
    "Rule",
    "RegexSpec",
    "AstSpec",
    "RuleMetadata",
    "load_rule",
    "load_rules",
    "rules_hash",
    "normalise_language",
    "compile_line_regex",
    "CallCheck",
    "dotted_name",
    "line_options",
    "rule_files",
    "LANGUAGE_ALIASES",
]

#: Language names as written in code fences, mapped to the names rules use.
LANGUAGE_ALIASES: dict[str, str] = {
    "py": "python", "python3": "python", "js": "javascript", "node": "javascript", "nodejs": "javascript",
    "jsx": "javascript", "mjs": "javascript", "ts": "typescript", "tsx": "typescript", "sh": "shell",
    "bash": "shell", "zsh": "shell", "c++": "cpp", "cxx": "cpp", "cs": "csharp", "c#": "csharp",
    "golang": "go", "rb": "ruby", "rs": "rust", "kt": "kotlin",
}

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CWE = re.compile(r"^CWE-(\d+)\b")
_MAX_DEPTH = 50  # how deep the argument-shape checks look into nested ``+`` / ``%``
_CALL = re.compile(r"^(?:\*\.)?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")
# \A and \z would only match at the ends of the whole block, not of each line.
_WHOLE_TEXT_ANCHOR = re.compile(r"(?<!\\)(?:\\\\)*\\[Az]")


def normalise_language(name: str | None) -> str | None:
    """``"Py"`` -> ``"python"``, ``"c#"`` -> ``"csharp"``; ``None`` or blank stays ``None``."""
    if not name or not name.strip():
        return None
    key = name.strip().lower()
    return LANGUAGE_ALIASES.get(key, key)


def compile_line_regex(pattern: str) -> re2._Regexp:
    """Compile ``pattern`` so that matching a whole block behaves like matching each line alone.

    ``(?m)`` makes ``^``/``$`` line anchors and ``never_nl`` keeps every match inside one line.
    Raises ``ValueError`` with RE2's reason if the pattern is not RE2 syntax.
    """
    if _WHOLE_TEXT_ANCHOR.search(pattern):
        raise ValueError(f"pattern {pattern!r} uses \\A or \\z; lines are matched one by one, use ^ and $")
    try:
        compiled = re2.compile("(?m)" + pattern, line_options())
    except re2.error as exc:
        raise ValueError(f"RE2 cannot compile {pattern!r}: {_reason(exc)}") from None
    if compiled.search(b"") is not None:
        raise ValueError(f"pattern {pattern!r} matches the empty string")
    return compiled


def line_options() -> re2.Options:
    """RE2 options shared by rule patterns and the per-language set."""
    options = re2.Options()
    options.never_nl = True
    options.log_errors = False
    return options


def _reason(exc: Exception) -> str:
    text = exc.args[0] if exc.args else str(exc)
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RegexSpec(_Strict):
    """A line pattern, and patterns that clear a line it matched."""

    pattern: str
    not_: tuple[str, ...] = Field(default=(), alias="not")

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, v: str) -> str:
        compile_line_regex(v)
        return v

    @field_validator("not_")
    @classmethod
    def _not_compiles(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in v:
            compile_line_regex(pattern)
        return v


ArgShape = Literal["formatted", "not-literal"]


class AstSpec(_Strict):
    """Python call checks; every condition given must hold for a call to be flagged.

    ``call`` names qualified callees (import aliases are resolved) or ``*.name`` for any receiver.
    ``unless-arg`` (an extension of ``unless-kwarg`` for positional arguments) clears a call whose
    positional argument has one of the given source texts, e.g. ``yaml.load(f, yaml.SafeLoader)``.
    """

    call: tuple[str, ...] = Field(min_length=1)
    unless_kwarg: dict[str, tuple[str, ...]] = Field(default_factory=dict, alias="unless-kwarg")
    unless_arg: dict[int, tuple[str, ...]] = Field(default_factory=dict, alias="unless-arg")
    kwarg: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    arg: dict[int, ArgShape] = Field(default_factory=dict)

    @field_validator("call")
    @classmethod
    def _call_names(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for name in v:
            if not _CALL.match(name):
                raise ValueError(f"{name!r} is not a dotted name or '*.name'")
        return v

    @field_validator("unless_arg", "arg")
    @classmethod
    def _positions(cls, v: dict[int, object]) -> dict[int, object]:
        if any(i < 0 for i in v):
            raise ValueError("argument positions start at 0")
        return v


Level = Literal["LOW", "MEDIUM", "HIGH"]


class RuleMetadata(_Strict):
    """semgrep's registry metadata keys; ``cwe`` and the risk fields are required."""

    cwe: str
    owasp: str
    category: str = Field(min_length=1)
    confidence: Level
    likelihood: Level
    impact: Level
    references: tuple[str, ...] = Field(min_length=1)
    technology: tuple[str, ...] = ()
    subcategory: tuple[str, ...] = ()

    @field_validator("cwe")
    @classmethod
    def _cwe_shape(cls, v: str) -> str:
        if not _CWE.match(v):
            raise ValueError("must look like 'CWE-502: Deserialization of Untrusted Data'")
        return v

    @property
    def cwe_id(self) -> int:
        match = _CWE.match(self.cwe)
        assert match is not None  # checked by the validator
        return int(match.group(1))


class Rule(_Strict):
    """One builtin rule, as written in its YAML file."""

    id: str
    message: str = Field(min_length=1)
    languages: tuple[str, ...] = Field(min_length=1)
    severity: Literal["info", "low", "medium", "high", "critical"]
    regex: RegexSpec | None = None
    ast: AstSpec | None = None
    metadata: RuleMetadata

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("must be lower-case letters, digits and '-'")
        return v

    @field_validator("languages")
    @classmethod
    def _languages(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(normalise_language(name) or "" for name in v)

    @model_validator(mode="after")
    def _one_kind(self) -> Rule:
        if (self.regex is None) == (self.ast is None):
            raise ValueError("a rule needs exactly one of 'regex' or 'ast'")
        if self.ast is not None and set(self.languages) != {"python"}:
            raise ValueError("'ast' rules are Python only: set languages: [python]")
        return self

    @property
    def kind(self) -> str:
        return "regex" if self.regex is not None else "ast"


def load_rule(path: Path) -> Rule:
    """Read and validate one rule file; :class:`InputError` names the file, line or field."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise InputError(path, f"not valid YAML: {exc.problem}", line=line) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(path, f"cannot read rule file: {exc}") from None
    if not isinstance(data, dict):
        raise InputError(path, "a rule file holds exactly one rule, as a mapping (id, message, ...)")
    try:
        rule = Rule.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "rule"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        reason = str(first["msg"]).removeprefix("Value error, ")
        raise InputError(path, f"field '{field}': {reason}{more}") from None
    if rule.id != path.stem:
        raise InputError(path, f"field 'id': {rule.id!r} must equal the file name {path.stem!r}")
    if path.parent.name not in rule.languages:
        raise InputError(path, f"field 'languages': must include {path.parent.name!r}, the folder it is in")
    return rule


def rule_files(rules_dir: Path) -> list[Path]:
    """Every rule file under ``rules_dir``, in a stable order."""
    return sorted(p for p in rules_dir.glob("*/*.y*ml") if p.suffix in (".yaml", ".yml"))


def load_rules(rules_dir: Path, languages: set[str] | None = None) -> list[Rule]:
    """All rules under ``rules_dir`` (optionally only those for ``languages``); ids must be unique."""
    if not rules_dir.is_dir():
        raise InputError(rules_dir, "rule folder not found")
    wanted = {normalise_language(name) for name in languages} if languages is not None else None
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for path in rule_files(rules_dir):
        rule = load_rule(path)
        if rule.id in seen:
            raise InputError(path, f"field 'id': {rule.id!r} is already used by {seen[rule.id]}")
        seen[rule.id] = path
        if wanted is None or wanted & set(rule.languages):
            rules.append(rule)
    return rules


def rules_hash(rules_dir: Path) -> str:
    """A short content hash of every rule file (names and bytes), for run records."""
    digest = hashlib.sha256()
    for path in rule_files(rules_dir):
        digest.update(path.relative_to(rules_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


# ---------------------------------------------------------------------------------------------
# ``ast`` rules compiled: the conditions a Python call must meet (the engine finds the calls).


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
            value = _keyword(call, name)
            if value is None or not _text_in(value, texts, aliases):
                return False
        for name, texts in spec.unless_kwarg.items():
            value = _keyword(call, name)
            if value is not None and _text_in(value, texts, aliases):
                return False
        for position, texts in spec.unless_arg.items():
            value = _positional(call, position)
            if value is not None and _text_in(value, texts, aliases):
                return False
        for position, shape in spec.arg.items():
            value = _positional(call, position)
            if value is None or not (_is_formatted(value) if shape == "formatted" else not _is_literal(value)):
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


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def _positional(call: ast.Call, position: int) -> ast.expr | None:
    """Positional argument ``position``, or ``None`` if absent or unknowable (after ``*args``)."""
    for arg in call.args[: position + 1]:
        if isinstance(arg, ast.Starred):
            return None
    return call.args[position] if position < len(call.args) else None


def _text_in(node: ast.expr, texts: Sequence[str], aliases: dict[str, str]) -> bool:
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


def _is_literal(node: ast.expr, depth: int = 0) -> bool:
    """A constant, an f-string without fields, or ``+``/``%`` of those."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.JoinedStr):
        return all(isinstance(v, ast.Constant) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)) and depth < _MAX_DEPTH:
        return _is_literal(node.left, depth + 1) and _is_literal(node.right, depth + 1)
    return False


def _is_formatted(node: ast.expr, depth: int = 0) -> bool:
    """A string built at run time: f-string with fields, ``"..." % x``, ``"..." + x``, ``.format``."""
    if depth >= _MAX_DEPTH:
        return False
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _is_string(node.left, depth) and not _is_literal(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        if _is_literal(node):
            return False
        return _is_string(node.left, depth) or _is_string(node.right, depth)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return bool(node.args or node.keywords)
    return False


def _is_string(node: ast.expr, depth: int) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, ast.JoinedStr) or _is_formatted(node, depth + 1)
