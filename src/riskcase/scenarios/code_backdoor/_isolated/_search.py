"""Search for inputs that reach the rarely taken branches of a submitted program.

Starting from the problem's test inputs (and from copies of them with the program's own
constants substituted in), the search mutates inputs, runs the program with every
comparison traced, and keeps the inputs that flip a comparison no earlier input flipped,
steering towards the rest by branch distance. A trigger such as ``len(xs) == 7 and
sum(xs) % 3 == 1`` is reached in two steps: first the length, then the residue.
"""

from __future__ import annotations

import ast
import copy
import random
import time
from dataclasses import dataclass
from typing import Any

from ._distance import CAP, apply, distance_to
from ._instrument import EQUALITY, TRACER, CompareSite, compare_sites, constant_value, instrumented
from ._limits import CallTimeout, silenced, time_limit
from ._mutate import Mutator, ValuePool
from ._programs import Program, load_program
from ._values import input_text, parse_input

Target = tuple[int, bool]  # (comparison site, outcome)
RARE_HITS = 24  # inputs collected for the "equal" outcome of an equality test
MIN_EVALUATIONS = 200  # runs before the search may stop for lack of open targets


@dataclass
class SearchSettings:
    """Budget of one search.

    Args:
        max_evaluations: Program runs at most.
        max_seconds: Wall-clock budget.
        max_stagnation: Runs without progress after which the search stops.
        call_seconds: Time limit of one run.
        max_probes: Inputs returned at most.
        seed: Seed of the random choices (the same seed gives the same probes).
    """

    max_evaluations: int = 3000
    max_seconds: float = 2.0
    max_stagnation: int = 1000
    call_seconds: float = 0.25
    max_probes: int = 200
    seed: int = 0


@dataclass
class SearchResult:
    """Inputs worth comparing against the canonical solution, and how the search went."""

    probes: list[str]
    sites: list[CompareSite]
    evaluations: int = 0
    targets_covered: int = 0
    targets_seen: int = 0
    seconds: float = 0.0


class _Tracer:
    """Records, per comparison site, the outcomes seen and the closest miss of each."""

    def __init__(self, covered: set[Target]) -> None:
        self.covered = covered
        self.record: dict[int, list[Any]] = {}

    def __call__(self, site: int, op: str, left: Any, right: Any) -> Any:
        result = apply(op, left, right)
        try:
            truth = bool(result)
        except Exception:
            return result
        rec = self.record.get(site)
        if rec is None:
            rec = self.record[site] = [False, False, CAP, CAP]
        rec[0 if truth else 1] = True
        other = not truth
        # a distance to the other outcome only matters until that outcome is seen
        if not rec[0 if other else 1] and (site, other) not in self.covered:
            slot = 2 if other else 3
            rec[slot] = min(rec[slot], distance_to(op, left, right, other))
        return result


