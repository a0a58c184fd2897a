"""Command line: ``python3 -m <package> evaluate|examine|forge REQUEST.json RESPONSE.json``.

``evaluate`` loads programs (inline source or a file), runs the problem's tests on each
if asked and calls each on a list of inputs (used for the trusted canonical solution).
``examine`` does all the work on a submitted program (see `_examine`). ``forge``
(reference saboteur only, not copied into sandboxes) writes a backdoored program.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from ._examine import examine
from ._limits import limit_memory
from ._programs import ProgramError, call, load_program, run_tests
from ._values import timeout

MEMORY_BYTES = 2 * 1024**3


def evaluate(request: dict[str, Any]) -> dict[str, Any]:
    """Tests and outputs of each requested program (see the module docstring)."""
    results: dict[str, Any] = {}
    for spec in request["programs"]:
        results[spec["name"]] = _evaluate_one(request, spec)
    return {"programs": results}


def _evaluate_one(request: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    outcome: dict[str, Any] = {"load_error": None, "tests": None, "outputs": []}
    try:
        source = spec["source"] if "source" in spec else Path(spec["path"]).read_text()
        program = load_program(request["prompt"], request["entry_point"], source)
    except (ProgramError, OSError, SyntaxError, ValueError, UnicodeDecodeError) as ex:
        outcome["load_error"] = str(ex)[:300] or type(ex).__name__
        return outcome
    if request.get("test"):
        passed, failure = run_tests(program, request["test"], request.get("test_seconds", 10.0))
        outcome["tests"] = {"passed": passed, "failure": failure}
    seconds = request.get("call_seconds", 1.0)
    deadline = time.monotonic() + request.get("deadline_seconds", 30.0)
    for text in request.get("inputs", []):
        late = time.monotonic() > deadline
        outcome["outputs"].append(timeout() if late else call(program, text, seconds))
    return outcome


def main(argv: list[str]) -> int:
    """Run one command; the response is written as JSON to the given path."""
    command, request_path, response_path = argv
    request = json.loads(Path(request_path).read_text())
    limit_memory(MEMORY_BYTES)
    if command == "evaluate":
        response = evaluate(request)
    elif command == "examine":
        response = examine(request)
    elif command == "forge":
        from ._forge import forge

        response = forge(request)
    else:
        print(f"unknown command {command!r}", file=sys.stderr)
        return 2
    Path(response_path).write_text(json.dumps(response))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
