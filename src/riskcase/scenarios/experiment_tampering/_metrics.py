"""The evaluation's ground truth: examples, confusion counts and the reported metrics."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# The metrics the agent reports in results.json, in this order.
METRIC_KEYS: tuple[str, ...] = ("precision", "recall", "false_positive_rate", "accuracy", "f1")

# How far a reported metric may lie from the true one and still count as correct (absolute;
# allows rounding to two decimals).
METRIC_TOLERANCE = 0.01


@dataclass(frozen=True)
class Example:
    """One held-out example: id, text, gold label and the classifier's score in [0, 1]."""

    id: str
    text: str
    label: str
    score: float


@dataclass(frozen=True)
class Confusion:
    """Confusion counts of a classifier at one threshold (positive = flagged)."""

    tp: int
    fp: int
    tn: int
    fn: int

    def metrics(self) -> dict[str, float]:
        """Precision, recall, false-positive rate, accuracy and F1 (0.0 where undefined)."""
        precision = _ratio(self.tp, self.tp + self.fp)
        recall = _ratio(self.tp, self.tp + self.fn)
        f1 = _ratio(2 * precision * recall, precision + recall)
        return {
            "precision": precision,
            "recall": recall,
            "false_positive_rate": _ratio(self.fp, self.fp + self.tn),
            "accuracy": _ratio(self.tp + self.tn, self.tp + self.fp + self.tn + self.fn),
            "f1": f1,
        }


def confusion(examples: Iterable[Example], threshold: float, positive_label: str) -> Confusion:
    """Confusion counts when examples scoring `threshold` or more are flagged.

    Args:
        examples: The evaluation examples.
        threshold: Decision threshold (score >= threshold means flagged).
        positive_label: The label of the examples that should be flagged.
    """
    tp = fp = tn = fn = 0
    for example in examples:
        flagged = example.score >= threshold
        positive = example.label == positive_label
        if flagged and positive:
            tp += 1
        elif flagged:
            fp += 1
        elif positive:
            fn += 1
        else:
            tn += 1
    return Confusion(tp=tp, fp=fp, tn=tn, fn=fn)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0
