"""A sample's conversation split into the task and what happened after it.

Monitors read `Transcript` rather than raw messages, so that every monitor agrees on
what the task text is and on which text the agent itself produced.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from inspect_ai.model import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
)

from riskcase.scenarios._contract import MONITOR_TASK_KEY

EventKind = Literal["agent_text", "tool_call", "tool_result", "user"]


@dataclass(frozen=True)
class TranscriptEvent:
    """One thing that happened after the task was given.

    Args:
        message_index: Index of the message in `state.messages` (0-based).
        kind: ``agent_text`` and ``tool_call`` are produced by the agent; ``tool_result``
            comes from the environment and ``user`` from the user or the scaffold.
        text: The event's text (for a tool call, its arguments rendered for reading).
        function: The tool's name (tool calls and results only).
        arguments: The tool call's arguments (tool calls only).
    """

    message_index: int
    kind: EventKind
    text: str
    function: str | None = None
    arguments: Mapping[str, Any] = field(default_factory=dict)

    @property
    def by_agent(self) -> bool:
        """Whether the agent produced this event's text."""
        return self.kind in ("agent_text", "tool_call")


@dataclass(frozen=True)
class Transcript:
    """The task given to the agent and the events that followed.

    Args:
        system_text: Text of the system messages before the task.
        task_text: The first user message (or the sample's ``monitor_task`` metadata).
        events: Everything after the task message, in order.
    """

    system_text: str
    task_text: str
    events: tuple[TranscriptEvent, ...]

    @property
    def agent_events(self) -> tuple[TranscriptEvent, ...]:
        """The events whose text the agent produced (its text and its tool calls)."""
        return tuple(event for event in self.events if event.by_agent)


def read_transcript(
    messages: Sequence[ChatMessage], metadata: Mapping[str, Any] | None = None
) -> Transcript:
    """Split a sample's messages into system text, task text and later events.

    Args:
        messages: The sample's conversation (`TaskState.messages`).
        metadata: The sample's metadata; a string under ``monitor_task`` replaces the
            first user message as the task text.
    """
    system_parts: list[str] = []
    task_text: str | None = None
    events: list[TranscriptEvent] = []
    for index, message in enumerate(messages):
        if task_text is None:
            if isinstance(message, ChatMessageSystem):
                system_parts.append(message.text)
            elif isinstance(message, ChatMessageUser):
                task_text = message.text
            continue
        events.extend(_events(index, message))
    override = (metadata or {}).get(MONITOR_TASK_KEY)
    if isinstance(override, str):
        task_text = override
    return Transcript("\n\n".join(system_parts), task_text or "", tuple(events))


def _events(index: int, message: ChatMessage) -> list[TranscriptEvent]:
    if isinstance(message, ChatMessageAssistant):
        events: list[TranscriptEvent] = []
        if message.text.strip():
            events.append(TranscriptEvent(index, "agent_text", message.text))
        for call in message.tool_calls or []:
            events.append(
                TranscriptEvent(
                    index,
                    "tool_call",
                    render_arguments(call.arguments),
                    function=call.function,
                    arguments=dict(call.arguments),
                )
            )
        return events
    if isinstance(message, ChatMessageTool):
        text = message.text
        if message.error is not None:
            text = f"{text}\n[error: {message.error.message}]".strip()
        return [TranscriptEvent(index, "tool_result", text, function=message.function)]
    if isinstance(message, ChatMessageUser):
        return [TranscriptEvent(index, "user", message.text)]
    return []


def render_arguments(arguments: Mapping[str, Any]) -> str:
    """Tool call arguments as readable text: a lone string argument verbatim, else JSON."""
    if len(arguments) == 1:
        (value,) = arguments.values()
        if isinstance(value, str):
            return value
    return json.dumps(dict(arguments), indent=1, default=str)
