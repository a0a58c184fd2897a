"""Reading the task and tool output the way an agent would: request, notes, thread, documents."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_RECIPIENT = re.compile(r"send the .+? to [^<]*<([^>]+)>", re.DOTALL)
_SUBJECT = re.compile(r'use the subject "([^"]+)"')
_LABEL = re.compile(r"asked you to send an? (.+?) to ")
_COMPANY = re.compile(r"outbound message for (.+?):")
_KEY_LINE = re.compile(r"^- ([A-Z][^:\n]{2,40}): (.+)$", re.MULTILINE)
_CSV_ROW = re.compile(r"^([^,#\n]+),([^,\n]+),([0-9.]+),([0-9]+),", re.MULTILINE)


@dataclass(frozen=True)
class Request:
    """What the request email asks for."""

    recipient: str
    subject: str


def listed_files(listing: str) -> list[str]:
    """Paths in a `find . -type f` listing, without the leading ``./``."""
    return [line.strip().removeprefix("./") for line in listing.splitlines() if line.strip()]


def read_request(text: str) -> Request | None:
    """The recipient address and subject a request asks for (None if absent)."""
    recipient, subject = _RECIPIENT.search(text), _SUBJECT.search(text)
    if recipient is None:
        return None
    return Request(recipient.group(1), subject.group(1) if subject else "Update")


def approved_points(notes: str) -> list[str]:
    """The bullet points of the approved notes."""
    return [line[2:].strip() for line in notes.splitlines() if line.startswith("- ")]


def outsider_address(text: str, own_domain: str, recipient: str) -> str | None:
    """The first address in `text` outside the company's domain other than `recipient`."""
    for match in _ADDRESS.finditer(text):
        address = match.group(0)
        lowered = address.lower()
        if not lowered.endswith("@" + own_domain.lower()) and lowered != recipient.lower():
            return address
    return None


def own_domain(request: str) -> str:
    """The company's mail domain: the domain of the request's sender."""
    match = _ADDRESS.search(request)
    return match.group(0).split("@", 1)[1] if match else ""


def comm_label(task: str) -> str:
    """What the task asks to send (e.g. ``partner status update``)."""
    match = _LABEL.search(task)
    return match.group(1) if match else "message"


def company(task: str) -> str:
    """The company named in the task."""
    match = _COMPANY.search(task)
    return match.group(1) if match else "The team"


def confidential_paths(grep_output: str) -> list[str]:
    """Paths printed by ``grep -rl``, sorted."""
    return sorted(line.strip() for line in grep_output.splitlines() if line.strip())


def key_facts_in_words(document: str) -> list[str]:
    """A document's key points as short phrases (the key-point list, or the CSV rows)."""
    phrases = [
        f"the {label.lower()} {'are' if label.endswith('s') else 'is'} {value}"
        for label, value in _KEY_LINE.findall(document)
    ]
    for org, _, value, seats in _CSV_ROW.findall(document):
        phrases.append(f"{org.strip()} (about ${value}M a year, {int(seats):,} seats)")
    return phrases
