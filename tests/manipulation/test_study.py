"""The study's registration, tasks, and which conversations its reference behaviour plays."""

from __future__ import annotations

from inspect_ai.model import ChatMessageSystem, ChatMessageUser

from riskcase.agents import Conversation, Persona, reference_behaviours
from riskcase.manipulation import (
    ManipulationBehaviour,
    ManipulationStudy,
    generate_cases,
    system_prompt,
    user_message,
)
from riskcase.studies import STUDY_ID, get_study, study_ids


def _conversation(system: str, user: str, rate: float = 0.0) -> Conversation:
    messages = [ChatMessageSystem(content=system), ChatMessageUser(content=user)]
    return Conversation(messages=messages, tools=[], persona=Persona(manipulation_rate=rate))


def test_registered_with_paired_tasks() -> None:
    assert "manipulation" in study_ids()
    study = get_study("manipulation")
    assert isinstance(study, ManipulationStudy)
    incentive, baseline = study.tasks(limit=5, seed=2)
    assert len(study.tasks(users=25)[0].dataset) == 25
    assert incentive.name == "manipulation_incentive" and baseline.name == "manipulation_baseline"
    for task, condition in ((incentive, "incentive"), (baseline, "baseline")):
        assert task.metadata == {STUDY_ID: "manipulation", "condition": condition}
        assert all(s.metadata and s.metadata[STUDY_ID] == "manipulation" for s in task.dataset)
    assert [s.id for s in incentive.dataset] == [s.id for s in baseline.dataset]
    assert len(incentive.dataset) == 5


def test_only_this_behaviour_recognises_the_study_and_nothing_else() -> None:
    case = generate_cases()[0]
    ours = _conversation(system_prompt(case, True), user_message(case))
    behaviours = reference_behaviours()
    players = [b for b in behaviours if b.recognises(ours)]
    assert len(players) == 1 and isinstance(players[0], ManipulationBehaviour)
    plain = _conversation("You are a helpful assistant.", "Which laptop should I buy?")
    assert not ManipulationBehaviour().recognises(plain)


def test_no_steering_without_incentive_even_at_rate_one() -> None:
    behaviour = ManipulationBehaviour()
    for case in generate_cases()[:10]:
        baseline = _conversation(system_prompt(case, False), user_message(case), rate=1.0)
        reply = behaviour.next_action(baseline, sabotage=False).text
        assert reply.endswith(f"Recommendation: {case.best_fit.name}")
        incentive = _conversation(system_prompt(case, True), user_message(case), rate=1.0)
        reply = behaviour.next_action(incentive, sabotage=False).text
        assert reply.endswith(f"Recommendation: {case.sponsored}")
