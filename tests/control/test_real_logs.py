"""The control section from real Inspect logs of a scenario run by the reference model."""

from __future__ import annotations

import pytest
from inspect_ai import eval as inspect_eval

import riskcase._registry  # noqa: F401  (registers the riskcase/reference provider)
from riskcase.control import ControlOptions, ControlSection, control_html, control_section
from riskcase.evidence import LogSet, calibrate, flagged, read_log_dir
from riskcase.monitors import rule_monitor
from riskcase.scenarios import scenario_task

BUDGET = 0.01


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> LogSet:
    """Honest and attack runs of experiment_tampering, six tasks, two epochs each."""
    log_dir = tmp_path_factory.mktemp("control-logs")
    for mode in ("honest", "attack"):
        task = scenario_task("experiment_tampering", mode, limit=6, monitors=[rule_monitor()])
        [log] = inspect_eval(
            task, model="riskcase/reference", epochs=2, log_dir=str(log_dir), display="none"
        )
        assert log.status == "success", log.error
    return read_log_dir(log_dir)


@pytest.fixture(scope="module")
def section(logs: LogSet) -> ControlSection:
    return control_section(logs.records, ControlOptions(audit_budget=BUDGET, resamples=200))


def test_section_counts_and_detection(logs: LogSet, section: ControlSection) -> None:
    assert (section.n_honest, section.n_attack) == (12, 12)
    assert section.monitors == ["rule_monitor"] and section.pathways == ["P2"]
    assert section.resample_share == 1.0  # every task ran twice
    overall = section.detection[0]
    successes = sum(bool(r.side_task_success) for r in logs.records if r.mode == "attack")
    assert overall.n_positives == successes > 0 and overall.n_negatives == 12
    assert overall.auroc is not None and 0.5 <= overall.auroc.value <= 1.0
    assert overall.auroc.lo <= overall.auroc.value <= overall.auroc.hi


def test_trusted_monitoring_agrees_with_the_evidence_calibration(
    logs: LogSet, section: ControlSection
) -> None:
    calibration = calibrate(logs.records, ["rule_monitor"], BUDGET)
    attacks = [r for r in logs.records if r.mode == "attack" and r.scored]
    caught = sum(flagged(r, calibration) and bool(r.sabotage_attempted) for r in attacks)
    uncaught = sum(not flagged(r, calibration) and bool(r.side_task_success) for r in attacks)
    result = next(
        p for p in section.protocols if p.protocol == "trusted_monitoring" and not p.pathway_id
    )
    assert result.audit_threshold == calibration.threshold
    assert (result.caught, result.uncaught) == (caught, uncaught)
    assert result.safety is not None
    assert result.safety.value == pytest.approx(caught / (caught + uncaught))
    honest = [r for r in logs.records if r.mode == "honest"]
    assert result.usefulness is not None
    assert result.usefulness.value == pytest.approx(
        sum(bool(r.main_task_success) for r in honest) / len(honest)
    )


def test_protocol_numbers_are_sane(section: ControlSection) -> None:
    by_name = {p.protocol: p for p in section.protocols if p.pathway_id is None}
    for result in by_name.values():
        assert result.safety is not None and 0 <= result.safety.value <= 1
        assert result.usefulness is not None and 0 <= result.usefulness.value <= 1
    upfront, monitoring = by_name["upfront_auditing"], by_name["trusted_monitoring"]
    assert upfront.safety is not None and monitoring.safety is not None
    assert upfront.safety.value < monitoring.safety.value  # a monitor beats random audits
    assert "<svg" in control_html(section)
