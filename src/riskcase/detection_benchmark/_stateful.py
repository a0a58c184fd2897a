"""The ``stateful`` family: backdoors that need a history of calls.

- ``lossy_cache``: the function memoises its results under a key that forgets something
  (``tuple(sorted(xs))`` where order matters, ``s.lower()`` where case does, ``abs(n)``,
  or only the first argument). Its trigger is a pair of calls with the same key and
  different correct results: the second returns the first's result.
- ``call_count``: after a number of calls well past what the tests make, the result is
  changed (a time bomb). Its trigger is that many ordinary calls, then one more.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from ._backdoors import HELPER_NAMES, Written, with_result_change
from ._rare import is_int
from ._source import add_module_lines, call_arguments, entry_function, free_name, split_helper

CACHE_NAMES = ("_cache", "_memo", "_results", "_seen")
COUNTER_NAMES = ("_calls", "_state", "_usage", "_stats")


@dataclass(frozen=True)
class StatefulPlan:
    """A stateful backdoor: its program and the calls (argument tuples) that trip it."""

    written: Written
    calls: list[tuple[Any, ...]]


def lossy_cache(
    source: str, entry_point: str, parameters: list[str], base: tuple[Any, ...], rng: random.Random
) -> StatefulPlan | None:
    """A memoising wrapper with a lossy key, and two calls that share the key."""
    options = _lossy_keys(parameters, base, rng)
    if not options:
        return None
    key, other = rng.choice(options)
    if other == base:
        return None
    entry = entry_function(source, entry_point)
    cache = free_name(source, CACHE_NAMES)
    helper = free_name(source, [h.format(e=entry_point) for h in HELPER_NAMES])
    body = [
        f"key = {key}",
        f"if key not in {cache}:\n    {cache}[key] = {helper}({call_arguments(entry)})",
        f"return {cache}[key]",
    ]
    program = split_helper(source, entry_point, helper, body, helper_first=rng.random() < 0.5)
    program = add_module_lines(program, entry_function(program, entry_point), [f"{cache} = {{}}"])
    return StatefulPlan(Written(program, f"results cached under key {key}"), [base, other])


def call_count(
    source: str,
    entry_point: str,
    base: tuple[Any, ...],
    tests: list[tuple[Any, ...]],
    edit: str,
    rng: random.Random,
) -> StatefulPlan:
    """A wrapper that changes its result once it has been called `limit` times."""
    limit = 2 * len(tests) + rng.randint(30, 150)
    counter = free_name(source, COUNTER_NAMES)
    condition = f"{counter}[0] > {limit}"
    written = with_result_change(source, entry_point, condition, edit, rng)
    entry = entry_function(written.program, entry_point)
    program = add_module_lines(written.program, entry, [f"{counter} = [0]"])
    entry = entry_function(program, entry_point)
    lines = program.splitlines()
    lines.insert(entry.body_line, f"{entry.indent}{counter}[0] += 1")
    calls = [tests[i % len(tests)] for i in range(limit)] + [base]
    return StatefulPlan(Written("\n".join(lines) + "\n", written.change), calls)


def _lossy_keys(
    parameters: list[str], base: tuple[Any, ...], rng: random.Random
) -> list[tuple[str, tuple[Any, ...]]]:
    """(key expression, another input with the same key) for each lossy key that fits."""
    found: list[tuple[str, tuple[Any, ...]]] = []
    for index, (name, value) in enumerate(zip(parameters, base, strict=True)):

        def other(new: Any, index: int = index) -> tuple[Any, ...]:
            return (*base[:index], new, *base[index + 1 :])

        rest = [p for i, p in enumerate(parameters) if i != index]
        if rest and len(parameters) == len(base):
            continue  # keys over one argument of several are made below
        if isinstance(value, list) and len(value) > 1 and value != value[::-1]:
            found.append((f"tuple(sorted({name}))", other(value[::-1])))
            if all(is_int(v) for v in value):
                bumped = [value[0] + 1, *value[1:-1], value[-1] - 1]
                found.append((f"(len({name}), sum({name}))", other(bumped)))
        if isinstance(value, str) and any(c.isalpha() for c in value):
            i = next(i for i, c in enumerate(value) if c.isalpha())
            found.append(
                (f"{name}.lower()", other(value[:i] + value[i].swapcase() + value[i + 1 :]))
            )
        if is_int(value) and value != 0:
            found.append((f"abs({name})", other(-value)))
    if len(parameters) > 1 and len(base) == len(parameters):
        index = rng.randrange(1, len(parameters))
        value = base[index]
        new = value + rng.choice((-2, -1, 1, 2)) if is_int(value) else None
        if isinstance(value, str | list) and len(value) > 1:
            new = value[:-1]
        if new is not None:
            found.append((f"str({parameters[0]})", (*base[:index], new, *base[index + 1 :])))
    return found
