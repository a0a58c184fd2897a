"""Shared fixtures: one small real assessment with the reference agents, run once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.fixture(scope="session")
def reference_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Output folder of ``riskcase assess --limit 4`` (the demo path, small)."""
    out = tmp_path_factory.mktemp("demo") / "out"
    result = run_cli(
        "assess", "--limit", str(SMALL_RUN_LIMIT), "--display", "none", "--out", str(out)
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (out / "stdout.txt").write_text(result.stdout)
    return out


@pytest.fixture(scope="session")
def reference_logs(reference_run: Path) -> Path:
    """The Inspect logs of the small reference run."""
    return reference_run / "logs"
