"""Reports never show a secret found in generated code, and show one finding per line and CWE."""

from __future__ import annotations

from pathlib import Path

from auditor.analyzers.secrets import fake_secret
from auditor.reports import load_view, renderer
from auditor.store import Store
from auditor.types import AnalysisResult, Attempt, CodeBlock, Confidence, Finding, Generation, Probe, Run, Severity


def test_reports_mask_secrets_and_merge_duplicate_findings(tmp_path: Path) -> None:
    token = fake_secret("aws-access-key-id")
    code = f'AWS_KEY = "{token}"\n'
    run = Run(id="r", created_at="2026-11-26T00:00:00+00:00", model="m", tool_version="0", suite_hash="s",
              rule_hash="r", policy_hash="p", analyzer_versions={}, parameters={}, seed=0, status="complete")
    probe = Probe(id="p", suite="security/x", kind="instruct", language="python", cwe=(798,), goal="g", prompt="q")
    findings = [
        Finding("py-hardcoded-password", "builtin", f"literal {token}", Severity.HIGH, Confidence.MEDIUM, cwe=798,
                line=1, snippet=code.strip(), attempt_id="a"),
        Finding("aws-access-key-id", "secrets", "AWS key", Severity.CRITICAL, Confidence.HIGH, cwe=798, line=1,
                snippet="AWS_KEY = \"AKIA****\"", attempt_id="a"),
    ]
    with Store(tmp_path / "s.sqlite") as s:
        s.save_run(run, "fp")
        s.save_probes("r", [probe])
        s.save_attempts("r", [(0, Attempt(id="a", probe_id="p", variant={}, sample=0, prompt="q", params={}))])
        s.save_generation("m", Generation("a", f"```python\n{code}```", (CodeBlock("python", code, 2),)))
        s.save_analyses("r", [AnalysisResult("builtin", "a", (findings[0],)), AnalysisResult("secrets", "a", (findings[1],))])
        view = load_view(s, "r")
        exact = load_view(s, "r", exact=True)
    assert len(view.findings) == 1 and set(view.findings[0].sources) == {"builtin", "secrets"}
    for fmt in ("md", "json", "html", "sarif"):
        assert token not in renderer(fmt)(view), f"{fmt} report shows the secret"
    assert token in renderer("jsonl")(exact)  # the export moves the run as stored
