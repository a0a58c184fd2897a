"""A solver that plays a sample's user turns one at a time (the split technique needs it)."""

from __future__ import annotations

from inspect_ai.model import ChatMessage, ChatMessageUser
from inspect_ai.solver import Generate, Solver, TaskState, solver


@solver
def turn_by_turn() -> Solver:
    """Send the sample's user messages one per turn, generating a reply after each.

    The sample input holds the system prompt and every user turn; the model sees the
    first turn only, then each later turn after its reply to the one before, so that a
    request split into small steps arrives as a real multi-turn conversation.
    """

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        prefix: list[ChatMessage] = []
        turns: list[ChatMessage] = []
        for message in state.messages:
            (turns if isinstance(message, ChatMessageUser) else prefix).append(message)
        state.messages = list(prefix)
        for turn in turns:
            state.messages.append(turn)
            state = await generate(state)
            if state.completed:
                break
        return state

    return solve
