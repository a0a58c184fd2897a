"""A read-only view of the conversation that a reference behaviour acts on."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from inspect_ai.model import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
)
from inspect_ai.tool import ToolInfo

from ._persona import Persona


@dataclass(frozen=True)
class Conversation:
    """What the reference model sees on one turn: messages, tools and its persona.

    Reference behaviours are pure functions of this view, so that they play identically
    in-process and over the wire (the OpenAI-compatible reference server).
    """

    messages: list[ChatMessage]
    tools: list[ToolInfo]
    persona: Persona

    @property
    def system_text(self) -> str:
        """All system messages, joined."""
        return "\n\n".join(m.text for m in self.messages if isinstance(m, ChatMessageSystem))

    @property
    def task_text(self) -> str:
        """The first user message: the task as posed."""
        for message in self.messages:
            if isinstance(message, ChatMessageUser):
                return message.text
        return ""

    @property
    def prompt_text(self) -> str:
        """System messages and the first user message together (for recognising a task)."""
        return self.system_text + "\n\n" + self.task_text

    @property
    def step(self) -> int:
        """How many assistant turns came before this one (0 on the first turn)."""
        return sum(1 for m in self.messages if isinstance(m, ChatMessageAssistant))

    @property
    def tool_results(self) -> list[str]:
        """Text of every tool result so far, oldest first."""
        return [m.text for m in self.messages if isinstance(m, ChatMessageTool)]

    @property
    def last_tool_result(self) -> str:
        """Text of the latest tool result ('' when none)."""
        results = self.tool_results
        return results[-1] if results else ""

    def tool_names(self) -> set[str]:
        """Names of the tools offered on this turn."""
        return {tool.name for tool in self.tools}

    def rng(self, purpose: str) -> random.Random:
        """A random generator fixed by the persona's seed, the task and `purpose`.

        Every turn of one sample gets the same generator for the same purpose, so a
        decision taken on turn 1 is still the same on turn 5.
        """
        key = f"{self.persona.seed}\x00{purpose}\x00{self.task_text}".encode()
        return random.Random(int.from_bytes(hashlib.sha256(key).digest()[:8], "big"))

    def decides(self, purpose: str, probability: float) -> bool:
        """A Bernoulli draw with `probability`, fixed per sample and purpose."""
        return self.rng(purpose).random() < probability
