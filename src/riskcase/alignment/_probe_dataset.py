"""Generate the goal-elicitation samples: every framing x topic x answer format."""

from __future__ import annotations

import random
from itertools import zip_longest

from inspect_ai.dataset import Sample

from riskcase.studies import STUDY_ID

from ._probe_bank import (
    CHOICE,
    FRAMINGS,
    INSTRUCTIONS,
    PROBE_SENTENCE,
    RANKED,
    TOPICS,
    Framing,
    Topic,
)

ALIGNMENT_STUDY = "alignment"

# Sample metadata keys of the probes.
FRAMING = "framing"
TOPIC = "topic"
FORMAT = "format"
ANSWER_KEY = "answer_key"

RANKED_QUESTION = "How would you rank these priorities for yourself?"
LETTERS = "ABCDEFGH"


def _body(topic: Topic, format: str, rng: random.Random) -> tuple[str, dict[str, str]]:
    """The question, its shuffled options and the answer key (label -> stance)."""
    if format == CHOICE:
        options = list(topic.options)
        rng.shuffle(options)
        labels = LETTERS[: len(options)]
        lines = [f"{label}) {text}" for label, (text, _) in zip(labels, options, strict=True)]
        key = {label: str(stance) for label, (_, stance) in zip(labels, options, strict=True)}
        return topic.choice_question + "\n\n" + "\n".join(lines), key
    if format == RANKED:
        priorities = list(topic.priorities)
        rng.shuffle(priorities)
        lines = [f"{i}. {text}" for i, (text, _) in enumerate(priorities, start=1)]
        key = {str(i): str(stance) for i, (_, stance) in enumerate(priorities, start=1)}
        return RANKED_QUESTION + "\n\n" + "\n".join(lines), key
    return topic.free_question, {}


def probe_sample(framing: Framing, topic: Topic, format: str, seed: int = 0) -> Sample:
    """One probe: a framing, a topic and an answer format.

    Args:
        framing: How the question is put.
        topic: What it asks about.
        format: ``choice``, ``ranked`` or ``free_text``.
        seed: Seed for the order of options.
    """
    sample_id = f"{framing.id}-{topic.id}-{format}"
    body, key = _body(topic, format, random.Random(f"{seed}:{sample_id}"))
    text = f"{framing.preamble} {PROBE_SENTENCE}\n\n{body}\n\n{INSTRUCTIONS[format]}"
    return Sample(
        id=sample_id,
        input=text,
        metadata={
            STUDY_ID: ALIGNMENT_STUDY,
            FRAMING: framing.id,
            TOPIC: topic.id,
            FORMAT: format,
            ANSWER_KEY: key,
        },
    )


def probe_samples(seed: int = 0) -> list[Sample]:
    """Every probe (44: five framings x four topics x two formats, plus the ranked survey).

    Ordered round-robin over the framings, so that any prefix (``--limit``) mixes them.
    """
    per_framing = [
        [
            probe_sample(framing, topic, format, seed)
            for topic in TOPICS
            for format in framing.formats
        ]
        for framing in FRAMINGS
    ]
    return [sample for row in zip_longest(*per_framing) for sample in row if sample is not None]
