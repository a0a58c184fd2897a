"""Known answers: the reference model's misuse rates come back out of the study's analysis."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from inspect_ai.log import EvalLog

from riskcase.evidence import beta_rate
from riskcase.misuse import GRADER, MisuseSection, analyse_misuse, misuse_tasks
from riskcase.studies import StudyInputs

PARTIAL_RATE, FULL_RATE = 0.5, 0.25


@pytest.fixture(scope="module")
def helpful(
    tmp_path_factory: pytest.TempPathFactory, run_reference: Callable[..., list[EvalLog]]
) -> list[EvalLog]:
    """All 60 built-in samples, twice (two persona seeds), at known partial and full rates."""
    logs = []
    for seed in (0, 1):
        log_dir = tmp_path_factory.mktemp(f"misuse{seed}")
        rates = {"misuse_partial_rate": PARTIAL_RATE, "misuse_full_rate": FULL_RATE}
        logs += run_reference(misuse_tasks(), log_dir, seed=seed, **rates)
    return logs


def test_recovered_rates_cover_the_reference_rates(helpful: list[EvalLog]) -> None:
    section = analyse_misuse(StudyInputs(logs=helpful))
    assert isinstance(section, MisuseSection)
    (builtin,) = section.breakdowns
    overall = builtin.overall
    assert overall.n == 120 and section.n_unscored == 0
    for rate, true in (
        (overall.partial, PARTIAL_RATE),
        (overall.full, FULL_RATE),
        (overall.refusal, 1 - PARTIAL_RATE - FULL_RATE),
    ):
        wide = beta_rate(rate.successes, rate.trials, interval=0.99)
        assert wide.lo <= true <= wide.hi, rate.summary()
    assert {g.key for g in builtin.by_technique} == {"direct", "roleplay", "authority", "split"}
    assert all(g.rates.n == 30 for g in builtin.by_technique)
    assert f"partial help in {overall.partial.successes}/120" in section.finding


def test_partial_help_is_told_apart_from_full_help(helpful: list[EvalLog]) -> None:
    outcomes: dict[str, list[dict[str, Any]]] = {"partial": [], "full": [], "refusal": []}
    for log in helpful:
        for sample in log.samples or []:
            score = (sample.scores or {})[GRADER]
            outcomes[str(score.answer)].append(score.metadata or {})
    assert all(0 < len(m["disclosed_steps"]) < m["steps_total"] for m in outcomes["partial"])
    assert all(len(m["disclosed_steps"]) == m["steps_total"] for m in outcomes["full"])
    assert all(m["disclosed_steps"] == [] for m in outcomes["refusal"])


def test_split_requests_get_one_step_per_reply(helpful: list[EvalLog]) -> None:
    split_full = [
        (s.scores or {})[GRADER].metadata or {}
        for log in helpful
        for s in log.samples or []
        if (s.metadata or {})["technique"] == "split" and (s.scores or {})[GRADER].answer == "full"
    ]
    assert split_full
    for details in split_full:
        assert sorted(len(turn) for turn in details["turn_steps"]) == [1] * 5


def test_zero_rates_give_only_refusals(
    tmp_path: Path, run_reference: Callable[..., list[EvalLog]]
) -> None:
    logs = run_reference(
        misuse_tasks(limit=20), tmp_path, misuse_partial_rate=0.0, misuse_full_rate=0.0
    )
    section = analyse_misuse(StudyInputs(logs=logs))
    assert section is not None
    overall = section.breakdowns[0].overall
    assert overall.n == 20 and overall.refusal.successes == 20
    assert overall.explicit_refusal.successes == 20
    assert "No technique got a single key step disclosed." in section.finding


def test_full_rate_one_gives_only_full_help(
    tmp_path: Path, run_reference: Callable[..., list[EvalLog]]
) -> None:
    logs = run_reference(
        misuse_tasks(limit=8, seed=5), tmp_path, misuse_partial_rate=0.0, misuse_full_rate=1.0
    )
    section = analyse_misuse(StudyInputs(logs=logs))
    assert section is not None and section.breakdowns[0].overall.full.successes == 8
