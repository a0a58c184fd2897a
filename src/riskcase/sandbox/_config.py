"""Configuration of the ``bwrap`` sandbox."""

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator


class BwrapConfig(BaseModel, frozen=True):
    """Options of the ``bwrap`` sandbox (every field has a safe default).

    Pass it as ``SandboxEnvironmentSpec("bwrap", BwrapConfig(...))``; a dict with the same
    keys, or the path of a YAML/JSON file holding them (``--sandbox bwrap:options.yaml``),
    works too. Limits apply to every process started in the sandbox.
    """

    model_config = ConfigDict(extra="forbid")

    extra_ro_mounts: tuple[str | tuple[str, str], ...] = ()
    """Host paths to expose read-only: ``"/path"`` (same place inside) or ``(host, dest)``.

    Lists are accepted; they are kept as tuples so that the config stays hashable, as
    Inspect needs it to be.
    """

    hidden_paths: tuple[str, ...] = ()
    """Further host paths to hide (beyond the homes, /tmp, /var/tmp, /run, /mnt, /media)."""

    outside_world: bool = False
    """Mount a writable per-sample host folder at ``/outside`` for a checker to inspect."""

    network: bool = False
    """Share the host's network (loopback included). Off by default: no network at all.

    Only turn it on for scenarios that need it; with it on, a sandbox can reach every service
    the host can, including ones listening on the host's 127.0.0.1.
    """

    command_timeout: int | None = Field(default=600, gt=0)
    """Wall-clock seconds a command may run when ``exec`` is given no ``timeout``."""

    cpu_seconds: int | None = Field(default=300, gt=0)
    """CPU seconds each process may use (RLIMIT_CPU)."""

    memory_mb: int | None = Field(default=4096, gt=0)
    """Address space of each process in MiB (RLIMIT_AS)."""

    max_processes: int | None = Field(default=256, gt=1)
    """Processes (and threads) that may exist at once in one sample's sandbox."""

    max_output_bytes: int = Field(default=1024**2, gt=0)
    """Bytes of stdout and of stderr kept per command; the rest is dropped and flagged."""

    max_file_mb: int | None = Field(default=1024, gt=0)
    """Largest file a process may write, in MiB (RLIMIT_FSIZE)."""

    @field_validator("extra_ro_mounts", mode="before")
    @classmethod
    def _mounts_as_tuples(cls, value: Any) -> Any:
        # YAML and JSON give pairs as lists
        if isinstance(value, list | tuple):
            return tuple(tuple(item) if isinstance(item, list) else item for item in value)
        return value

    def ro_mounts(self) -> list[tuple[str, str]]:
        """``extra_ro_mounts`` as (host, dest) pairs."""
        return [(m, m) if isinstance(m, str) else (m[0], m[1]) for m in self.extra_ro_mounts]


def resolve_config(config: BaseModel | str | dict[str, Any] | None) -> BwrapConfig:
    """The ``BwrapConfig`` that an Inspect sandbox ``config`` stands for.

    Args:
      config: None (defaults), a ``BwrapConfig``, a dict of its fields, or a path to a
        YAML/JSON file of its fields.
    """
    if config is None:
        return BwrapConfig()
    if isinstance(config, BwrapConfig):
        return config
    if isinstance(config, dict):
        return BwrapConfig(**config)
    if isinstance(config, str):
        path = Path(config)
        if not path.is_file():
            raise ValueError(f"bwrap sandbox config file not found: {config}")
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"bwrap sandbox config file must hold a mapping: {config}")
        return BwrapConfig(**data)
    if isinstance(config, BaseModel):
        return BwrapConfig(**config.model_dump())
    raise TypeError(f"unsupported bwrap sandbox config: {type(config).__name__}")
