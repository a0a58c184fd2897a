"""The monitor registry that `@monitor` fills: names to scorer factories."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from inspect_ai.scorer import Scorer

MonitorFactory = Callable[..., Scorer]
"""A function that takes a monitor's options and returns an Inspect `Scorer`."""

_MONITORS: dict[str, MonitorFactory] = {}

F = TypeVar("F", bound=MonitorFactory)


def monitor(name: str) -> Callable[[F], F]:
    """Register a factory returning an Inspect `Scorer` as the monitor `name`.

    Args:
        name: Registered monitor name (also the scorer's name in Inspect logs).
    """

    def register(factory: F) -> F:
        existing = _MONITORS.get(name)
        if existing is not None and _qualname(existing) != _qualname(factory):
            raise ValueError(f"monitor '{name}' is already registered by {_qualname(existing)}")
        _MONITORS[name] = factory
        return factory

    return register


def _qualname(factory: MonitorFactory) -> str:
    return f"{factory.__module__}.{factory.__qualname__}"


def _load_builtin() -> None:
    # importing the built-in monitors runs their @monitor decorators
    from riskcase.monitors import _llm_monitor, _rule_monitor, _static_monitors  # noqa: F401


def monitor_names() -> list[str]:
    """Names of all registered monitors, sorted."""
    _load_builtin()
    return sorted(_MONITORS)


def monitor_options(name: str) -> list[str]:
    """Names of the options the factory of monitor `name` accepts (e.g. ``model``)."""
    _load_builtin()
    if name not in _MONITORS:
        raise KeyError(f"unknown monitor '{name}' (known: {', '.join(sorted(_MONITORS))})")
    return list(inspect.signature(_MONITORS[name]).parameters)


def get_monitor(name: str, **options: Any) -> Scorer:
    """The scorer of the registered monitor `name`, built with `options`.

    Args:
        name: Registered monitor name (`KeyError` listing the known names if absent).
        **options: Keyword options passed to the monitor's factory.
    """
    _load_builtin()
    if name not in _MONITORS:
        raise KeyError(f"unknown monitor '{name}' (known: {', '.join(sorted(_MONITORS))})")
    return _MONITORS[name](**options)
