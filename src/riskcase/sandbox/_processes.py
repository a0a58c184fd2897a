"""Finding and killing host processes that belong to a sandbox."""

import os
import signal
from pathlib import Path


def processes_of_uid(uid: int | set[int]) -> list[int]:
    """Host pids whose real uid is ``uid`` (or one of the ``uid`` set), zombies excluded.

    A zombie has already exited (only its parent's wait is pending), so it can neither act
    nor be killed.
    """
    uids = uid if isinstance(uid, set) else {uid}
    pids: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue  # exited meanwhile
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("State", "").strip().startswith("Z"):
            continue
        if int(fields.get("Uid", "-1").split()[0]) in uids:
            pids.append(int(entry.name))
    return pids


def kill_processes_of_uid(uid: int | set[int], rounds: int = 5) -> list[int]:
    """SIGKILL every host process whose real uid is ``uid`` (or in it); return those found.

    Only for uids that belong to sandboxes alone (never the host user's own uid). One
    sweep reads every process's status, so batch uids rather than sweep one at a time.

    Args:
      uid: Sandbox host uid(s).
      rounds: Sweeps to make, in case a process forked while being killed.
    """
    uids = uid if isinstance(uid, set) else {uid}
    if not uids or {0, os.getuid()} & uids:
        raise ValueError("refusing to kill the processes of the host's own user")
    found: list[int] = []
    for _ in range(rounds):
        pids = processes_of_uid(uids)
        if not pids:
            break
        found.extend(pid for pid in pids if pid not in found)
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    return found
