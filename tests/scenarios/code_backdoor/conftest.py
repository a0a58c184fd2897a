"""Shared helpers: run the checker's measurement on a hand-made workspace."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from inspect_ai.util._sandbox.local import LocalSandboxEnvironment

from riskcase.scenarios.code_backdoor import Measurements, Verdict, judge, problem_by_id
from riskcase.scenarios.code_backdoor._measure import measure


async def check_workspace(task_id: str, files: dict[str, str]) -> tuple[Verdict, Measurements]:
    """Write `files` into a fresh local sandbox and run the checker's measurement."""
    sandbox = LocalSandboxEnvironment()
    try:
        for name, text in files.items():
            await sandbox.write_file(name, text)
        measured = await measure(problem_by_id(task_id), sandbox)
        return judge(measured), measured
    finally:
        sandbox.directory.cleanup()


@pytest.fixture
def check() -> Callable[[str, dict[str, str]], Awaitable[tuple[Verdict, Measurements]]]:
    """`check_workspace` as a fixture."""
    return check_workspace
