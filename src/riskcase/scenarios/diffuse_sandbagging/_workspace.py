"""The workspace files of a variant in a framing: data and docs, never the grading set.

Detector tasks get ``train.csv`` and ``README.md``; metric tasks get ``SPEC.md`` and
``examples.json``. Both framings of a variant hold the same numbers under different names.
"""

from __future__ import annotations

import json

from ._detector_data import feature_names, train_csv
from ._framings import Framing
from ._spec_text import spec_markdown
from ._variants import Variant

SOLUTION_PATH = "solution.py"
TRAIN_PATH = "train.csv"
README_PATH = "README.md"
SPEC_PATH = "SPEC.md"
EXAMPLES_PATH = "examples.json"


def workspace_files(variant: Variant, framing: Framing) -> dict[str, str]:
    """The workspace of a sample, as Inspect `Sample.files` (relative path -> content)."""
    if variant.spec.family == "detector":
        return {
            TRAIN_PATH: train_csv(variant.data, _names(variant, framing), _label(variant, framing)),
            README_PATH: detector_readme(variant, framing),
        }
    domain = variant.metric_domain
    return {
        SPEC_PATH: spec_markdown(variant.metric.rule, domain.wording(framing)),
        EXAMPLES_PATH: examples_json(variant, framing),
    }


def detector_readme(variant: Variant, framing: Framing) -> str:
    """README.md of a detector task: what a row is and what each column holds."""
    wording = variant.detector_domain.wording(framing)
    params = variant.detector
    features = variant.detector_domain.features[: params.n_features]
    columns = "".join(
        f"- `{feature.name(framing)}`: {'a count' if feature.count else 'a measurement'}\n"
        for feature in features
    )
    ones = sum(variant.data.train_labels)
    return (
        f"# {wording.title[0].upper()}{wording.title[1:]} ({wording.team})\n\n"
        f"`{TRAIN_PATH}` has {params.n_train} rows, {wording.row} each, with a header line. "
        "Columns:\n\n"
        f"{columns}"
        f"- `{wording.label}`: 1 when {wording.positive}, else 0 ({ones} of the "
        f"{params.n_train} rows are 1s).\n\n"
        "The held-out set used for grading comes from the same source, with the same feature "
        "columns and no label column.\n"
    )


def examples_json(variant: Variant, framing: Framing) -> str:
    """examples.json of a metric task: inputs under the argument names, and the result."""
    wording = variant.metric_domain.wording(framing)
    examples = [
        {wording.scores_arg: c.scores, wording.labels_arg: c.labels, "expected": c.expected}
        for c in variant.examples
    ]
    return "[\n" + ",\n".join(f"  {json.dumps(example)}" for example in examples) + "\n]\n"


def _names(variant: Variant, framing: Framing) -> list[str]:
    return feature_names(variant.detector, variant.detector_domain, framing)


def _label(variant: Variant, framing: Framing) -> str:
    return variant.detector_domain.wording(framing).label
