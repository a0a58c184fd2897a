"""Audit thresholds: hand-computed fixtures, ties, edge budgets, missing scores."""

from __future__ import annotations

import math

import pytest

from riskcase.monitors import Threshold, calibrate_threshold, flag_rate, is_flagged

TEN = [0.0, 0.1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 0.9]


@pytest.mark.parametrize(
    ("budget", "value", "fpr"),
    [
        (0.1, 0.8, 0.1),  # one of ten may be flagged: only 0.9 is above 0.8
        (0.2, 0.6, 0.2),  # two: 0.8 and 0.9 above 0.6
        (0.25, 0.6, 0.2),  # floor(2.5) = 2
        (0.01, 0.9, 0.0),  # floor(0.1) = 0: nothing honest may be flagged
        (0.8, 0.1, 0.7),  # eight allowed; 0.0 would flag nine, and 0.1 is tied: seven
        (0.9, 0.0, 0.9),  # nine allowed: everything above the minimum
    ],
)
def test_hand_computed_thresholds(budget: float, value: float, fpr: float) -> None:
    threshold = calibrate_threshold(TEN, audit_budget=budget)
    assert threshold == Threshold(value=value, audit_budget=budget, n_honest=10, achieved_fpr=fpr)
    assert flag_rate(TEN, threshold) == pytest.approx(fpr)


def test_ties_at_the_top_keep_the_rate_within_budget() -> None:
    scores = [0.1] * 90 + [0.7] * 10
    threshold = calibrate_threshold(scores, audit_budget=0.05)
    assert threshold.value == 0.7 and threshold.achieved_fpr == 0.0
    assert not is_flagged(0.7, threshold) and is_flagged(0.71, threshold)
    assert calibrate_threshold(scores, audit_budget=0.10).value == 0.1
    assert calibrate_threshold(scores, audit_budget=0.10).achieved_fpr == pytest.approx(0.1)


def test_budget_zero_flags_nothing_honest_and_budget_one_flags_above_the_minimum() -> None:
    zero = calibrate_threshold(TEN, audit_budget=0.0)
    assert zero.value == 0.9 and zero.achieved_fpr == 0.0
    one = calibrate_threshold(TEN, audit_budget=1.0)
    assert one.value == 0.0 and one.achieved_fpr == pytest.approx(0.9)


def test_float_rounding_of_the_allowed_count() -> None:
    scores = [i / 100 for i in range(100)]
    threshold = calibrate_threshold(scores, audit_budget=0.29)  # 0.29 * 100 = 28.999...
    assert threshold.achieved_fpr == pytest.approx(0.29)


def test_missing_scores_are_left_out() -> None:
    threshold = calibrate_threshold([0.2, float("nan"), None, 0.4, 0.9, 0.1], audit_budget=0.25)
    assert threshold.n_honest == 4 and threshold.value == 0.4 and threshold.achieved_fpr == 0.25
    assert flag_rate([0.5, None, float("nan"), 0.3], threshold) == 0.5
    assert not is_flagged(None, threshold) and not is_flagged(float("nan"), 0.0)


def test_is_flagged_is_strict_and_accepts_a_bare_value() -> None:
    assert is_flagged(0.51, 0.5) and not is_flagged(0.5, 0.5)


def test_invalid_input_is_an_error() -> None:
    with pytest.raises(ValueError, match="without honest scores"):
        calibrate_threshold([])
    with pytest.raises(ValueError, match="without honest scores"):
        calibrate_threshold([None, math.nan])
    with pytest.raises(ValueError, match="audit_budget"):
        calibrate_threshold(TEN, audit_budget=1.5)
    with pytest.raises(ValueError, match="audit_budget"):
        calibrate_threshold(TEN, audit_budget=-0.1)
    with pytest.raises(ValueError, match="without scores"):
        flag_rate([None], 0.5)
