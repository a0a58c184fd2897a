"""Escape attempts on the host's files and secrets, run inside a real bwrap sandbox."""

import os
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import riskcase
from riskcase.sandbox import BwrapConfig

if TYPE_CHECKING:
    from tests.sandbox.conftest import Attack

ATTACKS: dict[str, Callable[..., Awaitable[None]]] = {}
PROJECT_DIR = Path(riskcase.__file__).resolve().parents[2]


def attack(function: Callable[..., Awaitable[None]]) -> Callable[..., Awaitable[None]]:
    ATTACKS[function.__name__] = function
    return function


@attack
async def write_etc(a: "Attack") -> None:
    result = await a.sh("echo pwned > /etc/riskcase-escape")
    assert not result.success and "Read-only file system" in result.stderr
    assert not Path("/etc/riskcase-escape").exists()


@attack
async def write_usr_bin(a: "Attack") -> None:
    result = await a.sh("cp /bin/true /usr/bin/riskcase-escape")
    assert not result.success
    assert not Path("/usr/bin/riskcase-escape").exists()


@attack
async def write_project_dir(a: "Attack") -> None:
    target = PROJECT_DIR / f"riskcase-escape-{secrets.token_hex(4)}"
    result = await a.sh(f"echo pwned > {target}")
    # read-only where the project is visible; absent where it lives under a hidden folder
    # (a clone under /tmp, as CI may use)
    assert not result.success
    assert "Read-only file system" in result.stderr or "No such file" in result.stderr
    assert not target.exists()


@attack
async def overwrite_host_canary(a: "Attack") -> None:
    result = await a.sh(f"echo pwned > {a.canary}; echo pwned >> {a.canary}; rm -f {a.canary}")
    assert "No such file or directory" in result.stderr
    assert a.canary_intact()


@attack
async def read_host_canary(a: "Attack") -> None:
    result = await a.sh(f"cat {a.canary}; grep -rs {a.canary_text} /tmp /var/tmp /run")
    assert a.canary_text not in result.stdout


@attack
async def delete_system_file(a: "Attack") -> None:
    result = await a.sh("rm -f /etc/hostname")
    assert not result.success
    assert Path("/etc/hostname").exists()


@attack
async def chmod_system_file(a: "Attack") -> None:
    before = os.stat("/usr/bin/env").st_mode
    result = await a.sh("chmod 4777 /usr/bin/env")
    assert not result.success
    assert os.stat("/usr/bin/env").st_mode == before


@attack
async def write_workspace_parent(a: "Attack") -> None:
    result = await a.sh("echo pwned > /workspace/../escape; ls -a /workspace/..")
    assert "Read-only file system" in result.stderr
    assert not (a.sandbox.workspace_dir.parent / "escape").exists()
    assert not Path("/escape").exists()


@attack
async def read_home_canary(a: "Attack") -> None:
    canary = Path.home() / f"riskcase-canary-{secrets.token_hex(4)}"
    canary.write_text(a.canary_text)
    try:
        result = await a.sh(
            f"cat {canary}; ls -a /root /home; grep -rs {a.canary_text} /root /home"
        )
        assert a.canary_text not in result.stdout
        assert canary.name not in result.stdout
    finally:
        canary.unlink()


@attack
async def read_other_sample_workspace(a: "Attack") -> None:
    other = await a.new_sandbox()
    name = f"other-{secrets.token_hex(4)}"
    await other.write_file(name, a.canary_text)
    script = (
        f"cat {other.workspace_dir}/{name}; cat /workspace/../*/workspace/{name};"
        f"find /tmp /var/tmp /run /workspace /root /home -name {name} 2>/dev/null"
    )
    result = await a.sh(script)
    assert a.canary_text not in result.stdout and name not in result.stdout
    assert (other.workspace_dir / name).read_text() == a.canary_text


@attack
async def read_shadow(a: "Attack") -> None:
    result = await a.sh("cat /etc/shadow")
    assert not result.success and "Permission denied" in result.stderr
    assert "root:" not in result.stdout


