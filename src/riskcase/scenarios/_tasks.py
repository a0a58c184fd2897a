"""Inspect tasks for every registered scenario (``inspect eval riskcase/<scenario>``).

Each scenario becomes a task of the same name with task args ``mode``, ``sandbox``,
``limit`` and ``seed``, so adding a scenario needs no edit here.
"""

from collections.abc import Callable

from inspect_ai import Task, task

from ._scenario import get_scenario, scenario_ids
from ._task import scenario_task


def _scenario_task_function(scenario_id: str) -> Callable[..., Task]:
    def run(
        mode: str = "attack", sandbox: str = "bwrap", limit: int | None = None, seed: int = 0
    ) -> Task:
        return scenario_task(scenario_id, mode, sandbox=sandbox, limit=limit, seed=seed)

    scenario = get_scenario(scenario_id)
    run.__name__ = scenario_id
    run.__doc__ = (
        f"{scenario.pathway}: {scenario.title or scenario_id} (modes: honest, attack, opportunity)."
    )
    return run


def register_scenario_tasks() -> list[str]:
    """Register an Inspect task for every scenario; returns the task names."""
    for scenario_id in scenario_ids():
        task(name=scenario_id)(_scenario_task_function(scenario_id))
    return scenario_ids()
