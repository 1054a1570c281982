"""Turn a yes/no question over outcomes into rate metrics, overall and per group."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from auditor.metrics.outcomes import Outcome
from auditor.metrics.stats import wilson_interval
from auditor.types import Metric

__all__ = ["rate", "rates_by"]


def rate(name: str, hits: int, n: int, by: dict[str, str] | None = None) -> Metric:
    low, high = wilson_interval(hits, n)
    return Metric(
        name=name,
        value=(hits / n) if n else None,
        n=n,
        ci_low=low if n else None,
        ci_high=high if n else None,
        by=by or {},
        count=hits,
    )


def rates_by(
    name: str,
    outcomes: Iterable[Outcome],
    hit: Callable[[Outcome], bool],
    groups: dict[str, Callable[[Outcome], Iterable[str]]],
) -> list[Metric]:
    """The overall rate, then one rate per value of each grouping (e.g. language, cwe)."""
    items = list(outcomes)
    out = [rate(name, sum(1 for o in items if hit(o)), len(items))]
    for key, keys_of in groups.items():
        tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for o in items:
            h = hit(o)
            for value in keys_of(o):
                tally[value][0] += int(h)
                tally[value][1] += 1
        out.extend(rate(name, hits, n, {key: value}) for value, (hits, n) in sorted(tally.items()))
    return out
