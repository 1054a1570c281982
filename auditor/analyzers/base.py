"""The analyzer protocol.

An analyzer takes a batch of generations and returns exactly one ``AnalysisResult`` per
generation, in the same order. Findings carry the ``block_index`` of the code block they were
found in and a ``line`` counted within that block (1-based). An analyzer that crashed or timed
out on a generation returns ``status="error"`` for it, never an empty, clean-looking result;
one bad snippet never takes down the rest of the batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Protocol, runtime_checkable

from auditor.types import AnalysisResult, Generation

__all__ = ["Analyzer", "error_results"]


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
