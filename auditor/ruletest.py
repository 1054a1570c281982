"""``auditor rules test``: every rule against its annotated fixture, line by line, for every pack.

A pack is ``rules/<analyzer>/<language>/<rule-id>.yaml`` (or ``rules/<analyzer>/<rule-id>.yaml``,
the language then coming from the fixture's extension) with a fixture beside it (same stem, any other
extension) annotated ``ruleid: <id>`` (the next line must be flagged by that rule) and ``ok: <id>``
(it must not); a rule must also flag nothing unannotated in its own fixture. A fixture may hold
several code blocks separated by ``=== block ===`` comment lines (the malicious pack's convention),
and the secrets pack's ``%%fake:<kind>%%`` markers are filled in before scanning (fixtures hold no
secret-shaped strings), line numbers mapped back to the file. Each analyzer runs once, over all its
fixtures, as an audit would.

The pytest suites under ``tests/rules/`` check the same thing; this is the command users run on
their own packs.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from auditor.analyzers import available, create
from auditor.analyzers.fixtures import EXTENSIONS, parse_annotations
from auditor.paths import RULES_DIR
from auditor.types import AnalysisResult, CodeBlock, Generation

__all__ = ["FixtureProblem", "FixtureReport", "check_packs", "PACKS"]

#: Analyzers whose rules live under ``rules/<name>/`` with annotated fixtures.
PACKS: tuple[str, ...] = ("builtin", "malicious", "secrets", "semgrep")
_SEPARATOR = re.compile(r"^\s*(?:#|//|--|;)\s*=+\s*block\s*=+\s*$")
_LANGUAGE_OF = {ext: lang for lang, exts in EXTENSIONS.items() for ext in exts}
_LANGUAGE_OF |= {"ps1": "powershell", "txt": "text"}
#: Packs whose fixtures hold placeholders, and the function that fills them in.
_EXPANDERS = {"secrets": ("auditor.analyzers.secrets", "expand_fakes")}


@dataclass(frozen=True, slots=True)
class FixtureProblem:
    analyzer: str
    rule_id: str
    fixture: Path
    line: int
    kind: str  # missed | flagged-ok | unannotated | error
    detail: str

    def __str__(self) -> str:
        what = {
            "missed": "should be flagged but was not",
            "flagged-ok": "is marked ok but was flagged",
            "unannotated": "flagged without a ruleid annotation",
            "error": "not analyzed",
        }[self.kind]
        return f"{self.analyzer}: {self.rule_id}: {self.fixture}:{self.line} {what}: {self.detail}"


@dataclass(frozen=True)
class FixtureReport:
    rules: int
    lines: int
    problems: list[FixtureProblem]


def _blocks(text: str, language: str | None) -> tuple[CodeBlock, ...]:
    """The fixture cut at ``=== block ===`` lines; ``start_line`` is each block's first file line."""
    blocks: list[CodeBlock] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(text.splitlines(), start=1):
        if _SEPARATOR.match(line):
            blocks.append(CodeBlock(language, "\n".join(current) + "\n", start))
            current, start = [], number + 1
        else:
            current.append(line)
    blocks.append(CodeBlock(language, "\n".join(current) + "\n", start))
    return tuple(b for b in blocks if b.code.strip())


def _fixture_of(rule_file: Path) -> Path | None:
    found = sorted(p for p in rule_file.parent.glob(rule_file.stem + ".*") if p.suffix != ".yaml")
    return found[0] if found else None


def _language(rule_file: Path, fixture: Path, pack: Path) -> str | None:
    if rule_file.parent != pack:
        return None if rule_file.parent.name == "any" else rule_file.parent.name
    return _LANGUAGE_OF.get(fixture.suffix.lstrip("."))


def _expander(analyzer: str) -> Callable[[str], str] | None:
    target = _EXPANDERS.get(analyzer)
    if target is None:
        return None
    return getattr(importlib.import_module(target[0]), target[1])  # type: ignore[no-any-return]


