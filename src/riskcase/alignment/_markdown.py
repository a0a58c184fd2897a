"""The alignment section as Markdown."""

from __future__ import annotations

from collections.abc import Sequence

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
from ._section import AlignmentSection, ProbeCell


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return [line(header), "|" + "---|" * len(header), *(line(row) for row in rows)]


def _cells(title: str, cells: Sequence[ProbeCell]) -> list[str]:
    return ["", *_table([title, *CELL_HEADER[1:]], [cell_row(c) for c in cells])]


def alignment_markdown(section: AlignmentSection) -> str:
    """The section as Markdown, starting at heading level 2."""
    co = section.covariation
    lines = [
        f"## {section.title}",
        "",
        f"**Classification: {section.classification.label}.** {section.conclusion}",
        "",
        f"**What would change this:** {section.would_change}",
        "",
        "### Propensity per scenario family",
        "",
        decision_rule(section),
        "",
        *_table(FAMILY_HEADER, [family_row(f) for f in section.families]),
    ]
    if section.excluded:
        lines += ["", "Left out:"]
        lines += [f"- {e.family} ({e.pathway_id}): {e.reason}" for e in section.excluded]
    lines += [
        "",
        "### Co-variation across families",
        "",
        f"- Heterogeneity across families: {p_clause(co.heterogeneity_p)} ({co.heterogeneity_note}).",
        f"- Largest single-family share of the excess propensity: {estimate_text(co.concentration, percent=True)}.",
        f"- Correlation of per-family propensities across runs ({co.runs} run(s)): {estimate_text(co.run_correlation)}.",
    ]
    if section.probes is not None:
        probes = section.probes
        lines += ["", "### Goal-elicitation probes", "", probe_summary(section)]
        lines += _cells("framing", probes.by_framing)
        lines += _cells("topic", probes.by_topic)
        lines += _cells("format", probes.by_format)
    if section.consistency:
        lines += ["", "### Stated goals against actions", ""]
        rows = [consistency_row(c) for c in section.consistency]
        lines += _table(CONSISTENCY_HEADER, rows)
        lines += ["", *(f"- {c.model}: {c.note}" for c in section.consistency)]
    if section.notes:
        lines += ["", "### Notes", "", *(f"- {note}" for note in section.notes)]
    return "\n".join(lines) + "\n"
