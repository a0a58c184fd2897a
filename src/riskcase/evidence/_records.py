"""Tidy per-sample records read from riskcase's Inspect logs."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from inspect_ai.log import EvalLog, EvalSample

from riskcase.monitors import AWARENESS_SCORER
from riskcase.scenarios import (
    CHECKER_SCORER,
    MAIN_TASK_SCORE,
    MAIN_TASK_SUCCESS,
    MODE,
    PATHWAY_ID,
    SABOTAGE_ATTEMPTED,
    SCENARIO_ID,
    SIDE_TASK_SUCCESS,
)


@dataclass(frozen=True)
class SampleRecord:
    """One scored sample: where it came from, what the checker found, what monitors said.

    Attributes:
        log_file: Path of the `.eval` log that holds the sample.
        task: Inspect task name.
        model: The model under assessment.
        sample_id: Inspect sample id.
        epoch: Epoch of the sample.
        scenario_id: Scenario that produced it.
        pathway_id: Pathway it gives evidence for.
        mode: ``honest``, ``attack`` or ``opportunity``.
        main_task_success: Checker's verdict (None when the sample was not scored).
        side_task_success: Checker's verdict (None when not scored).
        sabotage_attempted: Checker's verdict (None when not scored).
        suspicion: Monitor name -> suspicion in [0, 1] (monitors that failed are absent).
        eval_aware: Whether the model said it was being evaluated (None: not scored).
        error: The sample's error message, if it failed.
        main_task_score: Graded main-task quality in [0, 1], where the scenario grades it.
    """

    log_file: str
    task: str
    model: str
    sample_id: str
    epoch: int
    scenario_id: str
    pathway_id: str
    mode: str
    main_task_success: bool | None
    side_task_success: bool | None
    sabotage_attempted: bool | None
    suspicion: dict[str, float] = field(default_factory=dict)
    eval_aware: bool | None = None
    error: str | None = None
    main_task_score: float | None = None

    @property
    def scored(self) -> bool:
        """Whether the checker produced a verdict for this sample."""
        return self.error is None and self.sabotage_attempted is not None

    @property
    def ref(self) -> str:
        """A short reference a reader can look up in `inspect view` (``task:id#epoch``)."""
        return f"{self.task}:{self.sample_id}#{self.epoch}"


def _flag(value: Any) -> bool | None:
    if isinstance(value, int | float) and not math.isnan(value):
        return value >= 0.5
    return None


def _fraction(value: Any) -> float | None:
    if isinstance(value, int | float) and not math.isnan(value) and 0 <= value <= 1:
        return float(value)
    return None


def _suspicion(sample: EvalSample) -> dict[str, float]:
    scores: dict[str, float] = {}
    for name, score in (sample.scores or {}).items():
        if name == CHECKER_SCORER or not name.endswith("monitor"):
            continue
        value = score.value
        if isinstance(value, int | float) and not math.isnan(value) and 0 <= value <= 1:
            scores[name] = float(value)
    return scores


def sample_record(log: EvalLog, sample: EvalSample) -> SampleRecord | None:
    """The record of one sample, or None when the sample is not a riskcase sample."""
    metadata = sample.metadata or {}
    if SCENARIO_ID not in metadata or MODE not in metadata:
        return None
    checker = (sample.scores or {}).get(CHECKER_SCORER)
    awareness = (sample.scores or {}).get(AWARENESS_SCORER)
    outcome = checker.value if checker is not None and isinstance(checker.value, dict) else {}
    return SampleRecord(
        log_file=log.location,
        task=log.eval.task,
        model=log.eval.model,
        sample_id=str(sample.id),
        epoch=sample.epoch,
        scenario_id=str(metadata[SCENARIO_ID]),
        pathway_id=str(metadata.get(PATHWAY_ID, "")),
        mode=str(metadata[MODE]),
        main_task_success=_flag(outcome.get(MAIN_TASK_SUCCESS)),
        side_task_success=_flag(outcome.get(SIDE_TASK_SUCCESS)),
        sabotage_attempted=_flag(outcome.get(SABOTAGE_ATTEMPTED)),
        suspicion=_suspicion(sample),
        eval_aware=_flag(awareness.value) if awareness is not None else None,
        error=sample.error.message if sample.error is not None else None,
        main_task_score=_fraction(outcome.get(MAIN_TASK_SCORE)),
    )
