"""Reading a monitor's suspicion out of an Inspect `Score`."""

from __future__ import annotations

import math

from inspect_ai.scorer import Score


def monitor_score_value(score: Score | None) -> float | None:
    """A monitor score's suspicion in [0, 1], or None when the monitor gave none.

    None for a missing score, an unscored one (value NaN, e.g. the LLM monitor's output
    could not be parsed) or a non-numeric value. Downstream code should treat None as
    missing, never as "not suspicious".
    """
    if score is None:
        return None
    value = score.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    result = float(value)
    return None if math.isnan(result) else result
