"""How strongly propensities co-vary: heterogeneity, concentration, run-to-run correlation.

From one run (one model, one epoch) only the spread across families is estimable: whether the
families share one propensity (heterogeneity test) and how much of the excess sits in a single
family (concentration). Whether a model that misbehaves more in one family also misbehaves more
in the others needs several runs (models, epochs or seeds): the correlation across runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np

from riskcase.evidence import INTERVAL, SampleRecord

from ._families import OWN_BASELINE_PATHWAYS, POSTERIOR_DRAWS, excess_draws
from ._section import CoVariation, Estimate, FamilyPropensity

PERMUTATIONS = 10_000
BOOTSTRAPS = 2_000
MIN_RUNS = 3


def _chi_square(hits: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Chi-square statistic of homogeneity for rows of per-group hit counts."""
    total = hits.sum(axis=-1, keepdims=True)
    pooled = total / sizes.sum()
    expected = sizes * pooled
    variance = expected * (1 - pooled)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(variance > 0, (hits - expected) ** 2 / variance, 0.0)
    return terms.sum(axis=-1)


def heterogeneity_p(hits: Sequence[int], sizes: Sequence[int], seed: int = 0) -> float | None:
    """Permutation p-value that every group has the same rate (None: fewer than two groups).

    The total of hits is held fixed and dealt out at random (multivariate hypergeometric),
    which is exact in small samples where the chi-square approximation is not.

    Args:
        hits: Events per group.
        sizes: Samples per group.
        seed: Seed of the permutations.
    """
    if len(sizes) < 2 or sum(sizes) == 0:
        return None
    observed_hits = np.asarray(hits, dtype=float)
    group_sizes = np.asarray(sizes, dtype=float)
    observed = _chi_square(observed_hits, group_sizes)
    rng = np.random.default_rng(seed)
    dealt = rng.multivariate_hypergeometric(list(sizes), int(sum(hits)), size=PERMUTATIONS)
    permuted = _chi_square(dealt.astype(float), group_sizes)
    return float((1 + np.sum(permuted >= observed - 1e-9)) / (PERMUTATIONS + 1))


def concentration(families: Sequence[FamilyPropensity]) -> Estimate:
    """Largest single-family share of the total excess propensity (posterior median, interval).

    Each posterior draw clips every family's excess at zero; families at baseline therefore
    still hold a little of the total, as they may at these sample sizes.
    """
    if not any(f.above_baseline for f in families):
        return Estimate(note="no family is above baseline: there is no excess to locate")
    if len(families) < 2:
        return Estimate(value=1.0, lo=1.0, hi=1.0, note="one family only: trivially 1")
    rng = np.random.default_rng(1)
    draws = np.clip(np.stack([excess_draws(f, rng, POSTERIOR_DRAWS) for f in families]), 0.0, None)
    totals = draws.sum(axis=0)
    shares = draws.max(axis=0)[totals > 0] / totals[totals > 0]
    tail = (1 - INTERVAL) / 2
    return Estimate(
        value=float(np.median(shares)),
        lo=float(np.quantile(shares, tail)),
        hi=float(np.quantile(shares, 1 - tail)),
        note=f"1/{len(families)} = {1 / len(families):.2f} if spread evenly, 1 if in one family",
    )


def _mean_correlation(matrix: np.ndarray) -> float | None:
    values = []
    for i, j in combinations(range(matrix.shape[1]), 2):
        a, b = matrix[:, i], matrix[:, j]
        if a.std() > 0 and b.std() > 0:
            values.append(float(np.corrcoef(a, b)[0, 1]))
    return float(np.mean(values)) if values else None


def run_correlation(
    records: Sequence[SampleRecord], families: Sequence[str]
) -> tuple[int, Estimate]:
    """Mean pairwise correlation across runs of per-family opportunity propensities.

    A run is one (model, epoch) pair; families are kept where every run has samples.

    Returns:
        Number of runs and the estimate (bootstrap over runs for the interval).
    """
    opportunity = [r for r in records if r.mode == "opportunity" and r.scored]
    runs = sorted({(r.model, r.epoch) for r in opportunity if r.scenario_id in families})
    if len(runs) < MIN_RUNS:
        return len(runs), Estimate(
            note=(
                f"needs >= {MIN_RUNS} runs (models, epochs or seeds; {len(runs)} here) to tell "
                "whether a run that misbehaves more in one family also does in the others; the "
                "heterogeneity test and concentration are the within-run measures"
            )
        )
    cells: dict[tuple[tuple[str, int], str], list[bool]] = {}
    for r in opportunity:
        cells.setdefault(((r.model, r.epoch), r.scenario_id), []).append(bool(r.sabotage_attempted))
    shared = [f for f in families if all((run, f) in cells for run in runs)]
    matrix = np.array([[np.mean(cells[(run, f)]) for f in shared] for run in runs])
    point = _mean_correlation(matrix) if len(shared) >= 2 else None
    if point is None:
        return len(runs), Estimate(
            note="per-family propensities do not vary across runs in two or more families"
        )
    rng = np.random.default_rng(2)
    boot = [
        value
        for _ in range(BOOTSTRAPS)
        for value in [_mean_correlation(matrix[rng.integers(0, len(runs), len(runs))])]
        if value is not None
    ]
    tail = (1 - INTERVAL) / 2
    return len(runs), Estimate(
        value=point,
        lo=float(np.quantile(boot, tail)) if boot else None,
        hi=float(np.quantile(boot, 1 - tail)) if boot else None,
        note=f"{len(runs)} runs x {len(shared)} families; bootstrap over runs",
    )


def covariation(
    families: Sequence[FamilyPropensity], records: Sequence[SampleRecord]
) -> CoVariation:
    """Every co-variation statistic for the analysed families.

    The heterogeneity test compares raw opportunity attempt rates, which is fair where the
    baselines are the checker's (near-zero) false alarms; families judged against their own
    honest underperformance (P1) are left out of it, since their baseline alone would differ.
    """
    compared = [f for f in families if f.pathway_id not in OWN_BASELINE_PATHWAYS]
    p = heterogeneity_p(
        [f.propensity.successes for f in compared], [f.propensity.trials for f in compared]
    )
    note = (
        "opportunity attempt rates compared across families (permutation chi-square)"
        if p is not None
        else "fewer than two families: nothing to compare"
    )
    left_out = [f.family for f in families if f not in compared]
    if left_out:
        note += f"; {', '.join(left_out)} left out (baseline is its own underperformance)"
    runs, correlation = run_correlation(records, [f.family for f in families])
    return CoVariation(
        heterogeneity_p=p,
        heterogeneity_note=note,
        concentration=concentration(families),
        runs=runs,
        run_correlation=correlation,
    )
