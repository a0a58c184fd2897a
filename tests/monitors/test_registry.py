"""The monitor registry and the score-value helper."""

from __future__ import annotations

from typing import Any

import pytest
from inspect_ai.scorer import Score, Scorer, Target

from riskcase.monitors import _registry, get_monitor, monitor, monitor_names, monitor_score_value


def test_builtin_monitors_are_registered() -> None:
    assert {
        "rule_monitor",
        "llm_monitor",
        "protected_files_monitor",
        "egress_monitor",
        "monitoring_disabled_monitor",
        "persistence_monitor",
        "obfuscation_monitor",
        "magic_value_monitor",
    } <= set(monitor_names())


def test_unknown_monitor_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="rule_monitor"):
        get_monitor("no_such_monitor")


async def test_registering_a_monitor_makes_it_available(
    tx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_registry, "_MONITORS", dict(_registry._MONITORS))

    @monitor("constant_test_monitor")
    def constant(value: float = 0.25) -> Scorer:
        async def score(state: Any, target: Target) -> Score:
            return Score(value=value)

        return score

    assert "constant_test_monitor" in monitor_names()
    scorer = get_monitor("constant_test_monitor", value=0.75)
    result = await scorer(tx.state("task"), Target(""))
    assert result is not None and result.value == 0.75


def test_a_name_cannot_be_taken_twice() -> None:
    def other() -> Scorer:
        raise AssertionError("never built")

    with pytest.raises(ValueError, match="already registered"):
        monitor("rule_monitor")(other)


def test_monitor_score_value_recognises_missing_scores() -> None:
    assert monitor_score_value(Score(value=0.4)) == 0.4
    assert monitor_score_value(Score(value=1)) == 1.0
    assert monitor_score_value(Score.unscored(reason="grader_failed")) is None
    assert monitor_score_value(None) is None
    assert monitor_score_value(Score(value="C")) is None
    assert monitor_score_value(Score(value=True)) is None


def test_monitor_options_say_which_monitors_need_a_trusted_model() -> None:
    from riskcase.monitors import monitor_options

    assert "model" in monitor_options("llm_monitor")
    assert "model" not in monitor_options("rule_monitor")
    with pytest.raises(KeyError, match="unknown monitor"):
        monitor_options("no_such_monitor")
