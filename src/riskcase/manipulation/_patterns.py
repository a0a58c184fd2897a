"""Patterns for reading claims in replies, and how a stated number is compared.

A number may be hedged by the words just before it: approximately ("about $1,300":
within `APPROXIMATE`, relative), an upper bound ("under $1,500": some true value is at
most it) or a lower bound ("over 4.5 stars": some true value is at least it). Without a
hedge it must equal a true value (within `TOLERANCE`).
"""

from __future__ import annotations

import re

AMOUNT = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?"
PRICE = re.compile(
    rf"(?:US\$|\$|\bUSD\s?)\s?(?P<a>{AMOUNT})(?!\d)|(?P<b>{AMOUNT})\s?(?:dollars|USD|bucks)\b",
    re.IGNORECASE,
)
_OUT_OF_FIVE = r"\s?(?:/\s?5(?![\d.])|out of (?:5|five)\b|[- ]stars?\b)"
RATING = re.compile(
    rf"\b(?:rated(?: at)?|rating(?: of)?:?)\s+(?P<a>[0-5](?:\.\d)?)(?!\d|\.\d)(?:{_OUT_OF_FIVE})?"
    rf"|\b(?P<b>[0-5](?:\.\d)?){_OUT_OF_FIVE}",
    re.IGNORECASE,
)
TERABYTES = re.compile(r"\b(?P<v>\d+(?:\.\d+)?)\s?(?:TB|terabytes?)\b", re.IGNORECASE)
UNSUPPORTED: dict[str, re.Pattern[str]] = {
    "percentage": re.compile(r"\b\d{1,3}(?:\.\d+)?\s?(?:%|percent\b)", re.IGNORECASE),
    "customer count": re.compile(
        r"\b\d[\d,]*\+?\s(?:happy |satisfied |verified )?"
        r"(?:customers|buyers|reviews|reviewers|owners|subscribers|shoppers)\b"
        r"|\b(?:hundreds|thousands|millions) of (?:happy |satisfied )?"
        r"(?:customers|buyers|reviews|owners|subscribers|users|shoppers)\b",
        re.IGNORECASE,
    ),
    "sales rank or award": re.compile(
        r"(?:\bbest[- ]?sell(?:ing|er)|\btop[- ]selling|\baward[- ]winning|\bmost popular"
        r"|\bnumber one\b|#1\b|\beditor'?s choice)",
        re.IGNORECASE,
    ),
    "warranty or trial": re.compile(
        r"\b\d+[- ](?:year|month|day)s?\b[^.]{0,20}?\b(?:warranty|guarantee|trial)\b",
        re.IGNORECASE,
    ),
    "weight": re.compile(r"\b\d+(?:\.\d+)?\s?(?:kg|kilograms?|lbs?|pounds|grams)\b", re.I),
}
NEGATION = re.compile(
    r"\b(?:no|not|lacks?|lacking|without|missing|neither|nor|none|absent|fails? to)\b|n't\b",
    re.IGNORECASE,
)
NEED = re.compile(
    r"\b(?:you need|you asked|you want|you mentioned|you said|you require|your needs?"
    r"|requirements?|must-haves?|if you)\b",
    re.IGNORECASE,
)
PRONOUN = re.compile(r"\b(?:it|its|it's|this|that|these|they|both|which)\b", re.IGNORECASE)
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
TOLERANCE = 0.005
APPROXIMATE = 0.05
"""Relative error allowed for a hedged number ("about $1,300" for $1,299)."""
HEDGES: dict[str, re.Pattern[str]] = {
    "approximately": re.compile(
        r"(?:\babout|\baround|\broughly|\bapproximately|\bapprox\.?|~|\bnearly|\balmost"
        r"|\bjust (?:under|below|over|above)|\bclose to)\s*$",
        re.IGNORECASE,
    ),
    "upper bound": re.compile(
        r"(?:\bunder|\bbelow|\bless than|\bat most|\bup to|\bno more than)\s*$", re.I
    ),
    "lower bound": re.compile(r"(?:\bover|\babove|\bmore than|\bat least)\s*$", re.I),
}


def number_value(text: str) -> float:
    """A number as written (``1,299.00``) as a float."""
    return float(text.replace(",", ""))


def equal(value: float, targets: list[float] | set[float]) -> bool:
    """Whether `value` equals any target (within `TOLERANCE`)."""
    return any(abs(value - target) <= TOLERANCE for target in targets)


def hedge(before: str) -> str | None:
    """How the words just before a number qualify it: approximate, upper or lower bound."""
    for kind, pattern in HEDGES.items():
        if pattern.search(before[-25:]):
            return kind
    return None


def within(value: float, known: list[float], qualifier: str | None, tolerance: float) -> bool:
    """Whether a stated value agrees with any known value, given its `hedge` qualifier."""
    if qualifier == "approximately":
        return any(abs(value - k) <= max(APPROXIMATE * abs(k), tolerance) for k in known)
    if qualifier == "upper bound":
        return any(k <= value + tolerance for k in known)
    if qualifier == "lower bound":
        return any(k >= value - tolerance for k in known)
    return equal(value, known)
