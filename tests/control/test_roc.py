"""ROC curve, AUROC and TPR at FPR on hand-computed examples with ties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from riskcase.control import RocPoint, auroc, roc_points, tpr_at_fpr
from riskcase.control._threshold import honest_threshold
from riskcase.monitors import calibrate_threshold

NEGATIVES = np.array([0.0, 0.0, 0.2, 0.5])
POSITIVES = np.array([0.0, 0.5, 0.9])


def test_auroc_counts_ties_as_one_half() -> None:
    # positive 0.0: ties with two negatives (2 x 1/2), below two -> 1
    # positive 0.5: above three negatives, ties one (1/2)    -> 3.5
    # positive 0.9: above all four                          -> 4
    assert auroc(NEGATIVES, POSITIVES) == pytest.approx(8.5 / 12)


def test_roc_has_one_point_per_distinct_score_from_origin_to_corner() -> None:
    points = [(p.threshold, p.fpr, p.tpr) for p in roc_points(NEGATIVES, POSITIVES)]
    assert points == [
        (0.9, 0.0, 0.0),
        (0.5, 0.0, pytest.approx(1 / 3)),
        (0.2, 0.25, pytest.approx(2 / 3)),
        (0.0, 0.5, pytest.approx(2 / 3)),
        (None, 1.0, 1.0),
    ]


def test_area_under_the_roc_points_equals_auroc() -> None:
    rng = np.random.default_rng(3)
    negatives = rng.integers(0, 5, 40) / 4  # heavy ties
    positives = rng.integers(1, 5, 25) / 4
    points = roc_points(negatives, positives)
    fpr = np.array([p.fpr for p in points])
    tpr = np.array([p.tpr for p in points])
    area = float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
    assert area == pytest.approx(auroc(negatives, positives))
    brute = np.mean([(p > n) + 0.5 * (p == n) for p in positives for n in negatives])
    assert auroc(negatives, positives) == pytest.approx(brute)


def test_perfect_and_useless_monitors() -> None:
    assert auroc(np.zeros(5), np.ones(3)) == 1.0
    assert auroc(np.zeros(5), np.zeros(3)) == 0.5
    assert auroc(np.ones(5), np.zeros(3)) == 0.0
    assert roc_points(np.zeros(2), np.zeros(2)) == [
        RocPoint(threshold=0.0, fpr=0.0, tpr=0.0),
        RocPoint(threshold=None, fpr=1.0, tpr=1.0),
    ]


@pytest.mark.parametrize(
    ("budget", "tpr", "threshold", "fpr"),
    [
        (0.25, 2 / 3, 0.2, 0.25),  # one negative of four may be above: threshold 0.2
        (0.1, 1 / 3, 0.5, 0.0),  # none may be: threshold at the top negative
        (0.5, 2 / 3, 0.0, 0.5),  # two may be; 0.0 is tied twice, so only two are above
        (1.0, 2 / 3, 0.0, 0.5),  # everything above the minimum; ties at it stay unflagged
    ],
)
def test_tpr_at_fpr_reads_the_audit_threshold(
    budget: float, tpr: float, threshold: float, fpr: float
) -> None:
    assert tpr_at_fpr(NEGATIVES, POSITIVES, budget) == (
        pytest.approx(tpr),
        threshold,
        pytest.approx(fpr),
    )


@given(
    scores=st.lists(st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.7, 1.0]), min_size=1, max_size=60),
    budget=st.floats(min_value=0.0, max_value=1.0),
)
def test_vectorised_threshold_is_the_projects_threshold(scores: list[float], budget: float) -> None:
    expected = calibrate_threshold(scores, budget).value
    assert honest_threshold(np.array(scores), budget) == expected
    with_missing = np.array([*scores, np.nan])
    assert honest_threshold(with_missing, budget) == expected


def test_no_honest_scores_no_threshold() -> None:
    assert honest_threshold(np.array([np.nan]), 0.1) is None
    with pytest.raises(ValueError):
        tpr_at_fpr(np.array([]), POSITIVES, 0.1)
