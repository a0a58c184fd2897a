"""Running one command in a sandbox through its agent."""

import contextlib
import errno
import os
from dataclasses import dataclass

import anyio
from inspect_ai.util import SandboxUnavailableError

from ._agent import SandboxAgent
from ._output import BoundedOutput, feed_stdin, pump

# After the command exits, how long to keep reading output that processes it left
# in the background may still be writing to the same pipes.
_EXIT_GRACE = 0.25


@dataclass
class CommandResult:
    """Exit code and captured output of one command."""

    returncode: int
    stdout: BoundedOutput
    stderr: BoundedOutput


async def run_command(
    agent: SandboxAgent,
    argv: list[str],
    env: dict[str, str],
    cwd: str,
    input: bytes | None,
    output_cap: int,
    timeout: float | None,
) -> CommandResult:
    """Run ``argv`` in the sandbox and capture its output.

    Args:
      agent: The sandbox to run in.
      argv: Command and arguments (``argv[0]`` is looked up on ``env["PATH"]``).
      env: The command's whole environment.
      cwd: Absolute working directory inside the sandbox.
      input: Bytes for standard input, or None for an empty one.
      output_cap: Bytes of stdout and of stderr to keep.
      timeout: Seconds before the command's process group is killed and TimeoutError raised.

    Raises:
      TimeoutError: The command ran past ``timeout``.
      SandboxUnavailableError: The sandbox is gone.
    """
    stdout, stderr = BoundedOutput(output_cap), BoundedOutput(output_cap)
    out_r, out_w = os.pipe2(os.O_CLOEXEC)
    err_r, err_w = os.pipe2(os.O_CLOEXEC)
    in_r, in_w = os.pipe2(os.O_CLOEXEC) if input is not None else (-1, -1)
    for fd in (out_r, err_r, in_w):
        if fd >= 0:
            os.set_blocking(fd, False)
    command_id = agent.new_id()
    request = {"op": "run", "id": command_id, "argv": argv, "env": env, "cwd": cwd}
    try:
        try:
            await agent.send({**request, "stdin": input is not None}, _ends(out_w, err_w, in_r))
        finally:
            _close(out_w, err_w, in_r)
        with anyio.fail_after(timeout) if timeout else contextlib.nullcontext():
            async with anyio.create_task_group() as group:
                group.start_soon(pump, out_r, stdout)
                group.start_soon(pump, err_r, stderr)
                if input is not None:
                    stdin_fd, in_w = in_w, -1  # feed_stdin closes it
                    group.start_soon(feed_stdin, stdin_fd, input)
                reply = await agent.reply(command_id)
                with anyio.move_on_after(_EXIT_GRACE):
                    await stdout.eof.wait()
                    await stderr.eof.wait()
                group.cancel_scope.cancel()
    except ConnectionError as ex:
        raise SandboxUnavailableError("the bwrap sandbox is not running") from ex
    except BaseException:
        with anyio.CancelScope(shield=True):
            with contextlib.suppress(ConnectionError):
                await agent.send({"op": "kill", "id": command_id}, [])
        raise
    finally:
        agent.forget(command_id)
        _close(out_r, err_r, in_w)
    if reply is None:
        raise SandboxUnavailableError("the bwrap sandbox stopped while the command ran")
    return CommandResult(_returncode(reply, argv, cwd, stderr), stdout, stderr)


def _returncode(reply: dict[str, object], argv: list[str], cwd: str, stderr: BoundedOutput) -> int:
    """The exit code a reply stands for; a failure to start is explained on stderr."""
    if reply.get("event") == "exit":
        code = reply.get("code")
        return code if isinstance(code, int) else 1
    stage, number = reply.get("stage"), reply.get("errno")
    message = str(reply.get("message", "unknown error"))
    if stage == "exec":
        code = 127 if number == errno.ENOENT else 126
        text = f"{argv[0]}: {'command not found' if code == 127 else message}"
    elif stage == "cwd":
        code, text = 1, f"cannot change directory to {cwd}: {message}"
    elif stage == "fork" and number == errno.EAGAIN:
        code, text = (
            1,
            "[riskcase: could not start the command: the sandbox's process limit is reached]",
        )
    else:
        code, text = 1, f"[riskcase: could not start the command: {message}]"
    stderr.feed(text.encode() + b"\n")
    return code


def _ends(*fds: int) -> list[int]:
    return [fd for fd in fds if fd >= 0]


def _close(*fds: int) -> None:
    for fd in fds:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
