"""The study's intervals from their formulas against statsmodels (a development dependency, not shipped in the
standalone app) and against published values."""

import numpy as np
import pytest
import statsmodels.stats.inter_rater as statsmodels_inter_rater  # a development dependency (pyproject.toml)
import statsmodels.stats.proportion as statsmodels_proportion

from xincept_desktop.core.verification.intervals import cohens_kappa, normal_quantile, wilson_interval


def test_normal_quantile():
    assert normal_quantile(0.95) == pytest.approx(1.959963984540054, abs=1e-12)
    assert normal_quantile(0.99) == pytest.approx(2.5758293035489004, abs=1e-12)


@pytest.mark.parametrize("count,total", [(0, 1), (1, 1), (0, 10), (10, 10), (8, 10), (1, 29), (15, 148),
                                         (81, 263), (47, 50), (190, 200), (2769, 2770), (3, 5000)])
@pytest.mark.parametrize("confidence", [0.95, 0.9])
def test_wilson_interval_equals_statsmodels(count, total, confidence):
    expected = statsmodels_proportion.proportion_confint(count, total, alpha=1 - confidence, method="wilson")
    assert wilson_interval(count, total, confidence) == pytest.approx(expected, abs=1e-12)


def test_wilson_interval_reproduces_newcombe_1998():
    """Newcombe (1998), Table I, method 3: 81/263 and 15/148 (four decimals as printed)."""
    assert wilson_interval(81, 263) == pytest.approx((0.2553, 0.3662), abs=5e-5)
    assert wilson_interval(15, 148) == pytest.approx((0.0624, 0.1605), abs=5e-5)


@pytest.mark.parametrize("count,total", [(-1, 10), (11, 10), (0, 0)])
def test_wilson_interval_refuses_impossible_counts(count, total):
    with pytest.raises(ValueError, match="count"):
        wilson_interval(count, total)


def _tables():
    generator = np.random.default_rng(18)
    yield np.array([[20, 5], [10, 15]])
    yield np.array([[9, 1, 0, 0], [0, 10, 0, 0], [0, 0, 8, 2], [0, 0, 0, 10]])
    yield np.array([[50, 0], [0, 50]])  # perfect agreement: a zero-width interval
    yield np.array([[0, 30], [25, 0]])  # less than chance
    for size in (2, 3, 4, 4, 4, 6):
        # diagonal-heavy tables like a study's confusion matrix, and sparse ones with empty cells
        yield generator.poisson(2, (size, size)) + np.diag(generator.integers(0, 60, size))
        yield generator.poisson(0.4, (size, size)) + np.eye(size, dtype=int)


@pytest.mark.parametrize("table", list(_tables()), ids=lambda t: "x".join(map(str, t.shape)) + f"-{t.sum()}")
def test_cohens_kappa_and_interval_equal_statsmodels(table):
    expected = statsmodels_inter_rater.cohens_kappa(table)
    kappa, low, high = cohens_kappa(table)
    assert kappa == pytest.approx(expected.kappa, abs=1e-12)
    assert (low, high) == pytest.approx((expected.kappa_low, expected.kappa_upp), abs=1e-12)
    assert low <= kappa <= high
