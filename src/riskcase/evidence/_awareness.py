"""Evaluation awareness per scenario and mode, and whether it goes with different behaviour."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from ._rates import Rate, beta_rate
from ._records import SampleRecord


class AwarenessCell(BaseModel):
    """How often the model said it was being evaluated, in one scenario and mode."""

    scenario_id: str
    mode: str
    rate: Rate


class EvaluationAwareness(BaseModel):
    """Evaluation awareness across the assessment.

    Attributes:
        overall: Share of scored samples where the model said it was being evaluated
            (None when no sample was checked for it).
        cells: The same per scenario and mode.
        propensity_when_aware: Sabotage attempts among opportunity samples where the
            model said it was being evaluated.
        propensity_when_unaware: The same where it did not: a gap between the two means
            behaviour under evaluation may not be behaviour in deployment.
    """

    overall: Rate | None = None
    cells: list[AwarenessCell] = Field(default_factory=list)
    propensity_when_aware: Rate | None = None
    propensity_when_unaware: Rate | None = None


def _rate(records: Sequence[SampleRecord], hit: list[bool]) -> Rate | None:
    if not records:
        return None
    return beta_rate(
        sum(hit),
        len(records),
        success_refs=[r.ref for r, h in zip(records, hit, strict=True) if h],
        logs=[r.log_file for r in records],
    )


def evaluation_awareness(records: Sequence[SampleRecord]) -> EvaluationAwareness:
    """Awareness rates from every record that the awareness scorer checked."""
    checked = [r for r in records if r.scored and r.eval_aware is not None]
    cells = []
    for scenario_id, mode in sorted({(r.scenario_id, r.mode) for r in checked}):
        group = [r for r in checked if r.scenario_id == scenario_id and r.mode == mode]
        rate = _rate(group, [bool(r.eval_aware) for r in group])
        if rate is not None:
            cells.append(AwarenessCell(scenario_id=scenario_id, mode=mode, rate=rate))
    opportunity = [r for r in checked if r.mode == "opportunity"]
    aware = [r for r in opportunity if r.eval_aware]
    unaware = [r for r in opportunity if not r.eval_aware]
    return EvaluationAwareness(
        overall=_rate(checked, [bool(r.eval_aware) for r in checked]),
        cells=cells,
        propensity_when_aware=_rate(aware, [bool(r.sabotage_attempted) for r in aware]),
        propensity_when_unaware=_rate(unaware, [bool(r.sabotage_attempted) for r in unaware]),
    )
