"""What a re-score did: per log and per monitor."""

from __future__ import annotations

from pydantic import BaseModel

from ._versions import Change


class MonitorOutcome(BaseModel):
    """One monitor's re-score of one log.

    Attributes:
        monitor: The monitor (and score) name.
        samples: Samples in the log (all were given to the monitor).
        failures: Samples for which the monitor gave no usable suspicion (unscored, e.g.
            unreadable LLM output, or no numeric value).
        mean: Mean suspicion over the other samples (None when there are none).
        change: ``added``, ``replaced`` or ``unchanged`` (see `riskcase.rescore` rule).
        kept_as: Where the previous version went (``replaced`` only).
    """

    monitor: str
    samples: int
    failures: int
    mean: float | None
    change: Change
    kept_as: str | None = None


class LogOutcome(BaseModel):
    """The re-score of one log.

    Attributes:
        log: Path of the log file.
        samples: Samples in the log.
        monitors: One outcome per monitor, in the order they ran.
        written: Whether the log file was replaced (False when nothing changed).
    """

    log: str
    samples: int
    monitors: list[MonitorOutcome]
    written: bool
