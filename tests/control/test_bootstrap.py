"""Stratified percentile bootstrap: reproducible, sized per stratum, containing the estimate."""

from __future__ import annotations

from collections import Counter

import numpy as np

from riskcase.control import BootstrapPlan, Estimate
from riskcase.control._bootstrap import estimate, estimates, stratified_rows

STRATA = np.array(["a"] * 30 + ["b"] * 10)
VALUES = np.concatenate([np.linspace(0, 1, 30), np.linspace(2, 3, 10)])


def _mean(rows: np.ndarray) -> np.ndarray:
    return np.array([VALUES[rows].mean(), np.nan])


def test_every_resample_keeps_each_strata_size() -> None:
    for rows in stratified_rows(STRATA, np.random.default_rng(0), count=20):
        assert Counter(STRATA[rows]) == {"a": 30, "b": 10}


def test_interval_contains_the_estimate_and_is_reproducible() -> None:
    plan = BootstrapPlan(resamples=500, interval=0.9, seed=7)
    mean, undefined = estimates(_mean, STRATA, plan)
    assert undefined is None  # NaN on the data: no estimate
    assert mean is not None and mean.lo < mean.value < mean.hi and mean.resamples == 500
    assert mean.value == VALUES.mean()
    again, _ = estimates(_mean, STRATA, plan)
    assert again == mean
    other, _ = estimates(_mean, STRATA, BootstrapPlan(resamples=500, interval=0.9, seed=8))
    assert other is not None and (other.lo, other.hi) != (mean.lo, mean.hi)
    wider, _ = estimates(_mean, STRATA, BootstrapPlan(resamples=500, interval=0.99, seed=7))
    assert wider is not None and wider.lo < mean.lo and wider.hi > mean.hi


def test_undefined_resamples_are_left_out_and_zero_resamples_give_the_point() -> None:
    draws = np.array([0.1, np.nan, 0.3, np.nan])
    assert estimate(0.2, draws, 0.9) == Estimate(
        value=0.2, lo=0.11, hi=0.29, interval=0.9, resamples=2
    )
    [point, _] = estimates(_mean, STRATA, BootstrapPlan(resamples=0))
    assert point is not None and point.lo == point.hi == point.value and point.resamples == 0
