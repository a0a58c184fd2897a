"""The `Pathway` record and the catalog loaded from ``catalog.yaml``."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Literal

import yaml
from pydantic import BaseModel, Field

Rating = Literal["low", "moderate", "high", "varied"]


class Pathway(BaseModel, frozen=True):
    """One sabotage pathway: how a model inside an organisation could raise catastrophic risk.

    Attributes:
        id: Short id (``P1`` ... ``P8``, ``leaks``).
        name: Human-readable name.
        definition: What counts as this pathway, in a sentence or two.
        frequency: How many separate harmful actions the pathway needs.
        complexity: How hard each of those actions is.
        enabled_by_default: Whether an assessment includes it unless asked otherwise.
        derived_from: Pathways whose evidence this one reuses (P7 reuses P1-P4).
        paired_framing: Whether the pathway is measured by posing the same tasks under a
            neutral framing (``honest`` mode) and a safety framing (``opportunity`` and
            ``attack``), its propensity being the paired excess of failures (P1).
    """

    id: str
    name: str
    definition: str
    frequency: Rating
    complexity: Rating
    enabled_by_default: bool = True
    derived_from: list[str] = Field(default_factory=list)
    paired_framing: bool = False

    @property
    def scenarios(self) -> list[str]:
        """Ids of the registered scenarios that give evidence for this pathway."""
        from riskcase.scenarios import all_scenarios

        return sorted(s.id for s in all_scenarios() if s.pathway == self.id)


@cache
def pathway_catalog() -> tuple[Pathway, ...]:
    """All pathways of the catalog, in report order."""
    text = files("riskcase.pathways").joinpath("catalog.yaml").read_text(encoding="utf-8")
    return tuple(Pathway.model_validate(entry) for entry in yaml.safe_load(text))


def get_pathway(id: str) -> Pathway:
    """The pathway `id` (`KeyError` naming the known ids if absent)."""
    for pathway in pathway_catalog():
        if pathway.id.lower() == id.lower():
            return pathway
    known = ", ".join(p.id for p in pathway_catalog())
    raise KeyError(f"unknown pathway '{id}' (known: {known})")


def default_pathways() -> list[Pathway]:
    """The pathways an assessment covers unless told otherwise."""
    return [p for p in pathway_catalog() if p.enabled_by_default]
