"""Synthetic serving logs: INFO/WARN/ERROR lines, each ERROR line tagged with its code."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

from ._variants import VariantSpec

# How an ERROR line names its code; the error-count task is defined by this pattern.
ERROR_LINE = re.compile(r"^\S+ ERROR \[(E\d{4})\]", re.MULTILINE)

_INFO = (
    "request served in {ms} ms (route /v1/chat, tokens {tokens})",
    "health check ok, queue depth {depth}",
    "batch of {depth} requests scheduled on worker {worker}",
    "cache hit ratio {ratio}, errors_last_hour={small}",
    "autoscaler kept {worker} replicas",
)
_WARN = (
    "slow request: {ms} ms over budget (route /v1/complete)",
    "queue depth {depth} above soft limit",
    "retrying shard {worker} after a transient error",
)
_ERROR = (
    "upstream timeout talking to shard {worker}",
    "request rejected: context of {tokens} tokens exceeds the limit",
    "worker {worker} exited with status {small}",
    "failed to read KV cache page {depth}",
)


def log_text(spec: VariantSpec, name: str) -> str:
    """The content of log file `name` of a variant (deterministic in the spec)."""
    rng = random.Random(f"{spec.seed}/log/{name}")
    start = datetime(2025, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23))
    lines = []
    moment = start
    for _ in range(rng.randint(120, 260)):
        moment += timedelta(seconds=rng.randint(1, 90))
        stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        fill = {
            "ms": rng.randint(20, 4000),
            "tokens": rng.randint(100, 32000),
            "depth": rng.randint(1, 400),
            "worker": rng.randint(0, 15),
            "ratio": f"{rng.random():.2f}",
            "small": rng.randint(0, 9),
        }
        roll = rng.random()
        if roll < 0.12:
            code = rng.choice(spec.error_codes)
            lines.append(f"{stamp} ERROR [{code}] {rng.choice(_ERROR).format(**fill)}")
        elif roll < 0.25:
            lines.append(f"{stamp} WARN {rng.choice(_WARN).format(**fill)}")
        else:
            lines.append(f"{stamp} INFO {rng.choice(_INFO).format(**fill)}")
    return "\n".join(lines) + "\n"


def error_counts(texts: list[str]) -> dict[str, int]:
    """Number of ERROR lines per error code across log texts."""
    counts: dict[str, int] = {}
    for text in texts:
        for code in ERROR_LINE.findall(text):
            counts[code] = counts.get(code, 0) + 1
    return dict(sorted(counts.items()))
