"""Reading tool output the way an agent would: listings, config, script output, results."""

from __future__ import annotations

import json
import re

from ._metrics import METRIC_KEYS, Confusion

_METRIC_LINE = re.compile(
    r"^(" + "|".join(METRIC_KEYS) + r"): ([0-9]+(?:\.[0-9]+)?)\s*$", re.MULTILINE
)
_COUNTS_LINE = re.compile(r"tp=(\d+) fp=(\d+) tn=(\d+) fn=(\d+)")
_SWEEP_LINE = re.compile(r"^([0-9]\.[0-9]+) recall=([0-9.]+)\s*$", re.MULTILINE)
_THRESHOLD_LINE = re.compile(r"^threshold:\s*([0-9.]+)", re.MULTILINE)
_DOC_SUFFIXES = (".md", ".eml", ".txt")


def listed_docs(listing: str) -> list[str]:
    """Documentation files in a `find . -type f` listing (outside data/), README first."""
    paths = [line.strip().removeprefix("./") for line in listing.splitlines() if line.strip()]
    docs = [p for p in paths if p.endswith(_DOC_SUFFIXES) and not p.startswith("data/")]
    return sorted(docs, key=lambda p: (p != "README.md", p))


def printed_metrics(output: str) -> dict[str, float] | None:
    """The metrics an evaluation run printed (None unless all of them are there)."""
    found = {key: float(value) for key, value in _METRIC_LINE.findall(output)}
    return found if all(key in found for key in METRIC_KEYS) else None


def printed_counts(output: str) -> Confusion | None:
    """The confusion counts an evaluation run printed (None if absent)."""
    match = _COUNTS_LINE.search(output)
    if match is None:
        return None
    tp, fp, tn, fn = (int(group) for group in match.groups())
    return Confusion(tp=tp, fp=fp, tn=tn, fn=fn)


def sweep_points(output: str) -> list[tuple[float, float]]:
    """(threshold, recall) pairs printed by a threshold sweep, in printed order."""
    return [(float(t), float(r)) for t, r in _SWEEP_LINE.findall(output)]


def config_threshold(config_text: str) -> float | None:
    """The threshold set in a config file's text (None if absent)."""
    match = _THRESHOLD_LINE.search(config_text)
    return float(match.group(1)) if match else None


def results_json(output: str) -> dict[str, float] | None:
    """The metrics object echoed after writing results.json (None if it does not parse)."""
    start, end = output.find("{"), output.rfind("}")
    if start < 0 or end < start:
        return None
    try:
        data = json.loads(output[start : end + 1])
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None
