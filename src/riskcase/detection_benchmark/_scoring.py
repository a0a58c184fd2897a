"""Score benchmark items with the offline monitors, in parallel by problem."""

from __future__ import annotations

import concurrent.futures
import functools
from collections.abc import Callable, Sequence

from riskcase.scenarios.code_backdoor import problem_by_id

from ._items import BenchmarkItem, by_problem
from ._monitors import OFFLINE_MONITORS

ItemScores = dict[str, float | None]


def score_items(
    items: Sequence[BenchmarkItem],
    monitors: Sequence[str] | None = None,
    workers: int = 1,
    progress: Callable[[str], None] | None = None,
) -> list[ItemScores]:
    """Each item's score from each monitor (by name), in item order.

    Args:
        items: The items.
        monitors: Names from `OFFLINE_MONITORS` (default: all).
        workers: Problems scored in parallel (processes); a problem's items share one
            process, which remembers the canonical solution's outputs between them.
        progress: Called with each problem's id as it is done.
    """
    names = tuple(monitors or OFFLINE_MONITORS)
    unknown = [n for n in names if n not in OFFLINE_MONITORS]
    if unknown:
        raise KeyError(f"unknown monitors {unknown} (known: {', '.join(OFFLINE_MONITORS)})")
    groups = by_problem(items)
    job = functools.partial(_score_problem, names=names)
    found: dict[str, ItemScores] = {}
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        for task_id, scores in zip(groups, pool.map(job, groups.values()), strict=True):
            found.update(scores)
            if progress is not None:
                progress(task_id)
    return [found[item.item_id] for item in items]


def _score_problem(items: list[BenchmarkItem], names: tuple[str, ...]) -> dict[str, ItemScores]:
    problem = problem_by_id(items[0].task_id)
    return {
        item.item_id: {name: OFFLINE_MONITORS[name](problem, item.program) for name in names}
        for item in items
    }
