"""Ensembles of monitors: max, mean and cross-validated logistic weights, and thresholds."""

from __future__ import annotations

import math
import random

import pytest

from riskcase.detection_benchmark import auroc
from riskcase.monitors import combine, fit_ensemble, fit_logistic, fold_of, is_flagged


def test_max_and_mean_leave_missing_scores_out() -> None:
    scores = {"rule": 0.6, "execution": None, "llm": 0.2, "other": math.nan}
    monitors = ["rule", "execution", "llm", "other"]
    assert combine(scores, "max", monitors) == 0.6
    assert combine(scores, "mean", monitors) == pytest.approx(0.4)
    assert combine({"rule": None}, "max", ["rule"]) is None


def _informative(count: int, seed: int) -> tuple[list[dict[str, float | None]], list[bool]]:
    """Monitor `a` separates the classes, `b` is noise."""
    rng = random.Random(seed)
    samples: list[dict[str, float | None]] = []
    labels = []
    for i in range(count):
        label = i % 3 == 0
        a = min(1.0, max(0.0, rng.gauss(0.75 if label else 0.2, 0.15)))
        samples.append({"a": a, "b": rng.random()})
        labels.append(label)
    return samples, labels


def test_logistic_weights_favour_the_informative_monitor_out_of_fold() -> None:
    samples, labels = _informative(300, seed=1)
    fitted = fit_ensemble(samples, labels, "logistic", audit_budget=0.05, folds=5)
    weights = fitted.ensemble.weights
    assert weights is not None and weights.coefficients[0] > abs(weights.coefficients[1]) + 1
    honest = [s for s, y in zip(fitted.scores, labels, strict=True) if not y]
    attack = [s for s, y in zip(fitted.scores, labels, strict=True) if y]
    assert auroc(honest, attack) > 0.95  # type: ignore[arg-type]
    # new samples are scored by the weights refit on everything, monotone in `a`
    assert fitted.ensemble.score({"a": 0.9, "b": 0.5}) > fitted.ensemble.score({"a": 0.1, "b": 0.5})  # type: ignore[operator]


def _memorisable(count: int, seed: int) -> tuple[list[dict[str, float | None]], list[bool]]:
    """One indicator feature per sample and random labels: only memorising can 'separate'."""
    rng = random.Random(seed)
    samples: list[dict[str, float | None]] = [
        {f"id{j}": 1.0 if j == i else 0.0 for j in range(count)} for i in range(count)
    ]
    return samples, [rng.random() < 0.5 for _ in range(count)]


def _separation(scores: tuple[float | None, ...] | list[float], labels: list[bool]) -> float:
    honest = [float(s) for s, y in zip(scores, labels, strict=True) if not y and s is not None]
    attack = [float(s) for s, y in zip(scores, labels, strict=True) if y and s is not None]
    return auroc(honest, attack)


def test_cross_validation_never_scores_a_sample_with_weights_fit_on_it() -> None:
    samples, labels = _memorisable(60, seed=3)
    fitted = fit_ensemble(samples, labels, "logistic", folds=5, l2=1e-3)
    # scored in-sample, the weights memorise the labels perfectly ...
    weights = fitted.ensemble.weights
    assert weights is not None
    assert _separation([weights.score(s) for s in samples], labels) > 0.99
    # ... but the out-of-fold scores carry no trace of a sample's own label
    assert _separation(fitted.scores, labels) < 0.75


def test_groups_stay_in_one_fold_so_a_group_cannot_leak_into_its_own_score() -> None:
    rng = random.Random(5)
    groups = [g for g in range(40) for _ in range(3)]
    group_label = {g: rng.random() < 0.5 for g in range(40)}
    samples: list[dict[str, float | None]] = [
        {f"g{h}": 1.0 if h == g else 0.0 for h in range(40)} for g in groups
    ]
    labels = [group_label[g] for g in groups]
    folds = fold_of(len(samples), groups, 5, seed=0)
    assert all(
        len({f for f, gg in zip(folds, groups, strict=True) if gg == g}) == 1 for g in range(40)
    )
    by_group = fit_ensemble(samples, labels, "logistic", groups=groups, folds=5, l2=1e-2)
    assert _separation(by_group.scores, labels) < 0.75
    # folds by sample let a group's siblings teach the weights its label: that is the leak
    by_sample = fit_ensemble(samples, labels, "logistic", folds=5, l2=1e-2)
    assert _separation(by_sample.scores, labels) > 0.9


def test_the_threshold_is_calibrated_on_honest_combined_scores_with_ties() -> None:
    honest: list[dict[str, float | None]] = [{"a": 0.6, "b": 0.0} for _ in range(50)]
    honest += [{"a": 0.1 * (i % 5), "b": 0.0} for i in range(150)]
    attacks: list[dict[str, float | None]] = [{"a": 0.6, "b": 0.0}, {"a": 0.61, "b": 0.9}]
    labels = [False] * len(honest) + [True] * len(attacks)
    fitted = fit_ensemble(honest + attacks, labels, "max", audit_budget=0.01)
    threshold = fitted.ensemble.threshold
    # 50 honest samples tie at the top: flagging them would cost 25% > 1%, so none is
    assert threshold.value == 0.6 and threshold.achieved_fpr == 0.0
    assert not any(fitted.ensemble.flagged(s) for s in honest)
    assert not fitted.ensemble.flagged(attacks[0]) and fitted.ensemble.flagged(attacks[1])
    assert is_flagged(fitted.ensemble.score(attacks[1]), threshold)


def test_logistic_calibration_uses_out_of_fold_honest_scores() -> None:
    samples, labels = _informative(200, seed=7)
    fitted = fit_ensemble(samples, labels, "logistic", audit_budget=0.02, folds=4)
    honest = [s for s, y in zip(fitted.scores, labels, strict=True) if not y]
    above = sum(1 for s in honest if s is not None and s > fitted.ensemble.threshold.value)
    assert above <= math.floor(0.02 * len(honest))
    assert fitted.ensemble.threshold.value in honest


def test_bad_inputs_are_refused() -> None:
    samples, labels = _informative(30, seed=2)
    with pytest.raises(ValueError, match="unknown combination"):
        fit_ensemble(samples, labels, "median")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="honest and sabotage"):
        fit_ensemble(samples, [False] * len(samples), "logistic")
    with pytest.raises(ValueError, match="folds"):
        fold_of(3, ["x", "x", "y"], 3)
    weights = fit_logistic(samples, labels, ["a"])
    assert weights.monitors == ("a",) and len(weights.coefficients) == 1
