"""Generate the benchmark: honest and backdoored solutions per problem, verified by execution.

Per problem (seeded by the problem's id, so problems are independent of each other):

1. honest: the canonical solution and up to two behaviour-preserving rewrites;
2. backdoors: every family is tried in a random order; for each, a few triggers are drawn
   (`TriggerMaker`, or `_stateful`), the canonical solution is run on their inputs, and
   programs are written with changes that fit its output (`_backdoors`), starting from
   the canonical solution or a cosmetic rewrite of it;
3. every candidate is run (`_verify`) and kept only if its label holds; the first
   verified candidate of each family is kept, up to `backdoors_per_problem` families.

The same seed gives the same items, except where execution itself varies: on problems
whose tests draw random inputs (HumanEval/32, 38, 50, 53) and where a call's time limit
decides (a rewrite that runs out of time on a check input is dropped). The stored set is
the reference; `verify_item` re-establishes any item's label.
"""

from __future__ import annotations

import concurrent.futures
import functools
import random
from collections.abc import Callable, Sequence
from typing import Any

from riskcase.scenarios.code_backdoor import Problem, input_text, parse_input, problems

from ._candidates import Candidate, candidates, readable, stateful_candidates, texts
from ._items import BACKDOOR_FAMILIES, BenchmarkItem, BenchmarkSet
from ._rare import varied
from ._rewrites import rewritten
from ._triggers import Trigger, TriggerMaker
from ._verify import (
    ProgramRun,
    backdoor_holds,
    canonical_outputs,
    honest_holds,
    run_programs,
    tests_pass_repeatedly,
)

HONEST_REWRITES = (
    ["swapped_equalities", "rename_locals", "named_returns"],
    ["rename_locals", "helper_split"],
    ["named_returns", "swapped_equalities"],
)
TRIGGER_ATTEMPTS = 12
CHECK_VARIANTS = 100


def generate_benchmark(
    task_ids: Sequence[str] | None = None,
    seed: int = 0,
    backdoors_per_problem: int = 4,
    workers: int = 1,
    progress: Callable[[str], None] | None = None,
) -> BenchmarkSet:
    """Generate and verify the benchmark for some (default all 164) HumanEval problems.

    Args:
        task_ids: The problems (HumanEval ids); None for all.
        seed: Seed of every choice (with the problem's id: the result does not depend
            on which other problems are generated, nor on `workers`).
        backdoors_per_problem: Backdoor families kept per problem at most.
        workers: Problems generated in parallel (processes).
        progress: Called with each problem's id as it is done.
    """
    wanted = set(task_ids) if task_ids is not None else None
    chosen = [p for p in problems() if wanted is None or p.task_id in wanted]
    job = functools.partial(
        generate_problem, seed=seed, backdoors_per_problem=backdoors_per_problem
    )
    items: list[BenchmarkItem] = []
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        for problem, found in zip(chosen, pool.map(job, chosen), strict=True):
            items += found
            if progress is not None:
                progress(problem.task_id)
    notes = {"backdoors_per_problem": backdoors_per_problem, "families": list(BACKDOOR_FAMILIES)}
    return BenchmarkSet(items=tuple(items), seed=seed, notes=notes)


def generate_problem(
    problem: Problem, seed: int, backdoors_per_problem: int
) -> list[BenchmarkItem]:
    """The verified items of one problem."""
    rng = random.Random(f"{seed}:{problem.task_id}")
    tests = [parse_input(text) for text in problem.test_inputs]
    full = [t for t in tests if len(t) == len(problem.parameters)]
    triggers = _triggers(problem, tests, rng)
    bases = [rng.choice(full) for _ in range(3)] if full else []
    lookup = list(
        dict.fromkeys([input_text(t.args) for ts in triggers.values() for t in ts] + texts(bases))
    )
    canonical = dict(zip(lookup, canonical_outputs(problem, lookup), strict=True))
    found = candidates(problem, triggers, canonical, rng)
    found += stateful_candidates(problem, bases, full, canonical, rng)
    verified = _verify_backdoors(problem, found)
    kept: list[BenchmarkItem] = []
    for family in _family_order(rng):
        found = [c for c in verified if c.family == family]
        if found and len(kept) < backdoors_per_problem:
            chosen = found[0]
            kept.append(
                BenchmarkItem(
                    f"{problem.task_id}:{family}",
                    problem.task_id,
                    "backdoored",
                    family,
                    chosen.written.program,
                    chosen.calls,
                    chosen.written.change,
                )
            )
    return _honest(problem, tests, lookup, rng) + kept


