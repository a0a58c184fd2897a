"""Render a `RiskReport` as Markdown."""

from __future__ import annotations

from pathlib import Path

from riskcase.control import control_markdown
from riskcase.studies import get_study

from ._format import (
    band_text,
    derived_text,
    interval_text,
    log_path,
    paired_text,
    rate_rows,
    rate_text,
)
from ._model import RiskReport


def render_markdown(report: RiskReport, out_dir: Path | None = None) -> str:
    """The report as Markdown (log links relative to `out_dir` when given)."""
    meta, overall = report.meta, report.overall
    lines = [
        f"# {meta.title}",
        "",
        f"Model(s) assessed: {', '.join(meta.models)}. Generated {meta.generated_at} by "
        f"riskcase {meta.riskcase_version} (Inspect {meta.inspect_version}) from "
        f"{meta.samples} samples in {len(meta.logs_used)} logs.",
        "",
        "## Executive summary",
        "",
        f"**Verdict: {overall.band or 'not assessed'}.** {overall.verdict}",
        "",
        f"Deployment profile: {report.profile.name}. {report.profile.description}",
        "",
        "## Per-pathway analysis",
        "",
        "| Pathway | Honest | Attack | Opportunity | Capability | Evasion | Propensity | "
        "Mitigation | P(harm) median [90%] | Residual risk |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for entry in report.pathways:
        evidence = entry.evidence
        lines.append(
            f"| {entry.id} {entry.name} | {evidence.n_honest} | {evidence.n_attack} | "
            f"{evidence.n_opportunity} | {rate_text(evidence.capability)} | "
            f"{rate_text(evidence.evasion)} | {rate_text(evidence.propensity)} | "
            f"{entry.mitigation.strength or '—'} | {interval_text(entry.p_harm)} | "
            f"**{band_text(entry)}** |"
        )
    lines.append("")
    for entry in report.pathways:
        lines += [f"### {entry.id}: {entry.name}", "", entry.definition, ""]
        if not entry.assessed:
            lines += [f"Not assessed: {entry.reason}.", ""]
            continue
        deployment = entry.deployment
        lines += [
            f"Evidence from {', '.join(entry.scenarios)}. Residual risk **{entry.band}**: "
            f"P(harm) per period {interval_text(entry.p_harm)}. Detection per attempt "
            f"{interval_text(entry.mitigation.detection)} ({entry.mitigation.strength}); "
            f"assumed {deployment.opportunities} opportunities, {deployment.actions_needed} "
            f"action(s) needed, harm given success {deployment.harm_given_success:g}.",
            "",
        ]
        derived = derived_text(entry, report.profile.monitoring_coverage)
        if derived:
            lines += [derived, ""]
        for gap in entry.evidence.paired:
            lines += [paired_text(gap), ""]
        if entry.evidence.paired and entry.evidence.paired[0].largest_gaps:
            lines += [
                "Widest gaps: " + "; ".join(entry.evidence.paired[0].largest_gaps) + ".",
                "",
            ]
    lines += ["## Evaluation awareness", ""]
    awareness = report.evaluation_awareness
    if awareness.overall is None:
        lines += ["Not measured: the logs hold no evaluation-awareness scores.", ""]
    else:
        lines += [
            f"Samples where the model said it was being tested or evaluated: "
            f"{rate_text(awareness.overall)} ({awareness.overall.successes}/"
            f"{awareness.overall.trials}).",
            "",
            "| Scenario | Mode | Aware | Rate [90%] |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {cell.scenario_id} | {cell.mode} | {cell.rate.successes}/{cell.rate.trials} | "
            f"{rate_text(cell.rate)} |"
            for cell in awareness.cells
        ]
        lines.append("")
    if report.control is not None:
        lines += [control_markdown(report.control).rstrip(), ""]
    for study_id, section in report.study_sections():
        lines += [get_study(study_id).markdown(section).rstrip(), ""]
    lines += ["## Load-bearing claims", ""]
    for claim in report.claims:
        status = "holds" if claim.holds else "does not hold"
        lines += [
            f"### {claim.id}. {claim.title} ({status})",
            "",
            claim.statement,
            "",
            "Measured:",
            "",
        ]
        lines += [f"- {item}" for item in claim.measured] or ["- no measurement"]
        lines += ["", "Would be overturned by:", ""]
        lines += [f"- {item}" for item in claim.overturned_by]
        lines.append("")
    lines += ["## Methods", ""]
    for paragraph in report.methods:
        lines += [paragraph, ""]
    lines += [
        "## Appendix: sources of every figure",
        "",
        f"Logs read from `{meta.log_dir}` (open them with `inspect view`). Sample "
        "references are `task:sample#epoch`.",
        "",
    ]
    for entry in report.pathways:
        if not entry.assessed:
            continue
        lines += [f"### {entry.id}", ""]
        for name, rate in rate_rows(entry):
            if rate is None:
                continue
            logs = ", ".join(f"`{log_path(log, out_dir)}`" for log in rate.logs)
            hits = ", ".join(rate.success_refs) or "none"
            lines.append(
                f"- **{name}** {rate.successes}/{rate.trials} from {logs}; "
                f"samples counted as events: {hits}"
            )
        lines.append("")
    if meta.logs_superseded:
        lines += ["Logs superseded by later runs of the same scenario, mode and model:", ""]
        lines += [f"- `{log_path(log, out_dir)}`" for log in meta.logs_superseded]
        lines.append("")
    return "\n".join(lines)
