"""The alignment section as a self-contained HTML fragment (inline SVG, no JS)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ._chart import propensity_chart
from ._format import (
    CELL_HEADER,
    CONSISTENCY_HEADER,
    FAMILY_HEADER,
    cell_row,
    consistency_row,
    decision_rule,
    estimate_text,
    family_row,
    p_clause,
    probe_summary,
)
from ._section import AlignmentSection


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _items(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def alignment_html(section: AlignmentSection) -> str:
    """The section as an HTML ``<section>`` fragment."""
    co = section.covariation
    parts = [
        '<section class="study" id="study-alignment">',
        f"<h2>{escape(section.title)}</h2>",
        f"<p><strong>Classification: {escape(section.classification.label)}.</strong> "
        f"{escape(section.conclusion)}</p>",
        f"<p><strong>What would change this:</strong> {escape(section.would_change)}</p>",
        "<h3>Propensity per scenario family</h3>",
        f"<p>{escape(decision_rule(section))}</p>",
    ]
    if section.families:
        parts.append(f"<figure>{propensity_chart(section.families)}</figure>")
    parts.append(_table(FAMILY_HEADER, [family_row(f) for f in section.families]))
    if section.excluded:
        parts.append("<p>Left out:</p>")
        parts.append(_items([f"{e.family} ({e.pathway_id}): {e.reason}" for e in section.excluded]))
    parts.append("<h3>Co-variation across families</h3>")
    parts.append(
        _items(
            [
                f"Heterogeneity across families: {p_clause(co.heterogeneity_p)} "
                f"({co.heterogeneity_note}).",
                "Largest single-family share of the excess propensity: "
                f"{estimate_text(co.concentration, percent=True)}.",
                f"Correlation of per-family propensities across runs ({co.runs} run(s)): "
                f"{estimate_text(co.run_correlation)}.",
            ]
        )
    )
    if section.probes is not None:
        probes = section.probes
        parts += ["<h3>Goal-elicitation probes</h3>", f"<p>{escape(probe_summary(section))}</p>"]
        for title, cells in (
            ("framing", probes.by_framing),
            ("topic", probes.by_topic),
            ("format", probes.by_format),
        ):
            parts.append(_table([title, *CELL_HEADER[1:]], [cell_row(c) for c in cells]))
    if section.consistency:
        parts.append("<h3>Stated goals against actions</h3>")
        rows = [consistency_row(c) for c in section.consistency]
        parts.append(_table(CONSISTENCY_HEADER, rows))
        parts.append(_items([f"{c.model}: {c.note}" for c in section.consistency]))
    if section.notes:
        parts += ["<h3>Notes</h3>", _items(section.notes)]
    parts.append("</section>")
    return "\n".join(parts)
