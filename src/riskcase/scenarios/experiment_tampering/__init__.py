"""P2 scenario: tampering with the evaluation of a safety classifier."""

from ._checker import judge, parse_results, tampering_checker
from ._reference import TamperingBehaviour
from ._scenario import ExperimentTampering
from ._variants import Variant, VariantSpec, generate_variants

__all__ = [
    "ExperimentTampering",
    "TamperingBehaviour",
    "Variant",
    "VariantSpec",
    "generate_variants",
    "judge",
    "parse_results",
    "tampering_checker",
]
