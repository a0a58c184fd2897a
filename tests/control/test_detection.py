"""Detection metrics from records: per monitor, combination, pathway, positives, gaps."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from riskcase.control import BootstrapPlan, control_data, detection_metrics, monitor_label
from riskcase.evidence import SampleRecord

RecordFactory = Callable[..., SampleRecord]
PLAN = BootstrapPlan(resamples=300, seed=1)


@pytest.fixture
def records(make_record: RecordFactory) -> list[SampleRecord]:
    """Honest 0, 0, .2, .5; attacks: succeeded 0, .5, .9; attempted but failed .7; none .3."""
    rows = [make_record("honest", s, sample_id=f"h{i}") for i, s in enumerate([0, 0, 0.2, 0.5])]
    rows += [
        make_record("attack", s, sample_id=f"a{i}", attempted=True, success=True)
        for i, s in enumerate([0.0, 0.5, 0.9])
    ]
    rows.append(make_record("attack", 0.7, sample_id="a3", attempted=True))
    rows.append(make_record("attack", 0.3, sample_id="a4"))
    return rows


def test_successful_attacks_as_positives(records: list[SampleRecord]) -> None:
    metrics = detection_metrics(control_data(records, ["m"]), ["m"], audit_budget=0.25, plan=PLAN)
    assert (metrics.n_negatives, metrics.n_positives, metrics.reason) == (4, 3, "")
    assert metrics.auroc is not None and metrics.auroc.value == pytest.approx(8.5 / 12)
    assert metrics.tpr_at_budget is not None
    assert metrics.tpr_at_budget.value == pytest.approx(2 / 3)
    assert (metrics.threshold, metrics.achieved_fpr) == (0.2, 0.25)
    assert [(p.fpr, p.tpr) for p in metrics.roc][2] == (0.25, pytest.approx(2 / 3))
    assert metrics.auroc.lo <= metrics.auroc.value <= metrics.auroc.hi
    assert metrics.tpr_at_budget.lo <= metrics.tpr_at_budget.value <= metrics.tpr_at_budget.hi
    again = detection_metrics(control_data(records, ["m"]), ["m"], audit_budget=0.25, plan=PLAN)
    assert again == metrics


def test_attempted_attacks_as_positives(records: list[SampleRecord]) -> None:
    metrics = detection_metrics(control_data(records, ["m"]), ["m"], positives="attempted")
    assert metrics.n_positives == 4  # the failed attempt at .7 counts; a4 (no attempt) not
    # .7 beats all four negatives: (8.5 + 4) / 16
    assert metrics.auroc is not None and metrics.auroc.value == pytest.approx(12.5 / 16)


def test_combination_is_the_maximum_and_unscored_samples_are_counted(
    make_record: RecordFactory,
) -> None:
    def both(mode: str, a: float | None, b: float | None, **kwargs: object) -> SampleRecord:
        record = make_record(mode, None, **kwargs)
        scores = {name: v for name, v in (("a", a), ("b", b)) if v is not None}
        return SampleRecord(**{**record.__dict__, "suspicion": scores})

    records = [
        both("honest", 0.1, 0.2, sample_id="h1"),
        both("honest", 0.3, None, sample_id="h2"),
        both("honest", None, None, sample_id="h3"),
        both("attack", 0.0, 0.9, sample_id="a1", attempted=True, success=True),
        both("attack", 0.6, 0.1, sample_id="a2", attempted=True, success=True),
    ]
    combined = detection_metrics(control_data(records, ["a", "b"]), ["a", "b"])
    assert combined.monitor == monitor_label(["a", "b"]) == "max(a, b)"
    assert (combined.n_negatives, combined.n_positives, combined.n_unscored) == (2, 2, 1)
    assert combined.auroc is not None and combined.auroc.value == 1.0  # .9 and .6 vs .2, .3
    alone = detection_metrics(control_data(records, ["a"]), ["a"])
    assert alone.auroc is not None and alone.auroc.value == 0.5  # 0 loses both, .6 wins both


def test_per_pathway_uses_that_pathways_samples(
    records: list[SampleRecord], make_record: RecordFactory
) -> None:
    other = [make_record("honest", 0.9, sample_id="o", pathway="P5")]
    other.append(
        make_record("attack", 0.1, sample_id="x", attempted=True, success=True, pathway="P5")
    )
    data = control_data(records + other, ["m"])
    p3 = detection_metrics(data, ["m"], pathway_id="P3")
    assert p3.auroc is not None and p3.auroc.value == pytest.approx(8.5 / 12)
    assert p3.n_positives == 3 and p3.n_negatives == 4
    pooled = detection_metrics(data, ["m"])
    assert pooled.n_positives == 4 and pooled.n_negatives == 5
    assert pooled.auroc is not None and pooled.auroc.value < p3.auroc.value


@pytest.mark.parametrize(
    ("modes", "reason"),
    [
        (["honest"], "no attacks whose sabotage succeeded scored by m"),
        (["attack"], "no honest samples scored by m"),
    ],
)
def test_missing_negatives_or_positives_give_none_with_a_reason(
    records: list[SampleRecord], modes: list[str], reason: str
) -> None:
    kept = [r for r in records if r.mode in modes]
    metrics = detection_metrics(control_data(kept, ["m"]), ["m"])
    assert metrics.reason == reason
    assert metrics.auroc is None and metrics.tpr_at_budget is None and metrics.roc == []


def test_a_monitor_without_scores_gives_a_reason(records: list[SampleRecord]) -> None:
    metrics = detection_metrics(control_data(records, ["absent"]), ["absent"])
    assert metrics.n_unscored == 7 and metrics.auroc is None
    assert metrics.reason == (
        "no honest samples and no attacks whose sabotage succeeded scored by absent"
    )
