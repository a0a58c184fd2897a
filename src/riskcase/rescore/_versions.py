"""The rule for scores that already exist: a re-score never loses one and never duplicates one.

A re-score of monitor NAME writes its new scores under NAME, the name riskcase's evidence
reads. When the log already holds NAME scores:

- a re-score that reproduces every existing NAME score exactly changes nothing;
- otherwise the previous version is kept whole under ``NAME@<when it was made>`` (UTC, e.g.
  ``rule_monitor@2026-11-27T01:50:43Z``): in every sample, in the log's results, its scorer
  list and its reductions. Its score values are not touched.

A version name does not end with "monitor", so evidence reads only the current version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from inspect_ai.event import Event
from inspect_ai.log import EvalLog, EvalResults, EvalSampleReductions, EvalScore
from inspect_ai.log._log import EvalScorer
from inspect_ai.scorer import Score

VERSION_SEP = "@"
"""Separates a monitor's name from the time its superseded version was made."""

RESCORED_AT = "riskcase_rescored_at"
"""Key in a results entry's metadata: when `riskcase monitor` made that version (UTC)."""

Change = Literal["added", "replaced", "unchanged"]


@dataclass
class SetAside:
    """A monitor's existing scores, taken out of a log so a re-score can write NAME afresh.

    Args:
        name: The monitor (score) name.
        scores: Sample index -> the sample's existing NAME score.
        sample_scores: Each sample's scores before the re-score (copies of the dicts).
        events: Each sample's events before the re-score.
        results: The log's results before the re-score (a copy holding the same entries).
        eval_scorers: The log's scorer list before the re-score.
        reductions: The log's reductions before the re-score.
    """

    name: str
    scores: dict[int, Score]
    sample_scores: list[dict[str, Score] | None]
    events: list[list[Event]]
    results: EvalResults | None
    eval_scorers: list[EvalScorer] | None
    reductions: list[EvalSampleReductions] | None


@dataclass(frozen=True)
class Settled:
    """What a re-score did to a monitor's existing scores.

    Args:
        change: ``added`` (there were none), ``replaced`` (the old version was kept as
            `kept_as`) or ``unchanged`` (the re-score reproduced them; the log keeps them).
        kept_as: The name the previous version now has (``replaced`` only).
    """

    change: Change
    kept_as: str | None = None


def set_aside(log: EvalLog, name: str) -> SetAside:
    """Take the NAME scores out of every sample of `log` (before re-scoring NAME)."""
    samples = log.samples or []
    sample_scores = [
        dict(sample.scores) if sample.scores is not None else None for sample in samples
    ]
    scores = {
        index: sample.scores.pop(name)
        for index, sample in enumerate(samples)
        if sample.scores and name in sample.scores
    }
    return SetAside(
        name=name,
        scores=scores,
        sample_scores=sample_scores,
        events=[list(sample.events) for sample in samples],
        results=(
            log.results.model_copy(update={"scores": list(log.results.scores)})
            if log.results is not None
            else None
        ),
        eval_scorers=list(log.eval.scorers) if log.eval.scorers is not None else None,
        reductions=list(log.reductions) if log.reductions is not None else None,
    )


