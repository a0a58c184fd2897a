"""Task and sample lifecycle: start-up checks, clean-up, and never running unsandboxed."""

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from inspect_ai.util._sandbox.registry import registry_find_sandboxenv

from riskcase.sandbox import (
    BwrapConfig,
    BwrapSandboxEnvironment,
    BwrapUnavailableError,
    _launch,
    _workspace,
)


@pytest.fixture
def fake_bwrap() -> Iterator[Path]:
    """A stand-in bwrap that fails like bwrap does where namespaces are not allowed."""
    folder = Path(tempfile.mkdtemp(prefix="riskcase-fake-bwrap-"))
    folder.chmod(0o755)
    script = folder / "bwrap"
    script.write_text(
        "#!/bin/sh\necho 'bwrap: setting up uid map: Permission denied' >&2\nexit 1\n"
    )
    script.chmod(0o755)
    yield script
    shutil.rmtree(folder)


def test_registered_with_inspect() -> None:
    import riskcase._registry  # noqa: F401  (the entry point module)

    assert registry_find_sandboxenv("bwrap") is BwrapSandboxEnvironment


async def test_task_init_passes_where_bwrap_works() -> None:
    await BwrapSandboxEnvironment.task_init("test", None)
    await BwrapSandboxEnvironment.task_init("test", BwrapConfig(outside_world=True))


async def test_missing_bwrap_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_launch, "find_bwrap", lambda: None)
    monkeypatch.setattr(_launch, "_verified", set())
    with pytest.raises(BwrapUnavailableError, match="apt-get install bubblewrap") as raised:
        await BwrapSandboxEnvironment.task_init("test", None)
    assert "make" in str(raised.value)
    with pytest.raises(BwrapUnavailableError, match="not found"):
        await BwrapSandboxEnvironment.sample_init("test", None, {})


async def test_broken_namespaces_are_explained_and_nothing_runs(
    monkeypatch: pytest.MonkeyPatch, fake_bwrap: Path
) -> None:
    monkeypatch.setattr(_launch, "find_bwrap", lambda: str(fake_bwrap))
    monkeypatch.setattr(_launch, "_verified", set())
    with pytest.raises(BwrapUnavailableError, match="cannot create namespaces here") as raised:
        await BwrapSandboxEnvironment.task_init("test", None)
    assert "uid map: Permission denied" in str(raised.value)
    before = set(_workspace.private_root().iterdir())
    with pytest.raises(BwrapUnavailableError):
        await BwrapSandboxEnvironment.sample_init("test", None, {})
    assert set(_workspace.private_root().iterdir()) == before  # its folders were removed


async def test_missing_extra_mount_is_explained() -> None:
    config = BwrapConfig(extra_ro_mounts=["/riskcase-no-such-path"])
    with pytest.raises(BwrapUnavailableError, match="does not exist"):
        await BwrapSandboxEnvironment.task_init("test", config)


async def test_task_cleanup_ends_leftover_sandboxes(
    host_processes_with: Callable[[str], list[int]], marker: str
) -> None:
    environments = await BwrapSandboxEnvironment.sample_init("leftover-task", BwrapConfig(), {})
    sandbox = environments["default"].as_type(BwrapSandboxEnvironment)
    await sandbox.exec(["bash", "-c", f"(exec -a {marker} sleep 300) > /dev/null 2>&1 &"])
    assert host_processes_with(marker)
    await BwrapSandboxEnvironment.task_cleanup("leftover-task", None, cleanup=False)
    assert host_processes_with(marker) == []  # processes never outlive the task
    assert sandbox.workspace_dir.is_dir()  # but --no-sandbox-cleanup keeps the files
    shutil.rmtree(sandbox.workspace_dir.parent)


async def test_cli_cleanup_removes_stale_folders(tmp_path: Path) -> None:
    stale = Path(tempfile.gettempdir()) / f"riskcase-bwrap-{os.getpid()}-stale-test"
    (stale / "sample" / "workspace").mkdir(parents=True)
    (stale / ".owner").touch()  # its owner died: nobody holds the lock
    live = _workspace.private_root()
    await BwrapSandboxEnvironment.cli_cleanup(None)
    assert not stale.exists()
    assert live.is_dir()  # the running process's own folders are left alone
