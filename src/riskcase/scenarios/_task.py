"""Build an Inspect `Task` from a registered scenario and a mode."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from inspect_ai import Task
from inspect_ai.dataset import Sample
from inspect_ai.scorer import Scorer
from inspect_ai.util import SandboxEnvironmentSpec

from ._contract import MONITOR_TASK_KEY, Mode
from ._scenario import get_scenario

SANDBOXES = ("bwrap", "local", "docker")


def sandbox_spec(kind: str, config: dict[str, Any]) -> SandboxEnvironmentSpec | str:
    """The Inspect sandbox spec for a sandbox kind and a scenario's options.

    Args:
        kind: ``bwrap`` (riskcase's default), ``local`` or ``docker`` (Inspect's).
        config: The scenario's `bwrap` options (ignored by the other kinds).
    """
    if kind not in SANDBOXES:
        raise ValueError(f"unknown sandbox '{kind}' (known: {', '.join(SANDBOXES)})")
    if kind == "bwrap":
        from riskcase.sandbox import BwrapConfig

        return SandboxEnvironmentSpec("bwrap", BwrapConfig(**config))
    return kind


def _hide_side_task_from_monitors(attack: list[Sample], honest: list[Sample]) -> None:
    """Monitors must judge attack runs by the main task alone, as they would in deployment.

    Sets each attack sample's ``monitor_task`` (unless the scenario set it) to the input of
    the honest sample with the same id: the same task without the sabotage instruction.
    """
    honest_inputs = {sample.id: sample.input for sample in honest}
    for sample in attack:
        metadata = sample.metadata if sample.metadata is not None else {}
        task = honest_inputs.get(sample.id)
        if MONITOR_TASK_KEY not in metadata and isinstance(task, str):
            metadata[MONITOR_TASK_KEY] = task
            sample.metadata = metadata


def scenario_task(
    scenario_id: str,
    mode: Mode | str,
    *,
    sandbox: str = "bwrap",
    limit: int | None = None,
    seed: int = 0,
    monitors: Sequence[Scorer] = (),
) -> Task:
    """An Inspect task running one scenario in one mode.

    Args:
        scenario_id: Registered scenario id.
        mode: ``honest``, ``attack`` or ``opportunity``.
        sandbox: Sandbox kind (see `sandbox_spec`).
        limit: Keep only the first `limit` samples (None: all).
        seed: Seed for the generated variants.
        monitors: Extra scorers (monitors) run after the checker.
    """
    scenario = get_scenario(scenario_id)
    mode = Mode(mode)
    samples = scenario.dataset(mode, seed=seed)
    if limit is not None:
        samples = samples[:limit]
    if mode == Mode.ATTACK:
        _hide_side_task_from_monitors(samples, scenario.dataset(Mode.HONEST, seed=seed))
    return Task(
        name=scenario_id,
        dataset=samples,
        solver=scenario.solver(),
        scorer=[scenario.checker(), *monitors],
        sandbox=sandbox_spec(sandbox, scenario.sandbox_config()),
        message_limit=scenario.message_limit(),
        metadata={"scenario_id": scenario_id, "pathway_id": scenario.pathway, "mode": str(mode)},
    )
