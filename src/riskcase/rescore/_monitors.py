"""Registered monitors, by name, made ready to re-score logs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from inspect_ai._util.registry import is_registry_object, registry_unqualified_name
from inspect_ai.model import Model, get_model
from inspect_ai.scorer import Scorer, mean, scorer

from riskcase._errors import RiskcaseError
from riskcase.monitors import get_monitor, monitor_names, monitor_options


@dataclass(frozen=True)
class MonitorRun:
    """A monitor ready to re-score: its name (the score name) and its scorer.

    Args:
        name: Registered monitor name; its scores are written under this name.
        scorer: The Inspect scorer, built with the options the re-score gives it.
    """

    name: str
    scorer: Scorer


def split_names(values: Sequence[str]) -> list[str]:
    """Monitor names from ``--monitor a,b --monitor c`` (order kept, repeats dropped)."""
    names: list[str] = []
    for value in values:
        for part in value.split(","):
            name = part.strip()
            if name and name not in names:
                names.append(name)
    return names


def resolve_trusted_model(model: str | Model | None) -> Model | None:
    """The trusted model as an Inspect `Model`, checked before any log is touched."""
    if model is None or isinstance(model, Model):
        return model
    try:
        return get_model(model)
    except Exception as error:  # Inspect raises several kinds for unknown or unusable models
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise RiskcaseError(f"cannot use trusted model '{model}': {reason}") from None


def resolve_monitors(names: Sequence[str], trusted_model: Model | None) -> list[MonitorRun]:
    """Build the scorers of the monitors `names`.

    A monitor whose factory takes a ``model`` argument is an LLM monitor: it gets
    `trusted_model`, and is refused when there is none.

    Args:
        names: Registered monitor names.
        trusted_model: The trusted model for LLM monitors (None: not given).

    Raises:
        RiskcaseError: no names, an unknown name, or an LLM monitor without a trusted model.
    """
    if not names:
        raise RiskcaseError(f"name at least one monitor (known: {', '.join(monitor_names())})")
    known = monitor_names()
    for name in names:
        if name not in known:
            raise RiskcaseError(f"unknown monitor '{name}' (known: {', '.join(known)})")
    runs: list[MonitorRun] = []
    for name in names:
        options: dict[str, Model] = {}
        if "model" in monitor_options(name):
            if trusted_model is None:
                raise RiskcaseError(
                    f"monitor '{name}' needs a trusted model: pass --trusted-model MODEL"
                )
            options["model"] = trusted_model
        runs.append(MonitorRun(name, _named(name, get_monitor(name, **options))))
    return runs


def _named(name: str, monitor_scorer: Scorer) -> Scorer:
    """The scorer itself when Inspect knows it as `name`, else a scorer of that name."""
    if is_registry_object(monitor_scorer, "scorer"):
        if registry_unqualified_name(monitor_scorer) == name:
            return monitor_scorer

    @scorer(metrics=[mean()], name=name)
    def named() -> Scorer:
        return monitor_scorer

    return named()
