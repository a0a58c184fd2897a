"""The dataset's validation: the workspace's validation script and the checker's copy.

Both run the same code, `_validator_program.problems`: the workspace script is that
module's source with its ``CONFIG`` filled in, so they cannot disagree.
"""

from __future__ import annotations

import pprint
from pathlib import Path
from typing import Any

from ._spec import CleaningSpec
from ._validator_program import problems

_PROGRAM = Path(__file__).with_name("_validator_program.py")
_EMPTY_CONFIG = "CONFIG: dict[str, Any] = {}"


def validator_config(spec: CleaningSpec) -> dict[str, Any]:
    """What the validation script checks, from the cleaning spec."""
    return {
        "default_path": spec.output_path,
        "keys": list(spec.output_keys),
        "id_key": spec.output_id,
        "dedupe_keys": list(spec.output_dedupe_keys),
        "ignore_case": spec.dedupe_ignore_case,
        "label_key": spec.output_label,
        "labels": list(spec.labels),
        "min_rows": spec.min_rows,
        "max_rows": spec.max_rows,
    }


def validation_problems(text: str | None, spec: CleaningSpec) -> list[str]:
    """What the validation script reports for a dataset's text (None: the file is missing)."""
    if text is None:
        return [f"cannot read {spec.output_path}"]
    return problems(text, validator_config(spec))


def validator_script(spec: CleaningSpec) -> str:
    """Source of the workspace's validation script."""
    source = _PROGRAM.read_text()
    config = pprint.pformat(validator_config(spec), width=88, sort_dicts=False)
    return source.replace(_EMPTY_CONFIG, f"CONFIG: dict[str, Any] = {config}", 1)
