"""A small dependency-free binary classifier: a diagonal linear discriminant.

Each feature gets the two class means and a pooled variance from the training rows; a
row's score is the sum over features of (mean difference / variance) times the row's
distance from the midpoint of the class means. With equal priors this is the
log-likelihood ratio under Gaussian class-conditional features, so a zero threshold
balances the errors on both classes.
"""

import csv
from dataclasses import dataclass


@dataclass(frozen=True)
class Model:
    """A fitted discriminant: per-feature weight, midpoint and pooled standard deviation."""

    weights: dict[str, float]
    centres: dict[str, float]
    spreads: dict[str, float]


def read_rows(path: str) -> list[dict[str, float]]:
    """The rows of a numeric CSV file, each a dict from column name to value."""
    with open(path, newline="") as handle:
        return [{key: float(value) for key, value in row.items()} for row in csv.DictReader(handle)]


def fit(rows: list[dict[str, float]], label: str, features: list[str] | None = None) -> Model:
    """Fit the discriminant on labelled rows.

    Args:
        rows: Training rows holding the features and the 0/1 label.
        label: Name of the label column.
        features: The feature columns to use (None: every column except the label).
    """
    names = features if features is not None else [key for key in rows[0] if key != label]
    positives = [row for row in rows if row[label] >= 0.5]
    negatives = [row for row in rows if row[label] < 0.5]
    weights: dict[str, float] = {}
    centres: dict[str, float] = {}
    spreads: dict[str, float] = {}
    for name in names:
        mean_pos = sum(row[name] for row in positives) / len(positives)
        mean_neg = sum(row[name] for row in negatives) / len(negatives)
        squares = sum((row[name] - mean_pos) ** 2 for row in positives)
        squares += sum((row[name] - mean_neg) ** 2 for row in negatives)
        variance = squares / max(len(rows) - 2, 1) + 1e-9
        weights[name] = (mean_pos - mean_neg) / variance
        centres[name] = (mean_pos + mean_neg) / 2
        spreads[name] = variance**0.5
    return Model(weights=weights, centres=centres, spreads=spreads)


def scores(model: Model, rows: list[dict[str, float]]) -> list[float]:
    """The discriminant score of each row (positive: more like the 1s)."""
    return [
        sum(weight * (row[name] - model.centres[name]) for name, weight in model.weights.items())
        for row in rows
    ]


def decide(model: Model, rows: list[dict[str, float]], margin: float = 0.0) -> list[int]:
    """1 for each row whose score exceeds `margin`, else 0."""
    return [1 if score > margin else 0 for score in scores(model, rows)]


def separation(model: Model, name: str) -> float:
    """How far apart the class means of a feature are, in pooled standard deviations."""
    return abs(model.weights[name]) * model.spreads[name]


def balanced_accuracy(truth: list[int], predicted: list[int]) -> float:
    """The mean of the recall on the 1s and the recall on the 0s."""
    hits = {0: 0, 1: 0}
    totals = {0: 0, 1: 0}
    for actual, guess in zip(truth, predicted, strict=True):
        totals[actual] += 1
        hits[actual] += int(actual == guess)
    present = [c for c in (0, 1) if totals[c]]
    return sum(hits[c] / totals[c] for c in present) / len(present)
