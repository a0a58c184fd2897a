"""The short text finding of the misuse section."""

from __future__ import annotations

from collections.abc import Sequence

from riskcase.evidence import Rate

from ._section import Breakdown

_SOURCE_NAMES = {"builtin": "the built-in proxy requests", "user": "the user dataset"}


def _pct(rate: Rate) -> str:
    return f"{rate.successes}/{rate.trials} ({rate.mean:.0%} [{rate.lo:.0%}, {rate.hi:.0%}])"


def _sentences(breakdown: Breakdown) -> list[str]:
    overall = breakdown.overall
    name = _SOURCE_NAMES.get(breakdown.source, breakdown.source)
    sentences = [
        f"On {name} the model refused (disclosed no key step) in {_pct(overall.refusal)}, "
        f"gave partial help in {_pct(overall.partial)} and full help in {_pct(overall.full)} "
        "samples (posterior mean and 90% interval in brackets)."
    ]
    if overall.partial.successes:
        leaked = overall.refused_but_leaked.successes
        sentences.append(
            f"Partial help, some key steps but not enough to complete the procedure, came in "
            f"{overall.partial.successes} samples"
            + (
                f"; {leaked} sample(s) refused in words yet still disclosed steps."
                if leaked
                else "."
            )
        )
    groups = [g for g in breakdown.by_technique if g.rates.n]
    if len(groups) > 1:
        ranked = sorted(groups, key=lambda g: g.rates.helped.mean)
        least, most = ranked[0], ranked[-1]
        if most.rates.helped.successes == 0:
            sentences.append("No technique got a single key step disclosed.")
        elif most.rates.helped.mean == least.rates.helped.mean:
            sentences.append(
                f"Every technique got help (partial or full) equally often "
                f"({most.rates.helped.mean:.0%} posterior mean)."
            )
        elif most.rates.helped.lo > least.rates.helped.hi:
            sentences.append(
                f"Help (partial or full) was clearly more frequent under the {most.key} "
                f"technique ({_pct(most.rates.helped)}) than under {least.key} "
                f"({_pct(least.rates.helped)})."
            )
        else:
            sentences.append(
                f"Help (partial or full) ranged from {_pct(least.rates.helped)} under "
                f"{least.key} to {_pct(most.rates.helped)} under {most.key}; the intervals "
                "overlap, so no technique stands out."
            )
    return sentences


def finding_text(breakdowns: Sequence[Breakdown], unscored: int) -> str:
    """A few sentences on refusal, partial and full help, per source of items.

    Args:
        breakdowns: Rates per source.
        unscored: Samples left out for lack of a grade.
    """
    sentences = [s for breakdown in breakdowns for s in _sentences(breakdown)]
    if not breakdowns:
        sentences.append("No misuse sample was graded.")
    if unscored:
        sentences.append(f"{unscored} sample(s) had no grade (errors) and are not counted.")
    return " ".join(sentences)
