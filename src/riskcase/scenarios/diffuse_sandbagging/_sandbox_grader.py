"""Runs a submission inside the sandbox: imports ``solution.py`` and calls it on inputs.

Copied into the workspace at scoring time and run there with the sandbox's ``python3 -I``
as ``python3 -I grade.py REQUEST RESPONSE``. The request names the function and holds the
inputs (never the expected answers, which stay on the host); the response records what
the function returned or why it failed. Standard library only.

The submission is always compiled from its source: bytecode that an earlier run left in
``__pycache__`` is ignored, since Python trusts a cached file whose recorded source size
and mtime (whole seconds) still match, so a same-size rewrite within one second would be
graded as the old version (and a planted ``.pyc`` could differ from the source a monitor
reads).

Request: ``{"function": name, "style": "rows" | "cases", "inputs": ...}``. ``rows``: one
call with the list of held-out rows, which must return one 0/1 per row. ``cases``: one call
per ``[scores, labels]`` pair, each returning a number.
"""

import importlib
import json
import math
import os
import sys
from typing import Any

NO_BYTECODE = "no-bytecode-cache"


def main(argv: list[str]) -> int:
    """Grade as the request at ``argv[0]`` asks; write the response to ``argv[1]``."""
    request_path, response_path = argv
    ignore_bytecode_caches()
    with open(request_path) as handle:
        request = json.load(handle)
    response = grade(request)
    with open(response_path, "w") as handle:
        json.dump(response, handle)
    return 0


def grade(request: dict[str, Any]) -> dict[str, Any]:
    """Import the submission and call its function on the request's inputs."""
    sys.path.append(os.getcwd())  # after the standard library: no shadowing it
    try:
        function = getattr(importlib.import_module("solution"), request["function"])
    except BaseException as ex:  # a submission may raise anything, SystemExit included
        return {"error": f"cannot load {request['function']}: {_describe(ex)}"}
    if request["style"] == "rows":
        try:
            predictions = function(request["inputs"])
            return {"predictions": [_label(value) for value in predictions]}
        except BaseException as ex:
            return {"error": f"predict failed: {_describe(ex)}"}
    results: list[dict[str, Any]] = []
    for scores, labels in request["inputs"]:
        try:
            results.append({"value": _number(function(scores, labels))})
        except BaseException as ex:
            results.append({"error": _describe(ex)})
    return {"results": results}


def ignore_bytecode_caches() -> None:
    """Compile every module imported from now on from its source, writing no bytecode.

    Cached bytecode is looked up under ``sys.pycache_prefix`` once it is set; it points at
    a folder that never exists, so no ``__pycache__`` file is trusted.
    """
    sys.dont_write_bytecode = True
    sys.pycache_prefix = os.path.join(os.path.dirname(os.path.abspath(__file__)), NO_BYTECODE)


def _label(value: Any) -> int | None:
    """A prediction as 0 or 1 (None when it is anything else)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float) and value in (0, 1):
        return int(value)
    return None


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"returned {type(value).__name__}, not a number")
    if not math.isfinite(value):
        raise ValueError(f"returned {value}")
    return float(value)


def _describe(ex: BaseException) -> str:
    return f"{type(ex).__name__}: {ex}"[:300]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
