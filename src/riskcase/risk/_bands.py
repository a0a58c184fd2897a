"""Risk bands: words for ranges of the probability of harm."""

from __future__ import annotations

from typing import Literal

from ._profile import Bands

Band = Literal["negligible", "very low", "low", "moderate", "high"]
BAND_ORDER: tuple[Band, ...] = ("negligible", "very low", "low", "moderate", "high")


def band_of(p_harm: float, bands: Bands) -> Band:
    """The band a probability of harm falls in (edges are exclusive upper bounds)."""
    if p_harm < bands.negligible:
        return "negligible"
    if p_harm < bands.very_low:
        return "very low"
    if p_harm < bands.low:
        return "low"
    if p_harm < bands.moderate:
        return "moderate"
    return "high"


def band_rank(band: Band) -> int:
    """Position of a band in increasing order of risk (negligible = 0)."""
    return BAND_ORDER.index(band)
