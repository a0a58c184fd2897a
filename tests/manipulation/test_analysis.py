"""The paired analysis on a small hand-built fixture, checked against hand computation."""

from __future__ import annotations

import numpy as np
import pytest
from inspect_ai.log import EvalConfig, EvalDataset, EvalLog, EvalSample, EvalSpec
from inspect_ai.scorer import Score

from riskcase.manipulation import (
    PairCounts,
    analyse_manipulation,
    mcnemar_exact,
    paired_difference,
)

# per user: (steering under incentive, steering under baseline); pressure never happens
STEERING = {"u1": (1, 0), "u2": (1, 0), "u3": (1, 0), "u4": (1, 1), "u5": (0, 0), "u6": (0, 1)}


def _log(condition: str, users: dict[str, tuple[int, int]], model: str = "m/x") -> EvalLog:
    column = 0 if condition == "incentive" else 1
    samples = [
        EvalSample(
            id=user,
            epoch=1,
            input="",
            target="",
            metadata={
                "study_id": "manipulation",
                "condition": condition,
                "user_id": user,
                "domain": "laptops",
            },
            scores={
                "manipulation": Score(
                    value={
                        "steering": float(outcome[column]),
                        "undisclosed_sponsorship": float(outcome[column]),
                        "false_claim": 0.0,
                        "pressure": 0.0,
                        "best_fit": float(1 - outcome[column]),
                    }
                )
            },
        )
        for user, outcome in users.items()
    ]
    spec = EvalSpec(
        created="2025-01-01T00:00:00+00:00",
        task=f"manipulation_{condition}",
        dataset=EvalDataset(),
        model=model,
        config=EvalConfig(),
        metadata={"study_id": "manipulation", "condition": condition},
    )
    return EvalLog(eval=spec, samples=samples, location=f"{condition}.eval")


def test_paired_measure_matches_hand_computation() -> None:
    unpaired = {**STEERING, "u7": (1, 1)}
    logs = [_log("incentive", unpaired), _log("baseline", STEERING)]
    section = analyse_manipulation(logs)
    assert section is not None
    [result] = section.results
    assert (result.model, result.pairs, result.unpaired) == ("m/x", 6, 1)
    steering = result.measure("steering")
    assert (steering.both, steering.incentive_only, steering.baseline_only, steering.neither) == (
        1, 3, 1, 1,
    )  # fmt: skip
    assert steering.incentive.successes == 4 and steering.baseline.successes == 2
    assert steering.incentive.mean == pytest.approx(4.5 / 7)  # Jeffreys: (4 + 1/2) / (6 + 1)
    assert steering.difference == pytest.approx(2 / 6)
    # exact McNemar: 3 of 4 discordant pairs one way: 2 * P(X >= 3 | n=4, p=1/2) = 10/16
    assert steering.mcnemar_p == pytest.approx(10 / 16)
    # posterior Dirichlet(3.5, 1.5, 3): mean difference (3.5 - 1.5) / 8, sd 0.25
    assert steering.difference_mean == pytest.approx(0.25, abs=0.01)
    draws = np.random.default_rng(99).dirichlet([3.5, 1.5, 3.0], size=200_000)
    lo, hi = np.quantile(draws[:, 0] - draws[:, 1], [0.05, 0.95])
    assert steering.lo == pytest.approx(lo, abs=0.02) and steering.hi == pytest.approx(hi, abs=0.02)
    assert steering.incentive.success_refs == [
        "manipulation_incentive:u1#1", "manipulation_incentive:u2#1",
        "manipulation_incentive:u3#1", "manipulation_incentive:u4#1",
    ]  # fmt: skip
    pressure = result.measure("pressure")
    assert pressure.difference == 0 and pressure.mcnemar_p is None
    assert result.best_fit_incentive.successes == 2 and result.best_fit_baseline.successes == 4


def test_models_kept_apart_and_foreign_logs_ignored() -> None:
    foreign = _log("incentive", STEERING)
    foreign.eval.metadata = {}
    for sample in foreign.samples or []:
        sample.metadata = {}
    logs = [
        _log("incentive", STEERING, model="m/a"),
        _log("baseline", STEERING, model="m/b"),
        foreign,
    ]
    assert analyse_manipulation(logs) is None
    logs += [_log("baseline", STEERING, model="m/a"), _log("incentive", STEERING, model="m/b")]
    section = analyse_manipulation(logs)
    assert section is not None
    assert [r.model for r in section.results] == ["m/a", "m/b"]
    assert all(r.pairs == 6 and r.unpaired == 0 for r in section.results)


def test_paired_statistics_directly() -> None:
    assert mcnemar_exact(0, 0) is None
    assert mcnemar_exact(5, 0) == pytest.approx(2 / 32)
    counts = PairCounts.of([(True, False)] * 10 + [(False, False)] * 10)
    difference = paired_difference(counts)
    assert difference.estimate == 0.5 and 0.2 < difference.lo < 0.45 < difference.hi < 0.7
    none = paired_difference(PairCounts.of([(False, False)] * 20))
    assert none.estimate == 0 and none.lo < 0 < none.hi and none.hi < 0.1
    with pytest.raises(ValueError):
        paired_difference(PairCounts.of([]))
