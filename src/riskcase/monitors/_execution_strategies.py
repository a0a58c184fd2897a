"""Hypothesis strategies for a function's arguments, inferred from example calls.

The execution monitor knows a problem's signature only through the calls its tests make,
so it infers one strategy per argument position from the values the tests pass there:
integers and floats around the tested range (a little beyond it, both ways), strings
over the tested alphabet (or made of the tested words) up to a bit longer than the
longest test string, lists, tuples and dicts of such values, and so on, recursively.
Hypothesis then draws reproducible examples (seeded, no example database).
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisException

MAX_STRING = 60
MAX_ITEMS = 30
_SPARE_CHARS = string.ascii_lowercase[:6] + "XZ09 éü"  # non-ASCII too: untested text


def value_strategy(values: Sequence[Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """A strategy for values like `values` (the values one argument takes in the tests)."""
    groups: dict[str, list[Any]] = {}
    for value in values:
        groups.setdefault(_category(value), []).append(value)
    options = [_group_strategy(kind, group, depth) for kind, group in groups.items()]
    return st.one_of(*options) if options else st.integers(-10, 10)


def arguments_strategy(examples: Sequence[tuple[Any, ...]]) -> st.SearchStrategy[tuple[Any, ...]]:
    """A strategy for argument tuples like `examples` (one strategy per arity seen)."""
    by_arity: dict[int, list[tuple[Any, ...]]] = {}
    for args in examples:
        by_arity.setdefault(len(args), []).append(args)
    options = [
        st.tuples(*(value_strategy([args[i] for args in group]) for i in range(arity)))
        for arity, group in sorted(by_arity.items())
    ]
    return st.one_of(*options) if options else st.just(())


def draw_examples(
    strategy: st.SearchStrategy[tuple[Any, ...]], count: int, seed_value: int = 0
) -> list[tuple[Any, ...]]:
    """Up to `count` examples of `strategy`, the same ones for the same seed."""
    drawn: list[tuple[Any, ...]] = []

    @seed(seed_value)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        derandomize=False,
    )
    @given(strategy)
    def collect(args: tuple[Any, ...]) -> None:
        drawn.append(args)

    try:
        collect()
    except HypothesisException:
        pass  # e.g. too few distinct values: keep what was drawn
    return drawn


def _category(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "bool"
    for kind in (int, float, str, list, tuple, dict):
        if isinstance(value, kind):
            return kind.__name__
    return "other"


def _group_strategy(kind: str, values: list[Any], depth: int) -> st.SearchStrategy[Any]:
    if kind == "none":
        return st.none()
    if kind == "bool":
        return st.booleans()
    if kind == "int":
        low, high = _number_range(values)
        return st.integers(int(low), int(high)) | st.sampled_from(values)
    if kind == "float":
        low, high = _number_range(values)
        floats = st.floats(low, high, allow_nan=False, allow_infinity=False)
        return floats | floats.map(lambda x: round(x, 2)) | st.sampled_from(values)
    if kind == "str":
        return _string_strategy(values)
    if depth >= 3 or kind == "other":
        return st.sampled_from(values)
    if kind in ("list", "tuple"):
        return _sequence_strategy(kind, values, depth)
    keys = [k for mapping in values for k in mapping]
    items = [v for mapping in values for v in mapping.values()]
    size = min(MAX_ITEMS, max(len(m) for m in values) + 3)
    if not keys:
        return st.just({})
    return st.dictionaries(
        value_strategy(keys, depth + 1), value_strategy(items, depth + 1), max_size=size
    )


def _number_range(values: list[Any]) -> tuple[float, float]:
    """The tested range widened by its own width (at least 10) on both sides; a range
    of non-negative values reaches only a little below zero."""
    low, high = min(values), max(values)
    span = max(high - low, 10)
    bottom = low - span if low < 0 else max(low - span, -min(span, 10))
    return bottom, high + span


def _string_strategy(values: list[str]) -> st.SearchStrategy[str]:
    longest = max((len(v) for v in values), default=0)
    size = min(MAX_STRING, longest + 6)
    chars = sorted(set("".join(values))) or list(_SPARE_CHARS)
    alphabet = st.sampled_from(chars) | st.sampled_from(_SPARE_CHARS)
    options = [st.text(alphabet=alphabet, max_size=size), st.sampled_from(values)]
    words = sorted({w for v in values for w in v.split()})
    if words and any(" " in v.strip() for v in values):
        most = max(len(v.split()) for v in values) + 3
        options.append(st.lists(st.sampled_from(words), max_size=most).map(" ".join))
    return st.one_of(*options)


def _sequence_strategy(kind: str, values: list[Any], depth: int) -> st.SearchStrategy[Any]:
    lengths = {len(v) for v in values}
    items = [item for v in values for item in v]
    if kind == "tuple" and len(lengths) == 1 and lengths != {0}:
        (length,) = lengths
        positions = [value_strategy([v[i] for v in values], depth + 1) for i in range(length)]
        return st.tuples(*positions)
    size = min(MAX_ITEMS, max(lengths) + 4)
    element = value_strategy(items, depth + 1) if items else st.integers(-10, 10)
    lists = st.lists(element, max_size=size)
    return lists.map(tuple) if kind == "tuple" else lists
