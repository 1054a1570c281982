"""The builtin rule engine: alias resolution, fallbacks, hostile input and rule-file validation."""

from __future__ import annotations

import textwrap
import warnings
from pathlib import Path

import pytest

from auditor.analyzers import builtin as builtin_module
from auditor.analyzers.builtin import MAX_AST_BYTES, BuiltinAnalyzer
from auditor.analyzers.rulepack import load_rules, normalise_language
from auditor.errors import InputError
from auditor.types import AnalysisResult, CodeBlock, Confidence, Generation, Severity

META = """\
metadata:
  cwe: "CWE-78: OS Command Injection"
  owasp: "A03:2021 - Injection"
  category: security
  confidence: HIGH
  likelihood: LOW
  impact: LOW
  references: [https://cwe.mitre.org/data/definitions/78.html]
"""


@pytest.fixture(scope="module")
def analyzer() -> BuiltinAnalyzer:
    return BuiltinAnalyzer()


def run(analyzer: BuiltinAnalyzer, code: str, language: str | None = "python") -> AnalysisResult:
    gen = Generation(attempt_id="a1", text=code, code_blocks=(CodeBlock(language=language, code=code),))
    (result,) = analyzer.analyze([gen])
    return result


def hits(result: AnalysisResult) -> set[tuple[str, int]]:
    return {(f.rule_id, f.line) for f in result.findings}


def write_rule(folder: Path, language: str, rule_id: str, body: str, meta: str = META) -> Path:
    path = folder / language / f"{rule_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"id: {rule_id}\nmessage: A test rule.\nlanguages: [{language}]\nseverity: low\n{body}{meta}")
    return path


# --- Python AST rules -------------------------------------------------------------------------


def test_import_aliases_are_resolved(analyzer: BuiltinAnalyzer) -> None:
    code = textwrap.dedent(
        """\
        import yaml as y
        from yaml import load as read_yaml
        from subprocess import run
        import subprocess as sp

        a = y.load(stream)
        b = read_yaml(stream)
        run(cmd, shell=True)
        sp.Popen(cmd, shell=True)
        c = y.safe_load(stream)
        """
    )
    result = run(analyzer, code)
    assert result.status == "ok" and result.note is None
    assert {("py-yaml-unsafe-load", 6), ("py-yaml-unsafe-load", 7)} <= hits(result)
    assert {("py-subprocess-shell-true", 8), ("py-subprocess-shell-true", 9)} <= hits(result)
    assert ("py-yaml-unsafe-load", 10) not in hits(result)


def test_import_after_use_still_resolves(analyzer: BuiltinAnalyzer) -> None:
    code = "def f(s):\n    return L(s)\n\nfrom yaml import load as L\n"
    assert ("py-yaml-unsafe-load", 2) in hits(run(analyzer, code))


def test_wildcard_receiver_matches_any_object(analyzer: BuiltinAnalyzer) -> None:
    code = 'get_conn().execute(f"SELECT * FROM t WHERE id = {uid}")\nself.db.cur.execute("SELECT 1")\n'
    result = run(analyzer, code)
    assert ("py-sql-formatted-execute", 1) in hits(result)
    assert ("py-sql-formatted-execute", 2) not in hits(result)


def test_finding_fields(analyzer: BuiltinAnalyzer) -> None:
    code = "import subprocess\n\nsubprocess.run(\n    cmd,\n    shell=True,\n)\n"
    (finding,) = [f for f in run(analyzer, code).findings if f.rule_id == "py-subprocess-shell-true"]
    assert finding.analyzer == "builtin" and finding.sources == ("builtin",)
    assert (finding.line, finding.end_line) == (3, 6)
    assert finding.snippet == "subprocess.run("
    assert finding.severity is Severity.HIGH and finding.confidence is Confidence.HIGH
    assert finding.cwe == 78 and finding.owasp == "A03:2021 - Injection"
    assert finding.attempt_id == "a1" and finding.block_index == 0


