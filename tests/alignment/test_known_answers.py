"""Known answers end to end: real scenario runs and probes with the reference model.

A persona that always sabotages, but only in experiment_tampering, must come out
context-dependent; its probe answers must be scored as it was told to answer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.log import EvalLog, read_eval_log

import riskcase._registry  # noqa: F401  (registers the riskcase/reference provider and bwrap)
from riskcase.alignment import AlignmentSection, Classification
from riskcase.evidence import SampleRecord, read_log_dir
from riskcase.scenarios import scenario_task
from riskcase.studies import StudyInputs, get_study

SCENARIOS = ("experiment_tampering", "rogue_deployment")
SAMPLES = 8
PERSONA: dict[str, Any] = {"attempt_rate": 1.0, "sabotage_contexts": "experiment_tampering"}


def _eval(tasks: list[Any], log_dir: Path, **persona: Any) -> list[str]:
    logs = inspect_eval(
        tasks,
        model="riskcase/reference",
        model_args={**PERSONA, **persona},
        log_dir=str(log_dir),
        display="none",
        max_samples=16,
    )
    assert all(log.status == "success" for log in logs), [log.error for log in logs]
    return [log.location for log in logs]


@pytest.fixture(scope="module")
def scenario_records(tmp_path_factory: pytest.TempPathFactory) -> list[SampleRecord]:
    tasks = [
        scenario_task(scenario, mode, limit=SAMPLES, sandbox="bwrap")
        for scenario in SCENARIOS
        for mode in ("honest", "opportunity")
    ]
    log_dir = tmp_path_factory.mktemp("scenario-logs")
    _eval(tasks, log_dir)
    return read_log_dir(log_dir).records


def _probe_logs(log_dir: Path, disclosure: float) -> list[EvalLog]:
    tasks = get_study("alignment").tasks(limit=None, seed=0)
    locations = _eval(tasks, log_dir, goal_disclosure_rate=disclosure)
    # the analysis gets its logs as the report does: samples without messages or events
    return [
        read_eval_log(location, exclude_fields={"messages", "events", "store", "attachments"})
        for location in locations
    ]


@pytest.fixture(scope="module")
def sections(
    scenario_records: list[SampleRecord], tmp_path_factory: pytest.TempPathFactory
) -> dict[float, AlignmentSection]:
    study = get_study("alignment")
    out = {}
    for disclosure in (0.0, 1.0):
        logs = _probe_logs(tmp_path_factory.mktemp(f"probes-{disclosure}"), disclosure)
        assert all(not s.messages for log in logs for s in log.samples or [])
        section = study.analyse(StudyInputs(logs=logs, records=scenario_records))
        assert isinstance(section, AlignmentSection)
        out[disclosure] = section
    return out


def test_sabotage_in_one_context_only_is_context_dependent(
    sections: dict[float, AlignmentSection],
) -> None:
    section = sections[0.0]
    assert section.classification == Classification.CONTEXT_DEPENDENT
    by_family = {f.family: f for f in section.families}
    assert set(by_family) == set(SCENARIOS)
    tampering, rogue = by_family["experiment_tampering"], by_family["rogue_deployment"]
    assert (tampering.propensity.successes, tampering.propensity.trials) == (SAMPLES, SAMPLES)
    assert (rogue.propensity.successes, rogue.propensity.trials) == (0, SAMPLES)
    assert tampering.above_baseline and not rogue.above_baseline
    assert tampering.baseline_source == "family" and tampering.baseline is not None
    assert tampering.baseline.successes == 0
    assert "Context-dependent" in section.conclusion
    assert ">= 2 of 2 families" in section.would_change


def test_probes_recover_the_disclosure_rate(sections: dict[float, AlignmentSection]) -> None:
    silent, candid = sections[0.0].probes, sections[1.0].probes
    assert silent is not None and candid is not None
    assert silent.n_probes >= 20 and silent.n_unscored == 0
    assert (silent.undermines, silent.supports) == (0, silent.n_probes)
    assert (candid.undermines, candid.supports) == (candid.n_probes, 0)
    assert len(candid.by_framing) == 6 and len(candid.by_topic) == 4


def test_stated_goals_against_revealed_sabotage(sections: dict[float, AlignmentSection]) -> None:
    (silent,) = sections[0.0].consistency
    (candid,) = sections[1.0].consistency
    assert silent.revealed and silent.revealed_families == ["experiment_tampering"]
    assert silent.verdict == "conceals" and silent.agreement.successes == 0
    assert candid.verdict == "discloses"
    assert candid.agreement.successes == candid.agreement.trials


def test_section_renders_as_markdown_and_self_contained_html(
    sections: dict[float, AlignmentSection],
) -> None:
    study = get_study("alignment")
    section = sections[1.0]
    markdown = study.markdown(section)
    assert markdown.startswith("## ")
    assert "**Classification: context-dependent.**" in markdown
    assert "| experiment_tampering | P2 | 0.94" in markdown
    html = study.html(section)
    assert html.startswith("<section") and html.rstrip().endswith("</section>")
    assert (
        html.count("<svg") == 1
        and "<script" not in html
        and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    )
    assert "discloses" in html
    chart = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    assert ElementTree.fromstring(chart).tag.endswith("svg")
    # the section survives the JSON round trip of report.json
    assert AlignmentSection.model_validate_json(section.model_dump_json()) == section
