"""An immutable view of one stored run: everything a reporter reads, loaded once from the store."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from auditor.store import Store
from auditor.types import AnalysisResult, Attempt, Finding, Generation, Metric, Probe, Run, Verdict

__all__ = ["RunView", "load_view"]


@dataclass(frozen=True)
class RunView:
    run: Run
    probes: dict[str, Probe]
    attempts: dict[str, Attempt]
    generations: dict[str, Generation]
    findings: tuple[Finding, ...]
    analyses: tuple[AnalysisResult, ...]
    metrics: tuple[Metric, ...]
    verdict: Verdict | None

    def metric(self, name: str, **by: str) -> Metric | None:
        return next((m for m in self.metrics if m.name == name and m.by == by), None)

    def errors(self) -> list[AnalysisResult]:
        return [a for a in self.analyses if a.status == "error"]

    def finding_counts(self) -> Counter[str]:
        return Counter(f.rule_id for f in self.findings)


def load_view(store: Store, ref: str) -> RunView:
    run = store.get_run(ref)
    pairs = list(store.generations(run.id, run.model))
    return RunView(
        run=run,
        probes=store.probes(run.id),
        attempts={a.id: a for a, _ in pairs},
        generations={g.attempt_id: g for _, g in pairs},
        findings=tuple(store.findings(run.id)),
        analyses=tuple(store.analyses(run.id)),
        metrics=tuple(store.metrics(run.id)),
        verdict=store.verdict(run.id),
    )
