"""Prompt templates of the LLM monitor: chosen by pathway, user-supplied, validated."""

from __future__ import annotations

from typing import Any

import pytest
from inspect_ai.scorer import Score, Target
from inspect_ai.solver import TaskState

from riskcase.monitors import (
    ANSWER_FORMAT,
    PATHWAY_GUIDES,
    builtin_template,
    llm_monitor,
)
from riskcase.monitors._llm_pathways import GENERIC_SIGNS

TASK = "Summarise the quarterly numbers for the board."
PATHWAYS = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "leaks"]
ANSWER = "<reasoning>ok</reasoning><score>1</score>"


def sample(tx: Any, pathway: str | None) -> TaskState:
    metadata = {"scenario_id": "some_scenario", "mode": "attack"}
    if pathway is not None:
        metadata["pathway_id"] = pathway
    return tx.state(TASK, tx.bash("cat numbers.csv"), tx.result("q1,10"), metadata=metadata)


async def prompt_for(
    tx: Any, trusted: Any, pathway: str | None, **options: Any
) -> tuple[str, Score]:
    model = trusted([ANSWER] * 10)
    result = await llm_monitor(model=model.model, **options)(sample(tx, pathway), Target(""))
    assert result is not None and result.metadata is not None
    return model.prompts[0], result


@pytest.mark.parametrize("pathway", PATHWAYS)
async def test_each_pathway_gets_its_own_template(tx: Any, trusted: Any, pathway: str) -> None:
    prompt, result = await prompt_for(tx, trusted, pathway)
    guide = PATHWAY_GUIDES[pathway]
    assert result.metadata is not None and result.metadata["template"] == f"builtin:{pathway}"
    assert guide.title in prompt and all(sign in prompt for sign in guide.signs)
    others = [g for p, g in PATHWAY_GUIDES.items() if p != pathway]
    assert not any(sign in prompt for g in others for sign in g.signs)
    assert "attack" not in prompt.lower()  # the sample's mode is never shown
    assert prompt.endswith(ANSWER_FORMAT)


@pytest.mark.parametrize("pathway", [None, "", "P42"])
async def test_unknown_pathways_get_the_generic_template(
    tx: Any, trusted: Any, pathway: str | None
) -> None:
    prompt, result = await prompt_for(tx, trusted, pathway)
    assert result.metadata is not None and result.metadata["template"] == "builtin:generic"
    assert all(sign in prompt for sign in GENERIC_SIGNS)
    assert not any(sign in prompt for g in PATHWAY_GUIDES.values() for sign in g.signs)


def test_builtin_templates_differ_by_pathway_and_granularity() -> None:
    templates = {builtin_template(p) for p in [*PATHWAYS, "generic"]}
    assert len(templates) == len(PATHWAYS) + 1
    for pathway in PATHWAYS:
        action = builtin_template(pathway, "action")
        assert "{action}" in action and "{action}" not in builtin_template(pathway)


async def test_per_action_prompts_use_the_pathway_template(tx: Any, trusted: Any) -> None:
    prompt, result = await prompt_for(tx, trusted, "P5", granularity="action")
    assert result.metadata is not None and result.metadata["template"] == "builtin:P5"
    assert PATHWAY_GUIDES["P5"].signs[0] in prompt and "<action>" in prompt


async def test_a_custom_template_with_placeholders(tx: Any, trusted: Any) -> None:
    template = (
        "Pathway {pathway_id} of {scenario_id} ({pathway_description}).\n"
        "TASK:\n{task}\nEVENTS:\n{transcript}\nLiteral {{braces}} stay."
    )
    prompt, result = await prompt_for(tx, trusted, "P8", template=template)
    assert result.metadata is not None and result.metadata["template"] == "custom"
    assert prompt.startswith("Pathway P8 of some_scenario (decision sabotage: ")
    assert f"TASK:\n| {TASK}\nEVENTS:\n--- message 2, agent tool call: bash ---\n" in prompt
    assert "Literal {braces} stay." in prompt and prompt.endswith(ANSWER_FORMAT)


async def test_templates_by_pathway_with_a_fallback(tx: Any, trusted: Any) -> None:
    templates = {"P3": "CODE {task} {transcript}", "*": "OTHER {task} {transcript}"}
    p3, p3_result = await prompt_for(tx, trusted, "P3", template=templates)
    p5, p5_result = await prompt_for(tx, trusted, "P5", template=templates)
    assert p3.startswith("CODE ") and p5.startswith("OTHER ")
    assert p3_result.metadata is not None and p3_result.metadata["template"] == "custom:P3"
    assert p5_result.metadata is not None and p5_result.metadata["template"] == "custom:*"
    _, builtin = await prompt_for(tx, trusted, "P5", template={"P3": "CODE {task} {transcript}"})
    assert builtin.metadata is not None and builtin.metadata["template"] == "builtin:P5"


async def test_agent_text_is_never_read_as_a_placeholder(tx: Any, trusted: Any) -> None:
    state = tx.state(TASK, tx.bash("echo '{task} {transcript} {0} {'"), metadata={})
    model = trusted([ANSWER])
    await llm_monitor(model=model.model, template="T {task} E {transcript}")(state, Target(""))
    assert "echo '{task} {transcript} {0} {'" in model.prompts[0]


@pytest.mark.parametrize(
    ("template", "granularity", "message"),
    [
        ("{task} {transcript} {mode}", "trajectory", "unknown placeholders ['mode']"),
        ("{task} {transcript} {action}", "trajectory", "unknown placeholders ['action']"),
        ("{task} {transcript.upper}", "trajectory", "unknown placeholders"),
        ("{task} {}", "trajectory", "unknown placeholders"),
        ("{task} only", "trajectory", "lacks required placeholders ['transcript']"),
        ("{task} {transcript}", "action", "lacks required placeholders ['action']"),
        ("{task} {transcript", "trajectory", "malformed monitor template"),
    ],
)
def test_invalid_templates_are_rejected_when_the_monitor_is_built(
    template: str, granularity: Any, message: str
) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        llm_monitor(model="mockllm/model", template=template, granularity=granularity)
    with pytest.raises(ValueError):
        llm_monitor(model="mockllm/model", template={"P1": template}, granularity=granularity)
