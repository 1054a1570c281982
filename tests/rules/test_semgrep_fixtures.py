"""Every semgrep rule against its annotated fixture, line by line, plus the rule-file checks.

All fixtures go through the SemgrepAnalyzer in one batch (one semgrep process per language), as an
audit would run them. A ``ruleid: <id>`` line must be flagged by that rule, an ``ok: <id>`` line must
not, and the rule must flag nothing unannotated in its own fixture.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from auditor.analyzers.fixtures import EXTENSIONS, find_fixture, parse_annotations
from auditor.analyzers.levels import normalize_owasp, parse_cwes
from auditor.analyzers.semgrep import LANGUAGES, SemgrepAnalyzer
from auditor.paths import RULES_DIR
from auditor.types import AnalysisResult, CodeBlock, Generation

SEMGREP = RULES_DIR / "semgrep"
RULE_FILES = sorted(SEMGREP.glob("*/*.yaml"))
RULE_IDS = [p.stem for p in RULE_FILES]
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # no dots: semgrep prefixes ids with the folder path
_LEVELS = {"LOW", "MEDIUM", "HIGH"}
_SEVERITIES = {"INFO", "WARNING", "ERROR", "LOW", "MEDIUM", "HIGH", "CRITICAL"}


def _rule_file(rule_id: str) -> Path:
    (path,) = [p for p in RULE_FILES if p.stem == rule_id]
    return path


@pytest.fixture(scope="module")
def results() -> dict[str, AnalysisResult]:
    """Each rule's fixture analyzed as one generation, the whole pack in a single batch."""
    generations = []
    for rule_file in RULE_FILES:
        fixture = find_fixture(rule_file)
        if fixture is None:
            continue  # reported by test_rule_file
        text = fixture.read_text(encoding="utf-8")
        block = CodeBlock(language=rule_file.parent.name, code=text)
        generations.append(Generation(attempt_id=rule_file.stem, text=text, code_blocks=(block,)))
    return {r.attempt_id: r for r in SemgrepAnalyzer(SEMGREP).analyze(generations)}


def test_rule_pack_covers_python_and_javascript() -> None:
    languages = {p.parent.name for p in RULE_FILES}
    assert {"python", "javascript"} <= languages, f"rule folders found: {sorted(languages)}"
    assert languages <= set(LANGUAGES), f"rule folders semgrep.py does not map: {languages - set(LANGUAGES)}"


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_fixture_lines(rule_id: str, results: dict[str, AnalysisResult]) -> None:
    rule_file = _rule_file(rule_id)
    fixture = find_fixture(rule_file)
    assert fixture is not None, f"{rule_file}: no fixture beside it"
    result = results[rule_id]
    assert result.status == "ok", f"{rule_id}: {fixture}: status {result.status}: {result.error}"
    assert result.note is None, f"{rule_id}: {fixture}: semgrep did not parse it fully: {result.note}"

    text = fixture.read_text(encoding="utf-8")
    lines = text.splitlines()
    flagged = {f.line for f in result.findings if f.rule_id == rule_id}
    expectations = [e for e in parse_annotations(text) if e.rule_id == rule_id and not e.todo]
    problems = []
    for e in expectations:
        source = lines[e.line - 1].strip()
        if e.flagged and e.line not in flagged:
            problems.append(f"{rule_id}: {fixture}:{e.line} should be flagged but was not: {source}")
        if not e.flagged and e.line in flagged:
            problems.append(f"{rule_id}: {fixture}:{e.line} is marked ok but was flagged: {source}")
    annotated = {e.line for e in expectations if e.flagged}
    for line in sorted(flagged - annotated):
        source = lines[line - 1].strip()
        problems.append(f"{rule_id}: {fixture}:{line} flagged without a ruleid annotation: {source}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_file(rule_id: str) -> None:
    rule_file = _rule_file(rule_id)
    raw = yaml.safe_load(rule_file.read_text(encoding="utf-8"))
    assert isinstance(raw, dict) and isinstance(raw.get("rules"), list), f"{rule_file}: needs a 'rules' list"
    assert len(raw["rules"]) == 1, f"{rule_file}: one rule per file, found {len(raw['rules'])}"
    rule = raw["rules"][0]
    assert rule.get("id") == rule_file.stem, f"{rule_file}: id {rule.get('id')!r} differs from the file name"
    assert _ID.match(rule["id"]), f"{rule_file}: id must be lower-case letters, digits and dashes"
    languages = rule.get("languages", [])
    assert rule_file.parent.name in languages, f"{rule_file}: not listed for its folder's language"
    assert rule.get("severity") in _SEVERITIES, f"{rule_file}: severity {rule.get('severity')!r}"
    assert str(rule.get("message", "")).strip().endswith("."), f"{rule_file}: message should be a sentence"

    meta = rule.get("metadata") or {}
    assert meta.get("category") == "security", f"{rule_file}: metadata.category must be 'security'"
    cwes = meta.get("cwe") if isinstance(meta.get("cwe"), list) else [meta.get("cwe")]
    labelled = all(isinstance(c, str) and re.match(r"CWE-\d+: \S", c) for c in cwes)
    assert labelled, f"{rule_file}: metadata.cwe {cwes!r} (want 'CWE-<n>: <title>')"
    assert parse_cwes(cwes), f"{rule_file}: no CWE number in metadata.cwe"
    assert normalize_owasp(meta.get("owasp")), f"{rule_file}: metadata.owasp {meta.get('owasp')!r}"
    for key in ("confidence", "likelihood", "impact"):
        assert meta.get(key) in _LEVELS, f"{rule_file}: metadata.{key} must be one of {sorted(_LEVELS)}"
    refs = meta.get("references") or []
    https = refs and all(str(r).startswith("https://") for r in refs)
    assert https, f"{rule_file}: references must be https URLs"

    fixture = find_fixture(rule_file)
    assert fixture is not None, f"{rule_file}: no fixture beside it ({rule_file.stem}.<ext>)"
    assert fixture.suffix.lstrip(".") in EXTENSIONS[rule_file.parent.name], f"{fixture}: wrong extension"
    expectations = [e for e in parse_annotations(fixture.read_text(encoding="utf-8")) if e.rule_id == rule_id]
    bad = sum(1 for e in expectations if e.flagged and not e.todo)
    ok = sum(1 for e in expectations if not e.flagged and not e.todo)
    assert bad >= 1, f"{fixture}: needs at least one 'ruleid: {rule_id}' line"
    assert ok >= bad, f"{fixture}: {ok} ok: lines for {bad} ruleid: lines; add safe look-alikes"


def test_fixture_annotations_name_existing_rules() -> None:
    known = set(RULE_IDS)
    unknown = []
    for rule_file in RULE_FILES:
        fixture = find_fixture(rule_file)
        if fixture is None:
            continue
        for e in parse_annotations(fixture.read_text(encoding="utf-8")):
            if e.rule_id not in known:
                unknown.append(f"{fixture}:{e.line}: unknown rule id {e.rule_id!r}")
    assert not unknown, "\n".join(unknown)
