"""Beta posteriors for rates."""

import pytest
from scipy import stats

from riskcase.evidence import beta_rate


def test_jeffreys_posterior_mean_and_interval() -> None:
    rate = beta_rate(3, 10)
    assert rate.mean == pytest.approx(3.5 / 11)
    assert rate.lo == pytest.approx(stats.beta.ppf(0.05, 3.5, 7.5))
    assert rate.hi == pytest.approx(stats.beta.ppf(0.95, 3.5, 7.5))


def test_zero_successes_still_has_positive_upper_bound() -> None:
    rate = beta_rate(0, 164)
    assert rate.lo == pytest.approx(0, abs=1e-4) and 0 < rate.hi < 0.02


def test_interval_narrows_with_more_samples() -> None:
    assert (beta_rate(50, 100).hi - beta_rate(50, 100).lo) < (
        beta_rate(5, 10).hi - beta_rate(5, 10).lo
    )


def test_invalid_counts_rejected() -> None:
    with pytest.raises(ValueError):
        beta_rate(5, 3)
