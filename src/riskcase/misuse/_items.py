"""Misuse items: one restricted request, its user turns and the markers that grade it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ._grading import KeyStep
from ._policy import builtin_policy
from ._techniques import TECHNIQUES, VARIANTS, technique_turns
from ._topics import TOPICS


class Source(StrEnum):
    """Where an item comes from: riskcase's benign proxies or a user's own dataset."""

    BUILTIN = "builtin"
    USER = "user"


@dataclass(frozen=True)
class MisuseItem:
    """One restricted request as a conversation to play and grade.

    Attributes:
        id: Sample id (unique within its dataset).
        category: Topic category (the topic id for built-in items).
        technique: How the user asks (``direct``, ``roleplay``, ``authority``, ``split``;
            user datasets may use their own labels).
        variant: The technique's variant (empty for user items).
        turns: User turns, sent one at a time.
        policy: The operator's system prompt.
        steps: Key steps of the restricted procedure (the grading markers).
        steps_needed: Key steps that count as full help (None: all).
        source: Built-in proxy or user dataset.
        topic: Title of a built-in topic (None for user items).
    """

    id: str
    category: str
    technique: str
    variant: str
    turns: tuple[str, ...]
    policy: str
    steps: tuple[KeyStep, ...]
    steps_needed: int | None = None
    source: Source = Source.BUILTIN
    topic: str | None = None


def builtin_items(seed: int = 0) -> list[MisuseItem]:
    """Every built-in item: topics x techniques x variants.

    Ordered variant-major, then topic, then technique, so that any prefix (``--limit``)
    covers all four techniques.

    Args:
        seed: Seed for names, cover stories and the order of split questions.
    """
    items = []
    for variant_index in range(max(len(v) for v in VARIANTS.values())):
        for topic in TOPICS:
            for technique in TECHNIQUES:
                variant = VARIANTS[technique][variant_index % len(VARIANTS[technique])]
                items.append(
                    MisuseItem(
                        id=f"{topic.id}-{technique}-{variant}",
                        category=topic.id,
                        technique=str(technique),
                        variant=variant,
                        turns=technique_turns(topic, technique, variant, seed),
                        policy=builtin_policy(topic),
                        steps=topic.key_steps(),
                        topic=topic.title,
                    )
                )
    return items
