"""The SandboxEnvironment contract as the bwrap sandbox fulfils it."""

import os
import signal
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
import pytest
from inspect_ai.util import SandboxUserUnsupportedError

from riskcase.sandbox import BwrapConfig, BwrapSandboxEnvironment

if TYPE_CHECKING:
    from tests.sandbox.conftest import SandboxFactory


async def test_exec_runs_in_workspace_with_minimal_env(sandbox: BwrapSandboxEnvironment) -> None:
    result = await sandbox.exec(["bash", "-c", "pwd; echo $HOME; id -u; env | sort"])
    lines = result.stdout.splitlines()
    assert result.success and lines[:3] == ["/workspace", "/workspace", "65534"]
    names = {line.split("=", 1)[0] for line in lines[3:]}
    assert names <= {
        "PATH",
        "HOME",
        "LANG",
        "TMPDIR",
        "PWD",
        "SHLVL",
        "_",
        "PYTHONDONTWRITEBYTECODE",
    }


async def test_python_writes_no_stale_bytecode(sandbox: BwrapSandboxEnvironment) -> None:
    # a same-size rewrite within the same second must not import the old build
    script = (
        "printf 'X = 1\\n' > m.py && python3 -c 'import m; print(m.X)' && "
        "printf 'X = 2\\n' > m.py && python3 -c 'import m; print(m.X)'; ls -a"
    )
    result = await sandbox.exec(["bash", "-c", script])
    assert result.stdout.splitlines()[:2] == ["1", "2"]
    assert "__pycache__" not in result.stdout


async def test_exec_input_text_and_bytes(sandbox: BwrapSandboxEnvironment) -> None:
    assert (await sandbox.exec(["cat"], input="héllo\n")).stdout == "héllo\n"
    result = await sandbox.exec(
        ["python3", "-c", "import sys; print(sys.stdin.buffer.read().hex())"], input=b"\x00\xff"
    )
    assert result.stdout == "00ff\n"


async def test_exec_cwd_and_env(sandbox: BwrapSandboxEnvironment) -> None:
    await sandbox.exec(["mkdir", "-p", "sub/dir"])
    assert (await sandbox.exec(["pwd"], cwd="sub/dir")).stdout == "/workspace/sub/dir\n"
    assert (await sandbox.exec(["pwd"], cwd="/tmp")).stdout == "/tmp\n"
    result = await sandbox.exec(["bash", "-c", "echo $GREETING"], env={"GREETING": "hi"})
    assert result.stdout == "hi\n"


async def test_exec_failures(sandbox: BwrapSandboxEnvironment) -> None:
    result = await sandbox.exec(["bash", "-c", "echo out; echo err >&2; exit 3"])
    assert (result.success, result.returncode, result.stdout, result.stderr) == (
        False,
        3,
        "out\n",
        "err\n",
    )
    missing = await sandbox.exec(["no-such-command"])
    assert missing.returncode == 127 and "command not found" in missing.stderr
    bad_cwd = await sandbox.exec(["pwd"], cwd="nowhere")
    assert not bad_cwd.success and "nowhere" in bad_cwd.stderr


async def test_exec_timeout_raises(sandbox: BwrapSandboxEnvironment) -> None:
    with pytest.raises(TimeoutError):
        await sandbox.exec(["sleep", "30"], timeout=1)
    assert (await sandbox.exec(["echo", "ok"])).stdout == "ok\n"


async def test_exec_default_timeout_from_config(new_sandbox: "SandboxFactory") -> None:
    sandbox = await new_sandbox(BwrapConfig(command_timeout=1))
    with pytest.raises(TimeoutError):
        await sandbox.exec(["sleep", "30"])


async def test_exec_rejects_other_users(sandbox: BwrapSandboxEnvironment) -> None:
    with pytest.raises(SandboxUserUnsupportedError):
        await sandbox.exec(["id"], user="root")
    assert (await sandbox.exec(["id", "-un"], user="nobody")).stdout == "nobody\n"


async def test_exec_large_command(sandbox: BwrapSandboxEnvironment) -> None:
    text = "x" * 100_000  # larger than one control message
    result = await sandbox.exec(["bash", "-c", f"echo {text} | wc -c"])
    assert result.stdout.strip() == str(len(text) + 1)


async def test_exec_output_truncated_with_note(new_sandbox: "SandboxFactory") -> None:
    sandbox = await new_sandbox(BwrapConfig(max_output_bytes=1000))
    result = await sandbox.exec(["bash", "-c", "seq 1 100000"])
    assert result.success and result.stdout.startswith("1\n2\n3\n")
    assert result.stdout.endswith("\n[riskcase: output truncated at 1000 bytes]\n")


async def test_background_process_lives_until_sample_ends(sandbox: BwrapSandboxEnvironment) -> None:
    await sandbox.exec(["bash", "-c", "sleep 30 & echo started"])  # returns despite the holder
    result = await sandbox.exec(["bash", "-c", "pgrep -x sleep"])
    assert result.success


