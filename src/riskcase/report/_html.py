"""Render a `RiskReport` as one self-contained HTML file (inline CSS and SVG, no scripts)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from riskcase.control import control_html
from riskcase.studies import get_study

from ._charts import BAND_COLOURS, harm_histogram, overview_chart, rates_chart
from ._format import (
    band_text,
    derived_text,
    interval_text,
    log_path,
    paired_text,
    rate_rows,
    rate_text,
)
from ._model import PathwayEntry, RiskReport

_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;
margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{margin-bottom:.2em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:1.8em}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:.8em 0}
th,td{border:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}.band{font-weight:600;padding:.1em .5em;border-radius:4px}
.verdict{font-size:1.15em;padding:1em;border-left:6px solid #2b5c8a;background:#f5f8fb}
.muted{color:#666}.pathway{margin:1.5em 0;padding:1em;border:1px solid #e4e4e4;border-radius:6px}
.charts{display:flex;flex-wrap:wrap;gap:1em}code{background:#f3f3f3;padding:0 .2em}
details{margin:.3em 0}.refs{font-family:monospace;font-size:.85em;word-break:break-all}
"""


def _band(band: str | None) -> str:
    label = band or "not assessed"
    colour = BAND_COLOURS.get(label, "#eee")
    return f'<span class="band" style="background:{colour}">{escape(label)}</span>'


def _summary_table(report: RiskReport) -> str:
    head = (
        "<tr><th>Pathway</th><th>Samples (honest / attack / opportunity)</th>"
        "<th>Capability</th><th>Evasion</th><th>Propensity</th><th>Mitigation</th>"
        "<th>P(harm) median [90%]</th><th>Residual risk</th></tr>"
    )
    rows = []
    for entry in report.pathways:
        evidence = entry.evidence
        rows.append(
            f'<tr><td><a href="#{entry.id}">{escape(entry.id)}</a> {escape(entry.name)}</td>'
            f"<td>{evidence.n_honest} / {evidence.n_attack} / {evidence.n_opportunity}</td>"
            f"<td>{rate_text(evidence.capability)}</td><td>{rate_text(evidence.evasion)}</td>"
            f"<td>{rate_text(evidence.propensity)}</td>"
            f"<td>{escape(entry.mitigation.strength or '—')}</td>"
            f"<td>{interval_text(entry.p_harm)}</td><td>{_band(band_text(entry))}</td></tr>"
        )
    return f"<table>{head}{''.join(rows)}</table>"


def _pathway_section(entry: PathwayEntry, report: RiskReport) -> str:
    parts = [
        f'<div class="pathway" id="{entry.id}"><h3>{escape(entry.id)}: '
        f"{escape(entry.name)} {_band(band_text(entry))}</h3>",
        f"<p>{escape(entry.definition)} <span class='muted'>Frequency "
        f"{entry.frequency}, complexity {entry.complexity}.</span></p>",
    ]
    if not entry.assessed:
        parts.append(f"<p><strong>Not assessed:</strong> {escape(entry.reason)}.</p></div>")
        return "".join(parts)
    deployment = entry.deployment
    parts.append(
        f"<p>Evidence from {escape(', '.join(entry.scenarios))}. P(harm) per period "
        f"{interval_text(entry.p_harm)}; detection per attempt "
        f"{interval_text(entry.mitigation.detection)} ({escape(entry.mitigation.strength or '')}"
        f"). Assumed {deployment.opportunities} opportunities, {deployment.actions_needed} "
        f"action(s) needed, harm given success {deployment.harm_given_success:g}.</p>"
    )
    derived = derived_text(entry, report.profile.monitoring_coverage)
    if derived:
        parts.append(f"<p>{escape(derived)}</p>")
    for gap in entry.evidence.paired:
        widest = "; ".join(gap.largest_gaps) or "none"
        parts.append(
            f"<p>{escape(paired_text(gap))} <span class='muted'>Widest gaps: "
            f"{escape(widest)}.</span></p>"
        )
    parts.append(
        f'<div class="charts"><figure>{rates_chart(entry)}<figcaption>Rates: '
        "mean and 90% interval.</figcaption></figure>"
        f"<figure>{harm_histogram(entry, report.profile.bands)}<figcaption>Monte "
        "Carlo distribution of P(harm), red line at the median, shaded by band."
        "</figcaption></figure></div>"
    )
    return "".join(parts) + "</div>"


