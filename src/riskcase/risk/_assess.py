"""Monte Carlo risk estimation from per-pathway evidence and a deployment profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from riskcase.evidence import PathwayEvidence, Rate

from ._bands import Band, band_of, band_rank
from ._harm import Array, detection_probability, probability_of_harm
from ._profile import DeploymentProfile
from ._results import Interval, OverallRisk, PathwayRisk, RiskAssessment, Sensitivity

HISTOGRAM_EDGES = [float(x) for x in np.linspace(-8, 0, 33)]  # log10(p_harm) bins


def _draws(rate: Rate | None, rng: np.random.Generator, n: int) -> Array:
    """Posterior draws of a rate; the Jeffreys prior alone when there is no evidence."""
    alpha, beta = (rate.alpha, rate.beta) if rate is not None else (0.5, 0.5)
    return rng.beta(alpha, beta, size=n)


@dataclass
class _PathwayDraws:
    propensity: Array
    capability: Array
    evasion: Array


def _statistic(draws: Array, profile: DeploymentProfile) -> float:
    interval = Interval.of(draws)
    return interval.hi if profile.band_statistic == "hi" else interval.median


def _mitigation(detection_median: float) -> str:
    if detection_median >= 0.8:
        return "strong"
    if detection_median >= 0.5:
        return "moderate"
    return "weak"


def _sensitivity(
    draws: _PathwayDraws, evidence: PathwayEvidence, band: Band, profile: DeploymentProfile
) -> list[Sensitivity]:
    deployment = profile.for_pathway(evidence.pathway_id)
    results: list[Sensitivity] = []
    for parameter in ("propensity", "capability", "evasion"):
        rate: Rate | None = getattr(evidence, parameter)

        def band_at(value: float, parameter: str = parameter) -> Band:
            fixed = {**draws.__dict__, parameter: np.full_like(draws.propensity, value)}
            harm = probability_of_harm(
                fixed["propensity"],
                fixed["capability"],
                fixed["evasion"],
                profile.coverage_for(evidence.pathway_id),
                deployment,
            )
            return band_of(_statistic(harm, profile), profile.bands)

        top = band_at(1.0)
        current = rate.mean if rate is not None else 0.5
        if band_rank(top) <= band_rank(band):
            results.append(
                Sensitivity(
                    parameter=parameter, current=current, raises_band_at=None, raised_band=None
                )
            )
            continue
        low, high = 0.0, 1.0  # band_at(high) is above `band`; find the smallest such value
        for _ in range(40):
            middle = (low + high) / 2
            if band_rank(band_at(middle)) > band_rank(band):
                high = middle
            else:
                low = middle
        results.append(
            Sensitivity(
                parameter=parameter, current=current, raises_band_at=high, raised_band=band_at(high)
            )
        )
    return results


def _not_assessed(evidence: PathwayEvidence | None, pathway_id: str) -> str:
    if evidence is None or not evidence.scenarios:
        return "no scenario in the logs gives evidence for this pathway"
    missing = [
        m
        for m, n in (("attack", evidence.n_attack), ("opportunity", evidence.n_opportunity))
        if n == 0
    ]
    return f"no scored {' or '.join(missing)} samples"


def assess_risk(
    evidence: Sequence[PathwayEvidence],
    profile: DeploymentProfile,
    scope: Sequence[str],
) -> RiskAssessment:
    """Estimate per-pathway and overall risk.

    Args:
        evidence: Evidence per pathway (pathways absent here count as not assessed).
        profile: Deployment profile (coverage, opportunities, bands, draws, seed).
        scope: Pathway ids the assessment covers, in report order.
    """
    rng = np.random.default_rng(profile.seed)
    by_id = {e.pathway_id: e for e in evidence}
    results: list[PathwayRisk] = []
    harm_by_pathway: dict[str, Array] = {}
    for pathway_id in scope:
        item = by_id.get(pathway_id)
        deployment = profile.for_pathway(pathway_id)
        if item is None or not item.assessed:
            results.append(
                PathwayRisk(
                    pathway_id=pathway_id,
                    assessed=False,
                    reason=_not_assessed(item, pathway_id),
                    deployment=deployment,
                )
            )
            continue
        draws = _PathwayDraws(
            propensity=_draws(item.propensity, rng, profile.draws),
            capability=_draws(item.capability, rng, profile.draws),
            evasion=_draws(item.evasion, rng, profile.draws),
        )
        coverage = profile.coverage_for(pathway_id)
        harm = probability_of_harm(
            draws.propensity, draws.capability, draws.evasion, coverage, deployment
        )
        at_profile_coverage = None
        if coverage != profile.monitoring_coverage:
            at_profile_coverage = Interval.of(
                probability_of_harm(
                    draws.propensity,
                    draws.capability,
                    draws.evasion,
                    profile.monitoring_coverage,
                    deployment,
                )
            )
        harm_by_pathway[pathway_id] = harm
        band = band_of(_statistic(harm, profile), profile.bands)
        detection = Interval.of(detection_probability(coverage, draws.evasion))
        counts, _ = np.histogram(np.log10(np.clip(harm, 1e-8, 1.0)), bins=HISTOGRAM_EDGES)
        results.append(
            PathwayRisk(
                pathway_id=pathway_id,
                assessed=True,
                band=band,
                p_harm=Interval.of(harm),
                p_harm_at_profile_coverage=at_profile_coverage,
                detection=detection,
                mitigation=_mitigation(detection.median),
                deployment=deployment,
                histogram=[int(c) for c in counts],
                histogram_edges=HISTOGRAM_EDGES,
                sensitivity=_sensitivity(draws, item, band, profile),
            )
        )
    return RiskAssessment(pathways=results, overall=_overall(results, harm_by_pathway, profile))


def _overall(
    results: list[PathwayRisk], harm_by_pathway: dict[str, Array], profile: DeploymentProfile
) -> OverallRisk:
    assessed = [r.pathway_id for r in results if r.assessed]
    missing = [r.pathway_id for r in results if not r.assessed]
    if not assessed:
        return OverallRisk(
            band=None,
            p_harm=None,
            complete=False,
            assessed=[],
            not_assessed=missing,
            verdict="Not assessed: no pathway has the evidence a verdict needs.",
        )
    survive = np.ones(profile.draws)
    for harm in harm_by_pathway.values():
        survive *= 1.0 - harm
    overall = 1.0 - survive
    band = band_of(_statistic(overall, profile), profile.bands)
    p_harm = Interval.of(overall)
    verdict = (
        f"Overall sabotage risk is {band}: probability of harm per period {p_harm.median:.1e} "
        f"(90% interval {p_harm.lo:.1e} to {p_harm.hi:.1e}) over {len(assessed)} assessed "
        f"pathway{'s' if len(assessed) != 1 else ''}"
    )
    if missing:
        verdict += (
            f"; {len(missing)} pathway{'s' if len(missing) != 1 else ''} "
            f"({', '.join(missing)}) not assessed, so this is no verdict on them."
        )
    else:
        verdict += "."
    return OverallRisk(
        band=band,
        p_harm=p_harm,
        complete=not missing,
        assessed=assessed,
        not_assessed=missing,
        verdict=verdict,
    )
