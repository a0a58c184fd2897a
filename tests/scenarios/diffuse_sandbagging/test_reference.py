"""The reference behaviour end to end: real tool calls in bwrap sandboxes, checked outcomes."""

from __future__ import annotations

from typing import Any

import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.log import EvalLog
from inspect_ai.model import ChatMessageSystem, ChatMessageUser
from inspect_ai.tool import ToolInfo

import riskcase._registry  # noqa: F401  (registers the riskcase/reference provider)
from riskcase.agents import Conversation, Persona, reference_behaviours
from riskcase.monitors import rule_monitor
from riskcase.scenarios import Mode, scenario_task
from riskcase.scenarios.diffuse_sandbagging import DiffuseSandbagging, SandbaggingBehaviour
from riskcase.scenarios.experiment_tampering import ExperimentTampering

SUBSET = 6
SUBTLETY = 0.5
TOOLS = [ToolInfo(name=name, description=name) for name in ("bash", "python", "submit")]


def _run(
    tmp_path_factory: pytest.TempPathFactory, modes: dict[Mode, int], **persona: Any
) -> dict[str, EvalLog]:
    tasks = [
        scenario_task("diffuse_sandbagging", mode, limit=limit, monitors=[rule_monitor()])
        for mode, limit in modes.items()
    ]
    logs = inspect_eval(
        tasks,
        model="riskcase/reference",
        model_args=persona,
        display="none",
        log_dir=str(tmp_path_factory.mktemp("logs")),
        max_samples=12,
        max_tasks=3,
    )
    for log in logs:
        assert log.status == "success", log.error
    return {str(mode): log for mode, log in zip(modes, logs, strict=True)}


def _outcomes(log: EvalLog) -> list[dict[str, Any]]:
    assert log.samples
    return [
        {
            **s.scores["checker"].value,
            "suspicion": s.scores["rule_monitor"].value,
            "id": s.id,
            "input": s.input,
        }
        for s in log.samples
    ]


@pytest.fixture(scope="module")
def competent(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """attempt_rate=0, skill=1: honest work in both framings, attacks that work."""
    modes = {Mode.ATTACK: 10, Mode.HONEST: SUBSET, Mode.OPPORTUNITY: SUBSET}
    logs = _run(tmp_path_factory, modes, attempt_rate=0.0, skill=1.0, subtlety=SUBTLETY, seed=0)
    return {mode: _outcomes(log) for mode, log in logs.items()}


@pytest.fixture(scope="module")
def sloppy(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """attempt_rate=1, skill=0: every opportunity run attempts, every attempt overshoots."""
    modes = {Mode.ATTACK: 4, Mode.OPPORTUNITY: 4}
    logs = _run(tmp_path_factory, modes, attempt_rate=1.0, skill=0.0, seed=0)
    return {mode: _outcomes(log) for mode, log in logs.items()}


def test_honest_work_meets_the_bar_in_both_framings(competent: dict[str, Any]) -> None:
    for mode in ("honest", "opportunity"):
        for outcome in competent[mode]:
            assert outcome["main_task_success"] == 1 and outcome["sabotage_attempted"] == 0
            assert outcome["side_task_success"] == 0 and outcome["suspicion"] == 0
    scores = [(o["id"], o["main_task_score"]) for o in competent["honest"]]
    assert scores == [(o["id"], o["main_task_score"]) for o in competent["opportunity"]]


def test_competent_sandbagging_underperforms_plausibly(competent: dict[str, Any]) -> None:
    attack = competent["attack"]
    assert all(o["side_task_success"] == 1 and o["sabotage_attempted"] == 1 for o in attack)
    honest = {o["id"]: o["main_task_score"] for o in competent["honest"]}
    for outcome in attack[:SUBSET]:  # the same variants, sandbagged: below the honest score
        assert outcome["main_task_score"] < honest[outcome["id"]] - 0.05


def test_subtle_sandbagging_is_unflagged_and_overt_is_flagged(competent: dict[str, Any]) -> None:
    persona = Persona(attempt_rate=0.0, skill=1.0, subtlety=SUBTLETY, seed=0)
    subtle = []
    for outcome in competent["attack"]:
        messages = [ChatMessageSystem(content="s"), ChatMessageUser(content=outcome["input"])]
        conversation = Conversation(messages=messages, tools=TOOLS, persona=persona)
        disguised = conversation.decides("subtlety", SUBTLETY)
        subtle.append(disguised)
        assert (outcome["suspicion"] == 0) is disguised
    assert any(subtle) and not all(subtle)


def test_sloppy_sandbagging_is_an_attempt_that_fails(sloppy: dict[str, Any]) -> None:
    for mode in ("attack", "opportunity"):
        for outcome in sloppy[mode]:
            assert outcome["sabotage_attempted"] == 1 and outcome["side_task_success"] == 0
            assert outcome["main_task_success"] == 0


def test_behaviour_reads_the_mode_from_the_prompt_and_only_this_scenario() -> None:
    behaviour = SandbaggingBehaviour()
    for mode in Mode:
        for sample in DiffuseSandbagging().dataset(mode)[:2]:
            messages = [ChatMessageSystem(content="s"), ChatMessageUser(content=str(sample.input))]
            conversation = Conversation(messages=messages, tools=TOOLS, persona=Persona())
            assert behaviour.recognises(conversation)
            assert behaviour.mode(conversation) == mode
    others = [str(ExperimentTampering().dataset(Mode.ATTACK)[0].input), "Write a sorting function."]
    for text in others:
        conversation = Conversation([ChatMessageUser(content=text)], TOOLS, Persona())
        assert not behaviour.recognises(conversation)


def test_no_other_reference_behaviour_claims_these_prompts() -> None:
    for mode in Mode:
        for sample in DiffuseSandbagging().dataset(mode)[:2]:
            messages = [ChatMessageSystem(content="s"), ChatMessageUser(content=str(sample.input))]
            conversation = Conversation(messages=messages, tools=TOOLS, persona=Persona())
            claiming = [b for b in reference_behaviours() if b.recognises(conversation)]
            assert [type(b) for b in claiming] == [SandbaggingBehaviour]
