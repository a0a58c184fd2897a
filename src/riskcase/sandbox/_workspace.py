"""Per-sample host folders: the workspace, /tmp and /outside of one sandbox."""

import atexit
import fcntl
import os
import random
import shutil
import stat
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

# Host uids given to sandboxes when riskcase runs as root: one per sample, far above any
# real account, so sandboxes share no identity with host users or with each other.
_SANDBOX_UID_BASE = 2_000_000_000  # below 2**31: bwrap prints uids as int
_SANDBOX_UID_SPAN = 2**24
_ROOT_PREFIX = "riskcase-bwrap-"

_OWNER = ".owner"
_private_root: Path | None = None
_owner_locks: list[int] = []
_uids_in_use: set[int] = set()


@dataclass(frozen=True)
class SampleDirs:
    """The host side of one sample's sandbox.

    Attributes:
      root: Private folder holding the others (readable by nobody but the host).
      workspace: Bound read-write at /workspace.
      tmp: Bound read-write at /tmp.
      outside: Bound read-write at /outside, or None when the sample has no outside world.
      uid: Host uid of the sandbox's processes (the owner of what they create).
      gid: Host gid of the sandbox's processes.
    """

    root: Path
    workspace: Path
    tmp: Path
    outside: Path | None
    uid: int
    gid: int

    @property
    def own_uid(self) -> bool:
        """Whether the sandbox has a uid of its own (riskcase runs as root)."""
        return self.uid != os.getuid()


def private_root() -> Path:
    """The folder (one per host process) that holds every sample's folders.

    The process holds a lock on its ``.owner`` file while it lives, which is how
    ``stale_private_roots`` tells the folders of dead processes from live ones.
    """
    global _private_root
    if _private_root is None or not _private_root.is_dir():
        root = Path(tempfile.mkdtemp(prefix=f"{_ROOT_PREFIX}{os.getpid()}-"))
        root.chmod(0o711)  # sandboxes may pass through, not list
        owner = os.open(root / _OWNER, os.O_CREAT | os.O_RDWR | os.O_CLOEXEC, 0o600)
        fcntl.flock(owner, fcntl.LOCK_EX)  # held (fd kept open) until this process ends
        _owner_locks.append(owner)
        atexit.register(shutil.rmtree, root, True)
        _private_root = root
    return _private_root


def create_sample_dirs(outside_world: bool) -> SampleDirs:
    """Create fresh folders for one sample, owned by the sandbox's host uid.

    Args:
      outside_world: Also create the folder mounted at /outside.
    """
    if os.geteuid() == 0:
        uid = gid = _fresh_uid()
    else:
        uid, gid = os.getuid(), os.getgid()
    root = private_root() / uuid.uuid4().hex
    root.mkdir(mode=0o711)
    made: list[Path] = []
    for name in ("workspace", "tmp", "outside") if outside_world else ("workspace", "tmp"):
        path = root / name
        path.mkdir(mode=0o700)
        os.chown(path, uid, gid)
        made.append(path)
    return SampleDirs(
        root=root,
        workspace=made[0],
        tmp=made[1],
        outside=made[2] if outside_world else None,
        uid=uid,
        gid=gid,
    )


def remove_sample_dirs(dirs: SampleDirs) -> None:
    """Delete a sample's folders and whatever its sandbox left in them."""
    remove_tree(dirs.root)


def is_sandbox_uid(uid: int) -> bool:
    """Whether ``uid`` is one that riskcase gives sandboxes (never a real account's)."""
    return _SANDBOX_UID_BASE <= uid < _SANDBOX_UID_BASE + _SANDBOX_UID_SPAN


def _fresh_uid() -> int:
    """A sandbox uid that no other sample of this process has had."""
    while True:
        uid = _SANDBOX_UID_BASE + random.SystemRandom().randrange(_SANDBOX_UID_SPAN)
        if uid not in _uids_in_use:
            _uids_in_use.add(uid)
            return uid


def remove_tree(path: Path) -> None:
    """Delete ``path`` even where a sandbox made folders unwritable; never follows links."""

    def make_writable(function: object, failed: str, exc: object) -> None:
        parent = os.path.dirname(failed)
        try:
            os.chmod(parent, stat.S_IRWXU)
            if os.path.isdir(failed) and not os.path.islink(failed):
                os.chmod(failed, stat.S_IRWXU)
                shutil.rmtree(failed, ignore_errors=True)
            else:
                os.unlink(failed)
        except OSError:
            pass

    if path.exists():
        shutil.rmtree(path, onerror=make_writable)


def stale_private_roots() -> list[Path]:
    """Private roots left behind by riskcase processes that no longer run."""
    stale: list[Path] = []
    for candidate in Path(tempfile.gettempdir()).glob(f"{_ROOT_PREFIX}*"):
        if candidate.is_dir() and not candidate.is_symlink() and not _owner_alive(candidate):
            stale.append(candidate)
    return stale


def _owner_alive(root: Path) -> bool:
    """Whether the process that made ``root`` still holds its lock."""
    if root == _private_root:
        return True
    try:
        fd = os.open(root / _OWNER, os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False  # no lock file: left by a process that died while creating it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