# --- fallbacks and status ---------------------------------------------------------------------


def test_unparseable_python_keeps_the_ast_rules_on_what_tree_sitter_recovers(analyzer: BuiltinAnalyzer) -> None:
    code = "import yaml\n\ndef handler(req):\n    data = yaml.load(req.body)\n    os.chmod(path, 0o777)\n}\n"
    result = run(analyzer, code)
    assert result.status == "ok"
    assert result.note == ("python ast failed (unmatched '}' at line 6); 4 of 5 lines recovered with tree-sitter and "
                           "parsed, the rest skipped by the ast rules (regex rules ran on every line)")
    assert {("py-chmod-777", 5), ("py-yaml-unsafe-load", 4)} <= hits(result)


def test_unparseable_python_with_nothing_recoverable_falls_back_to_regex(analyzer: BuiltinAnalyzer) -> None:
    code = "data = yaml.load(req.body) }\nos.chmod(path, 0o777) }\n"
    result = run(analyzer, code)
    assert result.status == "ok"
    assert result.note is not None
    assert result.note.startswith("python ast failed (") and result.note.endswith("); regex rules only")
    assert ("py-chmod-777", 2) in hits(result)
    assert all(f.rule_id != "py-yaml-unsafe-load" for f in result.findings)


def test_nothing_scannable_is_an_error(tmp_path: Path) -> None:
    write_rule(tmp_path, "python", "only-ast", "ast:\n  call: [os.system]\n")
    result = run(BuiltinAnalyzer(tmp_path), "os.system(cmd) }\n")
    assert result.status == "error"
    assert result.error is not None and "python ast failed" in result.error


def test_no_needle_means_no_parse_and_no_note(analyzer: BuiltinAnalyzer) -> None:
    # None of the AST rules' call names occur, so a fragment is fully covered by the regex rules.
    result = run(analyzer, "x = {\n")
    assert result.status == "ok" and result.note is None and result.findings == ()


def test_skipped_without_analyzable_blocks(analyzer: BuiltinAnalyzer) -> None:
    none = Generation(attempt_id="n", text="I cannot help with that.")
    haskell = Generation(attempt_id="h", text="", code_blocks=(CodeBlock("haskell", "main = pure ()"),))
    unknown = Generation(attempt_id="u", text="", code_blocks=(CodeBlock(None, "os.system(x)"),))
    results = analyzer.analyze([none, haskell, unknown])
    assert [r.status for r in results] == ["skipped", "skipped", "skipped"]
    assert [r.attempt_id for r in results] == ["n", "h", "u"]


@pytest.mark.parametrize(("name", "expected"), [("py", "python"), ("Python3", "python"), ("node", "javascript"),
                                                ("TS", "typescript"), ("c#", "csharp"), ("golang", "go"), ("", None)])
def test_language_names_are_normalised(name: str, expected: str | None) -> None:
    assert normalise_language(name) == expected


def test_language_aliases_reach_the_rules(analyzer: BuiltinAnalyzer) -> None:
    assert ("js-eval", 1) in hits(run(analyzer, "eval(userInput);\n", language="node"))
    assert ("js-eval", 1) in hits(run(analyzer, "eval(userInput);\n", language="ts"))
    assert ("py-chmod-777", 1) in hits(run(analyzer, "os.chmod(p, 0o777)\n", language="py"))


def test_multiple_blocks_keep_their_index_and_label_notes(analyzer: BuiltinAnalyzer) -> None:
    blocks = (
        CodeBlock("python", "x = 1\n"),
        CodeBlock("javascript", "el.innerHTML = msg;\n"),
        CodeBlock("python", "yaml.load(s) }\n"),
    )
    (result,) = analyzer.analyze([Generation(attempt_id="m", text="", code_blocks=blocks)])
    assert [(f.rule_id, f.block_index, f.line) for f in result.findings] == [("js-innerhtml-assign", 1, 1)]
    assert result.note is not None and result.note.startswith("block 2: python ast failed (")


