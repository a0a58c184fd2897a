"""Helpers shared by tests (importable because pytest puts tests/ on the path)."""

from __future__ import annotations

import subprocess
import sys

SMALL_RUN_LIMIT = 4


def run_cli(
    *args: str, env: dict[str, str] | None = None, timeout: int = 600
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m riskcase`` and return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "riskcase", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
