"""The malicious-code analyzer: rules for code that does harm on purpose, each mapped to MITRE ATT&CK.

Rules live in ``rules/malicious/<language>/<id>.yaml``, one per file, beside an annotated fixture.
A malicious rule is a builtin ``regex`` rule (:class:`~auditor.analyzers.rulepack.Rule`, validated by
the same model and compiled by the same RE2 compiler) with three additions:

* ``metadata.attack: {technique: T1059.004, tactic: TA0002}``; findings carry the tags
  ``attack.technique:T1059.004``, ``attack.technique:T1059`` (the parent) and ``attack.tactic:TA0002``;
* ``metadata.subcategory: [<family>]``, one of :data:`FAMILIES`, tagged ``malicious.family:<family>``;
* ``requires: [pattern, ...]``: combination logic. The rule's own pattern (the anchor, the line that
  is reported) counts only if every ``requires`` pattern matches some line of the same code block:
  ransomware is an encrypt call in a block that also walks the file system and deletes files.

``languages`` may hold ``any``: the rule then runs on every block whatever its language, since shell
commands, PowerShell one-liners and Windows API names turn up inside strings of any language. Blocks
in a language without rules of its own get the ``any`` rules. The folder ``any`` holds rules with no
home language; their fixtures are ``.txt``. A fixture may hold several blocks separated by a comment
line ``=== block ===`` (:func:`fixture_blocks`), so a combination rule can be shown silent on a block
that lacks one of its signals.

Cost: one RE2 set pass over each block; line matching and ``requires`` only for rules the set hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, TypeVar

import re2
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from auditor.analyzers.base import analyze_blocks
from auditor.analyzers.lines import LineIndex, encode_block
from auditor.analyzers.rulepack import (
    Rule,
    RuleMetadata,
    compile_line_regex,
    line_options,
    normalise_language,
    rules_hash,
)
from auditor.errors import InputError
from auditor.paths import RULES_DIR
from auditor.types import AnalysisResult, CodeBlock, Finding, Generation
from auditor.yamlfile import load_model

__all__ = [
    "FAMILIES",
    "AttackIds",
    "MaliciousRule",
    "MaliciousAnalyzer",
    "LineIndex",
    "PatternSet",
    "encode_block",
    "load_rule_file",
    "load_malicious_rules",
    "fixture_blocks",
    "coverage_markdown",
]

#: The malicious behaviour families; every rule names exactly one in ``metadata.subcategory``.
FAMILIES: tuple[str, ...] = (
    "reverse-shell", "download-exec", "persistence", "credential-theft", "keylogging", "screen-capture",
    "crypto-mining", "ransomware", "destructive", "fork-bomb", "obfuscated-exec", "exfiltration",
    "defense-evasion", "process-injection", "privilege-escalation",
)
_TECHNIQUE = r"^T\d{4}(?:\.\d{3})?$"
_TACTIC = r"^TA\d{4}$"
_ALIASES = {"ps1": "powershell", "pwsh": "powershell", "ps": "powershell"}
_BLOCK_SEPARATOR = re.compile(r"^\s*(?:#|//|--|;)\s*=+\s*block(?::\s*(?P<language>[\w#+-]+))?\s*=+\s*$")
R = TypeVar("R", bound=Rule)


class AttackIds(BaseModel):
    """A MITRE ATT&CK technique (or sub-technique) and the tactic it serves."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    technique: str = Field(pattern=_TECHNIQUE)
    tactic: str = Field(pattern=_TACTIC)

    @property
    def tags(self) -> tuple[str, ...]:
        parent = self.technique.split(".", 1)[0]
        extra = (f"attack.technique:{parent}",) if parent != self.technique else ()
        return (f"attack.technique:{self.technique}", *extra, f"attack.tactic:{self.tactic}")

    @property
    def url(self) -> str:
        return "https://attack.mitre.org/techniques/" + self.technique.replace(".", "/") + "/"


class MaliciousMetadata(RuleMetadata):
    attack: AttackIds


