"""The reproducibility block every report carries: what ran, on what, with which settings, and how to run it again.

Everything here comes from the stored :class:`~auditor.types.Run` (secrets redacted), so the block
is identical in HTML, Markdown, JSON, SARIF and JUnit renderings of the same run.
"""

from __future__ import annotations

import json
import shlex
from typing import Any

from auditor.reports.redact import redact, redact_command, redact_value
from auditor.reports.view import RunView

__all__ = ["reproducibility", "rows"]


def _command(view: RunView) -> str:
    run = view.run
    if run.command:
        return redact_command(run.command)
    # runs stored without a command line: rebuild the equivalent audit invocation
    words = ["auditor", "audit", "--model", run.model, *[w for s in run.suites for w in ("--suite", s)]]
    params = run.parameters or {}
    if params.get("samples"):
        words += ["--samples", str(params["samples"])]
    for key, value in sorted((params.get("overrides") or {}).items()):
        words += [f"--{key.replace('_', '-')}", str(value)]
    if params.get("analyzers"):
        words += ["--analyzers", ",".join(params["analyzers"])]
    words += ["--seed", str(run.seed)]
    return redact_command(shlex.join(words))


def reproducibility(view: RunView) -> dict[str, Any]:
    """Plain data: tool version, model (redacted), hashes, analyzers, parameters, seed, times, command."""
    run = view.run
    return {
        "run_id": run.id,
        "tool_version": run.tool_version,
        "model": redact(run.model),
        "suites": list(run.suites),
        "suite_hash": run.suite_hash,
        "rule_hash": run.rule_hash,
        "policy_hash": run.policy_hash,
        "policy": view.verdict.policy if view.verdict else None,
        "analyzer_versions": dict(sorted(run.analyzer_versions.items())),
        "parameters": redact_value(run.parameters),
        "seed": run.seed,
        "started_at": run.created_at,
        "finished_at": run.finished_at,
        "status": run.status,
        "command": _command(view),
    }


def rows(view: RunView) -> list[tuple[str, str]]:
    """The block as (label, text) rows, for tables in HTML and Markdown."""
    r = reproducibility(view)
    analyzers = ", ".join(f"{k} {v}" if not str(v).startswith(k) else str(v) for k, v in r["analyzer_versions"].items())
    return [
        ("Run", r["run_id"]),
        ("auditor version", r["tool_version"]),
        ("Model", r["model"]),
        ("Suites", ", ".join(r["suites"]) or "–"),
        ("Suite hash", r["suite_hash"]),
        ("Rule hash", r["rule_hash"]),
        ("Policy hash", f"{r['policy_hash']}" + (f" (policy {r['policy']})" if r["policy"] else "")),
        ("Analyzers", analyzers or "–"),
        ("Parameters", json.dumps(r["parameters"], sort_keys=True)),
        ("Seed", str(r["seed"])),
        ("Started", r["started_at"]),
        ("Finished", r["finished_at"] or f"not finished (status {r['status']})"),
        ("Command", r["command"]),
    ]
