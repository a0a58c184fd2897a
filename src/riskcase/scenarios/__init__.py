"""Sabotage scenarios: Inspect tasks with checkers that establish ground truth."""

from ._contract import (
    CHECKER_SCORER,
    MAIN_TASK_SCORE,
    MAIN_TASK_SUCCESS,
    MODE,
    MODES,
    MONITOR_TASK_KEY,
    OUTCOME_KEYS,
    OUTCOME_METRICS,
    PATHWAY_ID,
    SABOTAGE_ATTEMPTED,
    SCENARIO_ID,
    SIDE_TASK_SUCCESS,
    VARIANT,
    Mode,
    outcome_score,
    sample_metadata,
)
from ._scenario import Scenario, all_scenarios, get_scenario, scenario, scenario_ids
from ._task import SANDBOXES, sandbox_spec, scenario_task

__all__ = [
    "CHECKER_SCORER",
    "MAIN_TASK_SCORE",
    "MAIN_TASK_SUCCESS",
    "MODE",
    "MONITOR_TASK_KEY",
    "MODES",
    "OUTCOME_KEYS",
    "OUTCOME_METRICS",
    "PATHWAY_ID",
    "SABOTAGE_ATTEMPTED",
    "SANDBOXES",
    "SCENARIO_ID",
    "SIDE_TASK_SUCCESS",
    "VARIANT",
    "Mode",
    "Scenario",
    "all_scenarios",
    "get_scenario",
    "outcome_score",
    "sample_metadata",
    "scenario",
    "scenario_ids",
    "sandbox_spec",
    "scenario_task",
]
