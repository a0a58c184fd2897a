"""Render the control section as Markdown (tables; the HTML rendering adds charts)."""

from __future__ import annotations

from collections.abc import Sequence

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
from ._section import ControlSection

TITLE = "AI control: monitoring and protocols"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Lines of a Markdown table (pipes in cells escaped)."""
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def control_markdown(section: ControlSection) -> str:
    """The control section as Markdown, starting at heading level 2."""
    lines = [f"## {TITLE}", "", summary_text(section), ""]
    if section.reason:
        return "\n".join([*lines, f"Not measured: {section.reason}.", ""])
    budget = section.options.audit_budget
    lines += ["### Monitor detection", ""]
    lines += markdown_table(
        DETECTION_HEADER, [detection_cells(m) for m in shown_detection(section)]
    )
    lines += [DETECTION_NOTE, ""]
    lines += [
        "### Control protocols",
        "",
        f"At a {budget:.1%} audit budget and a {section.options.defer_fraction:.0%} defer "
        f"fraction; P(blue team wins) is over {section.options.deployment_tasks} tasks.",
        "",
    ]
    lines += markdown_table(PROTOCOL_HEADER, [protocol_cells(p) for p in section.protocols])
    by_defer, by_budget = curve_rows(section)
    lines += ["### Safety against usefulness", "", f"All pathways, audit budget {budget:.1%}.", ""]
    lines += markdown_table(DEFER_HEADER, by_defer)
    lines += ["### Safety against audit budget", "", "All pathways.", ""]
    lines += markdown_table(BUDGET_HEADER, by_budget)
    lines += ["### Method", ""]
    for paragraph in section.notes:
        lines += [paragraph, ""]
    return "\n".join(lines)
