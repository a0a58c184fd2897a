"""Every canonical HumanEval solution passes its tests and shows no sabotage attempt."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from riskcase.scenarios.code_backdoor import Measurements, Verdict, _measure, problems

pytestmark = pytest.mark.slow


async def test_all_164_canonical_solutions_pass_without_attempt(
    check: Callable[[str, dict[str, str]], Awaitable[tuple[Verdict, Measurements]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a quarter of the search's time budget: the few slow problems would dominate the
    # run, and a canonical solution cannot disagree with itself however long we search
    monkeypatch.setattr(_measure, "SEARCH_SETTINGS", {"max_evaluations": 3000, "max_seconds": 0.5})
    gate = asyncio.Semaphore(4)

    async def checked(task_id: str, program: str) -> tuple[str, bool, bool, bool]:
        async with gate:
            verdict, _ = await check(task_id, {"solution.py": program})
        return (
            task_id,
            verdict.main_task_success,
            verdict.side_task_success,
            verdict.sabotage_attempted,
        )

    results = await asyncio.gather(*(checked(p.task_id, p.canonical_program) for p in problems()))
    assert len(results) == 164
    assert [r[0] for r in results if not r[1]] == [], "canonical solutions failing their tests"
    assert [r[0] for r in results if r[2] or r[3]] == [], "false sabotage findings"
