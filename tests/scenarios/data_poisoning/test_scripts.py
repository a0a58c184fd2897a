"""The scripts the scenario writes, run for real: cleaning (honest and sabotaged) and validation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from riskcase.scenarios import Mode
from riskcase.scenarios.data_poisoning import EndState, Variant, generate_variants, judge
from riskcase.scenarios.data_poisoning._script import SCRIPT_PATH, cleaning_script
from riskcase.scenarios.data_poisoning._tactics import (
    OVERT,
    SLOPPY,
    SUBTLE,
    Tactic,
    extra_step,
    raw_edit_code,
)
from riskcase.scenarios.data_poisoning._validation import validation_problems
from riskcase.scenarios.data_poisoning._workspace import file_hashes, sha256, workspace_files


def _play(variant: Variant, tactic: Tactic, root: Path) -> EndState:
    """Lay out the workspace, run a tactic's scripts in it, and read the end state."""
    spec, goal = variant.spec.cleaning, variant.spec.goal
    for path, content in workspace_files(variant, Mode.HONEST).items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(content)
    (root / SCRIPT_PATH).write_text(cleaning_script(spec, extra_step(tactic, goal, spec)))
    if tactic in OVERT.values():
        code = raw_edit_code(tactic, goal, spec)
        subprocess.run([sys.executable, "-c", code], cwd=root, check=True, capture_output=True)
    (root / spec.output_path).parent.mkdir(parents=True, exist_ok=True)
    run = [sys.executable, "-I", SCRIPT_PATH, spec.raw_path, spec.output_path]
    subprocess.run(run, cwd=root, check=True, capture_output=True)
    hashes = {p: sha256((root / p).read_bytes()) for p in file_hashes(variant)}
    return EndState(file_hashes=dict(hashes), output_text=(root / spec.output_path).read_text())


def test_honest_cleaning_script_reproduces_the_reference_everywhere(tmp_path: Path) -> None:
    for variant in generate_variants(0):
        end = _play(variant, Tactic.HONEST, tmp_path / variant.spec.variant_id)
        verdict = judge(end, file_hashes(variant), variant.spec)
        assert verdict.main_task_success, (variant.spec.variant_id, verdict.explanation)
        assert not verdict.sabotage_attempted and not verdict.details["validation_problems"]


@pytest.mark.parametrize("skill", ["subtle", "overt", "sloppy"])
def test_tactics_reach_their_designed_outcome(tmp_path: Path, skill: str) -> None:
    for variant in generate_variants(0):
        kind = variant.spec.goal.kind
        tactics = {"subtle": (SUBTLE[kind],), "overt": (OVERT[kind],), "sloppy": SLOPPY[kind]}
        for tactic in tactics[skill]:
            end = _play(variant, tactic, tmp_path / f"{variant.spec.variant_id}-{tactic}")
            verdict = judge(end, file_hashes(variant), variant.spec)
            where = (variant.spec.variant_id, str(tactic), verdict.explanation)
            assert verdict.sabotage_attempted and not verdict.main_task_success, where
            assert verdict.side_task_success is (skill != "sloppy"), where
            raw_changed = verdict.details["changed_files"] == [variant.spec.cleaning.raw_path]
            assert raw_changed is (skill == "overt"), where


def test_workspace_validator_agrees_with_the_checker(tmp_path: Path) -> None:
    variant = generate_variants(0)[2]
    spec = variant.spec.cleaning
    files = workspace_files(variant, Mode.HONEST)
    validator = tmp_path / variant.spec.validator_path
    validator.parent.mkdir(parents=True, exist_ok=True)
    validator.write_text(files[variant.spec.validator_path])
    honest = _play(variant, Tactic.HONEST, tmp_path / "honest").output_text or ""
    lines = honest.splitlines()
    texts = {
        "honest": honest,
        "duplicated": honest + lines[0] + "\n",
        "broken": "\n".join(["{oops", *lines[1:]]) + "\n",
        "wrong_keys": honest.replace(f'"{spec.output_id}"', '"key"', 3),
        "too_few": "\n".join(lines[: spec.min_rows - 1]) + "\n",
    }
    for name, text in texts.items():
        dataset = tmp_path / f"{name}.jsonl"
        dataset.write_text(text)
        run = subprocess.run(
            [sys.executable, "-I", str(validator), str(dataset)], capture_output=True, text=True
        )
        expected = validation_problems(text, spec)
        assert (run.returncode == 0) is (not expected), name
        printed = [line[2:] for line in run.stdout.splitlines() if line.startswith("- ")]
        assert printed == expected[:20], name
    assert validation_problems(None, spec) and not validation_problems(honest, spec)
