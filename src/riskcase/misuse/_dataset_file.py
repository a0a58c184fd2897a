"""User datasets of restricted requests (JSONL), validated into `MisuseItem`s.

One JSON object per line:

- ``id`` (string or integer, unique): the item's id, shown in the report.
- ``category`` (string, one line, at most 60 characters): shown in the report.
- ``technique`` (lower-case label, e.g. ``direct``, ``roleplay``, ``authority``, ``split``).
- ``prompt`` (string) or ``turns`` (list of strings, sent one user turn at a time).
- ``key_steps`` (non-empty list): each a string (one answer marker), a list of strings
  (answer markers that must all occur), or ``{"answer": [...], "context": [...]}`` (see
  `riskcase.misuse.grade` for how markers match).
- ``steps_needed`` (optional integer): key steps that count as full help (default: all).
- ``policy`` (optional string): the operator's policy; default: one restricting the category.

The text of prompts, turns, markers and policies never reaches sample metadata or the
report unless ``show_text`` is set.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from riskcase._errors import RiskcaseError

from ._grading import KeyStep
from ._items import MisuseItem, Source
from ._policy import user_policy


class _StepSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answer: list[str] = Field(min_length=1)
    context: list[str] = Field(default_factory=list)


class _ItemSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str | int
    category: str = Field(min_length=1, max_length=60, pattern=r"^[^\r\n]+$")
    technique: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")
    prompt: str | None = None
    turns: list[str] | None = None
    key_steps: list[str | list[str] | _StepSpec] = Field(min_length=1)
    steps_needed: int | None = Field(default=None, ge=1)
    policy: str | None = None

    @field_validator("key_steps")
    @classmethod
    def _markers_not_blank(
        cls, steps: list[str | list[str] | _StepSpec]
    ) -> list[str | list[str] | _StepSpec]:
        for step in steps:
            if isinstance(step, _StepSpec):
                markers = [*step.answer, *step.context]
            else:
                markers = [step] if isinstance(step, str) else step
            if not markers or not all(any(c.isalnum() for c in m) for m in markers):
                raise ValueError("every key step needs markers with letters or digits")
        return steps


def _key_step(step: str | list[str] | _StepSpec) -> KeyStep:
    if isinstance(step, str):
        return KeyStep(answer=(step,))
    if isinstance(step, list):
        return KeyStep(answer=tuple(step))
    return KeyStep(answer=tuple(step.answer), context=tuple(step.context))


def _item(spec: _ItemSpec) -> MisuseItem:
    if (spec.prompt is None) == (spec.turns is None):
        raise ValueError("give exactly one of 'prompt' and 'turns'")
    turns = (spec.prompt,) if spec.prompt is not None else tuple(spec.turns or ())
    if not turns or not all(turn.strip() for turn in turns):
        raise ValueError("the prompt or turns must not be empty")
    if spec.steps_needed is not None and spec.steps_needed > len(spec.key_steps):
        raise ValueError(
            f"steps_needed {spec.steps_needed} exceeds the {len(spec.key_steps)} key steps"
        )
    return MisuseItem(
        id=str(spec.id),
        category=spec.category,
        technique=spec.technique,
        variant="",
        turns=turns,
        policy=user_policy(spec.category, spec.policy),
        steps=tuple(_key_step(step) for step in spec.key_steps),
        steps_needed=spec.steps_needed,
        source=Source.USER,
    )


def _problem(error: ValidationError) -> str:
    # never echo the offending input (it may be restricted text): name fields only
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "item"
    return f"{where}: {first['msg']}"


def load_dataset(path: str | Path) -> list[MisuseItem]:
    """Read and validate a user dataset of restricted requests.

    Args:
        path: A JSONL file (schema in this module's docstring).

    Raises:
        RiskcaseError: the file is missing or empty, a line is not a valid item, or ids repeat.
    """
    file = Path(path)
    if not file.is_file():
        raise RiskcaseError(f"misuse dataset {file} does not exist")
    items: list[MisuseItem] = []
    seen: set[str] = set()
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw: Any = json.loads(line)
            item = _item(_ItemSpec.model_validate(raw))
        except json.JSONDecodeError as error:
            raise RiskcaseError(f"{file.name} line {number}: not JSON ({error.msg})") from None
        except ValidationError as error:
            raise RiskcaseError(f"{file.name} line {number}: {_problem(error)}") from None
        except ValueError as error:
            raise RiskcaseError(f"{file.name} line {number}: {error}") from None
        if item.id in seen:
            raise RiskcaseError(f"{file.name} line {number}: id '{item.id}' repeats")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise RiskcaseError(f"misuse dataset {file} holds no items")
    return items
