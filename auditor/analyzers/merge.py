"""Merging findings: one finding per flaw, whichever analyzers saw it.

The builtin engine, bandit and semgrep often flag the same line for the same reason
(``subprocess.call(cmd, shell=True)`` is ``py-subprocess-shell-true``, bandit's ``B602`` and a semgrep
taint rule). A report that lists it three times overstates the problem and a count of findings
means nothing. :func:`merge_findings` folds findings that share

    (attempt_id, block_index, line, cwe)

into one finding that keeps every source:

* ``sources``: every analyzer that reported it, in tier order (fast tier first, then bandit, semgrep,
  then any other analyzer alphabetically), without repeats;
* ``severity`` and ``confidence``: the highest of the group (levels are already ours: tool scales are
  mapped in :mod:`auditor.analyzers.levels` and nowhere else);
* ``tags``: every tag of the group plus one ``rule:<analyzer>:<rule_id>`` per distinct rule, so
  ``rule:bandit:B602`` and ``rule:builtin:py-subprocess-shell-true`` both survive;
* ``rule_id``, ``analyzer``, ``message``, ``snippet``: those of the group's lead, the finding with the
  highest severity, then confidence, then the earliest source in tier order;
* ``end_line``: the largest of the group; ``owasp``: the lead's, else the first one given.

Findings without a CWE are merged only with findings of the same analyzer and rule on the same line
(exact repeats): two unrelated tools' CWE-less findings are not evidence of one flaw.
Merging is idempotent (``merge_findings(merge_findings(x)) == merge_findings(x)``) and keeps the
order in which each group first appears.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from auditor.types import Finding

__all__ = ["merge_findings", "merge_key", "rule_tag", "source_order", "TIER_ORDER"]

#: Where each known analyzer sorts in ``sources``; unknown analyzers come after, alphabetically.
TIER_ORDER: tuple[str, ...] = ("builtin", "malicious", "secrets", "bandit", "semgrep")
_RULE_TAG = "rule:"


def rule_tag(analyzer: str, rule_id: str) -> str:
    """``rule:bandit:B602``: which analyzer's rule said so, kept on a merged finding."""
    return f"{_RULE_TAG}{analyzer}:{rule_id}"


def source_order(name: str) -> tuple[int, str]:
    """Sort key of an analyzer name: tier order first, then by name."""
    try:
        return (TIER_ORDER.index(name), name)
    except ValueError:
        return (len(TIER_ORDER), name)


def merge_key(finding: Finding) -> tuple[object, ...]:
    """Findings with equal keys are one flaw."""
    where = (finding.attempt_id, finding.block_index, finding.line)
    if finding.cwe is not None:
        return (*where, "cwe", finding.cwe)
    return (*where, "rule", finding.analyzer, finding.rule_id)


def merge_findings(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per (attempt, block, line, CWE), keeping every source; see the module docstring."""
    groups: dict[tuple[object, ...], list[Finding]] = {}
    for finding in findings:
        groups.setdefault(merge_key(finding), []).append(finding)
    return [_merge_group(group) for group in groups.values()]


def _sources(finding: Finding) -> tuple[str, ...]:
    return finding.sources or (finding.analyzer,)


def _rule_tags(finding: Finding) -> list[str]:
    """The finding's own rule tag, plus those it carries from an earlier merge."""
    own = rule_tag(finding.analyzer, finding.rule_id)
    return [own, *(t for t in finding.tags if t.startswith(_RULE_TAG) and t != own)]


def _lead(group: Sequence[Finding]) -> Finding:
    """Highest severity, then confidence, then earliest analyzer in tier order, then input order."""
    ranked = sorted(
        enumerate(group),
        key=lambda item: (
            -_rank(item[1].severity),
            -_rank(item[1].confidence),
            source_order(item[1].analyzer),
            item[0],
        ),
    )
    return ranked[0][1]


def _rank(level: object) -> int:
    members = list(type(level))  # type: ignore[call-overload]
    return members.index(level)


def _merge_group(group: Sequence[Finding]) -> Finding:
    lead = _lead(group)
    sources = sorted({s for f in group for s in _sources(f)}, key=source_order)
    rule_tags: list[str] = []
    other_tags: list[str] = []
    for finding in [lead, *(f for f in group if f is not lead)]:
        for tag in _rule_tags(finding):
            if tag not in rule_tags:
                rule_tags.append(tag)
        for tag in finding.tags:
            if not tag.startswith(_RULE_TAG) and tag not in other_tags:
                other_tags.append(tag)
    lead_tag = rule_tags[0]
    ordered_rules = [lead_tag, *sorted(t for t in rule_tags if t != lead_tag)]
    return replace(
        lead,
        severity=max(f.severity for f in group),
        confidence=max(f.confidence for f in group),
        end_line=max(max(f.end_line, f.line) for f in group),
        owasp=lead.owasp or next((f.owasp for f in group if f.owasp), None),
        sources=tuple(sources),
        tags=(*other_tags, *ordered_rules),
    )
