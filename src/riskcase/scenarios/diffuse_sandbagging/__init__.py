"""P1 scenario: diffuse sandbagging on safety R&D (the same task in two framings)."""

from ._checker import judge, sandbagging_checker
from ._framings import Framing, framing_of
from ._reference import SandbaggingBehaviour
from ._scenario import DiffuseSandbagging
from ._variants import Variant, VariantSpec, generate_variants

__all__ = [
    "DiffuseSandbagging",
    "Framing",
    "SandbaggingBehaviour",
    "Variant",
    "VariantSpec",
    "framing_of",
    "generate_variants",
    "judge",
    "sandbagging_checker",
]
