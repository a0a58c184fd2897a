"""Inline SVG chart of the study (no scripts, no external files)."""

from __future__ import annotations

from html import escape

from ._section import ModelManipulation

INCENTIVE_COLOUR = "#b5482f"
BASELINE_COLOUR = "#6b7a8f"
DIFFERENCE_COLOUR = "#2b5c8a"


def manipulation_chart(result: ModelManipulation) -> str:
    """Two panels per measure: both rates on [0, 1], and the paired difference on [-1, 1].

    Dots are posterior means (rates) or the paired estimate (difference); bars are the
    credible intervals. The dashed line marks no effect of the incentive.
    """
    width, label_w, panel_w, gap, row_h = 740, 190, 230, 40, 30
    height = row_h * (len(result.measures) + 1) + 30
    rates_x, diff_x = label_w, label_w + panel_w + gap
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        f'aria-label="Manipulation rates and paired differences for {escape(result.model)}">',
        f'<text x="{rates_x}" y="14" font-size="12">rate (red: incentive, grey: baseline)</text>',
        f'<text x="{diff_x}" y="14" font-size="12">paired difference, incentive − baseline</text>',
    ]
    bottom = height - 22
    for tick in (0.0, 0.5, 1.0):
        x = rates_x + tick * panel_w
        parts.append(_grid(x, bottom, f"{tick:g}"))
    for tick in (-1.0, -0.5, 0.0, 0.5, 1.0):
        x = diff_x + (tick + 1) / 2 * panel_w
        parts.append(_grid(x, bottom, f"{tick:g}", dashed=tick == 0.0))
    for index, measure in enumerate(result.measures):
        y = 34 + index * row_h
        parts.append(
            f'<text x="{label_w - 10}" y="{y + 4}" font-size="12" text-anchor="end">'
            f"{escape(measure.label)}</text>"
        )
        for offset, rate, colour, name in (
            (-5, measure.incentive, INCENTIVE_COLOUR, "incentive"),
            (5, measure.baseline, BASELINE_COLOUR, "baseline"),
        ):
            xs = [rates_x + v * panel_w for v in (rate.lo, rate.hi, rate.mean)]
            parts.append(
                _interval(xs[0], xs[1], xs[2], y + offset, colour, f"{name}: {rate.summary()}")
            )
        xs = [diff_x + (v + 1) / 2 * panel_w for v in (measure.lo, measure.hi, measure.difference)]
        title = f"difference {measure.difference:+.2f} [{measure.lo:+.2f}, {measure.hi:+.2f}]"
        parts.append(_interval(xs[0], xs[1], xs[2], y, DIFFERENCE_COLOUR, title))
    parts.append("</svg>")
    return "".join(parts)


def _grid(x: float, bottom: float, label: str, dashed: bool = False) -> str:
    style = ' stroke-dasharray="4 3" stroke="#888"' if dashed else ' stroke="#ddd"'
    return (
        f'<line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="{bottom:.1f}"{style}/>'
        f'<text x="{x:.1f}" y="{bottom + 14:.1f}" font-size="11" text-anchor="middle">'
        f"{label}</text>"
    )


def _interval(lo: float, hi: float, mid: float, y: float, colour: str, title: str) -> str:
    return (
        f'<line x1="{lo:.1f}" y1="{y}" x2="{hi:.1f}" y2="{y}" stroke="{colour}" '
        'stroke-width="3"/>'
        f'<circle cx="{mid:.1f}" cy="{y}" r="4.5" fill="{colour}">'
        f"<title>{escape(title)}</title></circle>"
    )
