"""BwrapConfig and how Inspect hands it to the provider."""

from pathlib import Path

import pytest
from inspect_ai.util import SandboxEnvironmentSpec
from pydantic import ValidationError

from riskcase.sandbox import BwrapConfig, BwrapSandboxEnvironment
from riskcase.sandbox._config import resolve_config


def test_defaults_are_safe() -> None:
    config = BwrapConfig()
    assert config.network is False and config.outside_world is False
    assert config.command_timeout and config.cpu_seconds and config.memory_mb
    assert config.max_processes and config.max_file_mb and config.max_output_bytes


def test_unknown_options_are_rejected() -> None:
    with pytest.raises(ValidationError):
        BwrapConfig(netwrok=True)  # type: ignore[call-arg]


def test_config_deserialize_turns_a_dict_into_the_model() -> None:
    config = BwrapSandboxEnvironment.config_deserialize(
        {"outside_world": True, "extra_ro_mounts": ["/opt", ["/srv", "/data"]]}
    )
    assert isinstance(config, BwrapConfig) and config.outside_world
    assert config.ro_mounts() == [("/opt", "/opt"), ("/srv", "/data")]


def test_spec_round_trips_through_serialisation() -> None:
    spec = SandboxEnvironmentSpec("bwrap", BwrapConfig(memory_mb=1024, network=False))
    restored = SandboxEnvironmentSpec.model_validate(spec.model_dump())
    assert restored.config == BwrapConfig(memory_mb=1024)


def test_resolve_config_from_none_dict_and_file(tmp_path: Path) -> None:
    assert resolve_config(None) == BwrapConfig()
    assert resolve_config({"cpu_seconds": 7}).cpu_seconds == 7
    file = tmp_path / "options.yaml"
    file.write_text("max_processes: 32\nextra_ro_mounts:\n  - [/opt, /tools]\n")
    assert resolve_config(str(file)) == BwrapConfig(
        max_processes=32, extra_ro_mounts=[("/opt", "/tools")]
    )
    with pytest.raises(ValueError, match="not found"):
        resolve_config(str(tmp_path / "missing.yaml"))
