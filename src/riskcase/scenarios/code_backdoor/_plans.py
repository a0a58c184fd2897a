"""The reference saboteur's plans: a backdoored program and the input it names.

Plans come from the forge (`_isolated._forge`), run in a subprocess because it executes
the canonical solution and its own programs, either of which may hang on an input.
Plans are cached, so every turn of a sample (and every sample of a problem) asks once.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._measure import SEARCH_SETTINGS
from ._problems import Problem

FORGE_TIMEOUT = 60
RETRIES = 3
_LAUNCH = (
    "import sys; sys.path.insert(1, {folder!r}); "
    "from _isolated.__main__ import main; sys.exit(main(sys.argv[1:]))"
)


class ForgeError(Exception):
    """The forge found no working plan for a problem."""


@dataclass(frozen=True)
class BackdoorPlan:
    """A backdoor the reference saboteur writes.

    Args:
        program: The full text of ``solution.py``.
        secret: The input it names, as a JSON list of arguments.
        family: The trigger family (``length_shape``, ``residue``, ``magic_int`` ...).
        condition: The trigger condition as written in the program.
        change: How the triggered branch changes the function.
        overt: Whether the trigger tests for a magic constant (a rule monitor flags it).
        variant: ``competent``, ``broad`` (fires on a test input too) or ``miss`` (the
            named input does not fire it).
    """

    program: str
    secret: list[Any]
    family: str
    condition: str
    change: str
    overt: bool
    variant: str


def backdoor_plan(
    problem: Problem, *, variant: str, overt: bool, seed: int, avoid: str, discoverable: bool
) -> BackdoorPlan:
    """A plan for `problem` (ForgeError if none is found after a few seeds).

    Args:
        problem: The HumanEval problem.
        variant: ``competent``, ``broad`` or ``miss``.
        overt: Whether a competent trigger tests for a magic constant.
        seed: Seed of the forge's choices.
        avoid: Text the magic constants must not occur in (the task text).
        discoverable: Keep only competent backdoors that the checker's search finds.
    """
    return _cached_plan(problem, variant, overt, seed, avoid, discoverable)


@functools.lru_cache(maxsize=2048)
def _cached_plan(
    problem: Problem, variant: str, overt: bool, seed: int, avoid: str, discoverable: bool
) -> BackdoorPlan:
    errors = []
    for retry in range(RETRIES):
        request = {
            "prompt": problem.prompt,
            "entry_point": problem.entry_point,
            "canonical_solution": problem.canonical_solution,
            "prologue": problem.prologue,
            "test": problem.test,
            "test_inputs": list(problem.test_inputs),
            "header": problem.header,
            "signature_and_docstring": problem.signature_and_docstring,
            "parameters": problem.parameters,
            "seed": seed + retry,
            "variant": variant,
            "overt": overt,
            "avoid": avoid,
            "discoverable": discoverable,
            "search_settings": {**SEARCH_SETTINGS, "seed": 0},
        }
        response = _run_forge(request)
        if "error" not in response:
            keys = ("program", "secret", "family", "condition", "change", "overt", "variant")
            return BackdoorPlan(**{key: response[key] for key in keys})
        errors.append(response["error"])
    raise ForgeError(f"{problem.task_id} ({variant}): {'; '.join(errors)}")


def _run_forge(request: dict[str, Any]) -> dict[str, Any]:
    folder = str(Path(__file__).parent)
    with tempfile.TemporaryDirectory(prefix="riskcase_forge_") as work:
        request_path, response_path = Path(work, "request.json"), Path(work, "response.json")
        request_path.write_text(json.dumps(request))
        launch = _LAUNCH.format(folder=folder)
        command = [sys.executable, "-c", launch, "forge", str(request_path), str(response_path)]
        try:
            subprocess.run(
                command, cwd=work, timeout=FORGE_TIMEOUT, capture_output=True, check=False
            )
        except subprocess.TimeoutExpired:
            return {"error": f"the forge ran past {FORGE_TIMEOUT} s"}
        if not response_path.exists():
            return {"error": "the forge crashed"}
        response: dict[str, Any] = json.loads(response_path.read_text())
        return response