def check_inputs(problem: Problem, extra: Sequence[str], seed: int = 0) -> list[str]:
    """Inputs to check an honest rewrite on: the tests, `extra`, and random variants."""
    rng = random.Random(f"check:{seed}:{problem.task_id}")
    tests = [parse_input(text) for text in problem.test_inputs]
    variants = [tuple(varied(v, rng) for v in rng.choice(tests)) for _ in range(CHECK_VARIANTS)]
    found = [*problem.test_inputs, *extra, *texts(variants)]
    return list(dict.fromkeys(t for t in found if readable(t)))


def _family_order(rng: random.Random) -> list[str]:
    order = list(BACKDOOR_FAMILIES)
    rng.shuffle(order)
    return order


def _triggers(
    problem: Problem, tests: list[tuple[Any, ...]], rng: random.Random
) -> dict[str, list[Trigger]]:
    maker = TriggerMaker(problem.parameters, tests, problem.prompt, rng)
    found: dict[str, list[Trigger]] = {}
    for family in BACKDOOR_FAMILIES:
        if family == "stateful":
            continue
        chosen: list[Trigger] = []
        for _ in range(TRIGGER_ATTEMPTS):
            trigger = maker.make(family)
            if trigger is not None and trigger.condition not in {t.condition for t in chosen}:
                if readable(input_text(trigger.args)):
                    chosen.append(trigger)
            if len(chosen) >= 3:
                break
        found[family] = chosen
    return found


def _verify_backdoors(problem: Problem, candidates: list[Candidate]) -> list[Candidate]:
    single = [c for c in candidates if len(c.calls) == 1]
    inputs = list(dict.fromkeys(c.calls[0] for c in single))
    reference = dict(zip(inputs, canonical_outputs(problem, inputs), strict=True))
    runs = run_programs(problem, {str(i): c.written.program for i, c in enumerate(single)}, inputs)
    verified = []
    for index, candidate in enumerate(single):
        run = runs[str(index)]
        at = inputs.index(candidate.calls[0])
        outputs = run.outputs[at : at + 1] if run.outputs else []
        mine = ProgramRun(run.load_error, run.tests_passed, outputs)
        if backdoor_holds(mine, reference[candidate.calls[0]]).ok:
            verified.append(candidate)
    for candidate in candidates:
        if len(candidate.calls) > 1:
            run = run_programs(problem, {"c": candidate.written.program}, candidate.calls)["c"]
            last = canonical_outputs(problem, candidate.calls[-1:])[-1]
            if backdoor_holds(run, last).ok:
                verified.append(candidate)
    if "random" in problem.test and verified:
        passing = tests_pass_repeatedly(
            problem, {str(i): c.written.program for i, c in enumerate(verified)}
        )
        verified = [c for i, c in enumerate(verified) if passing[str(i)]]
    return verified


def _honest(
    problem: Problem, tests: list[tuple[Any, ...]], extra: list[str], rng: random.Random
) -> list[BenchmarkItem]:
    programs = {"canonical": problem.canonical_program}
    for plan in rng.sample(HONEST_REWRITES, 2):
        source, applied = rewritten(problem.canonical_program, problem.entry_point, list(plan), rng)
        if applied and source not in programs.values():
            programs[f"rewrite-{len(programs)}"] = source
    checks = check_inputs(problem, extra)
    reference = canonical_outputs(problem, checks)
    runs = run_programs(problem, programs, checks)
    items = []
    for name, source in programs.items():
        if honest_holds(runs[name], reference).ok:
            family = "canonical" if name == "canonical" else "rewrite"
            items.append(
                BenchmarkItem(
                    f"{problem.task_id}:{name}", problem.task_id, "honest", family, source
                )
            )
    return items
