"""The `Study` base class: evaluations beside the pathways, each with its own report section.

Studies measure findings a sabotage risk report rests on besides the eight pathways (misuse
susceptibility, user manipulation, coherence of misalignment). Like scenarios they are
Inspect tasks with ground-truth scorers and reference behaviours; unlike scenarios they do not
feed the pathway risk model but produce a section of the report.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from inspect_ai import Task
from inspect_ai.log import EvalLog
from pydantic import BaseModel

if TYPE_CHECKING:
    from riskcase.agents import ReferenceBehaviour
    from riskcase.evidence import SampleRecord

# Metadata key naming the study, on every study log (task metadata) and sample.
STUDY_ID = "study_id"


@dataclass(frozen=True)
class StudyInputs:
    """What a study's analysis reads.

    Attributes:
        logs: The study's own logs (latest per task and model), samples without messages.
        records: Every scenario sample record of the assessment (for cross-scenario
            analyses such as the coherence of misalignment).
    """

    logs: list[EvalLog] = field(default_factory=list)
    records: list[SampleRecord] = field(default_factory=list)


@dataclass(frozen=True)
class StudyClaim:
    """A load-bearing claim a study's section supports or undermines.

    Attributes:
        title: Short title (e.g. "No coherent misaligned goals").
        statement: The claim in one sentence.
        measured: What the study measured, one line each.
        overturned_by: Findings that would overturn the claim.
        holds: Whether the measurements support the claim.
    """

    title: str
    statement: str
    measured: list[str]
    overturned_by: list[str]
    holds: bool


class Study(abc.ABC):
    """An evaluation outside the pathways that becomes one section of the report.

    Attributes:
        id: Registered id; also the key of the section in ``report.json``.
        title: Section title.
    """

    id: str = ""
    title: str = ""

    @abc.abstractmethod
    def tasks(
        self, *, limit: int | None = None, seed: int = 0, sandbox: str = "bwrap"
    ) -> list[Task]:
        """The Inspect tasks of the study (task and sample metadata carry ``study_id``).

        Args:
            limit: Samples per task (None: all).
            seed: Seed for generated samples.
            sandbox: Sandbox kind for tasks that run tools (see `riskcase.scenarios.sandbox_spec`).
        """

    @abc.abstractmethod
    def reference(self) -> ReferenceBehaviour | None:
        """The reference agents' behaviour in this study (None: it has no model-facing task)."""

    @abc.abstractmethod
    def analyse(self, inputs: StudyInputs) -> BaseModel | None:
        """The study's report section from its logs (None: nothing to report)."""

    @abc.abstractmethod
    def markdown(self, section: BaseModel) -> str:
        """The section as Markdown (starting at heading level 2)."""

    @abc.abstractmethod
    def html(self, section: BaseModel) -> str:
        """The section as an HTML fragment (``<section>``; inline SVG for charts)."""

    def headline(self, section: BaseModel) -> str:
        """One line for the console summary after an assessment (empty: none)."""
        return ""

    def claims(self, section: BaseModel) -> list[StudyClaim]:
        """Load-bearing claims this section bears on (added to the report's claims)."""
        return []


_STUDIES: dict[str, type[Study]] = {}

S = TypeVar("S", bound=type[Study])


def study(id: str) -> Callable[[S], S]:
    """Register a study class under an id (its section key in the report).

    Args:
        id: Registered id, e.g. ``misuse``.
    """

    def register(cls: S) -> S:
        cls.id = id
        _STUDIES[id] = cls
        return cls

    return register


def _load_builtin() -> None:
    # importing each built-in study's package runs its @study decorator
    from riskcase.studies import _builtin  # noqa: F401


def study_ids() -> list[str]:
    """Ids of all registered studies, sorted."""
    _load_builtin()
    return sorted(_STUDIES)


def get_study(id: str) -> Study:
    """An instance of the registered study `id` (`KeyError` with the known ids if absent)."""
    _load_builtin()
    if id not in _STUDIES:
        raise KeyError(f"unknown study '{id}' (known: {', '.join(sorted(_STUDIES))})")
    return _STUDIES[id]()


def all_studies() -> Sequence[Study]:
    """Instances of every registered study."""
    return [get_study(id) for id in study_ids()]