def test_engine_failure_on_one_block_is_an_error_not_clean(
    analyzer: BuiltinAnalyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object) -> None:
        raise RuntimeError("simulated")

    monkeypatch.setattr(BuiltinAnalyzer, "_scan_block", boom)
    ok_gen = Generation(attempt_id="e", text="", code_blocks=(CodeBlock("python", "x = 1\n"),))
    (result,) = analyzer.analyze([ok_gen])
    assert result.status == "error" and result.error == "RuntimeError: simulated"


def test_line_numbers_with_crlf_and_no_cross_line_matches(tmp_path: Path) -> None:
    write_rule(tmp_path, "python", "a-then-b", "regex:\n  pattern: 'alpha\\s*beta'\n")
    engine = BuiltinAnalyzer(tmp_path)
    assert hits(run(engine, "x\r\ny\r\nalpha beta\r\n")) == {("a-then-b", 3)}
    assert hits(run(engine, "alpha\nbeta\n")) == set()


# --- hostile input ----------------------------------------------------------------------------


def test_megabyte_pathological_lines_return(analyzer: BuiltinAnalyzer) -> None:
    long_line = "password = '" + "a" * 1_000_000 + "'\n"
    nested = "x = " + "(" * 200_000 + "\n"
    evals = "eval(x);" * 150_000 + "\n"
    py = run(analyzer, long_line + nested + "os.chmod(p, 0o777)\n" + "yaml.load(s)\n")
    assert py.status == "ok" and ("py-chmod-777", 3) in hits(py)
    assert ("py-hardcoded-password", 1) in hits(py)
    js = run(analyzer, evals + "x".join(["a"] * 500_000) + "\n", language="javascript")
    assert js.status == "ok" and hits(js) == {("js-eval", 1)}


def test_oversized_python_is_not_parsed(analyzer: BuiltinAnalyzer) -> None:
    filler = ("y = 1\n" * (MAX_AST_BYTES // 6 + 10))
    result = run(analyzer, filler + "yaml.load(s)\nos.chmod(p, 0o777)\n")
    lines = filler.count("\n")
    assert result.status == "ok" and ("py-chmod-777", lines + 2) in hits(result)
    assert result.note is not None and "byte limit" in result.note


@pytest.mark.parametrize(
    "prefix",
    ["x = 1\0\n", "x = " + "-" * 100_000 + "1\n", "x = " + "+".join(["a"] * 50_000) + "\n", "s = '\ud800'\n"],
    ids=["null-byte", "deep-unary", "deep-binop", "lone-surrogate"],
)
def test_parser_failures_fall_back(analyzer: BuiltinAnalyzer, prefix: str) -> None:
    result = run(analyzer, prefix + "yaml.load(s)\nos.chmod(p, 0o777)\n")
    assert result.status == "ok"
    assert result.note is not None and "regex rules only" in result.note
    assert ("py-chmod-777", 3) in hits(result)


# --- rule files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ("regex:\n  pattern: 'a(?=b)'\n", "regex.pattern"),
        ("regex:\n  pattern: 'ok'\n  not: ['(unclosed']\n", "regex.not"),
        ("regex:\n  pattern: '\\Astart'\n", "regex.pattern"),
        ("regex:\n  pattern: 'x*'\n", "regex.pattern"),
        ("regex:\n  pattern: 'x'\n  flags: [i]\n", "regex.flags"),
        ("regex:\n  pattern: 'x'\nast:\n  call: [eval]\n", "rule"),
        ("ast:\n  call: ['not a name']\n", "ast.call"),
        ("ast:\n  call: [eval]\n  arg: {0: sometimes}\n", "ast.arg"),
        ("regex:\n  pattern: 'x'\nextra: 1\n", "extra"),
    ],
    ids=["lookahead", "bad-not", "whole-text-anchor", "empty-match", "unknown-key", "two-kinds",
         "bad-call", "bad-arg-shape", "unknown-top-key"],
)
def test_bad_rule_file_names_file_and_field(tmp_path: Path, body: str, field: str) -> None:
    path = write_rule(tmp_path, "python", "broken-rule", body)
    with pytest.raises(InputError) as caught:
        BuiltinAnalyzer(tmp_path)
    assert caught.value.path == str(path)
    assert f"field '{field}" in str(caught.value) and "broken-rule.yaml" in str(caught.value)


