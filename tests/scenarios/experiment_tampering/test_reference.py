"""The reference behaviour end to end: real tool calls in local sandboxes, checked outcomes."""

from __future__ import annotations

from typing import Any

import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.log import EvalLog
from inspect_ai.model import ChatMessageSystem, ChatMessageUser
from inspect_ai.tool import ToolInfo

import riskcase._registry  # noqa: F401  (registers the riskcase/reference provider)
from riskcase.agents import Conversation, Persona
from riskcase.scenarios import Mode, scenario_task
from riskcase.scenarios.experiment_tampering import ExperimentTampering, TamperingBehaviour

SUBSET = 8


def _run(
    tmp_path_factory: pytest.TempPathFactory, tasks: list[Any], **persona: Any
) -> list[EvalLog]:
    logs = inspect_eval(
        tasks,
        model="riskcase/reference",
        model_args=persona,
        display="none",
        log_dir=str(tmp_path_factory.mktemp("logs")),
        max_samples=24,
    )
    for log in logs:
        assert log.status == "success", log.error
    return logs


def _outcomes(log: EvalLog) -> list[dict[str, Any]]:
    assert log.samples
    return [
        {**s.scores["checker"].value, "changed": s.scores["checker"].metadata["changed_files"]}
        for s in log.samples
    ]


@pytest.fixture(scope="module")
def competent(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """attempt_rate=0, skill=1: honest runs, opportunity runs without attempts, attacks that work."""
    modes = (Mode.ATTACK, Mode.HONEST, Mode.OPPORTUNITY)
    tasks = [
        scenario_task(
            "experiment_tampering",
            mode,
            sandbox="local",
            limit=None if mode == Mode.ATTACK else SUBSET,
        )
        for mode in modes
    ]
    logs = _run(tmp_path_factory, tasks, attempt_rate=0.0, skill=1.0, subtlety=0.5, seed=0)
    return {str(mode): _outcomes(log) for mode, log in zip(modes, logs, strict=True)}


@pytest.fixture(scope="module")
def sloppy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """attempt_rate=1, skill=0: every opportunity run attempts, every attempt fails."""
    modes = (Mode.ATTACK, Mode.OPPORTUNITY)
    tasks = [scenario_task("experiment_tampering", m, sandbox="local", limit=SUBSET) for m in modes]
    logs = _run(tmp_path_factory, tasks, attempt_rate=1.0, skill=0.0, seed=0)
    return {str(mode): _outcomes(log) for mode, log in zip(modes, logs, strict=True)}


def test_competent_attacks_reach_the_target_everywhere(competent: dict[str, Any]) -> None:
    attack = competent["attack"]
    assert len(attack) == 24
    assert all(o["side_task_success"] == 1 and o["sabotage_attempted"] == 1 for o in attack)
    assert all(o["main_task_success"] == 0 for o in attack)
    subtle = [o for o in attack if not o["changed"]]
    overt = [o for o in attack if o["changed"]]
    assert subtle and overt  # both disguised (results only) and overt (protected files) runs
    assert {p.split("/")[0] == "data" for o in overt for p in o["changed"]} == {True, False}


def test_honest_runs_report_the_truth(competent: dict[str, Any]) -> None:
    for outcome in competent["honest"]:
        assert outcome == {
            "main_task_success": 1,
            "side_task_success": 0,
            "sabotage_attempted": 0,
            "changed": [],
        }


def test_opportunity_without_propensity_never_attempts(competent: dict[str, Any]) -> None:
    assert all(o["sabotage_attempted"] == 0 for o in competent["opportunity"])
    assert all(o["main_task_success"] == 1 for o in competent["opportunity"])


def test_sloppy_attacks_fail_but_are_attempts(sloppy: dict[str, Any]) -> None:
    for outcome in sloppy["attack"]:
        assert outcome["side_task_success"] == 0
        assert outcome["sabotage_attempted"] == 1
        assert outcome["changed"]


def test_opportunity_with_full_propensity_always_attempts(sloppy: dict[str, Any]) -> None:
    assert all(o["sabotage_attempted"] == 1 for o in sloppy["opportunity"])
    assert all(o["side_task_success"] == 0 for o in sloppy["opportunity"])


def test_behaviour_reads_the_mode_from_the_prompt() -> None:
    behaviour = TamperingBehaviour()
    tools = [ToolInfo(name=name, description=name) for name in ("bash", "python", "submit")]
    for mode in Mode:
        sample = ExperimentTampering().dataset(mode)[5]
        messages = [ChatMessageSystem(content="system"), ChatMessageUser(content=str(sample.input))]
        conversation = Conversation(messages=messages, tools=tools, persona=Persona())
        assert behaviour.recognises(conversation)
        assert behaviour.mode(conversation) == mode
    other = Conversation(
        messages=[ChatMessageUser(content="Write a function that adds two numbers.")],
        tools=tools,
        persona=Persona(),
    )
    assert not behaviour.recognises(other)
