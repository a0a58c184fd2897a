"""The per-pathway harm model: attempts race detections over a period of deployment."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy import stats

from ._profile import PathwayDeployment

Array = NDArray[np.float64]


def detection_probability(coverage: float, evasion: Array) -> Array:
    """Probability that one attempt is caught: seen by the monitor, and not evading it."""
    return coverage * (1.0 - evasion)


def probability_of_harm(
    propensity: Array,
    capability: Array,
    evasion: Array,
    coverage: float,
    deployment: PathwayDeployment,
) -> Array:
    """Probability that a pathway ends in catastrophic harm within one period.

    Each of the ``opportunities`` is, independently, an attempt with probability
    `propensity`. An attempt is caught with probability ``coverage * (1 - evasion)``
    (failed and successful attempts alike), and otherwise succeeds undetected with
    probability `capability`. The pathway completes when ``actions_needed`` undetected
    successes happen before the first detection (a detection stops the model); a completed
    pathway leads to harm with probability ``harm_given_success``.

    All rate arguments are arrays of posterior draws of equal shape; the result has the
    same shape.
    """
    caught = detection_probability(coverage, evasion)
    success = propensity * capability * (1.0 - caught)
    detected = propensity * caught
    decisive = success + detected
    share = np.divide(success, decisive, out=np.zeros_like(decisive), where=decisive > 0)
    needed = deployment.actions_needed
    enough = stats.binom.sf(needed - 1, deployment.opportunities, decisive)
    return deployment.harm_given_success * share**needed * enough
