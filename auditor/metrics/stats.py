"""Statistics shared by every metric: intervals for rates (more tests arrive with the bias metrics)."""

from __future__ import annotations

import math

from statistics import NormalDist

__all__ = ["wilson_interval", "z_for"]


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
