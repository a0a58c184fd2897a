"""Host-side file access that never follows the sandbox's links out of its folders."""

import os
from pathlib import Path

import pytest

from riskcase.sandbox._files import host_location, read_beneath, sandbox_path, write_beneath


def test_sandbox_path_resolves_against_the_workspace() -> None:
    assert sandbox_path("a/b.txt", "/workspace") == "/workspace/a/b.txt"
    assert sandbox_path("../etc/passwd", "/workspace") == "/etc/passwd"
    assert sandbox_path("/workspace/../tmp/x", "/workspace") == "/tmp/x"


def test_host_location_only_for_own_folders(tmp_path: Path) -> None:
    mounts = {"/workspace": tmp_path}
    assert host_location("/workspace/a/b", mounts) == (tmp_path, ["a", "b"])
    assert host_location("/workspace", mounts) == (tmp_path, [])
    assert host_location("/workspaces/a", mounts) is None
    assert host_location("/etc/passwd", mounts) is None


def test_links_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "file-link").symlink_to(secret)
    (folder / "dir-link").symlink_to(tmp_path)
    assert read_beneath(folder, ["file-link"]) is None
    assert read_beneath(folder, ["dir-link", "secret.txt"]) is None
    assert write_beneath(folder, ["file-link"], b"pwned", None) is False
    assert write_beneath(folder, ["dir-link", "secret.txt"], b"pwned", None) is False
    assert secret.read_text() == "secret"


def test_hard_links_are_replaced_not_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("original")
    folder = tmp_path / "ws"
    folder.mkdir()
    os.link(outside, folder / "linked.txt")
    assert write_beneath(folder, ["linked.txt"], b"new", None)
    assert outside.read_text() == "original"
    assert (folder / "linked.txt").read_text() == "new"


def test_write_keeps_mode_and_creates_folders(tmp_path: Path) -> None:
    (tmp_path / "run.sh").write_text("old")
    (tmp_path / "run.sh").chmod(0o755)
    assert write_beneath(tmp_path, ["run.sh"], b"new", None)
    assert (tmp_path / "run.sh").stat().st_mode & 0o777 == 0o755
    assert write_beneath(tmp_path, ["a", "b", "c.txt"], b"deep", None)
    assert read_beneath(tmp_path, ["a", "b", "c.txt"]) == b"deep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "run.sh"]  # no temp files left


def test_missing_and_special_files(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_beneath(tmp_path, ["missing"])
    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(PermissionError):
        read_beneath(tmp_path, ["fifo"])
    with pytest.raises(PermissionError):
        write_beneath(tmp_path, ["fifo"], b"x", None)
