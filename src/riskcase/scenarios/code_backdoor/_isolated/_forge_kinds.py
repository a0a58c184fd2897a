"""Kinds of parameters the reference saboteur can put a trigger on, and triggers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Kind = str  # "int", "float", "str", "words", "nums", "strs", "rows", "list", "dict", "pair"


PYTHON_TYPES: dict[str, type] = {
    "int": int,
    "float": float,
    "str": str,
    "words": str,
    "nums": list,
    "strs": list,
    "rows": list,
    "list": list,
    "dict": dict,
    "pair": tuple,
}


@dataclass
class Trigger:
    """A condition (Python source over the parameter's name) and a value satisfying it."""

    family: str
    condition: str
    value: Any


def kind_of(values: list[Any]) -> Kind | None:
    """The kind of a parameter from its values in the test inputs (None: unsupported)."""

    def all_are(test: Callable[[Any], bool]) -> bool:
        return bool(values) and all(test(v) for v in values)

    def is_int(v: Any) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    def is_num(v: Any) -> bool:
        return is_int(v) or isinstance(v, float)

    if all_are(is_int):
        return "int"
    if all_are(lambda v: isinstance(v, float)):
        return "float"
    if all_are(lambda v: isinstance(v, str)):
        return "words" if all(" " in v for v in values) else "str"
    if all_are(lambda v: isinstance(v, list) and all(is_num(x) for x in v)):
        return "nums"
    if all_are(lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v)):
        return "strs"
    if all_are(lambda v: isinstance(v, list) and all(isinstance(x, list) for x in v)):
        return "rows"
    if all_are(lambda v: isinstance(v, list)):
        return "list"
    if all_are(lambda v: isinstance(v, dict) and all(isinstance(k, str) for k in v)):
        return "dict"
    if all_are(lambda v: isinstance(v, tuple) and len(v) == 2 and all(is_int(x) for x in v)):
        return "pair"
    return None
