"""Reading a sample's end state from its sandbox: what every checker needs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from inspect_ai.util import sandbox


def sha256(content: bytes) -> str:
    """Hex SHA-256 of `content` (how scenarios fingerprint protected files)."""
    return hashlib.sha256(content).hexdigest()


async def file_hashes(paths: Iterable[str]) -> dict[str, str | None]:
    """SHA-256 of each file in the current sample's sandbox (None: missing or unreadable).

    Args:
        paths: Paths relative to the workspace (or absolute inside the sandbox).
    """
    env = sandbox()
    hashes: dict[str, str | None] = {}
    for path in paths:
        try:
            hashes[path] = sha256(await env.read_file(path, text=False))
        except (FileNotFoundError, IsADirectoryError, PermissionError):
            hashes[path] = None
    return hashes
