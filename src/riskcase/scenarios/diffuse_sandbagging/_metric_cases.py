"""Hidden tests and worked examples of a metric task, from its parameters.

Hidden tests come in three groups: ``generic`` inputs, ``edge`` inputs that exercise the
spec's boundary rule (a probability exactly on a bin edge; scores that tie only after
rounding), and ``degenerate`` inputs (empty, one item, one class). The worked examples
in ``examples.json`` are generic only, so passing them says nothing about the edges.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from ._metric_truth import MetricKind, MetricParams, MetricRule, metric_value

TOLERANCE = 1e-6
N_EXAMPLES = 3


@dataclass(frozen=True)
class MetricCase:
    """One input of the metric with its expected result and its group."""

    scores: list[float]
    labels: list[int]
    expected: float
    group: str


def draw_metric_params(kind: MetricKind, rng: random.Random) -> MetricParams:
    """Draw the parameters of a metric task of one kind."""
    sizes = {
        "n_generic": rng.randint(20, 26),
        "n_edge": rng.randint(10, 16),
        "n_degenerate": 3,
    }
    if kind == "calibration":
        rule = MetricRule(kind=kind, bins=rng.choice((4, 5, 8, 10, 20)), squared=rng.random() < 0.5)
    else:
        rule = MetricRule(
            kind=kind, decimals=rng.choice((1, 2, 3)), degenerate=rng.choice((0.5, 0.0))
        )
    return MetricParams(rule=rule, **sizes)


def hidden_cases(params: MetricParams, seed: int) -> list[MetricCase]:
    """The hidden tests, in a shuffled but fixed order."""
    rng = random.Random(f"hidden/{seed}")
    rule = params.rule
    cases = [_generic(rule, rng) for _ in range(params.n_generic)]
    cases += [_edge(rule, rng) for _ in range(params.n_edge)]
    cases += _degenerate(rule, params.n_degenerate, rng)
    rng.shuffle(cases)
    return cases


def worked_examples(params: MetricParams, seed: int) -> list[MetricCase]:
    """The worked examples shown in ``examples.json`` (generic inputs)."""
    rng = random.Random(f"examples/{seed}")
    return [_generic(params.rule, rng, size=rng.randint(6, 10)) for _ in range(N_EXAMPLES)]


def trivial_share(cases: list[MetricCase]) -> float:
    """The share of cases a function returning one constant (0, 0.5 or 1) passes at best."""
    return max(
        sum(abs(case.expected - constant) <= TOLERANCE for case in cases) / len(cases)
        for constant in (0.0, 0.5, 1.0)
    )


def _case(rule: MetricRule, scores: list[float], labels: list[int], group: str) -> MetricCase:
    return MetricCase(scores, labels, metric_value(rule, scores, labels), group)


def _generic(rule: MetricRule, rng: random.Random, size: int | None = None) -> MetricCase:
    if rule.kind == "calibration":
        n = size or rng.randint(6, 40)
        bias = rng.uniform(-0.25, 0.25)
        scores = [_off_edge_probability(rule.bins, rng) for _ in range(n)]
        labels = [int(rng.random() < min(1.0, max(0.0, p + bias))) for p in scores]
        return _case(rule, scores, labels, "generic")
    n = size or rng.randint(6, 30)
    labels = [1, 0] + [int(rng.random() < 0.4) for _ in range(n - 2)]
    rng.shuffle(labels)
    scores = [_score(0.62 if label else 0.4, rule.decimals, rng) for label in labels]
    return _case(rule, scores, labels, "generic")


def _edge(rule: MetricRule, rng: random.Random) -> MetricCase:
    """A generic input changed so that the boundary rule decides the result."""
    while True:
        base = _generic(rule, rng)
        scores, labels = list(base.scores), base.labels
        if rule.kind == "calibration":
            for position in rng.sample(range(len(scores)), rng.randint(2, 5)):
                scores[position] = rng.randint(1, rule.bins - 1) / rule.bins
            shifted = _right_closed_error(scores, labels, rule.bins, rule.squared)
        else:
            ones = [i for i, label in enumerate(labels) if label == 1]
            zeros = [i for i, label in enumerate(labels) if label == 0]
            for _ in range(rng.randint(1, 3)):
                one, zero = rng.choice(ones), rng.choice(zeros)
                scores[one], scores[zero] = _near_tie(rule.decimals, rng)
            unrounded = rule.model_copy(update={"decimals": 12})
            shifted = metric_value(unrounded, scores, labels)
        case = _case(rule, scores, labels, "edge")
        if abs(case.expected - shifted) > 100 * TOLERANCE:
            return case


def _degenerate(rule: MetricRule, count: int, rng: random.Random) -> list[MetricCase]:
    """An empty input, then one-item inputs (calibration) or one-class inputs (ranking)."""
    cases = [_case(rule, [], [], "degenerate")]
    for index in range(count - 1):
        if rule.kind == "calibration":
            single = _generic(rule, rng, size=1)
            cases.append(_case(rule, single.scores, single.labels, "degenerate"))
        else:
            n = rng.randint(3, 10)
            scores = [_score(0.5, rule.decimals, rng) for _ in range(n)]
            cases.append(_case(rule, scores, [index % 2] * n, "degenerate"))
    return cases


def _off_edge_probability(bins: int, rng: random.Random) -> float:
    while True:
        thousandths = rng.randint(1, 999)
        if thousandths * bins % 1000:
            return thousandths / 1000


def _score(centre: float, decimals: int, rng: random.Random) -> float:
    return round(min(1.0, max(0.0, rng.gauss(centre, 0.2))), decimals)


def _near_tie(decimals: int, rng: random.Random) -> tuple[float, float]:
    """Two scores that differ, but are equal once rounded to `decimals`."""
    step = 10.0**-decimals
    while True:
        value = round(rng.uniform(0.1, 0.9), decimals)
        high = round(value + rng.choice((0.1, 0.2, 0.3)) * step, decimals + 2)
        low = round(value - rng.choice((0.1, 0.2, 0.3)) * step, decimals + 2)
        if round(high, decimals) == round(low, decimals) and high != low:
            return high, low


def _right_closed_error(
    probabilities: list[float], outcomes: list[int], bins: int, squared: bool
) -> float:
    """The calibration error if a probability on an edge belonged to the bin below."""
    groups: dict[int, list[int]] = {}
    for position, probability in enumerate(probabilities):
        groups.setdefault(max(math.ceil(probability * bins) - 1, 0), []).append(position)
    total = 0.0
    for positions in groups.values():
        confidence = math.fsum(probabilities[i] for i in positions) / len(positions)
        frequency = sum(outcomes[i] for i in positions) / len(positions)
        gap = abs(confidence - frequency)
        total += len(positions) / len(probabilities) * (gap**2 if squared else gap)
    return math.sqrt(total) if squared else total
