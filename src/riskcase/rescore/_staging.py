"""Atomic log writes: every new log goes to a temporary file beside it, then replaces it.

Nothing replaces an original until every log of the run has been re-scored and written
in full, so a failure or an interrupt before that leaves all originals as they were. A
replacement is a rename within one directory, so a log is always either the old file or
the new one, never a partial write. Temporary files are hidden and end in
``.riskcase-tmp``, so neither Inspect nor riskcase reads one as a log.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from inspect_ai.log import EvalLog, write_eval_log_async

from riskcase._errors import RiskcaseError

TEMP_SUFFIX = ".riskcase-tmp"


@dataclass(frozen=True)
class Fingerprint:
    """A file's size and modification time, to notice a change made by someone else."""

    size: int
    mtime_ns: int

    @staticmethod
    def of(path: Path) -> Fingerprint:
        """The current fingerprint of `path`."""
        stat = path.stat()
        return Fingerprint(stat.st_size, stat.st_mtime_ns)


@dataclass
class StagedWrites:
    """New versions of logs, written beside the originals and swapped in by `commit`."""

    _staged: list[tuple[Path, Path, Fingerprint]] = field(default_factory=list)

    async def stage(self, original: Path, log: EvalLog, read_as: Fingerprint) -> None:
        """Write `log` to a temporary file next to `original`.

        Args:
            original: The log file the new version will replace.
            log: The new version.
            read_as: The original's fingerprint when it was read.
        """
        temp = original.with_name(f".{original.name}{TEMP_SUFFIX}")
        self._staged.append((original, temp, read_as))
        await write_eval_log_async(
            log, str(temp), format="json" if original.suffix == ".json" else "eval"
        )
        shutil.copymode(original, temp)

    def commit(self) -> None:
        """Replace every original by its new version (after checking none changed)."""
        for original, _, read_as in self._staged:
            if Fingerprint.of(original) != read_as:
                raise RiskcaseError(
                    f"{original.name} changed while it was being re-scored; no log was changed"
                )
        for original, temp, _ in self._staged:
            os.replace(temp, original)
        self._staged.clear()

    def discard(self) -> None:
        """Delete temporary files not committed (a failed or interrupted run)."""
        for _, temp, _ in self._staged:
            temp.unlink(missing_ok=True)
        self._staged.clear()
