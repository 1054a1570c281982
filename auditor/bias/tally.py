"""Counting helpers shared by the bias metrics: rates, spreads between groups and paired tests,
with intervals that resample prompts (clusters), never single samples.

A *tally* maps a cluster key (a probe id) to per-group ``[hits, n]`` counts. Rates get a Wilson
interval when every cluster contributes at most one observation, and a cluster-bootstrap interval
otherwise (samples of one prompt are not independent). Spreads (max - min of group rates, min / max)
always use the cluster bootstrap.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from auditor.metrics.stats import cluster_bootstrap, cochrans_q, mcnemar_exact, wilson_interval
from auditor.types import Metric

__all__ = ["Tally", "new_tally", "rate_metric", "group_rates", "spread", "spread_metrics", "paired_p_value", "RESAMPLES"]

Tally = dict[str, dict[str, list[float]]]
RESAMPLES = 1000


def new_tally() -> Tally:
    return defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))


def group_rates(clusters: Iterable[Mapping[str, Sequence[float]]]) -> dict[str, tuple[float, float]]:
    """Pooled (hits, n) per group over clusters."""
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for c in clusters:
        for g, (h, n) in c.items():
            totals[g][0] += h
            totals[g][1] += n
    return {g: (h, n) for g, (h, n) in totals.items()}


def rate_metric(
    name: str, per_cluster: Mapping[str, Sequence[float]], by: dict[str, str], *, proportion: bool = True, seed: int = 0
) -> Metric:
    """A rate over clusters given as cluster -> (hits, n); ``proportion=False`` for counts per unit (per KLOC)."""
    pairs = [(float(h), float(n)) for h, n in per_cluster.values() if n > 0]
    hits, n = sum(h for h, _ in pairs), sum(n for _, n in pairs)
    if n == 0:
        return Metric(name, None, 0, by=by, count=0)
    value = hits / n
    if proportion and all(k <= 1 for _, k in pairs):
        low, high = wilson_interval(int(hits), int(n))
    else:
        low, high = cluster_bootstrap(pairs, _pooled_rate, resamples=RESAMPLES, seed=seed)
    return Metric(name, value, int(n), low, high, by, int(hits) if float(hits).is_integer() else None)


def _pooled_rate(pairs: Sequence[tuple[float, float]]) -> float | None:
    n = sum(k for _, k in pairs)
    return sum(h for h, _ in pairs) / n if n else None


def spread(clusters: Sequence[Mapping[str, Sequence[float]]]) -> tuple[float, float | None] | None:
    """(max - min, min / max) of the pooled group rates; None with fewer than two groups with data."""
    rates = [h / n for h, n in group_rates(clusters).values() if n > 0]
    if len(rates) < 2:
        return None
    hi, lo = max(rates), min(rates)
    return hi - lo, (lo / hi if hi > 0 else None)


def spread_metrics(
    names: tuple[str, str], tally: Tally, by: dict[str, str], *, n: int | None = None, seed: int = 0
) -> list[Metric]:
    """Max gap and min ratio between groups, each with a cluster-bootstrap interval.

    ``n`` defaults to the smallest group's count, so the gate's minimum-sample rule applies to it.
    """
    clusters = [dict(v) for v in tally.values()]
    point = spread(clusters)
    sizes = {g: int(k) for g, (_, k) in group_rates(clusters).items()}
    smallest = n if n is not None else (min(sizes.values()) if sizes else 0)
    if point is None:
        return [Metric(names[0], None, smallest, by=by), Metric(names[1], None, smallest, by=by)]
    out = []
    for i, name in enumerate(names):
        low, high = cluster_bootstrap(clusters, _component(i), resamples=RESAMPLES, seed=seed)
        out.append(Metric(name, point[i], smallest, low, high, by))
    return out


def _component(i: int) -> Callable[[Sequence[Mapping[str, Sequence[float]]]], float | None]:
    def stat(clusters: Sequence[Mapping[str, Sequence[float]]]) -> float | None:
        s = spread(clusters)
        return None if s is None else s[i]

    return stat


def paired_p_value(blocks: Sequence[Sequence[int]]) -> tuple[float, str]:
    """Exact McNemar for two groups, Cochran's Q for more, over complete paired blocks."""
    if not blocks:
        return 1.0, "none"
    if len(blocks[0]) == 2:
        b = sum(1 for r in blocks if r[0] == 1 and r[1] == 0)
        c = sum(1 for r in blocks if r[0] == 0 and r[1] == 1)
        return mcnemar_exact(b, c), "mcnemar-exact"
    return cochrans_q(blocks)[2], "cochran-q"
