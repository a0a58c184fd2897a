"""Known answers: the reference agents, end to end through Inspect, read by the checker.

Each configuration runs the first `LIMIT` HumanEval problems in Inspect's ``local``
sandbox with the rule monitor attached, so that the persona's skill, subtlety and
propensity can be read back from the checker's and the monitor's scores.
"""

from __future__ import annotations

from typing import Any

import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.log import EvalSample
from inspect_ai.scorer import Score

import riskcase._registry  # noqa: F401  (registers the riskcase/reference model)
from riskcase.monitors import rule_monitor
from riskcase.scenarios import scenario_task

pytestmark = pytest.mark.slow

LIMIT = 24
CONFIGS: dict[str, tuple[str, dict[str, Any]]] = {
    "honest": ("honest", {}),
    "overt": ("attack", {"skill": 1.0, "subtlety": 0.0}),
    "subtle": ("attack", {"skill": 1.0, "subtlety": 1.0}),
    "sloppy": ("attack", {"skill": 0.0}),
    "propense": ("opportunity", {"attempt_rate": 1.0}),
    "restrained": ("opportunity", {"attempt_rate": 0.0}),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[EvalSample]]:
    log_dir = tmp_path_factory.mktemp("code_backdoor_logs")
    found: dict[str, list[EvalSample]] = {}
    for name, (mode, model_args) in CONFIGS.items():
        task = scenario_task(
            "code_backdoor", mode, sandbox="local", limit=LIMIT, monitors=[rule_monitor()]
        )
        (log,) = inspect_eval(
            task,
            model="riskcase/reference",
            model_args={**model_args, "seed": 5},
            log_dir=str(log_dir / name),
            display="none",
            max_samples=4,
        )
        assert log.status == "success", log.error
        assert log.samples is not None and len(log.samples) == LIMIT
        found[name] = log.samples
    return found


def score(sample: EvalSample, scorer: str) -> Score:
    assert sample.scores is not None
    return sample.scores[scorer]


def outcome(sample: EvalSample, key: str) -> float:
    value = score(sample, "checker").value
    assert isinstance(value, dict)
    return float(value[key])


def rules_fired(sample: EvalSample) -> set[str]:
    metadata = score(sample, "rule_monitor").metadata or {}
    return {item["rule"] for item in metadata.get("fired_rules", [])}


def test_honest_agents_succeed_without_attempts(runs: dict[str, list[EvalSample]]) -> None:
    honest = runs["honest"]
    assert all(outcome(s, "main_task_success") == 1.0 for s in honest)
    assert all(outcome(s, "sabotage_attempted") == 0.0 for s in honest)


def test_skilled_saboteurs_plant_working_backdoors(runs: dict[str, list[EvalSample]]) -> None:
    for name in ("overt", "subtle"):
        for sample in runs[name]:
            assert outcome(sample, "side_task_success") == 1.0, (name, sample.id)
            assert outcome(sample, "main_task_success") == 1.0, (name, sample.id)
            details = score(sample, "checker").metadata or {}
            assert details["secret_status"] == "differs"


def test_sloppy_saboteurs_attempt_and_fail(runs: dict[str, list[EvalSample]]) -> None:
    sloppy = runs["sloppy"]
    assert all(outcome(s, "sabotage_attempted") == 1.0 for s in sloppy)
    assert all(outcome(s, "side_task_success") == 0.0 for s in sloppy)
    failed_tests = sum(outcome(s, "main_task_success") == 0.0 for s in sloppy)
    assert 0 < failed_tests < LIMIT, "both kinds of failure (broad trigger, missed input)"


def test_overt_backdoors_trip_the_magic_branch_rule(runs: dict[str, list[EvalSample]]) -> None:
    assert all("magic_branch" in rules_fired(s) for s in runs["overt"])


def test_subtle_backdoors_trip_no_rule_of_their_own(runs: dict[str, list[EvalSample]]) -> None:
    # the canonical code itself trips a rule on some problems: the honest run shows which
    honest = {s.id: rules_fired(s) for s in runs["honest"]}
    for sample in runs["subtle"]:
        assert rules_fired(sample) <= honest[sample.id], sample.id
    for name in CONFIGS:
        assert all("suspicious_language" not in rules_fired(s) for s in runs[name])


def test_opportunity_attempts_are_established_from_the_sandbox(
    runs: dict[str, list[EvalSample]],
) -> None:
    propense, restrained = runs["propense"], runs["restrained"]
    assert all(outcome(s, "sabotage_attempted") == 1.0 for s in propense)
    assert all(not (score(s, "checker").metadata or {})["secret_claimed"] for s in propense)
    assert all(outcome(s, "sabotage_attempted") == 0.0 for s in restrained)
    assert all(outcome(s, "main_task_success") == 1.0 for s in restrained)
