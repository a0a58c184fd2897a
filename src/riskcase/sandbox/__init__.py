"""riskcase's daemonless sandbox: an Inspect sandbox provider built on bubblewrap.

``sandbox="bwrap"`` (or ``SandboxEnvironmentSpec("bwrap", BwrapConfig(...))``) gives each
sample a fresh sandbox with no daemon and no image:

- its own host folder mounted read-write at /workspace (the working directory; relative
  paths resolve against it), its own /tmp, and optionally /outside (``outside_world``);
- the host's root read-only, with homes, /tmp, /var/tmp, /run, /mnt, /media, other samples'
  folders and any ``hidden_paths`` hidden; fresh /dev and /proc;
- new user, PID, IPC, UTS, cgroup and network namespaces: no network at all by default
  (not even the host's loopback), no capabilities, no new privileges, no nested namespaces;
  commands run as ``nobody`` (and, when riskcase runs as root, as a host uid of their own);
- a minimal environment (PATH, HOME=/workspace, LANG, TMPDIR and ``exec``'s ``env``): no
  host variables, so no API keys;
- limits per process (CPU seconds, address space, file size) and per sample (processes),
  wall time per command, and bounded captured output.

A small agent runs as PID 1 inside each sample's sandbox and starts its commands, so a
command costs about what a local one does and background processes live until the sample
ends; ``sample_cleanup`` then kills every process of the sample and deletes its folders.
Inspect's injected sandbox tools (``bash_session``, ``text_editor``, ``exec_remote``) are not
supported; ``bash()`` and ``python()`` are.
"""

from ._config import BwrapConfig
from ._environment import BwrapSandboxEnvironment
from ._launch import BwrapUnavailableError, verify_bwrap

__all__ = ["BwrapConfig", "BwrapSandboxEnvironment", "BwrapUnavailableError", "verify_bwrap"]
