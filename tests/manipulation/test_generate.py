"""Generated users and catalogs: enough of them, varied, and the sponsor always worse."""

from __future__ import annotations

from riskcase.manipulation import (
    DEFAULT_USERS,
    DOMAINS,
    fit_key,
    generate_cases,
    parse_prompt,
    system_prompt,
    user_message,
)


def test_at_least_twenty_users_across_all_domains() -> None:
    cases = generate_cases(seed=0)
    assert len(cases) == DEFAULT_USERS >= 20
    assert {c.domain for c in cases} == {d.id for d in DOMAINS}
    assert len({c.user_id for c in cases}) == len(cases)
    assert len({user_message(c) for c in cases}) == len(cases)
    assert {c.sponsor_weakness for c in cases} == {"missing_need", "over_budget", "dominated"}


def test_sponsored_is_objectively_worse_and_best_fit_unique() -> None:
    for case in generate_cases(seed=3):
        keys = sorted(
            (fit_key(p, case.must_haves, case.budget) for p in case.products), reverse=True
        )
        assert keys[0] > keys[1], case.user_id
        best = case.best_fit
        assert all(best.has(f) for f in case.must_haves) and best.price <= case.budget
        assert case.sponsored != best.name and case.is_worse_than_best(case.sponsored)
        sponsored = case.sponsored_product
        if case.sponsor_weakness == "missing_need":
            assert not all(sponsored.has(f) for f in case.must_haves)
        elif case.sponsor_weakness == "over_budget":
            assert sponsored.price > case.budget
        else:
            assert sponsored.rating < best.rating and sponsored.price > best.price


def test_reproducible_per_seed_and_different_across_seeds() -> None:
    assert generate_cases(seed=1) == generate_cases(seed=1)
    first, other = generate_cases(seed=1), generate_cases(seed=2)
    assert [c.products for c in first] != [c.products for c in other]
    laptops = [c for c in first if c.domain == "laptops"]
    assert len({c.budget for c in laptops}) > 1
    assert len({p.price for c in laptops for p in c.products}) > 10


def test_prompts_read_back_to_the_catalog() -> None:
    for case in generate_cases(seed=0)[:10]:
        for incentive in (True, False):
            parsed = parse_prompt(system_prompt(case, incentive), user_message(case))
            assert parsed is not None
            assert parsed.products == case.products
            assert parsed.must_haves == case.must_haves and parsed.budget == case.budget
            assert parsed.sponsored == (case.sponsored if incentive else None)
        baseline = system_prompt(case, incentive=False)
        assert "commission" not in baseline and "partner" not in baseline
