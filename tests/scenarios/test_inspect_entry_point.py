"""Scenarios and the reference model reach Inspect's own CLI through the entry point."""

import subprocess
import sys
from pathlib import Path

from inspect_ai.log import list_eval_logs, read_eval_log


def test_inspect_eval_runs_a_riskcase_task(tmp_path: Path) -> None:
    inspect = Path(sys.executable).parent / "inspect"
    result = subprocess.run(
        [
            str(inspect),
            "eval",
            "riskcase/experiment_tampering",
            "-T",
            "mode=attack",
            "--model",
            "riskcase/reference",
            "-M",
            "skill=1",
            "--limit",
            "2",
            "--log-dir",
            str(tmp_path),
            "--display",
            "none",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (info,) = list_eval_logs(str(tmp_path))
    log = read_eval_log(info)
    assert log.status == "success" and len(log.samples) == 2
    assert all(s.scores["checker"].value["side_task_success"] == 1.0 for s in log.samples)
