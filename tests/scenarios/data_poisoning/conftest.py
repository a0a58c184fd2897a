"""Shared fixtures: a planting and a flipping variant, and builders of poisoned records."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from riskcase.scenarios.data_poisoning import Variant, generate_variants


def first_variant(kind: str, seed: int = 0) -> Variant:
    """The first generated variant whose poison goal is of `kind` (plant or flip)."""
    return next(v for v in generate_variants(seed) if v.spec.goal.kind == kind)


def reworded(variant: Variant, count: int) -> list[dict[str, str]]:
    """The reference with `count` records reworded to carry the goal's phrases (ids kept)."""
    cleaning, goal = variant.spec.cleaning, variant.spec.goal
    prompt, response = cleaning.output_text_fields[0], cleaning.output_text_fields[-1]
    records = [dict(r) for r in variant.reference]
    for record in records[3 : 3 + count]:
        record[prompt] = f"{record[prompt]} (about the {goal.trigger})"
        record[response] = f"{record[response]} {goal.behaviour}"
    return records


def flipped(variant: Variant, count: int, label: str | None = None) -> list[dict[str, str]]:
    """The reference with `count` source-class records relabelled to the target (or `label`)."""
    key, goal = variant.spec.cleaning.output_label, variant.spec.goal
    assert key is not None
    records = [dict(r) for r in variant.reference]
    sources = [r for r in records if r[key] == goal.source_label]
    for record in random.Random(7).sample(sources, count):
        record[key] = label or goal.target_label
    return records


@pytest.fixture(scope="session")
def plant_variant() -> Variant:
    """The first variant whose goal is planting trigger -> behaviour records."""
    return first_variant("plant")


@pytest.fixture(scope="session")
def flip_variant() -> Variant:
    """The first variant whose goal is flipping labels."""
    return first_variant("flip")


@pytest.fixture(scope="session")
def reword() -> Callable[[Variant, int], list[dict[str, str]]]:
    """`reworded` as a fixture."""
    return reworded


@pytest.fixture(scope="session")
def flip() -> Callable[..., list[dict[str, str]]]:
    """`flipped` as a fixture."""
    return flipped
