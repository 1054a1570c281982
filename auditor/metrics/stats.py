"""Statistics shared by every metric: intervals, tests and corrections a reviewer can check.

* ``wilson_interval`` — interval for one rate.
* ``mcnemar_exact`` (two groups) and ``cochrans_q`` (two or more) — paired outcomes, e.g. the same
  prompt asked for different personas, or the same input profile run with a different attribute.
* ``fisher_exact`` (2x2) and ``chi_square`` (groups x outcomes) — unpaired rates.
* ``cluster_bootstrap`` — percentile intervals that resample prompts (clusters), not samples.
* ``holm`` — Holm-Bonferroni correction across the comparisons a gate decides on.
* ``minimum_sample`` — the rule that turns "too little data" into ``inconclusive``.

Every function is pure and checked against published or hand-computed values in
``tests/unit/test_stats.py``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import TypeVar


__all__ = [
    "SampleCheck",
    "chi_square",
    "cluster_bootstrap",
    "cochrans_q",
    "fisher_exact",
    "holm",
    "mcnemar_exact",
    "minimum_sample",
    "wilson_interval",
    "z_for",
]

T = TypeVar("T")


def z_for(confidence: float) -> float:
    """Two-sided normal quantile, e.g. 1.96 for 0.95."""
    return NormalDist().inv_cdf(1 - (1 - confidence) / 2)


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion; (0, 1) when there is no data.

    Unlike the normal approximation it stays inside [0, 1] and behaves at 0 and n successes,
    which is where audit rates usually sit.
    """
    if n < 0 or not 0 <= successes <= max(n, 0):
        raise ValueError(f"need 0 <= successes <= n, got {successes}/{n}")
    if n == 0:
        return 0.0, 1.0
    z = z_for(confidence)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    low, high = max(0.0, centre - half), min(1.0, centre + half)
    # exact endpoints at the boundaries (floating error otherwise leaves 1e-17 residue)
    return (0.0 if successes == 0 else low), (1.0 if successes == n else high)


# --- paired tests (counterfactual variants of the same prompt) ----------------------------------


def mcnemar_exact(b: int, c: int) -> float:
    """Exact two-sided McNemar p-value from the discordant pair counts ``b`` and ``c``.

    Under the null each discordant pair goes either way with probability 1/2, so the p-value is
    the two-sided binomial tail: ``min(1, 2 * P[X <= min(b, c)])`` with ``X ~ Bin(b + c, 1/2)``.
    """
    if b < 0 or c < 0:
        raise ValueError(f"need non-negative counts, got b={b}, c={c}")
    n = b + c
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(b, c) + 1)) / 2**n
    return min(1.0, 2 * tail)


def cochrans_q(blocks: Sequence[Sequence[int]]) -> tuple[float, int, float]:
    """Cochran's Q for k >= 2 paired binary outcomes: (Q, degrees of freedom, p-value).

    ``blocks`` holds one row per block (a prompt, or a prompt and sample), one 0/1 per group, in the
    same group order. Q = (k-1) * (k * sum(C_j^2) - N^2) / (k * N - sum(R_i^2)) with column totals
    C_j, row totals R_i and grand total N; Q follows chi-square with k-1 degrees of freedom.
    Rows that are all 0 or all 1 carry no information and cancel out of the formula.
    """
    rows = [list(r) for r in blocks]
    if not rows:
        return 0.0, 0, 1.0
    k = len(rows[0])
    if k < 2 or any(len(r) != k for r in rows) or any(v not in (0, 1) for r in rows for v in r):
        raise ValueError("need rows of equal length >= 2 holding 0 or 1")
    cols = [sum(r[j] for r in rows) for j in range(k)]
    total = sum(cols)
    denom = k * total - sum(sum(r) ** 2 for r in rows)
    if denom == 0:
        return 0.0, k - 1, 1.0
    q = (k - 1) * (k * sum(c * c for c in cols) - total * total) / denom
    return q, k - 1, _chi2_sf(q, k - 1)


