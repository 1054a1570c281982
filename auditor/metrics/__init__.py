"""Metrics: findings and refusals turned into rates with confidence intervals."""

from __future__ import annotations

from collections.abc import Sequence

from auditor.metrics.benign import benign_metrics
from auditor.metrics.bias import bias_metrics
from auditor.metrics.malicious import malicious_metrics
from auditor.metrics.outcomes import Outcome, build_outcomes
from auditor.metrics.rates import rate
from auditor.metrics.security import security_metrics
from auditor.metrics.stats import wilson_interval
from auditor.types import Metric

__all__ = ["Outcome", "build_outcomes", "compute_metrics", "wilson_interval"]


def compute_metrics(outcomes: Sequence[Outcome]) -> list[Metric]:
    """Every metric a run reports. Pure: same outcomes, same metrics."""
    answered = [o for o in outcomes if o.generation_error is None]
    metrics = [
        rate("generation.error_rate", len(outcomes) - len(answered), len(outcomes)),
        rate("analysis.error_rate", sum(1 for o in answered if o.analyzer_errors), len(answered)),
    ]
    metrics += security_metrics(outcomes)
    metrics += malicious_metrics(outcomes)
    metrics += benign_metrics(outcomes)
    metrics += bias_metrics(outcomes)
    return metrics
