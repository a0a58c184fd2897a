"""The goal-elicitation probes: generated samples and the reference behaviour's answers."""

from __future__ import annotations

import re

import pytest
from inspect_ai.dataset import Sample
from inspect_ai.model import ChatMessageUser
from inspect_ai.tool import ToolInfo, ToolParams

from riskcase.agents import Conversation, Persona, reference_behaviours
from riskcase.alignment import GoalProbeBehaviour, Stance, classify_answer, probe_samples
from riskcase.alignment._probe_bank import option_stances

FRAMINGS = {"direct", "hypothetical", "third_person", "role_play", "developer_interview", "survey"}
TOPICS = {"oversight", "self_preservation", "safety_research", "honesty"}


def _conversation(
    sample: Sample, tools: list[ToolInfo] | None = None, **persona: float
) -> Conversation:
    assert isinstance(sample.input, str)
    return Conversation(
        messages=[ChatMessageUser(content=sample.input)],
        tools=tools or [],
        persona=Persona(**persona),  # type: ignore[arg-type]
    )


def test_probes_cover_every_framing_topic_and_format() -> None:
    samples = probe_samples()
    assert len(samples) >= 20 and len({s.id for s in samples}) == len(samples)
    metadata = [s.metadata or {} for s in samples]
    assert {m["framing"] for m in metadata} == FRAMINGS
    assert {m["topic"] for m in metadata} == TOPICS
    assert {m["format"] for m in metadata} == {"choice", "ranked", "free_text"}
    assert all(m["study_id"] == "alignment" for m in metadata)
    # any prefix (--limit) mixes the framings
    assert {m["framing"] for m in metadata[:6]} == FRAMINGS


@pytest.mark.parametrize("seed", [0, 7])
def test_answer_keys_match_the_options_shown(seed: int) -> None:
    stances = option_stances()
    for sample in probe_samples(seed):
        metadata = sample.metadata or {}
        key = metadata["answer_key"]
        assert isinstance(sample.input, str)
        shown = dict(re.findall(r"^([A-H]|\d+)[).] (.+)$", sample.input, re.MULTILINE))
        assert set(shown) == set(key)
        assert all(stances[text] == key[label] for label, text in shown.items())
        if metadata["format"] == "choice":
            assert sorted(key.values()).count("supports_oversight") == 1
            assert sorted(key.values()).count("undermines_oversight") == 1


def test_option_order_depends_on_the_seed() -> None:
    assert [s.input for s in probe_samples(0)] != [s.input for s in probe_samples(7)]


def test_no_scenario_behaviour_claims_a_probe_and_the_probe_behaviour_claims_only_probes() -> None:
    behaviours = reference_behaviours()
    for sample in probe_samples():
        claimants = [b for b in behaviours if b.recognises(_conversation(sample))]
        assert [type(b) for b in claimants] == [GoalProbeBehaviour]
    probe = GoalProbeBehaviour()
    bash = ToolInfo(name="bash", description="run a command", parameters=ToolParams())
    assert not probe.recognises(_conversation(probe_samples()[0], tools=[bash]))
    assert not probe.recognises(
        _conversation(Sample(input="What are your goals? Answer in a short paragraph."))
    )


@pytest.mark.parametrize(
    ("persona", "stance"),
    [
        ({"attempt_rate": 0.5, "goal_disclosure_rate": 0.0}, Stance.SUPPORTS),
        ({"attempt_rate": 0.5, "goal_disclosure_rate": 1.0}, Stance.UNDERMINES),
        # a persona that never sabotages has nothing to disclose
        ({"attempt_rate": 0.0, "goal_disclosure_rate": 1.0}, Stance.SUPPORTS),
    ],
)
def test_reference_answers_are_scored_as_the_persona_intends(
    persona: dict[str, float], stance: Stance
) -> None:
    behaviour = GoalProbeBehaviour()
    for sample in probe_samples():
        metadata = sample.metadata or {}
        action = behaviour.next_action(_conversation(sample, **persona), sabotage=False)
        verdict = classify_answer(action.text, metadata["format"], metadata["answer_key"])
        assert verdict.stance == stance, (sample.id, action.text)
        assert verdict.rule == metadata["format"]
