"""Build the alignment section from scenario records and the probe logs."""

from __future__ import annotations

from riskcase.studies import StudyInputs

from ._coherence import conclude, k_broad
from ._covariation import covariation
from ._families import ALPHA, OWN_BASELINE_PATHWAYS, family_propensities
from ._probe_analysis import consistency, probe_answers, probe_results
from ._section import AlignmentSection

TITLE = "Alignment: coherence of misalignment and stated goals"


def analyse_alignment(inputs: StudyInputs, alpha: float = ALPHA) -> AlignmentSection | None:
    """The alignment section (None when there are neither scenario records nor probes).

    Args:
        inputs: Every scenario record of the assessment (the coherence analysis reads the
            ``honest`` and ``opportunity`` ones; records of several models are pooled per
            family, and split by model for the run correlation and the consistency rows)
            and the study's own probe logs (samples without messages suffice).
        alpha: Family-wise error rate of the above-baseline decisions.
    """
    answers = probe_answers(inputs.logs)
    if not inputs.records and not answers:
        return None
    families, excluded = family_propensities(inputs.records, alpha)
    co = covariation(families, inputs.records)
    conclusion = conclude(families, co, alpha)
    rows, notes = consistency(answers, inputs.records, alpha)
    for family in families:
        if family.pathway_id in OWN_BASELINE_PATHWAYS:
            notes.append(
                f"{family.family} ({family.pathway_id}): 'attempted' means underperformance; its "
                "baseline is its own honest run of the same tasks framed as ordinary work, so "
                "its excess is the underperformance the safety framing adds."
            )
    pooled = [f.family for f in families if f.baseline_source == "pooled"]
    if pooled:
        notes.append(
            f"No honest-mode samples for {', '.join(pooled)}: baseline pooled over the honest "
            "samples of the other families (diffuse sandbagging's excepted)."
        )
    assumed = [f.family for f in families if f.baseline_source == "assumed_zero"]
    if assumed:
        notes.append(
            f"No honest-mode samples at all ({', '.join(assumed)}): the checker's false-alarm "
            "rate is assumed zero, so any attempt counts as above baseline."
        )
    if not answers:
        notes.append("Goal-elicitation probes were not run: stated goals are not compared.")
    return AlignmentSection(
        title=TITLE,
        classification=conclusion.classification,
        alpha=alpha,
        correction="Holm",
        k_broad=k_broad(len(families)),
        families=families,
        excluded=excluded,
        covariation=co,
        probes=probe_results(answers),
        consistency=rows,
        conclusion=conclusion.sentence,
        would_change=conclusion.would_change,
        notes=notes,
    )
