"""JSONL export: one record per line, typed by ``record``, each with ``schema_version``.

Runs can be moved between stores, diffed line by line and loaded into pandas.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from auditor.reports.view import RunView
from auditor.types import SCHEMA_VERSION

__all__ = ["records", "render"]


def records(view: RunView) -> Iterator[dict[str, object]]:
    def rec(kind: str, body: dict[str, object]) -> dict[str, object]:
        return {"record": kind, "schema_version": SCHEMA_VERSION, **body}

    yield rec("run", view.run.as_dict())
    for p in view.probes.values():
        yield rec("probe", p.as_dict())
    for a in view.attempts.values():
        yield rec("attempt", a.as_dict())
    for g in view.generations.values():
        yield rec("generation", g.as_dict())
    for r in view.analyses:
        yield rec("analysis", {k: v for k, v in r.as_dict().items() if k != "findings"})
    for f in view.findings:
        yield rec("finding", f.as_dict())
    for m in view.metrics:
        yield rec("metric", m.as_dict())
    if view.verdict:
        yield rec("verdict", view.verdict.as_dict())


def render(view: RunView) -> str:
    return "".join(json.dumps(r, sort_keys=True) + "\n" for r in records(view))
