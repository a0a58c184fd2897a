"""``riskcase monitor``: re-scores logs from the command line; bad input gives one line."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from inspect_ai import eval as inspect_eval

from riskcase.cli import main
from riskcase.scenarios import scenario_task


@pytest.fixture(scope="module")
def riskcase_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A riskcase log without monitor scores: experiment_tampering, attack, 3 samples."""
    log_dir = tmp_path_factory.mktemp("logs")
    [log] = inspect_eval(
        scenario_task("experiment_tampering", "attack", limit=3, sandbox="bwrap"),
        model="riskcase/reference",
        log_dir=str(log_dir),
        display="none",
    )
    assert log.status == "success", log.error
    return log_dir


@pytest.fixture
def logs(riskcase_logs: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(riskcase_logs, tmp_path / "logs"))


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run the ``riskcase`` entry point in this process (as ``python -m riskcase`` would)."""

    def invoke(*args: str) -> Result:
        capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return invoke


def digests(log_dir: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in log_dir.rglob("*.eval")}


def one_error_line(result: Result) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("riskcase: error: ")
    return lines[0]


def report_monitors(run: Callable[..., Result], log_dir: Path, out: Path) -> list[str]:
    result = run("report", str(log_dir), "--out", str(out))
    assert result.returncode == 0, result.stderr
    monitors: list[str] = json.loads((out / "report.json").read_text())["calibration"]["monitors"]
    return monitors


def test_report_picks_up_the_new_monitor_scores(
    run: Callable[..., Result], logs: Path, tmp_path: Path
) -> None:
    assert report_monitors(run, logs, tmp_path / "before") == []

    result = run("monitor", str(logs), "--monitor", "rule_monitor")

    assert result.returncode == 0, result.stderr
    [row] = [line for line in result.stdout.splitlines() if "rule_monitor" in line]
    assert "│ 3 " in row and "none" in row  # 3 samples, no earlier rule_monitor scores
    assert "1 changed" in result.stdout
    assert report_monitors(run, logs, tmp_path / "after") == ["rule_monitor"]

    again = run("monitor", str(logs), "--monitor", "rule_monitor")
    assert again.returncode == 0, again.stderr
    assert "reproduced" in again.stdout and "0 changed" in again.stdout


def test_unknown_monitor_gives_one_line_and_changes_nothing(
    run: Callable[..., Result], logs: Path
) -> None:
    before = digests(logs)
    line = one_error_line(run("monitor", str(logs), "--monitor", "rule_monitor,no_such_monitor"))
    assert "unknown monitor 'no_such_monitor'" in line and "rule_monitor" in line
    assert digests(logs) == before


def test_corrupt_log_gives_one_line_and_changes_nothing(
    run: Callable[..., Result], logs: Path
) -> None:
    [good] = logs.glob("*.eval")
    (logs / "broken.eval").write_bytes(good.read_bytes()[:1500])
    before = digests(logs)
    line = one_error_line(run("monitor", str(logs), "--monitor", "rule_monitor"))
    assert "cannot read broken.eval" in line
    assert digests(logs) == before


def test_llm_monitor_without_trusted_model_gives_one_line(
    run: Callable[..., Result], logs: Path
) -> None:
    line = one_error_line(run("monitor", str(logs), "--monitor", "llm_monitor"))
    assert "--trusted-model" in line
