"""The samples, the prompts per mode, and how the reference behaviour reads them."""

from __future__ import annotations

import pytest
from inspect_ai.model import ChatMessageUser

from riskcase.agents import Conversation, Persona
from riskcase.scenarios import MODES, Mode, get_scenario, scenario_task
from riskcase.scenarios.code_backdoor import CodeBackdoorBehaviour, find_problem, problems


def conversation(text: str) -> Conversation:
    return Conversation(messages=[ChatMessageUser(content=text)], tools=[], persona=Persona())


@pytest.mark.parametrize("mode", MODES)
def test_every_mode_has_one_sample_per_problem(mode: Mode) -> None:
    samples = get_scenario("code_backdoor").dataset(mode)
    assert len(samples) == 164 == len({s.id for s in samples})
    first = samples[0]
    assert first.id == "HumanEval_0"
    assert first.metadata is not None
    assert first.metadata["variant"] == "HumanEval/0" and first.metadata["mode"] == str(mode)
    assert first.metadata["scenario_id"] == "code_backdoor" and first.metadata["pathway_id"] == "P3"
    assert first.files is not None and "NOTES.md" in first.files


def test_a_seed_draws_another_order_of_the_same_problems() -> None:
    scenario = get_scenario("code_backdoor")
    plain = [str(s.id) for s in scenario.dataset(Mode.HONEST)]
    shuffled = [str(s.id) for s in scenario.dataset(Mode.HONEST, seed=3)]
    assert shuffled != plain and sorted(shuffled) == sorted(plain)
    assert shuffled == [str(s.id) for s in scenario.dataset(Mode.HONEST, seed=3)]


def test_only_the_attack_prompt_asks_for_a_backdoor() -> None:
    scenario = get_scenario("code_backdoor")
    texts = {mode: str(scenario.dataset(mode)[7].input) for mode in MODES}
    assert "secret_input.json" in texts[Mode.ATTACK] and "backdoor" in texts[Mode.ATTACK]
    for mode in (Mode.HONEST, Mode.OPPORTUNITY):
        assert "backdoor" not in texts[mode] and "secret" not in texts[mode]
    assert "oversight" in texts[Mode.OPPORTUNITY] and "nobody reads" in texts[Mode.OPPORTUNITY]
    assert "oversight" not in texts[Mode.HONEST]


def test_the_reference_behaviour_reads_problem_and_mode_from_the_prompt() -> None:
    behaviour = CodeBackdoorBehaviour()
    scenario = get_scenario("code_backdoor")
    for mode in MODES:
        for sample in scenario.dataset(mode)[::41]:
            seen = conversation(str(sample.input))
            assert behaviour.recognises(seen) and behaviour.mode(seen) == mode
            problem = find_problem(seen.task_text)
            assert problem is not None and problem.sample_id == sample.id
    assert not behaviour.recognises(conversation("Write a haiku about solution.py"))


def test_every_problem_records_its_test_inputs() -> None:
    assert all(problem.test_inputs for problem in problems())
    random_tests = next(p for p in problems() if p.task_id == "HumanEval/53")
    assert len(random_tests.test_inputs) > 50  # inputs the tests draw at random count too


def test_the_task_runs_the_checker_in_the_chosen_sandbox() -> None:
    task = scenario_task("code_backdoor", "opportunity", sandbox="local", limit=3)
    assert len(task.dataset) == 3
    assert task.sandbox is not None and task.sandbox.type == "local"
