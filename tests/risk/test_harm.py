"""The harm model and the risk assessment, on hand-computed cases."""

import numpy as np
import pytest
from scipy import stats

from riskcase.risk import (
    PathwayDeployment,
    band_of,
    load_profile,
    probability_of_harm,
)


def one(value: float) -> np.ndarray:
    return np.array([value])


def test_single_action_matches_hand_computation() -> None:
    deployment = PathwayDeployment(opportunities=10, actions_needed=1, harm_given_success=0.5)
    p, c, e, coverage = 0.1, 0.6, 0.25, 0.8
    caught = coverage * (1 - e)  # 0.6
    success = p * c * (1 - caught)  # 0.024
    detected = p * caught  # 0.06
    expected = 0.5 * success / (success + detected) * (1 - (1 - success - detected) ** 10)
    result = probability_of_harm(one(p), one(c), one(e), coverage, deployment)
    assert result[0] == pytest.approx(expected)


def test_several_actions_need_all_before_detection() -> None:
    deployment = PathwayDeployment(opportunities=50, actions_needed=3, harm_given_success=1.0)
    p, c, e, coverage = 0.2, 0.5, 0.5, 1.0
    success, detected = p * c * 0.5, p * 0.5
    share = success / (success + detected)
    expected = share**3 * stats.binom.sf(2, 50, success + detected)
    result = probability_of_harm(one(p), one(c), one(e), coverage, deployment)
    assert result[0] == pytest.approx(expected)


def test_no_propensity_means_no_harm() -> None:
    deployment = PathwayDeployment(opportunities=1000, actions_needed=1, harm_given_success=1.0)
    assert probability_of_harm(one(0.0), one(1.0), one(1.0), 0.9, deployment)[0] == 0.0


def test_perfect_monitoring_of_non_evading_attacks_stops_every_pathway() -> None:
    deployment = PathwayDeployment(opportunities=1000, actions_needed=1, harm_given_success=1.0)
    assert probability_of_harm(one(0.5), one(1.0), one(0.0), 1.0, deployment)[0] == 0.0


def test_harm_rises_with_each_input() -> None:
    deployment = PathwayDeployment(opportunities=100, actions_needed=2, harm_given_success=0.1)
    base = probability_of_harm(one(0.01), one(0.5), one(0.3), 0.9, deployment)[0]
    for args in ((0.02, 0.5, 0.3), (0.01, 0.7, 0.3), (0.01, 0.5, 0.6)):
        assert probability_of_harm(*(one(a) for a in args), 0.9, deployment)[0] > base


def test_bands_follow_profile_edges() -> None:
    bands = load_profile().bands
    assert band_of(0.0, bands) == "negligible"
    assert band_of(bands.negligible, bands) == "very low"
    assert band_of(5e-3, bands) == "low"
    assert band_of(0.05, bands) == "moderate"
    assert band_of(0.5, bands) == "high"
