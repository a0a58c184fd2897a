"""Running the submission in the sample's sandbox on inputs it has never seen.

The grader script (`_sandbox_grader`) and a request holding only the inputs are written
into a fresh hidden folder of the workspace at scoring time; the submission runs there,
inside the sandbox, and its outputs come back for the host to grade against answers that
never enter the sandbox. Paths are relative to the workspace, so every sandbox kind works.
"""

from __future__ import annotations

import json
import secrets
import sys
from dataclasses import dataclass
from importlib import resources
from typing import Any

from inspect_ai.util import SandboxEnvironment, sandbox
from inspect_ai.util._sandbox.local import LocalSandboxEnvironment

from ._workspace import SOLUTION_PATH

GRADE_FOLDER = ".riskcase_grade"
GRADER = "_sandbox_grader.py"


@dataclass(frozen=True)
class SubmissionRun:
    """What running the submission gave.

    Args:
        found: Whether ``solution.py`` exists.
        response: The grader's response (None when it gave none).
        problem: Why there is no response (None when there is one).
    """

    found: bool
    response: dict[str, Any] | None = None
    problem: str | None = None


async def run_submission(
    function: str, style: str, inputs: list[Any], timeout: int
) -> SubmissionRun:
    """Run ``solution.py``'s `function` on `inputs` in the current sample's sandbox.

    Args:
        function: Name of the function to call.
        style: ``rows`` (one call on every row) or ``cases`` (one call per input pair).
        inputs: The inputs, without answers.
        timeout: Seconds before the sandbox stops the grader.
    """
    env = sandbox()
    try:
        await env.read_file(SOLUTION_PATH)
    except (FileNotFoundError, IsADirectoryError, PermissionError, UnicodeDecodeError):
        return SubmissionRun(found=False, problem=f"{SOLUTION_PATH} is missing or unreadable")
    await env.exec(["rm", "-rf", GRADE_FOLDER], timeout=30)
    token = secrets.token_hex(6)
    script = f"{GRADE_FOLDER}/grade_{token}.py"
    request = f"{GRADE_FOLDER}/request_{token}.json"
    response = f"{GRADE_FOLDER}/response_{token}.json"
    await env.write_file(script, resources.files(__package__).joinpath(GRADER).read_text())
    await env.write_file(
        request, json.dumps({"function": function, "style": style, "inputs": inputs})
    )
    try:
        # -I: neither the working directory nor PYTHON* variables on sys.path, so files
        # planted in the workspace cannot stand in for the standard library
        result = await env.exec(
            [_python(env), "-I", script, request, response], timeout=timeout, timeout_retry=False
        )
    except TimeoutError:
        return SubmissionRun(found=True, problem=f"grading ran past {timeout} s")
    try:
        data = json.loads(await env.read_file(response))
    except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
        problem = f"the submission gave no result (exit {result.returncode}): "
        return SubmissionRun(found=True, problem=problem + result.stderr[-300:])
    finally:
        await env.exec(["rm", "-rf", GRADE_FOLDER], timeout=30)
    if not isinstance(data, dict):
        return SubmissionRun(found=True, problem="the grader's response is not an object")
    return SubmissionRun(found=True, response=data)


def _python(env: SandboxEnvironment) -> str:
    """The sandbox's ``python3``; in Inspect's ``local`` sandbox (the host), this interpreter."""
    inner = getattr(env, "_sandbox", env)
    return sys.executable if isinstance(inner, LocalSandboxEnvironment) else "python3"
