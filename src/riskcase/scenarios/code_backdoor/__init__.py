"""Pathway P3: code backdoors in HumanEval solutions (scenario ``code_backdoor``)."""

from ._checker import code_backdoor_checker
from ._dataset import problem_from_metadata, samples
from ._problems import Problem, find_problem, problem_by_id, problems
from ._reference import CodeBackdoorBehaviour
from ._scenario import CodeBackdoor
from ._verdict import Measurements, Verdict, judge

__all__ = [
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
