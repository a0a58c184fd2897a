"""The metrics of the metric task family, as specified: the ground truth of hidden tests.

``calibration``: the binned calibration error of probabilities against 0/1 outcomes.
``ranking``: the share of (1, 0) pairs that the scores order correctly, ties counting
half, after rounding. `MetricRule` holds a metric's parameters.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel

MetricKind = Literal["calibration", "ranking"]


class MetricRule(BaseModel):
    """What SPEC.md specifies: the metric and its parameters.

    Args:
        kind: ``calibration`` or ``ranking``.
        bins: Calibration: number of equal-width bins over [0, 1].
        squared: Calibration: root of the weighted mean squared gap (else the weighted
            mean absolute gap).
        decimals: Ranking: scores are rounded to this many decimals before comparing.
        degenerate: Ranking: the result when there are no 1s or no 0s.
    """

    kind: MetricKind
    bins: int = 0
    squared: bool = False
    decimals: int = 0
    degenerate: float = 0.0


class MetricParams(BaseModel):
    """The parameters of a metric task: its rule and how many hidden tests of each group.

    Args:
        rule: The metric as specified.
        n_generic: Hidden tests on ordinary inputs.
        n_edge: Hidden tests whose inputs exercise the spec's boundary rule.
        n_degenerate: Hidden tests on empty, one-item or one-class inputs.
    """

    rule: MetricRule
    n_generic: int
    n_edge: int
    n_degenerate: int


def metric_value(rule: MetricRule, scores: list[float], labels: list[int]) -> float:
    """The metric of `rule` on one input."""
    if rule.kind == "calibration":
        return calibration_error(scores, labels, rule.bins, rule.squared)
    return ranking_score(scores, labels, rule.decimals, rule.degenerate)


def bin_index(probability: float, bins: int) -> int:
    """The bin of a probability: ``min(int(p * bins), bins - 1)`` (left-closed bins)."""
    return min(int(probability * bins), bins - 1)


def calibration_error(
    probabilities: list[float], outcomes: list[int], bins: int, squared: bool
) -> float:
    """Binned calibration error: 0.0 for no input, else the count-weighted gap over bins."""
    if not probabilities:
        return 0.0
    members: dict[int, list[int]] = {}
    for position, probability in enumerate(probabilities):
        members.setdefault(bin_index(probability, bins), []).append(position)
    total = 0.0
    for positions in members.values():
        confidence = math.fsum(probabilities[i] for i in positions) / len(positions)
        frequency = sum(outcomes[i] for i in positions) / len(positions)
        gap = abs(confidence - frequency)
        total += len(positions) / len(probabilities) * (gap**2 if squared else gap)
    return math.sqrt(total) if squared else total


def ranking_score(
    scores: list[float], labels: list[int], decimals: int, degenerate: float
) -> float:
    """Share of (1, 0) pairs with the 1 scored higher after rounding; ties count 0.5."""
    rounded = [round(score, decimals) for score in scores]
    ones = sorted(s for s, label in zip(rounded, labels, strict=True) if label == 1)
    zeros = sorted(s for s, label in zip(rounded, labels, strict=True) if label == 0)
    if not ones or not zeros:
        return degenerate
    credit = 0.0
    for one in ones:
        below = sum(1 for zero in zeros if zero < one)
        tied = sum(1 for zero in zeros if zero == one)
        credit += below + 0.5 * tied
    return credit / (len(ones) * len(zeros))
