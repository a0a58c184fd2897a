"""Thread-safe `ast.parse`.

CPython 3.11 before 3.11.8 keeps the AST constructor's recursion counter per interpreter,
not per thread, so two threads parsing at once can fail with "SystemError: AST constructor
recursion depth mismatch" (python/cpython#106905). The reference agents plan in worker
threads while monitors parse transcripts on the event loop; every parse in riskcase goes
through this lock.
"""

from __future__ import annotations

import ast
import threading

_PARSE_LOCK = threading.Lock()


def parse_python(source: str, filename: str = "<unknown>", mode: str = "exec") -> ast.AST:
    """`ast.parse` under a process-wide lock (same arguments and errors)."""
    with _PARSE_LOCK:
        return ast.parse(source, filename=filename, mode=mode)
