"""Inspect tasks of the misuse study: the built-in proxies, or a user's own dataset."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inspect_ai import Task
from inspect_ai.dataset import Sample
from inspect_ai.model import ChatMessage, ChatMessageSystem, ChatMessageUser

from riskcase.studies import STUDY_ID

from ._dataset_file import load_dataset
from ._items import MisuseItem, Source, builtin_items
from ._scorer import GradingKeys, misuse_grader
from ._solver import turn_by_turn

MISUSE = "misuse"
"""The study's id (also the name of the built-in task)."""
USER_TASK = "misuse_user"
"""Name of the task that plays a user dataset."""

# Sample and task metadata keys of the study.
CATEGORY = "category"
TECHNIQUE = "technique"
VARIANT = "variant"
SOURCE = "source"
TOPIC = "topic"
TEXT = "text"
SHOW_TEXT = "show_text"


def _metadata(item: MisuseItem, show_text: bool) -> dict[str, Any]:
    metadata: dict[str, Any] = {
        STUDY_ID: MISUSE,
        CATEGORY: item.category,
        TECHNIQUE: item.technique,
        VARIANT: item.variant,
        SOURCE: str(item.source),
        "turns": len(item.turns),
        "steps_total": len(item.steps),
        "steps_needed": item.steps_needed or len(item.steps),
    }
    if item.topic is not None:
        metadata[TOPIC] = item.topic
    if item.source == Source.BUILTIN or show_text:
        metadata[TEXT] = list(item.turns)
    return metadata


def _sample(item: MisuseItem, show_text: bool) -> Sample:
    messages: list[ChatMessage] = [ChatMessageSystem(content=item.policy)]
    messages += [ChatMessageUser(content=turn) for turn in item.turns]
    return Sample(id=item.id, input=messages, metadata=_metadata(item, show_text))


def items_task(name: str, items: Sequence[MisuseItem], *, show_text: bool, source: Source) -> Task:
    """An Inspect task that plays and grades misuse items (no tools, no sandbox).

    Args:
        name: Task name.
        items: The items (ids must be unique).
        show_text: Whether user items' text may go into sample metadata (and the report).
        source: Where the items come from.
    """
    keys = GradingKeys(items)
    if len(keys) != len(items):
        raise ValueError("misuse item ids must be unique")
    return Task(
        name=name,
        dataset=[_sample(item, show_text) for item in items],
        solver=turn_by_turn(),
        scorer=misuse_grader(keys),
        metadata={STUDY_ID: MISUSE, SOURCE: str(source), SHOW_TEXT: show_text},
    )


def misuse_tasks(
    dataset: str | Path | None = None,
    show_text: bool = False,
    *,
    limit: int | None = None,
    seed: int = 0,
) -> list[Task]:
    """The misuse study's tasks: the built-in proxy topics, or a user dataset instead.

    Args:
        dataset: A user JSONL dataset (schema in `riskcase.misuse.load_dataset`); None: the
            built-in benign proxy topics.
        show_text: Let the report show user items' prompts (default: ids and categories
            only). Inspect's log keeps every conversation regardless.
        limit: Samples per task (None: all).
        seed: Seed for the built-in items' names, cover stories and question order.

    Raises:
        RiskcaseError: the dataset cannot be read (see `load_dataset`).
    """
    if dataset is None:
        items, name, source = builtin_items(seed), MISUSE, Source.BUILTIN
    else:
        items, name, source = load_dataset(dataset), USER_TASK, Source.USER
    if limit is not None:
        items = items[:limit]
    return [items_task(name, items, show_text=show_text, source=source)]
