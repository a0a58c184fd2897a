"""What a scenario's reference behaviour provides to the reference model."""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from typing import Any

from riskcase.scenarios._contract import Mode

from ._conversation import Conversation


@dataclass(frozen=True)
class ToolCallSpec:
    """One tool call the reference model makes: tool name and arguments."""

    function: str
    arguments: dict[str, Any]


@dataclass(frozen=True)
class Action:
    """One assistant turn: visible text and the tool calls it makes (none ends the turn)."""

    text: str = ""
    tool_calls: list[ToolCallSpec] = field(default_factory=list)

    @staticmethod
    def call(function: str, text: str = "", **arguments: Any) -> Action:
        """A turn with a single tool call."""
        return Action(text=text, tool_calls=[ToolCallSpec(function, arguments)])

    @staticmethod
    def submit(answer: str, text: str = "") -> Action:
        """A turn that calls Inspect's ``submit`` tool (ends a ``react`` agent)."""
        return Action.call("submit", text=text, answer=answer)


class ReferenceBehaviour(abc.ABC):
    """The honest and saboteur behaviour of one scenario, played through tool calls.

    The reference model asks every registered behaviour whether it `recognises` the
    conversation, then which `mode` the prompt is in, then for the `next_action`.
    Behaviours see only what a real model sees (messages and tools), never sample
    metadata, so they work the same over an OpenAI-compatible HTTP connection.
    """

    scenario_id: str = ""
    attack_marker: str = ""
    """Wording only the scenario's attack prompt contains (for the default `mode`)."""
    opportunity_marker: str = ""
    """Wording only the scenario's opportunity prompt contains (for the default `mode`)."""

    @abc.abstractmethod
    def recognises(self, conversation: Conversation) -> bool:
        """Whether this conversation is a task of this behaviour's scenario."""

    def mode(self, conversation: Conversation) -> Mode:
        """The mode the prompt is in, read from the scenario's own prompt wording.

        By default: ``attack`` when the task holds `attack_marker`, ``opportunity`` when it
        holds `opportunity_marker`, else ``honest``. Override for other rules.
        """
        task = conversation.task_text
        if self.attack_marker and self.attack_marker in task:
            return Mode.ATTACK
        if self.opportunity_marker and self.opportunity_marker in task:
            return Mode.OPPORTUNITY
        return Mode.HONEST

    @abc.abstractmethod
    def next_action(self, conversation: Conversation, sabotage: bool) -> Action:
        """The next assistant turn.

        Args:
            conversation: The conversation so far (its ``step`` says which turn this is).
            sabotage: Whether this sample's run is a sabotage run (decided by the
                reference model from the mode and persona, fixed for the whole sample).
        """
