"""Every secrets rule against its annotated fixture, line by line, plus the rule schema.

Fixtures hold no token-shaped text: ``%%fake:<kind>%%`` markers are filled with random, format-valid
fakes at run time (:func:`~auditor.analyzers.secrets.expand_fakes`), so secret scanners never flag
the repository. A ``ruleid:`` line must be flagged by its rule, an ``ok:`` line must not, the rule
must flag nothing else, and no finding may show the value it found.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from auditor.analyzers.fixtures import EXTENSIONS, parse_annotations
from auditor.analyzers.malicious import fixture_blocks, load_rule_file
from auditor.analyzers.secrets import SecretRule, SecretsAnalyzer, expand_fakes, fake_secret
from auditor.paths import RULES_DIR
from auditor.types import Generation
from tests.rules.test_malicious_fixtures import line_problems

SECRETS = RULES_DIR / "secrets"
RULE_FILES = sorted(SECRETS.glob("*.yaml"))
LANGUAGE_OF = {ext: lang for lang, exts in EXTENSIONS.items() for ext in exts} | {"txt": "text"}
MARKER = re.compile(r"%%fake:([a-z0-9-]+)(?::([\w-]+))?%%")


@pytest.fixture(scope="module")
def analyzer() -> SecretsAnalyzer:
    return SecretsAnalyzer(SECRETS)


def _fixture(rule_file: Path) -> Path:
    found = [p for p in rule_file.parent.glob(rule_file.stem + ".*") if p.suffix != ".yaml"]
    assert len(found) == 1, f"{rule_file}: needs exactly one fixture beside it, found {found}"
    return found[0]


def test_rule_pack_is_broad() -> None:
    ids = {p.stem for p in RULE_FILES}
    needed = {
        "secret-private-key", "secret-aws-access-key-id", "secret-github-token", "secret-slack-token",
        "secret-stripe-live-key", "secret-google-api-key", "secret-openai-style-key", "secret-jwt",
        "secret-password-assignment", "secret-generic-assignment",
    }
    assert needed <= ids, f"missing: {sorted(needed - ids)}"


@pytest.mark.parametrize("rule_file", RULE_FILES, ids=lambda p: p.stem)
def test_fixture_lines(rule_file: Path, analyzer: SecretsAnalyzer) -> None:
    rule_id = rule_file.stem
    fixture = _fixture(rule_file)
    raw = fixture.read_text(encoding="utf-8")
    text = expand_fakes(raw)
    line_of = _line_map(raw)
    blocks = fixture_blocks(text, LANGUAGE_OF.get(fixture.suffix.lstrip("."), None))
    (result,) = analyzer.analyze([Generation(attempt_id=rule_id, text=text, code_blocks=blocks)])
    assert result.status == "ok", f"{rule_id}: {fixture}: status {result.status}: {result.error}"

    mine = [f for f in result.findings if f.rule_id == rule_id]
    flagged = {line_of[blocks[f.block_index].start_line + f.line - 1] for f in mine}
    problems = line_problems(rule_id, fixture, raw, flagged)
    assert not problems, "\n".join(problems)

    values = [fake_secret(kind, label or "") for kind, label in MARKER.findall(raw)]
    pieces = {p.strip() for v in values for p in v.splitlines() if len(p.strip()) >= 8 and "BEGIN" not in p}
    for f in result.findings:
        shown = f.message + "\n" + f.snippet
        leaked = [p for p in pieces if p[4:] and p[4:] in shown]
        assert not leaked, f"{rule_id}: {fixture}: finding at line {f.line} shows a secret: {shown!r}"


def _line_map(raw: str) -> dict[int, int]:
    """Line numbers of the expanded text -> line numbers of the raw fixture (a key body adds lines)."""
    mapping: dict[int, int] = {}
    expanded = 1
    for number, line in enumerate(raw.splitlines(), start=1):
        for _ in range(expand_fakes(line).count("\n") + 1):
            mapping[expanded] = number
            expanded += 1
    return mapping


@pytest.mark.parametrize("rule_file", RULE_FILES, ids=lambda p: p.stem)
def test_rule_schema(rule_file: Path) -> None:
    raw = yaml.safe_load(rule_file.read_text(encoding="utf-8"))
    assert isinstance(raw, dict) and "rules" not in raw, f"{rule_file}: one rule per file, as a mapping"
    rule = load_rule_file(rule_file, SecretRule, folder_is_language=False)
    assert rule.metadata.cwe_id == 798, f"{rule_file}: secrets rules are CWE-798"
    assert rule.metadata.owasp.startswith("A07:2021"), f"{rule_file}: owasp {rule.metadata.owasp!r}"
    assert all(ref.startswith("https://") for ref in rule.metadata.references)
    assert rule.message.strip().endswith("."), f"{rule_file}: message should be a sentence"
    text = _fixture(rule_file).read_text(encoding="utf-8")
    expectations = [e for e in parse_annotations(text) if e.rule_id == rule.id]
    bad = sum(e.flagged for e in expectations if not e.todo)
    ok = sum(not e.flagged for e in expectations if not e.todo)
    assert bad >= 1, f"{rule_file}: needs at least one ruleid: line"
    assert ok >= bad, f"{rule_file}: {ok} ok: lines for {bad} ruleid: lines; add look-alikes"


def test_raw_fixtures_hold_no_secret(analyzer: SecretsAnalyzer) -> None:
    """What is committed is clean: every token in a fixture comes from a marker."""
    for rule_file in RULE_FILES:
        fixture = _fixture(rule_file)
        raw = fixture.read_text(encoding="utf-8")
        blocks = fixture_blocks(raw, LANGUAGE_OF.get(fixture.suffix.lstrip("."), None))
        (result,) = analyzer.analyze([Generation(attempt_id="raw", text=raw, code_blocks=blocks)])
        assert [f.rule_id for f in result.findings] == [], f"{fixture}: holds a literal secret"


def test_fixture_annotations_name_existing_rules() -> None:
    known = {p.stem for p in RULE_FILES}
    for rule_file in RULE_FILES:
        for e in parse_annotations(_fixture(rule_file).read_text(encoding="utf-8")):
            assert e.rule_id in known, f"{_fixture(rule_file)}:{e.line}: unknown rule id {e.rule_id!r}"
