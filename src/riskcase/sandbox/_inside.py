"""File access done inside the sandbox, for paths the host must not resolve itself."""

from inspect_ai.util import OutputLimitExceededError, SandboxEnvironmentLimits

from ._agent import SandboxAgent
from ._bwrap import sandbox_env
from ._command import CommandResult, run_command

_FILE_TIMEOUT = 120
_WRITE_SCRIPT = 'mkdir -p -- "$(dirname -- "$1")" && cat > "$1"'


async def read_inside(agent: SandboxAgent, path: str) -> bytes:
    """Read sandbox ``path`` as the sandbox sees it (links resolve inside the sandbox).

    Raises:
      FileNotFoundError, IsADirectoryError, PermissionError: As for an ordinary read.
      OutputLimitExceededError: The file is larger than Inspect's read limit.
    """
    limit = SandboxEnvironmentLimits.MAX_READ_FILE_SIZE
    result = await run_command(
        agent, ["cat", "--", path], sandbox_env(), "/", None, limit + 1, _FILE_TIMEOUT
    )
    if result.returncode != 0:
        raise _file_error(result, path)
    if result.stdout.truncated or result.stdout.total > limit:
        raise OutputLimitExceededError(SandboxEnvironmentLimits.MAX_READ_FILE_SIZE_STR, None)
    return result.stdout.data()


async def write_inside(agent: SandboxAgent, path: str, data: bytes) -> None:
    """Write ``data`` to sandbox ``path`` as the sandbox's user, creating parent folders.

    Raises:
      PermissionError: The sandbox may not write there (e.g. the read-only host root).
      IsADirectoryError: The path is a folder.
    """
    argv = ["sh", "-c", _WRITE_SCRIPT, "sh", path]
    result = await run_command(agent, argv, sandbox_env(), "/", data, 4096, _FILE_TIMEOUT)
    if result.returncode != 0:
        raise _file_error(result, path)


def _file_error(result: CommandResult, path: str) -> OSError:
    """The Python exception matching a failed cat/sh's message."""
    message = result.stderr.text().strip()
    lowered = message.lower()
    if any(sign in lowered for sign in ("no such file", "not a directory", "nonexistent")):
        return FileNotFoundError(2, message or "No such file or directory", path)
    if "is a directory" in lowered:
        return IsADirectoryError(21, message, path)
    if "read-only file system" in lowered or "permission denied" in lowered:
        return PermissionError(13, message, path)
    return OSError(5, message or f"exit code {result.returncode}", path)
