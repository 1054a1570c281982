"""Every builtin rule against its annotated fixture, line by line, plus the rule-pack schema checks.

A ``ruleid: <id>`` line must be flagged by that rule, an ``ok: <id>`` line must not, and the rule
must flag nothing else in its fixture (``todoruleid`` / ``todook`` lines record known gaps).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from auditor.analyzers.builtin import BuiltinAnalyzer
from auditor.analyzers.fixtures import EXTENSIONS, find_fixture, parse_annotations
from auditor.analyzers.rulepack import load_rule, rule_files
from auditor.paths import RULES_DIR
from auditor.types import CodeBlock, Generation

BUILTIN = RULES_DIR / "builtin"
RULE_FILES = rule_files(BUILTIN)


@pytest.fixture(scope="module")
def analyzer() -> BuiltinAnalyzer:
    return BuiltinAnalyzer(BUILTIN)


def _fixture(rule_file: Path) -> Path:
    fixture = find_fixture(rule_file)
    assert fixture is not None, f"{rule_file}: no fixture beside it ({rule_file.stem}.<ext>)"
    return fixture


def test_rule_pack_is_not_empty() -> None:
    languages = {p.parent.name for p in RULE_FILES}
    assert {"python", "javascript"} <= languages, f"rule folders found: {sorted(languages)}"


@pytest.mark.parametrize("rule_file", RULE_FILES, ids=lambda p: p.stem)
def test_fixture_lines(rule_file: Path, analyzer: BuiltinAnalyzer) -> None:
    rule_id = rule_file.stem
    fixture = _fixture(rule_file)
    text = fixture.read_text(encoding="utf-8")
    block = CodeBlock(language=rule_file.parent.name, code=text)
    (result,) = analyzer.analyze([Generation(attempt_id=rule_id, text=text, code_blocks=(block,))])
    assert result.status == "ok", f"{rule_id}: {fixture}: status {result.status}: {result.error}"
    assert result.note is None, f"{rule_id}: {fixture}: every fixture must parse fully: {result.note}"

    flagged = {f.line for f in result.findings if f.rule_id == rule_id}
    lines = text.splitlines()
    expectations = [e for e in parse_annotations(text) if e.rule_id == rule_id]
    problems: list[str] = []
    for e in expectations:
        if e.todo:
            continue
        if e.flagged and e.line not in flagged:
            problems.append(f"{rule_id}: {fixture}:{e.line} should be flagged but was not: {lines[e.line - 1].strip()}")
        if not e.flagged and e.line in flagged:
            problems.append(f"{rule_id}: {fixture}:{e.line} is marked ok but was flagged: {lines[e.line - 1].strip()}")
    annotated = {e.line for e in expectations if e.flagged}
    for line in sorted(flagged - annotated):
        problems.append(f"{rule_id}: {fixture}:{line} flagged without a ruleid annotation: {lines[line - 1].strip()}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("rule_file", RULE_FILES, ids=lambda p: p.stem)
def test_rule_schema(rule_file: Path) -> None:
    raw = yaml.safe_load(rule_file.read_text(encoding="utf-8"))
    assert isinstance(raw, dict) and "rules" not in raw, f"{rule_file}: one rule per file, as a mapping"
    rule = load_rule(rule_file)
    assert rule.id == rule_file.stem, f"{rule_file}: id {rule.id!r} differs from the file name"
    assert rule_file.parent.name in rule.languages, f"{rule_file}: not listed for its folder's language"
    meta = rule.metadata
    assert 1 <= meta.cwe_id < 2000, f"{rule_file}: metadata.cwe {meta.cwe!r}"
    assert meta.owasp.startswith("A") and ":20" in meta.owasp, f"{rule_file}: metadata.owasp {meta.owasp!r}"
    assert all(ref.startswith("https://") for ref in meta.references), f"{rule_file}: references must be https URLs"
    assert rule.message.strip().endswith("."), f"{rule_file}: message should be a sentence"

    fixture = _fixture(rule_file)
    assert fixture.suffix.lstrip(".") in EXTENSIONS[rule_file.parent.name], f"{fixture}: wrong extension"
    expectations = [e for e in parse_annotations(fixture.read_text(encoding="utf-8")) if e.rule_id == rule.id]
    bad = sum(1 for e in expectations if e.flagged and not e.todo)
    ok = sum(1 for e in expectations if not e.flagged and not e.todo)
    assert bad >= 1, f"{fixture}: needs at least one '# ruleid: {rule.id}' line"
    assert ok >= bad, f"{fixture}: {ok} ok: lines for {bad} ruleid: lines; add safe look-alikes"


def test_fixture_annotations_name_existing_rules() -> None:
    known = {p.stem for p in RULE_FILES}
    unknown = []
    for rule_file in RULE_FILES:
        fixture = _fixture(rule_file)
        for e in parse_annotations(fixture.read_text(encoding="utf-8")):
            if e.rule_id not in known:
                unknown.append(f"{fixture}:{e.line}: unknown rule id {e.rule_id!r}")
    assert not unknown, "\n".join(unknown)