async def test_python_tool_style_exec(sandbox: BwrapSandboxEnvironment) -> None:
    result = await sandbox.exec(["bash", "--login", "-c", "python3 -"], input="print(6 * 7)")
    assert result.stdout == "42\n"


async def test_write_and_read_text_and_binary(sandbox: BwrapSandboxEnvironment) -> None:
    await sandbox.write_file("deep/dir/note.txt", "line 1\r\nline 2\n")
    assert await sandbox.read_file("deep/dir/note.txt") == "line 1\r\nline 2\n"
    assert await sandbox.read_file("/workspace/deep/dir/note.txt") == "line 1\r\nline 2\n"
    await sandbox.write_file("/workspace/blob.bin", bytes(range(256)))
    assert await sandbox.read_file("blob.bin", text=False) == bytes(range(256))
    result = await sandbox.exec(
        ["bash", "-c", "echo more >> deep/dir/note.txt && wc -l < deep/dir/note.txt"]
    )
    assert result.stdout == "3\n"  # files written by the host stay writable inside
    assert (sandbox.workspace_dir / "deep/dir/note.txt").is_file()


async def test_read_what_commands_wrote(sandbox: BwrapSandboxEnvironment) -> None:
    await sandbox.exec(["bash", "-c", "echo made > made.txt; echo scratch > /tmp/s.txt"])
    assert await sandbox.read_file("made.txt") == "made\n"
    assert await sandbox.read_file("/tmp/s.txt") == "scratch\n"
    await sandbox.write_file("/tmp/from-host.txt", "hi")
    assert (await sandbox.exec(["cat", "/tmp/from-host.txt"])).stdout == "hi"


async def test_read_file_errors(sandbox: BwrapSandboxEnvironment) -> None:
    with pytest.raises(FileNotFoundError):
        await sandbox.read_file("missing.txt")
    with pytest.raises(FileNotFoundError):
        await sandbox.read_file("/etc/riskcase-missing")
    await sandbox.exec(["mkdir", "folder"])
    with pytest.raises(IsADirectoryError):
        await sandbox.read_file("folder")
    with pytest.raises(IsADirectoryError):
        await sandbox.write_file("folder", "x")


async def test_read_and_write_outside_own_folders(sandbox: BwrapSandboxEnvironment) -> None:
    assert "ID=" in await sandbox.read_file("/etc/os-release")
    with pytest.raises(PermissionError):
        await sandbox.write_file("/etc/riskcase-test", "x")


async def test_symlink_inside_workspace_is_followed(sandbox: BwrapSandboxEnvironment) -> None:
    await sandbox.write_file("real.txt", "real")
    await sandbox.exec(["ln", "-s", "real.txt", "alias.txt"])
    assert await sandbox.read_file("alias.txt") == "real"
    await sandbox.write_file("alias.txt", "changed")
    assert await sandbox.read_file("real.txt") == "changed"


async def test_outside_world_folder_is_visible_to_host(new_sandbox: "SandboxFactory") -> None:
    sandbox = await new_sandbox(BwrapConfig(outside_world=True))
    assert sandbox.outside_dir is not None and sandbox.outside_dir.is_dir()
    await sandbox.exec(["bash", "-c", "echo exfiltrated > /outside/weights.bin"])
    assert (sandbox.outside_dir / "weights.bin").read_text() == "exfiltrated\n"
    assert sandbox.outside_files() == ["weights.bin"]
    assert await sandbox.read_file("/outside/weights.bin") == "exfiltrated\n"


async def test_no_outside_world_by_default(sandbox: BwrapSandboxEnvironment) -> None:
    assert sandbox.outside_dir is None
    result = await sandbox.exec(["bash", "-c", "echo x > /outside/y"])
    assert not result.success


async def test_extra_ro_mounts_and_hidden_paths(
    new_sandbox: "SandboxFactory", host_dir: Path
) -> None:
    (host_dir / "data").mkdir()
    (host_dir / "data" / "fact.txt").write_text("shared")
    (host_dir / "data").chmod(0o755)
    host_dir.chmod(0o755)
    config = BwrapConfig(extra_ro_mounts=[(str(host_dir / "data"), "/data")], hidden_paths=["/opt"])
    sandbox = await new_sandbox(config)
    result = await sandbox.exec(["bash", "-c", "cat /data/fact.txt; touch /data/x; ls -A /opt"])
    assert result.stdout == "shared" and "Read-only file system" in result.stderr


async def test_sandbox_restarts_if_its_process_dies(sandbox: BwrapSandboxEnvironment) -> None:
    await sandbox.write_file("keep.txt", "kept")
    pid = sandbox.host_pid
    os.kill(pid, signal.SIGKILL)
    with anyio.fail_after(10):
        while b") Z " not in Path(f"/proc/{pid}/stat").read_bytes():  # until it has died
            await anyio.sleep(0.05)
    result = await sandbox.exec(["cat", "keep.txt"])
    assert result.stdout == "kept"