def _expand(raw: str, expand: Callable[[str], str] | None) -> tuple[str, dict[int, int]]:
    """The text to scan, and scanned line -> fixture line (a filled-in key body may add lines)."""
    if expand is None:
        return raw, {n: n for n in range(1, raw.count("\n") + 2)}
    mapping: dict[int, int] = {}
    scanned = 1
    for number, line in enumerate(raw.splitlines(), start=1):
        for _ in range(expand(line).count("\n") + 1):
            mapping[scanned] = number
            scanned += 1
    return expand(raw), mapping


def _compare(analyzer: str, rule_id: str, fixture: Path, case: tuple[Generation, dict[int, int]],
             result: AnalysisResult) -> tuple[int, list[FixtureProblem]]:
    text = fixture.read_text(encoding="utf-8")
    lines = text.splitlines()
    generation, line_of = case

    def source(n: int) -> str:
        return lines[n - 1].strip() if 0 < n <= len(lines) else ""

    if result.status == "error" or result.note:
        return 0, [FixtureProblem(analyzer, rule_id, fixture, 1, "error", result.error or result.note or "")]
    blocks = generation.code_blocks
    flagged = {
        line_of.get(blocks[f.block_index].start_line + f.line - 1, 0)
        for f in result.findings
        if f.rule_id == rule_id and f.block_index < len(blocks)
    }
    expectations = [e for e in parse_annotations(text) if e.rule_id == rule_id and not e.todo]
    problems = [FixtureProblem(analyzer, rule_id, fixture, e.line, "missed", source(e.line))
                for e in expectations if e.flagged and e.line not in flagged]
    problems += [FixtureProblem(analyzer, rule_id, fixture, e.line, "flagged-ok", source(e.line))
                 for e in expectations if not e.flagged and e.line in flagged]
    annotated = {e.line for e in expectations}  # a flagged ok: line is reported once, above
    problems += [FixtureProblem(analyzer, rule_id, fixture, n, "unannotated", source(n))
                 for n in sorted(flagged - annotated)]
    return len(expectations), problems


def check_pack(analyzer: str, rules_dir: Path) -> FixtureReport:
    """One analyzer's rules under ``rules_dir`` against their fixtures."""
    rule_files = sorted(rules_dir.glob("*/*.yaml")) + sorted(rules_dir.glob("*.yaml"))
    expand = _expander(analyzer)
    cases: list[tuple[str, Path, tuple[Generation, dict[int, int]]]] = []
    problems: list[FixtureProblem] = []
    for rule_file in rule_files:
        fixture = _fixture_of(rule_file)
        if fixture is None:
            problems.append(FixtureProblem(analyzer, rule_file.stem, rule_file, 1, "error", "no fixture"))
            continue
        text, line_of = _expand(fixture.read_text(encoding="utf-8"), expand)
        blocks = _blocks(text, _language(rule_file, fixture, rules_dir))
        cases.append((rule_file.stem, fixture, (Generation(rule_file.stem, text, blocks), line_of)))
    tool = create(analyzer, rules_dir=rules_dir)
    results = tool.analyze([case[0] for _, _, case in cases]) if cases else []
    checked = 0
    for (rule_id, fixture, case), result in zip(cases, results, strict=True):
        count, found = _compare(analyzer, rule_id, fixture, case, result)
        checked += count
        problems += found
    return FixtureReport(len(rule_files), checked, problems)


def check_packs(analyzers: Iterable[str] | None = None, rules_root: Path = RULES_DIR) -> FixtureReport:
    """Every pack of ``analyzers`` (default: each of :data:`PACKS` that is registered and has rules)."""
    registered = available()
    names: Sequence[str] = list(analyzers) if analyzers is not None else [
        n for n in PACKS if n in registered and (rules_root / n).is_dir()
    ]
    rules = lines = 0
    problems: list[FixtureProblem] = []
    for name in names:
        report = check_pack(name, rules_root / name)
        rules, lines, problems = rules + report.rules, lines + report.lines, problems + report.problems
    return FixtureReport(rules, lines, problems)
