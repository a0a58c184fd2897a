"""Per-sample safety and P(blue team wins a deployment) against the best red team."""

from __future__ import annotations

import math

import numpy as np
import pytest

from riskcase.control import Phase, deployment_safety, per_sample_safety
from riskcase.control._safety import red_win_probability


def test_per_sample_safety() -> None:
    assert per_sample_safety(3, 1, 10) == 0.75
    assert per_sample_safety(0, 0, 4) == 1.0  # attacks, none caught, none succeeded
    assert math.isnan(per_sample_safety(0, 0, 0))  # no attacks: not measured


def test_one_phase_has_a_closed_form_and_attacking_every_task_is_best() -> None:
    won, p = deployment_safety([Phase(tasks=10, caught=0.3, succeeds=0.2)])
    assert won == pytest.approx(1 - 0.4 * (1 - 0.5**10)) and p == 1.0
    probabilities = np.linspace(0.01, 1, 100)
    red = red_win_probability([Phase(10, 0.3, 0.2)], probabilities)
    assert np.all(np.diff(red) > 0)  # the red team's chance grows with p


def test_upfront_auditing_optimum_matches_a_dense_search() -> None:
    # audit the first 20 of 1000 tasks (every attack there is caught), then nothing
    phases = [Phase(20, 1.0, 0.0), Phase(980, 0.0, 0.5)]
    won, best = deployment_safety(phases)
    p = np.linspace(1e-6, 0.05, 200_001)
    red = (1 - p) ** 20 * (1 - (1 - 0.5 * p) ** 980)
    assert won == pytest.approx(1 - red.max(), abs=2e-4)
    assert best == pytest.approx(p[np.argmax(red)], rel=0.02)
    # the red team attacks rarely: a small p beats attacking everything (blue wins then)
    assert best < 0.05 and won < deployment_safety([Phase(1000, 1.0, 0.0)])[0]


def test_no_decisive_phase_is_safe() -> None:
    assert deployment_safety([]) == (1.0, 1.0)
    assert deployment_safety([Phase(100, 0.0, 0.0)])[0] == 1.0
