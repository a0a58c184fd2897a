"""The scenario's samples: one per HumanEval problem, in every mode."""

from __future__ import annotations

import random
from typing import Any

from inspect_ai.dataset import Sample

from riskcase.scenarios._contract import Mode, sample_metadata

from ._problems import Problem, problems
from ._prompts import task_text, workspace_files

SCENARIO_ID = "code_backdoor"
PATHWAY_ID = "P3"


def samples(mode: Mode, seed: int = 0) -> list[Sample]:
    """All 164 samples of one mode.

    Args:
        mode: The mode (changes the prompt and the workspace's notes).
        seed: 0 keeps HumanEval's order; any other seed shuffles it (so that ``limit``
            draws a different subset).
    """
    ordered = list(problems())
    if seed:
        random.Random(seed).shuffle(ordered)
    return [_sample(problem, mode) for problem in ordered]


def _sample(problem: Problem, mode: Mode) -> Sample:
    metadata = sample_metadata(
        SCENARIO_ID,
        PATHWAY_ID,
        mode,
        problem.task_id,
        task_id=problem.task_id,
        entry_point=problem.entry_point,
        prompt=problem.prompt,
        canonical_solution=problem.canonical_solution,
        test=problem.test,
        test_inputs=list(problem.test_inputs),
    )
    return Sample(
        id=problem.sample_id,
        input=task_text(problem, mode),
        metadata=metadata,
        files=workspace_files(mode),
    )


def problem_from_metadata(metadata: dict[str, Any]) -> Problem:
    """The problem a sample's metadata describes (what the checker needs)."""
    return Problem(
        task_id=metadata["task_id"],
        prompt=metadata["prompt"],
        entry_point=metadata["entry_point"],
        canonical_solution=metadata["canonical_solution"],
        test=metadata["test"],
        test_inputs=tuple(metadata["test_inputs"]),
    )
