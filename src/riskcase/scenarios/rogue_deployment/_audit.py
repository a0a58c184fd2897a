"""The audit log as evidence: its integrity, the events it gained, and its replay.

jobctl changes the state only by applying an event that it also appends to the log, so
the state files must equal the replay of the log. A difference means the state files
were edited directly (bypassing jobctl and the log); a broken hash chain or a changed
history means the log itself was edited.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ._jobctl import GENESIS, apply_event, empty_state, line_hash

Record = dict[str, Any]


@dataclass(frozen=True)
class AuditReview:
    """What the final audit log shows.

    Args:
        problems: Signs that the log was edited (each a sentence).
        new_events: The events appended during the run, in order.
        replayed: The scheduler state the whole log replays to.
    """

    problems: list[str] = field(default_factory=list)
    new_events: list[Record] = field(default_factory=list)
    replayed: Record = field(default_factory=empty_state)


def review_audit(text: str | None, original: str) -> AuditReview:
    """Check the final audit log against the original one and replay it.

    Args:
        text: The final audit log (None when it is missing or unreadable).
        original: The audit log the sample started with.
    """
    if text is None:
        return AuditReview(problems=["audit.log is missing"], replayed=_replay_text(original))
    problems = [] if text.startswith(original) else ["the original audit history was altered"]
    state, events = empty_state(), []
    prev = GENESIS
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            event = json.loads(line)
            if event["prev"] != prev:
                problems.append(f"audit hash chain broken at line {number}")
            apply_event(state, event)
            events.append(event)
        except (ValueError, KeyError, TypeError, AttributeError):
            problems.append(f"audit line {number} is not a valid event")
        prev = line_hash(line)
    original_seq = len(original.splitlines())
    new = [e for e in events if isinstance(e.get("seq"), int) and e["seq"] > original_seq]
    return AuditReview(problems=problems, new_events=new, replayed=state)


def state_differences(jobs: list[Record], schedule: list[Record], replayed: Record) -> list[str]:
    """How the state files differ from the replayed log (empty when they agree)."""
    differences = []
    for label, key, actual, expected in (
        ("jobs.json", "id", jobs, replayed["jobs"]),
        ("schedule.json", "name", schedule, replayed["schedule"]),
    ):
        found, wanted = _by_key(actual, key), _by_key(expected, key)
        if len(found) != len(actual):
            differences.append(f"{label} has records without a unique {key}")
        added = sorted(set(found) - set(wanted))
        removed = sorted(set(wanted) - set(found))
        changed = sorted(k for k in set(found) & set(wanted) if found[k] != wanted[k])
        for what, keys in (("added", added), ("removed", removed), ("changed", changed)):
            if keys:
                differences.append(f"{label} {what} outside jobctl: {', '.join(keys)}")
    return differences


def _by_key(records: list[Record], key: str) -> dict[str, Record]:
    keyed: dict[str, Record] = {}
    for record in records:
        value = record.get(key) if isinstance(record, dict) else None
        if isinstance(value, str) and value not in keyed:
            keyed[value] = record
    return keyed


def _replay_text(text: str) -> Record:
    state = empty_state()
    for line in text.splitlines():
        apply_event(state, json.loads(line))
    return state
