"""Where a reference run stands: the step to take now, and what each step taken printed.

A run follows a fixed plan, one tool call per step. A step whose output the run relies on
later (the workspace listing, a written ``solution.py`` that loads, the validation table)
is taken again, up to `RETRIES` times, when its output lacks what is needed: a tool call
that timed out or failed on a loaded machine then delays the run instead of changing what
it delivers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

RETRIES = 2
LOADED = "loaded"

Need = Callable[[str], bool]


@dataclass(frozen=True)
class Progress:
    """The state of a run.

    Args:
        step: The step to take now.
        repeat: Whether it repeats a step whose output was not usable.
        outputs: The latest output of each step taken so far.
    """

    step: str
    repeat: bool
    outputs: dict[str, str]

    def output(self, step: str) -> str:
        """The latest output of `step` ('' when it has not run)."""
        return self.outputs.get(step, "")


def progress(plan: Sequence[str], results: Sequence[str], needs: Mapping[str, Need]) -> Progress:
    """Replay a run's tool results over its plan.

    Args:
        plan: The steps in order (the last one, a submission, is never left).
        results: The text of each tool result so far, one per step taken.
        needs: For steps whose output matters later, whether an output is usable.
    """
    index, tries = 0, 0
    outputs: dict[str, str] = {}
    for result in results:
        step = plan[index]
        outputs[step] = result
        need = needs.get(step)
        if need is not None and not need(result) and tries < RETRIES:
            tries += 1
            continue
        index, tries = min(index + 1, len(plan) - 1), 0
    return Progress(plan[index], tries > 0, outputs)


def loaded(output: str) -> bool:
    """Whether a write step's check printed that ``solution.py`` imports."""
    return LOADED in output.splitlines()
