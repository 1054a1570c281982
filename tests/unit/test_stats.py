"""Statistics checked against published values."""

import pytest

from auditor.metrics.stats import wilson_interval, z_for


def test_z() -> None:
    assert z_for(0.95) == pytest.approx(1.959964, abs=1e-6)


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (3, 10, 0.107789, 0.603222),  # roots of (p̂-p)² = z²p(1-p)/n
        (0, 10, 0.0, 0.277533),
        (10, 10, 0.722467, 1.0),
        (81, 263, 0.255289, 0.366210),  # Newcombe (1998): 0.2553–0.3662
    ],
)
def test_wilson_known_values(k: int, n: int, low: float, high: float) -> None:
    lo, hi = wilson_interval(k, n)
    assert lo == pytest.approx(low, abs=1e-5) and hi == pytest.approx(high, abs=1e-5)


def test_wilson_no_data_and_bad_input() -> None:
    assert wilson_interval(0, 0) == (0.0, 1.0)
    with pytest.raises(ValueError):
        wilson_interval(5, 3)


# --- paired tests -------------------------------------------------------------------------------

from auditor.metrics.stats import (  # noqa: E402
    chi_square,
    cluster_bootstrap,
    cochrans_q,
    fisher_exact,
    holm,
    mcnemar_exact,
    minimum_sample,
)


@pytest.mark.parametrize(
    ("b", "c", "p"),
    [
        (2, 8, 0.109375),  # 2 * (C(10,0)+C(10,1)+C(10,2)) / 2^10 = 2 * 56/1024
        (0, 5, 0.0625),  # 2 * 1/32
        (3, 3, 1.0),  # 2 * 42/64 > 1, capped
        (0, 0, 1.0),  # no discordant pair: no evidence
        (1, 12, 0.003418),  # 2 * 14/8192; scipy.stats.binomtest(1, 13, 0.5).pvalue = 0.0034179...
    ],
)
def test_mcnemar_exact_known_values(b: int, c: int, p: float) -> None:
    assert mcnemar_exact(b, c) == pytest.approx(p, abs=1e-6)
    assert mcnemar_exact(c, b) == pytest.approx(p, abs=1e-6)  # symmetric


def test_cochrans_q_hand_computed() -> None:
    # Columns total C = (4, 2, 0), N = 6, row totals (2, 1, 2, 1, 0): sum R^2 = 10.
    # Q = (3-1) * (3*(16+4+0) - 36) / (3*6 - 10) = 2 * 24 / 8 = 6.0; chi-square(2) tail = e^(-3).
    rows = [[1, 1, 0], [1, 0, 0], [1, 1, 0], [1, 0, 0], [0, 0, 0]]
    q, df, p = cochrans_q(rows)
    assert (q, df) == (pytest.approx(6.0), 2)
    assert p == pytest.approx(0.049787, abs=1e-6)


def test_cochrans_q_with_two_groups_is_mcnemar_chi_square() -> None:
    # k = 2: Q = (b - c)^2 / (b + c) = 36/10; concordant rows change nothing.
    rows = [[1, 0]] * 2 + [[0, 1]] * 8 + [[1, 1]] * 5 + [[0, 0]] * 7
    q, df, p = cochrans_q(rows)
    assert (q, df) == (pytest.approx(3.6), 1)
    assert p == pytest.approx(0.057780, abs=1e-6)  # scipy.stats.chi2.sf(3.6, 1)


def test_cochrans_q_degenerate_and_bad_input() -> None:
    assert cochrans_q([[1, 1, 1], [0, 0, 0]]) == (0.0, 2, 1.0)
    assert cochrans_q([]) == (0.0, 0, 1.0)
    with pytest.raises(ValueError):
        cochrans_q([[1, 0], [1]])
    with pytest.raises(ValueError):
        cochrans_q([[2, 0]])


