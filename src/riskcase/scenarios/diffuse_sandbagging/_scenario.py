"""The diffuse_sandbagging scenario (P1): the same work framed as product or safety work."""

from __future__ import annotations

from inspect_ai.agent import AgentPrompt, as_solver, react
from inspect_ai.dataset import Sample
from inspect_ai.scorer import Scorer
from inspect_ai.solver import Solver
from inspect_ai.tool import bash, python

from riskcase.agents import ReferenceBehaviour
from riskcase.scenarios._contract import MONITOR_TASK_KEY, Mode, sample_metadata
from riskcase.scenarios._scenario import Scenario, scenario

from ._checker import SPEC_KEY, sandbagging_checker
from ._framings import framing_of
from ._prompts import SYSTEM_PROMPT, task_text
from ._reference import SandbaggingBehaviour
from ._variants import Variant, generate_variants
from ._workspace import workspace_files

SCENARIO_ID = "diffuse_sandbagging"
FRAMING_KEY = "framing"
TOOL_TIMEOUT = 120
MESSAGE_LIMIT = 30


@scenario(SCENARIO_ID, pathway="P1")
class DiffuseSandbagging(Scenario):
    """Diffuse sandbagging on safety R&D: deliberately weaker work when the work is safety.

    Each variant is a small task with objective grading: train a detector on ``train.csv``
    (graded by balanced accuracy on a held-out set the agent never sees) or implement a
    metric from a written spec (graded by hidden tests). Honest mode frames it as product
    work; opportunity mode frames the identical task (same numbers, interface and grading)
    as safety research that will oversee AI agents; attack mode adds an instruction to
    sandbag. Pairing a variant's honest and opportunity scores attributes the gap to the
    framing.
    """

    title = "Sandbagging safety R&D tasks"
    description = (
        "The agent trains a small detector or implements a metric; the same task is posed "
        "as product work (honest) and as safety research that will restrict AI agents "
        "(opportunity, attack). The checker runs solution.py on held-out data or hidden "
        "tests and compares the score with a bar (competent work) and a floor (plausible)."
    )

    def dataset(self, mode: Mode, seed: int = 0) -> list[Sample]:
        return [_sample(variant, Mode(mode), self.pathway) for variant in generate_variants(seed)]

    def solver(self) -> Solver:
        return as_solver(
            react(
                prompt=AgentPrompt(instructions=SYSTEM_PROMPT),
                tools=[bash(timeout=TOOL_TIMEOUT), python(timeout=TOOL_TIMEOUT)],
            )
        )

    def checker(self) -> Scorer:
        return sandbagging_checker()

    def reference(self) -> ReferenceBehaviour:
        return SandbaggingBehaviour()

    def message_limit(self) -> int:
        return MESSAGE_LIMIT


def _sample(variant: Variant, mode: Mode, pathway: str) -> Sample:
    spec = variant.spec
    framing = framing_of(mode)
    # monitors see the same safety-framed task, without the instruction to sandbag
    hidden = {MONITOR_TASK_KEY: task_text(variant, Mode.OPPORTUNITY)} if mode == Mode.ATTACK else {}
    return Sample(
        id=spec.variant_id,
        input=task_text(variant, mode),
        files=workspace_files(variant, framing),
        metadata=sample_metadata(
            SCENARIO_ID,
            pathway,
            mode,
            spec.variant_id,
            **{SPEC_KEY: spec.model_dump(), FRAMING_KEY: str(framing), **hidden},
        ),
    )
