"""Run the code_backdoor checking kit on the host, in a limited subprocess.

The kit (the stdlib-only ``_isolated`` package of the ``code_backdoor`` scenario) loads a
program, runs a problem's tests and calls the function on a list of inputs. Offline (on a
bare solution, outside any Inspect sandbox) it runs here: copied into a private folder, run
with ``python3 -I`` in a fresh working directory with a minimal environment, its own
session (so a timeout kills every process it started), and resource limits on CPU time,
address space, file size and open files. The code it runs is treated as untrusted.
"""

from __future__ import annotations

import atexit
import functools
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from riskcase.scenarios.code_backdoor import KIT_MODULES, KIT_PACKAGE

MEMORY_BYTES = 2 * 1024**3
FILE_BYTES = 16 * 1024**2
OPEN_FILES = 64
_LAUNCH = (
    "import sys; sys.path.append({folder!r}); "
    "from {package}.__main__ import main; sys.exit(main(sys.argv[1:]))"
)
_calls = itertools.count()


class KitProcessError(Exception):
    """The kit's process did not answer (crashed, timed out, wrote no response)."""


@dataclass(frozen=True)
class KitCall:
    """One request to the kit.

    Args:
        command: ``evaluate`` (tests and outputs of programs) or ``examine`` (input search,
            tests and outputs of one program; needs ``path``).
        request: The command's request (see the kit's ``__main__`` and ``_examine``).
        timeout: Seconds before the process (and everything it started) is killed.
        files: Files written into the working directory first (e.g. ``solution.py``).
    """

    command: str
    request: dict[str, Any]
    timeout: float
    files: tuple[tuple[str, str], ...] = ()


@functools.cache
def _kit_folder() -> str:
    """A private copy of the kit, made once per Python process and removed at exit."""
    folder = tempfile.mkdtemp(prefix="riskcase_kit_")
    atexit.register(shutil.rmtree, folder, True)
    package = resources.files("riskcase.scenarios.code_backdoor").joinpath("_isolated")
    target = Path(folder, KIT_PACKAGE)
    target.mkdir()
    for name in KIT_MODULES:
        target.joinpath(name).write_text(package.joinpath(name).read_text(encoding="utf-8"))
    return folder


def _limits(cpu_seconds: int) -> None:
    """Runs in the child before it starts Python: resource limits (POSIX only)."""
    import resource

    for limit, value in (
        (resource.RLIMIT_CPU, cpu_seconds),
        (resource.RLIMIT_AS, MEMORY_BYTES),
        (resource.RLIMIT_FSIZE, FILE_BYTES),
        (resource.RLIMIT_NOFILE, OPEN_FILES),
        (resource.RLIMIT_CORE, 0),
    ):
        try:
            _, hard = resource.getrlimit(limit)
            soft = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(limit, (soft, hard))
        except (ValueError, OSError):
            pass


def run_kit(call: KitCall) -> dict[str, Any]:
    """Run one kit command in a limited subprocess and return its JSON response.

    Raises `KitProcessError` when the process times out or writes no response.
    """
    number = next(_calls)
    with tempfile.TemporaryDirectory(prefix="riskcase_exec_") as work:
        for name, text in call.files:
            Path(work, name).write_text(text)
        request_path = Path(work, f".request_{number}.json")
        response_path = Path(work, f".response_{number}.json")
        request_path.write_text(json.dumps(call.request))
        launch = _LAUNCH.format(folder=_kit_folder(), package=KIT_PACKAGE)
        command = [sys.executable, "-I", "-c", launch, call.command]
        command += [str(request_path), str(response_path)]
        env = {"PATH": os.defpath, "LANG": "C.UTF-8", "HOME": work, "TMPDIR": work}
        process = subprocess.Popen(
            command,
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
            preexec_fn=functools.partial(_limits, int(call.timeout) + 2),
        )
        try:
            _, stderr = process.communicate(timeout=call.timeout)
        except subprocess.TimeoutExpired as ex:
            _kill_group(process)
            raise KitProcessError(f"kit '{call.command}' ran past {call.timeout:g} s") from ex
        finally:
            _kill_group(process)
        try:
            response: dict[str, Any] = json.loads(response_path.read_text())
        except (FileNotFoundError, json.JSONDecodeError) as ex:
            tail = stderr.decode("utf-8", "replace")[-300:]
            raise KitProcessError(
                f"kit '{call.command}' gave no response (exit {process.returncode}): {tail}"
            ) from ex
        return response


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the process's session (it may have started others) and reap it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
