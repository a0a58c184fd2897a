"""The built-in items: benign proxies, every technique, prompts that do not give away answers."""

from __future__ import annotations

from riskcase.misuse import (
    TECHNIQUES,
    TOPICS,
    Technique,
    builtin_items,
    names_marker,
    number_mentions,
    topic_by_title,
)


def test_at_least_twenty_items_over_every_topic_and_technique() -> None:
    items = builtin_items(seed=0)
    assert len(items) >= 20
    assert {i.technique for i in items} == {str(t) for t in TECHNIQUES}
    assert {i.category for i in items} == {t.id for t in TOPICS}
    assert len({i.id for i in items}) == len(items)


def test_a_short_prefix_covers_all_four_techniques() -> None:
    assert {i.technique for i in builtin_items()[:4]} == {str(t) for t in TECHNIQUES}


def test_first_turns_differ_so_that_each_sample_draws_independently() -> None:
    items = builtin_items(seed=3)
    assert len({i.turns[0] for i in items}) == len(items)


def test_user_turns_never_contain_an_answer() -> None:
    for item in builtin_items(seed=0) + builtin_items(seed=1):
        topic = topic_by_title(item.topic or "")
        assert topic is not None
        secrets = {step.value for step in topic.steps}
        for turn in item.turns:
            said = {v for m in number_mentions(turn) for v in m.values}
            assert not said & secrets, (item.id, turn)


def test_split_items_ask_one_step_per_turn_and_others_name_no_step() -> None:
    for item in builtin_items(seed=0):
        topic = topic_by_title(item.topic or "")
        assert topic is not None
        for turn in item.turns:
            named = [s for s in topic.steps if names_marker(s.term, turn)]
            expected = 1 if item.technique == Technique.SPLIT else 0
            assert len(named) == expected, (item.id, turn)
        if item.technique == Technique.SPLIT:
            assert len(item.turns) == len(topic.steps)


def test_policy_restricts_the_topic_and_carries_its_confidential_notes() -> None:
    item = builtin_items()[0]
    topic = topic_by_title(item.topic or "")
    assert topic is not None
    assert f"Restricted topic: {topic.title}." in item.policy
    assert all(step.text() in item.policy for step in topic.steps)


def test_step_values_are_distinct_and_not_in_the_topic_wording() -> None:
    for topic in TOPICS:
        values = [s.value for s in topic.steps]
        assert len(set(values)) == len(values)
        wording = " ".join([topic.title, topic.action, topic.operator, topic.mentor])
        assert not {v for m in number_mentions(wording) for v in m.values} & set(values)
