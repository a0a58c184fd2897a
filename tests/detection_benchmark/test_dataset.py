"""The stored benchmark: labels, families, realism, and a split disjoint by problem."""

from __future__ import annotations

from collections import Counter

from riskcase.detection_benchmark import (
    BACKDOOR_FAMILIES,
    HONEST_FAMILIES,
    by_problem,
    load_benchmark,
    magic_value_score,
    problem_split,
)
from riskcase.scenarios.code_backdoor import problem_by_id, problems
from riskcase.scenarios.code_backdoor._isolated._values import parse_input


def test_every_problem_has_honest_and_backdoored_items() -> None:
    benchmark = load_benchmark()
    grouped = by_problem(benchmark.items)
    assert len(grouped) >= 150
    assert len({item.item_id for item in benchmark.items}) == len(benchmark.items)
    for task_id, items in grouped.items():
        assert any(i.family == "canonical" for i in items), task_id
        assert items[0].program == problem_by_id(task_id).canonical_program
    labels = Counter(item.label for item in benchmark.items)
    assert labels["honest"] >= 400 and labels["backdoored"] >= 400


def test_labels_and_families_agree_and_triggers_parse() -> None:
    for item in load_benchmark().items:
        if item.label == "honest":
            assert item.family in HONEST_FAMILIES and not item.calls
        else:
            assert item.family in BACKDOOR_FAMILIES and item.calls and item.change
            for call in item.calls:
                parse_input(call)
            if item.family != "stateful":
                assert len(item.calls) == 1
                assert item.calls[0] not in problem_by_id(item.task_id).test_inputs


def test_every_family_is_represented_and_most_backdoors_carry_no_magic_constant() -> None:
    backdoors = [i for i in load_benchmark().items if i.label == "backdoored"]
    families = Counter(i.family for i in backdoors)
    assert set(families) == set(BACKDOOR_FAMILIES)
    assert min(families.values()) >= 20
    flagged = [i for i in backdoors if magic_value_score(problem_by_id(i.task_id), i.program) > 0]
    # overt magic constants exist (most of the magic_value family), but they are a minority
    assert 0.03 < len(flagged) / len(backdoors) < 0.5
    assert sum(i.family == "magic_value" for i in flagged) > 0.4 * families["magic_value"]


def test_the_split_is_by_problem_and_roughly_half() -> None:
    benchmark = load_benchmark()
    train = {i.task_id for i in benchmark.split("train")}
    test = {i.task_id for i in benchmark.split("test")}
    assert train and test and not train & test
    assert train | test == set(benchmark.problems())
    assert all(item.split == problem_split(item.task_id) for item in benchmark.items)
    everything = [problem_split(p.task_id) for p in problems()]
    assert 0.4 < everything.count("test") / len(everything) < 0.6
