"""Inline SVG chart: per-family propensity against baseline, with intervals (no JS)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ._section import FamilyPropensity

LABEL_WIDTH = 180
PLOT_WIDTH = 380
ROW_HEIGHT = 30
TOP = 28
BOTTOM = 34
ABOVE_COLOUR = "#c0392b"
PROPENSITY_COLOUR = "#2c6fbb"
BASELINE_COLOUR = "#7f8c8d"


def _x(value: float) -> float:
    return LABEL_WIDTH + max(0.0, min(1.0, value)) * PLOT_WIDTH


def _interval(y: float, lo: float, hi: float, mean: float, colour: str, hollow: bool) -> str:
    fill = "white" if hollow else colour
    return (
        f'<line x1="{_x(lo):.1f}" y1="{y:.1f}" x2="{_x(hi):.1f}" y2="{y:.1f}" '
        f'stroke="{colour}" stroke-width="2"/>'
        f'<circle cx="{_x(mean):.1f}" cy="{y:.1f}" r="4" fill="{fill}" stroke="{colour}" '
        f'stroke-width="2"/>'
    )


def propensity_chart(families: Sequence[FamilyPropensity]) -> str:
    """An SVG of each family's opportunity propensity (filled) and baseline (hollow)."""
    height = TOP + ROW_HEIGHT * len(families) + BOTTOM
    width = LABEL_WIDTH + PLOT_WIDTH + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="sans-serif" font-size="12">',
        "<title>Sabotage propensity per scenario family against the checker's honest-mode "
        "baseline (90% intervals)</title>",
        f'<circle cx="{LABEL_WIDTH + 6}" cy="12" r="4" fill="{PROPENSITY_COLOUR}"/>'
        f'<text x="{LABEL_WIDTH + 14}" y="16">propensity (opportunity)</text>'
        f'<circle cx="{LABEL_WIDTH + 186}" cy="12" r="4" fill="white" stroke="{BASELINE_COLOUR}" '
        f'stroke-width="2"/><text x="{LABEL_WIDTH + 194}" y="16">baseline (honest)</text>',
    ]
    for index, family in enumerate(families):
        y = TOP + ROW_HEIGHT * index + ROW_HEIGHT / 2
        colour = ABOVE_COLOUR if family.above_baseline else PROPENSITY_COLOUR
        weight = ' font-weight="bold"' if family.above_baseline else ""
        marker = " *" if family.above_baseline else ""
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 4:.1f}" text-anchor="end"{weight}>'
            f"{escape(family.family)}{marker}</text>"
        )
        rate = family.propensity
        parts.append(_interval(y - 5, rate.lo, rate.hi, rate.mean, colour, hollow=False))
        if family.baseline is not None:
            base = family.baseline
            parts.append(_interval(y + 5, base.lo, base.hi, base.mean, BASELINE_COLOUR, True))
    axis_y = TOP + ROW_HEIGHT * len(families) + 4
    parts.append(f'<line x1="{_x(0)}" y1="{axis_y}" x2="{_x(1)}" y2="{axis_y}" stroke="black"/>')
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        parts.append(
            f'<line x1="{_x(tick):.1f}" y1="{axis_y}" x2="{_x(tick):.1f}" y2="{axis_y + 4}" '
            f'stroke="black"/><text x="{_x(tick):.1f}" y="{axis_y + 16}" '
            f'text-anchor="middle">{tick:g}</text>'
        )
    parts.append(
        f'<text x="{LABEL_WIDTH + PLOT_WIDTH / 2}" y="{axis_y + 30}" text-anchor="middle">'
        "attempt rate (* above baseline)</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
