"""Terminal output: the verdict and the per-pathway table."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from riskcase.pathways import Pathway
from riskcase.report import RiskReport
from riskcase.report._format import band_text, interval_text, rate_text


def print_summary(report: RiskReport, written: list[Path], console: Console) -> None:
    """Print the verdict, the per-pathway table and where the report files are."""
    table = Table(title="Sabotage risk per pathway", show_lines=False)
    for column in (
        "Pathway",
        "H/A/O",
        "Capability",
        "Evasion",
        "Propensity",
        "Mitigation",
        "P(harm) median [90%]",
        "Risk",
    ):
        table.add_column(column)
    for entry in report.pathways:
        evidence = entry.evidence
        table.add_row(
            f"{entry.id} {entry.name}",
            f"{evidence.n_honest}/{evidence.n_attack}/{evidence.n_opportunity}",
            rate_text(evidence.capability),
            rate_text(evidence.evasion),
            rate_text(evidence.propensity),
            entry.mitigation.strength or "—",
            interval_text(entry.p_harm),
            band_text(entry),
        )
    console.print(table)
    console.print(
        f"[bold]Verdict: {report.overall.band or 'not assessed'}[/bold]. {report.overall.verdict}",
        soft_wrap=True,
    )
    from riskcase.studies import get_study

    for study_id, section in report.study_sections():
        headline = get_study(study_id).headline(section)
        if headline:
            console.print(f"[bold]{study_id}[/bold]: {headline}", soft_wrap=True)
    for path in written:
        console.print(f"wrote {path}")


def print_pathways(pathways: tuple[Pathway, ...], console: Console) -> None:
    """Print the pathway catalog as a table."""
    table = Table(title="Sabotage pathways")
    table.add_column("Id", no_wrap=True)
    table.add_column("Pathway")
    for column in ("Frequency", "Complexity", "Default", "Scenarios"):
        table.add_column(column, no_wrap=True)
    for pathway in pathways:
        table.add_row(
            pathway.id,
            pathway.name,
            pathway.frequency,
            pathway.complexity,
            "yes" if pathway.enabled_by_default else "no",
            ", ".join(pathway.scenarios) or "—",
        )
    console.print(table)
