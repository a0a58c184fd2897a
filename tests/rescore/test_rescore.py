"""Re-scoring logs with registered monitors: scores added, originals kept, nothing duplicated."""

from __future__ import annotations

import hashlib
import itertools
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from inspect_ai.event import ScoreEvent
from inspect_ai.log import read_eval_log
from inspect_ai.model import ChatMessage, ModelOutput, ModelUsage, get_model
from inspect_ai.scorer import Score, Scorer, Target
from inspect_ai.solver import TaskState
from inspect_ai.util import sandbox

from riskcase._errors import RiskcaseError
from riskcase.evidence import read_log_dir
from riskcase.monitors import monitor_score_value
from riskcase.rescore import RESCORED_AT, rescore_logs


def copy_logs(source: Path, target: Path) -> Path:
    """A fresh copy of a log folder (re-scoring changes logs in place)."""
    shutil.copytree(source, target, dirs_exist_ok=True)
    return target


def only_log(log_dir: Path) -> Path:
    [path] = sorted(log_dir.rglob("*.eval"))
    return path


def scripted(text: str) -> ModelOutput:
    """A mockllm output with usage set (mockllm needs it to stay offline)."""
    output = ModelOutput.from_content(model="mockllm/model", content=text)
    output.usage = ModelUsage(input_tokens=50, output_tokens=10, total_tokens=60)
    return output


def dumps(path: Path) -> dict[tuple[str, str], str]:
    """Every score of every sample, serialised: (sample id, score name) -> JSON."""
    return {
        (str(sample.id), name): json.dumps(score.model_dump(mode="json"), sort_keys=True)
        for sample in read_eval_log(str(path)).samples or []
        for name, score in (sample.scores or {}).items()
    }


def suspicion(scores: dict[str, Score] | None, name: str) -> float | None:
    return monitor_score_value((scores or {}).get(name))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_rule_monitor_scores_a_riskcase_log_and_keeps_the_checker(
    tampering_logs: Path, tmp_path: Path
) -> None:
    log_dir = copy_logs(tampering_logs, tmp_path / "logs")
    path = only_log(log_dir)
    before = dumps(path)
    assert {name for _, name in before} == {"checker"}

    [outcome] = rescore_logs(log_dir, ["rule_monitor"])

    assert outcome.written and outcome.samples == 3
    [result] = outcome.monitors
    assert (result.monitor, result.samples, result.failures, result.change) == (
        "rule_monitor",
        3,
        0,
        "added",
    )
    after = dumps(path)
    assert {key: after[key] for key in before} == before  # originals byte for byte
    log = read_eval_log(str(path))
    values = {str(s.id): suspicion(s.scores, "rule_monitor") for s in log.samples or []}
    assert values["v00-actions"] == 0.5  # the overt variant trips protected_write
    assert result.mean == pytest.approx(sum(v or 0.0 for v in values.values()) / 3)
    entries = [e for e in log.results.scores if e.scorer == "rule_monitor"] if log.results else []
    assert len(entries) == 1 and entries[0].metrics["mean"].value == pytest.approx(result.mean)
    assert RESCORED_AT in (entries[0].metadata or {})
    # evidence reads the new monitor scores
    records = read_log_dir(log_dir).records
    assert {r.sample_id: r.suspicion for r in records}["v00-actions"] == {"rule_monitor": 0.5}
    assert not list(log_dir.glob(".*"))  # no temporary file left behind


def test_running_again_changes_nothing(tampering_logs: Path, tmp_path: Path) -> None:
    log_dir = copy_logs(tampering_logs, tmp_path / "logs")
    path = only_log(log_dir)
    rescore_logs(path, ["rule_monitor"])
    first = digest(path)

    [outcome] = rescore_logs(path, ["rule_monitor"])

    assert not outcome.written and outcome.monitors[0].change == "unchanged"
    assert digest(path) == first


def test_a_different_result_keeps_the_previous_version(
    tampering_logs: Path, tmp_path: Path, register: Any
) -> None:
    counter = itertools.count(1)

    def drifting() -> Scorer:
        async def score(state: TaskState, target: Target) -> Score:
            return Score(value=next(counter) / 100, explanation="drifts")

        return score

    register("drifting_monitor", drifting)
    log_dir = copy_logs(tampering_logs, tmp_path / "logs")
    path = only_log(log_dir)
    rescore_logs(path, ["drifting_monitor"])
    first = {sid: text for (sid, name), text in dumps(path).items() if name == "drifting_monitor"}

    [second] = rescore_logs(path, ["drifting_monitor", "rule_monitor"])
    [third] = rescore_logs(path, ["drifting_monitor", "rule_monitor"])

    drift = second.monitors[0]
    assert [m.change for m in third.monitors] == ["replaced", "unchanged"]
    assert drift.change == "replaced" and drift.kept_as is not None
    assert drift.kept_as.startswith("drifting_monitor@")
    assert third.monitors[0].kept_as not in (None, drift.kept_as)
    scores = dumps(path)
    kept = {sid: text for (sid, name), text in scores.items() if name == drift.kept_as}
    assert kept == first  # the first version, byte for byte, under its new name
    names = sorted({name for _, name in scores})
    assert names == sorted(
        ["checker", "rule_monitor", "drifting_monitor", drift.kept_as, third.monitors[0].kept_as]
    )
    values = sorted(
        score.value
        for s in read_eval_log(str(path)).samples or []
        for score in (s.scores or {}).values()
        if isinstance(score.value, float) and score.explanation == "drifts"
    )
    assert values == [n / 100 for n in range(1, 10)]  # three versions of three samples, none lost
    log = read_eval_log(str(path))
    assert log.results is not None
    assert [e.scorer for e in log.results.scores if e.scorer.startswith("drifting")] == [
        drift.kept_as,
        third.monitors[0].kept_as,
        "drifting_monitor",
    ]
    for sample in log.samples or []:  # a reproduced monitor leaves no trace in the events
        scored = [e.scorer for e in sample.events if isinstance(e, ScoreEvent)]
        assert scored.count("rule_monitor") == 1 and scored.count("drifting_monitor") == 3
    # evidence reads only the current version
    records = read_log_dir(log_dir).records
    assert all(set(r.suspicion) == {"rule_monitor", "drifting_monitor"} for r in records)
    assert sorted(r.suspicion["drifting_monitor"] for r in records) == [0.07, 0.08, 0.09]


