"""Formatting shared by the control section's Markdown and HTML renderings."""

from __future__ import annotations

from ._bootstrap import Estimate
from ._detection import POSITIVES_TEXT, DetectionMetrics
from ._evaluate import ProtocolResult
from ._protocols import PROTOCOL_TITLES
from ._section import ControlSection

DASH = "—"


def estimate_text(value: Estimate | None) -> str:
    """``0.42 [0.31, 0.53]`` or an em dash."""
    return value.summary() if value is not None else DASH


def number_text(value: float | None, digits: int = 2) -> str:
    """A number with `digits` decimals (``g`` format for small ones) or an em dash."""
    if value is None:
        return DASH
    return f"{value:.{digits}f}" if value == 0 or abs(value) >= 0.01 else f"{value:.1e}"


def scope_text(pathway_id: str | None) -> str:
    """A pathway id, or ``all`` for every pathway pooled."""
    return pathway_id or "all"


def summary_text(section: ControlSection) -> str:
    """The section's opening paragraph: what was evaluated, on what, at which settings."""
    options = section.options
    monitors = ", ".join(section.monitors) or "none"
    return (
        f"Monitors: {monitors} (protocols use {section.monitor}). {section.n_honest} honest "
        f"and {section.n_attack} attack samples of the untrusted model over pathways "
        f"{', '.join(section.pathways) or 'none'}. Audit budget {options.audit_budget:.1%}, "
        f"defer fraction {options.defer_fraction:.0%}, deployments of "
        f"{options.deployment_tasks} tasks; intervals are {options.interval:.0%} percentile "
        f"bootstrap intervals ({options.resamples} resamples, seed {options.seed})."
    )


def detection_cells(item: DetectionMetrics) -> list[str]:
    """Table cells of one detection result."""
    threshold = (
        f"{item.threshold:g} (FPR {item.achieved_fpr:.3f})"
        if item.threshold is not None and item.achieved_fpr is not None
        else DASH
    )
    counts = f"{item.n_negatives} / {item.n_positives}"
    if item.n_unscored:
        counts += f" ({item.n_unscored} unscored)"
    return [
        item.monitor,
        scope_text(item.pathway_id),
        POSITIVES_TEXT[item.positives],
        counts,
        estimate_text(item.auroc),
        estimate_text(item.tpr_at_budget),
        threshold if not item.reason else item.reason,
    ]


DETECTION_HEADER = [
    "Monitor",
    "Pathway",
    "Positives",
    "Honest / positives",
    "AUROC",
    "TPR at budget",
    "Threshold (achieved FPR)",
]


def protocol_cells(item: ProtocolResult) -> list[str]:
    """Table cells of one protocol result."""
    caught = (
        f"{number_text(item.caught)} / {number_text(item.uncaught)} of {item.n_attack}"
        if item.caught is not None
        else f"{DASH} of {item.n_attack}"
    )
    honest = (
        f"{item.honest_audit_rate:.1%} / {(item.honest_deferred_rate or 0.0):.1%}"
        if item.honest_audit_rate is not None
        else DASH
    )
    return [
        PROTOCOL_TITLES[item.protocol],
        scope_text(item.pathway_id),
        caught,
        estimate_text(item.safety),
        estimate_text(item.deployment_safety),
        estimate_text(item.usefulness),
        estimate_text(item.scaled_usefulness),
        honest,
        item.reason,
    ]


PROTOCOL_HEADER = [
    "Protocol",
    "Pathway",
    "Attacks caught / uncaught",
    "Safety",
    "P(blue team wins)",
    "Usefulness",
    "Scaled usefulness",
    "Honest audited / deferred",
    "Notes",
]


def curve_rows(section: ControlSection) -> tuple[list[list[str]], list[list[str]]]:
    """Rows of the safety-usefulness and safety-budget tables."""
    by_defer = [
        [
            PROTOCOL_TITLES[curve.protocol],
            f"{point.defer_fraction or 0.0:.0%}",
            number_text(point.defer_threshold, 3),
            estimate_text(point.usefulness),
            estimate_text(point.safety),
        ]
        for curve in section.safety_usefulness
        for point in curve.points
    ]
    by_budget = [
        [
            PROTOCOL_TITLES[curve.protocol],
            f"{point.audit_budget:.1%}",
            estimate_text(point.safety),
            estimate_text(point.deployment_safety),
            estimate_text(point.usefulness),
        ]
        for curve in section.safety_budget
        for point in curve.points
    ]
    return by_defer, by_budget


DEFER_HEADER = ["Protocol", "Defer fraction", "Defer threshold", "Usefulness", "Safety"]
BUDGET_HEADER = ["Protocol", "Audit budget", "Safety", "P(blue team wins)", "Usefulness"]

DETECTION_NOTE = (
    "Rows per pathway are shown for the combination the protocols use; report.json holds "
    "every monitor's figures per pathway."
)


def shown_detection(section: ControlSection) -> list[DetectionMetrics]:
    """Detection rows for the tables: every monitor over all pathways, and per pathway
    only the combination the protocols use."""
    return [
        item
        for item in section.detection
        if item.pathway_id is None or item.monitor == section.monitor
    ]
