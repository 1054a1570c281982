"""JSON report: the whole stored run as one document with a ``schema_version``, plus the
reproducibility block (secrets redacted) and the compliance assessment."""

from __future__ import annotations

import json
from typing import Any

from auditor.reports import assessment, repro
from auditor.reports.redact import redact_command, redact_value
from auditor.reports.view import RunView
from auditor.types import SCHEMA_VERSION

__all__ = ["render", "document"]


def document(view: RunView) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "run": {**redact_value(view.run.as_dict()), "command": redact_command(view.run.command)},
        "reproducibility": repro.reproducibility(view),
        "verdict": view.verdict.as_dict() if view.verdict else None,
        "metrics": [m.as_dict() for m in view.metrics],
        "findings": [
            {**f.as_dict(), "probe_id": view.attempts[f.attempt_id].probe_id if f.attempt_id in view.attempts else None}
            for f in view.findings
        ],
        "analysis_errors": [a.as_dict() for a in view.errors()],
        "generation_errors": [
            {"attempt_id": g.attempt_id, "error": g.error} for g in view.generations.values() if g.error
        ],
        "probes": sorted(view.probes),
        "compliance": [fr.as_dict() for fr in assessment.assess(view)],
    }


def render(view: RunView) -> str:
    return json.dumps(document(view), indent=2, sort_keys=False) + "\n"
