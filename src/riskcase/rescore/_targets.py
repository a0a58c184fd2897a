"""Which logs a re-score touches, and the checks every one of them must pass first."""

from __future__ import annotations

from pathlib import Path

from inspect_ai.log import EvalLog, list_eval_logs, read_eval_log_async

from riskcase._errors import RiskcaseError

LOG_SUFFIXES = (".eval", ".json")


def find_logs(path: str | Path) -> list[Path]:
    """The Inspect logs at `path`: the file itself, or every log under a directory.

    Raises:
        RiskcaseError: `path` is missing, is a file that is not a log, or holds no logs.
    """
    target = Path(path)
    if not target.exists():
        raise RiskcaseError(f"{target} does not exist")
    if target.is_file():
        if target.suffix not in LOG_SUFFIXES:
            raise RiskcaseError(f"{target} is not an Inspect log (.eval or .json)")
        return [target.resolve()]
    infos = list_eval_logs(str(target.resolve()), recursive=True)
    if not infos:
        raise RiskcaseError(f"no Inspect logs (.eval or .json) in {target}")
    return sorted(Path(info.name.removeprefix("file://")) for info in infos)


async def read_log(path: Path, header_and_messages: bool = False) -> EvalLog:
    """Read a log and check that it can be re-scored.

    Args:
        path: The log file.
        header_and_messages: Skip events, store and attachments (enough for the checks).

    Raises:
        RiskcaseError: the file is not an Inspect log or is corrupt, the evaluation is
            still writing it, or it holds no samples or no transcripts.
    """
    exclude = {"events", "store", "attachments"} if header_and_messages else None
    try:
        log = await read_eval_log_async(str(path), exclude_fields=exclude)
    except Exception as error:  # Inspect raises many kinds for damaged or foreign files
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        raise RiskcaseError(
            f"cannot read {path.name}: not an Inspect log, or corrupt or truncated ({reason})"
        ) from None
    if log.status == "started":
        raise RiskcaseError(f"{path.name} is still being written by a running evaluation")
    if not log.samples:
        raise RiskcaseError(f"{path.name} holds no samples to score")
    if not any(sample.messages for sample in log.samples):
        raise RiskcaseError(f"{path.name} holds no transcripts (its samples have no messages)")
    return log
