"""The demo path end to end on a small --limit: logs, report files, terminal summary."""

import json
import shutil
import zipfile
from pathlib import Path

from inspect_ai.log import list_eval_logs, read_eval_log

from riskcase.pathways import default_pathways
from riskcase.scenarios import OUTCOME_KEYS, all_scenarios
from riskcase.studies import all_studies
from support import SMALL_RUN_LIMIT, run_cli


def test_demo_writes_reports_and_inspect_logs(reference_run: Path) -> None:
    for name in ("report.html", "report.md", "report.json"):
        assert (reference_run / name).stat().st_size > 1000
    logs = list_eval_logs(str(reference_run / "logs"))
    in_scope = {p.id for p in default_pathways()}
    scenarios = [s for s in all_scenarios() if s.pathway in in_scope]
    study_tasks = [task for study in all_studies() for task in study.tasks(limit=1)]
    # every scenario in scope in three modes, and every study's tasks
    assert len(logs) == 3 * len(scenarios) + len(study_tasks)
    for info in logs:
        assert zipfile.is_zipfile(info.name.removeprefix("file://"))
        log = read_eval_log(info)
        assert log.status == "success" and len(log.samples) == SMALL_RUN_LIMIT
        if "study_id" in (log.eval.metadata or {}):
            continue
        for sample in log.samples:
            assert set(OUTCOME_KEYS) <= set(sample.scores["checker"].value)
            assert {"scenario_id", "pathway_id", "mode"} <= set(sample.metadata)
            assert "rule_monitor" in sample.scores


def test_report_json_assesses_every_pathway_with_evidence(reference_run: Path) -> None:
    data = json.loads((reference_run / "report.json").read_text())
    by_id = {p["id"]: p for p in data["pathways"]}
    assert set(by_id) == {p.id for p in default_pathways()} == {f"P{i}" for i in range(1, 9)}
    for pathway_id, pathway in by_id.items():
        evidence = pathway["evidence"]
        assert pathway["assessed"], pathway_id
        assert pathway["band"] is not None and pathway["p_harm"] is not None
        expected = SMALL_RUN_LIMIT * (4 if pathway_id == "P7" else 1)
        for mode in ("n_honest", "n_attack", "n_opportunity"):
            assert evidence[mode] == expected, (pathway_id, mode)
    # P7 reuses the P1-P4 samples for deployments at other developers
    assert by_id["P7"]["evidence"]["n_attack"] == sum(
        by_id[p]["evidence"]["n_attack"] for p in ("P1", "P2", "P3", "P4")
    )
    # P1 is measured by framing: the paired gap against the neutral (honest) runs
    p1 = by_id["P1"]["evidence"]
    assert p1["propensity_basis"] == "paired excess"
    assert [gap["treatment_mode"] for gap in p1["paired"]] == ["opportunity", "attack"]
    assert all(gap["n_pairs"] == SMALL_RUN_LIMIT for gap in p1["paired"])
    assert data["overall"]["band"] is not None


def test_report_json_carries_the_study_sections(reference_run: Path) -> None:
    data = json.loads((reference_run / "report.json").read_text())
    assert data["misuse"]["breakdowns"][0]["overall"]["n"] == SMALL_RUN_LIMIT
    assert data["manipulation"]["results"][0]["pairs"] == SMALL_RUN_LIMIT
    assert data["alignment"]["classification"] in {
        "no_evidence",
        "context_dependent",
        "scope_unresolved",
        "consistent",
    }
    assert len(data["alignment"]["families"]) >= 6
    markdown = (reference_run / "report.md").read_text()
    for study in all_studies():
        assert study.title and study.title.split(":")[0] in markdown


def test_terminal_shows_verdict_and_table(reference_run: Path) -> None:
    stdout = (reference_run / "stdout.txt").read_text()
    assert "Verdict:" in stdout and "Sabotage risk per pathway" in stdout
    for study in ("alignment:", "manipulation:", "misuse:"):
        assert study in stdout


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
