"""Privilege and kernel-interface escape attempts inside a real bwrap sandbox.

Only harmless operations are attempted (e.g. the sysrq "help" key, writing a value back
unchanged), so that even a broken sandbox could not hurt the host running the tests.
"""

import os
import socket
import subprocess
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.sandbox.conftest import Attack

ATTACKS: dict[str, Callable[..., Awaitable[None]]] = {}
PTRACE = (
    "import ctypes, sys\nlibc = ctypes.CDLL(None, use_errno=True)\n"
    "for pid in sys.argv[1:]:\n"
    "    print(pid, libc.ptrace(16, int(pid), 0, 0), ctypes.get_errno())\n"  # PTRACE_ATTACH
)


def attack(function: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    ATTACKS[function.__name__] = function
    return function


@attack
async def proc_1_root(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sh(f"ls /proc/1/root/; cat /proc/1/root{a.canary}; ls /proc/1/cwd")
    assert result.stdout == "" and "Permission denied" in result.stderr


@attack
async def host_processes_invisible(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sh("ps -eo pid=,args=; ls /proc | grep -E '^[0-9]+$'")
    pids = [int(line.split()[0]) for line in result.stdout.splitlines() if line.strip()]
    assert max(pids) < 100 and "sleep 300" not in result.stdout


@attack
async def kill_host_process(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sh(f"kill -9 {sleeper.pid}")
    assert not result.success and "No such process" in result.stderr
    assert sleeper.poll() is None


@attack
async def kill_everything(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    await a.sh("kill -9 -1; kill -9 1; sleep 1")
    assert sleeper.poll() is None
    result = await a.sandbox.exec(["echo", "still here"])
    assert result.stdout == "still here\n"


@attack
async def sysrq_trigger(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sh("echo h > /proc/sysrq-trigger")  # h: help, harmless even if it worked
    exists = Path("/proc/sysrq-trigger").exists()
    assert not result.success
    assert ("Permission denied" if exists else "No such file") in result.stderr


@attack
async def proc_sys_write(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    setting = "/proc/sys/kernel/randomize_va_space"
    result = await a.sh(f"cat {setting} > /workspace/v && cat /workspace/v > {setting}")
    assert not result.success and "Permission denied" in result.stderr


@attack
async def sys_write(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    knob = "/sys/kernel/mm/transparent_hugepage/enabled"
    result = await a.sh(f"touch /sys/riskcase; cat {knob} > /dev/null && echo never > {knob}")
    assert result.stderr.count("Read-only file system") == 2 or "No such file" in result.stderr
    assert not Path("/sys/riskcase").exists()


@attack
async def cgroup_escape(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sh("for f in /sys/fs/cgroup/*/cgroup.procs; do echo $$ > $f; done")
    assert not result.success and "Read-only file system" in result.stderr


@attack
async def block_and_memory_devices(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sh(
        "ls /dev; for d in sda vda nvme0n1 mem kmem port; do test -e /dev/$d && echo FOUND $d; done"
    )
    assert "FOUND" not in result.stdout
    assert set(result.stdout.split()) <= {
        "core", "fd", "full", "null", "ptmx", "pts", "random", "shm",
        "stderr", "stdin", "stdout", "tty", "urandom", "zero",
    }  # fmt: skip


@attack
async def mknod_device(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sh("mknod disk b 8 0; mknod mem c 1 1")
    assert result.stderr.count("Operation not permitted") == 2


@attack
async def setuid_binaries(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sh(
        "su -c 'id -u' root < /dev/null; sudo -n id -u; newgrp root < /dev/null; id -u"
    )
    assert result.stdout.split() == ["65534"]


@attack
async def no_privileges(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sh("grep -E '^(CapEff|CapPrm|CapBnd|CapAmb|NoNewPrivs):' /proc/self/status")
    values = dict(line.split(":") for line in result.stdout.splitlines())
    assert {k: v.strip() for k, v in values.items()} == {
        "CapPrm": "0000000000000000",
        "CapEff": "0000000000000000",
        "CapBnd": "0000000000000000",
        "CapAmb": "0000000000000000",
        "NoNewPrivs": "1",
    }


@attack
async def mount_filesystems(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sh("mkdir m; mount -t tmpfs none m; mount --bind / m; mount -o remount,rw /")
    assert result.stderr.count("must be superuser") + result.stderr.count("denied") >= 3
    assert not Path("/m").exists()


@attack
async def new_namespaces(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sh(
        "unshare -Ur id; unshare -n true; unshare -m true; bwrap --ro-bind / / true"
    )
    assert not result.success and result.stderr.count("unshare failed") == 3
    assert "uid=0" not in result.stdout


@attack
async def chroot_escape(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sh("mkdir -p jail && chroot jail /bin/true; chroot / /bin/true")
    assert result.stderr.count("Operation not permitted") == 2


@attack
async def ptrace_agent(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sandbox.exec(["python3", "-c", PTRACE, "1", "2"])
    assert result.stdout.split() == ["1", "-1", "1", "2", "-1", "1"]  # EPERM for both


@attack
async def ptrace_host_process(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    result = await a.sandbox.exec(["python3", "-c", PTRACE, str(sleeper.pid)])
    assert result.stdout.split() == [str(sleeper.pid), "-1", "3"]  # ESRCH: not even visible


@attack
async def change_hostname(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    before = socket.gethostname()
    result = await a.sh("hostname riskcase-evil; cat /proc/sys/kernel/hostname")
    assert "must be root" in result.stderr and result.stdout == "sandbox\n"
    assert socket.gethostname() == before


@attack
async def setuid_copy(a: "Attack", sleeper: subprocess.Popen[bytes]) -> None:
    script = (
        "cp /usr/bin/python3 ./py && chmod 4755 ./py && ./py -c 'import os; print(os.geteuid())'"
    )
    result = await a.sh(script)
    assert result.stdout.split() == ["65534"]
    owner = os.stat(a.sandbox.workspace_dir / "py").st_uid
    assert owner != 0  # the copy belongs to the sandbox's own (unprivileged) host uid


@pytest.mark.parametrize("name", list(ATTACKS))
async def test_attack_is_contained(
    name: str, attack: "Attack", host_sleeper: subprocess.Popen[bytes]
) -> None:
    await ATTACKS[name](attack, host_sleeper)
