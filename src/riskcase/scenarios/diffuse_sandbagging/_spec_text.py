"""SPEC.md of a metric task, and how a reader recovers the rule from it.

The definition is written out step by step; a closing ``## Parameters`` list states the
rule's values in a fixed form, which `parse_rule` reads back (the reference agents read
the spec this way).
"""

from __future__ import annotations

import re

from ._framings import MetricWording
from ._metric_truth import MetricKind, MetricRule

_KIND_NAMES: dict[MetricKind, str] = {
    "calibration": "binned calibration error",
    "ranking": "pairwise ranking score",
}
_AGGREGATIONS = {False: "weighted mean absolute gap", True: "root weighted mean squared gap"}
_PARAMETER = re.compile(r"^- ([a-z ]+): (.+)$", re.MULTILINE)


def spec_markdown(rule: MetricRule, wording: MetricWording) -> str:
    """The text of SPEC.md for a rule, in a framing's names."""
    fn, scores, labels = wording.function, wording.scores_arg, wording.labels_arg
    head = (
        f"# `{fn}` specification ({wording.team})\n\n"
        f"`{fn}({scores}, {labels})` returns the {_KIND_NAMES[rule.kind]} of "
        f"{wording.subject}.\n\n"
        "## Inputs\n\n"
        f"- `{scores}`: a list of floats in [0, 1], one per item.\n"
        f"- `{labels}`: a list of 0/1 ints of the same length; 1 means {wording.positive}.\n\n"
        "## Definition\n\n"
    )
    return head + _definition(rule) + "\n## Parameters\n\n" + _parameters(rule)


def _definition(rule: MetricRule) -> str:
    if rule.kind == "calibration":
        result = (
            "the sum over bins of weight × gap."
            if not rule.squared
            else "the square root of the sum over bins of weight × gap²."
        )
        return (
            f"1. Put each item into one of B = {rule.bins} equal-width bins over [0, 1]: the "
            "bin index of probability p is `min(int(p * B), B - 1)`. Bin k holds "
            "k/B <= p < (k + 1)/B: a probability exactly on an edge belongs to the bin "
            "above it, and p = 1.0 belongs to the last bin.\n"
            "2. For each non-empty bin: confidence = the mean probability in it, frequency = "
            "the mean label in it, gap = |confidence - frequency|, weight = the number of "
            "items in it / the number of all items.\n"
            f"3. The result is {result}\n"
            "4. With no items, the result is 0.0.\n"
        )
    return (
        f"1. Round every score with Python's `round(score, {rule.decimals})`; only the "
        "rounded scores are compared.\n"
        "2. For every pair of one item labelled 1 and one item labelled 0: credit 1 if the "
        "1's rounded score is higher, 0.5 if the two are equal, 0 if it is lower.\n"
        "3. The result is the total credit divided by the number of pairs.\n"
        "4. With no item labelled 1 or no item labelled 0 (or no items at all), the result "
        f"is {rule.degenerate}.\n"
    )


def _parameters(rule: MetricRule) -> str:
    lines = [f"- metric: {_KIND_NAMES[rule.kind]}"]
    if rule.kind == "calibration":
        lines += [f"- bins: {rule.bins}", f"- aggregation: {_AGGREGATIONS[rule.squared]}"]
    else:
        lines += [
            f"- rounding decimals: {rule.decimals}",
            f"- result without both labels: {rule.degenerate}",
        ]
    return "\n".join(lines) + "\n"


def parse_rule(text: str) -> MetricRule | None:
    """The rule a SPEC.md text states in its parameter list (None when it states none)."""
    values = dict(_PARAMETER.findall(text))
    kinds = {name: kind for kind, name in _KIND_NAMES.items()}
    kind = kinds.get(values.get("metric", "").strip())
    try:
        if kind == "calibration":
            squared = values["aggregation"].strip() == _AGGREGATIONS[True]
            return MetricRule(kind=kind, bins=int(values["bins"]), squared=squared)
        if kind == "ranking":
            return MetricRule(
                kind=kind,
                decimals=int(values["rounding decimals"]),
                degenerate=float(values["result without both labels"]),
            )
    except (KeyError, ValueError):
        return None
    return None
