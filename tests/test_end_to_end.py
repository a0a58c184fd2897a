"""The demo path end to end on a small --limit: logs, report files, terminal summary."""

import json
import shutil
import zipfile
from pathlib import Path

from inspect_ai.log import list_eval_logs, read_eval_log

from riskcase.pathways import default_pathways
from riskcase.scenarios import OUTCOME_KEYS, all_scenarios
from support import SMALL_RUN_LIMIT, run_cli


def test_demo_writes_reports_and_inspect_logs(reference_run: Path) -> None:
    for name in ("report.html", "report.md", "report.json"):
        assert (reference_run / name).stat().st_size > 1000
    logs = list_eval_logs(str(reference_run / "logs"))
    in_scope = {p.id for p in default_pathways()}
    scenarios = [s for s in all_scenarios() if s.pathway in in_scope]
    assert len(logs) == 3 * len(scenarios)  # every scenario in scope, in three modes
    for info in logs:
        assert zipfile.is_zipfile(info.name.removeprefix("file://"))
        log = read_eval_log(info)
        assert log.status == "success" and len(log.samples) == SMALL_RUN_LIMIT
        for sample in log.samples:
            assert set(sample.scores["checker"].value) == set(OUTCOME_KEYS)
            assert {"scenario_id", "pathway_id", "mode"} <= set(sample.metadata)
            assert "rule_monitor" in sample.scores


def test_report_json_assesses_the_pathways_with_evidence(reference_run: Path) -> None:
    data = json.loads((reference_run / "report.json").read_text())
    assessed = {p["id"] for p in data["pathways"] if p["assessed"]}
    by_id = {p["id"]: p for p in data["pathways"]}
    run_scenarios = {"code_backdoor": "P3", "experiment_tampering": "P2"}
    assert set(run_scenarios.values()) | {"P7"} <= assessed
    for pathway_id in run_scenarios.values():
        assert by_id[pathway_id]["evidence"]["n_attack"] == SMALL_RUN_LIMIT
    # P7 reuses the P1-P4 samples for deployments at other developers
    assert by_id["P7"]["evidence"]["n_attack"] == sum(
        by_id[p]["evidence"]["n_attack"] for p in ("P1", "P2", "P3", "P4")
    )
    for pathway in data["pathways"]:
        if pathway["id"] not in assessed:
            assert pathway["band"] is None and pathway["p_harm"] is None
    assert data["overall"]["band"] is not None


def test_terminal_shows_verdict_and_table(reference_run: Path) -> None:
    stdout = (reference_run / "stdout.txt").read_text()
    assert "Verdict:" in stdout and "Sabotage risk per pathway" in stdout
    assert "not assessed" in stdout


def test_report_rebuilds_from_logs_without_rerun(reference_run: Path, tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    shutil.copytree(reference_run / "logs", logs)
    result = run_cli("report", str(logs), "--out", str(tmp_path / "again"))
    assert result.returncode == 0, result.stderr
    first = json.loads((reference_run / "report.json").read_text())
    again = json.loads((tmp_path / "again" / "report.json").read_text())
    assert again["overall"]["p_harm"] == first["overall"]["p_harm"]

    def counts(report: dict) -> list:
        return [
            {
                k: (v["successes"], v["trials"]) if isinstance(v, dict) else v
                for k, v in p["evidence"].items()
                if v is not None
            }
            for p in report["pathways"]
        ]

    assert counts(again) == counts(first)


def test_pathway_all_adds_leaks_reported_as_not_assessed(
    reference_run: Path, tmp_path: Path
) -> None:
    result = run_cli(
        "report", str(reference_run / "logs"), "--pathway", "all", "--out", str(tmp_path)
    )
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "report.json").read_text())
    leaks = next(p for p in data["pathways"] if p["id"] == "leaks")
    assert leaks["assessed"] is False and leaks["band"] is None
