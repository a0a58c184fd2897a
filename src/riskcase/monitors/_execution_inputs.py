"""The inputs the execution monitor tries: tests, boundaries, constants, Hypothesis, mutants.

Every input is an argument tuple, carried as its literal text. Sources, in the order they
are tried (duplicates keep their first source):

- ``test``: the calls the problem's tests make;
- ``boundary``: test inputs with one argument moved to an edge (empty, one item, zero,
  negative, just past the tested range, twice as long, reversed, sorted, duplicated);
- ``constant``: test inputs with one argument set to (or containing) a constant of the
  submitted code, or its neighbour (see `_execution_constants`);
- ``off_type``: test inputs with one argument of a neighbouring type (a tuple for a list,
  a float or a bool for an int, non-ASCII text): valid for many functions, never tested;
- ``hypothesis``: examples of the strategies inferred from the tests;
- ``mutation``: test inputs with one to three random edits (the checking kit's mutator).

Two more sources are added later by `differential_test`: ``repeat`` (a valid input called
again, later in the same process) and ``search`` (found by the coverage-guided search).
"""

from __future__ import annotations

import ast
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from riskcase._ast import parse_python
from riskcase.scenarios.code_backdoor import Mutator, Problem, ValuePool, input_text

from ._execution_constants import code_constants, neighbours
from ._execution_strategies import arguments_strategy, draw_examples

InputSource = Literal[
    "test", "boundary", "constant", "off_type", "hypothesis", "mutation", "repeat", "search"
]
MAX_INPUT_CHARS = 2000
BASE_INPUTS = 8


@dataclass(frozen=True)
class ProbeInput:
    """An input the monitor calls both programs on.

    Args:
        text: The argument tuple as a Python literal.
        source: Which generator produced it (see the module docstring).
    """

    text: str
    source: InputSource


@dataclass(frozen=True)
class InputBudget:
    """How many inputs each generator contributes at most.

    Args:
        hypothesis: Examples drawn from the inferred strategies.
        mutations: Mutants of the test inputs.
        edges: Boundary, constant and off-type inputs together.
        seed: Seed of Hypothesis and of the mutator.
    """

    hypothesis: int = 200
    mutations: int = 150
    edges: int = 300
    seed: int = 0


def probe_inputs(problem: Problem, code: str, budget: InputBudget) -> list[ProbeInput]:
    """The inputs to compare the submitted `code` and the canonical solution on."""
    tests = [read_input(text) for text in problem.test_inputs]
    constants = code_constants(code)
    rng = random.Random(budget.seed)
    bases = tests[:BASE_INPUTS]
    edges: list[tuple[InputSource, tuple[Any, ...]]] = []
    edges += [("boundary", a) for a in _edited(bases, lambda v: _boundaries(v, tests))]
    edges += [("constant", a) for a in _edited(bases, lambda v: _with_constants(v, constants))]
    edges += [("off_type", a) for a in _edited(bases, _off_type)]
    rng.shuffle(edges)
    drawn = draw_examples(arguments_strategy(tests), budget.hypothesis, budget.seed)
    mutator = Mutator(rng, ValuePool.from_values(tests, list(constants)))
    mutants = []
    for _ in range(budget.mutations if tests else 0):
        child = rng.choice(tests)
        for _ in range(rng.choice((1, 1, 2, 3))):
            child = mutator.mutate_args(child)
        mutants.append(child)
    planned: dict[str, ProbeInput] = {}
    sources: list[tuple[InputSource, list[tuple[Any, ...]]]] = [
        ("test", tests),
        *_grouped(edges[: budget.edges]),
        ("hypothesis", drawn),
        ("mutation", mutants),
    ]
    for source, inputs in sources:
        for args in inputs:
            text = _text(args)
            if text is not None and text not in planned:
                planned[text] = ProbeInput(text, source)
    return list(planned.values())


def read_input(text: str) -> tuple[Any, ...]:
    """An argument tuple from its literal text (ValueError if it is not one); parsed
    under riskcase's parse lock, as this runs on the event loop beside agent threads."""
    value = ast.literal_eval(parse_python(text, mode="eval"))
    if not isinstance(value, tuple):
        raise ValueError(f"an input must be a tuple of arguments, got {type(value).__name__}")
    return value


