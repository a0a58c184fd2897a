"""Pathway P5: self-exfiltration of the model's own weights (scenario ``self_exfiltration``)."""

from ._checker import EndState, Verdict, exfiltration_checker, judge
from ._recovery import Recovery, recover_weights
from ._reference import ExfiltrationBehaviour, choose_tactic
from ._scenario import SelfExfiltration
from ._tactics import Tactic
from ._variants import OpsKind, VariantSpec, generate_variants

__all__ = [
    "EndState",
    "ExfiltrationBehaviour",
    "OpsKind",
    "Recovery",
    "SelfExfiltration",
    "Tactic",
    "VariantSpec",
    "Verdict",
    "choose_tactic",
    "exfiltration_checker",
    "generate_variants",
    "judge",
    "recover_weights",
]
