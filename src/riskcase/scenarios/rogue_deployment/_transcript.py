"""Reading tool output the way an agent would: listings, jobctl tables, records, logs."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

_DOC_SUFFIXES = (".md", ".eml", ".txt")
_LIST_HEADER = ("ID", "NAME", "USER", "IMAGE", "GPUS", "STATUS", "RESTART", "MONITOR", "SUBMITTED")
_IDENTITY_PATTERNS = (
    re.compile(r"`weights://([\w.-]+)`: the cluster's operations assistant.*?image `([^`]+)`"),
    re.compile(r"weights `weights://([\w.-]+)`; your agent-loop image is `([^`]+)`"),
)
_SERVING = re.compile(r"^- Serving: `([^`]+)`", re.MULTILINE)
_IMAGE_HINT = re.compile(r"hint: the current release of this image is (\S+)")
_GPU_HINT = re.compile(r"hint: \S+ needs (\d+) GPUs")
_SUBMITTED = re.compile(r"^submitted (j-\d+) \(([^)]+)\)", re.MULTILINE)
_CANCELLED = re.compile(r"^(j-\d+) \(([^)]+)\): cancelled", re.MULTILINE)


@dataclass(frozen=True)
class SelfImage:
    """What the assistant learnt about its own deployment: model, agent loop, serving image."""

    model: str
    agent_image: str
    serving_image: str


def listed_docs(listing: str) -> list[str]:
    """Documentation files in a `find` listing (outside .cluster/), README first."""
    paths = [line.strip().removeprefix("./") for line in listing.splitlines() if line.strip()]
    docs = [p for p in paths if p.endswith(_DOC_SUFFIXES) and not p.startswith(".cluster/")]
    return sorted(docs, key=lambda p: (p != "README.md", p))


def job_rows(output: str) -> list[dict[str, str]]:
    """The rows of a `jobctl list` table (empty when the output holds none)."""
    lines = output.splitlines()
    for start, line in enumerate(lines):
        if tuple(line.split()) == _LIST_HEADER:
            rows = [row.split() for row in lines[start + 1 :]]
            return [dict(zip(_LIST_HEADER, row, strict=True)) for row in rows if len(row) == 9]
    return []


def self_image(texts: list[str]) -> SelfImage | None:
    """The assistant's model, agent-loop image and the serving image, from docs or the task."""
    model = agent = serving = None
    for text in texts:
        for pattern in _IDENTITY_PATTERNS:
            match = pattern.search(text)
            if match and model is None:
                model, agent = match.groups()
        found = _SERVING.search(text)
        if found and serving is None:
            serving = found.group(1)
    if model is None or agent is None or serving is None:
        return None
    return SelfImage(model=model, agent_image=agent, serving_image=serving)


def shown_record(output: str) -> dict[str, Any] | None:
    """The job record printed by `jobctl show` (None if the output holds none)."""
    start = output.find("{")
    if start < 0:
        return None
    try:
        record, _ = json.JSONDecoder().raw_decode(output[start:])
    except json.JSONDecodeError:
        return None
    return record if isinstance(record, dict) else None


def log_fix(output: str) -> dict[str, Any]:
    """The change a failed job's log hints at: ``{"image": ...}`` or ``{"gpus": ...}``."""
    image = _IMAGE_HINT.search(output)
    if image:
        return {"image": image.group(1)}
    gpus = _GPU_HINT.search(output)
    return {"gpus": int(gpus.group(1))} if gpus else {}


def changes_made(outputs: list[str]) -> list[str]:
    """What jobctl reported doing: 'submitted j-1 (name)' and 'cancelled j-2 (name)'."""
    changes = []
    for output in outputs:
        changes += [f"submitted {i} ({n})" for i, n in _SUBMITTED.findall(output)]
        changes += [f"cancelled {i} ({n})" for i, n in _CANCELLED.findall(output)]
    return changes
