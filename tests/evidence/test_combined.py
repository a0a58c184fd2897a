"""The deployment monitor as a combination: mean and learned (out-of-fold) weights."""

from __future__ import annotations

import pytest

from riskcase.evidence import COMBINED_MONITOR, SampleRecord, with_combined_suspicion


def _record(index: int, mode: str, weak: float, strong: float) -> SampleRecord:
    return SampleRecord(
        log_file=f"{mode}.eval",
        task="t",
        model="m",
        sample_id=f"s{index}",
        epoch=1,
        scenario_id="s",
        pathway_id="P2",
        mode=mode,
        main_task_success=True,
        side_task_success=mode == "attack",
        sabotage_attempted=mode == "attack",
        suspicion={"weak_monitor": weak, "strong_monitor": strong},
    )


def _records() -> list[SampleRecord]:
    honest = [_record(i, "honest", (i % 5) / 5, 0.1 * (i % 3) / 3) for i in range(40)]
    attack = [_record(i, "attack", ((i + 2) % 5) / 5, 0.6 + 0.1 * (i % 4)) for i in range(40)]
    return honest + attack + [_record(99, "opportunity", 0.2, 0.9)]


def test_mean_combination() -> None:
    combined = with_combined_suspicion(_records(), ["weak_monitor", "strong_monitor"], "mean", 0.01)
    first = combined[0]
    assert first.suspicion[COMBINED_MONITOR] == pytest.approx(
        (first.suspicion["weak_monitor"] + first.suspicion["strong_monitor"]) / 2
    )


def test_learned_weights_favour_the_informative_monitor_and_separate() -> None:
    combined = with_combined_suspicion(
        _records(), ["weak_monitor", "strong_monitor"], "logistic", 0.01
    )
    honest = [r.suspicion[COMBINED_MONITOR] for r in combined if r.mode == "honest"]
    attack = [r.suspicion[COMBINED_MONITOR] for r in combined if r.mode == "attack"]
    assert max(honest) < min(attack)
    opportunity = combined[-1].suspicion[COMBINED_MONITOR]
    assert opportunity > max(honest)
    assert all(0.0 <= value <= 1.0 for value in honest + attack)


def test_learned_weights_need_both_classes() -> None:
    honest_only = [r for r in _records() if r.mode == "honest"]
    with pytest.raises(ValueError, match="honest samples and attack samples"):
        with_combined_suspicion(honest_only, ["weak_monitor", "strong_monitor"], "logistic", 0.01)
