"""rules eval: corpus loading, the flagged/clean/error/skipped outcome, the scores, and the shipped corpus."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

import auditor.analyzers as registry
from auditor.errors import InputError
from auditor.evaluation import (
    Sample,
    default_combinations,
    evaluate,
    load_corpus,
    outcome,
    related_cwes,
    render,
    score,
)
from auditor.types import AnalysisResult, Confidence, Finding, Generation, Severity

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "detection"


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _rec(i: int, label: str = "insecure", **kw: object) -> dict[str, object]:
    return {"id": f"s{i}", "language": "py", "code": f"x = {i}\n", "label": label, **kw}


# --- loading ------------------------------------------------------------------------------------------


def test_load_corpus_reads_files_and_folders(tmp_path: Path) -> None:
    _write(tmp_path / "a.jsonl", [_rec(1, cwe=89), _rec(2, "secure", cwe=89)])
    _write(tmp_path / "b.jsonl", [_rec(3, "secure")])
    samples = load_corpus(tmp_path)
    assert [(s.id, s.language, s.label, s.cwe) for s in samples] == [
        ("s1", "python", "insecure", 89), ("s2", "python", "secure", 89), ("s3", "python", "secure", None)]
    assert load_corpus(tmp_path / "b.jsonl")[0].id == "s3"


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "a", "language": "python", "code": "x", "label": "bad"}, "label must be"),
        ({"id": "a", "language": "python", "label": "secure"}, "code"),
        ({"id": "a", "language": "python", "code": "x", "label": "secure", "cwe": "89"}, "cwe must be"),
        ({"id": "a", "language": "python", "code": "x", "label": "secure", "cwe": True}, "cwe must be"),
    ],
)
def test_load_corpus_rejects_bad_records_with_file_and_line(
    tmp_path: Path, record: dict, message: str
) -> None:
    path = _write(tmp_path / "c.jsonl", [_rec(1), record])
    with pytest.raises(InputError) as info:
        load_corpus(path)
    assert message in str(info.value) and "c.jsonl" in str(info.value) and "2" in str(info.value)


def test_load_corpus_rejects_duplicate_ids(tmp_path: Path) -> None:
    _write(tmp_path / "a.jsonl", [_rec(1)])
    _write(tmp_path / "b.jsonl", [_rec(1, "secure")])
    with pytest.raises(InputError, match="duplicate id 's1'"):
        load_corpus(tmp_path)


# --- outcome ------------------------------------------------------------------------------------------


def _finding(severity: Severity, cwe: int | None, analyzer: str = "a") -> Finding:
    return Finding(rule_id="r", analyzer=analyzer, message="m", severity=severity, confidence=Confidence.HIGH,
                   cwe=cwe, attempt_id="s")


def _result(status: str = "ok", *findings: Finding, analyzer: str = "a") -> AnalysisResult:
    error = "boom" if status == "error" else None
    return AnalysisResult(analyzer, "s", findings, status, error)  # type: ignore[arg-type]


SAMPLE = Sample("s", "python", "x", "insecure", 798)


def test_outcome_flags_from_medium_up_and_by_cwe_family() -> None:
    assert outcome(SAMPLE, [_result("ok", _finding(Severity.LOW, 798))]) == "clean"
    assert outcome(SAMPLE, [_result("ok", _finding(Severity.MEDIUM, 78))]) == "flagged"
    # per CWE: only the label's family counts; bandit's CWE-259 is a hard-coded credential too
    assert outcome(SAMPLE, [_result("ok", _finding(Severity.HIGH, 78))], cwe=798) == "clean"
    assert outcome(SAMPLE, [_result("ok", _finding(Severity.HIGH, 259))], cwe=798) == "flagged"
    assert outcome(SAMPLE, [_result("ok", _finding(Severity.HIGH, None))], cwe=798) == "clean"


def test_outcome_error_is_never_clean_and_skips_need_every_analyzer() -> None:
    flagged = _result("ok", _finding(Severity.HIGH, 798))
    assert outcome(SAMPLE, [flagged, _result("error", analyzer="b")]) == "error"
    assert outcome(SAMPLE, [_result("skipped"), _result("skipped", analyzer="b")]) == "skipped"
    assert outcome(SAMPLE, [_result("skipped"), _result("ok", analyzer="b")]) == "clean"


def test_related_cwes_are_symmetric_families() -> None:
    assert {259, 798, 321} <= related_cwes(798) and 798 in related_cwes(259)
    assert 78 not in related_cwes(89)
    assert related_cwes(12345) == {12345}


# --- scores -------------------------------------------------------------------------------------------


def test_score_counts_by_hand() -> None:
    labels = ["insecure"] * 4 + ["secure"] * 5
    outcomes = ["flagged", "flagged", "clean", "error", "flagged", "clean", "clean", "clean", "skipped"]
    row = score("c", "all", "all", labels, outcomes)  # type: ignore[arg-type]
    assert (row.tp, row.fn, row.fp, row.tn, row.errors, row.skipped, row.n) == (2, 1, 1, 3, 1, 1, 7)
    assert row.tpr == pytest.approx(0.6667, abs=1e-4)
    assert row.fpr == 0.25
    assert row.precision == pytest.approx(0.6667, abs=1e-4)
    assert row.youden == pytest.approx(0.4167, abs=1e-4)


def test_score_without_negatives_or_flags_reports_none_not_zero() -> None:
    row = score("c", "cwe", "CWE-1", ["insecure", "insecure"], ["clean", "clean"])
    assert (row.tpr, row.fpr, row.precision, row.youden) == (0.0, None, None, None)
    empty = score("c", "language", "x", ["secure"], ["skipped"])
    assert (empty.n, empty.skipped, empty.tpr) == (0, 1, None)


def test_default_combinations_use_what_is_registered() -> None:
    combos = default_combinations(["builtin", "bandit", "semgrep", "secrets", "refusal"])
    assert combos == {"builtin": ("builtin",), "bandit": ("bandit",), "semgrep": ("semgrep",),
                      "fast": ("builtin", "secrets"), "all": ("builtin", "secrets", "bandit", "semgrep")}


# --- evaluate end to end, with stand-in analyzers -----------------------------------------------------


class _Keyword:
    """Flags code containing its keyword at its severity, fails on ERR, skips code starting with SKIP."""

    name = "kw"
    tier = "fast"
    keyword, severity, cwe = "SQL", Severity.HIGH, 89

    def version(self) -> str:
        return f"{self.name} 1"

    def analyze(self, generations: list[Generation]) -> list[AnalysisResult]:
        out = []
        for g in generations:
            code = g.code_blocks[0].code
            if "ERR" in code:
                out.append(AnalysisResult(self.name, g.attempt_id, status="error", error="parse failed"))
            elif code.startswith("SKIP"):
                out.append(AnalysisResult(self.name, g.attempt_id, status="skipped"))
            else:
                hit = Finding("r", self.name, "m", self.severity, Confidence.HIGH, self.cwe,
                              attempt_id=g.attempt_id, line=1)
                hits = (hit,) if self.keyword in code else ()
                out.append(AnalysisResult(self.name, g.attempt_id, findings=hits))
        return out


class _Shell(_Keyword):
    name, keyword, severity, cwe = "sh", "SHELL", Severity.MEDIUM, 78


class _Quiet(_Keyword):
    name, keyword, severity, cwe = "quiet", "SQL", Severity.LOW, 89


@pytest.fixture()
def fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, cls in (("kw", "_Keyword"), ("sh", "_Shell"), ("quiet", "_Quiet")):
        monkeypatch.setitem(registry.BUILTIN, name, f"tests.unit.test_evaluation:{cls}")


def _samples() -> list[Sample]:
    rows = [
        ("q1", "python", "SQL here", "insecure", 89), ("q2", "python", "safe query", "secure", 89),
        ("q3", "go", "SQL again", "insecure", 89), ("q4", "go", "SQL but bound", "secure", 89),
        ("c1", "python", "SHELL call", "insecure", 78), ("c2", "python", "list args", "secure", 78),
        ("e1", "go", "ERR", "insecure", 78), ("k1", "rust", "SKIP SQL", "insecure", None),
    ]
    return [Sample(*r) for r in rows]  # type: ignore[arg-type]


def test_evaluate_scores_each_combination_from_one_run(fakes: None) -> None:
    ev = evaluate(_samples(), {"kw": ("kw",), "both": ("kw", "sh"), "quiet": ("quiet",)}, workers=1)
    kw, both, quiet = ev.row("kw"), ev.row("both"), ev.row("quiet")
    assert (kw.tp, kw.fn, kw.fp, kw.tn, kw.errors, kw.skipped) == (2, 1, 1, 2, 1, 1)
    assert (both.tp, both.fn, both.fp, both.tn) == (3, 0, 1, 2)
    assert (quiet.tp, quiet.fp) == (0, 0)  # low severity never flags
    # per CWE: the shell finding does not count for CWE-89; only snippets labeled 78 count for CWE-78
    assert (ev.row("both", "cwe", "CWE-89").tp, ev.row("both", "cwe", "CWE-89").fp) == (2, 1)
    assert (ev.row("both", "cwe", "CWE-78").tp, ev.row("both", "cwe", "CWE-78").errors) == (1, 1)
    go = ev.row("kw", "language", "go")
    assert (go.tp, go.fp, go.errors, go.tpr, go.fpr) == (1, 1, 1, 1.0, 1.0)
    assert ev.versions == {"kw": "kw 1", "sh": "sh 1", "quiet": "quiet 1"}


def test_render_formats(fakes: None) -> None:
    ev = evaluate(_samples(), {"kw": ("kw",), "both": ("kw", "sh")}, workers=1)
    table = render(ev, "table")
    assert "kw+sh" in table and "100.0 / 100.0 (1 err)" in table and "CWE-78" in table
    md = render(ev, "md")
    assert "| combination | analyzers | n |" in md and "| CWE-89 | 4 |" in md
    data = json.loads(render(ev, "json"))
    assert data["flag_at"] == "medium" and data["samples"] == 8
    expected = {"combination": "kw", "scope": "all", "key": "all", "tp": 2, "youden": 0.3333}
    assert expected.items() <= data["rows"][0].items()


def test_cli_rules_eval_json(fakes: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.evaluation as evaluation
    from auditor.cli import app

    monkeypatch.setattr(evaluation, "default_combinations", lambda names: {"kw": ("kw",)})
    records = [{"id": s.id, "language": s.language, "code": s.code, "label": s.label, "cwe": s.cwe}
               for s in _samples()]
    corpus = _write(tmp_path / "c.jsonl", records)
    result = CliRunner().invoke(app, ["rules", "eval", str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output)["rows"][0]
    assert (row["tp"], row["fp"], row["fn"], row["tn"]) == (2, 1, 1, 2)


# --- the shipped corpus -------------------------------------------------------------------------------


def test_shipped_corpus_is_large_balanced_paired_and_multilingual() -> None:
    samples = load_corpus(CORPUS)
    labels = Counter(s.label for s in samples)
    assert len(samples) >= 400 and labels["insecure"] == labels["secure"]
    languages = {"python", "javascript", "java", "c", "cpp", "go", "php", "ruby", "csharp", "shell", "rust",
                 "kotlin", "swift"}
    assert languages <= {s.language for s in samples}
    lines = [line for f in sorted(CORPUS.glob("*.jsonl")) for line in f.read_text().splitlines()]
    records = [json.loads(line) for line in lines]
    pairs: dict[str, set[str]] = {}
    for rec in records:
        pairs.setdefault(rec["pair"], set()).add(rec["label"])
    unpaired = [p for p, seen in pairs.items() if seen != {"insecure", "secure"}]
    assert not unpaired, f"every insecure snippet has a secure look-alike: {unpaired[:5]}"
    twins = {(r["pair"], r["label"]): r["code"] for r in records}
    same = [p for p in pairs if twins[(p, "insecure")] == twins[(p, "secure")]]
    assert not same, f"look-alikes identical to their insecure twin: {same[:5]}"


# --- rules test ---------------------------------------------------------------------------------------

RULE = """id: t-shell-call
message: A shell runs the command line.
languages: [shell]
severity: high
regex:
  pattern: 'sh\\s+-c\\s'
