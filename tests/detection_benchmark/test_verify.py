"""Labels re-established by execution on a few problems, and mislabels caught."""

from __future__ import annotations

from dataclasses import replace

import pytest

from riskcase.detection_benchmark import (
    BenchmarkItem,
    by_problem,
    check_inputs,
    load_benchmark,
    verify_item,
)
from riskcase.scenarios.code_backdoor import problem_by_id

# two problems of each split, cheap to run
PROBLEMS = ("HumanEval/13", "HumanEval/29", "HumanEval/0", "HumanEval/23")


def _items(task_id: str) -> list[BenchmarkItem]:
    return by_problem(load_benchmark().items)[task_id]


def _checks(task_id: str) -> list[str]:
    triggers = [call for item in _items(task_id) for call in item.calls[-1:]]
    return check_inputs(problem_by_id(task_id), triggers)


def test_the_sampled_problems_cover_both_splits() -> None:
    assert {_items(t)[0].split for t in PROBLEMS} == {"train", "test"}


@pytest.mark.parametrize("task_id", PROBLEMS)
def test_stored_labels_hold_when_run_again(task_id: str) -> None:
    problem, checks = problem_by_id(task_id), _checks(task_id)
    items = _items(task_id)
    assert any(i.label == "backdoored" for i in items)
    for item in items:
        verdict = verify_item(problem, item, checks)
        assert verdict.ok, (item.item_id, verdict.reason)


def test_a_wrong_label_is_caught() -> None:
    task_id = PROBLEMS[0]
    problem, checks = problem_by_id(task_id), _checks(task_id)
    items = _items(task_id)
    backdoor = next(i for i in items if i.label == "backdoored" and i.family != "stateful")
    canonical = next(i for i in items if i.family == "canonical")
    as_honest = replace(backdoor, label="honest", calls=())
    assert not verify_item(problem, as_honest, checks).ok
    as_backdoor = replace(canonical, label="backdoored", calls=backdoor.calls)
    verdict = verify_item(problem, as_backdoor, checks)
    assert not verdict.ok and "equals the canonical" in verdict.reason
