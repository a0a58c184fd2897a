"""Starting a sample's sandbox, and checking that bwrap works here at all."""

import logging
import os

from ._agent import SandboxAgent, SandboxStartError
from ._bwrap import (
    SANDBOX_PYTHON,
    agent_settings,
    bwrap_argv,
    bwrap_options,
    find_bwrap,
    sandbox_env,
)
from ._command import run_command
from ._config import BwrapConfig
from ._workspace import SampleDirs, create_sample_dirs, remove_sample_dirs

_INSTALL_HINT = "install it with `make` (which runs `apt-get install -y bubblewrap`) or `apt-get install bubblewrap`"
_NAMESPACE_HINT = (
    "Unprivileged user namespaces must be allowed: check `sysctl user.max_user_namespaces` "
    "(> 0), `sysctl kernel.unprivileged_userns_clone=1` (Debian), "
    "`sysctl kernel.apparmor_restrict_unprivileged_userns=0` (Ubuntu 23.10+); inside a "
    "container, run it with `--security-opt seccomp=unconfined --security-opt "
    "apparmor=unconfined` (or `--privileged`)."
)
_NAMESPACE_SIGNS = ("namespace", "uid map", "gid map", "setgroups", "operation not permitted")
_verified: set[str] = set()
logger = logging.getLogger(__name__)


class BwrapUnavailableError(RuntimeError):
    """bwrap cannot sandbox commands on this host; the message says why and what to do.

    The ``bwrap`` sandbox never falls back to running commands unsandboxed.
    """


async def start_sandbox(config: BwrapConfig, dirs: SampleDirs) -> SandboxAgent:
    """Start the sandbox of one sample whose folders are ``dirs``.

    Raises:
      BwrapUnavailableError: bwrap is missing or cannot create a sandbox here.
    """
    bwrap = find_bwrap()
    if bwrap is None:
        raise BwrapUnavailableError(f"bubblewrap (bwrap) not found: {_INSTALL_HINT}.")
    run_as = (dirs.uid, dirs.gid) if dirs.own_uid else None
    try:
        return await SandboxAgent.launch(
            lambda agent_fd: bwrap_argv(bwrap, config, dirs, agent_fd),
            agent_settings(config),
            run_as,
        )
    except SandboxStartError as ex:
        raise BwrapUnavailableError(_explain(str(ex))) from ex


async def verify_bwrap(config: BwrapConfig) -> None:
    """Check, once per config and process, that a sandbox starts and runs a command.

    Raises:
      BwrapUnavailableError: Saying what is wrong and how to fix it.
    """
    key = config.model_dump_json()
    if key in _verified:
        return
    if find_bwrap() is None:
        raise BwrapUnavailableError(f"bubblewrap (bwrap) not found: {_INSTALL_HINT}.")
    if not os.access(SANDBOX_PYTHON, os.X_OK):
        raise BwrapUnavailableError(
            f"{SANDBOX_PYTHON} not found: the bwrap sandbox runs its agent and the python() "
            "tool with the host's system Python; install it with `apt-get install python3`."
        )
    for host, _ in config.ro_mounts():
        if not os.path.exists(host):
            raise BwrapUnavailableError(f"extra_ro_mounts: host path does not exist: {host}")
    bwrap = find_bwrap() or "bwrap"
    if "--disable-userns" not in bwrap_options(bwrap):
        logger.warning(
            "bwrap %s cannot forbid nested user namespaces (needs bubblewrap >= 0.8); "
            "sandboxes are weaker against kernel exploits",
            bwrap,
        )
    dirs = create_sample_dirs(config.outside_world)
    try:
        agent = await start_sandbox(config, dirs)
        try:
            result = await run_command(
                agent, ["echo", "ok"], sandbox_env(), "/workspace", None, 1024, timeout=60
            )
        finally:
            await agent.stop()
    finally:
        remove_sample_dirs(dirs)
    if result.returncode != 0 or result.stdout.data() != b"ok\n":
        raise BwrapUnavailableError(
            "bwrap starts but cannot run a command in the sandbox: "
            f"exit {result.returncode}: {result.stderr.text().strip()}"
        )
    _verified.add(key)


def _explain(bwrap_error: str) -> str:
    """A message saying why the sandbox did not start and what to do."""
    lowered = bwrap_error.lower()
    if "setpriv" in lowered and "no such file" in lowered:
        return f"setpriv not found (needed to drop root before bwrap): install util-linux. ({bwrap_error})"
    if any(sign in lowered for sign in _NAMESPACE_SIGNS):
        return f"bwrap cannot create namespaces here: {bwrap_error}. {_NAMESPACE_HINT}"
    return f"bwrap failed to start a sandbox: {bwrap_error or 'no message'}"
