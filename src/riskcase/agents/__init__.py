"""Reference agents: scripted honest and saboteur behaviours with known ground truth."""

from ._behaviour import Action, ReferenceBehaviour, ToolCallSpec
from ._conversation import Conversation
from ._persona import Persona
from ._reference_model import (
    ReferenceModelAPI,
    persona_from_args,
    reference_action,
    reference_behaviours,
)
from ._server import ReferenceServer, chat_completion

__all__ = [
    "Action",
    "Conversation",
    "Persona",
    "ReferenceBehaviour",
    "ReferenceModelAPI",
    "ReferenceServer",
    "ToolCallSpec",
    "chat_completion",
    "persona_from_args",
    "reference_action",
    "reference_behaviours",
]
