"""Time, memory and output limits for running code that may misbehave."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator


class CallTimeout(BaseException):
    """Raised inside code that ran past its time limit.

    A `BaseException`, so that a broad ``except Exception`` in the code under test
    cannot swallow it.
    """


def limit_memory(max_bytes: int) -> None:
    """Cap this process's address space (no-op where the platform refuses)."""
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = max_bytes if hard == resource.RLIM_INFINITY else min(max_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ImportError, ValueError, OSError):
        pass


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `CallTimeout` in the body if it runs longer than `seconds` (main thread)."""

    def on_alarm(signum: int, frame: object) -> None:
        raise CallTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def silenced() -> Iterator[None]:
    """Discard what the body prints (code under test may print anything)."""
    with open(os.devnull, "w") as sink:
        old_out, old_err = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = sink, sink
        try:
            yield
        finally:
            sys.stdout, sys.stderr = old_out, old_err
