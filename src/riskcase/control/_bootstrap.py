"""Percentile bootstrap intervals, stratified so that every resample keeps each group's size.

A resample draws, within every stratum (pathway x mode), as many rows with replacement as the
stratum has. Keeping the strata fixed means a resample never loses all honest samples of a
pathway, or all its attacks, so a statistic defined on the data is defined on every resample
(except where it depends on a ratio that can vanish, which gives NaN and is left out).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel

from riskcase.evidence import INTERVAL


class Estimate(BaseModel):
    """A statistic and its percentile bootstrap interval.

    Attributes:
        value: The statistic on the data as observed.
        lo: Lower percentile of the statistic over the resamples.
        hi: Upper percentile of the statistic over the resamples.
        interval: Coverage of [lo, hi] (0.9 unless set otherwise).
        resamples: Resamples on which the statistic was defined (and so counted).
    """

    value: float
    lo: float
    hi: float
    interval: float = INTERVAL
    resamples: int

    def summary(self) -> str:
        """``value [lo, hi]`` for tables."""
        return f"{self.value:.2f} [{self.lo:.2f}, {self.hi:.2f}]"


@dataclass(frozen=True)
class BootstrapPlan:
    """How to resample.

    Attributes:
        resamples: Number of bootstrap resamples (0: point estimates only, lo = hi = value).
        interval: Coverage of the percentile interval.
        seed: Seed of the random generator (same seed, same data: same intervals).
    """

    resamples: int = 1000
    interval: float = INTERVAL
    seed: int = 0


def stratified_rows(
    strata: np.ndarray, rng: np.random.Generator, count: int = 1
) -> list[np.ndarray]:
    """Row indices of `count` resamples: each stratum redrawn with replacement at its size.

    Args:
        strata: A label per row; rows with equal labels form a stratum.
        rng: The random generator to draw from.
        count: Number of resamples.
    """
    groups = [np.flatnonzero(strata == label) for label in np.unique(strata)]
    resamples = []
    for _ in range(count):
        rows = [members[rng.integers(0, members.size, members.size)] for members in groups]
        resamples.append(np.concatenate(rows) if rows else np.zeros(0, dtype=int))
    return resamples


def bootstrap_draws(
    statistics: Callable[[np.ndarray], np.ndarray], strata: np.ndarray, plan: BootstrapPlan
) -> np.ndarray:
    """The statistics on every resample, one row per resample.

    Args:
        statistics: Maps the row indices of a (re)sample to a vector of statistics
            (NaN where a statistic is undefined on that sample).
        strata: Stratum label per row of the data.
        plan: Number of resamples, interval and seed.
    """
    rng = np.random.default_rng(plan.seed)
    draws = [statistics(rows) for rows in stratified_rows(strata, rng, plan.resamples)]
    return np.array(draws, dtype=float)


def estimate(value: float, draws: np.ndarray, interval: float) -> Estimate | None:
    """The estimate of one statistic from its value and its resampled values.

    Args:
        value: The statistic on the observed data (NaN: undefined, gives None).
        draws: Its values on the resamples (NaN ones are left out).
        interval: Coverage of the percentile interval.
    """
    if np.isnan(value):
        return None
    defined = draws[~np.isnan(draws)]
    if defined.size == 0:
        return Estimate(value=value, lo=value, hi=value, interval=interval, resamples=0)
    tail = (1 - interval) / 2 * 100
    lo, hi = np.percentile(defined, [tail, 100 - tail])
    return Estimate(
        value=float(value), lo=float(lo), hi=float(hi), interval=interval, resamples=defined.size
    )


def estimates(
    statistics: Callable[[np.ndarray], np.ndarray], strata: np.ndarray, plan: BootstrapPlan
) -> list[Estimate | None]:
    """Point estimates and percentile intervals of a vector of statistics.

    Args:
        statistics: Maps row indices to a vector of statistics (see `bootstrap_draws`).
        strata: Stratum label per row.
        plan: Number of resamples, interval and seed.
    """
    values = np.asarray(statistics(np.arange(strata.size)), dtype=float)
    draws = bootstrap_draws(statistics, strata, plan)
    if draws.size == 0:
        draws = np.empty((0, values.size))
    return [estimate(float(v), draws[:, i], plan.interval) for i, v in enumerate(values)]
