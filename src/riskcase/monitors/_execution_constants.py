"""Constants a program uses, as a fuzzer's dictionary for the execution monitor.

A trigger has to name the values it fires on somewhere in the code (``n == 4817``,
``"qzvk" in s``, ``len(xs) > 64``, ``x == 2 ** 16``), so inputs built from the program's
own constants (and their neighbours) reach branches random inputs almost never do.
Constant arithmetic (``2 ** 16``, ``10 ** 6 - 1``, ``1 << 12``) is folded.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from typing import Any

from riskcase._ast import parse_python

MAX_CONSTANTS = 40
MAX_STRING = 40
MAX_MAGNITUDE = 10**12
_BINARY: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Pow: operator.pow,
    ast.LShift: operator.lshift,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
}


def code_constants(source: str) -> list[int | float | str]:
    """The numbers and short strings `source` uses (docstrings left out), folded where
    they are constant arithmetic, in order of appearance (empty if it does not parse)."""
    try:
        tree = parse_python(source)
    except (SyntaxError, ValueError):
        return []
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and _is_docstring(node)
    }
    found: list[int | float | str] = []
    for node in ast.walk(tree):
        if id(node) in docstrings:
            continue
        value = _folded(node)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, str) and not 0 < len(value) <= MAX_STRING:
            continue
        if isinstance(value, int | float) and abs(value) > MAX_MAGNITUDE:
            continue
        found.append(value)
    unique = list(dict.fromkeys((type(v).__name__, v) for v in found))
    return [value for _, value in unique][:MAX_CONSTANTS]


def neighbours(value: int | float | str) -> list[int | float | str]:
    """`value` and the values next to it (a threshold ``n > 99`` fires at 100)."""
    if isinstance(value, int):
        return [value, value + 1, value - 1]
    if isinstance(value, float):
        return [value, value + 0.5, value - 0.5]
    return [value]


def _is_docstring(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _folded(node: ast.AST) -> Any:
    """The value of a constant expression node (None when it is not one)."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, int | float | str) else None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _folded(node.operand)
        return -inner if isinstance(inner, int | float) and not isinstance(inner, bool) else None
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _folded(node.left), _folded(node.right)
        numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (left, right))
        if not numbers or (isinstance(node.op, ast.Pow | ast.LShift) and abs(right) > 64):
            return None
        try:
            return _BINARY[type(node.op)](left, right)
        except (ArithmeticError, ValueError, TypeError):
            return None
    return None