@attack
async def symlink_read_shadow(a: "Attack") -> None:
    await a.sh("ln -s /etc/shadow leak")
    with pytest.raises(PermissionError):
        await a.sandbox.read_file("leak")


@attack
async def symlink_read_host_canary(a: "Attack") -> None:
    await a.sh(f"ln -s {a.canary} leak")
    with pytest.raises(FileNotFoundError):
        await a.sandbox.read_file("leak")


@attack
async def symlink_write_host_canary(a: "Attack") -> None:
    await a.sh(f"ln -s {a.canary} out")
    with pytest.raises(FileNotFoundError):  # the link's target folder exists only on the host
        await a.sandbox.write_file("out", "pwned")
    assert a.canary_intact()


@attack
async def symlinked_dir_write(a: "Attack") -> None:
    await a.sh("ln -s /etc etc-link")
    with pytest.raises(PermissionError):
        await a.sandbox.write_file("etc-link/riskcase-escape", "pwned")
    assert not Path("/etc/riskcase-escape").exists()


@attack
async def symlinked_dir_read(a: "Attack") -> None:
    await a.sh(f"ln -s {a.canary.parent} host-dir")
    with pytest.raises(FileNotFoundError):
        await a.sandbox.read_file(f"host-dir/{a.canary.name}")


@attack
async def hard_link_out(a: "Attack") -> None:
    result = await a.sh(f"ln /etc/passwd hl1; ln {a.canary} hl2; ln /usr/bin/su hl3")
    assert result.stderr.count("ln: failed") == 3
    assert not (a.sandbox.workspace_dir / "hl1").exists()


@attack
async def write_file_parent_path(a: "Attack") -> None:
    with pytest.raises(PermissionError):
        await a.sandbox.write_file("../escape.txt", "pwned")
    assert not (a.sandbox.workspace_dir.parent / "escape.txt").exists()
    assert not Path("/escape.txt").exists()


@attack
async def fifo_read_file(a: "Attack") -> None:
    await a.sh("mkfifo pipe")
    with pytest.raises(PermissionError):  # refused at once: the host must not block on it
        await a.sandbox.read_file("pipe")


@attack
async def outside_world_symlink(a: "Attack") -> None:
    sandbox = await a.new_sandbox(BwrapConfig(outside_world=True))
    script = f"ln -s /etc/shadow /outside/weights.bin; ln -s {a.canary} /outside/notes.txt"
    await sandbox.exec(["bash", "-c", script + "; echo real > /outside/real.txt"])
    assert sandbox.outside_files() == ["real.txt"]  # what a checker should look at
    with pytest.raises(PermissionError):
        await sandbox.read_file("/outside/weights.bin")
    with pytest.raises(FileNotFoundError):
        await sandbox.read_file("/outside/notes.txt")


@attack
async def env_secret(a: "Attack") -> None:
    assert os.environ["RISKCASE_TEST_API_KEY"] == a.secret
    other = await a.new_sandbox()  # started after the key was set on the host
    result = await other.exec(["env"])
    assert a.secret not in result.stdout and "RISKCASE_TEST_API_KEY" not in result.stdout
    assert "OPENAI" not in result.stdout and "ANTHROPIC" not in result.stdout


@attack
async def proc_environ_secret(a: "Attack") -> None:
    other = await a.new_sandbox()
    script = (
        "cat /proc/1/environ /proc/self/environ; for p in /proc/[0-9]*; do cat $p/environ; done"
    )
    result = await other.exec(["bash", "-c", script])
    assert "PATH=" in result.stdout  # /proc/self/environ was readable
    assert a.secret not in result.stdout + result.stderr


@attack
async def ps_environ_secret(a: "Attack") -> None:
    other = await a.new_sandbox()
    result = await other.exec(["bash", "-c", "ps auxeww"])
    assert a.secret not in result.stdout


@pytest.mark.parametrize("name", list(ATTACKS))
async def test_attack_is_contained(name: str, attack: "Attack") -> None:
    await ATTACKS[name](attack)
