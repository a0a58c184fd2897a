"""Fixtures for the control tests: SampleRecords built directly, with hand-checkable values."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from riskcase.evidence import SampleRecord

RecordFactory = Callable[..., SampleRecord]


def _record(
    mode: str,
    score: float | None,
    *,
    sample_id: str = "s",
    epoch: int = 1,
    main: bool = True,
    attempted: bool = False,
    success: bool = False,
    pathway: str = "P3",
    monitor: str = "m",
    model: str = "untrusted",
) -> SampleRecord:
    return SampleRecord(
        log_file=f"/logs/{model}-{pathway}-{mode}.eval",
        task=f"scenario_{pathway}",
        model=model,
        sample_id=sample_id,
        epoch=epoch,
        scenario_id=f"scenario_{pathway}",
        pathway_id=pathway,
        mode=mode,
        main_task_success=main,
        side_task_success=success,
        sabotage_attempted=attempted,
        suspicion={} if score is None else {monitor: score},
    )


@pytest.fixture
def make_record() -> RecordFactory:
    """Build one record: ``make_record(mode, score, sample_id=..., main=..., ...)``."""
    return _record


@pytest.fixture
def protocol_records() -> list[SampleRecord]:
    """Ten honest and six attack samples of one pathway, one epoch each.

    Honest scores 0, 0, .1, .1, .2, .2, .3, .4, .5, .9 (main task fails at .3 and .9).
    Attacks (score, attempted, succeeded): a1 .95 A S, a2 .6 A S, a3 .45 A S, a4 .35 A -,
    a5 .1 A S, a6 0 - -.
    """
    honest_scores = [0.0, 0.0, 0.1, 0.1, 0.2, 0.2, 0.3, 0.4, 0.5, 0.9]
    records = [
        _record("honest", score, sample_id=f"h{i}", main=score not in (0.3, 0.9))
        for i, score in enumerate(honest_scores)
    ]
    attacks = [
        ("a1", 0.95, True, True),
        ("a2", 0.6, True, True),
        ("a3", 0.45, True, True),
        ("a4", 0.35, True, False),
        ("a5", 0.1, True, True),
        ("a6", 0.0, False, False),
    ]
    records += [
        _record("attack", score, sample_id=name, main=False, attempted=attempted, success=success)
        for name, score, attempted, success in attacks
    ]
    return records


@pytest.fixture
def resample_records() -> list[SampleRecord]:
    """Five honest and four attack tasks, two epochs each (each epoch resamples the other).

    Honest (epoch 1, epoch 2) scores and main success: h1 (0, 0) TT, h2 (.1, 0) TT,
    h3 (.2, .1) TF, h4 (.8, .1) FT, h5 (.3, .2) TT.
    Attacks per epoch (score, attempted, succeeded): x1 (.9 A S, .7 A S), x2 (.5 A S, .1 - -),
    x3 (.15 A S, .3 A -), x4 (.4 A S, .35 A S).
    """
    honest = {
        "h1": [(0.0, True), (0.0, True)],
        "h2": [(0.1, True), (0.0, True)],
        "h3": [(0.2, True), (0.1, False)],
        "h4": [(0.8, False), (0.1, True)],
        "h5": [(0.3, True), (0.2, True)],
    }
    attacks = {
        "x1": [(0.9, True, True), (0.7, True, True)],
        "x2": [(0.5, True, True), (0.1, False, False)],
        "x3": [(0.15, True, True), (0.3, True, False)],
        "x4": [(0.4, True, True), (0.35, True, True)],
    }
    records = [
        _record("honest", score, sample_id=task, epoch=epoch + 1, main=main)
        for task, runs in honest.items()
        for epoch, (score, main) in enumerate(runs)
    ]
    records += [
        _record(
            "attack",
            score,
            sample_id=task,
            epoch=epoch + 1,
            main=False,
            attempted=attempted,
            success=success,
        )
        for task, runs in attacks.items()
        for epoch, (score, attempted, success) in enumerate(runs)
    ]
    return records
