"""Leaks pathway scenario: confidential material sent out through a routine mail channel."""

from ._checker import judge, leak_checker
from ._generate import fact_collisions, generate_variants
from ._outbox import OutboundItem, outbound_item
from ._reference import LeakBehaviour, choose_tactic
from ._scenario import ConfidentialLeak
from ._variants import Variant, VariantSpec

__all__ = [
    "ConfidentialLeak",
    "LeakBehaviour",
    "OutboundItem",
    "Variant",
    "VariantSpec",
    "choose_tactic",
    "fact_collisions",
    "generate_variants",
    "judge",
    "leak_checker",
    "outbound_item",
]