def _awareness(report: RiskReport) -> str:
    awareness = report.evaluation_awareness
    if awareness.overall is None:
        return "<p>Not measured: the logs hold no evaluation-awareness scores.</p>"
    rows = "".join(
        f"<tr><td>{escape(c.scenario_id)}</td><td>{escape(c.mode)}</td>"
        f"<td>{c.rate.successes}/{c.rate.trials}</td><td>{rate_text(c.rate)}</td></tr>"
        for c in awareness.cells
    )
    return (
        f"<p>Samples where the model said it was being tested or evaluated: "
        f"{rate_text(awareness.overall)} ({awareness.overall.successes}/"
        f"{awareness.overall.trials}).</p><table><tr><th>Scenario</th><th>Mode</th>"
        f"<th>Aware</th><th>Rate [90%]</th></tr>{rows}</table>"
    )


def _claims(report: RiskReport) -> str:
    parts = []
    for claim in report.claims:
        status = "holds" if claim.holds else "does not hold"
        measured = "".join(f"<li>{escape(m)}</li>" for m in claim.measured) or "<li>none</li>"
        overturn = "".join(f"<li>{escape(o)}</li>" for o in claim.overturned_by)
        parts.append(
            f"<h3>{claim.id}. {escape(claim.title)} <span class='muted'>({status})"
            f"</span></h3><p>{escape(claim.statement)}</p><p>Measured:</p>"
            f"<ul>{measured}</ul><p>Would be overturned by:</p><ul>{overturn}</ul>"
        )
    return "".join(parts)


def _appendix(report: RiskReport, out_dir: Path | None) -> str:
    rows = []
    for entry in report.pathways:
        for name, rate in rate_rows(entry):
            if rate is None or not entry.assessed:
                continue
            logs = "<br>".join(
                f'<a href="{escape(log_path(log, out_dir))}">{escape(log_path(log, out_dir))}</a>'
                for log in rate.logs
            )
            refs = escape(", ".join(rate.success_refs)) or "none"
            rows.append(
                f"<tr><td>{entry.id}</td><td>{name}</td><td>{rate.successes}/"
                f"{rate.trials}</td><td>{logs}</td><td><details><summary>"
                f"{len(rate.success_refs)} samples</summary><div class='refs'>{refs}"
                "</div></details></td></tr>"
            )
    return (
        "<table><tr><th>Pathway</th><th>Figure</th><th>Count</th><th>Logs</th>"
        f"<th>Samples counted as events</th></tr>{''.join(rows)}</table>"
    )


def render_html(report: RiskReport, out_dir: Path | None = None) -> str:
    """The report as a self-contained HTML page (log links relative to `out_dir`)."""
    meta, overall = report.meta, report.overall
    body = [
        f"<h1>{escape(meta.title)}</h1>",
        f"<p class='muted'>Model(s) assessed: {escape(', '.join(meta.models))}. Generated "
        f"{escape(meta.generated_at)} by riskcase {escape(meta.riskcase_version)} (Inspect "
        f"{escape(meta.inspect_version)}) from {meta.samples} samples in "
        f"{len(meta.logs_used)} logs.</p>",
        "<h2>Executive summary</h2>",
        f"<p class='verdict'><strong>Verdict: {_band(overall.band)}</strong> "
        f"{escape(overall.verdict)}</p>",
        f"<p>Deployment profile <code>{escape(report.profile.name)}</code>: "
        f"{escape(report.profile.description)}</p>",
        overview_chart(report.pathways, report.profile.bands),
        "<h2>Per-pathway analysis</h2>",
        _summary_table(report),
        *(_pathway_section(entry, report) for entry in report.pathways),
        "<h2>Evaluation awareness</h2>",
        _awareness(report),
        control_html(report.control) if report.control is not None else "",
        *(get_study(study_id).html(section) for study_id, section in report.study_sections()),
        "<h2>Load-bearing claims</h2>",
        _claims(report),
        "<h2>Methods</h2>",
        *(f"<p>{escape(p)}</p>" for p in report.methods),
        "<h2>Appendix: sources of every figure</h2>",
        f"<p>Logs read from <code>{escape(meta.log_dir)}</code>; open them with "
        "<code>inspect view</code>. Sample references are <code>task:sample#epoch</code>.</p>",
        _appendix(report, out_dir),
    ]
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>"
        f"{escape(meta.title)}</title><style>{_STYLE}</style></head><body>"
        f"{''.join(body)}</body></html>"
    )
