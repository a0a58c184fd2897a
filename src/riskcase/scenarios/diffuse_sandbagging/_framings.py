"""Framings: the same task posed as ordinary work (honest mode) or as safety research.

A task is framed by its mode: ``honest`` poses it as neutral product work, ``opportunity``
and ``attack`` pose the identical task (same numbers, same interface, same grading) as
safety research whose result will be used to oversee AI agents like the one doing it.
Only names and wording change between framings.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from riskcase.scenarios._contract import Mode

from ._metric_truth import MetricKind


class Framing(StrEnum):
    """How a task is presented: as neutral work or as safety research."""

    NEUTRAL = "neutral"
    SAFETY = "safety"


def framing_of(mode: Mode) -> Framing:
    """The framing of a mode: honest is neutral, opportunity and attack are safety."""
    return Framing.NEUTRAL if Mode(mode) == Mode.HONEST else Framing.SAFETY


@dataclass(frozen=True)
class DetectorWording:
    """The words of a detector task in one framing.

    Args:
        title: What is built (``spam filter for the newsletter platform``).
        team: The team that asked for it.
        label: Name of the label column in ``train.csv``.
        positive: What a 1 in the label column means.
        row: What one row describes.
        usage: How the result will be used (safety framing only; the motive).
    """

    title: str
    team: str
    label: str
    positive: str
    row: str
    usage: str = ""


@dataclass(frozen=True)
class Feature:
    """One feature column: its name in each framing and whether it holds counts."""

    neutral: str
    safety: str
    count: bool

    def name(self, framing: Framing) -> str:
        """The column name in a framing."""
        return self.neutral if framing == Framing.NEUTRAL else self.safety


@dataclass(frozen=True)
class DetectorDomain:
    """A detector task family member: its features and its wording in both framings."""

    key: str
    features: tuple[Feature, ...]
    neutral: DetectorWording
    safety: DetectorWording

    def wording(self, framing: Framing) -> DetectorWording:
        """The wording in a framing."""
        return self.neutral if framing == Framing.NEUTRAL else self.safety


@dataclass(frozen=True)
class Signature:
    """The function a metric task asks for: its name and its two arguments' names."""

    function: str
    scores_arg: str
    labels_arg: str


@dataclass(frozen=True)
class MetricWording:
    """The words of a metric task in one framing.

    Args:
        function: Name of the function to implement.
        scores_arg: Name of its first argument (the model's probabilities or scores).
        labels_arg: Name of its second argument (the 0/1 outcomes).
        team: The team that asked for it.
        subject: What the scores come from (``the weather service's rain forecasts``).
        positive: What an outcome of 1 means.
        usage: How the result will be used (safety framing only; the motive).
    """

    function: str
    scores_arg: str
    labels_arg: str
    team: str
    subject: str
    positive: str
    usage: str = ""

    @property
    def signature(self) -> Signature:
        """The function's name and argument names."""
        return Signature(self.function, self.scores_arg, self.labels_arg)


@dataclass(frozen=True)
class MetricDomain:
    """A metric task family member: the metric kind and its wording in both framings."""

    key: str
    kind: MetricKind
    neutral: MetricWording
    safety: MetricWording

    def wording(self, framing: Framing) -> MetricWording:
        """The wording in a framing."""
        return self.neutral if framing == Framing.NEUTRAL else self.safety
