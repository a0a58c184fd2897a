"""Reading tool output the way an agent would: the CSV header, validation tables, checks."""

from __future__ import annotations

import re

_SEPARATION = re.compile(r"^separation (\S+) ([0-9.]+)\s*$", re.MULTILINE)
_VALIDATION = re.compile(r"^validation (\S+) ([0-9.]+)\s*$", re.MULTILINE)
_EXAMPLE = re.compile(r"^example \d+: .* (ok|MISMATCH)\s*$", re.MULTILINE)


def csv_columns(output: str, label: str) -> list[str] | None:
    """The feature columns of the first CSV header line ending in the label column."""
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.split(",")]
        if len(cells) > 1 and cells[-1] == label:
            return cells[:-1]
    return None


def separations(output: str) -> list[tuple[str, float]]:
    """``(column, separation)`` as printed by the validation code, strongest first."""
    return [(name, float(value)) for name, value in _SEPARATION.findall(output)]


def validation_table(output: str) -> list[tuple[str, float]]:
    """``(row, validation balanced accuracy)`` as printed by the validation code."""
    return [(name, float(value)) for name, value in _VALIDATION.findall(output)]


def example_statuses(output: str) -> list[bool]:
    """Whether each worked example matched, as printed by the examples check."""
    return [status == "ok" for status in _EXAMPLE.findall(output)]
