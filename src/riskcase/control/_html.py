"""Render the control section as a self-contained HTML fragment (tables and inline SVG)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ._charts import roc_chart, safety_budget_chart, safety_usefulness_chart
from ._format import (
    BUDGET_HEADER,
    DEFER_HEADER,
    DETECTION_HEADER,
    DETECTION_NOTE,
    PROTOCOL_HEADER,
    curve_rows,
    detection_cells,
    protocol_cells,
    shown_detection,
    summary_text,
)
from ._markdown import TITLE
from ._section import ControlSection


def html_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """An HTML table with every cell escaped."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _roc_charts(section: ControlSection) -> list[str]:
    positives = section.options.positives[0] if section.options.positives else "successful"
    shown = [m for m in section.detection if m.positives == positives]
    by_monitor = [m for m in shown if m.pathway_id is None]
    by_pathway = [m for m in shown if m.monitor == section.monitor and m.pathway_id is not None]
    charts = []
    if any(m.roc for m in by_monitor):
        charts.append(roc_chart("ROC curves per monitor, all pathways", by_monitor))
    if any(m.roc for m in by_pathway):
        charts.append(
            roc_chart(f"ROC curves of {section.monitor} per pathway", by_pathway, "pathway")
        )
    return charts


def control_html(section: ControlSection) -> str:
    """The control section as an HTML ``<section>`` fragment with inline SVG charts."""
    parts = [
        f"<section class='control' id='control'><h2>{escape(TITLE)}</h2>",
        f"<p>{escape(summary_text(section))}</p>",
    ]
    if section.reason:
        parts.append(f"<p><strong>Not measured:</strong> {escape(section.reason)}.</p></section>")
        return "".join(parts)
    budget = section.options.audit_budget
    by_defer, by_budget = curve_rows(section)
    parts += [
        "<h3>Monitor detection</h3>",
        f"<div class='charts'>{''.join(_roc_charts(section))}</div>",
        html_table(DETECTION_HEADER, [detection_cells(m) for m in shown_detection(section)]),
        f"<p class='muted'>{escape(DETECTION_NOTE)}</p>",
        "<h3>Control protocols</h3>",
        f"<p>At a {budget:.1%} audit budget and a {section.options.defer_fraction:.0%} defer "
        f"fraction; P(blue team wins) is over {section.options.deployment_tasks} tasks.</p>",
        html_table(PROTOCOL_HEADER, [protocol_cells(p) for p in section.protocols]),
        "<div class='charts'>",
        safety_usefulness_chart(section.safety_usefulness),
        safety_budget_chart(section.safety_budget, section.options.budget_sweep),
        "</div>",
        "<details><summary>Curve points</summary>",
        html_table(DEFER_HEADER, by_defer),
        html_table(BUDGET_HEADER, by_budget),
        "</details>",
        "<h3>Method</h3>",
        *(f"<p>{escape(p)}</p>" for p in section.notes),
        "</section>",
    ]
    return "".join(parts)
