"""Branch distances: how far a comparison's operands are from the other outcome.

Search-based test generation (as in EvoSuite or Pynguin) steers inputs towards a branch
by minimising how far the comparison guarding it is from flipping: ``|a - b|`` for
``a == b`` on numbers, mismatched characters for strings, and so on.
"""

from __future__ import annotations

import operator
from typing import Any

CAP = 1e12
_APPLY = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "in": lambda a, b: a in b,
    "not in": lambda a, b: a not in b,
    "is": operator.is_,
    "is not": operator.is_not,
}


def apply(op: str, left: Any, right: Any) -> Any:
    """Evaluate ``left <op> right`` exactly as Python would."""
    return _APPLY[op](left, right)


def distance_to(op: str, left: Any, right: Any, outcome: bool) -> float:
    """How far ``left <op> right`` is from evaluating to `outcome` (0 when it does)."""
    try:
        if op in ("==", "is"):
            return _to_equal(left, right) if outcome else _to_unequal(left, right)
        if op in ("!=", "is not"):
            return _to_unequal(left, right) if outcome else _to_equal(left, right)
        if op in ("in", "not in"):
            wants_member = outcome == (op == "in")
            return _to_member(left, right) if wants_member else float(left in right)
        return _ordering(op, left, right, outcome)
    except Exception:
        return 1.0


def equality_distance(a: Any, b: Any) -> float:
    """How far `a` is from being equal to `b` (0 when equal)."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        try:
            return min(abs(float(a) - float(b)), CAP)
        except OverflowError:
            return CAP
    if isinstance(a, str) and isinstance(b, str):
        gap = abs(len(a) - len(b))
        mismatch = sum(
            1 + min(abs(ord(x) - ord(y)), 50) / 50
            for x, y in zip(a[:200], b[:200], strict=False)
            if x != y
        )
        return gap + mismatch
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        gap = abs(len(a) - len(b))
        return min(
            gap
            + sum(min(equality_distance(x, y), 1e6) for x, y in zip(a[:50], b[:50], strict=False)),
            CAP,
        )
    return 0.0 if a == b else 1.0


def _to_equal(a: Any, b: Any) -> float:
    return 0.0 if a == b else max(equality_distance(a, b), 1e-9)


def _to_unequal(a: Any, b: Any) -> float:
    return 1.0 if a == b else 0.0


def _to_member(item: Any, container: Any) -> float:
    if item in container:
        return 0.0
    if isinstance(container, str):
        return 1.0 + (
            equality_distance(item, container[: len(item)]) if isinstance(item, str) else 0
        )
    candidates = list(container)[:50] if isinstance(container, (list, tuple, set, dict)) else []
    if not candidates:
        return 1.0
    return 1.0 + min(equality_distance(item, c) for c in candidates)


def _ordering(op: str, left: Any, right: Any, outcome: bool) -> float:
    holds = bool(apply(op, left, right))
    if holds == outcome:
        return 0.0
    if isinstance(left, (int, float)) and isinstance(right, (int, float)):
        return min(abs(float(left) - float(right)) + 1.0, CAP)
    if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
        return abs(len(left) - len(right)) + 1.0
    return 1.0
