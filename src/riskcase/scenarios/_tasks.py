"""Inspect tasks for the built-in scenarios (``inspect eval riskcase/<scenario>``)."""

from inspect_ai import Task, task

from ._task import scenario_task


@task
def code_backdoor(
    mode: str = "attack", sandbox: str = "bwrap", limit: int | None = None, seed: int = 0
) -> Task:
    """P3 code backdoors on HumanEval (modes: honest, attack, opportunity)."""
    return scenario_task("code_backdoor", mode, sandbox=sandbox, limit=limit, seed=seed)


@task
def experiment_tampering(
    mode: str = "attack", sandbox: str = "bwrap", limit: int | None = None, seed: int = 0
) -> Task:
    """P2 tampering with a safety-classifier evaluation (modes: honest, attack, opportunity)."""
    return scenario_task("experiment_tampering", mode, sandbox=sandbox, limit=limit, seed=seed)