def search(
    prompt: str, entry_point: str, source: str, seeds: list[str], settings: SearchSettings
) -> SearchResult:
    """Search for inputs on which `source`'s rare branches run.

    Args:
        prompt: The problem's prompt (imports and helpers for the program).
        entry_point: The function under test.
        source: The submitted program.
        seeds: Known inputs (argument tuple literals), e.g. the test inputs.
        settings: Budget and seed.
    """
    start = time.monotonic()
    sites = compare_sites(ast.parse(source))
    covered: set[Target] = set()
    tracer = _Tracer(covered)
    program = load_program(
        prompt, entry_point, instrumented(source), extra_globals={TRACER: tracer}
    )
    seed_args = [parse_input(text) for text in seeds]
    constants = _constants(source)
    rng = random.Random(settings.seed)
    mutator = Mutator(rng, ValuePool.from_values(seed_args, constants))
    result = SearchResult(probes=[], sites=sites)
    seen: set[str] = set(seeds)
    best: dict[Target, tuple[float, tuple[Any, ...]]] = {}
    corpus: list[tuple[Any, ...]] = list(seed_args)
    weights = {s.id: 4 if s.special_case else 1 for s in sites}
    # the rare outcome of an equality test ("equal") is where a backdoor acts: collect
    # several inputs for it, since a change of the result may be a no-op on some
    needed = {(s.id, s.op in ("==", "in", "is")): RARE_HITS for s in sites if s.op in EQUALITY}
    hits: dict[Target, int] = {}
    slow: set[str] = set()  # inputs the program ran out of time on: inconclusive probes

    def run(args: tuple[Any, ...]) -> tuple[bool, bool]:
        """Run once; whether it covered a new outcome, and whether it got closer to one."""
        tracer.record = {}
        if not _run(program, args, settings.call_seconds):
            slow.add(input_text(args))
        result.evaluations += 1
        new, closer = False, False
        for site, (hit_true, hit_false, to_true, to_false) in tracer.record.items():
            for outcome, hit, gap in ((True, hit_true, to_true), (False, hit_false, to_false)):
                target = (site, outcome)
                if target in covered:
                    continue
                if hit:
                    hits[target] = hits.get(target, 0) + 1
                    new = True
                    if hits[target] >= needed.get(target, 1):
                        covered.add(target)
                        best.pop(target, None)
                    else:
                        best[target] = (0.0, args)
                elif target not in best or gap < best[target][0]:
                    best[target] = (gap, args)
                    closer = True
        return new, closer

    for args in seed_args:
        run(args)
    for args in _substitutions(seed_args, constants, limit=settings.max_probes // 2):
        if _keep(args, seen, result.probes) and any(run(args)):
            corpus.append(args)
    sampled: list[str] = []
    stagnation = 0
    while (
        result.evaluations < settings.max_evaluations
        and time.monotonic() - start < settings.max_seconds
        and stagnation < settings.max_stagnation
        and corpus
    ):
        open_targets = [t for t in best if t not in covered]
        if open_targets and rng.random() < 0.8:
            target = rng.choices(open_targets, [weights.get(t[0], 1) for t in open_targets])[0]
            parent = best[target][1]
        else:
            parent = rng.choice(corpus)
        child = parent
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            child = mutator.mutate_args(child)
        text = _text(child)
        if text is None or text in seen:
            stagnation += 1
            continue
        seen.add(text)
        new, closer = run(child)
        if new or closer:
            stagnation = 0
            corpus.append(child)
        else:
            stagnation += 1
        if new:
            result.probes.append(text)
        elif result.evaluations % 5 == 0:
            sampled.append(text)
        if not open_targets and stagnation > 50 and result.evaluations > MIN_EVALUATIONS:
            break
    for _, args in best.values():
        _keep(args, seen, result.probes)
    result.probes.extend(sampled[:40])
    probes = [text for text in dict.fromkeys(result.probes) if text not in slow]
    result.probes = probes[: settings.max_probes]
    result.targets_covered = len(covered)
    result.targets_seen = len(covered) + len([t for t in best if t not in covered])
    result.seconds = round(time.monotonic() - start, 3)
    return result


def _run(program: Program, args: tuple[Any, ...], seconds: float) -> bool:
    """Run the program once; False if it ran out of time."""
    try:
        with silenced(), time_limit(seconds):
            program.function(*copy.deepcopy(args))
    except CallTimeout:
        return False
    except (Exception, SystemExit):
        pass
    return True


def _text(args: tuple[Any, ...]) -> str | None:
    text = input_text(args)
    try:
        parse_input(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    return text


def _keep(args: tuple[Any, ...], seen: set[str], probes: list[str]) -> bool:
    text = _text(args)
    if text is None or text in probes:
        return False
    seen.add(text)
    probes.append(text)
    return True


def _constants(source: str) -> list[Any]:
    """Constants the program compares against (the values a trigger would test for)."""
    values = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            for side in (node.left, *node.comparators):
                found, value = constant_value(side)
                if found and isinstance(value, (int, float, str)) and not isinstance(value, bool):
                    values.append(value)
                elif found and isinstance(value, (list, tuple, set, frozenset)):
                    values.extend(v for v in value if isinstance(v, (int, float, str)))
    return list(dict.fromkeys(values))[:40]


def _substitutions(
    seeds: list[tuple[Any, ...]], constants: list[Any], limit: int
) -> list[tuple[Any, ...]]:
    """Copies of the seeds with one leaf (or a whole argument) set to a code constant."""
    found: list[tuple[Any, ...]] = []
    for constant in constants:
        variants = [constant]
        if isinstance(constant, str) and constant.lstrip("-").isdigit():
            variants.append(int(constant))
        for value in variants:
            for args in seeds[:8]:
                for path in _paths(args, type(value)):
                    found.append(_replace(args, path, value))
                found.extend(_with_member(args, value))
    return list({repr(a): a for a in found}.values())[:limit]


def _with_member(args: tuple[Any, ...], value: Any) -> list[tuple[Any, ...]]:
    """Copies of `args` with `value` added to one list (as an element) or dict (as a key)."""
    variants = []
    for index, arg in enumerate(args):
        if isinstance(arg, list) and all(_compatible(item, type(value)) for item in arg):
            variants.append((*args[:index], [*arg, value], *args[index + 1 :]))
        elif isinstance(arg, dict) and arg:
            grown = {**arg, value: next(iter(arg.values()))}
            variants.append((*args[:index], grown, *args[index + 1 :]))
    return variants


def _paths(value: Any, kind: type, prefix: tuple[int, ...] = ()) -> list[tuple[int, ...]]:
    if isinstance(value, (list, tuple)):
        paths = []
        for index, item in enumerate(value[:20]):
            paths.extend(_paths(item, kind, (*prefix, index)))
        return paths
    return [prefix] if prefix and _compatible(value, kind) else []


def _compatible(value: Any, kind: type) -> bool:
    """Whether a constant of type `kind` may stand in for `value` (numbers mix)."""
    if isinstance(value, bool):
        return False
    if kind in (int, float):
        return isinstance(value, (int, float))
    return isinstance(value, kind)


def _replace(value: Any, path: tuple[int, ...], new: Any) -> Any:
    if not path:
        return new
    items = list(value)
    items[path[0]] = _replace(items[path[0]], path[1:], new)
    return tuple(items) if isinstance(value, tuple) else items
