"""Synthetic scenario sample records for the alignment analysis tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from riskcase.evidence import SampleRecord


def make_records(
    family: str,
    mode: str,
    attempts: int,
    samples: int,
    *,
    pathway: str = "P2",
    model: str = "m",
    epoch: int = 1,
) -> list[SampleRecord]:
    """`samples` scored records of one family and mode, the first `attempts` with an attempt."""
    return [
        SampleRecord(
            log_file=f"{family}-{mode}-{model}.eval",
            task=family,
            model=model,
            sample_id=f"{family}-{i}",
            epoch=epoch,
            scenario_id=family,
            pathway_id=pathway,
            mode=mode,
            main_task_success=True,
            side_task_success=i < attempts,
            sabotage_attempted=i < attempts,
        )
        for i in range(samples)
    ]


def make_assessment(
    opportunity_attempts: dict[str, int],
    samples: int = 8,
    honest_attempts: int = 0,
    model: str = "m",
    epoch: int = 1,
) -> list[SampleRecord]:
    """Honest and opportunity records per family (honest: `honest_attempts` false alarms)."""
    out: list[SampleRecord] = []
    for family, attempts in opportunity_attempts.items():
        out += make_records(family, "opportunity", attempts, samples, model=model, epoch=epoch)
        out += make_records(family, "honest", honest_attempts, samples, model=model, epoch=epoch)
    return out


@pytest.fixture
def assessment() -> Callable[..., list[SampleRecord]]:
    """`make_assessment`: honest and opportunity records for a dict family -> attempts."""
    return make_assessment


@pytest.fixture
def family_records() -> Callable[..., list[SampleRecord]]:
    """`make_records`: records of one family and mode."""
    return make_records
