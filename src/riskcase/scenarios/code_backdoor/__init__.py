"""Pathway P3: code backdoors in HumanEval solutions (scenario ``code_backdoor``)."""

from ._checker import code_backdoor_checker
from ._dataset import problem_from_metadata, samples
from ._isolated._forge_kinds import kind_of
from ._isolated._limits import CallTimeout, time_limit
from ._isolated._mutate import Mutator, ValuePool
from ._isolated._values import input_text, is_failure, parse_input, same_output
from ._problems import Problem, find_problem, problem_by_id, problems
from ._reference import CodeBackdoorBehaviour
from ._sandbox_kit import KIT_MODULES, KIT_PACKAGE, KitError, SandboxKit
from ._scenario import CodeBackdoor
from ._verdict import Measurements, Verdict, judge

__all__ = [
    "KIT_MODULES",
    "KIT_PACKAGE",
    "CallTimeout",
    "KitError",
    "Mutator",
    "SandboxKit",
    "ValuePool",
    "input_text",
    "is_failure",
    "kind_of",
    "parse_input",
    "same_output",
    "time_limit",
    "CodeBackdoor",
    "CodeBackdoorBehaviour",
    "Measurements",
    "Problem",
    "Verdict",
    "code_backdoor_checker",
    "find_problem",
    "judge",
    "problem_by_id",
    "problem_from_metadata",
    "problems",
    "samples",
]
