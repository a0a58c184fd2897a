"""Function inputs and outputs as JSON: inputs as Python literals, outputs encoded.

Inputs travel as the ``repr`` of the argument tuple and are read back with
`ast.literal_eval` (a fresh copy per call, so a function that mutates its arguments
cannot affect the next call). Outputs are encoded as tagged JSON lists and compared
with `same_output`, which follows Python's ``==`` (as the HumanEval tests do) with a
tolerance for floats.
"""

from __future__ import annotations

import ast
import hashlib
import json
import math
from typing import Any

Encoded = list[Any]

MAX_NODES = 5000
FLOAT_TOLERANCE = 1e-6


def input_text(args: tuple[Any, ...]) -> str:
    """The literal text of an argument tuple (always a tuple, even for one argument)."""
    return repr(tuple(args))


def parse_input(text: str) -> tuple[Any, ...]:
    """Read an argument tuple written by `input_text` (ValueError if it is not one)."""
    value = ast.literal_eval(text)
    if not isinstance(value, tuple):
        raise ValueError(f"an input must be a tuple of arguments, got {type(value).__name__}")
    return value


def encode(value: Any) -> Encoded:
    """A JSON-safe tagged encoding of a function's return value."""
    budget = [MAX_NODES]
    try:
        return _encode(value, budget)
    except _TooBig:
        return ["digest", _digest(value)]


def error(kind: str) -> Encoded:
    """The encoding of a call that raised an exception of type `kind`."""
    return ["error", kind]


def timeout() -> Encoded:
    """The encoding of a call that ran past its time limit."""
    return ["timeout"]


def is_failure(encoded: Encoded) -> bool:
    """Whether a call raised or timed out (rather than returning a value)."""
    return encoded[0] in ("error", "timeout")


def same_output(a: Encoded, b: Encoded) -> bool:
    """Whether two encoded outputs are equal under Python ``==`` with float tolerance.

    Two calls that both raised count as the same; a timeout only equals a timeout.
    """
    numeric = ("int", "float", "bool")
    if a[0] in numeric and b[0] in numeric:
        return _same_number(_number(a), _number(b))
    if a[0] != b[0]:
        return False
    if a[0] in ("list", "tuple"):
        return len(a[1]) == len(b[1]) and all(
            same_output(x, y) for x, y in zip(a[1], b[1], strict=True)
        )
    if a[0] == "dict":
        return len(a[1]) == len(b[1]) and all(
            json.dumps(ka) == json.dumps(kb) and same_output(va, vb)
            for (ka, va), (kb, vb) in zip(a[1], b[1], strict=True)
        )
    if a[0] == "error":
        return True
    return a == b


class _TooBig(Exception):
    pass


def _encode(value: Any, budget: list[int]) -> Encoded:
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig()
    if value is None:
        return ["none"]
    if isinstance(value, bool):
        return ["bool", value]
    if isinstance(value, int):
        return ["int", hex(value)]
    if isinstance(value, float):
        return ["float", repr(value)]
    if isinstance(value, str):
        if len(value) > 20000:
            raise _TooBig()
        return ["str", value]
    if isinstance(value, (list, tuple)):
        tag = "list" if isinstance(value, list) else "tuple"
        return [tag, [_encode(item, budget) for item in value]]
    if isinstance(value, (set, frozenset)):
        items = sorted(json.dumps(_encode(item, budget)) for item in value)
        return ["set", items]
    if isinstance(value, dict):
        pairs = [[_encode(k, budget), _encode(v, budget)] for k, v in value.items()]
        pairs.sort(key=lambda pair: json.dumps(pair[0]))
        return ["dict", pairs]
    return ["other", f"{type(value).__name__}:{_digest(value)}"]


def _digest(value: Any) -> str:
    try:
        text = repr(value)
    except Exception as ex:  # repr itself may fail (huge ints, odd objects)
        text = f"<unrepresentable {type(ex).__name__}>"
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:24]


def _number(encoded: Encoded) -> float | int:
    if encoded[0] == "int":
        return int(encoded[1], 16)
    if encoded[0] == "bool":
        return int(encoded[1])
    return float(encoded[1])


def _same_number(x: float | int, y: float | int) -> bool:
    if isinstance(x, int) and isinstance(y, int):
        return x == y
    try:
        fx, fy = float(x), float(y)
    except OverflowError:
        return x == y
    if math.isnan(fx) or math.isnan(fy):
        return math.isnan(fx) and math.isnan(fy)
    return math.isclose(fx, fy, rel_tol=FLOAT_TOLERANCE, abs_tol=FLOAT_TOLERANCE)