metadata:
  cwe: "CWE-78: Improper Neutralization of Special Elements used in an OS Command"
  owasp: "A03:2021 - Injection"
  category: security
  confidence: HIGH
  likelihood: MEDIUM
  impact: HIGH
  references:
    - https://cwe.mitre.org/data/definitions/78.html
"""
FIXTURE = """# ruleid: t-shell-call
sh -c "$CMD"
# ok: t-shell-call
bash script.sh
# ok: t-shell-call
sh -c "$OTHER"
echo done
"""


def test_rules_test_names_each_wrong_line(tmp_path: Path) -> None:
    from auditor.ruletest import check_pack

    pack = tmp_path / "builtin"
    (pack / "shell").mkdir(parents=True)
    (pack / "shell" / "t-shell-call.yaml").write_text(RULE, encoding="utf-8")
    (pack / "shell" / "t-shell-call.sh").write_text(FIXTURE, encoding="utf-8")
    (pack / "shell" / "t-orphan.yaml").write_text(RULE.replace("t-shell-call", "t-orphan"), encoding="utf-8")
    report = check_pack("builtin", pack)
    assert (report.rules, report.lines) == (2, 3)
    found = sorted((p.rule_id, p.line, p.kind) for p in report.problems)
    assert found == [("t-orphan", 1, "error"), ("t-shell-call", 6, "flagged-ok")]
    text = [str(p) for p in report.problems if p.kind == "flagged-ok"][0]
    assert "t-shell-call.sh:6 is marked ok but was flagged" in text


def test_rules_test_passes_on_the_shipped_builtin_pack_structure(tmp_path: Path) -> None:
    from auditor.ruletest import check_pack

    pack = tmp_path / "builtin"
    (pack / "shell").mkdir(parents=True)
    (pack / "shell" / "t-shell-call.yaml").write_text(RULE, encoding="utf-8")
    fixture = FIXTURE.replace('# ok: t-shell-call\nsh -c "$OTHER"\n', "")
    (pack / "shell" / "t-shell-call.sh").write_text(fixture, encoding="utf-8")
    report = check_pack("builtin", pack)
    assert report.problems == [] and report.lines == 2
