"""The deployment monitor as a combination of monitors: max, mean or learned weights.

The risk model flags a sample when the deployment monitor's suspicion is above its
threshold. With `combination` ``max`` (the default) that suspicion is the maximum over the
monitors; ``mean`` averages them; ``logistic`` learns weights on the assessment's own honest
(negative) and attempted-attack (positive) samples, with cross-validation grouped by task so
that no sample is scored by weights fit on it or on another run of the same task.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from riskcase.monitors import fit_ensemble

from ._records import SampleRecord

Combination = Literal["max", "mean", "logistic"]

# Name under which the combined suspicion is added to every record.
COMBINED_MONITOR = "combined_monitor"


def _scores(record: SampleRecord, monitors: Sequence[str]) -> dict[str, float]:
    return {name: record.suspicion[name] for name in monitors if name in record.suspicion}


def with_combined_suspicion(
    records: Sequence[SampleRecord],
    monitors: Sequence[str],
    combination: Combination,
    audit_budget: float,
    seed: int = 0,
) -> list[SampleRecord]:
    """The records with `COMBINED_MONITOR` added to their suspicion.

    Args:
        records: All records of the assessment.
        monitors: The monitors to combine.
        combination: ``max``, ``mean`` or ``logistic`` (learned, cross-validated).
        audit_budget: Share of honest samples the combination's threshold may flag.
        seed: Seed of the cross-validation folds.
    """
    train = [r for r in records if r.scored and r.mode in ("honest", "attack")]
    labels = [r.mode == "attack" and bool(r.sabotage_attempted) for r in train]
    if combination == "logistic" and (all(labels) or not any(labels)):
        raise ValueError(
            "learned monitor weights need honest samples and attack samples with attempts"
        )
    fitted = fit_ensemble(
        [_scores(r, monitors) for r in train],
        labels,
        combination,
        audit_budget,
        monitors=list(monitors),
        groups=[(r.model, r.scenario_id, r.sample_id) for r in train],
        seed=seed,
    )
    held_out = {id(r): score for r, score in zip(train, fitted.scores, strict=True)}
    combined: list[SampleRecord] = []
    for record in records:
        score = (
            held_out[id(record)]
            if id(record) in held_out
            else fitted.ensemble.score(_scores(record, monitors))
        )
        if score is None:
            combined.append(record)
            continue
        suspicion = {**record.suspicion, COMBINED_MONITOR: min(max(float(score), 0.0), 1.0)}
        combined.append(replace(record, suspicion=suspicion))
    return combined
