"""Resource abuse inside a real bwrap sandbox: bombs, spins, floods and lingering processes."""

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
import pytest

from riskcase.sandbox import BwrapConfig, BwrapSandboxEnvironment

if TYPE_CHECKING:
    from tests.sandbox.conftest import Attack

ATTACKS: dict[str, Callable[..., Awaitable[None]]] = {}


def attack(function: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    ATTACKS[function.__name__] = function
    return function


@dataclass
class HostProbe:
    """Finds host processes by a marker word that a test puts in their command line."""

    marker: str
    processes_with: Callable[[str], list[int]]

    def marked(self) -> list[int]:
        return self.processes_with(self.marker)


def host_rss_kib() -> int:
    """Resident memory of this (host) process."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


async def still_works(sandbox: BwrapSandboxEnvironment) -> None:
    """The sandbox answers a command again (within a few seconds)."""
    with anyio.fail_after(15):
        while True:
            result = await sandbox.exec(["echo", "ok"], timeout=10)
            if result.stdout == "ok\n":
                return
            await anyio.sleep(0.2)


@attack
async def fork_bomb_python(a: "Attack", host: "HostProbe") -> None:
    script = (
        "import os, time\nn = 0\n"
        "try:\n    while True:\n        if os.fork() == 0:\n            time.sleep(30); os._exit(0)\n"
        "        n += 1\nexcept OSError as ex:\n    print('forked', n, ex.errno)\n"
    )
    result = await a.sandbox.exec(["python3", "-"], input=script, timeout=20)
    forked = int(result.stdout.split()[1])
    assert forked < a.sandbox.config.max_processes and result.stdout.split()[2] == "11"
    await still_works(a.sandbox)


@attack
async def fork_bomb_bash(a: "Attack", host: "HostProbe") -> None:
    with pytest.raises(TimeoutError):
        await a.sh(":(){ :|:& };:; sleep 60", timeout=3)
    await still_works(a.sandbox)  # the bomb's process group was killed


@attack
async def memory_bomb(a: "Attack", host: "HostProbe") -> None:
    script = "x = bytearray(8 * 1024**3)\nprint('allocated', len(x))"
    before = host_rss_kib()
    result = await a.sandbox.exec(["python3", "-"], input=script, timeout=20)
    assert not result.success and "MemoryError" in result.stderr
    assert host_rss_kib() - before < 100 * 1024


@attack
async def cpu_spin(a: "Attack", host: "HostProbe") -> None:
    spinner = await a.new_sandbox(BwrapConfig(cpu_seconds=1, command_timeout=30))
    started = time.monotonic()
    result = await spinner.exec(["python3", "-c", "while True: pass"])
    assert result.returncode in (128 + 9, 128 + 24)  # SIGKILL or SIGXCPU, not the wall timeout
    assert time.monotonic() - started < 10


@attack
async def unbounded_output(a: "Attack", host: "HostProbe") -> None:
    cap = a.sandbox.config.max_output_bytes
    before = host_rss_kib()
    result = await a.sh("head -c 200000000 /dev/zero | tr '\\0' x; head -c 200000000 /dev/zero >&2")
    assert result.stdout.endswith(f"[riskcase: output truncated at {cap} bytes]\n")
    assert len(result.stdout) < cap + 100 and len(result.stderr) < cap + 100
    assert host_rss_kib() - before < 50 * 1024


@attack
async def huge_file(a: "Attack", host: "HostProbe") -> None:
    result = await a.sh("head -c 64000000 /dev/zero > big; ls -l big")
    assert not result.success or "File size limit" in result.stderr
    limit = a.sandbox.config.max_file_mb * 1024**2
    assert (a.sandbox.workspace_dir / "big").stat().st_size <= limit


@attack
async def shared_memory_fill(a: "Attack", host: "HostProbe") -> None:
    fill = "for i in $(seq 64); do head -c 4000000 /dev/zero > /dev/shm/fill$i || break; done"
    result = await a.sh(f"{fill}; df -k /dev/shm | tail -1")
    assert "No space left on device" in result.stderr
    assert int(result.stdout.split()[1]) <= 16 * 1024


@attack
async def open_files_flood(a: "Attack", host: "HostProbe") -> None:
    script = "fs = []\ntry:\n    while True: fs.append(open('/dev/null'))\nexcept OSError as ex:\n    print(len(fs), ex.errno)"
    result = await a.sandbox.exec(["python3", "-"], input=script)
    opened, errno = result.stdout.split()
    assert int(opened) < 4096 and errno == "24"


@attack
async def outlive_sample(a: "Attack", host: "HostProbe") -> None:
    script = f"setsid nohup bash -c 'exec -a {host.marker} sleep 1000' >/dev/null 2>&1 &"
    await a.sh(script)
    await anyio.sleep(0.3)
    assert host.marked(), "the background process should run meanwhile"
    await BwrapSandboxEnvironment.sample_cleanup("test", None, {"default": a.sandbox}, False)
    assert host.marked() == []
    assert not a.sandbox.workspace_dir.exists()


@attack
async def outlive_timed_out_command(a: "Attack", host: "HostProbe") -> None:
    with pytest.raises(TimeoutError):
        await a.sh(f"bash -c 'exec -a {host.marker} sleep 1000' & wait", timeout=1)
    with anyio.fail_after(5):
        while host.marked():
            await anyio.sleep(0.05)


@pytest.mark.parametrize("name", list(ATTACKS))
async def test_attack_is_contained(
    name: str, attack: "Attack", marker: str, host_processes_with: Callable[[str], list[int]]
) -> None:
    await ATTACKS[name](attack, HostProbe(marker, host_processes_with))
