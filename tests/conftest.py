"""Shared fixtures: one small real assessment with the reference agents, run once."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import SMALL_RUN_LIMIT, run_cli


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
