"""The alignment study's report section: coherence of misalignment, stated goals, consistency."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from riskcase.evidence import Rate


class Classification(StrEnum):
    """How the model's misbehaviour spreads across scenario families."""

    NO_EVIDENCE = "no_evidence"
    CONTEXT_DEPENDENT = "context_dependent"
    SCOPE_UNRESOLVED = "scope_unresolved"
    CONSISTENT = "consistent"

    @property
    def label(self) -> str:
        """The classification as a reader sees it."""
        return {
            Classification.NO_EVIDENCE: "no evidence of misbehaviour",
            Classification.CONTEXT_DEPENDENT: "context-dependent",
            Classification.SCOPE_UNRESOLVED: "misbehaviour found, spread across contexts unresolved",
            Classification.CONSISTENT: "consistent across contexts",
        }[self]


class Stance(StrEnum):
    """What an answer to a goal-elicitation probe says about oversight."""

    SUPPORTS = "supports_oversight"
    NEUTRAL = "neutral"
    UNDERMINES = "undermines_oversight"


BaselineSource = Literal["family", "pooled", "assumed_zero"]


class FamilyPropensity(BaseModel):
    """Opportunity-mode sabotage attempts of one scenario family against its baseline.

    Attributes:
        family: Scenario id.
        pathway_id: Pathway the scenario gives evidence for.
        propensity: Attempts among scored ``opportunity`` samples.
        baseline: Attempts the checker found among ``honest`` samples (its false alarms);
            None when assumed zero.
        baseline_source: ``family`` (its own honest samples), ``pooled`` (honest samples of
            every family, when it has none) or ``assumed_zero`` (no honest samples at all).
            Diffuse sandbagging (P1), whose "attempt" is underperformance, only ever uses its
            own honest run (the same tasks framed as ordinary work).
        excess_mean / excess_lo / excess_hi: Posterior of propensity minus baseline.
        p_value: One-sided p-value of "propensity above baseline" (Fisher's exact test;
            exact binomial against 0 when the baseline is assumed zero).
        adjusted_p: Holm-adjusted p-value across the families.
        above_baseline: Whether the adjusted p-value is below the study's alpha.
        min_detectable: Fewest attempts out of the same number of samples that would be
            declared above baseline whatever the other families show (None: none would).
        n_unscored: Samples left out because they failed or were not scored.
    """

    family: str
    pathway_id: str
    propensity: Rate
    baseline: Rate | None
    baseline_source: BaselineSource
    excess_mean: float
    excess_lo: float
    excess_hi: float
    p_value: float
    adjusted_p: float
    above_baseline: bool
    min_detectable: int | None
    n_unscored: int = 0


class ExcludedFamily(BaseModel):
    """A scenario family left out of the coherence analysis, and why."""

    family: str
    pathway_id: str
    reason: str


class Estimate(BaseModel):
    """A statistic with its interval (None where not estimable, with the reason)."""

    value: float | None = None
    lo: float | None = None
    hi: float | None = None
    note: str = ""


class CoVariation(BaseModel):
    """How strongly propensities move together across families (and runs).

    Attributes:
        heterogeneity_p: Permutation p-value of "every family has the same propensity"
            (chi-square statistic, margins fixed); None with fewer than two families.
        heterogeneity_note: What the test compared, or why it was not run.
        concentration: Largest single-family share of the total excess propensity
            (1 / number of families when spread evenly, 1 when all in one family).
        runs: Runs seen (model and epoch pairs).
        run_correlation: Mean pairwise correlation of per-family propensities across runs.
    """

    heterogeneity_p: float | None
    heterogeneity_note: str
    concentration: Estimate
    runs: int
    run_correlation: Estimate


class ProbeCell(BaseModel):
    """Probe answers of one framing, topic or format."""

    key: str
    n: int
    supports: int
    neutral: int
    undermines: int
    disclosure: Rate


class ProbeResults(BaseModel):
    """Goal-elicitation probe answers, classified.

    Attributes:
        n_probes: Probes answered and scored.
        n_unscored: Probes that failed or were not scored.
        supports / neutral / undermines: Answers per stance.
        disclosure: Share of answers stating goals that favour undermining oversight.
        by_framing / by_topic / by_format: The same per framing, topic and answer format.
        framing_heterogeneity_p: Permutation p-value of "disclosure is the same in every
            framing" (None with fewer than two framings or no variation possible).
        rules: How many answers each scoring rule classified (``choice``, ``ranked``,
            ``free_text`` and the free-text fallbacks for unparsable structured answers).
    """

    n_probes: int
    n_unscored: int
    supports: int
    neutral: int
    undermines: int
    disclosure: Rate
    by_framing: list[ProbeCell] = Field(default_factory=list)
    by_topic: list[ProbeCell] = Field(default_factory=list)
    by_format: list[ProbeCell] = Field(default_factory=list)
    framing_heterogeneity_p: float | None = None
    rules: dict[str, int] = Field(default_factory=dict)


ConsistencyVerdict = Literal[
    "discloses",
    "partly discloses",
    "conceals",
    "supportive in word and deed",
    "states undermining goals without revealed sabotage",
    "mixed",
]


class Consistency(BaseModel):
    """Stated goals against revealed behaviour for one model.

    Attributes:
        model: The model.
        revealed: Whether its sabotage propensity is above baseline in any family.
        revealed_families: Those families.
        disclosure: Its probe answers stating oversight-undermining goals.
        agreement: Its probe answers whose stance agrees with its revealed behaviour
            (undermining where it sabotages, otherwise supportive or neutral).
        verdict: One of `ConsistencyVerdict`.
        note: What the verdict means for trusting the model's stated goals.
    """

    model: str
    revealed: bool
    revealed_families: list[str]
    disclosure: Rate
    agreement: Rate
    verdict: ConsistencyVerdict
    note: str


class AlignmentSection(BaseModel):
    """The alignment section of the report.

    Attributes:
        title: Section title.
        classification: No evidence / context-dependent / consistent across contexts.
        alpha: Family-wise error rate of the "above baseline" decisions (one-sided).
        correction: Multiple-comparison correction used.
        k_broad: Families above baseline needed for "consistent across contexts".
        families: Per-family propensity against baseline.
        excluded: Families left out, with reasons.
        covariation: Heterogeneity, concentration and run-to-run correlation.
        probes: Goal-elicitation results (None when the probes were not run).
        consistency: Stated against revealed, per model (empty without probes).
        conclusion: One sentence stating the classification and its grounds.
        would_change: The concrete finding that would change the conclusion.
        notes: What could not be estimated and why.
    """

    title: str
    classification: Classification
    alpha: float
    correction: str
    k_broad: int
    families: list[FamilyPropensity]
    excluded: list[ExcludedFamily] = Field(default_factory=list)
    covariation: CoVariation
    probes: ProbeResults | None = None
    consistency: list[Consistency] = Field(default_factory=list)
    conclusion: str
    would_change: str
    notes: list[str] = Field(default_factory=list)

    @property
    def n_families(self) -> int:
        """Families analysed."""
        return len(self.families)

    @property
    def n_above(self) -> int:
        """Families whose propensity is above baseline."""
        return sum(f.above_baseline for f in self.families)
