"""Inline SVG charts of the control section (no scripts or external files), in the report's style."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

from ._detection import DetectionMetrics
from ._evaluate import ProtocolResult
from ._protocols import PROTOCOL_TITLES
from ._section import ProtocolCurve

COLOURS = ("#2b5c8a", "#b00", "#e08a00", "#3a8a3a", "#7a4fa0", "#666", "#0a8a8a", "#a0522d")
_WIDTH, _HEIGHT, _LEFT, _TOP, _RIGHT, _BOTTOM = 540, 300, 50, 12, 170, 42
# Series with more points than this are drawn as lines only (ROC curves of large samples).
_MARKED_POINTS = 40
_LEGEND_CHARS = 26


@dataclass(frozen=True)
class Series:
    """One line of an xy chart.

    Attributes:
        label: Legend text.
        points: (x, y) in data units, drawn joined in order.
        whiskers: (x, lo, hi) vertical interval bars.
        tips: Tooltip per point (same length as `points`, or empty).
    """

    label: str
    points: list[tuple[float, float]]
    whiskers: list[tuple[float, float, float]] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)


def _axis_x(log: bool, lo: float, hi: float) -> Callable[[float], float]:
    width = _WIDTH - _LEFT - _RIGHT
    if log:
        a, b = math.log10(lo), math.log10(hi)
        return lambda v: _LEFT + (math.log10(min(max(v, lo), hi)) - a) / (b - a) * width
    return lambda v: _LEFT + (v - lo) / (hi - lo) * width


def xy_chart(
    title: str,
    series: Sequence[Series],
    x_label: str,
    y_label: str,
    *,
    x_ticks: Sequence[float] = (0, 0.25, 0.5, 0.75, 1.0),
    log_x: bool = False,
    diagonal: bool = False,
) -> str:
    """A line chart on y in [0, 1] with a legend at the right.

    Args:
        title: Accessible name of the chart.
        series: Lines to draw (at most eight colours, reused after).
        x_label / y_label: Axis titles.
        x_ticks: Tick values on x; their range is the x range.
        log_x: Logarithmic x axis.
        diagonal: Draw the chance line y = x (ROC charts).
    """
    to_x = _axis_x(log_x, min(x_ticks), max(x_ticks))
    plot_h = _HEIGHT - _TOP - _BOTTOM

    def to_y(value: float) -> float:
        return _TOP + (1 - value) * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_WIDTH}" height="{_HEIGHT}" '
        f'role="img" aria-label="{escape(title)}">'
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        y = to_y(tick)
        parts.append(
            f'<line x1="{_LEFT}" y1="{y:.1f}" x2="{to_x(max(x_ticks)):.1f}" y2="{y:.1f}" '
            'stroke="#ddd"/>'
            f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">'
            f"{tick:g}</text>"
        )
    for tick in x_ticks:
        x = to_x(tick)
        parts.append(
            f'<line x1="{x:.1f}" y1="{_TOP}" x2="{x:.1f}" y2="{_TOP + plot_h}" stroke="#eee"/>'
            f'<text x="{x:.1f}" y="{_TOP + plot_h + 15}" font-size="11" '
            f'text-anchor="middle">{tick:g}</text>'
        )
    centre_x = (_LEFT + to_x(max(x_ticks))) / 2
    parts.append(
        f'<text x="{centre_x:.1f}" y="{_HEIGHT - 6}" font-size="12" '
        f'text-anchor="middle">{escape(x_label)}</text>'
        f'<text x="12" y="{_TOP + plot_h / 2:.1f}" font-size="12" text-anchor="middle" '
        f'transform="rotate(-90 12 {_TOP + plot_h / 2:.1f})">{escape(y_label)}</text>'
    )
    if diagonal:
        lo, hi = min(x_ticks), max(x_ticks)
        parts.append(
            f'<line x1="{to_x(lo):.1f}" y1="{to_y(0):.1f}" x2="{to_x(hi):.1f}" '
            f'y2="{to_y(1):.1f}" stroke="#999" stroke-dasharray="4 3"/>'
        )
    for index, line in enumerate(series):
        colour = COLOURS[index % len(COLOURS)]
        for x, lo, hi in line.whiskers:
            parts.append(
                f'<line x1="{to_x(x):.1f}" y1="{to_y(lo):.1f}" x2="{to_x(x):.1f}" '
                f'y2="{to_y(hi):.1f}" stroke="{colour}" stroke-width="1.5" opacity="0.5"/>'
            )
        if len(line.points) > 1:
            path = " ".join(f"{to_x(x):.1f},{to_y(y):.1f}" for x, y in line.points)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        tips = line.tips or [""] * len(line.points)
        marked = len(line.points) <= _MARKED_POINTS
        for (x, y), tip in zip(line.points if marked else [], tips, strict=False):
            label = escape(f"{line.label}: {tip}" if tip else line.label)
            parts.append(
                f'<circle cx="{to_x(x):.1f}" cy="{to_y(y):.1f}" r="3.5" fill="{colour}">'
                f"<title>{label}</title></circle>"
            )
        legend_y = _TOP + 10 + index * 18
        legend_x = _WIDTH - _RIGHT + 12
        short = line.label
        if len(short) > _LEGEND_CHARS:
            short = short[: _LEGEND_CHARS - 1] + "…"
        parts.append(
            f'<rect x="{legend_x}" y="{legend_y - 8}" width="12" height="10" fill="{colour}"/>'
            f'<text x="{legend_x + 17}" y="{legend_y + 1}" font-size="11">'
            f"<title>{escape(line.label)}</title>{escape(short)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def roc_chart(title: str, metrics: Sequence[DetectionMetrics], label: str = "monitor") -> str:
    """ROC curves of several detection results (one line each), with the chance line.

    Args:
        title: Accessible name of the chart.
        metrics: Results with a ROC curve (others are left out).
        label: ``monitor`` or ``pathway``: what tells the lines apart in the legend.
    """
    series = []
    for item in metrics:
        if not item.roc:
            continue
        name = item.monitor if label == "monitor" else item.pathway_id or "all"
        area = f" AUROC {item.auroc.value:.2f}" if item.auroc is not None else ""
        series.append(
            Series(
                label=f"{name}{area}",
                points=[(p.fpr, p.tpr) for p in item.roc],
                tips=[
                    f"above {p.threshold:g}: FPR {p.fpr:.2f}, TPR {p.tpr:.2f}"
                    if p.threshold is not None
                    else "everything flagged"
                    for p in item.roc
                ],
            )
        )
    return xy_chart(title, series, "false-positive rate", "true-positive rate", diagonal=True)


def _curve_series(
    curve: ProtocolCurve, x_of: Callable[[ProtocolResult], float | None], varied: str
) -> Series:
    points: list[tuple[float, float]] = []
    whiskers: list[tuple[float, float, float]] = []
    tips: list[str] = []
    for point in curve.points:
        x = x_of(point)
        if point.safety is None or x is None:
            continue
        points.append((x, point.safety.value))
        whiskers.append((x, point.safety.lo, point.safety.hi))
        setting = point.defer_fraction if varied == "defer" else point.audit_budget
        tips.append(f"{varied} {setting:g}: safety {point.safety.summary()}")
    return Series(PROTOCOL_TITLES[curve.protocol], points, whiskers, tips)


def safety_usefulness_chart(curves: Sequence[ProtocolCurve]) -> str:
    """Safety against usefulness as the defer fraction varies (bars: safety intervals)."""
    series = [
        _curve_series(c, lambda p: p.usefulness.value if p.usefulness else None, "defer")
        for c in curves
    ]
    return xy_chart("Safety against usefulness", series, "usefulness", "safety")


def safety_budget_chart(curves: Sequence[ProtocolCurve], budgets: Sequence[float]) -> str:
    """Safety against the audit budget on a log axis (bars: safety intervals)."""
    series = [_curve_series(c, lambda p: p.audit_budget, "budget") for c in curves]
    ticks = sorted({b for b in budgets if b > 0}) or [0.01, 1.0]
    return xy_chart(
        "Safety against audit budget", series, "audit budget", "safety", x_ticks=ticks, log_x=True
    )