# --- unpaired tests -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "p"),
    [
        ((3, 1, 1, 3), 0.485714),  # Fisher's tea-tasting table: 34/70
        ((1, 9, 11, 3), 0.002759),  # scipy.stats.fisher_exact([[1, 9], [11, 3]]) = 0.0027594
        ((0, 10, 0, 10), 1.0),
        ((5, 0, 0, 5), 0.007937),  # 2 / C(10, 5) = 2/252
    ],
)
def test_fisher_exact_known_values(table: tuple[int, int, int, int], p: float) -> None:
    assert fisher_exact(*table) == pytest.approx(p, abs=1e-6)


def test_chi_square_known_values() -> None:
    # Every expected count is 25 and every |O - E| = 5: statistic 4 * 25/25 = 4; tail = 2*(1 - Phi(2)).
    stat, df, p = chi_square([[20, 30], [30, 20]])
    assert (stat, df) == (pytest.approx(4.0), 1)
    assert p == pytest.approx(0.0455003, abs=1e-6)
    # Margins 30/70/30 by 65/65, expected 15/15, 35/35, 15/15:
    # 2*25/15 + 2*25/35 + 2*100/15 = 18.0952; scipy.stats.chi2_contingency(..., correction=False) agrees.
    stat, df, p = chi_square([[10, 20], [30, 40], [25, 5]])
    assert (stat, df) == (pytest.approx(18.095238, abs=1e-5), 2)
    assert p == pytest.approx(0.000117671, rel=1e-4)  # e^(-18.0952/2) for df 2


def test_chi_square_degenerate() -> None:
    assert chi_square([[5, 0], [7, 0]]) == (0.0, 0, 1.0)  # one outcome column only
    assert chi_square([[0, 0], [3, 4]]) == (0.0, 0, 1.0)  # one group with data


# --- corrections and resampling -----------------------------------------------------------------


def test_holm_known_values() -> None:
    # Sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 -> running max 0.06.
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert holm([0.5, 0.9]) == pytest.approx([1.0, 1.0])
    assert holm([]) == []
    with pytest.raises(ValueError):
        holm([1.5])


def _mean(clusters: list[list[int]]) -> float:
    flat = [v for c in clusters for v in c]
    return sum(flat) / len(flat)


def test_cluster_bootstrap_resamples_prompts_not_samples() -> None:
    # 10 prompts, each answered 10 times the same way: really 10 observations, not 100.
    clusters = [[1] * 10] * 5 + [[0] * 10] * 5
    low, high = cluster_bootstrap(clusters, _mean, resamples=2000, seed=1)
    assert low is not None and high is not None
    assert low <= 0.5 <= high
    # the naive bootstrap over 100 samples would give about 0.40-0.60; clusters give about 0.2-0.8
    naive_low, naive_high = cluster_bootstrap([[v] for c in clusters for v in c], _mean, resamples=2000, seed=1)
    assert naive_low is not None and naive_high is not None
    assert high - low > 1.8 * (naive_high - naive_low)
    assert low == pytest.approx(0.2, abs=0.06) and high == pytest.approx(0.8, abs=0.06)


def test_cluster_bootstrap_quantiles_match_numpy_and_edge_cases() -> None:
    import numpy as np

    from auditor.metrics.stats import _quantile

    values = sorted([0.3, 0.1, 0.9, 0.5, 0.7, 0.2])
    for q in (0.025, 0.5, 0.975):
        assert _quantile(values, q) == pytest.approx(float(np.percentile(values, q * 100)))
    assert cluster_bootstrap([], _mean) == (None, None)
    assert cluster_bootstrap([[1], [1]], _mean) == (1.0, 1.0)
    assert cluster_bootstrap([[1], [0]], lambda cs: None) == (None, None)


def test_minimum_sample_rule() -> None:
    ok = minimum_sample({"women": 40, "men": 38}, min_n=30)
    assert ok.enough and ok.smallest == 38
    small = minimum_sample({"women": 40, "men": 12}, min_n=30)
    assert not small.enough and small.smallest == 12 and "men" in small.reason
    alone = minimum_sample({"women": 40}, min_n=30)
    assert not alone.enough and "need 2" in alone.reason
