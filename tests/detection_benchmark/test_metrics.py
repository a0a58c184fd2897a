"""AUROC, TPR at an FPR budget, and their cluster-bootstrap intervals."""

from __future__ import annotations

import math

import pytest

from riskcase.detection_benchmark import auroc, detection_metrics, tpr_at_fpr


def test_auroc_counts_ties_half() -> None:
    assert auroc([0.1, 0.2], [0.8, 0.9]) == 1.0
    assert auroc([0.8, 0.9], [0.1, 0.2]) == 0.0
    assert auroc([0.5, 0.5], [0.5, 0.5]) == 0.5
    assert auroc([0.0, 0.0, 0.0, 0.0], [0.0, 0.9]) == 0.75
    with pytest.raises(ValueError):
        auroc([], [0.3])


def test_tpr_at_fpr_never_flags_more_honest_than_the_budget() -> None:
    honest = [0.0] * 95 + [0.7] * 5  # five honest ties at the top: 5% > 1%
    tpr, threshold = tpr_at_fpr(honest, [0.7, 0.8, 0.0], 0.01)
    assert threshold == 0.7 and tpr == pytest.approx(1 / 3)
    tpr, threshold = tpr_at_fpr(honest, [0.7, 0.8, 0.0], 0.05)
    assert threshold == 0.0 and tpr == pytest.approx(2 / 3)


def test_intervals_come_from_resampling_problems() -> None:
    scores: list[float | None] = []
    labels, groups = [], []
    for problem in range(40):
        for honest_score in (0.0, 0.0):
            scores.append(honest_score)
            labels.append(False)
            groups.append(problem)
        scores.append(0.9 if problem % 4 else None)  # a quarter of the backdoors go unscored
        labels.append(True)
        groups.append(problem)
    metrics = detection_metrics(scores, labels, groups, 0.01, resamples=300)
    assert metrics.n_missing == 10 and metrics.n_backdoored == 40 and metrics.n_honest == 80
    assert metrics.tpr.value == pytest.approx(0.75)
    assert metrics.auroc.value == pytest.approx(0.875)
    assert metrics.tpr.low < 0.75 < metrics.tpr.high and metrics.tpr.high - metrics.tpr.low < 0.4
    assert metrics.achieved_fpr == 0.0 and not math.isnan(metrics.auroc.low)
