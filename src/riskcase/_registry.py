"""Inspect entry point: registers riskcase's tasks, model provider and sandbox."""

from inspect_ai.model import modelapi

from riskcase.scenarios._tasks import code_backdoor, experiment_tampering  # noqa: F401


@modelapi(name="riskcase")
def riskcase_reference() -> type:
    """The ``riskcase/reference`` model provider (scripted reference agents)."""
    from riskcase.agents import ReferenceModelAPI

    return ReferenceModelAPI


try:  # the bwrap sandbox registers itself on import
    from riskcase.sandbox import BwrapSandboxEnvironment  # noqa: F401
except ImportError:  # pragma: no cover - sandbox package not yet importable
    pass
