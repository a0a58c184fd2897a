"""Host side of a running sandbox: the bwrap process and the channel to its agent."""

import array
import contextlib
import itertools
import json
import logging
import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio

from ._bwrap import AGENT_PATH, SANDBOX_PYTHON
from ._host_process import HostProcess

logger = logging.getLogger(__name__)
AGENT_SOURCE = (Path(__file__).parent / "_agent_main.py").read_bytes()
_LAUNCH_ENV = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"}
_MAX_MESSAGE = 64 * 1024
_MAX_INLINE = 32 * 1024
_START_TIMEOUT = 60
_SEND_TIMEOUT = 30


class SandboxStartError(RuntimeError):
    """bwrap or the in-sandbox agent failed to start; the message holds bwrap's own words."""


class SandboxAgent:
    """A running sample sandbox: its bwrap process and the control channel to its agent.

    Create with ``await SandboxAgent.launch(...)``; ``stop()`` ends it and every process in it.
    """

    def __init__(self, process: HostProcess, control: socket.socket) -> None:
        self._process = process
        self._control = control
        self._init = -1  # pidfd of the sandbox's PID 1 (the agent's supervisor)
        self._ids = itertools.count(1)
        self._replies: dict[int, dict[str, Any]] = {}
        self._waiting: set[int] = set()
        self._send_lock = anyio.Lock()
        self._recv_lock = anyio.Lock()
        self.closed = False

    @classmethod
    async def launch(
        cls,
        bwrap_argv: Callable[[int], list[str]],
        settings: dict[str, Any],
        run_as: tuple[int, int] | None,
    ) -> "SandboxAgent":
        """Start bwrap with the agent inside and wait until the agent is ready.

        Args:
          bwrap_argv: Gives bwrap and its options (no command) for the fd of the agent source.
          settings: Limits for the agent (see ``agent_settings``).
          run_as: Host (uid, gid) to drop to before bwrap runs; None to keep ours.

        Raises:
          SandboxStartError: bwrap or the agent could not start (bwrap's message included).
        """
        host_end, agent_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        source_r, source_w = os.pipe()
        os.write(source_w, AGENT_SOURCE)  # well under a pipe's capacity
        os.close(source_w)
        prefix: list[str] = []
        if run_as is not None:
            uid, gid = run_as
            prefix = ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups"]
        agent = [
            SANDBOX_PYTHON,
            "-I",
            "-S",
            AGENT_PATH,
            str(agent_end.fileno()),
            json.dumps(settings),
        ]
        try:
            argv = [*prefix, *bwrap_argv(source_r), "--", *agent]
            process = HostProcess(argv, _LAUNCH_ENV, [agent_end.fileno(), source_r])
        except OSError as ex:
            host_end.close()
            raise SandboxStartError(f"could not run bwrap: {ex}") from ex
        finally:
            agent_end.close()
            os.close(source_r)
        host_end.setblocking(False)
        sandbox = cls(process, host_end)
        try:
            with anyio.fail_after(_START_TIMEOUT):
                ready = await sandbox._next_message()
        except TimeoutError:
            ready = None
        if ready is None or ready.get("event") != "ready":
            reason = await process.read_stderr(16384, timeout=5)
            await sandbox.stop()
            raise SandboxStartError(reason or "the sandbox agent did not start")
        process.close_stderr()  # nothing more is read from it
        sandbox._init = process.child_pidfd()
        return sandbox

    @property
    def pid(self) -> int:
        """Host pid of the bwrap process."""
        return self._process.pid

    @property
    def alive(self) -> bool:
        """Whether the channel is open and bwrap still runs."""
        return not self.closed and self._process.running

    def new_id(self) -> int:
        """A fresh command id."""
        command_id = next(self._ids)
        self._waiting.add(command_id)
        return command_id

    def forget(self, command_id: int) -> None:
        """Stop expecting a reply for ``command_id``."""
        self._waiting.discard(command_id)
        self._replies.pop(command_id, None)

    async def send(self, request: dict[str, Any], fds: list[int]) -> None:
        """Send one request with ``fds`` attached; raise ConnectionError if the agent is gone.

        A request too large for one message travels in a memfd attached after ``fds``.
        """
        body = json.dumps(request).encode()
        memfd = -1
        if len(body) > _MAX_INLINE:
            memfd = os.memfd_create("riskcase-request", os.MFD_CLOEXEC)
            os.write(memfd, body)
            header = {key: request[key] for key in ("op", "id", "stdin") if key in request}
            body, fds = json.dumps({**header, "memfd": True}).encode(), [*fds, memfd]
        ancillary = [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))] if fds else []
        try:
            async with self._send_lock:
                with anyio.CancelScope(shield=True), anyio.move_on_after(_SEND_TIMEOUT):
                    while not self.closed:
                        try:
                            self._control.sendmsg([body], ancillary)
                            return
                        except BlockingIOError:
                            await anyio.wait_writable(self._control)
                        except OSError:
                            break
            self.closed = True
            raise ConnectionError("the sandbox agent is gone")
        finally:
            if memfd >= 0:
                os.close(memfd)

    async def reply(self, command_id: int) -> dict[str, Any] | None:
        """The agent's reply about ``command_id``, or None if the agent is gone."""
        while True:
            if command_id in self._replies:
                self._waiting.discard(command_id)
                return self._replies.pop(command_id)
            if self.closed:
                return None
            async with self._recv_lock:
                if command_id in self._replies or self.closed:
                    continue
                message = await self._next_message()
                if (
                    message is not None
                    and _is_id(message.get("id"))
                    and message["id"] in self._waiting
                ):
                    self._replies[message["id"]] = message

    async def stop(self) -> None:
        """End the sandbox: kill bwrap, and so every process inside.

        Returns once the sandbox's PID 1 has exited: the kernel ends a PID namespace's
        other processes before its PID 1 counts as exited, so none of the sample is left.
        """
        self.closed = True
        with anyio.CancelScope(shield=True):
            with contextlib.suppress(Exception):
                anyio.notify_closing(self._control)
            self._control.close()
            self._process.kill()
            await self._process.wait(timeout=10)
            self._process.close()
            if not await HostProcess.wait_pidfd(self._init, timeout=10):
                logger.warning("bwrap sandbox (pid %d) did not end in time", self._process.pid)
            if self._init >= 0:
                os.close(self._init)
                self._init = -1

    async def _next_message(self) -> dict[str, Any] | None:
        """Receive one message; None (and the channel marked closed) at its end.

        The agent's messages are untrusted: anything but a JSON object closes the channel.
        """
        data = b""
        while not self.closed:
            try:
                data = self._control.recv(_MAX_MESSAGE)
                break
            except BlockingIOError:
                try:
                    await anyio.wait_readable(self._control)
                except (anyio.ClosedResourceError, OSError):
                    self.closed = True
            except OSError:
                self.closed = True
        try:
            message = json.loads(data) if data else None
        except ValueError:
            message = None
        if not isinstance(message, dict):
            self.closed = True
            return None
        return message


def _is_id(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
