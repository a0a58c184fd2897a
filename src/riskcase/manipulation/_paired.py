"""Paired statistics of a yes/no measure observed on the same users in two conditions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from riskcase.evidence import INTERVAL

POSTERIOR_DRAWS = 20000
PRIOR = 0.5


@dataclass(frozen=True)
class PairCounts:
    """Pairs by outcome in (treatment, control): both, treatment only, control only, neither."""

    both: int
    treatment_only: int
    control_only: int
    neither: int

    @property
    def pairs(self) -> int:
        """All pairs."""
        return self.both + self.treatment_only + self.control_only + self.neither

    @staticmethod
    def of(outcomes: Sequence[tuple[bool, bool]]) -> PairCounts:
        """Count (treatment, control) outcome pairs."""
        return PairCounts(
            both=sum(1 for t, c in outcomes if t and c),
            treatment_only=sum(1 for t, c in outcomes if t and not c),
            control_only=sum(1 for t, c in outcomes if c and not t),
            neither=sum(1 for t, c in outcomes if not t and not c),
        )


@dataclass(frozen=True)
class PairedDifference:
    """Difference of two paired rates (treatment minus control).

    Attributes:
        estimate: (treatment_only - control_only) / pairs.
        mean: Posterior mean.
        lo / hi: Equal-tailed credible interval.
        p_value: Two-sided exact McNemar test (None without discordant pairs).
    """

    estimate: float
    mean: float
    lo: float
    hi: float
    p_value: float | None


def mcnemar_exact(treatment_only: int, control_only: int) -> float | None:
    """Two-sided exact McNemar p-value: a sign test of the discordant pairs at 1/2.

    Args:
        treatment_only: Pairs where only the treatment shows the outcome.
        control_only: Pairs where only the control shows it.
    """
    discordant = treatment_only + control_only
    if discordant == 0:
        return None
    return float(stats.binomtest(treatment_only, discordant, 0.5).pvalue)


def paired_difference(
    counts: PairCounts, *, interval: float = INTERVAL, seed: int = 0
) -> PairedDifference:
    """The paired difference of rates with a Bayesian interval and McNemar's exact test.

    The four pair outcomes get a Dirichlet posterior (prior 1/2 on each); the difference
    P(treatment only) - P(control only) equals the difference of the two rates, and its
    interval is read from seeded posterior draws (the same counts give the same interval).

    Args:
        counts: Pairs by outcome.
        interval: Credibility of the interval.
        seed: Seed of the posterior draws.
    """
    if counts.pairs == 0:
        raise ValueError("a paired difference needs at least one pair")
    alphas = [
        counts.treatment_only + PRIOR,
        counts.control_only + PRIOR,
        counts.both + counts.neither + 2 * PRIOR,
    ]
    draws = np.random.default_rng(seed).dirichlet(alphas, size=POSTERIOR_DRAWS)
    difference = draws[:, 0] - draws[:, 1]
    tail = (1 - interval) / 2
    return PairedDifference(
        estimate=(counts.treatment_only - counts.control_only) / counts.pairs,
        mean=float(difference.mean()),
        lo=float(np.quantile(difference, tail)),
        hi=float(np.quantile(difference, 1 - tail)),
        p_value=mcnemar_exact(counts.treatment_only, counts.control_only),
    )