def test_rule_file_checks_id_folder_metadata_and_yaml(tmp_path: Path) -> None:
    path = write_rule(tmp_path, "python", "good-rule", "regex:\n  pattern: 'x'\n")
    path.rename(path.with_name("renamed.yaml"))
    with pytest.raises(InputError, match=r"renamed\.yaml: field 'id'"):
        load_rules(tmp_path)
    (tmp_path / "python" / "renamed.yaml").unlink()

    write_rule(tmp_path, "javascript", "js-ast", "ast:\n  call: [eval]\n")
    with pytest.raises(InputError, match=r"js-ast\.yaml: field 'rule'.*Python only"):
        load_rules(tmp_path)
    (tmp_path / "javascript" / "js-ast.yaml").unlink()

    write_rule(tmp_path, "python", "no-meta", "regex:\n  pattern: 'x'\n", meta="metadata: {cwe: 'CWE-1: x'}\n")
    with pytest.raises(InputError, match=r"no-meta\.yaml: field 'metadata\.owasp'"):
        load_rules(tmp_path)
    (tmp_path / "python" / "no-meta.yaml").write_text("id: no-meta\nmessage: [unclosed\n")
    with pytest.raises(InputError, match=r"no-meta\.yaml:\d+: not valid YAML"):
        load_rules(tmp_path)


def test_version_tracks_rule_content_and_language_filter(tmp_path: Path) -> None:
    path = write_rule(tmp_path, "python", "r-one", "regex:\n  pattern: 'x'\n")
    write_rule(tmp_path, "javascript", "r-two", "regex:\n  pattern: 'y'\n")
    first = BuiltinAnalyzer(tmp_path)
    assert first.version().startswith("builtin ") and first.version() == BuiltinAnalyzer(tmp_path).version()
    assert first.languages == {"python", "javascript"}
    only_js = BuiltinAnalyzer(tmp_path, languages={"js"})
    assert [r.id for r in only_js.rules] == ["r-two"] and only_js.languages == {"javascript"}
    assert run(only_js, "x\n").status == "skipped"
    path.write_text(path.read_text().replace("'x'", "'xx'"))
    assert BuiltinAnalyzer(tmp_path).version() != first.version()


def test_bundled_rules_load(analyzer: BuiltinAnalyzer) -> None:
    ids = {r.id for r in analyzer.rules}
    assert {"py-yaml-unsafe-load", "py-sql-formatted-execute", "js-eval"} <= ids
    assert builtin_module.load_rules is load_rules


def test_parse_warnings_never_turn_into_a_fallback(analyzer: BuiltinAnalyzer) -> None:
    code = 'pattern = "\\d+"\ndata = yaml.load(stream)\n'
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = run(analyzer, code)
    assert result.note is None and ("py-yaml-unsafe-load", 2) in hits(result)


def test_continuation_fragment_gets_ast_rules_on_its_own_lines() -> None:
    from auditor.analyzers.builtin import BuiltinAnalyzer
    from auditor.types import CodeBlock, Generation

    fragment = "        data = yaml.load(body)\n    return data\n\n\ndef other():\n    return pickle.loads(x)\n"
    result = BuiltinAnalyzer().analyze([Generation("f", "", (CodeBlock("python", fragment),))])[0]
    assert result.status == "ok" and result.note is None
    lines = {(f.rule_id, f.line) for f in result.findings}
    assert ("py-yaml-unsafe-load", 1) in lines and ("py-pickle-loads", 6) in lines
