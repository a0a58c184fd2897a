"""A real provider over a real connection: Inspect's OpenAI-compatible provider talking to
the reference agents served on 127.0.0.1, with tool calls over the wire."""

from pathlib import Path

import pytest
from inspect_ai import eval as inspect_eval

import riskcase._registry  # noqa: F401
from riskcase.agents import Persona, ReferenceServer
from riskcase.evidence import read_log_dir
from riskcase.scenarios import scenario_task
from support import run_cli

PERSONA = Persona(attempt_rate=0.5, skill=0.7, subtlety=0.5, seed=5)


def outcomes(log_dir: Path) -> dict[tuple[str, str, str], tuple]:
    return {
        (r.scenario_id, r.mode, r.sample_id): (
            r.main_task_success,
            r.side_task_success,
            r.sabotage_attempted,
        )
        for r in read_log_dir(log_dir).records
    }


def test_openai_compatible_provider_matches_in_process_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def tasks() -> list:
        return [
            scenario_task(scenario, mode, limit=3)
            for scenario in ("code_backdoor", "experiment_tampering")
            for mode in ("attack", "opportunity")
        ]

    with ReferenceServer(PERSONA) as server:
        monkeypatch.setenv("RISKCASE_BASE_URL", server.base_url)
        monkeypatch.setenv("RISKCASE_API_KEY", "unused-local-key")
        wire = inspect_eval(
            tasks(),
            model="openai-api/riskcase/reference",
            log_dir=str(tmp_path / "wire"),
            display="none",
        )
    assert all(log.status == "success" for log in wire), [log.error for log in wire]
    sample = wire[0].samples[0]
    assert any(m.role == "tool" for m in sample.messages), "tool calls went over the wire"
    local = inspect_eval(
        tasks(),
        model="riskcase/reference",
        log_dir=str(tmp_path / "local"),
        display="none",
        model_args=PERSONA.__dict__,
    )
    assert all(log.status == "success" for log in local)
    assert outcomes(tmp_path / "wire") == outcomes(tmp_path / "local")


def test_cli_assessment_through_the_provider(tmp_path: Path) -> None:
    import os

    with ReferenceServer(PERSONA) as server:
        env = {
            **os.environ,
            "RISKCASE_BASE_URL": server.base_url,
            "RISKCASE_API_KEY": "unused-local-key",
        }
        result = run_cli(
            "assess",
            "--model",
            "openai-api/riskcase/reference",
            "--scenario",
            "experiment_tampering",
            "--limit",
            "2",
            "--display",
            "none",
            "--out",
            str(tmp_path / "out"),
            env=env,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "out" / "report.json").exists()
    assert "unused-local-key" not in (tmp_path / "out" / "report.json").read_text()
