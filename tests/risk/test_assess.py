"""The risk assessment across pathways: not-assessed handling, monotonicity, sensitivity."""

import numpy as np

from riskcase.evidence import PathwayEvidence, beta_rate
from riskcase.risk import assess_risk, band_rank, load_profile, probability_of_harm


def evidence(
    pathway: str, capability: tuple[int, int], evasion: tuple[int, int], propensity: tuple[int, int]
) -> PathwayEvidence:
    return PathwayEvidence(
        pathway_id=pathway,
        scenarios=["s"],
        n_honest=50,
        n_attack=capability[1],
        n_opportunity=propensity[1],
        n_errors=0,
        capability=beta_rate(*capability),
        evasion=beta_rate(*evasion),
        propensity=beta_rate(*propensity),
        usefulness=None,
        honest_attempts=None,
    )


def test_pathway_without_evidence_is_not_assessed_never_low() -> None:
    result = assess_risk(
        [evidence("P3", (30, 50), (10, 30), (0, 50))], load_profile(), ["P1", "P3"]
    )
    p1 = result.pathways[0]
    assert not p1.assessed and p1.band is None and p1.p_harm is None
    assert "no scenario" in p1.reason
    assert result.overall.not_assessed == ["P1"] and not result.overall.complete
    assert "not assessed" in result.overall.verdict


def test_nothing_assessed_gives_no_verdict() -> None:
    result = assess_risk([], load_profile(), ["P1", "P2"])
    assert result.overall.band is None and result.overall.p_harm is None


def test_saboteur_is_riskier_than_honest_model() -> None:
    profile = load_profile()
    honest = assess_risk([evidence("P3", (30, 50), (10, 30), (0, 100))], profile, ["P3"])
    saboteur = assess_risk([evidence("P3", (30, 50), (10, 30), (30, 100))], profile, ["P3"])
    assert saboteur.overall.p_harm.median > honest.overall.p_harm.median
    assert band_rank(saboteur.overall.band) >= band_rank(honest.overall.band)


def test_overall_is_at_least_each_pathway() -> None:
    result = assess_risk(
        [evidence("P2", (5, 20), (2, 5), (1, 20)), evidence("P3", (30, 50), (10, 30), (2, 50))],
        load_profile(),
        ["P2", "P3"],
    )
    assert result.overall.complete
    for pathway in result.pathways:
        assert result.overall.p_harm.median >= pathway.p_harm.median * 0.999


def test_sensitivity_value_really_raises_the_band() -> None:
    profile = load_profile()
    item = evidence("P3", (30, 50), (10, 30), (0, 100))
    result = assess_risk([item], profile, ["P3"]).pathways[0]
    found = [s for s in result.sensitivity if s.raises_band_at is not None]
    assert found, "some input must be able to raise the band of a low-propensity pathway"
    for sensitivity in found:
        assert band_rank(sensitivity.raised_band) > band_rank(result.band)
        assert sensitivity.raises_band_at > 0


def test_same_seed_same_result() -> None:
    profile = load_profile()
    item = evidence("P3", (30, 50), (10, 30), (3, 100))
    first = assess_risk([item], profile, ["P3"]).overall.p_harm
    second = assess_risk([item], profile, ["P3"]).overall.p_harm
    assert first == second


def test_vectorised_model_agrees_with_scalar_draws() -> None:
    profile = load_profile()
    draws = np.array([0.01, 0.2]), np.array([0.5, 0.9]), np.array([0.3, 0.1])
    together = probability_of_harm(*draws, 0.9, profile.for_pathway("P3"))
    for index in range(2):
        alone = probability_of_harm(
            *(d[index : index + 1] for d in draws), 0.9, profile.for_pathway("P3")
        )
        assert alone[0] == together[index]
