"""Re-scoring: run registered monitors over existing Inspect logs, without re-running.

`rescore_logs(path, ["rule_monitor"])` scores every sample of the logs at `path` (riskcase's
or any Inspect log with transcripts) and writes the scores into the logs, atomically.
Existing scores are never lost: a monitor's earlier version is kept as
``NAME@<when it was made>`` unless the re-score reproduces it exactly (then nothing
changes). Monitors that need the sample's sandbox are refused: it no longer exists.
"""

from ._monitors import split_names
from ._outcome import LogOutcome, MonitorOutcome
from ._rescore import NO_SANDBOX, rescore_logs, rescore_logs_async
from ._versions import RESCORED_AT, VERSION_SEP

__all__ = [
    "NO_SANDBOX",
    "RESCORED_AT",
    "VERSION_SEP",
    "LogOutcome",
    "MonitorOutcome",
    "rescore_logs",
    "rescore_logs_async",
    "split_names",
]
