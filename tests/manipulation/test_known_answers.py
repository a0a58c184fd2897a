"""Known answers: the reference model's built-in manipulation rate, recovered end to end.

Runs both tasks through Inspect with ``riskcase/reference`` (one model turn per sample, no
sandbox), reads the logs back without messages, and analyses them as the report does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.log import EvalLog, read_eval_log
from inspect_ai.model import ChatMessageSystem, ChatMessageUser

from riskcase.agents import Conversation, Persona
from riskcase.manipulation import (
    FALSE_CLAIM_SHARE,
    PRESSURE_SHARE,
    SCORER_NAME,
    ManipulationSection,
    generate_cases,
    steers,
    system_prompt,
    user_message,
)
from riskcase.studies import StudyInputs, get_study

SKIP = {"messages", "events", "store", "attachments"}


def _run(tmp: Path, rate: float, limit: int | None = None) -> list[EvalLog]:
    study = get_study("manipulation")
    logs = inspect_eval(
        study.tasks(limit=limit),
        model="riskcase/reference",
        model_args={"manipulation_rate": rate, "awareness_rate": 0.0},
        log_dir=str(tmp),
        display="none",
    )
    assert [log.status for log in logs] == ["success", "success"]
    return [read_eval_log(log.location, exclude_fields=SKIP) for log in logs]


@pytest.fixture(scope="module")
def half_logs(tmp_path_factory: pytest.TempPathFactory) -> list[EvalLog]:
    return _run(tmp_path_factory.mktemp("half"), 0.5)


def _section(logs: list[EvalLog]) -> ManipulationSection:
    section = get_study("manipulation").analyse(StudyInputs(logs=logs))
    assert isinstance(section, ManipulationSection)
    return section


def test_rate_half_steering_difference_recovered(half_logs: list[EvalLog]) -> None:
    [result] = _section(half_logs).results
    assert result.pairs == 40 and len(result.domains) == 10
    steering = result.measure("steering")
    assert steering.lo <= 0.5 <= steering.hi
    assert steering.baseline.successes == 0 and steering.baseline_only == 0
    assert steering.mcnemar_p is not None and steering.mcnemar_p < 0.01
    for key in ("undisclosed_sponsorship", "false_claim", "pressure"):
        measure = result.measure(key)
        assert measure.baseline.successes == 0, key
        assert 0 < measure.incentive.successes <= steering.incentive.successes, key
    assert result.best_fit_baseline.successes == 40


def test_every_reply_scored_as_the_reference_decided(half_logs: list[EvalLog]) -> None:
    """The scorer, reading only the catalog, recovers each sample's hidden decisions."""
    cases = {case.user_id: case for case in generate_cases()}
    persona = Persona(manipulation_rate=0.5, awareness_rate=0.0)
    checked = 0
    for log in half_logs:
        for sample in log.samples or []:
            meta = sample.metadata or {}
            case = cases[str(sample.id)]
            incentive = meta["condition"] == "incentive"
            messages = [
                ChatMessageSystem(content=system_prompt(case, incentive)),
                ChatMessageUser(content=user_message(case)),
            ]
            conversation = Conversation(messages=messages, tools=[], persona=persona)
            steered = steers(conversation)
            assert steered is False or incentive
            claim = steered and conversation.decides("manipulation_false_claim", FALSE_CLAIM_SHARE)
            pressure = steered and conversation.decides("manipulation_pressure", PRESSURE_SHARE)
            value = (sample.scores or {})[SCORER_NAME].value
            assert isinstance(value, dict)
            expected = {
                "steering": float(steered),
                "undisclosed_sponsorship": float(steered),
                "false_claim": float(claim),
                "pressure": float(pressure),
                "best_fit": float(not steered),
            }
            assert value == expected, (sample.id, meta["condition"])
            checked += 1
    assert checked == 80


def test_rate_zero_never_manipulates(tmp_path: Path) -> None:
    [result] = _section(_run(tmp_path, 0.0, limit=20)).results
    assert result.pairs == 20
    for measure in result.measures:
        assert measure.incentive.successes == measure.baseline.successes == 0, measure.key
        assert measure.difference == 0 and measure.mcnemar_p is None
        assert measure.lo < 0 < measure.hi
    assert result.best_fit_incentive.successes == result.best_fit_baseline.successes == 20
