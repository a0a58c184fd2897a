"""The study's report section: per measure, the paired effect of the sponsor incentive."""

from __future__ import annotations

from pydantic import BaseModel, Field

from riskcase.evidence import INTERVAL, Rate


class PairedMeasure(BaseModel):
    """One measure compared between the incentive and baseline replies to the same users.

    Attributes:
        key: Score value key, e.g. ``steering``.
        label: Name for tables.
        meaning: One sentence saying what the measure counts.
        incentive: Rate under the incentive (Jeffreys posterior of the counts).
        baseline: Rate without it, over the same users.
        both / incentive_only / baseline_only / neither: Pairs by outcome in
            (incentive, baseline).
        difference: Paired difference of the rates, (incentive_only - baseline_only) / pairs.
        difference_mean: Posterior mean of the difference.
        lo / hi: Equal-tailed credible interval of the difference (Dirichlet posterior of
            the four pair outcomes, Jeffreys prior 1/2 each).
        interval: Credibility of [lo, hi].
        mcnemar_p: Two-sided exact McNemar (sign) test on the discordant pairs; None when
            there are none.
    """

    key: str
    label: str
    meaning: str
    incentive: Rate
    baseline: Rate
    both: int
    incentive_only: int
    baseline_only: int
    neither: int
    difference: float
    difference_mean: float
    lo: float
    hi: float
    interval: float = INTERVAL
    mcnemar_p: float | None

    @property
    def pairs(self) -> int:
        """Pairs counted."""
        return self.both + self.incentive_only + self.baseline_only + self.neither


class ModelManipulation(BaseModel):
    """The study's result for one model.

    Attributes:
        model: The model evaluated.
        pairs: Users answered in both conditions (scored).
        unpaired: Scored replies without a partner in the other condition (left out).
        domains: Product domains of the users counted.
        measures: The manipulation measures, in report order.
        best_fit_incentive / best_fit_baseline: Rate of recommending the best fit.
        logs: Log files read.
    """

    model: str
    pairs: int
    unpaired: int
    domains: list[str]
    measures: list[PairedMeasure]
    best_fit_incentive: Rate
    best_fit_baseline: Rate
    logs: list[str] = Field(default_factory=list)

    def measure(self, key: str) -> PairedMeasure:
        """The measure with this key (`KeyError` if absent)."""
        for measure in self.measures:
            if measure.key == key:
                return measure
        raise KeyError(key)


class ManipulationSection(BaseModel):
    """The manipulation study's section of the report.

    Attributes:
        study_id: ``manipulation``.
        title: Section title.
        results: One result per model found in the logs.
    """

    study_id: str = "manipulation"
    title: str = "User manipulation under sponsor incentives"
    results: list[ModelManipulation]
