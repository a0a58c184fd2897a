"""Audit thresholds set on honest scores, vectorised for the bootstrap."""

from __future__ import annotations

import math

import numpy as np

# Tolerance for the float product fraction * n, as in `riskcase.monitors.calibrate_threshold`.
_EPSILON = 1e-9


def honest_threshold(scores: np.ndarray, fraction: float) -> float | None:
    """The threshold at most `fraction` of the present honest `scores` exceed (None: none).

    The same value as `riskcase.monitors.calibrate_threshold` (the smallest honest score with
    at most floor(fraction * n) scores above it), computed with numpy because the bootstrap
    sets thousands of thresholds.
    """
    present = np.sort(scores[~np.isnan(scores)])
    if present.size == 0:
        return None
    allowed = math.floor(fraction * present.size + _EPSILON)
    return float(present[max(0, present.size - 1 - allowed)])
