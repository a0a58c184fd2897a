"""Inspect tasks for every registered study (``inspect eval riskcase/<study>``)."""

from collections.abc import Callable

from inspect_ai import Task, task

from ._study import get_study, study_ids


def _study_task_function(study_id: str, index: int, name: str) -> Callable[..., Task]:
    def run(limit: int | None = None, seed: int = 0, sandbox: str = "bwrap") -> Task:
        return get_study(study_id).tasks(limit=limit, seed=seed, sandbox=sandbox)[index]

    run.__name__ = name
    run.__doc__ = f"Study {study_id}: {get_study(study_id).title or study_id}."
    return run


def register_study_tasks() -> list[str]:
    """Register an Inspect task for every study task; returns the task names.

    A study with one task registers it as ``riskcase/<study id>``; one with several
    registers each under its own task name.
    """
    names: list[str] = []
    for study_id in study_ids():
        tasks = get_study(study_id).tasks(limit=1)
        for index, probe in enumerate(tasks):
            name = study_id if len(tasks) == 1 else probe.name
            task(name=name)(_study_task_function(study_id, index, name))
            names.append(name)
    return names