# --- unpaired tests (different prompts per group) ---------------------------------------------


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher exact p-value of the 2x2 table [[a, b], [c, d]].

    Sums the hypergeometric probabilities of every table with the same margins that is no more
    likely than the observed one (the convention R and scipy use), with a relative tolerance.
    """
    if min(a, b, c, d) < 0:
        raise ValueError("counts must be non-negative")
    row1, col1, n = a + b, a + c, a + b + c + d
    if n == 0:
        return 1.0
    lo, hi = max(0, col1 - (n - row1)), min(row1, col1)

    def prob(x: int) -> float:
        return math.comb(col1, x) * math.comb(n - col1, row1 - x) / math.comb(n, row1)

    observed = prob(a)
    p = sum(q for x in range(lo, hi + 1) if (q := prob(x)) <= observed * (1 + 1e-7))
    return min(1.0, p)


def chi_square(table: Sequence[Sequence[int]]) -> tuple[float, int, float]:
    """Pearson chi-square test of independence (no continuity correction): (statistic, df, p).

    ``table`` is groups x outcomes, e.g. one row [hits, misses] per group. Rows and columns that
    are all zero are dropped first; a table left with one row or one column gives (0, 0, 1).
    """
    rows = [list(r) for r in table if sum(r) > 0]
    if not rows:
        return 0.0, 0, 1.0
    keep = [j for j in range(len(rows[0])) if sum(r[j] for r in rows) > 0]
    rows = [[r[j] for j in keep] for r in rows]
    if len(rows) < 2 or len(keep) < 2:
        return 0.0, 0, 1.0
    n = sum(map(sum, rows))
    col = [sum(r[j] for r in rows) for j in range(len(keep))]
    stat = 0.0
    for r in rows:
        for j, observed in enumerate(r):
            expected = sum(r) * col[j] / n
            stat += (observed - expected) ** 2 / expected
    df = (len(rows) - 1) * (len(keep) - 1)
    return stat, df, _chi2_sf(stat, df)


# --- resampling and corrections ---------------------------------------------------------------


def cluster_bootstrap(
    clusters: Sequence[T],
    statistic: Callable[[Sequence[T]], float | None],
    *,
    resamples: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> tuple[float | None, float | None]:
    """Percentile bootstrap interval that resamples whole clusters (prompts), never single samples.

    Samples of one prompt are correlated; resampling them one by one would make intervals too
    narrow. ``statistic`` maps a list of clusters to a value (None when undefined on a resample,
    e.g. a group left empty; such resamples are skipped). (None, None) when there is nothing to
    resample or fewer than half the resamples were defined.
    """
    if not clusters or resamples < 1:
        return None, None
    rng = random.Random(seed)
    items = list(clusters)
    values = sorted(
        v for _ in range(resamples) if (v := statistic([items[rng.randrange(len(items))] for _ in items])) is not None
    )
    if len(values) < resamples / 2:
        return None, None
    alpha = (1 - confidence) / 2
    return _quantile(values, alpha), _quantile(values, 1 - alpha)


def _quantile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated quantile of sorted values (numpy's default method)."""
    pos = q * (len(values) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


def holm(pvalues: Sequence[float]) -> list[float]:
    """Holm-Bonferroni adjusted p-values, in the input order.

    Sort ascending; the i-th smallest (0-based) is multiplied by (m - i), then a running maximum
    keeps the adjusted values monotone, and each is capped at 1.
    """
    m = len(pvalues)
    order = sorted(range(m), key=lambda i: pvalues[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        if not 0.0 <= pvalues[i] <= 1.0:
            raise ValueError(f"p-value out of [0, 1]: {pvalues[i]}")
        running = max(running, min(1.0, (m - rank) * pvalues[i]))
        adjusted[i] = running
    return adjusted


@dataclass(frozen=True, slots=True)
class SampleCheck:
    """Whether a comparison has enough data to decide; ``reason`` says why not."""

    enough: bool
    smallest: int
    reason: str = ""


def minimum_sample(group_sizes: Mapping[str, int], min_n: int = 10, min_groups: int = 2) -> SampleCheck:
    """The minimum-sample rule: every compared group needs ``min_n`` observations.

    A gate that sees ``enough=False`` says ``inconclusive`` instead of ``pass``: a small group
    showing no gap is absence of evidence, not evidence of parity. Metrics carry the smallest
    group size as their ``n`` so the gate's own ``min_samples`` applies the same rule.
    """
    if len(group_sizes) < min_groups:
        return SampleCheck(False, 0, f"{len(group_sizes)} group(s) with data, need {min_groups}")
    name, smallest = min(group_sizes.items(), key=lambda kv: (kv[1], kv[0]))
    if smallest < min_n:
        return SampleCheck(False, smallest, f"group {name!r} has n={smallest} < minimum {min_n}")
    return SampleCheck(True, smallest)


def _chi2_sf(x: float, df: int) -> float:
    """Upper tail of the chi-square distribution (scipy imported here: it costs a second at start-up)."""
    from scipy.stats import chi2

    return float(chi2.sf(x, df))
