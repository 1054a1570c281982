"""The builtin rule engine: the fast tier the guard runs on every response.

Rules are data (``rules/builtin/<language>/<id>.yaml``, see :mod:`auditor.analyzers.rulepack`).
Per language, every regex rule's pattern and one "needle" per Python ``ast`` rule (the last part of
a callee's name followed by ``(`` or ``as``, see ``CallCheck.needle``) are compiled into ONE
``re2.Set``, matched once over the whole block. Only the regex rules the set reports are then
searched, to find their lines; only if an ``ast`` rule's needle occurs is the block parsed, once,
and walked once: imports feed an alias map, calls are dispatched by qualified name (and by
attribute name for ``*.name`` rules). A block without any needle is not parsed at all: no AST rule
could match it, so it is fully analyzed even if it is a fragment, and carries no note.

``taint`` rules (one per sink kind, data in ``rules/taint/python.yaml``) add a needle for their
sinks, and each source one for itself; when both occur, the one walk is the ordered taint walk of
:mod:`auditor.analyzers.taint`, which also collects the calls and imports for the ``ast`` rules.

Status of a generation's result:

* ``skipped``: no code block in a language that has rules.
* ``ok``: every analyzable block was scanned by its regex rules and, where needed, its AST rules.
  If Python could not be parsed (a fragment, newer syntax, null bytes, too deep, over 2 MB) but
  the regex rules ran, the result is still ``ok`` and ``note`` says
  ``"python ast failed (<reason>); regex rules only"``.
* ``error``: some block could not be scanned at all (no regex rule applies and the AST failed, or
  the engine itself failed on it); findings from the other blocks are kept.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import re2

from auditor.analyzers import taint
from auditor.analyzers.lines import LineIndex, normalize_newlines
from auditor.analyzers.pyast import collect, parse
from auditor.analyzers.pyfragment import salvage
from auditor.analyzers.rulepack import (
    CallCheck,
    Rule,
    compile_line_regex,
    dotted_name,
    line_options,
    load_rules,
    normalise_language,
    rules_hash,
)
from auditor.analyzers.taintspec import TaintConfig, load_taint_config
from auditor.paths import RULES_DIR
from auditor.types import AnalysisResult, CodeBlock, Finding, Generation

__all__ = ["BuiltinAnalyzer", "load_rules", "MAX_AST_BYTES", "TAINT_FILE"]

#: Python blocks larger than this are not parsed (regex rules only, with a note).
MAX_AST_BYTES = 2_000_000
#: The taint data file, relative to the parent of the builtin rules folder.
TAINT_FILE = Path("taint") / "python.yaml"


@dataclass(frozen=True, slots=True)
class _LineRule:
    """A regex rule, compiled so that one search over a block never crosses a line."""

    rule: Rule
    pattern: re2._Regexp
    clears: tuple[re2._Regexp, ...]

    @classmethod
    def build(cls, rule: Rule) -> _LineRule:
        assert rule.regex is not None
        clears = tuple(compile_line_regex(p) for p in rule.regex.not_)
        return cls(rule, compile_line_regex(rule.regex.pattern), clears)

    def line_indexes(self, lines: LineIndex) -> Iterator[int]:
        """0-based indexes of the lines this rule flags."""
        return lines.matching_lines(self.pattern, self.clears)


@dataclass(frozen=True, slots=True)
class _TaintCheck:
    """A taint rule: its sink kind's bit; in the set, a needle of its sinks' names."""

    rule: Rule
    bit: int


@dataclass(frozen=True, slots=True)
class _SourceNeedle:
    """In the set, a needle any code using one taint source contains; ``mask``: the kinds it taints."""

    mask: int


_Target = _LineRule | CallCheck | _TaintCheck | _SourceNeedle


@dataclass
class _Pack:
    """Everything compiled for one language: the prefilter set and the rule indexes.

    Taint rules add one needle per sink kind, and each source adds one: a block needs the taint
    walk for a kind only if the set reports the kind's needle and that of a source tainting it.
    """

    language: str
    prefilter: re2.Set | None = None
    targets: list[_Target] = field(default_factory=list)
    has_regex: bool = False
    by_name: dict[str, list[CallCheck]] = field(default_factory=dict)
    by_attr: dict[str, list[CallCheck]] = field(default_factory=dict)
    taint: TaintConfig | None = None

    @classmethod
    def build(cls, language: str, rules: Sequence[Rule], taint_config: TaintConfig | None) -> _Pack:
        pack = cls(language)
        options = line_options()
        options.max_mem = 64 << 20  # a Set has no slow fallback: give its DFA room
        prefilter = re2.Set.SearchSet(options)
        for rule in rules:
            target: _Target
            if rule.regex is not None:
                target = _LineRule.build(rule)
                prefilter.Add("(?m)" + rule.regex.pattern)
                pack.has_regex = True
            elif rule.taint is not None:
                assert taint_config is not None
                pack.taint = taint_config
                target = _TaintCheck(rule, taint_config.bit(rule.taint.sink))
                prefilter.Add(taint_config.sink_needles[rule.taint.sink])
            else:
                assert rule.ast is not None
                target = CallCheck(rule, rule.ast)
                prefilter.Add(target.needle)
                for name in rule.ast.call:
                    index = pack.by_attr if name.startswith("*.") else pack.by_name
                    index.setdefault(name.removeprefix("*."), []).append(target)
            pack.targets.append(target)
        if pack.taint is not None:
            for needle, mask in pack.taint.source_needles:
                prefilter.Add(needle)
                pack.targets.append(_SourceNeedle(mask))
        if pack.targets:
            prefilter.Compile()
            pack.prefilter = prefilter
        return pack

    def candidates(self, data: bytes) -> list[_Target]:
        """Rules whose needle occurs; a taint rule only if a source of its kind occurs too."""
        if self.prefilter is None:
            return []
        found = [self.targets[i] for i in sorted(self.prefilter.Match(data) or ())]
        sources = 0
        for target in found:
            if isinstance(target, _SourceNeedle):
                sources |= target.mask
        return [t for t in found if not isinstance(t, _SourceNeedle)
                and (not isinstance(t, _TaintCheck) or t.bit & sources)]


@dataclass
class _BlockScan:
    findings: dict[tuple[str, int], Finding] = field(default_factory=dict)
    note: str | None = None
    error: str | None = None


class BuiltinAnalyzer:
    """RE2 line rules for every language plus one-pass Python AST call checks."""

    name: ClassVar[str] = "builtin"
    tier: ClassVar[str] = "fast"

    def __init__(
        self,
        rules_dir: Path = RULES_DIR / "builtin",
        languages: set[str] | None = None,
        taint_file: Path | None = None,
    ) -> None:
        """``taint_file`` (default ``<rules_dir>/../taint/python.yaml``) is read if a taint rule is loaded."""
        self.rules_dir = Path(rules_dir)
        self.rules: tuple[Rule, ...] = tuple(load_rules(self.rules_dir, languages))
        self._version = f"builtin {rules_hash(self.rules_dir)}"
        taint_config = None
        if any(rule.taint is not None for rule in self.rules):
            taint_config = load_taint_config(taint_file or self.rules_dir.parent / TAINT_FILE, self.rules)
            self._version += f" taint {taint_config.digest}"
        wanted = {normalise_language(n) for n in languages} if languages is not None else None
        by_language: dict[str, list[Rule]] = {}
        for rule in self.rules:
            for language in rule.languages:
                if wanted is None or language in wanted:
                    by_language.setdefault(language, []).append(rule)
        self._packs = {lang: _Pack.build(lang, rules, taint_config) for lang, rules in by_language.items()}

    @property
    def languages(self) -> set[str]:
        return set(self._packs)

    def version(self) -> str:
        return self._version

    def analyze(self, generations: Sequence[Generation]) -> list[AnalysisResult]:
        return [self._analyze_one(g) for g in generations]

    def _analyze_one(self, generation: Generation) -> AnalysisResult:
        work = [
            (i, self._packs[lang], block)
            for i, block in enumerate(generation.code_blocks)
            if (lang := normalise_language(block.language)) in self._packs
        ]
        if not work:
            return AnalysisResult(
                analyzer=self.name,
                attempt_id=generation.attempt_id,
                status="skipped",
                note="no code block in a language with builtin rules",
            )
        findings: list[Finding] = []
        notes: list[str] = []
        errors: list[str] = []
        prefix = len(generation.code_blocks) > 1
        for index, pack, block in work:
            try:
                scan = self._scan_block(pack, block, index, generation.attempt_id)
            except Exception as exc:  # one bad block never takes down the batch
                scan = _BlockScan(error=f"{type(exc).__name__}: {exc}")
            findings.extend(sorted(scan.findings.values(), key=lambda f: (f.line, f.rule_id)))
            label = f"block {index}: " if prefix else ""
            if scan.note:
                notes.append(label + scan.note)
            if scan.error:
                errors.append(label + scan.error)
        return AnalysisResult(
            analyzer=self.name,
            attempt_id=generation.attempt_id,
            findings=tuple(findings),
            status="error" if errors else "ok",
            error="; ".join(errors) or None,
            note="; ".join(notes) or None,
        )

    def _scan_block(self, pack: _Pack, block: CodeBlock, index: int, attempt_id: str) -> _BlockScan:
        code = normalize_newlines(block.code)
        data = code.encode("utf-8", "surrogatepass")
        lines = LineIndex(data)
        scan = _BlockScan()

        def add(rule: Rule, line_index: int, end_index: int) -> None:
            key = (rule.id, line_index + 1)
            if key not in scan.findings:
                scan.findings[key] = _finding(rule, line_index, end_index, lines, attempt_id, index)

        checks: list[CallCheck] = []
        taints: dict[str, Rule] = {}
        for target in pack.candidates(data):
            if isinstance(target, _LineRule):
                for line_index in target.line_indexes(lines):
                    add(target.rule, line_index, line_index)
            elif isinstance(target, _TaintCheck):
                assert target.rule.taint is not None
                taints[target.rule.taint.sink] = target.rule
            else:
                checks.append(target)
        if checks or taints:
            failure = _ast_failure(code, len(data))
            if failure is None:
                try:
                    scan.note = self._ast_rules(pack, parse(code), checks, taints, add)
                except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
                    failure = _reason(exc)
                    # a continuation fragment parses under def headers; else what tree-sitter recovers
                    fixed = salvage(code) if isinstance(exc, SyntaxError) else None
                    if fixed is not None:
                        source, shift, partial = fixed

                        def shifted(rule: Rule, first: int, last: int) -> None:
                            if first >= shift:
                                add(rule, first - shift, last - shift)

                        taint_note = self._ast_rules(pack, parse(source), checks, taints, shifted)
                        if partial is not None:
                            partial = partial.replace("python ast failed", f"python ast failed ({failure})", 1)
                            partial += " by the ast rules (regex rules ran on every line)"
                        scan.note = "; ".join(n for n in (partial, taint_note) if n) or None
                        failure = None
            if failure is not None:
                if not pack.has_regex:
                    scan.error = f"python ast failed ({failure}) and no regex rule applies"
                scan.note = f"python ast failed ({failure}); regex rules only"
        return scan

    @staticmethod
    def _ast_rules(pack: _Pack, tree: ast.Module, checks: list[CallCheck], taints: dict[str, Rule],
                   add: Callable[[Rule, int, int], None]) -> str | None:
        """Run the call and taint rules over one parsed block; a note if the taint walk gave up."""
        note = None
        walked: tuple[list[ast.Call], dict[str, str]] | None = None
        if taints and pack.taint is not None:
            want = sum(pack.taint.bit(kind) for kind in taints)
            try:
                result = taint.analyze(tree, pack.taint, want)
            except RecursionError:  # the walk recurses into expressions; collect() does not
                note = "taint analysis skipped (expression nested too deeply)"
            except taint.TaintTooLarge as exc:
                note = f"taint analysis skipped ({exc})"
            else:
                for hit in result.hits:
                    add(taints[hit.kind], hit.line - 1, hit.end_line - 1)
                walked = result.calls, result.aliases
        calls, aliases = walked if walked is not None else collect(tree)
        for check, node in _call_hits(pack, calls, aliases):
            end = node.end_lineno or node.lineno
            add(check.rule, node.lineno - 1, end - 1)
        return note


def _ast_failure(code: str, size: int) -> str | None:
    """Why ``code`` cannot be handed to ``ast.parse``, checked before trying."""
    if size > MAX_AST_BYTES:
        return f"input of {size} bytes is over the {MAX_AST_BYTES} byte limit"
    if "\0" in code:
        return "source contains null bytes"
    return None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, SyntaxError):
        return f"{exc.msg} at line {exc.lineno}" if exc.lineno else exc.msg
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__


def _finding(rule: Rule, line_index: int, end_index: int, lines: LineIndex, attempt_id: str, block: int) -> Finding:
    return rule.finding("builtin", line=line_index + 1, end_line=end_index + 1, snippet=lines.snippet(line_index),
                        attempt_id=attempt_id, block=block)


# ---------------------------------------------------------------------------------------------
# Python AST: calls (found by one walk, or by the taint walk) dispatched by callee name.


def _call_hits(
    pack: _Pack, calls: list[ast.Call], aliases: dict[str, str]
) -> Iterator[tuple[CallCheck, ast.Call]]:
    for call in calls:
        name = dotted_name(call.func, aliases)
        if name is not None and "." in name:
            attr: str | None = name.rsplit(".", 1)[1]
        else:
            attr = call.func.attr if isinstance(call.func, ast.Attribute) else None
        checks = pack.by_name.get(name, []) if name else []
        if attr is not None:
            checks = checks + pack.by_attr.get(attr, [])
        for check in checks:
            if check.matches(call, aliases):
                yield check, call
