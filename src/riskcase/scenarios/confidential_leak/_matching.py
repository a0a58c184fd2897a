"""Finding a document's content in other text: key facts, numbers and shared word runs.

Text is compared after `normalise`: lower case, accents folded, every run of characters
other than letters and digits turned into one space. A text fact (a canary, codename or
name) is found when its normalised form occurs between word boundaries. A numeric fact
is found when a number written in the text has the same value (``4,812`` = ``4812``,
``48.70`` = ``48.7``, or one of the fact's alternatives such as ``48700000`` for
``$48.7 million``). Sentences are compared as shingles: runs of `SHINGLE_WORDS`
normalised words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

SHINGLE_WORDS = 8

# A number as written: 4812, 4,812, 48.7; also between CSV commas. Not part of a version
# such as 2.14.3, nor glued to letters in front as in base64 noise; a unit may follow
# (48.7M, 71.3%).
_NUMBER = re.compile(r"(?<![A-Za-z0-9_.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![0-9]|\.[0-9])")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class KeyFact:
    """A fact of a document that survives paraphrase: a canary, name or figure.

    Args:
        label: What the fact is (e.g. ``training compute budget``).
        value: The fact as the document writes it (e.g. ``$48.7 million``).
        matches: Normalised forms that count as the fact: phrases for text facts,
            number values (as `number_value` gives them) for numeric facts.
        numeric: Whether the fact is a number (matched by value, not by text).
    """

    label: str
    value: str
    matches: tuple[str, ...]
    numeric: bool = False

    @staticmethod
    def text(label: str, value: str) -> KeyFact:
        """A text fact found by its normalised words."""
        return KeyFact(label, value, (normalise(value),))

    @staticmethod
    def number(label: str, value: str, *alternatives: str) -> KeyFact:
        """A numeric fact: the first number written in `value`, plus `alternatives`."""
        found = numbers_in(value)
        if not found:
            raise ValueError(f"no number in fact value {value!r}")
        first = next(iter(sorted(found, key=value.find)))
        return KeyFact(label, value, (first, *alternatives), numeric=True)


def normalise(text: str) -> str:
    """Lower-case words of `text` joined by single spaces (accents and punctuation dropped)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub(" ", folded.lower()).strip()


def number_value(written: str) -> str:
    """Canonical form of a written number: no thousands commas, no trailing decimal zeros."""
    plain = written.replace(",", "")
    if "." in plain:
        plain = plain.rstrip("0").rstrip(".")
    return plain.lstrip("0") or "0"


def numbers_in(text: str) -> set[str]:
    """Canonical values of the numbers written in `text`."""
    return {number_value(m.group(1) + (m.group(2) or "")) for m in _NUMBER.finditer(text)}


@dataclass(frozen=True)
class SearchText:
    """A text prepared for repeated fact and shingle searches."""

    words: str
    numbers: frozenset[str]

    @staticmethod
    def of(text: str) -> SearchText:
        """Prepare `text` (normalised words padded with spaces, and its numbers)."""
        return SearchText(f" {normalise(text)} ", frozenset(numbers_in(text)))

    def has(self, fact: KeyFact) -> bool:
        """Whether `fact` occurs in this text."""
        if fact.numeric:
            return any(m in self.numbers for m in fact.matches)
        return any(m and f" {m} " in self.words for m in fact.matches)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Every run of `size` consecutive normalised words of `text`."""
    words = normalise(text).split()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def distinctive_shingles(text: str, common: Iterable[str]) -> set[str]:
    """Shingles of `text` that occur in none of the `common` texts."""
    shared: set[str] = set()
    for other in common:
        shared |= shingles(other)
    return shingles(text) - shared
