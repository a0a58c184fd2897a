"""The bwrap process on the host, watched through a pidfd.

Deliberately not an asyncio subprocess: asyncio's child watcher can miss an exit when
many processes come and go (and then a wait never returns). Here the process is started
with ``subprocess.Popen`` and its exit is awaited on a pidfd, which becomes readable when
the process ends whoever reaps it, so every wait is both bounded and reliable.
"""

import contextlib
import os
import signal
import subprocess
from pathlib import Path

import anyio


class HostProcess:
    """A started process, with its stderr readable until ``close_stderr()``.

    Args:
      argv: Command and arguments.
      env: Its whole environment.
      pass_fds: Descriptors it inherits.
    """

    def __init__(self, argv: list[str], env: dict[str, str], pass_fds: list[int]) -> None:
        self._popen = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            pass_fds=pass_fds,
            start_new_session=True,
        )
        self._pidfd = os.pidfd_open(self._popen.pid)
        self._stderr = self._popen.stderr.fileno() if self._popen.stderr else -1
        os.set_blocking(self._stderr, False)

    @property
    def pid(self) -> int:
        """Host pid."""
        return self._popen.pid

    @property
    def running(self) -> bool:
        """Whether the process has not ended."""
        return self._popen.poll() is None

    def kill(self) -> None:
        """SIGKILL the process and its process group."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._popen.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            self._popen.kill()

    async def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the process to end; whether it did."""
        with anyio.move_on_after(timeout):
            while self.running:
                await anyio.wait_readable(self._pidfd)
        return not self.running

    def child_pidfd(self) -> int:
        """A pidfd of the process's first child (-1 if it has none or it is gone)."""
        try:
            children = Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split()
            return os.pidfd_open(int(children[0])) if children else -1
        except (OSError, ValueError):
            return -1

    @staticmethod
    async def wait_pidfd(pidfd: int, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the process behind ``pidfd`` to end."""
        if pidfd < 0:
            return True
        with anyio.move_on_after(timeout):
            await anyio.wait_readable(pidfd)
            return True
        return False

    async def read_stderr(self, limit: int, timeout: float) -> str:
        """What the process wrote to stderr (up to ``limit`` bytes, waiting up to ``timeout``)."""
        chunks: list[bytes] = []
        with anyio.move_on_after(timeout):
            while sum(len(c) for c in chunks) < limit:
                try:
                    chunk = os.read(self._stderr, limit)
                except BlockingIOError:
                    await anyio.wait_readable(self._stderr)
                    continue
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks).decode(errors="replace").strip()

    def close_stderr(self) -> None:
        """Stop reading stderr (later writes to it fail in the process, not here)."""
        if self._popen.stderr is not None and not self._popen.stderr.closed:
            self._popen.stderr.close()

    def close(self) -> None:
        """Release the descriptors (after the process ended)."""
        self.close_stderr()
        with contextlib.suppress(OSError):
            os.close(self._pidfd)
