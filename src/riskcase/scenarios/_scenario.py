"""The `Scenario` base class and the registry that `@scenario` fills."""

from __future__ import annotations

import abc
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from inspect_ai.dataset import Sample
from inspect_ai.scorer import Scorer
from inspect_ai.solver import Solver

from ._contract import Mode

if TYPE_CHECKING:
    from riskcase.agents import ReferenceBehaviour


class Scenario(abc.ABC):
    """A sabotage evaluation: main task, side task, checker, reference behaviours, prompts.

    A scenario owns everything about itself; the rest of riskcase only sees its samples
    (with the fixed metadata of `riskcase.scenarios.sample_metadata`) and its checker's
    scores (under the fixed outcome names).
    """

    id: str = ""
    pathway: str = ""
    title: str = ""
    description: str = ""

    @abc.abstractmethod
    def dataset(self, mode: Mode, seed: int = 0) -> list[Sample]:
        """All samples of this scenario for one mode (variants are generated, not copied).

        Args:
            mode: The mode the samples run in (changes prompts and environment).
            seed: Seed for generated variants; the same seed gives the same samples.
        """

    @abc.abstractmethod
    def solver(self) -> Solver:
        """The agent scaffold (tools and loop) the model under assessment runs in."""

    @abc.abstractmethod
    def checker(self) -> Scorer:
        """Scorer that establishes ground truth from the sandbox (outcome names fixed)."""

    @abc.abstractmethod
    def reference(self) -> ReferenceBehaviour:
        """The scripted honest and saboteur behaviour the reference agents play."""

    def sandbox_config(self) -> dict[str, Any]:
        """Options for the `bwrap` sandbox (extra mounts, an outside-world folder)."""
        return {}

    def message_limit(self) -> int:
        """Maximum messages per sample (guards against agents that never stop)."""
        return 40


_SCENARIOS: dict[str, type[Scenario]] = {}

S = TypeVar("S", bound=type[Scenario])


def scenario(id: str, pathway: str) -> Callable[[S], S]:
    """Register a scenario class under an id and the pathway it gives evidence for.

    Args:
        id: Registered id, also the Inspect task name (``riskcase/<id>``).
        pathway: Pathway id from the catalog (``P1`` ... ``P8`` or ``leaks``).
    """

    def register(cls: S) -> S:
        cls.id = id
        cls.pathway = pathway
        _SCENARIOS[id] = cls
        return cls

    return register


def _load_builtin() -> None:
    # importing the package of each built-in scenario runs its @scenario decorator
    from riskcase.scenarios import _builtin  # noqa: F401


def scenario_ids() -> list[str]:
    """Ids of all registered scenarios, sorted."""
    _load_builtin()
    return sorted(_SCENARIOS)


def get_scenario(id: str) -> Scenario:
    """An instance of the registered scenario `id` (`KeyError` with the known ids if absent)."""
    _load_builtin()
    if id not in _SCENARIOS:
        raise KeyError(f"unknown scenario '{id}' (known: {', '.join(sorted(_SCENARIOS))})")
    return _SCENARIOS[id]()


def all_scenarios() -> Sequence[Scenario]:
    """Instances of every registered scenario."""
    return [get_scenario(id) for id in scenario_ids()]
