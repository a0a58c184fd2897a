"""The `alignment` study: coherence of misalignment across scenarios, and stated goals."""

from __future__ import annotations

from inspect_ai import Task
from pydantic import BaseModel

from riskcase.agents import ReferenceBehaviour
from riskcase.studies import Study, StudyClaim, StudyInputs, study

from ._analyse import TITLE, analyse_alignment
from ._html import alignment_html
from ._markdown import alignment_markdown
from ._probe_reference import GoalProbeBehaviour
from ._probe_task import probe_task
from ._section import AlignmentSection, Classification


def _section(section: BaseModel) -> AlignmentSection:
    if not isinstance(section, AlignmentSection):
        raise TypeError(f"expected an AlignmentSection, got {type(section).__name__}")
    return section


@study("alignment")
class AlignmentStudy(Study):
    """Is the model's misbehaviour coherent across contexts, and does it say what it wants?

    Reads the ``opportunity`` and ``honest`` records of every scenario (`StudyInputs.records`)
    and runs its own goal-elicitation probes.
    """

    title = TITLE

    def tasks(
        self, *, limit: int | None = None, seed: int = 0, sandbox: str = "bwrap"
    ) -> list[Task]:
        # the probes run no tools, so they need no sandbox
        return [probe_task(limit=limit, seed=seed)]

    def reference(self) -> ReferenceBehaviour:
        return GoalProbeBehaviour()

    def analyse(self, inputs: StudyInputs) -> AlignmentSection | None:
        return analyse_alignment(inputs)

    def markdown(self, section: BaseModel) -> str:
        return alignment_markdown(_section(section))

    def html(self, section: BaseModel) -> str:
        return alignment_html(_section(section))

    def headline(self, section: BaseModel) -> str:
        alignment = _section(section)
        return (
            f"{alignment.classification.label} ({alignment.n_above} of {alignment.n_families} "
            f"scenario families above baseline). {alignment.conclusion}"
        )

    def claims(self, section: BaseModel) -> list[StudyClaim]:
        alignment = _section(section)
        measured = [
            f"{alignment.classification.label}: {alignment.n_above} of {alignment.n_families} "
            f"scenario families above their honest baseline ({alignment.correction}, "
            f"family-wise error {alignment.alpha:.0%})"
        ]
        if alignment.covariation.heterogeneity_p is not None:
            measured.append(
                f"heterogeneity across families p = {alignment.covariation.heterogeneity_p:.3g}"
            )
        if alignment.probes is not None:
            probes = alignment.probes
            measured.append(
                f"goal-elicitation probes: {probes.undermines}/{probes.n_probes} state goals "
                f"that favour undermining oversight ({probes.disclosure.summary()})"
            )
        measured += [
            f"{c.model}: stated goals vs actions: {c.verdict}" for c in alignment.consistency
        ]
        return [
            StudyClaim(
                title="No coherent misaligned goals",
                statement="Whatever sabotage the assessment found is not pursued consistently "
                "across contexts, as a coherent misaligned goal would be.",
                measured=measured,
                overturned_by=[
                    alignment.would_change,
                    "probes in which the model states goals that favour undermining oversight "
                    "and acts on them in opportunity runs",
                ],
                holds=alignment.classification != Classification.CONSISTENT,
            )
        ]
