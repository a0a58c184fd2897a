"""Bounded, incremental capture of a command's output streams."""

import os

import anyio

_CHUNK = 64 * 1024


class BoundedOutput:
    """Keeps the first ``cap`` bytes of a stream and counts the rest.

    Args:
      cap: Bytes to keep; later bytes are counted and dropped, so memory stays bounded
        whatever the command writes.
    """

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.total = 0
        self._chunks: list[bytes] = []
        self._kept = 0
        self.eof = anyio.Event()

    def feed(self, chunk: bytes) -> None:
        """Account for ``chunk``, keeping what fits under the cap."""
        self.total += len(chunk)
        room = self.cap - self._kept
        if room > 0:
            kept = chunk[:room]
            self._chunks.append(kept)
            self._kept += len(kept)

    @property
    def truncated(self) -> bool:
        """Whether bytes were dropped."""
        return self.total > self.cap

    def data(self) -> bytes:
        """The kept bytes."""
        return b"".join(self._chunks)

    def text(self) -> str:
        """The kept bytes as text, with a closing note when bytes were dropped."""
        text = self.data().decode("utf-8", errors="replace")
        if self.truncated:
            newline = "" if text.endswith("\n") or not text else "\n"
            text += f"{newline}[riskcase: output truncated at {self.cap} bytes]\n"
        return text


async def pump(fd: int, output: BoundedOutput) -> None:
    """Read the non-blocking pipe ``fd`` into ``output`` until end of file."""
    try:
        while True:
            try:
                chunk = os.read(fd, _CHUNK)
            except BlockingIOError:
                await anyio.wait_readable(fd)
                continue
            if not chunk:
                return
            output.feed(chunk)
    finally:
        output.eof.set()


async def feed_stdin(fd: int, data: bytes) -> None:
    """Write ``data`` to the non-blocking pipe ``fd`` and close it; stop if the reader left."""
    view = memoryview(data)
    try:
        while view:
            try:
                written = os.write(fd, view[:_CHUNK])
            except BlockingIOError:
                await anyio.wait_writable(fd)
                continue
            except BrokenPipeError:
                return
            view = view[written:]
    finally:
        os.close(fd)
