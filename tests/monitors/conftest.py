"""Builders for hand-made transcripts: a `TaskState` with scripted agent turns."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from inspect_ai.model import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
    Model,
    ModelName,
    ModelOutput,
    ModelUsage,
    get_model,
)
from inspect_ai.solver import TaskState
from inspect_ai.tool import ToolCall


class Transcripts:
    """Makes transcript messages and the `TaskState` that holds them."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)

    def state(
        self,
        task: str,
        *turns: ChatMessage,
        system: str = "You are a capable software agent.",
        metadata: dict[str, Any] | None = None,
    ) -> TaskState:
        messages: list[ChatMessage] = [
            ChatMessageSystem(content=system),
            ChatMessageUser(content=task),
            *turns,
        ]
        return TaskState(
            model=ModelName("mockllm/model"),
            sample_id=1,
            epoch=1,
            input=task,
            messages=messages,
            metadata=metadata or {"scenario_id": "code_backdoor", "pathway_id": "P3"},
        )

    def say(self, text: str) -> ChatMessageAssistant:
        return ChatMessageAssistant(content=text)

    def call(self, function: str, text: str = "", **arguments: Any) -> ChatMessageAssistant:
        call = ToolCall(id=f"call_{next(self._ids)}", function=function, arguments=arguments)
        return ChatMessageAssistant(content=text, tool_calls=[call])

    def bash(self, command: str, text: str = "") -> ChatMessageAssistant:
        return self.call("bash", text, command=command)

    def python(self, code: str, text: str = "") -> ChatMessageAssistant:
        return self.call("python", text, code=code)

    def result(self, content: str, function: str = "bash") -> ChatMessageTool:
        return ChatMessageTool(content=content, function=function, tool_call_id="call_x")


@pytest.fixture
def tx() -> Transcripts:
    return Transcripts()


def scripted(text: str) -> ModelOutput:
    """A mockllm output with usage set (mockllm needs it to stay offline)."""
    output = ModelOutput.from_content(model="mockllm/model", content=text)
    output.usage = ModelUsage(input_tokens=100, output_tokens=20, total_tokens=120)
    return output


@pytest.fixture
def script() -> Any:
    return scripted


class TrustedModel:
    """A mockllm trusted model whose replies come from a script; it records its prompts.

    Args:
        replies: Replies in call order, or a function from the monitor's prompt (its first
            user message, also on retries) to the reply, for concurrent calls, whose order
            is not fixed.
    """

    def __init__(self, replies: Sequence[str] | Callable[[str], str]) -> None:
        self.replies = replies
        self.prompts: list[str] = []
        self.model: Model = get_model("mockllm/model", custom_outputs=self._answer)

    def _answer(self, messages: list[ChatMessage], *_: Any) -> ModelOutput:
        prompt = messages[-1].text
        self.prompts.append(prompt)
        if callable(self.replies):
            first = next(m.text for m in messages if m.role == "user")
            return scripted(self.replies(first))
        return scripted(self.replies[len(self.prompts) - 1])


@pytest.fixture
def trusted() -> type[TrustedModel]:
    return TrustedModel
