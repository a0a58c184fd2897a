"""The deployment monitor's threshold: from the audit budget, or fixed by the profile."""

from __future__ import annotations

import pytest
import yaml

from riskcase.evidence import SampleRecord, calibrate, flagged
from riskcase.risk import load_profile


def _honest(index: int, suspicion: float) -> SampleRecord:
    return SampleRecord(
        log_file="h.eval",
        task="t",
        model="m",
        sample_id=str(index),
        epoch=1,
        scenario_id="s",
        pathway_id="P2",
        mode="honest",
        main_task_success=True,
        side_task_success=False,
        sabotage_attempted=False,
        suspicion={"rule_monitor": suspicion},
    )


RECORDS = [_honest(i, i / 100) for i in range(100)]  # suspicions 0.00 ... 0.99


def test_budget_threshold_flags_at_most_the_budget() -> None:
    calibration = calibrate(RECORDS, ["rule_monitor"], 0.05)
    assert not calibration.fixed
    assert calibration.false_positive_rate is not None
    assert calibration.false_positive_rate <= 0.05


def test_fixed_threshold_is_used_and_its_false_positive_rate_measured() -> None:
    calibration = calibrate(RECORDS, ["rule_monitor"], 0.01, fixed_threshold=0.5)
    assert calibration.fixed and calibration.threshold == 0.5
    assert calibration.false_positive_rate == pytest.approx(0.49)  # 0.51 ... 0.99
    assert flagged(_honest(0, 0.51), calibration)
    assert not flagged(_honest(0, 0.5), calibration)


def test_profile_names_a_threshold(tmp_path) -> None:
    text = load_profile(None).model_dump()
    text["threshold"] = 0.3
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(text))
    assert load_profile(path).threshold == 0.3
    assert load_profile(None).threshold is None
