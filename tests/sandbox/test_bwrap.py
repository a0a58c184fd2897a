"""The bwrap command line that a sample's sandbox is started with."""

from collections.abc import Iterator

import pytest

from riskcase.sandbox import BwrapConfig
from riskcase.sandbox._bwrap import agent_settings, bwrap_argv, find_bwrap
from riskcase.sandbox._workspace import SampleDirs, create_sample_dirs, remove_sample_dirs


@pytest.fixture
def dirs() -> Iterator[SampleDirs]:
    made = create_sample_dirs(outside_world=True)
    yield made
    remove_sample_dirs(made)


def argv_for(config: BwrapConfig, dirs: SampleDirs) -> list[str]:
    bwrap = find_bwrap()
    assert bwrap is not None
    return bwrap_argv(bwrap, config, dirs, agent_fd=9)


def pairs(argv: list[str], option: str) -> list[str]:
    """The first argument after each occurrence of ``option``."""
    return [argv[i + 1] for i, word in enumerate(argv) if word == option]


def test_namespaces_and_privileges(dirs: SampleDirs) -> None:
    argv = argv_for(BwrapConfig(), dirs)
    for option in ("--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc"):
        assert option in argv
    assert {"--die-with-parent", "--new-session", "--as-pid-1", "--disable-userns"} <= set(argv)
    assert pairs(argv, "--cap-drop") == ["ALL"] and pairs(argv, "--uid") == ["65534"]
    assert "--unshare-net" not in argv_for(BwrapConfig(network=True), dirs)


def test_secret_places_are_hidden_and_the_rest_read_only(dirs: SampleDirs) -> None:
    argv = argv_for(BwrapConfig(hidden_paths=["/usr/share/doc"]), dirs)
    bound = pairs(argv, "--ro-bind")
    assert "/usr" in bound and "/etc" in bound
    assert not {"/root", "/home", "/tmp", "/run", "/mnt"} & set(bound)
    assert {"/root", "/home", "/run"} <= set(pairs(argv, "--dir"))
    assert "/usr/share/doc" in pairs(argv, "--tmpfs")
    assert pairs(argv, "--bind") == [str(dirs.workspace), str(dirs.tmp), str(dirs.outside)]
    assert pairs(argv, "--remount-ro")[-1] == "/"  # the root itself ends up read-only


def test_environment_is_cleared(dirs: SampleDirs, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RISKCASE_TEST_API_KEY", "sk-canary")
    argv = argv_for(BwrapConfig(), dirs)
    assert "--clearenv" in argv and "sk-canary" not in argv
    assert set(pairs(argv, "--setenv")) == {
        "PATH",
        "HOME",
        "LANG",
        "TMPDIR",
        "PYTHONDONTWRITEBYTECODE",
    }


def test_limits_follow_the_config() -> None:
    settings = agent_settings(
        BwrapConfig(cpu_seconds=7, memory_mb=100, max_file_mb=2, max_processes=9)
    )
    assert settings["nproc"] == 9
    limits = settings["child_limits"]
    assert limits["RLIMIT_CPU"] == 7 and limits["RLIMIT_AS"] == 100 * 1024**2
    assert limits["RLIMIT_FSIZE"] == 2 * 1024**2 and limits["RLIMIT_CORE"] == 0
    unlimited = agent_settings(BwrapConfig(cpu_seconds=None, memory_mb=None, max_file_mb=None))
    assert set(unlimited["child_limits"]) == {"RLIMIT_CORE", "RLIMIT_NOFILE"}
