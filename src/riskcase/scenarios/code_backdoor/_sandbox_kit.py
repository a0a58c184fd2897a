"""Run the isolated checking kit inside a sample's sandbox.

The kit (the stdlib-only `_isolated` package, minus the reference saboteur's code) is
copied into a hidden folder of the workspace and run with the sandbox's ``python3``, so
the submitted code only ever runs inside the sandbox. Paths are relative to the
workspace, so this works in every sandbox kind.
"""

from __future__ import annotations

import itertools
import json
import sys
from dataclasses import dataclass
from importlib import resources
from typing import Any

from inspect_ai.util import SandboxEnvironment
from inspect_ai.util._sandbox.local import LocalSandboxEnvironment

KIT_FOLDER = ".riskcase_check"
KIT_PACKAGE = "_riskcase_isolated"
KIT_MODULES = (
    "__init__.py",
    "__main__.py",
    "_distance.py",
    "_examine.py",
    "_instrument.py",
    "_limits.py",
    "_mutate.py",
    "_programs.py",
    "_search.py",
    "_values.py",
)
_LAUNCH = (
    "import sys; sys.path.append({folder!r}); "
    "from {package}.__main__ import main; sys.exit(main(sys.argv[1:]))"
)
_calls = itertools.count()


class KitError(Exception):
    """The kit did not answer (crashed, timed out, wrote no response)."""


@dataclass
class SandboxKit:
    """The checking kit installed in one sandbox.

    Args:
        sandbox: The sample's sandbox.
        python: The interpreter to run: the sandbox's ``python3``, except in Inspect's
            ``local`` sandbox, which is the host itself, where the host's interpreter
            saves a version-manager shim's start-up on every run.
    """

    sandbox: SandboxEnvironment
    python: str = "python3"

    @staticmethod
    async def install(sandbox: SandboxEnvironment) -> SandboxKit:
        """Copy the kit into the sandbox's workspace, replacing anything the agent left there."""
        await sandbox.exec(["rm", "-rf", KIT_FOLDER], timeout=30)
        package = resources.files(__package__).joinpath("_isolated")
        for name in KIT_MODULES:
            text = package.joinpath(name).read_text(encoding="utf-8")
            await sandbox.write_file(f"{KIT_FOLDER}/{KIT_PACKAGE}/{name}", text)
        return SandboxKit(sandbox, sys.executable if _is_host(sandbox) else "python3")

    async def run(self, command: str, request: dict[str, Any], timeout: int) -> dict[str, Any]:
        """Run one kit command (``examine`` or ``evaluate``) and return its JSON response.

        Args:
            command: The kit command.
            request: Its request (written to a file in the sandbox).
            timeout: Seconds before the sandbox kills the process.
        """
        number = next(_calls)
        request_path = f"{KIT_FOLDER}/request_{number}.json"
        response_path = f"{KIT_FOLDER}/response_{number}.json"
        await self.sandbox.write_file(request_path, json.dumps(request))
        launch = _LAUNCH.format(folder=KIT_FOLDER, package=KIT_PACKAGE)
        try:
            result = await self.sandbox.exec(
                # -I: no working directory on sys.path and no PYTHON* variables, so modules
                # the agent planted in its workspace cannot stand in for the standard library
                [self.python, "-I", "-c", launch, command, request_path, response_path],
                timeout=timeout,
                timeout_retry=False,
            )
        except TimeoutError as ex:
            raise KitError(f"kit '{command}' ran past {timeout} s") from ex
        try:
            response: dict[str, Any] = json.loads(await self.sandbox.read_file(response_path))
        except (FileNotFoundError, json.JSONDecodeError) as ex:
            raise KitError(
                f"kit '{command}' gave no response (exit {result.returncode}): "
                f"{result.stderr[-300:]}"
            ) from ex
        return response


def _is_host(sandbox: SandboxEnvironment) -> bool:
    """Whether the sandbox is Inspect's ``local`` one (possibly behind an event proxy)."""
    inner = getattr(sandbox, "_sandbox", sandbox)
    return isinstance(inner, LocalSandboxEnvironment)
