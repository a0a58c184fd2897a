"""Figures in text: finding numbers with their units, formatting them, and matching them.

A `Figure` is a number as a reader understands it: ``£4.2m`` is 4,200,000 of money,
``87%`` is 87 percent, ``18 months`` and ``1.5 years`` are durations in months, a bare
``2,900`` is a count. Its `precision` is half a unit of its last significant digit, so a
stated figure can be compared with a true value "within rounding".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a figure measures (a quantity only takes figures of its own kind)."""

    MONEY = "money"
    PERCENT = "percent"
    MONTHS = "months"
    COUNT = "count"


# A stated figure may differ from the true value by its own rounding, but never by more
# than this share of the true value (so "about £5m" for £4.6m passes, "£10m" for £6m not).
MAX_RELATIVE_ERROR = 0.10

_MULTIPLIERS = {
    "bn": 1e9,
    "billion": 1e9,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "k": 1e3,
    "thousand": 1e3,
}
_FIGURE = re.compile(
    r"(?<![\w.,])(?P<cur>[£€$])?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]\d)"
    r"(?:\s?(?P<mult>bn|billion|mn|million|m|k|thousand)(?![A-Za-z]))?"
    r"(?:\s?(?P<unit>%|per\s?cent\b|months?\b|years?\b|pounds\b|euros\b|dollars\b))?",
    re.IGNORECASE,
)
_CODE_MONEY = re.compile(r"(?:GBP|EUR|USD)\s?$")


@dataclass(frozen=True)
class Figure:
    """A number found in a text, in base units.

    Args:
        value: The value in base units (currency units, percent points, months, items).
        kind: What it measures.
        precision: Half a unit of its last significant digit, in base units.
        start: Offset of its first character in the searched text.
        end: Offset just past its last character.
        explicit: Whether the text itself gave its unit (currency, %, months); bare
            numbers are counts unless a table header or label says otherwise.
    """

    value: float
    kind: Kind
    precision: float
    start: int
    end: int
    explicit: bool

    def matches(self, true_value: float) -> bool:
        """Whether this figure states `true_value` within rounding (see `figure_matches`)."""
        return figure_matches(self.value, self.precision, true_value)


def figure_matches(stated: float, precision: float, true_value: float) -> bool:
    """Whether a stated figure equals a true value within rounding.

    Within rounding: the difference is at most half a unit of the stated figure's last
    significant digit (or 0.05% of the true value) and at most `MAX_RELATIVE_ERROR` of it.
    """
    error = abs(stated - true_value)
    return error <= max(precision, 0.0005 * abs(true_value)) and error <= (
        MAX_RELATIVE_ERROR * abs(true_value) + 1e-9
    )


def find_figures(text: str, hint: UnitHint | None = None) -> list[Figure]:
    """Every figure in `text`, in order; `hint` gives bare numbers a kind and multiplier."""
    figures: list[Figure] = []
    for match in _FIGURE.finditer(text):
        figure = _figure(match, text, hint)
        if figure is not None:
            figures.append(figure)
    return figures


@dataclass(frozen=True)
class UnitHint:
    """The unit a label gives the bare numbers under it (``Capital cost (£m)``)."""

    kind: Kind
    multiplier: float = 1.0


_HINT = re.compile(
    r"\(\s*(?:(?P<cur>[£€$])\s?(?P<mult>bn|billion|mn|million|m|k|thousand|000s?)?"
    r"|(?P<pct>%)|(?P<months>months))[^)]*\)",
    re.IGNORECASE,
)


def unit_hint(label: str) -> UnitHint | None:
    """The unit a column header or row label declares in brackets, if any."""
    match = _HINT.search(label)
    if match is None:
        return None
    if match.group("pct"):
        return UnitHint(Kind.PERCENT)
    if match.group("months"):
        return UnitHint(Kind.MONTHS)
    mult = (match.group("mult") or "").lower()
    return UnitHint(Kind.MONEY, 1e3 if mult.startswith("000") else _MULTIPLIERS.get(mult, 1.0))


def _figure(match: re.Match[str], text: str, hint: UnitHint | None) -> Figure | None:
    digits = match.group("num").replace(",", "")
    number = float(digits)
    mult_word = (match.group("mult") or "").lower()
    unit = (match.group("unit") or "").lower().replace(" ", "")
    currency = match.group("cur") or ("GBP" if _CODE_MONEY.search(text[: match.start()]) else "")
    multiplier = _MULTIPLIERS.get(mult_word, 1.0)
    explicit = True
    if unit.startswith(("%", "percent")):
        kind = Kind.PERCENT
    elif unit.startswith("month"):
        kind = Kind.MONTHS
    elif unit.startswith("year"):
        kind, multiplier = Kind.MONTHS, 12.0
    elif currency or unit in ("pounds", "euros", "dollars"):
        kind = Kind.MONEY
    elif hint is not None and not mult_word:
        kind, multiplier = hint.kind, hint.multiplier
    else:
        kind, explicit = Kind.COUNT, bool(mult_word)
        if not mult_word and match.group("num").isdigit() and 1900 <= number <= 2100:
            return None  # a year ("by 2031"), not a quantity
    end = match.end() if match.group("unit") or mult_word else match.end("num")
    start = match.start("cur") if match.group("cur") else match.start("num")
    return Figure(
        value=number * multiplier,
        kind=kind,
        precision=_half_unit(digits) * multiplier,
        start=start,
        end=end,
        explicit=explicit,
    )


def _half_unit(digits: str) -> float:
    """Half a unit of the last significant digit of a plain number string."""
    if "." in digits:
        return 0.5 * 10.0 ** -len(digits.split(".")[1])
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return 0.5 * 10.0**zeros


def format_money(value: float, currency: str, style: str) -> str:
    """Money as the documents write it: ``£4.2m`` (millions), ``£310k`` or ``£3,480``."""
    if style == "millions":
        return f"{currency}{value / 1e6:.1f}m"
    if style == "thousands":
        return f"{currency}{value / 1e3:,.0f}k"
    return f"{currency}{value:,.0f}" if value >= 100 else f"{currency}{value:.2f}"


def format_count(value: float) -> str:
    """A count with thousands separators (``2,900``)."""
    return f"{value:,.0f}"
