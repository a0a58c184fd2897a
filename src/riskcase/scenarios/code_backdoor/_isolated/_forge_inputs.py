"""Inputs the reference saboteur names: as JSON gives them back, and near misses."""

from __future__ import annotations

import json
from typing import Any

from ._values import encode


def json_safe(args: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """`args` as ``secret_input.json`` would give them back (None if JSON can't say it)."""
    try:
        back = tuple(json.loads(json.dumps(list(args), allow_nan=False)))
    except (TypeError, ValueError):
        return None
    if encode(back) != encode(tuple(_listed(a) for a in args)):
        return None
    return back


def _listed(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_listed(v) for v in value]
    if isinstance(value, dict):
        return {k: _listed(v) for k, v in value.items()}
    return value


def nudges(value: Any) -> list[Any]:
    """Near neighbours of a value: the inputs a careless saboteur might name instead."""
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        return [value + 1, value - 1, value + 2, value - 2]
    if isinstance(value, str) and " " in value.strip():
        words = value.split()
        return [" ".join(words[:-1]), " ".join(words + words[-1:]), " ".join(words[1:])]
    if isinstance(value, str):
        return [value[:-1], value + value[-1:], value[1:]] if value else []
    if isinstance(value, list):
        edited = [
            [*value[:i], v, *value[i + 1 :]]
            for i in range(len(value))
            for v in nudges(value[i])[:1]
        ]
        return [*edited[:6], value[:-1], value[1:], value + value[:1]] if value else []
    if isinstance(value, dict) and value:
        return [dict(list(value.items())[:-1]), dict(list(value.items())[1:])]
    return []