class MaliciousRule(Rule):
    """A builtin regex rule plus ``metadata.attack`` and ``requires`` (see the module docstring)."""

    metadata: MaliciousMetadata
    requires: tuple[str, ...] = ()

    @field_validator("requires")
    @classmethod
    def _requires_compile(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in v:
            compile_line_regex(pattern)
        return v

    @model_validator(mode="after")
    def _regex_and_family(self) -> MaliciousRule:
        if self.regex is None:
            raise ValueError("malicious rules are 'regex' rules")
        families = self.metadata.subcategory
        if len(families) != 1 or families[0] not in FAMILIES:
            raise ValueError(f"metadata.subcategory must be one of: {', '.join(FAMILIES)}")
        return self

    @property
    def family(self) -> str:
        return self.metadata.subcategory[0]

    @property
    def tags(self) -> tuple[str, ...]:
        return (*self.metadata.attack.tags, f"malicious.family:{self.family}")


def load_rule_file(path: Path, model: type[R], folder_is_language: bool = True) -> R:
    """One rule file validated by ``model`` (a :class:`Rule` subclass); its id must be its file stem
    and (unless told otherwise) its folder one of its languages. Mistakes raise :class:`InputError`."""
    rule, _, _ = load_model(path, model)
    if rule.id != path.stem:
        raise InputError(path, f"field 'id': {rule.id!r} must equal the file name {path.stem!r}")
    if folder_is_language and path.parent.name not in rule.languages:
        raise InputError(path, f"field 'languages': must include {path.parent.name!r}, the folder it is in")
    return rule


def load_malicious_rules(rules_dir: Path = RULES_DIR / "malicious") -> list[MaliciousRule]:
    """Every rule under ``rules_dir/<language>/``, in a stable order; ids must be unique."""
    if not rules_dir.is_dir():
        raise InputError(rules_dir, "rule folder not found")
    rules: list[MaliciousRule] = []
    seen: dict[str, Path] = {}
    for path in sorted(p for p in rules_dir.glob("*/*.yaml")):
        rule = load_rule_file(path, MaliciousRule)
        if rule.id in seen:
            raise InputError(path, f"field 'id': {rule.id!r} is already used by {seen[rule.id]}")
        seen[rule.id] = path
        rules.append(rule)
    return rules


def fixture_blocks(text: str, language: str | None) -> tuple[CodeBlock, ...]:
    """A fixture cut into code blocks at ``=== block ===`` comment lines (``=== block: yaml ===``
    gives the next block its own language); ``start_line`` is the 1-based file line of each block's
    first line (a finding's file line is ``start_line + line - 1``). Annotation comments are
    scanned like any other line, as semgrep does: a rule id must not match its own patterns."""
    blocks: list[CodeBlock] = []
    current: list[str] = []
    start, current_language = 1, language
    for number, line in enumerate(text.splitlines(), start=1):
        separator = _BLOCK_SEPARATOR.match(line)
        if separator:
            blocks.append(CodeBlock(language=current_language, code="\n".join(current), start_line=start))
            current, start = [], number + 1
            current_language = separator.group("language") or language
        else:
            current.append(line)
    blocks.append(CodeBlock(language=current_language, code="\n".join(current), start_line=start))
    return tuple(b for b in blocks if b.code.strip())


@dataclass(frozen=True, slots=True)
class _Compiled:
    rule: MaliciousRule
    pattern: re2._Regexp
    clears: tuple[re2._Regexp, ...]
    requires: tuple[re2._Regexp, ...]

    @classmethod
    def build(cls, rule: MaliciousRule) -> _Compiled:
        assert rule.regex is not None
        return cls(
            rule,
            compile_line_regex(rule.regex.pattern),
            tuple(compile_line_regex(p) for p in rule.regex.not_),
            tuple(compile_line_regex(p) for p in rule.requires),
        )

    def anchor_lines(self, lines: LineIndex) -> Iterator[int]:
        """0-based lines the anchor pattern flags and no ``not`` pattern clears."""
        return lines.matching_lines(self.pattern, self.clears)

    def combined(self, data: bytes) -> bool:
        return all(p.search(data) is not None for p in self.requires)


class PatternSet:
    """Line patterns behind one RE2 set: which of them occur in a block, found in one pass."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self._set: re2.Set | None = None
        if patterns:
            options = line_options()
            options.max_mem = 64 << 20  # a Set has no slow fallback: give its DFA room
            compiled = re2.Set.SearchSet(options)
            for pattern in patterns:
                compiled.Add("(?m)" + pattern)
            compiled.Compile()
            self._set = compiled

    def matching(self, data: bytes) -> list[int]:
        """Indexes (in the order given) of the patterns that match somewhere in ``data``."""
        return sorted(self._set.Match(data) or ()) if self._set is not None else []


class _Pack:
    """The rules for one language (its own plus the ``any`` rules) behind one RE2 set."""

    def __init__(self, rules: Sequence[MaliciousRule]) -> None:
        self.targets = [_Compiled.build(r) for r in rules]
        self.prefilter = PatternSet([r.regex.pattern for r in rules if r.regex is not None])

    def candidates(self, data: bytes) -> list[_Compiled]:
        return [self.targets[i] for i in self.prefilter.matching(data)]


class MaliciousAnalyzer:
    """Line patterns with ATT&CK ids, some combined per block, for every language."""

    name: ClassVar[str] = "malicious"
    tier: ClassVar[str] = "fast"

    def __init__(self, rules_dir: Path = RULES_DIR / "malicious") -> None:
        self.rules_dir = Path(rules_dir)
        self.rules: tuple[MaliciousRule, ...] = tuple(load_malicious_rules(self.rules_dir))
        self._version = f"malicious {rules_hash(self.rules_dir)}"
        anywhere = [r for r in self.rules if "any" in r.languages]
        languages = {lang for r in self.rules for lang in r.languages} - {"any"}
        self._packs = {
            lang: _Pack([r for r in self.rules if lang in r.languages or "any" in r.languages])
            for lang in languages
        }
        self._any = _Pack(anywhere)

    def version(self) -> str:
        return self._version

    def analyze(self, generations: Sequence[Generation]) -> list[AnalysisResult]:
        return [self._analyze_one(g) for g in generations]

    def scan_block(self, block: CodeBlock, index: int = 0, attempt_id: str = "") -> list[Finding]:
        """Findings of one block, by line then rule id (lines are 1-based within the block)."""
        language = normalise_language(block.language)
        pack = self._packs.get(_ALIASES.get(language or "", language or ""), self._any)
        data = encode_block(block.code)
        candidates = pack.candidates(data)
        if not candidates:
            return []
        lines = LineIndex(data)
        found: dict[tuple[str, int], Finding] = {}
        for target in candidates:
            anchors = list(target.anchor_lines(lines))
            if anchors and target.combined(data):
                for line in anchors:
                    found[(target.rule.id, line)] = _finding(target.rule, line, lines, attempt_id, index)
        return sorted(found.values(), key=lambda f: (f.line, f.rule_id))

    def _analyze_one(self, generation: Generation) -> AnalysisResult:
        return analyze_blocks(self.name, generation, self.scan_block)


def _finding(rule: MaliciousRule, line: int, lines: LineIndex, attempt_id: str, block: int) -> Finding:
    return rule.finding("malicious", line=line + 1, end_line=line + 1, snippet=lines.snippet(line),
                        attempt_id=attempt_id, block=block, tags=rule.tags)


def coverage_markdown(rules: Sequence[MaliciousRule]) -> str:
    """The rule table of ``docs/malicious.md``: family, rule, languages, technique, tactic, severity."""
    head = (
        "| family | rule | languages | technique | tactic | severity | combined |\n"
        "|---|---|---|---|---|---|---|\n"
    )
    rows = sorted(rules, key=lambda r: (FAMILIES.index(r.family), r.id))
    body = "".join(
        f"| {r.family} | `{r.id}` | {', '.join(r.languages)} | [{r.metadata.attack.technique}]"
        f"({r.metadata.attack.url}) | {r.metadata.attack.tactic} | {r.severity}"
        f" | {'yes' if r.requires else ''} |\n"
        for r in rows
    )
    return head + body
