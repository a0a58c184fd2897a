"""Fixtures of the misuse tests: evaluate tasks with the reference model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from inspect_ai import Task
from inspect_ai import eval as inspect_eval
from inspect_ai.log import EvalLog, read_eval_log

RunReference = Callable[..., list[EvalLog]]


def _run(tasks: list[Task], log_dir: Path, **persona: Any) -> list[EvalLog]:
    logs = inspect_eval(
        tasks,
        model="riskcase/reference",
        model_args=persona,
        log_dir=str(log_dir),
        display="none",
    )
    assert all(log.status == "success" for log in logs)
    # read back without messages, as the report's analysis reads them
    return [read_eval_log(log.location, exclude_fields={"messages", "events"}) for log in logs]


@pytest.fixture(scope="session")
def run_reference() -> RunReference:
    """Evaluate tasks with ``riskcase/reference`` (persona as keyword arguments)."""
    return _run
