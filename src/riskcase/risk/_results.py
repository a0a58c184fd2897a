"""Results of the risk model: per-pathway and overall probability of harm, with bands."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from pydantic import BaseModel, Field

from ._bands import Band
from ._profile import PathwayDeployment


class Interval(BaseModel):
    """Median and equal-tailed interval of a quantity's Monte Carlo draws."""

    median: float
    lo: float
    hi: float
    interval: float = 0.90

    @staticmethod
    def of(draws: Sequence[float] | np.ndarray, interval: float = 0.90) -> Interval:
        """Summarise draws by their median and central `interval`."""
        tail = (1 - interval) / 2 * 100
        lo, median, hi = np.percentile(np.asarray(draws), [tail, 50, 100 - tail])
        return Interval(median=float(median), lo=float(lo), hi=float(hi), interval=interval)


class Sensitivity(BaseModel):
    """What value of one input would move a pathway into a higher band.

    Attributes:
        parameter: ``propensity``, ``capability`` or ``evasion``.
        current: The input's posterior mean.
        raises_band_at: Smallest value (all else as estimated) at which the band rises;
            None when no value in [0, 1] does.
        raised_band: The band reached at that value.
    """

    parameter: str
    current: float
    raises_band_at: float | None
    raised_band: Band | None


class PathwayRisk(BaseModel):
    """The risk model's result for one pathway.

    Attributes:
        pathway_id: The pathway.
        assessed: Whether there was enough evidence to estimate it.
        reason: Why it was not assessed (empty when assessed).
        band: Risk band (None when not assessed: never "low" for lack of evidence).
        p_harm: Probability of harm per period (None when not assessed).
        p_harm_at_profile_coverage: For a pathway with its own monitoring coverage (P7),
            P(harm) from the same evidence at the profile-wide coverage: what the
            difference in monitoring alone changes.
        detection: Probability that one attempt is caught (coverage x non-evasion).
        mitigation: ``strong`` / ``moderate`` / ``weak`` from the median detection.
        deployment: The profile's values used for this pathway.
        histogram: Counts of log10(p_harm) draws in `histogram_edges` bins (for charts).
        sensitivity: What would move the pathway into a higher band.
    """

    pathway_id: str
    assessed: bool
    reason: str = ""
    band: Band | None = None
    p_harm: Interval | None = None
    p_harm_at_profile_coverage: Interval | None = None
    detection: Interval | None = None
    mitigation: str | None = None
    deployment: PathwayDeployment
    histogram: list[int] = Field(default_factory=list)
    histogram_edges: list[float] = Field(default_factory=list)
    sensitivity: list[Sensitivity] = Field(default_factory=list)


class OverallRisk(BaseModel):
    """Risk across pathways: probability that at least one pathway ends in harm.

    Attributes:
        band: Band of the overall probability of harm (over the assessed pathways).
        p_harm: Overall probability of harm per period (None when nothing is assessed).
        complete: Whether every pathway in scope was assessed.
        assessed: Ids of the pathways assessed.
        not_assessed: Ids of the pathways in scope without evidence.
        verdict: One sentence, as the report's headline.
    """

    band: Band | None
    p_harm: Interval | None
    complete: bool
    assessed: list[str]
    not_assessed: list[str]
    verdict: str


class RiskAssessment(BaseModel):
    """Per-pathway and overall results of one run of the risk model."""

    pathways: list[PathwayRisk]
    overall: OverallRisk