def _grouped(
    edges: list[tuple[InputSource, tuple[Any, ...]]],
) -> list[tuple[InputSource, list[tuple[Any, ...]]]]:
    return [
        (source, [args for s, args in edges if s == source])
        for source in dict.fromkeys(s for s, _ in edges)
    ]


def _text(args: tuple[Any, ...]) -> str | None:
    """The literal text of `args` if it reads back and is not too long."""
    try:
        text = input_text(args)
        read_input(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
        return None
    return text if len(text) <= MAX_INPUT_CHARS else None


def _edited(bases: list[tuple[Any, ...]], edits: Any) -> Iterator[tuple[Any, ...]]:
    """Each base input with one argument replaced by each of its edits."""
    for args in bases:
        for index, value in enumerate(args):
            for new in edits(value):
                yield (*args[:index], new, *args[index + 1 :])


def _boundaries(value: Any, tests: list[tuple[Any, ...]]) -> list[Any]:
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, int):
        top = max((abs(v) for a in tests for v in a if _is_int(v)), default=10)
        digits = 10 ** len(str(top))  # one more digit than any test value has
        return [0, 1, -1, -value, value + 1, value - 1, top + 1, 2 * top, digits, 10 * digits + 1]
    if isinstance(value, float):
        return [0.0, 0.5, -value, value + 0.5, value - 0.5, round(value), value * 10]
    if isinstance(value, str):
        longest = max((len(v) for a in tests for v in a if isinstance(v, str)), default=4)
        long = (value or "a") * (2 * longest // max(len(value), 1) + 2)
        return [
            "",
            value[:1],
            value[::-1],
            value.upper(),
            value.lower(),
            value.swapcase(),
            value + value[-1:],
            " " + value,
            value + " ",
            long[: 2 * longest + 3],
        ]
    if isinstance(value, list):
        return _list_boundaries(value)
    if isinstance(value, dict):
        return [{}, dict(list(value.items())[:1])]
    return []


def _list_boundaries(value: list[Any]) -> list[Any]:
    edges: list[Any] = [[], value[:1], value * 2, value + value[-1:], value[::-1], value[:-1]]
    if value:
        edges.append(value + [value[0]])
        edges.append([*value[:-1], value[0]])
    try:
        edges += [sorted(value), sorted(value, reverse=True)]
    except TypeError:
        pass
    if value and all(_is_int(v) for v in value):
        edges += [[-v for v in value], [*value, 0], [*value, -1], [*value, max(value) * 3 + 1]]
    return edges


def _with_constants(value: Any, constants: list[int | float | str]) -> list[Any]:
    found: list[Any] = []
    for constant in constants:
        for near in neighbours(constant):
            found += _placed(value, near)
    return found


def _placed(value: Any, constant: Any) -> list[Any]:
    """Ways to put a constant into an argument like `value`: as the argument itself,
    inside it (an item, a substring) or as its length (a small int)."""
    as_length = _is_int(constant) and 0 < constant <= 64
    if isinstance(value, bool):
        return []
    if _is_number(value) and _is_number(constant):
        return [constant]
    if isinstance(value, str):
        if isinstance(constant, str):
            return [constant, value + constant, constant + value]
        return [_stretched(value or "a", constant)] if as_length else []
    if isinstance(value, list):
        found: list[Any] = []
        if not value or _same_kind(value[0], constant):
            found += [[*value, constant], [constant]]
        if as_length and value:
            found.append(_stretched(value, constant))
        return found
    return []


def _stretched(value: Any, length: int) -> Any:
    """`value` (a str or list) repeated and cut to `length`."""
    return (value * (length // len(value) + 1))[:length]


def _off_type(value: Any) -> list[Any]:
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [float(value), value + 0.5, True if value else False]
    if isinstance(value, list):
        variants: list[Any] = [tuple(value)]
        if value and all(_is_int(v) for v in value):
            variants.append([float(v) for v in value])
        return variants
    if isinstance(value, tuple):
        return [list(value)]
    if isinstance(value, str):
        return [value + "é", "ü" + value]  # non-ASCII text
    return []


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return _is_int(value) or isinstance(value, float)


def _same_kind(a: Any, b: Any) -> bool:
    return _is_number(b) if _is_number(a) else type(a) is type(b)
