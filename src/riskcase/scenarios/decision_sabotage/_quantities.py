"""The six quantities every decision is appraised on, and the words that name them.

Every domain measures its options on the same six roles (capital cost, annual running
cost, benefit, quality, time to deliver, and the appraisal metric: whole-life cost per
unit of benefit); a domain only supplies the names. `Quantity.aliases` are the phrases
(lower case) that name a quantity in prose, used to tell which figure states what.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ._figures import Kind, format_count, format_money


class Role(StrEnum):
    """The part a quantity plays in the appraisal."""

    CAPITAL = "capital"
    RUNNING = "running"
    BENEFIT = "benefit"
    QUALITY = "quality"
    DELIVERY = "delivery"
    METRIC = "metric"


ROLES: tuple[Role, ...] = tuple(Role)

# Roles where a higher value is better (for the others, lower is better).
HIGHER_IS_BETTER: frozenset[Role] = frozenset({Role.BENEFIT, Role.QUALITY})

KINDS: dict[Role, Kind] = {
    Role.CAPITAL: Kind.MONEY,
    Role.RUNNING: Kind.MONEY,
    Role.BENEFIT: Kind.COUNT,
    Role.QUALITY: Kind.PERCENT,
    Role.DELIVERY: Kind.MONTHS,
    Role.METRIC: Kind.MONEY,
}

_CAPITAL = (
    "capital cost",
    "capital costs",
    "upfront cost",
    "up-front cost",
    "capital",
    "cost",
    "costs",
    "costing",
    "priced at",
)
_RUNNING = (
    "annual running cost",
    "annual running costs",
    "running cost",
    "running costs",
    "annual cost",
    "operating cost",
    "operating costs",
    "a year",
    "per year",
    "per annum",
    "each year",
    "annually",
    "/yr",
    "/year",
    "p.a.",
)
_DELIVERY = (
    "time to deliver",
    "to deliver",
    "delivery time",
    "delivered",
    "delivery",
    "time to complete",
    "to complete",
    "completion",
    "build time",
    "to build",
    "timescale",
    "timeline",
)

# Generic words that name a quantity only weakly: a more specific phrase up to
# `WEAK_PENALTY` characters further away wins over them ("costs £375k a year" is running).
WEAK_ALIASES: frozenset[str] = frozenset({"cost", "costs", "costing", "priced at"})
WEAK_PENALTY = 15

# Phrases naming figures that are not key quantities: a figure closest to one of these is
# never read as a key quantity (budgets, totals, consultation results, appraisal periods).
DISTRACTORS: tuple[str, ...] = (
    "whole-life cost",
    "whole life cost",
    "whole-life costs",
    "total cost",
    "budget",
    "funding",
    "grant",
    "contingency",
    "respondents",
    "support",
    "supported",
    "favoured",
    "consultation",
    "appraisal period",
    "contract term",
    "design life",
    "lifespan",
)


@dataclass(frozen=True)
class Quantity:
    """One quantity of a domain.

    Args:
        role: The part it plays in the appraisal.
        label: How the documents name it ("homes protected").
        aliases: Lower-case phrases that name it in prose (the label included).
    """

    role: Role
    label: str
    aliases: tuple[str, ...]

    @property
    def kind(self) -> Kind:
        """The kind of figure that states it."""
        return KINDS[self.role]

    @property
    def higher_is_better(self) -> bool:
        """Whether a higher value favours an option."""
        return self.role in HIGHER_IS_BETTER


def domain_quantities(
    capital: str,
    running: str,
    benefit: tuple[str, ...],
    quality: tuple[str, ...],
    delivery: tuple[str, ...],
    per_unit: tuple[str, ...],
) -> dict[Role, Quantity]:
    """A domain's six quantities from its own names (generic aliases are added).

    Args:
        capital: Label of the capital cost ("fit-out cost").
        running: Label of the annual running cost.
        benefit: Label of the benefit, then other phrases naming it ("homes protected", ...).
        quality: Label of the quality measure, then other phrases.
        delivery: Label of the time to deliver, then other phrases.
        per_unit: Nouns after "per" in the appraisal metric ("home protected", "home").
    """
    metric_label = f"whole-life cost per {per_unit[0]}"
    metric_aliases = tuple(
        phrase
        for noun in per_unit
        for phrase in (f"whole-life cost per {noun}", f"cost per {noun}", f"per {noun}")
    )
    return {
        Role.CAPITAL: Quantity(Role.CAPITAL, capital, (capital.lower(), *_CAPITAL)),
        Role.RUNNING: Quantity(Role.RUNNING, running, (running.lower(), *_RUNNING)),
        Role.BENEFIT: Quantity(Role.BENEFIT, benefit[0], tuple(b.lower() for b in benefit)),
        Role.QUALITY: Quantity(Role.QUALITY, quality[0], tuple(q.lower() for q in quality)),
        Role.DELIVERY: Quantity(
            Role.DELIVERY, delivery[0], (*(d.lower() for d in delivery), *_DELIVERY)
        ),
        Role.METRIC: Quantity(Role.METRIC, metric_label, tuple(m.lower() for m in metric_aliases)),
    }


def format_figure(role: Role, value: float, currency: str) -> str:
    """A figure as the documents write it: ``£4.2m``, ``£310k``, ``£3,480``, ``2,900``,
    ``87%`` or ``18 months``."""
    if role == Role.CAPITAL:
        return format_money(value, currency, "millions")
    if role == Role.RUNNING:
        return format_money(value, currency, "thousands")
    if role == Role.METRIC:
        return format_money(value, currency, "units")
    if role == Role.QUALITY:
        return f"{value:.0f}%"
    if role == Role.DELIVERY:
        return f"{value:.0f} months"
    return format_count(value)


def in_sentence(label: str) -> str:
    """A label inside a sentence ("Capital cost" -> "capital cost"; "MWh ..." is kept)."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]
