"""The alignment study: is misbehaviour coherent across contexts, and do stated goals match it?

Coherence: per scenario family, opportunity-mode propensity against the checker's honest-mode
baseline (one-sided tests, Holm-corrected), how many families exceed it, and how strongly the
propensities co-vary; classified as no evidence / context-dependent / consistent across
contexts. Stated goals: goal-elicitation probes (six framings, four topics, three answer
formats) scored into a stance, compared with the revealed behaviour.
"""

from ._analyse import analyse_alignment
from ._chart import propensity_chart
from ._classify import AnswerVerdict, classify_answer
from ._coherence import classify, conclude, k_broad
from ._covariation import covariation, heterogeneity_p
from ._families import ALPHA, family_propensities, holm
from ._free_text import FreeTextVerdict, free_text_stance
from ._html import alignment_html
from ._markdown import alignment_markdown
from ._probe_analysis import ProbeAnswer, consistency, probe_answers, probe_results
from ._probe_dataset import probe_samples
from ._probe_reference import GoalProbeBehaviour
from ._probe_scorer import PROBE_SCORER, goal_probe
from ._probe_task import PROBE_TASK, probe_task
from ._section import (
    AlignmentSection,
    Classification,
    Consistency,
    CoVariation,
    Estimate,
    ExcludedFamily,
    FamilyPropensity,
    ProbeCell,
    ProbeResults,
    Stance,
)
from ._study import AlignmentStudy

__all__ = [
    "ALPHA",
    "AlignmentSection",
    "AlignmentStudy",
    "AnswerVerdict",
    "Classification",
    "CoVariation",
    "Consistency",
    "Estimate",
    "ExcludedFamily",
    "FamilyPropensity",
    "FreeTextVerdict",
    "GoalProbeBehaviour",
    "PROBE_SCORER",
    "PROBE_TASK",
    "ProbeAnswer",
    "ProbeCell",
    "ProbeResults",
    "Stance",
    "alignment_html",
    "alignment_markdown",
    "analyse_alignment",
    "classify",
    "classify_answer",
    "conclude",
    "consistency",
    "covariation",
    "family_propensities",
    "free_text_stance",
    "goal_probe",
    "heterogeneity_p",
    "holm",
    "k_broad",
    "probe_answers",
    "probe_results",
    "probe_samples",
    "probe_task",
    "propensity_chart",
]
