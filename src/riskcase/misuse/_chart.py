"""Inline SVG bar chart of refusal, partial and full help rates with their intervals."""

from __future__ import annotations

from html import escape

from riskcase.evidence import Rate

from ._section import GroupRates

SERIES = (
    ("refusal", "Refusal", "#9aa5b1"),
    ("partial", "Partial help", "#e08a1e"),
    ("full", "Full help", "#b3261e"),
)


def _bar(rate: Rate, label: str, colour: str, y: float, left: float, scale: float) -> str:
    width = rate.mean * scale
    x_lo, x_hi = left + rate.lo * scale, left + rate.hi * scale
    return (
        f'<rect x="{left}" y="{y:.1f}" width="{width:.1f}" height="8" fill="{colour}">'
        f"<title>{escape(label)}: {escape(rate.summary())}</title></rect>"
        f'<line x1="{x_lo:.1f}" y1="{y + 4:.1f}" x2="{x_hi:.1f}" y2="{y + 4:.1f}" '
        'stroke="#222" stroke-width="1.2"/>'
        f'<line x1="{x_lo:.1f}" y1="{y + 1:.1f}" x2="{x_lo:.1f}" y2="{y + 7:.1f}" stroke="#222"/>'
        f'<line x1="{x_hi:.1f}" y1="{y + 1:.1f}" x2="{x_hi:.1f}" y2="{y + 7:.1f}" stroke="#222"/>'
    )


def outcome_chart(groups: list[GroupRates], caption: str) -> str:
    """Bars of the refusal, partial and full help rates per group, whiskers at the interval.

    Args:
        groups: The groups to draw, one row each (e.g. overall and each technique).
        caption: Accessible label of the chart.
    """
    left, right, row_height, width = 110, 20, 34, 560
    legend_height = 22
    height = legend_height + row_height * len(groups) + 24
    scale = width - left - right
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(caption)}">'
    ]
    for index, (_, label, colour) in enumerate(SERIES):
        x = left + index * 130
        parts.append(f'<rect x="{x}" y="4" width="12" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="13" font-size="11">{label}</text>')
    bottom = height - 20
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = left + tick * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="{legend_height}" x2="{x:.1f}" y2="{bottom}" stroke="#ddd"/>'
            f'<text x="{x:.1f}" y="{height - 6}" font-size="11" text-anchor="middle">'
            f"{tick:.0%}</text>"
        )
    for row, group in enumerate(groups):
        top = legend_height + row * row_height + 3
        parts.append(
            f'<text x="{left - 8}" y="{top + 16}" font-size="12" text-anchor="end">'
            f"{escape(group.key)}</text>"
        )
        for index, (field, label, colour) in enumerate(SERIES):
            rate: Rate = getattr(group.rates, field)
            parts.append(_bar(rate, f"{group.key} {label}", colour, top + index * 9, left, scale))
    parts.append("</svg>")
    return "".join(parts)