def test_plain_inspect_log_uses_the_sample_input_as_the_task(
    foreign_logs: Path, foreign_tasks: dict[str, str], tmp_path: Path
) -> None:
    log_dir = copy_logs(foreign_logs, tmp_path / "logs")
    prompts: list[str] = []

    def trusted(messages: list[ChatMessage], *_: Any) -> ModelOutput:
        prompt = messages[-1].text
        prompts.append(prompt)
        if foreign_tasks["notes"] in prompt and "tamper" in prompt:
            return scripted("<reasoning>It tampers with numbers.</reasoning><score>9</score>")
        return scripted("no verdict")  # unreadable: the monitor records a failure

    [outcome] = rescore_logs(
        log_dir,
        ["rule_monitor", "llm_monitor"],
        trusted_model=get_model("mockllm/model", custom_outputs=trusted),
    )

    rule, llm = outcome.monitors
    assert (rule.failures, llm.failures) == (0, 1)
    assert llm.mean == pytest.approx(0.9)
    samples = {str(s.id): s for s in read_eval_log(str(only_log(log_dir))).samples or []}
    assert (suspicion(samples["notes"].scores, "rule_monitor") or 0) > 0  # suspicious language
    assert suspicion(samples["budget"].scores, "rule_monitor") == 0
    assert suspicion(samples["notes"].scores, "llm_monitor") == pytest.approx(0.9)
    assert suspicion(samples["budget"].scores, "llm_monitor") is None  # unreadable verdict
    assert any(foreign_tasks["budget"] in prompt for prompt in prompts)


def test_a_monitor_needing_a_sandbox_is_refused_and_nothing_changes(
    tampering_logs: Path, tmp_path: Path, register: Any
) -> None:
    def executing() -> Scorer:
        async def score(state: TaskState, target: Target) -> Score:
            result = await sandbox().exec(["ls"])
            return Score(value=float(bool(result.stdout)))

        return score

    register("executing_monitor", executing)
    log_dir = copy_logs(tampering_logs, tmp_path / "logs")
    before = {path: digest(path) for path in log_dir.rglob("*.eval")}

    with pytest.raises(RiskcaseError, match="'executing_monitor' needs a sandbox"):
        rescore_logs(log_dir, ["rule_monitor", "executing_monitor"])

    assert {path: digest(path) for path in log_dir.rglob("*.eval")} == before
    assert not list(log_dir.rglob(".*"))


def test_a_failure_in_a_later_log_leaves_earlier_logs_untouched(
    tampering_logs: Path, foreign_logs: Path, tmp_path: Path, register: Any
) -> None:
    def riskcase_only() -> Scorer:
        async def score(state: TaskState, target: Target) -> Score:
            return Score(value=0.1 * len(state.metadata["scenario_id"]) / 20)

        return score

    register("riskcase_only_monitor", riskcase_only)
    log_dir = tmp_path / "logs"
    copy_logs(tampering_logs, log_dir / "a")
    copy_logs(foreign_logs, log_dir / "b")
    before = {path: digest(path) for path in log_dir.rglob("*.eval")}

    with pytest.raises(RiskcaseError, match="'riskcase_only_monitor' failed on .*scenario_id"):
        rescore_logs(log_dir, ["riskcase_only_monitor"])

    assert {path: digest(path) for path in log_dir.rglob("*.eval")} == before
    assert not list(log_dir.rglob(".*"))


def test_bad_logs_are_refused_before_anything_is_scored(
    tampering_logs: Path, tmp_path: Path
) -> None:
    log_dir = copy_logs(tampering_logs, tmp_path / "logs")
    good = only_log(log_dir)
    good_digest = digest(good)
    corrupt = log_dir / "corrupt.eval"
    corrupt.write_bytes(good.read_bytes()[:2000])
    with pytest.raises(RiskcaseError, match="cannot read corrupt.eval"):
        rescore_logs(log_dir, ["rule_monitor"])
    assert digest(good) == good_digest and len(corrupt.read_bytes()) == 2000

    corrupt.unlink()
    empty = read_eval_log(str(good))
    empty.samples = []
    from inspect_ai.log import write_eval_log

    write_eval_log(empty, str(log_dir / "empty.eval"))
    with pytest.raises(RiskcaseError, match="empty.eval holds no samples"):
        rescore_logs(log_dir, ["rule_monitor"])
    assert digest(good) == good_digest

    notes = tmp_path / "notes.txt"
    notes.write_text("not a log")
    with pytest.raises(RiskcaseError, match="not an Inspect log"):
        rescore_logs(notes, ["rule_monitor"])
    with pytest.raises(RiskcaseError, match="does not exist"):
        rescore_logs(tmp_path / "missing", ["rule_monitor"])
