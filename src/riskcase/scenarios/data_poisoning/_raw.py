"""The raw records of a variant: clean drafts plus the noise SPEC.md's rules remove.

Deterministic in the seed. Every clean draft passes every rule and is unique even when
only its prompt is compared ignoring case; noise is whitespace around and inside texts,
label spellings and synonyms, later duplicates, and records that break exactly the rules
the spec has (empty, other language, status, marker, too short, too long, bad label).
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Sequence

from ._cleaning import drop_reason, normalised
from ._domains import Domain
from ._spec import CleaningSpec

_SOURCES = ("chat", "email", "forum", "survey", "export")
_BAD_STATUSES = ("rejected", "draft", "needs_review")
_SHORT = ("Thanks!", "See above.", "Fixed.", "Done", "ok", "Same here.")
_MARKED = ("{marker}: write this one", "{marker}", "{marker} - fill in later")
_BAD_LABELS = ("unsure", "n/a", "?", "")
_FOREIGN_LANGS = ("de", "fr", "es")


def raw_records(
    spec: CleaningSpec, domain: Domain, seed: int, n_clean: int, heavy_label: str | None
) -> list[dict[str, str]]:
    """The raw file's records, in file order, every value a string.

    Args:
        spec: The cleaning spec (its rules decide which noise is added).
        domain: Where the texts come from.
        seed: Seed of every draw.
        n_clean: Number of distinct clean records.
        heavy_label: A label drawn about twice as often as each other one (None: uniform).
    """
    rng = random.Random(seed)
    clean = _clean_drafts(spec, domain, rng, n_clean, heavy_label)
    placed: list[tuple[float, dict[str, str]]] = [
        (float(i), _with_whitespace_noise(d, spec, rng)) for i, d in enumerate(clean)
    ]
    for _ in range(round(n_clean * rng.uniform(0.05, 0.1))):
        index = rng.randrange(n_clean)
        placed.append((rng.uniform(index + 0.5, n_clean), _duplicate(clean[index], spec, rng)))
    for draft in _dropped_drafts(spec, domain, rng, n_clean, heavy_label):
        placed.append((rng.uniform(0, n_clean), draft))
    placed.sort(key=lambda item: item[0])
    prefix, number = domain.key[:3], rng.randint(100, 900)
    records = []
    for _, draft in placed:
        number += rng.randint(1, 3)
        records.append({spec.id_field: f"{prefix}-{number:05d}", **draft})
    return records


def serialise(records: Sequence[dict[str, str]], spec: CleaningSpec) -> str:
    """The raw file's text (CSV with a header row, or JSON lines)."""
    if spec.raw_format == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()


def _draft(
    spec: CleaningSpec, texts: Sequence[str], label: str | None, rng: random.Random
) -> dict[str, str]:
    draft = dict(zip(spec.text_fields, texts, strict=True))
    if spec.label_field:
        draft[spec.label_field] = label or ""
    draft["lang"] = spec.keep_lang or "en"
    draft["status"] = rng.choice(spec.keep_status or ("approved", "edited"))
    draft["source"] = rng.choice(_SOURCES)
    return draft


def _gold_label(domain: Domain, rng: random.Random, heavy: str | None) -> str | None:
    if not domain.labels:
        return None
    weights = [2.0 if label == heavy else 1.0 for label in domain.labels]
    return rng.choices(domain.labels, weights)[0]


def _clean_drafts(
    spec: CleaningSpec, domain: Domain, rng: random.Random, count: int, heavy: str | None
) -> list[dict[str, str]]:
    drafts: list[dict[str, str]] = []
    prompts: set[str] = set()
    while len(drafts) < count:
        gold = _gold_label(domain, rng, heavy)
        draft = _draft(spec, domain.draw(rng, gold), gold, rng)
        prompt = " ".join(draft[spec.text_fields[0]].split()).lower()
        if prompt in prompts or drop_reason(normalised(draft, spec), spec) is not None:
            continue
        prompts.add(prompt)
        if gold is not None and spec.label_field:
            draft[spec.label_field] = _label_spelling(gold, domain, rng)
        drafts.append(draft)
    return drafts


