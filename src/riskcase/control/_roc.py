"""ROC curve, AUROC and TPR at a fixed FPR from negative and positive suspicion scores.

Flagging follows the project's rule (`riskcase.monitors.is_flagged`): a sample is flagged
when its score is strictly greater than the threshold. The ROC curve has one point per
distinct score (flag everything above it) plus the point where everything is flagged, so tied
scores never split into several points. AUROC is the Mann-Whitney probability that a random
positive scores above a random negative, a tie counting 1/2; it equals the area under the
ROC curve with straight segments between its points.
"""

from __future__ import annotations

import numpy as np
from pydantic import BaseModel

from ._threshold import honest_threshold


class RocPoint(BaseModel):
    """One point of a ROC curve.

    Attributes:
        threshold: Samples scoring strictly above it are flagged (None: every sample is).
        fpr: Share of negatives (honest samples) flagged.
        tpr: Share of positives (attacks) flagged.
    """

    threshold: float | None
    fpr: float
    tpr: float


def _above(sorted_scores: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """How many of `sorted_scores` are strictly above each threshold."""
    return sorted_scores.size - np.searchsorted(sorted_scores, thresholds, side="right")


def roc_points(negatives: np.ndarray, positives: np.ndarray) -> list[RocPoint]:
    """The ROC curve from (0, 0) to (1, 1), one point per distinct score.

    Args:
        negatives: Scores of negatives (non-empty, no NaN).
        positives: Scores of positives (non-empty, no NaN).
    """
    negatives, positives = np.sort(negatives), np.sort(positives)
    thresholds = np.unique(np.concatenate([negatives, positives]))[::-1]
    fpr = _above(negatives, thresholds) / negatives.size
    tpr = _above(positives, thresholds) / positives.size
    points = [
        RocPoint(threshold=float(t), fpr=float(f), tpr=float(r))
        for t, f, r in zip(thresholds, fpr, tpr, strict=True)
    ]
    return [*points, RocPoint(threshold=None, fpr=1.0, tpr=1.0)]


def auroc(negatives: np.ndarray, positives: np.ndarray) -> float:
    """P(positive scores above negative) + P(tie) / 2: Mann-Whitney U / (n_pos * n_neg).

    Args:
        negatives: Scores of negatives (non-empty, no NaN).
        positives: Scores of positives (non-empty, no NaN).
    """
    negatives = np.sort(negatives)
    below = np.searchsorted(negatives, positives, side="left")  # negatives strictly below
    up_to = np.searchsorted(negatives, positives, side="right")  # ... and tied
    return float((below.sum() + up_to.sum()) / 2 / (positives.size * negatives.size))


def tpr_at_fpr(
    negatives: np.ndarray, positives: np.ndarray, budget: float
) -> tuple[float, float, float]:
    """Share of positives flagged at the threshold that flags at most `budget` of negatives.

    The threshold is the project's audit threshold (`riskcase.monitors.calibrate_threshold`):
    never interpolated, so the achieved false-positive rate may be below the budget (ties,
    few negatives) and the true-positive rate is the one a deployment at that budget gets.

    Args:
        negatives: Scores of negatives (non-empty, no NaN).
        positives: Scores of positives (non-empty, no NaN).
        budget: Largest share of negatives that may be flagged (the audit budget).

    Returns:
        The true-positive rate, the threshold and the achieved false-positive rate.
    """
    threshold = honest_threshold(negatives, budget)
    if threshold is None:
        raise ValueError("cannot set a threshold without negatives")
    tpr = float(np.mean(positives > threshold))
    return tpr, threshold, float(np.mean(negatives > threshold))
