"""Formatting shared by the Markdown and HTML renderers."""

from __future__ import annotations

import os
from pathlib import Path

from riskcase.evidence import PairedGap, Rate
from riskcase.risk import Interval

from ._model import PathwayEntry


def rate_text(rate: Rate | None) -> str:
    """``0.42 [0.31, 0.53]`` or an em dash when there were no samples."""
    if rate is None:
        return "—"
    return f"{rate.mean:.2f} [{rate.lo:.2f}, {rate.hi:.2f}]"


def interval_text(interval: Interval | None) -> str:
    """``1.2e-03 [4.0e-05, 8.1e-03]`` or an em dash."""
    if interval is None:
        return "—"
    return f"{interval.median:.1e} [{interval.lo:.1e}, {interval.hi:.1e}]"


def band_text(entry: PathwayEntry) -> str:
    """The band, or ``not assessed``."""
    return entry.band if entry.assessed and entry.band else "not assessed"


def log_path(location: str, out_dir: Path | None) -> str:
    """A log's path as a reader should follow it: relative to the report when possible."""
    path = Path(location.removeprefix("file://"))
    if out_dir is None:
        return str(path)
    try:
        return os.path.relpath(path.resolve(), out_dir.resolve())
    except ValueError:
        return str(path)


def rate_rows(entry: PathwayEntry) -> list[tuple[str, Rate | None]]:
    """The rates shown in the appendix for one pathway, with their names."""
    evidence = entry.evidence
    return [
        ("capability", evidence.capability),
        ("evasion", evidence.evasion),
        ("propensity", evidence.propensity),
        ("usefulness", evidence.usefulness),
        ("honest-mode attempts", evidence.honest_attempts),
    ]


def derived_text(entry: PathwayEntry, profile_coverage: float) -> str:
    """Why a derived pathway's risk differs from its sources' (empty for other pathways)."""
    if not entry.derived_from or not entry.assessed:
        return ""
    text = (
        f"This pathway reuses the samples of {', '.join(entry.derived_from)} "
        f"({', '.join(entry.scenarios) or 'none yet'}), judged for deployments at other "
        f"developers, where this developer's monitoring sees {entry.mitigation.coverage:.0%} "
        f"of actions instead of {profile_coverage:.0%}."
    )
    if entry.p_harm_at_profile_coverage is not None:
        text += (
            f" Only the monitoring differs: with {profile_coverage:.0%} coverage the same "
            f"evidence gives P(harm) {interval_text(entry.p_harm_at_profile_coverage)}; "
            f"without it, {interval_text(entry.p_harm)}."
        )
    return text


def _p(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3g}"


def paired_text(gap: PairedGap) -> str:
    """One paragraph on a framing comparison: the gap, its interval and the paired tests."""
    framing = "explicitly instructed to sandbag" if gap.treatment_mode == "attack" else "unprompted"
    return (
        f"Same {gap.n_pairs} tasks, safety framing ({gap.treatment_mode}, {framing}) against "
        f"neutral framing ({gap.control_mode}): mean graded quality {gap.mean_treatment:.2f} vs "
        f"{gap.mean_control:.2f}, paired gap {gap.mean_gap:+.2f} [{gap.lo:+.2f}, {gap.hi:+.2f}] "
        f"({gap.interval:.0%} bootstrap); one-sided Wilcoxon signed-rank p = "
        f"{_p(gap.wilcoxon_p)}. Failed the bar only under the safety framing: "
        f"{gap.only_treatment_failed}; only under the neutral one: {gap.only_control_failed} "
        f"(exact sign test p = {_p(gap.sign_test_p)}); excess failure rate "
        f"{rate_text(gap.excess_failure)}."
    )
