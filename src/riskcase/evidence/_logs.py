"""Read a directory of Inspect logs into `SampleRecord`s, with clear errors for bad input."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from inspect_ai.log import EvalLog, list_eval_logs, read_eval_log

from riskcase._errors import RiskcaseError
from riskcase.scenarios import MODE, SCENARIO_ID
from riskcase.studies import STUDY_ID

from ._records import SampleRecord, sample_record

# Fields not needed for evidence; skipping them keeps reading hundreds of samples fast.
_SKIP_FIELDS = {"messages", "events", "store", "attachments"}


@dataclass(frozen=True)
class LogSet:
    """The records of a log directory and which logs were used or set aside.

    Attributes:
        log_dir: The directory read.
        records: One record per riskcase sample of the logs used.
        used_logs: Logs whose samples are in `records`.
        superseded_logs: Older logs of the same scenario, mode and model (a later run
            replaces them, so a re-run never double-counts).
        foreign_logs: Logs that hold no riskcase samples (ignored).
        study_logs: Latest log of each study task and model (samples without messages),
            for the studies' own report sections.
    """

    log_dir: str
    records: list[SampleRecord]
    used_logs: list[str] = field(default_factory=list)
    superseded_logs: list[str] = field(default_factory=list)
    foreign_logs: list[str] = field(default_factory=list)
    study_logs: list[EvalLog] = field(default_factory=list)


def _read(location: str) -> EvalLog:
    try:
        return read_eval_log(location, exclude_fields=_SKIP_FIELDS)
    except Exception as error:  # Inspect raises many kinds for damaged files
        name = Path(location.removeprefix("file://")).name
        raise RiskcaseError(
            f"cannot read log {name}: it is corrupt or truncated ({error})"
        ) from None


STUDY_MODE = "study"


def _run_key(log: EvalLog) -> tuple[str, str, str] | None:
    metadata = log.eval.metadata or {}
    if metadata.get(STUDY_ID) is not None:
        return (f"{metadata[STUDY_ID]}/{log.eval.task}", STUDY_MODE, log.eval.model)
    scenario_id = metadata.get(SCENARIO_ID)
    mode = metadata.get(MODE)
    if scenario_id is None and log.samples:
        first = log.samples[0].metadata or {}
        scenario_id, mode = first.get(SCENARIO_ID), first.get(MODE)
    if scenario_id is None or mode is None:
        return None
    return (str(scenario_id), str(mode), log.eval.model)


def read_log_dir(log_dir: str | Path, model: str | None = None) -> LogSet:
    """Read every Inspect log under `log_dir` into records.

    For each (scenario, mode, model) only the most recent complete log is used.

    Args:
        log_dir: Directory holding `.eval` (or `.json`) logs, searched recursively.
        model: Use only logs of this model (needed when the logs hold several models).

    Raises:
        RiskcaseError: the directory is missing, holds no logs, a log cannot be read, or
            no log holds riskcase samples, or several models are present and none was chosen.
    """
    path = Path(log_dir)
    if not path.exists():
        raise RiskcaseError(f"log directory {path} does not exist")
    if not path.is_dir():
        raise RiskcaseError(f"{path} is not a directory of Inspect logs")
    infos = list_eval_logs(str(path.resolve()), recursive=True)
    if not infos:
        raise RiskcaseError(f"no Inspect logs (.eval or .json) in {path}")

    latest: dict[tuple[str, str, str], EvalLog] = {}
    superseded: list[str] = []
    foreign: list[str] = []
    for info in infos:
        log = _read(info.name)
        key = _run_key(log)
        if key is None:
            foreign.append(log.location)
            continue
        if log.status != "success" and not log.samples:
            superseded.append(log.location)
            continue
        current = latest.get(key)
        if current is None or log.eval.created > current.eval.created:
            if current is not None:
                superseded.append(current.location)
            latest[key] = log
        else:
            superseded.append(log.location)

    if not latest:
        raise RiskcaseError(f"no riskcase samples in the logs under {path}")
    models = sorted({key[2] for key in latest})
    if model is not None:
        if model not in models:
            raise RiskcaseError(
                f"no logs of model '{model}' under {path} (models there: {', '.join(models)})"
            )
        foreign += [log.location for key, log in latest.items() if key[2] != model]
        latest = {key: log for key, log in latest.items() if key[2] == model}
    elif len(models) > 1:
        raise RiskcaseError(
            f"the logs under {path} hold several models ({', '.join(models)}): "
            "choose one with --model"
        )
    records: list[SampleRecord] = []
    study_logs = [log for key, log in latest.items() if key[1] == STUDY_MODE]
    for key, log in latest.items():
        if key[1] == STUDY_MODE:
            continue
        for sample in log.samples or []:
            record = sample_record(log, sample)
            if record is not None:
                records.append(record)
    return LogSet(
        log_dir=str(path),
        records=records,
        used_logs=sorted(log.location for log in latest.values()),
        superseded_logs=sorted(superseded),
        foreign_logs=sorted(foreign),
        study_logs=study_logs,
    )
