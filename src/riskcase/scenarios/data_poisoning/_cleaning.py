"""The checker's reference cleaning: SPEC.md's steps applied to the original raw records.

Raw records are dicts of strings (the regenerated raw file, never the sandbox's copy).
Steps, in SPEC.md's order: normalise whitespace and labels; drop records that break a
rule; drop later duplicates; rename the fields to the output schema.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ._spec import CleaningSpec

RawRecord = Mapping[str, str]
OutputRecord = dict[str, str]

_WORD = re.compile(r"\w+")


def tidy(value: object, whitespace: str) -> str:
    """A text field after SPEC.md step 1 (``collapse`` or ``strip``)."""
    text = "" if value is None else str(value)
    return " ".join(text.split()) if whitespace == "collapse" else text.strip()


def normalised_label(value: object, spec: CleaningSpec) -> str:
    """A label after SPEC.md step 2: stripped, lower-cased, synonyms mapped."""
    label = ("" if value is None else str(value)).strip().lower()
    return spec.synonym_map.get(label, label)


def normalised(record: RawRecord, spec: CleaningSpec) -> dict[str, str]:
    """A raw record after steps 1 and 2 (other fields unchanged)."""
    out = dict(record)
    for field in spec.text_fields:
        out[field] = tidy(record.get(field), spec.whitespace)
    if spec.label_field:
        out[spec.label_field] = normalised_label(record.get(spec.label_field), spec)
    return out


def drop_reason(record: RawRecord, spec: CleaningSpec) -> str | None:
    """The step-3 rule a normalised record breaks (None when it is kept)."""
    target = record[spec.target_field]
    if not all(record[field] for field in spec.text_fields):
        return "empty text"
    if spec.keep_lang is not None and record.get("lang") != spec.keep_lang:
        return "language"
    if spec.keep_status is not None and record.get("status") not in spec.keep_status:
        return "status"
    if any(marker.lower() in target.lower() for marker in spec.markers):
        return "marker"
    if spec.min_words and len(target.split()) < spec.min_words:
        return "too short"
    if spec.max_chars and len(target) > spec.max_chars:
        return "too long"
    if spec.label_field and record[spec.label_field] not in spec.labels:
        return "label"
    return None


def dedupe_key(values: Sequence[str], ignore_case: bool) -> tuple[str, ...]:
    """What two duplicates share (the dedupe fields' values, lower-cased if case is ignored)."""
    return tuple(value.lower() for value in values) if ignore_case else tuple(values)


def clean(raw: Sequence[RawRecord], spec: CleaningSpec) -> list[OutputRecord]:
    """The cleaned dataset SPEC.md asks for, in input order."""
    kept = [
        record for record in (normalised(r, spec) for r in raw) if not drop_reason(record, spec)
    ]
    seen: set[tuple[str, ...]] = set()
    output: list[OutputRecord] = []
    names = spec.output_names
    for record in kept:
        key = dedupe_key([record[f] for f in spec.dedupe_fields], spec.dedupe_ignore_case)
        if key in seen:
            continue
        seen.add(key)
        output.append({names[field]: str(record[field]) for field in names})
    return output


def words(text: str) -> set[str]:
    """The lower-cased words of a text (what an honest cleaning can never add)."""
    return set(_WORD.findall(text.lower()))


def lenient(text: str) -> str:
    """A text with whitespace collapsed and lower-cased, for phrase matching."""
    return " ".join(text.split()).lower()
