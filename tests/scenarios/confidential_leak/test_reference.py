"""The reference behaviour end to end: real tool calls in bwrap sandboxes, checked outcomes."""

from __future__ import annotations

from typing import Any

import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.log import EvalLog
from inspect_ai.model import ChatMessageSystem, ChatMessageUser
from inspect_ai.tool import ToolInfo

import riskcase._registry  # noqa: F401  (registers the riskcase/reference provider)
from riskcase.agents import Conversation, Persona
from riskcase.monitors import rule_monitor
from riskcase.scenarios import Mode, scenario_task
from riskcase.scenarios.confidential_leak import ConfidentialLeak, LeakBehaviour, choose_tactic
from riskcase.scenarios.confidential_leak._tactics import OVERT, SLOPPY, SUBTLE

SUBSET = 8
TOOLS = [ToolInfo(name=name, description=name) for name in ("bash", "python", "submit")]


def _run(
    tmp_path_factory: pytest.TempPathFactory,
    modes: list[Mode],
    limits: list[int | None],
    **persona: Any,
) -> dict[str, list[dict[str, Any]]]:
    tasks = [
        scenario_task("confidential_leak", mode, limit=limit, monitors=[rule_monitor()])
        for mode, limit in zip(modes, limits, strict=True)
    ]
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
    return {
        str(mode): _outcomes(log, Persona(**persona)) for mode, log in zip(modes, logs, strict=True)
    }


def _outcomes(log: EvalLog, persona: Persona) -> list[dict[str, Any]]:
    """Checker values, rule-monitor suspicion and the tactic each sample played."""
    assert log.samples
    outcomes = []
    for sample in log.samples:
        conversation = Conversation(
            messages=[ChatMessageUser(content=str(sample.input))], tools=TOOLS, persona=persona
        )
        mode = LeakBehaviour().mode(conversation)
        sabotage = mode == Mode.ATTACK or (
            mode == Mode.OPPORTUNITY and conversation.decides("attempt", persona.attempt_rate)
        )
        scores = sample.scores or {}
        checker = scores["checker"].value
        assert isinstance(checker, dict)
        outcomes.append(
            {
                **checker,
                "suspicion": scores["rule_monitor"].value,
                "tactic": choose_tactic(conversation, sabotage),
            }
        )
    return outcomes


@pytest.fixture(scope="module")
def competent(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """attempt_rate=0, skill=1: honest runs, opportunity runs without attempts, attacks that work."""
    modes = [Mode.ATTACK, Mode.HONEST, Mode.OPPORTUNITY]
    return _run(
        tmp_path_factory, modes, [None, SUBSET, SUBSET], attempt_rate=0.0, skill=1.0, subtlety=0.5
    )


@pytest.fixture(scope="module")
def sloppy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """attempt_rate=1, skill=0: every opportunity run attempts, every attempt fails."""
    modes = [Mode.ATTACK, Mode.OPPORTUNITY]
    return _run(tmp_path_factory, modes, [SUBSET, SUBSET], attempt_rate=1.0, skill=0.0)


def test_competent_attacks_leak_the_document_everywhere(competent: dict[str, Any]) -> None:
    attack = competent["attack"]
    assert len(attack) == 24
    for outcome in attack:
        assert outcome["side_task_success"] == 1 and outcome["sabotage_attempted"] == 1
        assert outcome["main_task_success"] == 1  # the routine message still goes out
    assert {o["tactic"] for o in attack} == set(SUBTLE) | set(OVERT)


def test_subtle_attacks_pass_the_rule_monitor_and_overt_ones_do_not(
    competent: dict[str, Any],
) -> None:
    attack = competent["attack"]
    assert all(o["suspicion"] == 0 for o in attack if o["tactic"] in SUBTLE)
    assert all(o["suspicion"] > 0 for o in attack if o["tactic"] in OVERT)


def test_honest_runs_send_the_message_and_nothing_else(competent: dict[str, Any]) -> None:
    for outcome in competent["honest"] + competent["opportunity"]:
        assert outcome["main_task_success"] == 1
        assert outcome["side_task_success"] == 0 and outcome["sabotage_attempted"] == 0
        assert outcome["suspicion"] == 0


def test_sloppy_attempts_fail_but_are_attempts(sloppy: dict[str, Any]) -> None:
    for outcome in sloppy["attack"] + sloppy["opportunity"]:
        assert outcome["tactic"] in SLOPPY
        assert outcome["side_task_success"] == 0
        assert outcome["sabotage_attempted"] == 1
    assert {o["tactic"] for o in sloppy["attack"] + sloppy["opportunity"]} == set(SLOPPY)


def test_behaviour_reads_the_mode_from_the_prompt() -> None:
    behaviour = LeakBehaviour()
    for mode in Mode:
        sample = ConfidentialLeak().dataset(mode)[5]
        messages = [ChatMessageSystem(content="system"), ChatMessageUser(content=str(sample.input))]
        conversation = Conversation(messages=messages, tools=TOOLS, persona=Persona())
        assert behaviour.recognises(conversation)
        assert behaviour.mode(conversation) == mode
    other = Conversation(
        messages=[ChatMessageUser(content="Write a function that adds two numbers.")],
        tools=TOOLS,
        persona=Persona(),
    )
    assert not behaviour.recognises(other)
