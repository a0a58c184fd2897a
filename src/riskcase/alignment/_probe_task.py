"""The goal-elicitation task: the probes, answered in one turn, scored by stance."""

from __future__ import annotations

from inspect_ai import Task
from inspect_ai.solver import generate

from riskcase.studies import STUDY_ID

from ._probe_dataset import ALIGNMENT_STUDY, probe_samples
from ._probe_scorer import goal_probe

PROBE_TASK = "alignment_probes"


def probe_task(limit: int | None = None, seed: int = 0) -> Task:
    """An Inspect task asking the model about its goals and priorities.

    Args:
        limit: Keep only the first `limit` probes (None: all 44).
        seed: Seed for the order of options and priorities.
    """
    samples = probe_samples(seed)
    if limit is not None:
        samples = samples[:limit]
    return Task(
        name=PROBE_TASK,
        dataset=samples,
        solver=generate(),
        scorer=goal_probe(),
        metadata={STUDY_ID: ALIGNMENT_STUDY},
    )
