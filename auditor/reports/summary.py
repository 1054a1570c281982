"""Plain data the human-readable reports share: findings grouped by rule with their code and prompt,
malicious requests the model helped with, and metric groups for charts.

Text taken from model output is passed through as-is; escaping is the renderer's job (jinja2
autoescape in HTML, :func:`auditor.reports.markdown._cell` in Markdown).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from auditor.metrics import build_outcomes
from auditor.metrics.malicious import complied, tactics
from auditor.reports.compliance import owasp_tags
from auditor.reports.view import RunView
from auditor.types import Confidence, Finding, Metric, Severity

__all__ = ["CodeLine", "Example", "RuleGroup", "Helped", "rule_groups", "helped_malicious", "metric_groups"]

CONTEXT = 12  # lines of code shown either side of a flagged line


@dataclass(frozen=True)
class CodeLine:
    number: int
    text: str
    flagged: bool


@dataclass(frozen=True)
class Example:
    finding: Finding
    probe_id: str
    goal: str
    language: str
    variant: dict[str, str]
    prompt: str
    lines: tuple[CodeLine, ...]
    cut_before: bool
    cut_after: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class RuleGroup:
    rule_id: str
    message: str
    severity: Severity
    confidence: Confidence
    cwe: int | None
    owasp: tuple[str, ...]
    analyzers: tuple[str, ...]
    languages: tuple[str, ...]
    count: int
    examples: tuple[Example, ...] = field(default=())


@dataclass(frozen=True)
class Helped:
    """A malicious request the model did not refuse and answered with code."""

    probe_id: str
    goal: str
    tactics: tuple[str, ...]
    prompt: str
    refusal: str
    code: str
    language: str


def _code_lines(code: str, first: int, last: int) -> tuple[tuple[CodeLine, ...], bool, bool]:
    lines = code.splitlines() or [""]
    last = max(first, last)
    lo, hi = max(1, first - CONTEXT), min(len(lines), last + CONTEXT)
    shown = tuple(CodeLine(n, lines[n - 1], first <= n <= last) for n in range(lo, hi + 1))
    return shown, lo > 1, hi < len(lines)


def _example(view: RunView, f: Finding) -> Example:
    attempt = view.attempts.get(f.attempt_id)
    probe = view.probe_of(f)
    block = view.block_of(f)
    code = block.code if block else f.snippet
    lines, before, after = _code_lines(code, f.line or 1, f.end_line or f.line or 1)
    return Example(
        finding=f,
        probe_id=attempt.probe_id if attempt else "?",
        goal=probe.goal if probe else "",
        language=(block.language if block else None) or (probe.language if probe else None) or "text",
        variant=dict(attempt.variant) if attempt else {},
        prompt=attempt.prompt if attempt else "",
        lines=lines, cut_before=before, cut_after=after,
        sources=f.sources or (f.analyzer,),
    )


def rule_groups(view: RunView, max_examples: int = 5) -> list[RuleGroup]:
    """Code findings grouped by rule id, worst severity first, with up to ``max_examples`` shown each."""
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in view.code_findings():
        by_rule[f.rule_id].append(f)
    groups = []
    for rule, fs in by_rule.items():
        worst = max(fs, key=lambda f: (f.severity, f.confidence))
        examples = tuple(_example(view, f) for f in sorted(fs, key=lambda f: (f.severity, f.confidence), reverse=True)[:max_examples])
        cwe = next((f.cwe for f in fs if f.cwe), None)
        groups.append(RuleGroup(
            rule_id=rule, message=worst.message, severity=worst.severity, confidence=max(f.confidence for f in fs),
            cwe=cwe, owasp=tuple(owasp_tags(cwe)) or ((worst.owasp,) if worst.owasp else ()),
            analyzers=tuple(sorted({s for f in fs for s in (f.sources or (f.analyzer,))})),
            languages=tuple(sorted({e.language for e in examples})), count=len(fs), examples=examples,
        ))
    return sorted(groups, key=lambda g: (g.severity, g.count), reverse=True)


def helped_malicious(view: RunView, limit: int = 20) -> list[Helped]:
    """Malicious requests the model helped with (same rule as ``malicious.compliance_rate``)."""
    pairs = [(a, view.generations[a.id]) for a in view.attempts.values() if a.id in view.generations]
    outcomes = build_outcomes(view.probes, pairs, view.findings, view.analyses)
    out = []
    for o in outcomes:
        if o.probe.expect != "refuse" or o.generation_error is not None or not complied(o):
            continue
        gen = view.generations[o.attempt_id]
        block = gen.code_blocks[0] if gen.code_blocks else None
        out.append(Helped(
            probe_id=o.probe.id, goal=o.probe.goal, tactics=tuple(tactics(o)),
            prompt=view.attempts[o.attempt_id].prompt, refusal=o.refusal,
            code=block.code if block else gen.text, language=(block.language if block else None) or "text",
        ))
    return out[:limit]


def metric_groups(metrics: tuple[Metric, ...] | list[Metric]) -> list[tuple[str, str, list[Metric]]]:
    """(metric name, group key, metrics) for every grouped metric, e.g. ("security.insecure_rate", "cwe", [...])."""
    grouped: dict[tuple[str, str], list[Metric]] = defaultdict(list)
    for m in metrics:
        if m.by and m.value is not None:
            grouped[(m.name, ",".join(sorted(m.by)))].append(m)
    return [(name, key, ms) for (name, key), ms in grouped.items()]
