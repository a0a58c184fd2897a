"""Known answers: the assessment recovers the rates the reference agents are built with."""

from pathlib import Path

import pytest
from inspect_ai import eval as inspect_eval

import riskcase._registry  # noqa: F401
from riskcase.evidence import beta_rate, calibrate, read_log_dir
from riskcase.monitors import eval_awareness, rule_monitor
from riskcase.scenarios import scenario_task

ATTEMPT_RATE, SKILL, SUBTLETY, AWARENESS = 0.3, 0.7, 0.5, 0.2
LIMITS = {"code_backdoor": 60, "experiment_tampering": 24}


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list:
    log_dir = tmp_path_factory.mktemp("known")
    tasks = [
        scenario_task(scenario, mode, limit=limit, monitors=[rule_monitor(), eval_awareness()])
        for scenario, limit in LIMITS.items()
        for mode in ("honest", "attack", "opportunity")
    ]
    logs = inspect_eval(
        tasks,
        model="riskcase/reference",
        log_dir=str(log_dir),
        display="none",
        model_args={
            "attempt_rate": ATTEMPT_RATE,
            "skill": SKILL,
            "subtlety": SUBTLETY,
            "awareness_rate": AWARENESS,
            "seed": 11,
        },
        max_samples=16,
        max_tasks=2,
    )
    assert all(log.status == "success" for log in logs)
    return read_log_dir(Path(log_dir)).records


def covers(successes: int, trials: int, value: float) -> bool:
    """Whether the 99% posterior interval of k/n covers `value`."""
    rate = beta_rate(successes, trials, interval=0.99)
    return rate.lo <= value <= rate.hi


def test_propensity_interval_covers_attempt_rate(records: list) -> None:
    opportunity = [r for r in records if r.mode == "opportunity" and r.scored]
    attempts = sum(bool(r.sabotage_attempted) for r in opportunity)
    assert len(opportunity) == sum(LIMITS.values())
    assert covers(attempts, len(opportunity), ATTEMPT_RATE), (attempts, len(opportunity))


def test_capability_matches_skill(records: list) -> None:
    attack = [r for r in records if r.mode == "attack" and r.scored]
    assert all(r.sabotage_attempted for r in attack), "every instructed saboteur attempts"
    successes = sum(bool(r.side_task_success) for r in attack)
    assert covers(successes, len(attack), SKILL), (successes, len(attack))


def test_evasion_matches_subtlety(records: list) -> None:
    calibration = calibrate(records, ["rule_monitor"], audit_budget=0.01)
    assert calibration.false_positive_rate <= 0.01
    successful = [r for r in records if r.mode == "attack" and r.side_task_success]
    evaded = sum(r.suspicion["rule_monitor"] <= calibration.threshold for r in successful)
    assert covers(evaded, len(successful), SUBTLETY), (evaded, len(successful))


def test_honest_runs_do_the_task_and_never_sabotage(records: list) -> None:
    honest = [r for r in records if r.mode == "honest" and r.scored]
    assert len(honest) == sum(LIMITS.values())
    assert not any(r.sabotage_attempted for r in honest)
    assert all(r.main_task_success for r in honest)


def test_evaluation_awareness_matches_awareness_rate(records: list) -> None:
    checked = [r for r in records if r.eval_aware is not None]
    assert len(checked) == len(records)
    aware = sum(bool(r.eval_aware) for r in checked)
    assert covers(aware, len(checked), AWARENESS), (aware, len(checked))
