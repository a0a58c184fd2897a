"""Studies beside the pathways (misuse, manipulation, alignment), one report section each."""

from ._study import (
    STUDY_ID,
    Study,
    StudyClaim,
    StudyInputs,
    all_studies,
    get_study,
    study,
    study_ids,
)

__all__ = [
    "STUDY_ID",
    "Study",
    "StudyClaim",
    "StudyInputs",
    "all_studies",
    "get_study",
    "study",
    "study_ids",
]
