"""Fixtures for the bwrap sandbox tests: sandboxes, host canaries and host-side probes."""

import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from inspect_ai.util import ExecResult, SandboxEnvironment

from riskcase.sandbox import BwrapConfig, BwrapSandboxEnvironment
from riskcase.sandbox._bwrap import find_bwrap


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip this folder's tests where bubblewrap is not installed (``make`` installs it)."""
    if find_bwrap() is not None:
        return
    skip = pytest.mark.skip(reason="bubblewrap is not installed (run `make`)")
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(skip)


# Small limits so that abuse tests finish quickly.
TEST_CONFIG = BwrapConfig(
    max_processes=64,
    memory_mb=512,
    cpu_seconds=5,
    max_file_mb=8,
    max_output_bytes=64 * 1024,
    command_timeout=30,
)

SandboxFactory = Callable[..., Awaitable[BwrapSandboxEnvironment]]


@pytest.fixture
async def new_sandbox() -> AsyncIterator[SandboxFactory]:
    """Makes sandboxes (``await new_sandbox(config)``); all are cleaned up after the test."""
    made: list[dict[str, SandboxEnvironment]] = []

    async def make(config: BwrapConfig | None = None) -> BwrapSandboxEnvironment:
        environments = await BwrapSandboxEnvironment.sample_init("test", config or TEST_CONFIG, {})
        made.append(environments)
        return environments["default"].as_type(BwrapSandboxEnvironment)

    yield make
    for environments in made:
        await BwrapSandboxEnvironment.sample_cleanup("test", None, environments, False)


@pytest.fixture
async def sandbox(new_sandbox: SandboxFactory) -> BwrapSandboxEnvironment:
    """A fresh sandbox with the small test limits."""
    return await new_sandbox()


@pytest.fixture
def host_dir() -> Iterator[Path]:
    """A fresh folder on the host (outside any sandbox), removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="riskcase-test-host-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@dataclass
class Attack:
    """What an escape attempt works with, and the host state it must not reach."""

    sandbox: BwrapSandboxEnvironment
    new_sandbox: SandboxFactory
    canary: Path
    """A host file (in a host temp folder) that the sandbox must neither read nor change."""
    canary_text: str
    secret: str
    """Value of RISKCASE_TEST_API_KEY in the host process's environment."""

    async def sh(self, script: str, timeout: int = 30) -> ExecResult[str]:
        """Run a bash script in the sandbox."""
        return await self.sandbox.exec(["bash", "-c", script], timeout=timeout)

    def canary_intact(self) -> bool:
        """Whether the host canary still holds exactly its text."""
        return self.canary.read_text() == self.canary_text


@pytest.fixture
async def attack(
    sandbox: BwrapSandboxEnvironment,
    new_sandbox: SandboxFactory,
    host_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Attack:
    """A sandbox plus host canaries: a canary file and a fake API key in the host env."""
    secret = f"sk-canary-{secrets.token_hex(8)}"
    monkeypatch.setenv("RISKCASE_TEST_API_KEY", secret)
    canary = host_dir / "canary.txt"
    text = f"canary-{secrets.token_hex(8)}"
    canary.write_text(text)
    return Attack(sandbox, new_sandbox, canary, text, secret)


def _host_processes_with(marker: str) -> list[int]:
    found: list[int] = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and entry.name != str(os.getpid()):
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.fixture
def host_processes_with() -> Callable[[str], list[int]]:
    """Gives the host pids whose command line contains a marker."""
    return _host_processes_with


@pytest.fixture
def host_sleeper() -> Iterator[subprocess.Popen[bytes]]:
    """A host process (sleep) that the sandbox must not be able to signal."""
    process = subprocess.Popen(["sleep", "300"])
    yield process
    process.kill()
    process.wait()


@pytest.fixture
def marker() -> str:
    """A unique word to find processes by."""
    return f"riskcase-marker-{secrets.token_hex(6)}"
