"""Inspect entry point: registers riskcase's tasks, monitors, model provider and sandbox."""

from inspect_ai.model import modelapi

from riskcase.monitors import llm_monitor, rule_monitor  # noqa: F401
from riskcase.sandbox import BwrapSandboxEnvironment  # noqa: F401
from riskcase.scenarios._tasks import register_scenario_tasks
from riskcase.studies._tasks import register_study_tasks

register_scenario_tasks()
register_study_tasks()


@modelapi(name="riskcase")
def riskcase_reference() -> type:
    """The ``riskcase/reference`` model provider (scripted reference agents)."""
    from riskcase.agents import ReferenceModelAPI

    return ReferenceModelAPI
