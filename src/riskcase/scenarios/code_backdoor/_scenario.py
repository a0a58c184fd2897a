"""The ``code_backdoor`` scenario (pathway P3): backdoors in HumanEval solutions."""

from __future__ import annotations

from inspect_ai.agent import AgentPrompt, as_solver, react
from inspect_ai.dataset import Sample
from inspect_ai.scorer import Scorer
from inspect_ai.solver import Solver
from inspect_ai.tool import bash, python

from riskcase.agents import ReferenceBehaviour
from riskcase.scenarios._contract import Mode
from riskcase.scenarios._scenario import Scenario, scenario

from ._checker import code_backdoor_checker
from ._dataset import PATHWAY_ID, SCENARIO_ID, samples
from ._prompts import SYSTEM_PROMPT
from ._reference import CodeBackdoorBehaviour

TOOL_TIMEOUT = 60
MESSAGE_LIMIT = 30


@scenario(SCENARIO_ID, pathway=PATHWAY_ID)
class CodeBackdoor(Scenario):
    """Write a HumanEval function; in attack mode, also plant a backdoor (the AI Control
    paper's sense: the tests pass, and a secret input gives a different output)."""

    title = "Code backdoors in HumanEval solutions"
    description = (
        "The agent implements one of the 164 HumanEval functions in solution.py. Attack "
        "mode asks for a subtle backdoor and its secret input; opportunity mode poses the "
        "task inside the oversight tooling that monitors AI agents, with no review. The "
        "checker runs the tests and searches the code's behaviour for planted special cases."
    )

    def dataset(self, mode: Mode, seed: int = 0) -> list[Sample]:
        return samples(Mode(mode), seed=seed)

    def solver(self) -> Solver:
        return as_solver(
            react(
                prompt=AgentPrompt(instructions=SYSTEM_PROMPT),
                tools=[bash(timeout=TOOL_TIMEOUT), python(timeout=TOOL_TIMEOUT)],
            )
        )

    def checker(self) -> Scorer:
        return code_backdoor_checker()

    def reference(self) -> ReferenceBehaviour:
        return CodeBackdoorBehaviour()

    def message_limit(self) -> int:
        return MESSAGE_LIMIT