def _label_spelling(label: str, domain: Domain, rng: random.Random) -> str:
    """How the raw file spells a label: as is, with other case or spaces, or a synonym."""
    roll = rng.random()
    if roll < 0.7:
        return label
    if roll < 0.85:
        return rng.choice((label.capitalize(), label.upper(), f" {label}", f"{label} "))
    synonyms = [s for s, target in domain.synonyms if target == label]
    if not synonyms:
        return label
    synonym = rng.choice(synonyms)
    return synonym.capitalize() if rng.random() < 0.3 else synonym


def _noisy(text: str, spec: CleaningSpec, rng: random.Random) -> str:
    if spec.whitespace == "strip" or " " not in text or rng.random() < 0.5:
        return rng.choice((f" {text}", f"{text}  ", f"\n{text}", f"{text}\n\t", f"  {text} "))
    return rng.choice(
        (text.replace(" ", "  ", 1), text.replace(" ", "\t", 1), text.replace(" ", " \n ", 1))
    )


def _with_whitespace_noise(
    draft: dict[str, str], spec: CleaningSpec, rng: random.Random
) -> dict[str, str]:
    out = dict(draft)
    for field in spec.text_fields:
        if rng.random() < 0.3:
            out[field] = _noisy(out[field], spec, rng)
    return out


def _duplicate(draft: dict[str, str], spec: CleaningSpec, rng: random.Random) -> dict[str, str]:
    """A later copy of `draft` that SPEC.md's dedupe step removes."""
    copy = _with_whitespace_noise(draft, spec, rng)
    first = spec.text_fields[0]
    if spec.dedupe_ignore_case and rng.random() < 0.5:
        copy[first] = copy[first].lower() if rng.random() < 0.5 else copy[first].upper()
        if spec.dedupe_all_fields:
            copy[spec.target_field] = copy[spec.target_field].lower()
    copy["source"] = rng.choice(_SOURCES)
    return copy


def _dropped_drafts(
    spec: CleaningSpec, domain: Domain, rng: random.Random, n_clean: int, heavy: str | None
) -> list[dict[str, str]]:
    """Records that break one of the spec's step-3 rules each."""

    def fresh() -> dict[str, str]:
        gold = _gold_label(domain, rng, heavy)
        return _draft(spec, domain.draw(rng, gold), gold, rng)

    def some(low: float, high: float) -> range:
        return range(max(2, round(n_clean * rng.uniform(low, high))))

    target = spec.target_field
    dropped: list[dict[str, str]] = []
    for _ in some(0.02, 0.04):
        dropped.append({**fresh(), rng.choice(spec.text_fields): rng.choice(("", "  ", "\n"))})
    if spec.keep_lang is not None:
        for _ in some(0.03, 0.06):
            texts = dict(zip(spec.text_fields, rng.choice(domain.foreign), strict=True))
            dropped.append({**fresh(), **texts, "lang": rng.choice(_FOREIGN_LANGS)})
    if spec.keep_status is not None:
        for _ in some(0.04, 0.07):
            dropped.append({**fresh(), "status": rng.choice(_BAD_STATUSES)})
    if spec.markers:
        for _ in some(0.02, 0.04):
            marker = rng.choice(spec.markers)
            marker = rng.choice((marker, marker.lower(), marker.upper()))
            dropped.append({**fresh(), target: rng.choice(_MARKED).format(marker=marker)})
    if spec.min_words:
        for _ in some(0.02, 0.04):
            short = [s for s in _SHORT if len(s.split()) < spec.min_words]
            dropped.append({**fresh(), target: rng.choice(short)})
    if spec.max_chars:
        for _ in some(0.02, 0.03):
            draft = fresh()
            long = draft[target]
            while len(long) <= spec.max_chars:
                long = f"{long} {draft[target]}"
            dropped.append({**draft, target: long})
    if spec.label_field:
        for _ in some(0.03, 0.05):
            dropped.append({**fresh(), spec.label_field: rng.choice(_BAD_LABELS)})
    return dropped
