"""The ``bwrap`` Inspect sandbox: one bubblewrap sandbox per sample, no daemon."""

import logging
import os
from pathlib import Path
from typing import Any, ClassVar, Literal, overload

import anyio
from inspect_ai.util import (
    ExecResult,
    SandboxEnvironment,
    SandboxEnvironmentConfigType,
    SandboxEnvironmentLimits,
    SandboxUnavailableError,
    SandboxUserUnsupportedError,
    sandboxenv,
)
from pydantic import BaseModel
from typing_extensions import override

from ._agent import SandboxAgent
from ._bwrap import OUTSIDE, SANDBOX_UID, WORKSPACE, sandbox_env
from ._command import run_command
from ._config import BwrapConfig, resolve_config
from ._files import host_location, read_beneath, sandbox_path, write_beneath
from ._inside import read_inside, write_inside
from ._launch import start_sandbox, verify_bwrap
from ._processes import kill_processes_of_uid
from ._workspace import (
    SampleDirs,
    create_sample_dirs,
    is_sandbox_uid,
    remove_sample_dirs,
    remove_tree,
    stale_private_roots,
)

logger = logging.getLogger(__name__)

_OWN_USERS = (None, "nobody", str(SANDBOX_UID))


@sandboxenv(name="bwrap")
class BwrapSandboxEnvironment(SandboxEnvironment):
    """A sample's bubblewrap sandbox (see the package docstring for what it isolates).

    Commands run as an unprivileged user with /workspace (the sample's own host folder) as
    working directory, the host's root read-only with homes, /tmp, /run and other samples
    hidden, no network, and per-process limits from ``BwrapConfig``.
    """

    _live: ClassVar[set["BwrapSandboxEnvironment"]] = set()
    _ended_uids: ClassVar[set[int]] = set()  # swept for stray processes at task cleanup

    def __init__(
        self, task_name: str, config: BwrapConfig, dirs: SampleDirs, agent: SandboxAgent
    ) -> None:
        super().__init__()
        self._task_name = task_name
        self._config = config
        self._dirs = dirs
        self._agent = agent
        self._restart_lock = anyio.Lock()
        self._ended = False
        self._mounts = {WORKSPACE: dirs.workspace, "/tmp": dirs.tmp}
        if dirs.outside is not None:
            self._mounts[OUTSIDE] = dirs.outside

    @property
    def config(self) -> BwrapConfig:
        """The options this sandbox runs with."""
        return self._config

    @property
    def workspace_dir(self) -> Path:
        """Host folder mounted at /workspace."""
        return self._dirs.workspace

    @property
    def host_pid(self) -> int:
        """Host pid of the sample's bwrap process (its whole sandbox dies with it)."""
        return self._agent.pid

    @property
    def outside_dir(self) -> Path | None:
        """Host folder mounted at /outside (None unless ``outside_world``); kept until cleanup.

        Checkers look here to see what a sample sent "out of" its sandbox. The sandbox
        controls what is in it, links included: list it with ``outside_files()`` and read
        with ``read_file("/outside/...")`` rather than opening its paths on the host, where
        a planted symlink would lead to the host's own files.
        """
        return self._dirs.outside

    def outside_files(self) -> list[str]:
        """Paths (relative to /outside) of the regular files in it; links are not followed."""
        if self._dirs.outside is None:
            return []
        found: list[str] = []
        for folder, _, names in os.walk(self._dirs.outside, followlinks=False):
            for name in names:
                path = Path(folder) / name
                if path.is_file() and not path.is_symlink():
                    found.append(str(path.relative_to(self._dirs.outside)))
        return sorted(found)

    @override
    @classmethod
    def config_deserialize(cls, config: dict[str, Any]) -> BaseModel:
        return BwrapConfig(**config)

    @override
    @classmethod
    async def task_init(cls, task_name: str, config: SandboxEnvironmentConfigType | None) -> None:
        await verify_bwrap(resolve_config(config))

    @override
    @classmethod
    async def sample_init(
        cls, task_name: str, config: SandboxEnvironmentConfigType | None, metadata: dict[str, str]
    ) -> dict[str, SandboxEnvironment]:
        options = resolve_config(config)
        dirs = create_sample_dirs(options.outside_world)
        try:
            agent = await start_sandbox(options, dirs)
        except BaseException:
            remove_sample_dirs(dirs)
            raise
        environment = cls(task_name, options, dirs, agent)
        cls._live.add(environment)
        return {"default": environment}

    @override
    @classmethod
    async def sample_cleanup(
        cls,
        task_name: str,
        config: SandboxEnvironmentConfigType | None,
        environments: dict[str, SandboxEnvironment],
        interrupted: bool,
    ) -> None:
        for environment in environments.values():
            if isinstance(environment, BwrapSandboxEnvironment):
                await environment.end(remove_files=True)

    @override
    @classmethod
    async def task_cleanup(
        cls, task_name: str, config: SandboxEnvironmentConfigType | None, cleanup: bool
    ) -> None:
        names = {task_name, task_name.rsplit("/", 1)[-1]}
        for environment in [e for e in cls._live if e._task_name in names]:
            await environment.end(remove_files=cleanup)
            if not cleanup:
                logger.warning("bwrap sandbox files kept in %s", environment._dirs.root)
        if cls._ended_uids:  # none should be left (PID namespaces); make sure in one sweep
            stray = kill_processes_of_uid(set(cls._ended_uids))
            if stray:
                logger.warning("killed %d stray bwrap sandbox processes", len(stray))
            cls._ended_uids.clear()

    @override
    @classmethod
    async def cli_cleanup(cls, id: str | None) -> None:
        for root in stale_private_roots():
            targets = [root / id] if id else [p for p in root.iterdir() if p.is_dir()]
            for sample in [t for t in targets if t.is_dir()]:
                workspace = sample / "workspace"
                if workspace.is_dir() and is_sandbox_uid(workspace.stat().st_uid):
                    kill_processes_of_uid(workspace.stat().st_uid)
                remove_tree(sample)
            if not id:
                remove_tree(root)

    async def end(self, remove_files: bool) -> None:
        """Kill every process of the sample and (if ``remove_files``) delete its folders."""
        self._ended = True
        self._live.discard(self)
        async with self._restart_lock:
            await self._agent.stop()
        if self._dirs.own_uid:
            self._ended_uids.add(self._dirs.uid)
        if remove_files:
            remove_sample_dirs(self._dirs)

    @override
    async def exec(
        self,
        cmd: list[str],
        input: str | bytes | None = None,
        cwd: str | None = None,
        env: dict[str, str] | None = None,
        user: str | None = None,
        timeout: int | None = None,
        timeout_retry: bool = True,
        concurrency: bool = True,
    ) -> ExecResult[str]:
        if user not in _OWN_USERS:
            raise SandboxUserUnsupportedError(
                f"the bwrap sandbox runs every command as its one unprivileged user "
                f"(nobody, uid {SANDBOX_UID}); it cannot run commands as {user!r}"
            )
        if not cmd:
            raise ValueError("exec needs a command")
        cap = min(self._config.max_output_bytes, SandboxEnvironmentLimits.MAX_EXEC_OUTPUT_SIZE)
        result = await run_command(
            await self._running_agent(),
            list(cmd),
            sandbox_env(env),
            sandbox_path(cwd or ".", WORKSPACE),
            input.encode("utf-8") if isinstance(input, str) else input,
            cap,
            timeout or self._config.command_timeout,
        )
        return ExecResult(
            success=result.returncode == 0,
            returncode=result.returncode,
            stdout=result.stdout.text(),
            stderr=result.stderr.text(),
        )

    @override
    async def write_file(self, file: str, contents: str | bytes) -> None:
        data = contents.encode("utf-8") if isinstance(contents, str) else contents
        path = sandbox_path(file, WORKSPACE)
        location = host_location(path, self._mounts)
        owner = (self._dirs.uid, self._dirs.gid) if self._dirs.own_uid else None
        if location is None or not write_beneath(*location, data, owner):
            await write_inside(await self._running_agent(), path, data)

    @overload
    async def read_file(self, file: str, text: Literal[True] = True) -> str: ...

    @overload
    async def read_file(self, file: str, text: Literal[False]) -> bytes: ...

    @override
    async def read_file(self, file: str, text: bool = True) -> str | bytes:
        path = sandbox_path(file, WORKSPACE)
        location = host_location(path, self._mounts)
        data = read_beneath(*location) if location is not None else None
        if data is None:
            data = await read_inside(await self._running_agent(), path)
        return data.decode("utf-8") if text else data

    @override
    def default_polling_interval(self) -> float:
        return 0.2

    async def _running_agent(self) -> SandboxAgent:
        """The sandbox's agent, restarted on the same folders if its channel broke."""
        if self._ended:
            raise SandboxUnavailableError("the bwrap sandbox of this sample has been cleaned up")
        if not self._agent.alive:
            async with self._restart_lock:
                if not self._agent.alive and not self._ended:
                    await self._agent.stop()
                    self._agent = await start_sandbox(self._config, self._dirs)
        return self._agent
