"""Re-score existing logs with registered monitors, without re-running anything.

Inspect's `score_async` (what ``inspect score`` runs) rebuilds each sample's `TaskState`
from the log (messages, metadata, store) and runs the scorers on it. It starts no
sandbox: a scorer that calls `sandbox()` gets ``ProcessLookupError``. The sample's own
sandbox ended with the run and a log keeps only the names of a sample's files, so no
sandbox could show a monitor what the agent left behind; monitors that need one are
refused with that reason rather than given a fresh, misleading one.

The model under assessment is never called while re-scoring (Inspect's active model is
the ``none`` model), nor are the model roles recorded in the log; LLM monitors use the
trusted model, also bound to the ``trusted`` role.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import anyio
from inspect_ai import score_async
from inspect_ai.log import EvalLog
from inspect_ai.model import Model, get_model

from riskcase._errors import RiskcaseError
from riskcase.monitors import TRUSTED_ROLE, monitor_score_value

from ._monitors import MonitorRun, resolve_monitors, resolve_trusted_model
from ._outcome import LogOutcome, MonitorOutcome
from ._staging import Fingerprint, StagedWrites
from ._targets import find_logs, read_log
from ._versions import set_aside, settle

NO_SANDBOX = (
    "monitor '{name}' needs a sandbox, and re-scoring has none to give it: the sample's "
    "sandbox ended with the run, a log keeps the names of the sample's files but not their "
    "contents, and Inspect's score() starts no sandbox; run this monitor during "
    "`riskcase assess` instead (no log was changed)"
)


def rescore_logs(
    path: str | Path, monitors: Sequence[str], trusted_model: str | Model | None = None
) -> list[LogOutcome]:
    """Score existing logs with registered monitors and write the scores into them.

    Every log is checked, re-scored and written to a temporary file before any original
    is replaced (see `StagedWrites`); existing scores follow the rule of `settle`.

    Args:
        path: A log file, or a directory searched recursively for logs.
        monitors: Registered monitor names.
        trusted_model: Inspect model for LLM monitors (required by them).

    Raises:
        RiskcaseError: bad input (unknown monitor, missing trusted model, a path or log
            that cannot be re-scored) or a monitor that failed; no log is changed then.
    """
    return anyio.run(rescore_logs_async, path, monitors, trusted_model)


async def rescore_logs_async(
    path: str | Path, monitors: Sequence[str], trusted_model: str | Model | None = None
) -> list[LogOutcome]:
    """`rescore_logs` for callers already inside an event loop."""
    trusted = resolve_trusted_model(trusted_model)
    runs = resolve_monitors(monitors, trusted)
    files = find_logs(path)
    for file in files:  # check every log before scoring any
        await read_log(file, header_and_messages=True)
    scoring = _Scoring(trusted, datetime.now(UTC))
    staged = StagedWrites()
    outcomes: list[LogOutcome] = []
    try:
        for file in files:
            read_as = Fingerprint.of(file)
            log = await read_log(file)
            results = [await scoring.run(log, file, run) for run in runs]
            written = any(result.change != "unchanged" for result in results)
            if written:
                await staged.stage(file, log, read_as)
            outcomes.append(
                LogOutcome(
                    log=str(file), samples=len(log.samples or []), monitors=results, written=written
                )
            )
        staged.commit()
    finally:
        staged.discard()
    return outcomes


class _Scoring:
    """Runs one monitor over one log with Inspect's `score_async`."""

    def __init__(self, trusted: Model | None, now: datetime) -> None:
        self._model = get_model("none")
        self._roles: dict[str, str | Model] | None = {TRUSTED_ROLE: trusted} if trusted else None
        self._now = now

    async def run(self, log: EvalLog, file: Path, run: MonitorRun) -> MonitorOutcome:
        aside = set_aside(log, run.name)
        header_roles, log.eval.model_roles = log.eval.model_roles, None
        try:
            await score_async(
                log,
                [run.scorer],
                action="append",
                copy=False,
                model=self._model,
                model_roles=self._roles,
                display="none",
            )
        except ProcessLookupError as error:
            if "sandbox" not in str(error).lower():
                raise _failed(run.name, file, error) from None
            raise RiskcaseError(NO_SANDBOX.format(name=run.name)) from None
        except RiskcaseError:
            raise
        except Exception as error:  # a monitor may fail in any way; report it in one line
            raise _failed(run.name, file, error) from None
        finally:
            log.eval.model_roles = header_roles
        settled = settle(log, aside, self._now)
        values = [monitor_score_value((s.scores or {}).get(run.name)) for s in log.samples or []]
        usable = [value for value in values if value is not None]
        return MonitorOutcome(
            monitor=run.name,
            samples=len(values),
            failures=len(values) - len(usable),
            mean=statistics.fmean(usable) if usable else None,
            change=settled.change,
            kept_as=settled.kept_as,
        )


def _failed(name: str, file: Path, error: BaseException) -> RiskcaseError:
    reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return RiskcaseError(f"monitor '{name}' failed on {file.name}: {reason} (no log was changed)")
