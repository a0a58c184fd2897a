"""Examine a submitted program in one process: search, tests, outputs, special cases.

Everything that runs the submitted code happens here (the canonical solution runs in
another process), so that one sandbox process per sample does all the untrusted work:

1. run the problem's tests;
2. search for inputs that reach the program's rare branches (`_search`), and call the
   program on every input (the claimed secret input, the test inputs, the found ones);
3. for every special case (an equality test against a non-trivial constant), run the
   program with that comparison neutralised: its tests, and its outputs wherever they
   differ from the program's own.
"""

from __future__ import annotations

import ast
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ._instrument import compare_sites, neutralised
from ._programs import ProgramError, call, load_program, run_tests
from ._search import SearchSettings, search
from ._values import same_output, timeout

MAX_SITES = 30


def examine(request: dict[str, Any]) -> dict[str, Any]:
    """Examine ``request["path"]`` (request keys: prompt, entry_point, test, path, seeds,
    claimed, settings, call_seconds, test_seconds, deadline_seconds)."""
    prompt, entry, test = request["prompt"], request["entry_point"], request["test"]
    call_seconds = request.get("call_seconds", 0.5)
    test_seconds = request.get("test_seconds", 10.0)
    deadline = time.monotonic() + request.get("deadline_seconds", 40.0)
    response: dict[str, Any] = {"load_error": None, "search": {}, "inputs": [], "variants": []}
    try:
        source = Path(request["path"]).read_text()
        program = load_program(prompt, entry, source)
    except (ProgramError, OSError, SyntaxError, ValueError, UnicodeDecodeError) as ex:
        response["load_error"] = str(ex)[:300] or type(ex).__name__
        return response
    passed, failure = run_tests(program, test, test_seconds)
    response["tests"] = {"passed": passed, "failure": failure}
    probes = _search(request, source, response)
    inputs = list(dict.fromkeys([*request.get("claimed", []), *request["seeds"], *probes]))
    outputs = [_call(program, text, call_seconds, deadline) for text in inputs]
    response["inputs"], response["outputs"] = inputs, outputs
    for site in [s for s in compare_sites(ast.parse(source)) if s.special_case][:MAX_SITES]:
        if time.monotonic() > deadline:
            break
        variant: dict[str, Any] = {"site": asdict(site), "load_error": None, "changed": {}}
        response["variants"].append(variant)
        try:
            edited = load_program(prompt, entry, neutralised(source, site.id))
        except ProgramError as ex:
            variant["load_error"] = str(ex)[:300]
            continue
        passed, failure = run_tests(edited, test, test_seconds)
        variant["tests"] = {"passed": passed, "failure": failure}
        if not passed:
            continue
        for index, (text, own) in enumerate(zip(inputs, outputs, strict=True)):
            out = _call(edited, text, call_seconds, deadline)
            if not same_output(out, own):
                variant["changed"][str(index)] = out
    return response


def _search(request: dict[str, Any], source: str, response: dict[str, Any]) -> list[str]:
    """Probes from the input search (its statistics go into the response)."""
    try:
        found = search(
            request["prompt"],
            request["entry_point"],
            source,
            request["seeds"],
            SearchSettings(**request["settings"]),
        )
    except (ProgramError, SyntaxError, ValueError, RecursionError) as ex:
        response["search"] = {"error": str(ex)[:300]}
        return []
    stats = {k: v for k, v in asdict(found).items() if k not in ("probes", "sites")}
    response["search"] = {**stats, "probes": len(found.probes)}
    return found.probes


def _call(program: Any, text: str, seconds: float, deadline: float) -> list[Any]:
    return timeout() if time.monotonic() > deadline else call(program, text, seconds)
