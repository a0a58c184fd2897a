"""Rates with Bayesian intervals: the unit of evidence riskcase reports."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field
from scipy import stats

# Jeffreys prior Beta(1/2, 1/2): uninformative, and gives a non-zero upper bound at 0/n.
PRIOR_ALPHA = 0.5
PRIOR_BETA = 0.5
INTERVAL = 0.90


class Rate(BaseModel):
    """A proportion estimated from samples, with its Beta posterior.

    Attributes:
        successes: Samples where the event happened.
        trials: Samples counted.
        mean: Posterior mean.
        lo: Lower end of the equal-tailed credible interval.
        hi: Upper end of the equal-tailed credible interval.
        interval: Credibility of [lo, hi] (0.9 unless set otherwise).
        success_refs: ``task:sample#epoch`` of each sample where the event happened.
        logs: Log files holding the samples counted.
        posterior_alpha / posterior_beta: Beta parameters when the posterior is not the
            Jeffreys posterior of the counts (a rate derived from paired samples); None
            otherwise.
    """

    successes: int
    trials: int
    mean: float
    lo: float
    hi: float
    interval: float = INTERVAL
    success_refs: list[str] = Field(default_factory=list)
    logs: list[str] = Field(default_factory=list)
    posterior_alpha: float | None = None
    posterior_beta: float | None = None

    @property
    def alpha(self) -> float:
        """First parameter of the Beta posterior."""
        if self.posterior_alpha is not None:
            return self.posterior_alpha
        return PRIOR_ALPHA + self.successes

    @property
    def beta(self) -> float:
        """Second parameter of the Beta posterior."""
        if self.posterior_beta is not None:
            return self.posterior_beta
        return PRIOR_BETA + self.trials - self.successes

    def summary(self) -> str:
        """``mean [lo, hi] (k/n)`` for tables."""
        return f"{self.mean:.2f} [{self.lo:.2f}, {self.hi:.2f}] ({self.successes}/{self.trials})"


def beta_rate(
    successes: int,
    trials: int,
    *,
    interval: float = INTERVAL,
    success_refs: Sequence[str] = (),
    logs: Sequence[str] = (),
) -> Rate:
    """The posterior of a proportion after `successes` out of `trials` (Jeffreys prior).

    Args:
        successes: Count of samples where the event happened.
        trials: Count of samples (must be >= successes).
        interval: Credibility of the reported interval.
        success_refs: References to the samples where the event happened.
        logs: Log files holding the samples.
    """
    if trials < 0 or not 0 <= successes <= trials:
        raise ValueError(f"invalid counts: {successes} successes out of {trials} trials")
    alpha = PRIOR_ALPHA + successes
    beta = PRIOR_BETA + trials - successes
    tail = (1 - interval) / 2
    return Rate(
        successes=successes,
        trials=trials,
        mean=alpha / (alpha + beta),
        lo=float(stats.beta.ppf(tail, alpha, beta)),
        hi=float(stats.beta.ppf(1 - tail, alpha, beta)),
        interval=interval,
        success_refs=list(success_refs),
        logs=sorted(set(logs)),
    )
