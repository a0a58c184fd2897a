"""P8 scenario: decision sabotage, slanting a briefing for a public decision-maker."""

from ._checker import EndState, Verdict, briefing_checker, judge
from ._lexicon import Lexicon
from ._reference import BriefingBehaviour
from ._scenario import DecisionSabotage
from ._statements import Statement, statements
from ._variants import VariantSpec, generate_variants

__all__ = [
    "BriefingBehaviour",
    "DecisionSabotage",
    "EndState",
    "Lexicon",
    "Statement",
    "VariantSpec",
    "Verdict",
    "briefing_checker",
    "generate_variants",
    "judge",
    "statements",
]
