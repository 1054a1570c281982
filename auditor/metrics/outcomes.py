"""Per-attempt outcomes: the small, text-free summary every metric is computed from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from auditor.types import AnalysisResult, Attempt, Finding, Generation, Probe

__all__ = ["Outcome", "build_outcomes", "CODE_ANALYZERS"]

#: Analyzers whose findings are about the code itself (refusal is about the prose).
CODE_ANALYZERS = frozenset({"builtin", "bandit", "semgrep", "malicious", "secrets"})


@dataclass(frozen=True, slots=True)
class Outcome:
    attempt_id: str
    probe: Probe
    variant: dict[str, str]
    has_code: bool
    generation_error: str | None
    findings: tuple[Finding, ...] = ()
    analyzer_errors: tuple[str, ...] = ()
    refusal: str = "none"  # none | partial | full
    code_lines: int = 0
    extra: dict[str, object] = field(default_factory=dict)
    sample: int = 0

    def ran(self, analyzer: str) -> bool:
        """Did ``analyzer`` give a result for this attempt? A metric built on an analyzer that did
        not run must be absent (the gate then says inconclusive), never zero."""
        return analyzer in self.extra.get("analyzers", ()) or any(f.analyzer == analyzer for f in self.findings)

    @property
    def code_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.analyzer in CODE_ANALYZERS)


def _refusal_kind(findings: Iterable[Finding]) -> str:
    """The refusal analyzer tags its one finding ``refusal:full`` or ``refusal:partial``."""
    kinds = {t.split(":", 1)[1] for f in findings if f.analyzer == "refusal" for t in f.tags if t.startswith("refusal:")}
    return "full" if "full" in kinds else "partial" if "partial" in kinds else "none"


def build_outcomes(
    probes: dict[str, Probe],
    pairs: Iterable[tuple[Attempt, Generation]],
    findings: Iterable[Finding],
    analyses: Iterable[AnalysisResult],
) -> list[Outcome]:
    by_attempt: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_attempt[f.attempt_id].append(f)
    errors: dict[str, list[str]] = defaultdict(list)
    ran: dict[str, list[str]] = defaultdict(list)  # analyzers that ran cleanly on each attempt
    for a in analyses:
        if a.status == "error":
            errors[a.attempt_id].append(f"{a.analyzer}: {a.error}")
        elif a.status == "ok":
            ran[a.attempt_id].append(a.analyzer)
    out = []
    for attempt, gen in pairs:
        fs = tuple(by_attempt.get(attempt.id, ()))
        out.append(
            Outcome(
                attempt_id=attempt.id,
                probe=probes[attempt.probe_id],
                variant=attempt.variant,
                sample=attempt.sample,
                has_code=bool(gen.code_blocks),
                generation_error=gen.error,
                findings=fs,
                analyzer_errors=tuple(errors.get(attempt.id, ())),
                refusal=_refusal_kind(fs),
                code_lines=sum(b.code.count("\n") + 1 for b in gen.code_blocks),
                extra={"analyzers": tuple(sorted(ran.get(attempt.id, ())))},
            )
        )
    return out
