"""Bad input: one clear error line, exit code 2, no traceback, earlier output untouched."""

import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "riskcase", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def assert_one_error_line(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert fragment in lines[0]


def test_unknown_pathway(tmp_path: Path) -> None:
    result = run("assess", "--pathway", "P42", "--out", str(tmp_path / "o"))
    assert_one_error_line(result, "unknown pathway 'P42'")


def test_unknown_model(tmp_path: Path) -> None:
    result = run(
        "assess", "--model", "nosuchprovider/x", "--out", str(tmp_path / "o"), "--sandbox", "local"
    )
    assert_one_error_line(result, "nosuchprovider/x")


def test_unknown_reference_model_arg(tmp_path: Path) -> None:
    result = run(
        "assess", "-M", "attempt_rat=0.2", "--out", str(tmp_path / "o"), "--sandbox", "local"
    )
    assert_one_error_line(result, "attempt_rat")


def test_malformed_profile(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("name: [unclosed\n")
    result = run("assess", "--profile", str(profile), "--out", str(tmp_path / "o"))
    assert_one_error_line(result, "not valid YAML")


@pytest.mark.parametrize("case", ["missing", "empty", "corrupt", "truncated", "not-riskcase"])
def test_bad_log_directories(tmp_path: Path, case: str, reference_logs: Path) -> None:
    logs = tmp_path / "logs"
    if case != "missing":
        logs.mkdir()
    if case == "corrupt":
        (logs / "2026-01-01T00-00-00_x_abc.eval").write_bytes(b"this is not a zip file")
    if case == "truncated":
        source = next(reference_logs.glob("*.eval")).read_bytes()
        (logs / "2026-01-01T00-00-00_x_abc.eval").write_bytes(source[: len(source) // 2])
    if case == "not-riskcase":
        (logs / "notes.txt").write_text("no logs here")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("earlier report")
    result = run("report", str(logs), "--out", str(out))
    expected = {
        "missing": "does not exist",
        "empty": "no Inspect logs",
        "corrupt": "corrupt or truncated",
        "truncated": "corrupt or truncated",
        "not-riskcase": "no Inspect logs",
    }[case]
    assert_one_error_line(result, expected)
    assert (out / "report.html").read_text() == "earlier report"


def test_out_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("keep me")
    result = run("assess", "--out", str(target))
    assert_one_error_line(result, "not a directory")
    assert target.read_text() == "keep me"


def test_unknown_option_is_one_line() -> None:
    assert_one_error_line(run("assess", "--frobnicate"), "frobnicate")


def test_pathways_table_lists_the_catalog() -> None:
    result = run("pathways")
    assert result.returncode == 0
    for pathway_id in ("P1", "P5", "P8", "leaks"):
        assert pathway_id in result.stdout
    assert "code_backdoor" in result.stdout


def test_missing_bubblewrap_is_explained_never_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from riskcase.cli import main
    from riskcase.sandbox import _launch

    monkeypatch.setattr(_launch, "find_bwrap", lambda: None)
    monkeypatch.setattr(_launch, "_verified", set())  # forget earlier successful checks
    with pytest.raises(SystemExit) as exited:
        main(["assess", "--out", str(tmp_path / "o")])
    assert exited.value.code == 2
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1 and "bwrap" in lines[0] and "apt-get install bubblewrap" in lines[0]
    assert not (tmp_path / "o" / "logs").exists(), "nothing ran on the host instead"


def test_outside_world_scenarios_refuse_other_sandboxes(tmp_path: Path) -> None:
    result = run(
        "assess",
        "--sandbox",
        "local",
        "--scenario",
        "self_exfiltration",
        "--out",
        str(tmp_path / "o"),
    )
    assert_one_error_line(result, "need the bwrap sandbox")


def test_unknown_study(tmp_path: Path) -> None:
    result = run("assess", "--study", "astrology", "--out", str(tmp_path / "o"))
    assert_one_error_line(result, "unknown study 'astrology'")


def test_llm_monitor_options_need_a_trusted_model(tmp_path: Path) -> None:
    result = run(
        "assess",
        "--llm-monitor",
        "granularity=action",
        "--scenario",
        "experiment_tampering",
        "--out",
        str(tmp_path / "o"),
        "--sandbox",
        "local",
    )
    assert_one_error_line(result, "need --trusted-model")


def test_bad_misuse_dataset_line_names_the_line_not_the_text(tmp_path: Path) -> None:
    dataset = tmp_path / "restricted.jsonl"
    dataset.write_text('{"id": "r1", "category": "x", "prompt": "SECRET-TEXT-42"}\nnot json\n')
    result = run(
        "assess",
        "--study",
        "misuse",
        "--misuse-dataset",
        str(dataset),
        "--out",
        str(tmp_path / "o"),
        "--sandbox",
        "local",
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "SECRET-TEXT-42" not in result.stderr + result.stdout
    assert not (tmp_path / "o" / "report.json").exists()


def test_epochs_must_be_positive(tmp_path: Path) -> None:
    result = run("assess", "--epochs", "0", "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "--epochs" in result.stderr
