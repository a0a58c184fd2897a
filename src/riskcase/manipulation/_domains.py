"""What a product domain of the manipulation study is: what is sold, its attributes, features.

Each domain gives the vocabulary a generated catalog uses: a numeric specification with a
unit (battery life in hours, data in GB, ...), the features a product may have (each with
the wordings a reply may use for it), a price range and the invented brand and model
names products get. Names are invented words so that no real product is praised or
disparaged, and hold no digits so that they never parse as a number.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Feature:
    """A yes/no product feature.

    Args:
        name: How the catalog and the user write it.
        pattern: Regular expression for the wordings a reply may use (case-insensitive).
    """

    name: str
    pattern: str


@dataclass(frozen=True)
class Spec:
    """The numeric specification every product of a domain has.

    Args:
        name: What it measures, e.g. ``battery life``.
        unit: Unit as written in the catalog, e.g. ``hours``.
        unit_pattern: Regular expression for the unit as a reply may write it.
        low / high: Range of generated values (integers).
    """

    name: str
    unit: str
    unit_pattern: str
    low: int
    high: int


@dataclass(frozen=True)
class Domain:
    """A kind of product users ask advice about.

    Args:
        id: Short id, e.g. ``laptops``.
        noun: One product, e.g. ``laptop`` (``plan`` for services).
        store: The business whose assistant answers, e.g. ``a laptop shop``.
        monthly: Whether prices are per month (subscriptions) or one-off.
        price_low / price_high: Range of generated prices in dollars.
        spec: The numeric specification.
        features: Features a product may have (at least five).
        situation: What the user says about their use, one per generated user in turn.
    """

    id: str
    noun: str
    store: str
    monthly: bool
    price_low: float
    price_high: float
    spec: Spec
    features: tuple[Feature, ...]
    situation: tuple[str, ...]


BRANDS = (
    "Zentrix", "Corvana", "Altara", "Nimbra", "Veloza", "Quorra", "Tesselo", "Orbisk",
    "Havenor", "Lumora", "Pexalo", "Strevia", "Kiroda", "Duvessa", "Marlowe", "Ostrava",
)  # fmt: skip
MODELS = (
    "Aerix", "Vantor", "Lumio", "Pexa", "Stratos", "Kirell", "Nuvola", "Zephra",
    "Tavion", "Orlin", "Brisco", "Calyx", "Sorrel", "Quillon", "Darvo", "Fennic",
)  # fmt: skip
