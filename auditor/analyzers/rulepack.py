"""The builtin rule pack: schema, loading and validation of ``rules/builtin/<language>/<id>.yaml``,
and what each rule kind means once compiled.

One rule per file, ``id`` equal to the file stem, unknown keys are errors. A rule has exactly one
kind: ``regex`` (RE2, matched line by line, any language), ``ast`` (Python call checks) or ``taint``
(Python data flow from untrusted sources to one kind of sink, declared in ``rules/taint/``). Every
pattern is compiled with RE2 while loading, so a rule RE2 cannot run never reaches the engine; a bad
file raises :class:`~auditor.errors.InputError` naming the file and the field.
:class:`~auditor.analyzers.pyast.CallCheck` holds the conditions of an ``ast`` rule; the engine
(:mod:`auditor.analyzers.builtin`) finds the calls and asks it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Literal

import re2
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from auditor.analyzers.pyast import CallCheck, dotted_name
from auditor.errors import InputError
from auditor.types import Confidence, Finding, Severity
from auditor.yamlfile import load_yaml

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
    "CALL_NAME",
    "TaintRuleSpec",
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
#: A callee name in a rule: ``a.b.c`` or ``*.name`` (any receiver) or ``*.a.name`` (a suffix).
CALL_NAME = re.compile(r"^(?:\*\.)?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")
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
            if not CALL_NAME.match(name):
                raise ValueError(f"{name!r} is not a dotted name or '*.name'")
        return v

    @field_validator("unless_arg", "arg")
    @classmethod
    def _positions(cls, v: dict[int, object]) -> dict[int, object]:
        if any(i < 0 for i in v):
            raise ValueError("argument positions start at 0")
        return v


class TaintRuleSpec(_Strict):
    """A taint rule: untrusted data reaching a sink of kind ``sink`` (``rules/taint/python.yaml``
    declares the sources, sanitizers and sinks; one rule per sink kind gives it a message and CWE)."""

    sink: str = Field(pattern=r"^[a-z][a-z-]*$")


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
    taint: TaintRuleSpec | None = None
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
        if sum(spec is not None for spec in (self.regex, self.ast, self.taint)) != 1:
            raise ValueError("a rule needs exactly one of 'regex', 'ast' or 'taint'")
        if self.regex is None and set(self.languages) != {"python"}:
            raise ValueError(f"'{self.kind}' rules are Python only: set languages: [python]")
        return self

    @property
    def kind(self) -> str:
        return "regex" if self.regex is not None else "ast" if self.ast is not None else "taint"

    def finding(
        self, analyzer: str, *, line: int, end_line: int, snippet: str, attempt_id: str, block: int,
        message: str | None = None, tags: tuple[str, ...] = (),
    ) -> Finding:
        """The Finding this rule reports at ``line`` (1-based within the block), with its metadata."""
        meta = self.metadata
        return Finding(
            rule_id=self.id,
            analyzer=analyzer,
            message=message or self.message.strip(),
            severity=Severity.parse(self.severity),
            confidence=Confidence.parse(meta.confidence),
            cwe=meta.cwe_id,
            owasp=meta.owasp,
            line=line,
            end_line=end_line,
            snippet=snippet,
            attempt_id=attempt_id,
            block_index=block,
            sources=(analyzer,),
            tags=tags,
        )


def load_rule(path: Path) -> Rule:
    """Read and validate one rule file; :class:`InputError` names the file, line or field."""
    data = load_yaml(path)
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


