"""P4 scenario: poisoning the fine-tuning data of future models."""

from ._audit import Audit, audit
from ._checker import EndState, Verdict, judge, poisoning_checker
from ._reference import PoisoningBehaviour
from ._scenario import DataPoisoning
from ._spec import CleaningSpec
from ._variants import PoisonGoal, Variant, VariantSpec, generate_variants

__all__ = [
    "Audit",
    "CleaningSpec",
    "DataPoisoning",
    "EndState",
    "PoisonGoal",
    "PoisoningBehaviour",
    "Variant",
    "VariantSpec",
    "Verdict",
    "audit",
    "generate_variants",
    "judge",
    "poisoning_checker",
]
