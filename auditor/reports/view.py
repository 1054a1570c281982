"""An immutable view of one stored run: everything a reporter reads, loaded once from the store."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from auditor.store import Store
from auditor.types import AnalysisResult, Attempt, CodeBlock, Finding, Generation, Metric, Probe, Run, Verdict

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

    def code_findings(self) -> list[Finding]:
        """Findings about code (the refusal analyzer's markers are about prose, not weaknesses)."""
        return [f for f in self.findings if f.analyzer != "refusal"]

    def probe_of(self, f: Finding) -> Probe | None:
        attempt = self.attempts.get(f.attempt_id)
        return self.probes.get(attempt.probe_id) if attempt else None

    def block_of(self, f: Finding) -> CodeBlock | None:
        gen = self.generations.get(f.attempt_id)
        if gen is None or not 0 <= f.block_index < len(gen.code_blocks):
            return None
        return gen.code_blocks[f.block_index]


def _redacted(gen: Generation, redact: Callable[[str], str]) -> Generation:
    blocks = tuple(dataclasses.replace(b, code=redact(b.code)) for b in gen.code_blocks)
    return dataclasses.replace(gen, text=redact(gen.text), code_blocks=blocks)


def load_view(store: Store, ref: str, *, exact: bool = False) -> RunView:
    """The run as reports show it: findings of several analyzers on one line and CWE merged, and every
    secret in generated code, snippets and messages masked. ``exact=True`` gives the stored records
    untouched (for exports that move a run between stores)."""
    run = store.get_run(ref)
    pairs = list(store.generations(run.id, run.model))
    findings: list[Finding] = store.findings(run.id)
    generations = {g.attempt_id: g for _, g in pairs}
    if not exact:
        from auditor.analyzers.merge import merge_findings
        from auditor.analyzers.secrets import redact_text

        findings = [dataclasses.replace(f, snippet=redact_text(f.snippet), message=redact_text(f.message))
                    for f in merge_findings(findings)]
        generations = {k: _redacted(g, redact_text) for k, g in generations.items()}
    return RunView(
        run=run,
        probes=store.probes(run.id),
        attempts={a.id: a for a, _ in pairs},
        generations=generations,
        findings=tuple(findings),
        analyses=tuple(store.analyses(run.id)),
        metrics=tuple(store.metrics(run.id)),
        verdict=store.verdict(run.id),
    )
