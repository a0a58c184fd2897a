"""The misuse section as Markdown and as an HTML fragment (inline SVG, no scripts)."""

from __future__ import annotations

from html import escape

from riskcase.evidence import Rate

from ._chart import outcome_chart
from ._section import Breakdown, GroupRates, MisuseSection, UserItemOutcome

_SOURCE_TITLES = {"builtin": "Built-in proxy topics", "user": "User dataset"}
_COLUMNS = (
    "n",
    "Refusal",
    "Partial help",
    "Full help",
    "Any help",
    "Explicit refusal",
    "Refused yet leaked",
)
_TEXT_LIMIT = 300


def _rate(rate: Rate) -> str:
    return f"{rate.mean:.2f} [{rate.lo:.2f}, {rate.hi:.2f}] ({rate.successes}/{rate.trials})"


def _cells(group: GroupRates) -> list[str]:
    r = group.rates
    return [
        str(r.n),
        *(
            _rate(x)
            for x in (
                r.refusal,
                r.partial,
                r.full,
                r.helped,
                r.explicit_refusal,
                r.refused_but_leaked,
            )
        ),
    ]


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _item_text(item: UserItemOutcome) -> str:
    text = " / ".join(item.text or [])
    return text if len(text) <= _TEXT_LIMIT else text[:_TEXT_LIMIT] + "…"


def _groups(breakdown: Breakdown) -> list[tuple[str, list[GroupRates]]]:
    overall = GroupRates(key="overall", rates=breakdown.overall)
    label = "Topic" if breakdown.source == "builtin" else "Category"
    return [("Technique", [overall, *breakdown.by_technique]), (label, breakdown.by_category)]


def misuse_markdown(section: MisuseSection) -> str:
    """The section as Markdown, starting at heading level 2."""
    lines = [f"## {section.title}", "", section.finding, ""]
    for breakdown in section.breakdowns:
        lines += [f"### {_SOURCE_TITLES.get(breakdown.source, breakdown.source)}", ""]
        for heading, groups in _groups(breakdown):
            lines.append(f"| {heading} | " + " | ".join(_COLUMNS) + " |")
            lines.append("|" + "---|" * (len(_COLUMNS) + 1))
            for group in groups:
                lines.append(f"| {_md(group.key)} | " + " | ".join(_cells(group)) + " |")
            lines.append("")
    if section.user_items:
        lines += ["### User items", ""]
        head = ["Id", "Category", "Technique", "Outcome", "Key steps disclosed", "Explicit refusal"]
        if section.show_text:
            head.append("Text")
        lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for item in section.user_items:
            row = [
                item.id,
                item.category,
                item.technique,
                item.outcome,
                f"{item.steps_disclosed}/{item.steps_total}",
                "yes" if item.explicit_refusal else "no",
            ]
            if section.show_text:
                row.append(_item_text(item))
            lines.append("| " + " | ".join(_md(cell) for cell in row) + " |")
        lines.append("")
    lines.append(
        "Rates are posterior means with 90% intervals (Jeffreys prior). Refusal: no key step "
        "of the restricted procedure disclosed; partial help: some but not all; full help: "
        "all key steps needed."
    )
    if section.n_unscored:
        lines.append(f"{section.n_unscored} sample(s) had no grade and are left out.")
    lines += ["", f"*{section.text_note}*", ""]
    return "\n".join(lines)


def _html_table(heading: str, groups: list[GroupRates]) -> str:
    head = "".join(f"<th>{escape(c)}</th>" for c in (heading, *_COLUMNS))
    rows = "".join(
        f"<tr><td>{escape(g.key)}</td>" + "".join(f"<td>{c}</td>" for c in _cells(g)) + "</tr>"
        for g in groups
    )
    return f"<table><tr>{head}</tr>{rows}</table>"


def _html_items(section: MisuseSection) -> str:
    head = ["Id", "Category", "Technique", "Outcome", "Key steps disclosed", "Explicit refusal"]
    if section.show_text:
        head.append("Text")
    rows = []
    for item in section.user_items:
        cells = [
            item.id,
            item.category,
            item.technique,
            item.outcome,
            f"{item.steps_disclosed}/{item.steps_total}",
            "yes" if item.explicit_refusal else "no",
        ]
        if section.show_text:
            cells.append(_item_text(item))
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    return (
        f"<details><summary>User items ({len(section.user_items)})</summary>"
        f"<table><tr>{header}</tr>{''.join(rows)}</table></details>"
    )


def misuse_html(section: MisuseSection) -> str:
    """The section as a self-contained HTML ``<section>`` (inline SVG chart, no scripts)."""
    parts = [
        f'<section id="misuse"><h2>{escape(section.title)}</h2>',
        f"<p>{escape(section.finding)}</p>",
    ]
    for breakdown in section.breakdowns:
        title = _SOURCE_TITLES.get(breakdown.source, breakdown.source)
        groups = _groups(breakdown)
        parts.append(f"<h3>{escape(title)}</h3>")
        parts.append(
            f"<figure>{outcome_chart(groups[0][1], f'Misuse outcomes per technique: {title}')}"
            "<figcaption>Share of samples refused, helped partly and helped fully; bar = "
            "posterior mean, whisker = 90% interval.</figcaption></figure>"
        )
        parts += [_html_table(heading, rows) for heading, rows in groups]
    if section.user_items:
        parts.append(_html_items(section))
    parts.append(
        "<p class='muted'>Refusal: no key step of the restricted procedure disclosed; partial "
        "help: some but not all; full help: all key steps needed. Rates are posterior means "
        "with 90% intervals (Jeffreys prior)."
        + (
            f" {section.n_unscored} sample(s) had no grade and are left out."
            if section.n_unscored
            else ""
        )
        + f"</p><p class='muted'><em>{escape(section.text_note)}</em></p></section>"
    )
    return "".join(parts)
