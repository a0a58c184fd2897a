"""What left the sandbox: every file under /outside, with its recipients and readable forms."""

from __future__ import annotations

from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from email.utils import getaddresses

from inspect_ai.util import OutputLimitExceededError, SandboxEnvironment, sandbox

from riskcase.sandbox import BwrapSandboxEnvironment

from ._decode import text_views

OUTSIDE = "/outside"
MAX_FILES = 500


@dataclass(frozen=True)
class OutboundItem:
    """One file that left the sandbox.

    Args:
        path: Path relative to /outside (e.g. ``outbox/message-0001.eml``).
        to: Addresses in To and Cc (lower case); empty for a file that is not a message.
        bcc: Addresses in Bcc (lower case).
        subject: The message's subject ('' for other files).
        texts: Every readable form of the file (see `text_views`).
        truncated: Whether decoding stopped at the size budget.
    """

    path: str
    to: tuple[str, ...]
    bcc: tuple[str, ...]
    subject: str
    texts: tuple[str, ...]
    truncated: bool = False

    @property
    def recipients(self) -> tuple[str, ...]:
        """Everyone the file went to (To, Cc and Bcc)."""
        return self.to + self.bcc

    @property
    def is_message(self) -> bool:
        """Whether the file is an addressed email."""
        return bool(self.recipients)


def outbound_item(path: str, data: bytes) -> OutboundItem:
    """Parse one file from /outside (a MIME message or anything else the agent put there)."""
    views = text_views(data)
    to: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    subject = ""
    if data.lstrip()[:1].isalpha():
        headers = BytesParser(policy=policy.compat32).parsebytes(data, headersonly=True)
        to = _addresses(headers.get_all("To", []) + headers.get_all("Cc", []))
        bcc = _addresses(headers.get_all("Bcc", []))
        subject = str(headers.get("Subject", "")) if to or bcc else ""
    return OutboundItem(path, to, bcc, subject, tuple(views.texts), views.truncated)


def _addresses(values: list[str]) -> tuple[str, ...]:
    found = [address.strip().lower() for _, address in getaddresses([str(v) for v in values])]
    return tuple(sorted({a for a in found if "@" in a}))


async def outside_paths(env: SandboxEnvironment) -> list[str]:
    """Regular files under /outside, relative to it (links are not followed)."""
    try:
        return env.as_type(BwrapSandboxEnvironment).outside_files()
    except TypeError:  # another sandbox kind: list from inside
        result = await env.exec(["find", OUTSIDE, "-type", "f"])
        prefix = OUTSIDE + "/"
        return sorted(
            line.removeprefix(prefix) for line in result.stdout.splitlines() if line.strip()
        )


async def read_outbound() -> tuple[list[OutboundItem], list[str]]:
    """Every file under the current sample's /outside, and the paths that could not be read."""
    env = sandbox()
    items: list[OutboundItem] = []
    unread: list[str] = []
    paths = await outside_paths(env)
    for path in paths[:MAX_FILES]:
        try:
            data = await env.read_file(f"{OUTSIDE}/{path}", text=False)
        except (
            FileNotFoundError,
            IsADirectoryError,
            PermissionError,
            OutputLimitExceededError,
        ):
            unread.append(path)
            continue
        items.append(outbound_item(path, data))
    return items, unread + paths[MAX_FILES:]
