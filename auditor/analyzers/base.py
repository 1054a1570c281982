"""The analyzer protocol.

An analyzer takes a batch of generations and returns exactly one ``AnalysisResult`` per
generation, in the same order. Findings carry the ``block_index`` of the code block they were
found in and a ``line`` counted within that block (1-based). An analyzer that crashed or timed
out on a generation returns ``status="error"`` for it, never an empty, clean-looking result;
one bad snippet never takes down the rest of the batch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Protocol, runtime_checkable

from auditor.types import AnalysisResult, CodeBlock, Finding, Generation

__all__ = ["Analyzer", "analyze_blocks", "error_results"]


@runtime_checkable
class Analyzer(Protocol):
    #: Registry name, e.g. "builtin", "bandit", "semgrep", "refusal".
    name: ClassVar[str]
    #: "fast" (in-process, guard-safe), "standard" (in-process, slower) or "deep" (batched subprocess).
    tier: ClassVar[str]

    def version(self) -> str:
        """Version string recorded in runs (tool version plus rule-pack hash where relevant)."""
        ...

    def analyze(self, generations: Sequence[Generation]) -> list[AnalysisResult]:
        """One result per generation, same order."""
        ...


def error_results(name: str, generations: Sequence[Generation], error: str) -> list[AnalysisResult]:
    """Mark every generation of a batch as not analyzed, with the reason."""
    return [AnalysisResult(analyzer=name, attempt_id=g.attempt_id, status="error", error=error) for g in generations]


def analyze_blocks(
    name: str, generation: Generation, scan_block: Callable[[CodeBlock, int, str], list[Finding]]
) -> AnalysisResult:
    """Run ``scan_block(block, index, attempt_id)`` over every block of a generation. A block that
    raises makes the result an error (findings of the other blocks are kept); no block is skipped."""
    if not generation.code_blocks:
        return AnalysisResult(analyzer=name, attempt_id=generation.attempt_id, status="skipped", note="no code block")
    findings: list[Finding] = []
    errors: list[str] = []
    for index, block in enumerate(generation.code_blocks):
        try:
            findings.extend(scan_block(block, index, generation.attempt_id))
        except Exception as exc:  # one bad block never takes down the batch
            errors.append(f"block {index}: {type(exc).__name__}")
    return AnalysisResult(
        analyzer=name,
        attempt_id=generation.attempt_id,
        findings=tuple(findings),
        status="error" if errors else "ok",
        error="; ".join(errors) or None,
    )

