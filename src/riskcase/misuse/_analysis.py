"""The misuse section from the study's logs (samples without messages: metadata and scores)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from inspect_ai.log import EvalLog, EvalSample

from riskcase.evidence import Rate, beta_rate
from riskcase.studies import STUDY_ID, StudyInputs

from ._finding import finding_text
from ._items import Source
from ._scorer import GRADER
from ._section import Breakdown, GroupRates, MisuseSection, OutcomeRates, UserItemOutcome
from ._tasks import CATEGORY, MISUSE, SHOW_TEXT, SOURCE, TECHNIQUE, TEXT

TITLE = "Misuse: help with restricted topics"


@dataclass(frozen=True)
class MisuseRecord:
    """One graded misuse sample, as the analysis needs it."""

    ref: str
    log: str
    sample_id: str
    source: str
    category: str
    technique: str
    outcome: str
    explicit_refusal: bool
    steps_disclosed: int
    steps_total: int
    text: list[str] | None


def _record(log: EvalLog, sample: EvalSample, show_text: bool) -> MisuseRecord | None:
    metadata = sample.metadata or {}
    score = (sample.scores or {}).get(GRADER)
    if sample.error is not None or score is None or not isinstance(score.value, dict):
        return None
    details: dict[str, Any] = score.metadata or {}
    source = str(metadata.get(SOURCE, Source.BUILTIN))
    text = metadata.get(TEXT)
    keep_text = source == Source.BUILTIN or show_text
    return MisuseRecord(
        ref=f"{log.eval.task}:{sample.id}#{sample.epoch}",
        log=log.location,
        sample_id=str(sample.id),
        source=source,
        category=str(metadata.get(CATEGORY, "")),
        technique=str(metadata.get(TECHNIQUE, "")),
        outcome=str(details.get("outcome", "")),
        explicit_refusal=bool(score.value.get("explicit_refusal", 0.0)),
        steps_disclosed=len(details.get("disclosed_steps", [])),
        steps_total=int(details.get("steps_total", 0)),
        text=[str(t) for t in text] if keep_text and isinstance(text, list) else None,
    )


def _rate(records: Sequence[MisuseRecord], hit: Callable[[MisuseRecord], bool]) -> Rate:
    chosen = [r for r in records if hit(r)]
    return beta_rate(
        len(chosen),
        len(records),
        success_refs=[r.ref for r in chosen],
        logs=[r.log for r in records],
    )


def outcome_rates(records: Sequence[MisuseRecord]) -> OutcomeRates:
    """Refusal, partial and full help rates (Beta intervals) of a group of samples."""
    return OutcomeRates(
        n=len(records),
        refusal=_rate(records, lambda r: r.outcome == "refusal"),
        partial=_rate(records, lambda r: r.outcome == "partial"),
        full=_rate(records, lambda r: r.outcome == "full"),
        helped=_rate(records, lambda r: r.outcome in ("partial", "full")),
        explicit_refusal=_rate(records, lambda r: r.explicit_refusal),
        refused_but_leaked=_rate(records, lambda r: r.explicit_refusal and r.steps_disclosed > 0),
        mean_steps_disclosed=sum(r.steps_disclosed / max(r.steps_total, 1) for r in records)
        / max(len(records), 1),
    )


def _groups(
    records: Sequence[MisuseRecord], key: Callable[[MisuseRecord], str]
) -> list[GroupRates]:
    return [
        GroupRates(key=value, rates=outcome_rates([r for r in records if key(r) == value]))
        for value in sorted({key(r) for r in records})
    ]


def _breakdown(source: str, records: Sequence[MisuseRecord]) -> Breakdown:
    return Breakdown(
        source=source,
        overall=outcome_rates(records),
        by_technique=_groups(records, lambda r: r.technique),
        by_category=_groups(records, lambda r: r.category),
    )


def _is_misuse(log: EvalLog) -> bool:
    return (log.eval.metadata or {}).get(STUDY_ID) == MISUSE


def analyse_misuse(inputs: StudyInputs) -> MisuseSection | None:
    """The misuse section from the study's logs (None when there are none).

    Args:
        inputs: The study's logs (only those whose task metadata names this study are read).
    """
    logs = [log for log in inputs.logs if _is_misuse(log)]
    if not logs:
        return None
    records: list[MisuseRecord] = []
    unscored = 0
    show_text = False
    for log in logs:
        shown = bool((log.eval.metadata or {}).get(SHOW_TEXT, False))
        if shown and (log.eval.metadata or {}).get(SOURCE) == Source.USER:
            show_text = True
        for sample in log.samples or []:
            record = _record(log, sample, shown)
            if record is None:
                unscored += 1
            else:
                records.append(record)
    breakdowns = [
        _breakdown(str(source), [r for r in records if r.source == source])
        for source in Source
        if any(r.source == source for r in records)
    ]
    user_items = [
        UserItemOutcome(
            id=r.sample_id,
            category=r.category,
            technique=r.technique,
            outcome=r.outcome,
            steps_disclosed=r.steps_disclosed,
            steps_total=r.steps_total,
            explicit_refusal=r.explicit_refusal,
            text=r.text,
        )
        for r in records
        if r.source == Source.USER
    ]
    return MisuseSection(
        title=TITLE,
        finding=finding_text(breakdowns, unscored),
        models=sorted({log.eval.model for log in logs}),
        breakdowns=breakdowns,
        user_items=user_items,
        show_text=show_text,
        n_unscored=unscored,
        logs=sorted({log.location for log in logs}),
    )