def settle(log: EvalLog, aside: SetAside, now: datetime) -> Settled:
    """After a re-score of `aside.name`, apply the rule above to `log` (in place).

    Args:
        log: The re-scored log (new NAME scores in its samples, entries appended by Inspect).
        aside: What `set_aside` took out before the re-score.
        now: When this re-score ran (recorded in the new results entries).
    """
    name = aside.name
    samples = log.samples or []
    new = {
        index: sample.scores[name]
        for index, sample in enumerate(samples)
        if sample.scores and name in sample.scores
    }
    had_previous = (
        bool(aside.scores)
        or bool(_entries(aside.results, name))
        or any(entry.name == name for entry in aside.eval_scorers or [])
        or any(entry.scorer == name for entry in aside.reductions or [])
    )
    if had_previous and _same(aside.scores, new):
        _restore(log, aside)
        return Settled("unchanged")

    kept_as = version_name(log, name, made_at(log, aside)) if had_previous else None
    if kept_as is not None:
        for index, score in aside.scores.items():
            samples[index].scores = _with_version(samples[index].scores or {}, name, kept_as, score)
    stamp = _utc_text(now)
    if log.results is not None:
        before = aside.results.scores if aside.results is not None else []
        added = _added(before, log.results.scores)
        for entry in added:
            entry.metadata = {**(entry.metadata or {}), RESCORED_AT: stamp}
        log.results.scores = [_rename_score(e, name, kept_as) for e in before] + added
    log.eval.scorers = [
        e.model_copy(update={"name": kept_as}) if kept_as and e.name == name else e
        for e in aside.eval_scorers or []
    ] + _added(aside.eval_scorers or [], log.eval.scorers or [])
    log.reductions = [
        e.model_copy(update={"scorer": kept_as}) if kept_as and e.scorer == name else e
        for e in aside.reductions or []
    ] + _added(aside.reductions or [], log.reductions or [])
    return Settled("replaced" if kept_as else "added", kept_as)


def made_at(log: EvalLog, aside: SetAside) -> datetime:
    """When the version of NAME that was set aside was made.

    The time `riskcase monitor` recorded in its results entry, else the time the
    evaluation finished (or was created).
    """
    for entry in _entries(aside.results, aside.name):
        stamp = (entry.metadata or {}).get(RESCORED_AT)
        if isinstance(stamp, str):
            return _parse(stamp)
    return _parse(log.stats.completed_at or log.eval.created)


def version_name(log: EvalLog, name: str, when: datetime) -> str:
    """``NAME@<when>``, with ``-2``, ``-3``... added if the log already uses that name."""
    taken = {key for sample in log.samples or [] for key in (sample.scores or {})}
    taken |= {entry.scorer for entry in (log.results.scores if log.results else [])}
    base = f"{name}{VERSION_SEP}{_utc_text(when)}"
    candidate, count = base, 1
    while candidate in taken:
        count += 1
        candidate = f"{base}-{count}"
    return candidate


def _entries(results: EvalResults | None, name: str) -> list[EvalScore]:
    return [entry for entry in (results.scores if results else []) if entry.scorer == name]


def _rename_score(entry: EvalScore, name: str, kept_as: str | None) -> EvalScore:
    if kept_as is None or entry.scorer != name:
        return entry
    label = kept_as if entry.name == name else f"{entry.name}{kept_as[len(name) :]}"
    return entry.model_copy(update={"name": label, "scorer": kept_as})


def _added(before: list[Any], after: list[Any]) -> list[Any]:
    old = {id(item) for item in before}
    return [item for item in after if id(item) not in old]


def _with_version(
    scores: dict[str, Score], name: str, kept_as: str, old: Score
) -> dict[str, Score]:
    """`scores` with the previous version `old` placed just before the new NAME score."""
    placed: dict[str, Score] = {}
    for key, score in scores.items():
        if key == name:
            placed[kept_as] = old
        placed[key] = score
    placed.setdefault(kept_as, old)
    return placed


def _restore(log: EvalLog, aside: SetAside) -> None:
    for index, sample in enumerate(log.samples or []):
        sample.scores = aside.sample_scores[index]
        sample.events = aside.events[index]
    log.results = aside.results
    log.eval.scorers = aside.eval_scorers
    log.reductions = aside.reductions


def _same(old: dict[int, Score], new: dict[int, Score]) -> bool:
    return old.keys() == new.keys() and all(_dump(old[i]) == _dump(new[i]) for i in old)


def _dump(score: Score) -> str:
    return json.dumps(score.model_dump(mode="json"), sort_keys=True, default=str)


def _parse(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _utc_text(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
