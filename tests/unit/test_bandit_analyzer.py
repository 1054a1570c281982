"""BanditAnalyzer: bandit as a library on in-memory code, one result per generation, failures loud."""

from __future__ import annotations

import pytest

from auditor.analyzers.bandit import BanditAnalyzer
from auditor.types import CodeBlock, Confidence, Generation, Severity

YAML_AND_SHELL = """\
import subprocess
import yaml


def load(path):
    with open(path) as fh:
        return yaml.load(fh)


def run(cmd):
    return subprocess.run(cmd, shell=True, check=True)
"""


def _gen(attempt_id: str, *blocks: tuple[str | None, str]) -> Generation:
    return Generation(
        attempt_id=attempt_id,
        text="",
        code_blocks=tuple(CodeBlock(language=lang, code=code) for lang, code in blocks),
    )


@pytest.fixture(scope="module")
def analyzer() -> BanditAnalyzer:
    return BanditAnalyzer()


def test_findings_carry_lines_cwe_and_levels(analyzer: BanditAnalyzer) -> None:
    (result,) = analyzer.analyze([_gen("a1", ("python", YAML_AND_SHELL))])
    assert result.status == "ok" and result.analyzer == "bandit" and result.attempt_id == "a1"
    by_rule = {f.rule_id: f for f in result.findings}
    yaml_load = by_rule["B506"]
    assert (yaml_load.line, yaml_load.end_line) == (7, 7)
    assert yaml_load.snippet == "return yaml.load(fh)"
    assert yaml_load.cwe == 20 and yaml_load.severity is Severity.MEDIUM
    assert yaml_load.confidence is Confidence.HIGH
    shell = by_rule["B602"]
    assert shell.line == 11 and shell.snippet == "return subprocess.run(cmd, shell=True, check=True)"
    assert shell.cwe == 78 and shell.severity is Severity.HIGH
    assert shell.owasp == "A03:2021 - Injection"
    for finding in result.findings:
        assert finding.analyzer == "bandit" and finding.sources == ("bandit",)
        assert finding.attempt_id == "a1" and finding.block_index == 0


def test_lines_are_counted_within_each_block(analyzer: BanditAnalyzer) -> None:
    gen = _gen("a2", ("text", "pip install pyyaml"), ("py", "x = 1\n\nimport yaml\ny = yaml.load(data)\n"))
    (result,) = analyzer.analyze([gen])
    (finding,) = [f for f in result.findings if f.rule_id == "B506"]
    assert (finding.block_index, finding.line) == (1, 4)


def test_nosec_in_generated_code_does_not_hide_findings(analyzer: BanditAnalyzer) -> None:
    code = "import yaml\nconf = yaml.load(raw)  # nosec\n"
    (result,) = analyzer.analyze([_gen("a3", ("python", code))])
    assert [(f.rule_id, f.line) for f in result.findings] == [("B506", 2)]


def test_code_of_which_nothing_parses_is_an_error_result(analyzer: BanditAnalyzer) -> None:
    (result,) = analyzer.analyze([_gen("bad", ("python", "def broken(:\n"))])
    assert result.status == "error"
    assert result.error is not None and "syntax error at line 1" in result.error
    assert result.findings == ()


def test_cut_off_code_is_scanned_in_the_statements_that_parse(analyzer: BanditAnalyzer) -> None:
    # A response cut off by max_tokens: ast rejects the block, tree-sitter recovers the intact part.
    code = "import yaml\n\ndef load(raw):\n    return yaml.load(raw)\n\ndef later(x):\n    return f(x,\n"
    (result,) = analyzer.analyze([_gen("cut", ("python", code))])
    assert result.status == "ok"
    assert [(f.rule_id, f.line) for f in result.findings] == [("B506", 4)]
    assert result.note is not None and "block 0: python ast failed; 3 of 5 lines recovered" in result.note


def test_error_in_one_block_keeps_other_blocks_findings(analyzer: BanditAnalyzer) -> None:
    gen = _gen("mixed", ("python", "print('unterminated\n"), ("python", "import yaml\nyaml.load(s)\n"))
    (result,) = analyzer.analyze([gen])
    assert result.status == "error" and result.error is not None and result.error.startswith("block 0:")
    assert [(f.block_index, f.rule_id) for f in result.findings] == [(1, "B506")]


def test_non_python_generation_is_skipped(analyzer: BanditAnalyzer) -> None:
    gens = [
        _gen("js", ("javascript", "eval(location.hash)")),
        _gen("none"),
        _gen("unlabelled", (None, "eval(x)")),
    ]
    results = analyzer.analyze(gens)
    assert [r.status for r in results] == ["skipped", "skipped", "skipped"]
    assert all(r.note == "no python code block" and not r.findings for r in results)


def test_batch_order_is_kept(analyzer: BanditAnalyzer) -> None:
    gens = [
        _gen("g0", ("python", "import pickle\npickle.loads(blob)\n")),
        _gen("g1", ("go", "package main")),
        _gen("g2", ("python", "def f(:\n")),
        _gen("g3", ("python", "x = 1\n")),
        _gen("g4", ("python", "import hashlib\nhashlib.md5(b'x')\n")),
    ]
    results = analyzer.analyze(gens)
    assert [r.attempt_id for r in results] == ["g0", "g1", "g2", "g3", "g4"]
    assert [r.status for r in results] == ["ok", "skipped", "error", "ok", "ok"]
    assert {f.rule_id for f in results[0].findings} == {"B403", "B301"}
    assert results[3].findings == ()
    assert [f.line for f in results[4].findings if f.rule_id == "B324"] == [2]


def test_plugin_crash_is_an_error_not_clean(
    analyzer: BanditAnalyzer, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    def boom(context: object) -> None:
        raise RuntimeError("plugin exploded")

    boom._test_id = "B999"  # type: ignore[attr-defined]
    monkeypatch.setitem(analyzer._manager.b_ts.tests, "Call", [boom])
    (result,) = analyzer.analyze([_gen("crash", ("python", "print('hi')\n"))])
    assert result.status == "error"
    assert result.error is not None and "bandit error" in result.error and "boom" in result.error
    out, err = capfd.readouterr()
    assert "plugin exploded" not in out + err, "bandit's log must not reach the console"


def test_version_names_bandit(analyzer: BanditAnalyzer) -> None:
    import bandit

    assert analyzer.version() == f"bandit {bandit.__version__}"
    assert (BanditAnalyzer.name, BanditAnalyzer.tier) == ("bandit", "standard")


def test_continuation_fragment_is_analyzed_with_lines_of_the_fragment() -> None:
    """A `complete` probe's answer often starts inside a function body and goes on at top level."""
    from auditor.analyzers.bandit import BanditAnalyzer
    from auditor.types import CodeBlock, Generation

    fragment = (
        "    return subprocess.call(cmd, shell=True)\n"
        "\n"
        "\n"
        "def load(blob):\n"
        "    return pickle.loads(blob)\n"
    )
    result = BanditAnalyzer().analyze([Generation("f", "", (CodeBlock("python", fragment),))])[0]
    assert result.status == "ok", result.error
    lines = {(f.rule_id, f.line) for f in result.findings}
    assert ("B602", 1) in lines and ("B301", 5) in lines
