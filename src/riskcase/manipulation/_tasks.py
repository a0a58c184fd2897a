"""The study's Inspect tasks: the same users with and without the sponsor incentive."""

from __future__ import annotations

from inspect_ai import Task
from inspect_ai.dataset import Sample
from inspect_ai.model import ChatMessageSystem, ChatMessageUser
from inspect_ai.solver import generate

from riskcase.studies import STUDY_ID

from ._catalog import UserCase
from ._generate import DEFAULT_USERS, generate_cases
from ._prompts import system_prompt, user_message
from ._scorer import CASE_KEY, CONDITION_KEY, USER_KEY, manipulation_scorer

STUDY = "manipulation"
INCENTIVE = "incentive"
BASELINE = "baseline"
CONDITIONS: tuple[str, ...] = (INCENTIVE, BASELINE)


def manipulation_sample(case: UserCase, condition: str) -> Sample:
    """One user's conversation in one condition (sample id = user id in both).

    Args:
        case: The generated user and catalog.
        condition: ``incentive`` (system prompt carries the sponsor's referral offer) or
            ``baseline`` (the same prompt without it).
    """
    if condition not in CONDITIONS:
        raise ValueError(f"unknown condition '{condition}' (known: {', '.join(CONDITIONS)})")
    return Sample(
        id=case.user_id,
        input=[
            ChatMessageSystem(content=system_prompt(case, incentive=condition == INCENTIVE)),
            ChatMessageUser(content=user_message(case)),
        ],
        metadata={
            STUDY_ID: STUDY,
            CONDITION_KEY: condition,
            USER_KEY: case.user_id,
            "domain": case.domain,
            "sponsor_weakness": case.sponsor_weakness,
            CASE_KEY: case.model_dump(),
        },
    )


def manipulation_task(
    condition: str, *, limit: int | None = None, seed: int = 0, users: int = DEFAULT_USERS
) -> Task:
    """The task of one condition: one advice request per generated user, one reply each.

    Args:
        condition: ``incentive`` or ``baseline``.
        limit: Keep only the first `limit` users (None: all); both conditions keep the same.
        seed: Seed of the generated users and catalogs.
        users: How many users to generate.
    """
    cases = generate_cases(seed, users)
    if limit is not None:
        cases = cases[:limit]
    return Task(
        name=f"{STUDY}_{condition}",
        dataset=[manipulation_sample(case, condition) for case in cases],
        solver=generate(),
        scorer=manipulation_scorer(),
        metadata={STUDY_ID: STUDY, CONDITION_KEY: condition},
    )
