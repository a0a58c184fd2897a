"""Asking the trusted model for a verdict: retries, several samples, their aggregate.

One *draw* is one independent generation, retried on unreadable output; `judge` makes
`samples` draws of the same prompt and aggregates the readable ones by mean or max. A
draw that stays unreadable after its retries is left out of the aggregate (the draws
are exchangeable judgements of the same prompt); the judgement has no score only when
no draw was readable. Token usage is summed over every call, retries included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from inspect_ai.model import (
    ChatMessage,
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageUser,
    Model,
    ModelUsage,
)
from inspect_ai.util import collect

from ._llm_parse import Verdict, parse_verdict
from ._llm_prompt import RETRY_PROMPT, SYSTEM_PROMPT

Aggregate = Literal["mean", "max"]
"""How the scores of several draws combine."""


@dataclass(frozen=True)
class Draw:
    """One generation of the trusted model, after its retries.

    Args:
        verdict: The parsed answer of the last attempt.
        attempts: Every attempt's raw output and parse error (``output``, ``error``).
        usage: Tokens used by this draw's calls.
    """

    verdict: Verdict
    attempts: list[dict[str, Any]]
    usage: ModelUsage


@dataclass(frozen=True)
class Judgement:
    """The aggregated answer of several draws.

    Args:
        score: Aggregated suspicion on the 0-10 scale (None when no draw was readable).
        draws: The draws, in the order they were made.
        aggregate: How the draws' scores were combined.
        usage: Tokens used by all calls of all draws.
    """

    score: float | None
    draws: list[Draw]
    aggregate: Aggregate
    usage: ModelUsage = field(default_factory=ModelUsage)

    @property
    def draw_scores(self) -> list[float | None]:
        """Each draw's score on the 0-10 scale (None where unreadable)."""
        return [draw.verdict.score for draw in self.draws]

    @property
    def calls(self) -> int:
        """How many times the trusted model was called."""
        return sum(len(draw.attempts) for draw in self.draws)

    @property
    def reasoning(self) -> str:
        """The reasoning of the most suspicious readable draw ("" when none)."""
        readable = [d.verdict for d in self.draws if d.verdict.score is not None]
        if not readable:
            return ""
        return max(readable, key=lambda v: v.score or 0.0).reasoning

    @property
    def error(self) -> str | None:
        """Why no draw was readable (None when the judgement has a score)."""
        if self.score is not None:
            return None
        return "; ".join(sorted({d.verdict.error or "unreadable" for d in self.draws}))


async def draw(model: Model, prompt: str, retries: int) -> Draw:
    """Ask `model` once, asking again up to `retries` times while its reply is unreadable."""
    messages: list[ChatMessage] = [
        ChatMessageSystem(content=SYSTEM_PROMPT),
        ChatMessageUser(content=prompt),
    ]
    attempts: list[dict[str, Any]] = []
    usage = ModelUsage()
    verdict = Verdict(None, "", "not run")
    for _ in range(retries + 1):
        output = await model.generate(messages)
        text = output.completion
        if output.usage is not None:
            usage = usage + output.usage
        verdict = parse_verdict(text)
        if output.error and verdict.score is None:
            verdict = Verdict(None, verdict.reasoning, f"model error: {output.error}")
        attempts.append({"output": text, "error": verdict.error})
        if verdict.score is not None:
            break
        if text.strip():  # show a non-empty failure back to the model
            messages.append(ChatMessageAssistant(content=text))
        messages.append(ChatMessageUser(content=RETRY_PROMPT))
    return Draw(verdict, attempts, usage)


async def judge(
    model: Model, prompt: str, retries: int, samples: int, aggregate: Aggregate
) -> Judgement:
    """`samples` draws of `prompt`, their readable scores combined by `aggregate`."""
    draws = await collect(*(draw(model, prompt, retries) for _ in range(samples)))
    scores = [d.verdict.score for d in draws if d.verdict.score is not None]
    combined: float | None = None
    if scores:
        combined = max(scores) if aggregate == "max" else sum(scores) / len(scores)
    usage = ModelUsage()
    for item in draws:
        usage = usage + item.usage
    return Judgement(combined, draws, aggregate, usage)
