"""Host-side file access to a sandbox's folders that never leaves them.

The sandbox can plant symlinks, FIFOs and the like in its folders. Paths are therefore
walked one component at a time with O_NOFOLLOW from the folder itself. When a symlink is
met, these functions give up (return None / False) and the caller does the operation inside
the sandbox instead, where the link resolves to what the sandbox sees, not to the host's
files. FIFOs, sockets and the like are refused (PermissionError) rather than opened.
"""

import contextlib
import errno
import os
import posixpath
import stat
import uuid
from pathlib import Path

from inspect_ai.util import OutputLimitExceededError, SandboxEnvironmentLimits

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def sandbox_path(file: str, cwd: str) -> str:
    """``file`` as a normalised absolute path inside the sandbox (relative to ``cwd``)."""
    return posixpath.normpath(posixpath.join(cwd, file))


def host_location(path: str, mounts: dict[str, Path]) -> tuple[Path, list[str]] | None:
    """The host folder and path parts behind sandbox ``path``, if it lies in one of ``mounts``.

    Args:
      path: Normalised absolute sandbox path.
      mounts: Sandbox mount point -> host folder, for the sample's own folders.
    """
    for point, folder in mounts.items():
        if path == point or path.startswith(point + "/"):
            parts = [p for p in path[len(point) :].split("/") if p]
            return folder, parts
    return None


def read_beneath(folder: Path, parts: list[str]) -> bytes | None:
    """Contents of the regular file ``parts`` below ``folder``; None if not plainly reachable.

    Raises:
      FileNotFoundError, IsADirectoryError: As for an ordinary read.
      OutputLimitExceededError: The file is larger than Inspect's read limit.
    """
    if not parts:
        raise IsADirectoryError(str(folder))
    directory = _walk(folder, parts[:-1], create=None)
    if directory is None:
        return None
    try:
        try:
            fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=directory)
        except OSError as ex:
            if _is_link_error(ex):
                return None
            raise
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(posixpath.join(*parts))
            if not stat.S_ISREG(info.st_mode):
                raise PermissionError(errno.EACCES, "not a regular file", posixpath.join(*parts))
            limit = SandboxEnvironmentLimits.MAX_READ_FILE_SIZE
            with os.fdopen(fd, "rb", closefd=False) as handle:
                data = handle.read(limit + 1) if info.st_size <= limit else b""
            if info.st_size > limit or len(data) > limit:
                raise OutputLimitExceededError(
                    SandboxEnvironmentLimits.MAX_READ_FILE_SIZE_STR, None
                )
            return data
        finally:
            os.close(fd)
    finally:
        os.close(directory)


def write_beneath(
    folder: Path, parts: list[str], data: bytes, owner: tuple[int, int] | None
) -> bool:
    """Write ``data`` to ``parts`` below ``folder``, creating folders; False if not plainly reachable.

    The file is replaced (written aside, then renamed over), so a hard link planted at the
    path is never written through.

    Args:
      folder: The sample folder.
      parts: Path parts below it.
      data: New contents.
      owner: Host (uid, gid) to give created files and folders, or None to keep ours.

    Raises:
      IsADirectoryError: The path is a folder.
    """
    if not parts:
        raise IsADirectoryError(str(folder))
    directory = _walk(folder, parts[:-1], create=owner or (-1, -1))
    if directory is None:
        return False
    name, temporary = parts[-1], f".riskcase-{uuid.uuid4().hex}"
    try:
        mode = 0o644
        try:
            info = os.stat(name, dir_fd=directory, follow_symlinks=False)
        except FileNotFoundError:
            info = None
        if info is not None:
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(posixpath.join(*parts))
            if stat.S_ISLNK(info.st_mode):
                return False
            if not stat.S_ISREG(info.st_mode):
                raise PermissionError(errno.EACCES, "not a regular file", posixpath.join(*parts))
            mode = stat.S_IMODE(info.st_mode)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        fd = os.open(temporary, flags, 0o600, dir_fd=directory)
        try:
            with os.fdopen(fd, "wb", closefd=False) as handle:
                handle.write(data)
            if owner is not None:
                os.fchown(fd, *owner)
            os.fchmod(fd, mode)
        finally:
            os.close(fd)
        os.replace(temporary, name, src_dir_fd=directory, dst_dir_fd=directory)
        return True
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=directory)
        raise
    finally:
        os.close(directory)


def _walk(folder: Path, parts: list[str], create: tuple[int, int] | None) -> int | None:
    """An fd of the folder ``parts`` below ``folder``; None if a component is not a plain folder.

    Args:
      create: None to fail on missing folders (FileNotFoundError), else make them, owned by
        this (uid, gid) (-1 keeps ours).
    """
    current = os.open(folder, _DIR_FLAGS)
    try:
        for part in parts:
            try:
                following = os.open(part, _DIR_FLAGS, dir_fd=current)
            except FileNotFoundError:
                if create is None:
                    raise
                os.mkdir(part, 0o755, dir_fd=current)
                following = os.open(part, _DIR_FLAGS, dir_fd=current)
                if create != (-1, -1):
                    os.fchown(following, *create)
            except OSError as ex:
                if _is_link_error(ex):
                    os.close(current)
                    return None
                raise
            os.close(current)
            current = following
        return current
    except BaseException:
        os.close(current)
        raise


def _is_link_error(ex: OSError) -> bool:
    """Whether opening failed because of a symlink or a non-folder where a folder was wanted."""
    return ex.errno in (errno.ELOOP, errno.ENOTDIR)
