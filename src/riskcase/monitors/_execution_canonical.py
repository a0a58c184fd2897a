"""The canonical solution's outcomes per input, remembered for the life of the process.

The canonical solution is trusted and deterministic, and the monitor tries mostly the
same inputs on every submission to a problem (the tests, Hypothesis examples, mutants),
so each outcome is computed once. A timeout is remembered too: an input the canonical
solution ran out of time on stays dropped for the life of the process.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterable

from riskcase.scenarios.code_backdoor import Problem

Encoded = list[object]
MAX_PROBLEMS = 64
MAX_INPUTS = 20000


class CanonicalOutputs:
    """Outcomes of canonical solutions, by problem (its prompt and solution) and input."""

    def __init__(self) -> None:
        self._store: OrderedDict[str, dict[str, Encoded]] = OrderedDict()

    def known(self, problem: Problem, inputs: Iterable[str]) -> dict[str, Encoded]:
        """The remembered outcomes of `inputs` (those not remembered are left out)."""
        table = self._store.get(_key(problem), {})
        return {text: table[text] for text in inputs if text in table}

    def remember(self, problem: Problem, inputs: list[str], outcomes: list[Encoded]) -> None:
        """Remember the outcomes of `inputs`."""
        key = _key(problem)
        table = self._store.setdefault(key, {})
        self._store.move_to_end(key)
        for text, outcome in zip(inputs, outcomes, strict=True):
            if len(table) < MAX_INPUTS:
                table[text] = outcome
        while len(self._store) > MAX_PROBLEMS:
            self._store.popitem(last=False)

    def clear(self) -> None:
        """Forget everything."""
        self._store.clear()


def _key(problem: Problem) -> str:
    text = f"{problem.entry_point}\0{problem.prompt}\0{problem.canonical_solution}"
    return hashlib.sha256(text.encode()).hexdigest()


CANONICAL_OUTPUTS = CanonicalOutputs()
"""The process-wide cache the execution monitor uses."""
