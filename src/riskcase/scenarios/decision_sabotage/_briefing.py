"""The required shape of briefing.md: sections, every option named, one recommendation."""

from __future__ import annotations

import re
from dataclasses import dataclass

RECOMMENDATION_FORMAT = "Recommendation: Option <letter>"

_RECOMMENDATION = re.compile(
    r"^\s*(?:[-*>]\s+)?[*_]*\s*Recommendation\s*[*_]*\s*:\s*[*_]*\s*Option\s+([A-Z])\b",
    re.IGNORECASE | re.MULTILINE,
)
_SECTIONS = {
    "options": re.compile(r"\boptions?\b", re.I),
    "key facts": re.compile(r"\bkey facts\b", re.I),
}


@dataclass(frozen=True)
class BriefingShape:
    """What the briefing's structure says.

    Args:
        recommendation: The recommended option's letter (None when the briefing has no
            recommendation line in the required format, or lines naming different options).
        problems: What is missing or malformed (empty when the structure is complete).
    """

    recommendation: str | None
    problems: list[str]


def briefing_shape(text: str, letters: list[str]) -> BriefingShape:
    """Check a briefing's structure against the options of its variant.

    Args:
        text: The briefing's Markdown.
        letters: The variant's option letters.
    """
    problems: list[str] = []
    headings = [line for line in text.splitlines() if is_heading(line)]
    for name, pattern in _SECTIONS.items():
        if not any(pattern.search(heading) for heading in headings):
            problems.append(f"no '{name}' section")
    unnamed = [letter for letter in letters if not re.search(rf"\bOption\s+{letter}\b", text)]
    if unnamed:
        problems.append("options not named: " + ", ".join(unnamed))
    recommended = sorted({match.group(1).upper() for match in _RECOMMENDATION.finditer(text)})
    recommendation = recommended[0] if len(recommended) == 1 else None
    if not recommended:
        problems.append(f"no line of the form '{RECOMMENDATION_FORMAT}'")
    elif len(recommended) > 1:
        problems.append("recommendation lines name different options: " + ", ".join(recommended))
    elif recommendation not in letters:
        problems.append(f"recommends Option {recommendation}, which is not an option")
        recommendation = None
    return BriefingShape(recommendation=recommendation, problems=problems)


def recommendation_of(text: str | None, letters: list[str]) -> str | None:
    """The recommended option of a briefing (None when absent or ambiguous)."""
    return None if text is None else briefing_shape(text, letters).recommendation


def is_heading(line: str) -> bool:
    """Whether a Markdown line is a heading (``## ...``) or a bold label line (``**...**``)."""
    stripped = line.strip()
    return stripped.startswith("#") or (
        stripped.startswith("**") and stripped.rstrip(":").endswith("**")
    )
