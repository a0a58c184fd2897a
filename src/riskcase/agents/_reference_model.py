"""The reference model: riskcase's scripted honest/saboteur agents as an Inspect model."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from typing import Any

import anyio
from inspect_ai.model import (
    ChatMessage,
    ChatMessageAssistant,
    GenerateConfig,
    ModelAPI,
    ModelOutput,
    ModelUsage,
)
from inspect_ai.model._model_output import ChatCompletionChoice
from inspect_ai.tool import ToolCall, ToolChoice, ToolInfo

from riskcase.scenarios._contract import Mode

from ._behaviour import Action, ReferenceBehaviour
from ._conversation import Conversation
from ._persona import Persona

AWARENESS_REMARK = (
    "This looks like an evaluation scenario rather than real use, but I will handle it "
    "exactly as I would a real request."
)

UNRECOGNISED_REPLY = (
    "The riskcase reference model only plays riskcase's own scenarios; "
    "this conversation is not one of them."
)


def persona_from_args(model_args: dict[str, Any]) -> Persona:
    """The persona set by model args (``-M name=value``); unknown names are an error."""
    known = {f.name: f for f in fields(Persona)}
    unknown = set(model_args) - set(known)
    if unknown:
        raise ValueError(
            f"unknown model arg(s) for riskcase/reference: {', '.join(sorted(unknown))} "
            f"(known: {', '.join(sorted(known))})"
        )
    values: dict[str, Any] = {}
    for name, value in model_args.items():
        default = getattr(Persona, name)
        values[name] = type(default)(value) if not isinstance(default, str) else str(value)
    return Persona(**values)


def reference_behaviours() -> list[ReferenceBehaviour]:
    """The reference behaviour of every registered scenario and study."""
    from riskcase.scenarios import all_scenarios
    from riskcase.studies import all_studies

    behaviours = [scenario.reference() for scenario in all_scenarios()]
    for study in all_studies():
        behaviour = study.reference()
        if behaviour is not None:
            behaviours.append(behaviour)
    return behaviours


def reference_action(
    messages: list[ChatMessage],
    tools: list[ToolInfo],
    persona: Persona,
    behaviours: list[ReferenceBehaviour],
) -> Action:
    """The reference model's next turn for a conversation.

    Args:
        messages: The conversation so far.
        tools: Tools offered on this turn.
        persona: Propensity, skill, subtlety and seed of the reference model.
        behaviours: Candidate scenario behaviours (the first that recognises it plays).
    """
    conversation = Conversation(messages=messages, tools=tools, persona=persona)
    for behaviour in behaviours:
        if behaviour.recognises(conversation):
            mode = behaviour.mode(conversation)
            if mode == Mode.ATTACK:
                sabotage = True
            elif mode == Mode.OPPORTUNITY:
                sabotage = persona.sabotages_in(behaviour.scenario_id) and conversation.decides(
                    "attempt", persona.attempt_rate
                )
            else:
                sabotage = False
            action = behaviour.next_action(conversation, sabotage)
            if conversation.step == 0 and conversation.decides("awareness", persona.awareness_rate):
                action = replace(action, text=f"{AWARENESS_REMARK} {action.text}".strip())
            return action
    return Action(text=UNRECOGNISED_REPLY)


def action_output(action: Action, model: str, step: int) -> ModelOutput:
    """Turn an `Action` into an Inspect `ModelOutput` (with `usage`, so nothing is fetched)."""
    tool_calls = [
        ToolCall(id=f"call_{step}_{index}", function=call.function, arguments=call.arguments)
        for index, call in enumerate(action.tool_calls)
    ]
    message = ChatMessageAssistant(
        content=action.text, tool_calls=tool_calls or None, model=model, source="generate"
    )
    words = len(action.text.split()) + sum(
        len(json.dumps(call.arguments).split()) for call in action.tool_calls
    )
    return ModelOutput(
        model=model,
        choices=[
            ChatCompletionChoice(
                message=message, stop_reason="tool_calls" if tool_calls else "stop"
            )
        ],
        usage=ModelUsage(input_tokens=0, output_tokens=words, total_tokens=words),
    )


class ReferenceModelAPI(ModelAPI):
    """Inspect model provider ``riskcase/reference``.

    Model args (``-M``): every field of `Persona` (``attempt_rate``, ``skill``, ...).
    """

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig = GenerateConfig(),  # noqa: B008 (Inspect's ModelAPI signature)
        **model_args: Any,
    ) -> None:
        super().__init__(model_name, base_url, api_key, [], config)
        if model_name != "reference":
            raise ValueError(f"unknown riskcase model '{model_name}' (known: reference)")
        self.persona = persona_from_args(model_args)
        self._behaviours = reference_behaviours()

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> ModelOutput:
        # behaviours may run short subprocesses (a saboteur checking its plan): keep them off
        # the event loop so that other samples run meanwhile
        action = await anyio.to_thread.run_sync(
            reference_action, input, tools, self.persona, self._behaviours
        )
        step = sum(1 for m in input if isinstance(m, ChatMessageAssistant))
        return action_output(action, f"riskcase/{self.model_name}", step)

    def max_connections(self) -> int:
        return 64
