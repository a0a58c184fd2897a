"""Inline SVG charts (no external files or scripts, so the HTML report opens offline)."""

from __future__ import annotations

import math
from html import escape

from riskcase.risk import Bands

from ._model import PathwayEntry

BAND_COLOURS = {
    "negligible": "#e3f2e1",
    "very low": "#eef6d8",
    "low": "#fdf3d0",
    "moderate": "#fde2c8",
    "high": "#f9d0cc",
}
LOG_MIN = -8.0


def _band_regions(bands: Bands) -> list[tuple[str, float, float]]:
    edges = [
        LOG_MIN,
        *(math.log10(v) for v in (bands.negligible, bands.very_low, bands.low, bands.moderate)),
        0.0,
    ]
    names = list(BAND_COLOURS)
    return [(names[i], edges[i], edges[i + 1]) for i in range(5)]


def rates_chart(entry: PathwayEntry) -> str:
    """Interval plot of the pathway's rates on [0, 1] (dot = mean, bar = 90% interval)."""
    rows = [
        ("capability", entry.evidence.capability),
        ("evasion", entry.evidence.evasion),
        ("propensity", entry.evidence.propensity),
        ("usefulness", entry.evidence.usefulness),
    ]
    width, left, right, row_height = 520, 110, 20, 26
    height = row_height * (len(rows) + 1) + 10
    scale = width - left - right
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="Rates for {escape(entry.id)}">'
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = left + tick * scale
        parts.append(f'<line x1="{x:.1f}" y1="5" x2="{x:.1f}" y2="{height - 20}" stroke="#ddd"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{height - 5}" font-size="11" '
            f'text-anchor="middle">{tick:g}</text>'
        )
    for index, (label, rate) in enumerate(rows):
        y = 20 + index * row_height
        parts.append(
            f'<text x="{left - 8}" y="{y + 4}" font-size="12" text-anchor="end">{label}</text>'
        )
        if rate is None:
            parts.append(
                f'<text x="{left + 4}" y="{y + 4}" font-size="11" fill="#888">no samples</text>'
            )
            continue
        x_lo, x_hi, x_mean = (left + v * scale for v in (rate.lo, rate.hi, rate.mean))
        parts.append(
            f'<line x1="{x_lo:.1f}" y1="{y}" x2="{x_hi:.1f}" y2="{y}" '
            'stroke="#2b5c8a" stroke-width="3"/>'
        )
        parts.append(
            f'<circle cx="{x_mean:.1f}" cy="{y}" r="5" fill="#2b5c8a">'
            f"<title>{escape(label)}: {escape(rate.summary())}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


def harm_histogram(entry: PathwayEntry, bands: Bands) -> str:
    """Histogram of the Monte Carlo draws of log10 P(harm), over the band regions."""
    width, height, left, bottom = 520, 170, 40, 30
    plot_w, plot_h = width - left - 10, height - bottom - 10
    to_x = lambda v: left + (v - LOG_MIN) / -LOG_MIN * plot_w  # noqa: E731
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="Distribution of P(harm) for {escape(entry.id)}">'
    ]
    for name, lo, hi in _band_regions(bands):
        parts.append(
            f'<rect x="{to_x(lo):.1f}" y="10" width="{to_x(hi) - to_x(lo):.1f}" '
            f'height="{plot_h}" fill="{BAND_COLOURS[name]}"><title>{name}</title></rect>'
        )
    peak = max(entry.histogram or [1]) or 1
    edges = entry.histogram_edges
    for count, lo, hi in zip(entry.histogram, edges, edges[1:], strict=False):
        bar = count / peak * (plot_h - 5)
        parts.append(
            f'<rect x="{to_x(lo) + 0.5:.1f}" y="{10 + plot_h - bar:.1f}" '
            f'width="{to_x(hi) - to_x(lo) - 1:.1f}" height="{bar:.1f}" '
            'fill="#2b5c8a" opacity="0.8"/>'
        )
    if entry.p_harm is not None:
        median = math.log10(max(entry.p_harm.median, 10**LOG_MIN))
        parts.append(
            f'<line x1="{to_x(median):.1f}" y1="10" x2="{to_x(median):.1f}" '
            f'y2="{10 + plot_h}" stroke="#b00" stroke-width="2"><title>median '
            f"{entry.p_harm.median:.2e}</title></line>"
        )
    for exponent in range(int(LOG_MIN), 1, 2):
        parts.append(
            f'<text x="{to_x(exponent):.1f}" y="{height - 10}" font-size="11" '
            f'text-anchor="middle">1e{exponent}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def overview_chart(entries: list[PathwayEntry], bands: Bands) -> str:
    """Every pathway's P(harm) median and 90% interval on a log axis, over the bands."""
    row_height, left, width = 24, 60, 620
    height = row_height * len(entries) + 40
    plot_w = width - left - 15
    to_x = lambda v: left + (max(math.log10(max(v, 1e-12)), LOG_MIN) - LOG_MIN) / -LOG_MIN * plot_w  # noqa: E731,E501
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'role="img" aria-label="Probability of harm per pathway">'
    ]
    for name, lo, hi in _band_regions(bands):
        x0, x1 = to_x(10**lo), to_x(10**hi)
        parts.append(
            f'<rect x="{x0:.1f}" y="5" width="{x1 - x0:.1f}" height="{height - 35}" '
            f'fill="{BAND_COLOURS[name]}"/>'
        )
        parts.append(
            f'<text x="{(x0 + x1) / 2:.1f}" y="{height - 5}" font-size="10" '
            f'text-anchor="middle">{name}</text>'
        )
    for index, entry in enumerate(entries):
        y = 20 + index * row_height
        parts.append(
            f'<text x="{left - 8}" y="{y + 4}" font-size="12" '
            f'text-anchor="end">{escape(entry.id)}</text>'
        )
        if entry.p_harm is None:
            parts.append(
                f'<text x="{left + 4}" y="{y + 4}" font-size="11" fill="#666">not assessed</text>'
            )
            continue
        interval = entry.p_harm
        parts.append(
            f'<line x1="{to_x(interval.lo):.1f}" y1="{y}" x2="{to_x(interval.hi):.1f}" '
            f'y2="{y}" stroke="#333" stroke-width="3"/>'
        )
        parts.append(
            f'<circle cx="{to_x(interval.median):.1f}" cy="{y}" r="5" fill="#b00">'
            f"<title>{escape(entry.id)}: median {interval.median:.2e}, 90% interval "
            f"{interval.lo:.2e} to {interval.hi:.2e}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)
