"""SARIF 2.1.0 report: one result per code finding, for GitHub code scanning and other SARIF viewers.

Each rule carries its CWE as a tag (``external/cwe/cwe-89``), its OWASP categories, ``precision``
from confidence and a numeric ``security-severity``. Each result points at the generated code as an
artifact ``generations/<probe id>/<attempt id>.<ext>`` (``-<block>`` added for a second code block)
with the flagged region; :func:`code_files` gives those files so they can be committed or uploaded
beside the SARIF. ``partialFingerprints`` match a finding across runs by probe, rule, CWE and the
flagged code, not by line. The refusal analyzer's markers are outcomes, not code weaknesses, and
are not results. Analyzer errors become tool execution notifications.
"""

from __future__ import annotations

import json
from typing import Any

from auditor.reports.compliance import owasp_tags
from auditor.reports.redact import redact_command
from auditor.reports.view import RunView
from auditor.types import Confidence, Finding, Severity, stable_hash

__all__ = ["render", "document", "code_files", "artifact_uri", "SCHEMA_URI"]

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

_LEVEL = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning",
          Severity.LOW: "note", Severity.INFO: "note"}
#: GitHub reads >= 9.0 as critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low
_SECURITY_SEVERITY = {Severity.CRITICAL: "9.5", Severity.HIGH: "8.0", Severity.MEDIUM: "5.5",
                      Severity.LOW: "3.0", Severity.INFO: "0.0"}
_PRECISION = {Confidence.HIGH: "high", Confidence.MEDIUM: "medium", Confidence.LOW: "low"}
_EXT = {"python": "py", "javascript": "js", "typescript": "ts", "java": "java", "go": "go", "c": "c", "cpp": "cpp",
        "csharp": "cs", "ruby": "rb", "php": "php", "rust": "rs", "bash": "sh", "shell": "sh", "sql": "sql",
        "kotlin": "kt", "swift": "swift", "html": "html"}


def _safe_part(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text) or "_"


def artifact_uri(view: RunView, f: Finding) -> str:
    """Where the flagged code lives, relative to the repository root: generations/<probe>/<attempt>.<ext>."""
    probe = view.probe_of(f)
    block = view.block_of(f)
    language = (block.language if block else None) or (probe.language if probe else None) or ""
    ext = _EXT.get(language.lower(), "txt")
    probe_id = _safe_part(probe.id if probe else "unknown-probe")
    suffix = f"-{f.block_index}" if f.block_index else ""
    return f"generations/{probe_id}/{_safe_part(f.attempt_id)}{suffix}.{ext}"


def code_files(view: RunView) -> dict[str, str]:
    """The generated code each result points at: {artifact uri: code}."""
    out: dict[str, str] = {}
    for f in view.code_findings():
        block = view.block_of(f)
        if block is not None:
            out.setdefault(artifact_uri(view, f), block.code)
    return out


def _rule(rule_id: str, fs: list[Finding]) -> dict[str, Any]:
    worst = max(fs, key=lambda f: (f.severity, f.confidence))
    cwe = next((f.cwe for f in fs if f.cwe), None)
    tags = ["security"] + ([f"external/cwe/cwe-{cwe}"] if cwe else [])
    tags += [f"external/owasp/{t.split()[0].lower()}" for t in owasp_tags(cwe)]
    first_line = worst.message.split(". ")[0].rstrip(".") + "."
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": first_line[:200]},
        "fullDescription": {"text": worst.message},
        "help": {"text": worst.message + (f" (CWE-{cwe})" if cwe else "")},
        "defaultConfiguration": {"level": _LEVEL[worst.severity]},
        "properties": {
            "tags": tags,
            "precision": _PRECISION[max(f.confidence for f in fs)],
            "security-severity": _SECURITY_SEVERITY[worst.severity],
            "problem.severity": {"error": "error", "warning": "warning"}.get(_LEVEL[worst.severity], "recommendation"),
            "analyzers": sorted({s for f in fs for s in (f.sources or (f.analyzer,))}),
            **({"cwe": f"CWE-{cwe}"} if cwe else {}),
            **({"owasp": owasp_tags(cwe)} if owasp_tags(cwe) else {}),
        },
    }


def _result(view: RunView, f: Finding, rule_index: int) -> dict[str, Any]:
    probe = view.probe_of(f)
    block = view.block_of(f)
    line = max(f.line, 1)
    region: dict[str, Any] = {"startLine": line, "endLine": max(f.end_line, line)}
    if f.snippet:
        region["snippet"] = {"text": f.snippet}
    location: dict[str, Any] = {"physicalLocation": {
        "artifactLocation": {"uri": artifact_uri(view, f), "uriBaseId": "%SRCROOT%"}, "region": region}}
    if block is not None:
        lines = block.code.splitlines()
        lo, hi = max(1, line - 3), min(len(lines), max(f.end_line, line) + 3)
        if lo <= hi:
            location["physicalLocation"]["contextRegion"] = {
                "startLine": lo, "endLine": hi, "snippet": {"text": "\n".join(lines[lo - 1:hi]) + "\n"}}
    probe_id = probe.id if probe else "unknown-probe"
    return {
        "ruleId": f.rule_id,
        "ruleIndex": rule_index,
        "level": _LEVEL[f.severity],
        "message": {"text": f.message or f.rule_id},
        "locations": [location],
        "partialFingerprints": {"auditorFinding/v1": stable_hash(probe_id, f.rule_id, f.cwe, " ".join(f.snippet.split()))},
        "properties": {
            "probe_id": probe_id, "attempt_id": f.attempt_id, "block_index": f.block_index,
            "severity": f.severity.value, "confidence": f.confidence.value, "analyzer": f.analyzer,
            "sources": list(f.sources or (f.analyzer,)), "security-severity": _SECURITY_SEVERITY[f.severity],
        },
    }


def _invocation(view: RunView) -> dict[str, Any]:
    run = view.run
    inv: dict[str, Any] = {
        "executionSuccessful": not view.errors() and run.status == "complete",
        "commandLine": redact_command(run.command) if run.command else "auditor",
        "startTimeUtc": run.created_at,
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": f"{e.analyzer} could not analyze {e.attempt_id}: {e.error}"},
             "descriptor": {"id": f"analyzer-error/{e.analyzer}"}}
            for e in view.errors()
        ],
    }
    if run.finished_at:
        inv["endTimeUtc"] = run.finished_at
    return inv


def document(view: RunView) -> dict[str, Any]:
    from auditor.reports.repro import reproducibility

    findings = view.code_findings()
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        by_rule.setdefault(f.rule_id, []).append(f)
    rule_ids = sorted(by_rule)
    index = {r: i for i, r in enumerate(rule_ids)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "auditor", "version": view.run.tool_version, "semanticVersion": view.run.tool_version,
                "rules": [_rule(r, by_rule[r]) for r in rule_ids],
            }},
            "automationDetails": {"id": f"auditor/{view.run.id}/"},
            "invocations": [_invocation(view)],
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "Folder holding the generations/ tree "
                                                                           "written by `auditor report --format sarif --code-dir`."}}},
            "results": [_result(view, f, index[f.rule_id]) for f in findings],
            "properties": {"reproducibility": reproducibility(view),
                           "verdict": view.verdict.status if view.verdict else None,
                           "verdict_notes": list(view.verdict.notes) if view.verdict else []},
        }],
    }


def render(view: RunView) -> str:
    return json.dumps(document(view), indent=2) + "\n"
