"""The bubblewrap command line of a sample's sandbox."""

import functools
import os
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

from ._config import BwrapConfig
from ._workspace import SampleDirs

SANDBOX_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
SANDBOX_PYTHON = "/usr/bin/python3"
SANDBOX_UID = 65534  # the uid and gid processes see inside ("nobody")
AGENT_PATH = "/run/riskcase-agent.py"
WORKSPACE = "/workspace"
OUTSIDE = "/outside"
SHM_BYTES = 16 * 1024**2
NOFILE = 4096

# Host places never shown to a sandbox: homes, scratch and runtime state, mounted media.
HIDDEN_PATHS = ("/root", "/home", "/tmp", "/var/tmp", "/run", "/mnt", "/media", "/lost+found")
# Set up by bwrap itself rather than bound from the host.
_OWN_MOUNTS = ("/proc", "/dev", "/tmp", WORKSPACE, OUTSIDE)


@functools.cache
def bwrap_options(bwrap: str) -> frozenset[str]:
    """The options this bwrap knows (older releases lack --disable-userns and --size)."""
    try:
        usage = subprocess.run([bwrap, "--help"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(
        word for word in (usage.stdout + usage.stderr).split() if word.startswith("--")
    )


def find_bwrap() -> str | None:
    """Path of the bwrap executable, or None when it is not installed."""
    return shutil.which("bwrap") or (
        "/usr/bin/bwrap" if os.access("/usr/bin/bwrap", os.X_OK) else None
    )


def sandbox_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The whole environment of a command: a fixed minimal one plus ``extra``.

    Python writes no bytecode caches: a rewrite of the same size within the same second
    would otherwise run the stale build (the cache is keyed on size and whole-second mtime).
    """
    env = {
        "PATH": SANDBOX_PATH,
        "HOME": WORKSPACE,
        "LANG": "C.UTF-8",
        "TMPDIR": "/tmp",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.update(extra or {})
    return env


def hidden_paths(config: BwrapConfig, dirs: SampleDirs) -> list[str]:
    """Host paths to hide: the defaults, the config's, the user's home, the sample folders."""
    paths = [*HIDDEN_PATHS, *config.hidden_paths, str(Path.home()), str(dirs.root.parent)]
    return sorted({os.path.normpath(p) for p in paths if os.path.normpath(p) != "/"})


def bwrap_argv(bwrap: str, config: BwrapConfig, dirs: SampleDirs, agent_fd: int) -> list[str]:
    """The bwrap options (no command) that sandbox one sample as ``config`` asks.

    Args:
      bwrap: Path of the bwrap executable.
      config: The sandbox options.
      dirs: The sample's host folders.
      agent_fd: Readable fd holding the agent's source, copied to ``AGENT_PATH``.
    """
    known = bwrap_options(bwrap)
    argv = [bwrap, "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts"]
    argv += ["--unshare-cgroup-try", "--hostname", "sandbox"]
    if "--disable-userns" in known:  # bwrap >= 0.8: no nested user namespaces
        argv += ["--disable-userns"]
    argv += [] if config.network else ["--unshare-net"]
    argv += ["--die-with-parent", "--new-session", "--as-pid-1", "--cap-drop", "ALL"]
    argv += ["--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID)]
    hidden = hidden_paths(config, dirs)
    argv += _root_entries(hidden, dirs.uid)
    argv += _nested_hidden(hidden)
    for host, dest in config.ro_mounts():
        argv += ["--ro-bind", host, dest]
    argv += ["--proc", "/proc", "--dev", "/dev", "--remount-ro", "/dev"]
    if "--size" in known:  # else /dev/shm stays read-only rather than unbounded
        argv += ["--size", str(SHM_BYTES), "--tmpfs", "/dev/shm"]
    argv += ["--bind", str(dirs.workspace), WORKSPACE, "--bind", str(dirs.tmp), "/tmp"]
    if dirs.outside is not None:
        argv += ["--bind", str(dirs.outside), OUTSIDE]
    argv += ["--perms", "0444", "--file", str(agent_fd), AGENT_PATH]
    argv += ["--remount-ro", "/", "--chdir", WORKSPACE, "--clearenv"]
    for name, value in sandbox_env().items():
        argv += ["--setenv", name, value]
    return argv


def agent_settings(config: BwrapConfig) -> dict[str, Any]:
    """Limits the in-sandbox agent applies: to the sample, and to every command it starts."""
    child_limits: dict[str, int] = {"RLIMIT_CORE": 0, "RLIMIT_NOFILE": NOFILE}
    if config.cpu_seconds is not None:
        child_limits["RLIMIT_CPU"] = config.cpu_seconds
    if config.memory_mb is not None:
        child_limits["RLIMIT_AS"] = config.memory_mb * 1024**2
    if config.max_file_mb is not None:
        child_limits["RLIMIT_FSIZE"] = config.max_file_mb * 1024**2
    return {"nproc": config.max_processes, "child_limits": child_limits}


def _root_entries(hidden: list[str], uid: int) -> list[str]:
    """Each top-level entry of the host root: bound read-only, or an empty stand-in if hidden."""
    argv: list[str] = []
    for entry in sorted(os.scandir("/"), key=lambda e: e.name):
        path = "/" + entry.name
        if path in _OWN_MOUNTS:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISLNK(info.st_mode):
            argv += ["--symlink", os.readlink(path), path]
        elif path in hidden or not _reachable(info, uid):
            if stat.S_ISDIR(info.st_mode):
                argv += ["--dir", path]
        elif stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode):
            argv += ["--ro-bind", path, path]
    return argv


def _nested_hidden(hidden: list[str]) -> list[str]:
    """Cover hidden paths below the top level with an empty read-only tmpfs (or file)."""
    argv: list[str] = []
    for path in hidden:
        if path.count("/") < 2 or _covered(path, hidden) or not os.path.lexists(path):
            continue
        if os.path.islink(path):
            continue  # the link is bound as is; what it points at is hidden or not itself
        if os.path.isdir(path):
            argv += ["--tmpfs", path, "--remount-ro", path]
        else:
            argv += ["--ro-bind", "/dev/null", path]
    return argv


def _covered(path: str, hidden: list[str]) -> bool:
    return any(path != other and path.startswith(other + "/") for other in hidden)


def _reachable(info: os.stat_result, uid: int) -> bool:
    """Whether a process of host uid ``uid`` (not in the owner's group) may read it."""
    if info.st_uid == uid:
        return True
    needed = stat.S_IROTH | (stat.S_IXOTH if stat.S_ISDIR(info.st_mode) else 0)
    return info.st_mode & needed == needed
