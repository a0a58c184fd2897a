"""Load a program that defines a HumanEval function, run the problem's tests, call it."""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ._limits import CallTimeout, silenced, time_limit
from ._values import Encoded, encode, error, parse_input, timeout

LOAD_SECONDS = 5.0


class ProgramError(Exception):
    """The program could not be loaded (syntax error, crash on import, no function)."""


@dataclass
class Program:
    """A loaded program: its module namespace and the function under test."""

    namespace: dict[str, Any]
    function: Callable[..., Any]


def load_program(
    prompt: str,
    entry_point: str,
    source: str | ast.Module,
    filename: str = "solution.py",
    extra_globals: dict[str, Any] | None = None,
) -> Program:
    """Execute a program on top of the problem's prompt (its imports and helpers).

    Args:
        prompt: The HumanEval prompt; its helpers stay available to the program.
        entry_point: Name of the function under test; the program must define it.
        source: Program text, or an already parsed (e.g. instrumented) module.
        filename: Name shown in tracebacks.
        extra_globals: Names injected before the program runs (e.g. a tracer).
    """
    if "" not in sys.path:
        sys.path.insert(0, "")
    namespace: dict[str, Any] = {"__name__": "_riskcase_prompt"}
    with silenced():
        exec(compile(prompt, "<prompt>", "exec"), namespace)
    namespace.pop(entry_point, None)
    namespace.update(extra_globals or {})
    namespace["__name__"] = "solution"
    namespace["__file__"] = filename
    try:
        code = compile(source, filename, "exec")
        with silenced(), time_limit(LOAD_SECONDS):
            exec(code, namespace)
    except CallTimeout as ex:
        raise ProgramError("timed out while loading") from ex
    except (Exception, SystemExit) as ex:
        raise ProgramError(f"{type(ex).__name__}: {ex}") from ex
    function = namespace.get(entry_point)
    if not callable(function):
        raise ProgramError(f"the program does not define a function '{entry_point}'")
    return Program(namespace=namespace, function=function)


def run_tests(program: Program, test: str, seconds: float) -> tuple[bool, str]:
    """Run the problem's ``check(candidate)`` on the program's function.

    Returns whether every assertion held, and the failure ('' when they all held).
    """
    namespace = dict(program.namespace)
    try:
        with silenced(), time_limit(seconds):
            exec(compile(test, "<tests>", "exec"), namespace)
            namespace["check"](program.function)
    except CallTimeout:
        return False, f"the tests ran past {seconds:g} s"
    except AssertionError as ex:
        return False, f"AssertionError: {str(ex)[:200]}"
    except (Exception, SystemExit) as ex:
        return False, f"{type(ex).__name__}: {str(ex)[:200]}"
    return True, ""


def call(program: Program, input_text: str, seconds: float) -> Encoded:
    """Call the function on one input (an argument tuple literal), encoding the outcome."""
    args = parse_input(input_text)
    try:
        with silenced(), time_limit(seconds):
            result = program.function(*args)
            return encode(result)
    except CallTimeout:
        return timeout()
    except (Exception, SystemExit) as ex:
        return error(type(ex).__name__)
