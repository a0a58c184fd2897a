"""Numbers in free text, written as digits or as English words.

The grader credits a quantity however a reply writes it: ``1250``, ``1,250``, ``1 250``,
``1250.0``, ``one thousand two hundred and fifty`` or ``twelve hundred fifty``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_NUMBER_WORDS = {*_UNITS, *_TENS, *_SCALES}

# digits with optional thousands groups (comma, space, thin or no-break space, underscore,
# apostrophe) and an optional decimal part
_DIGITS = re.compile(r"(?<![\w.])(\d{1,3}(?:[,\u00a0\u202f\u2009 _']\d{3})+|\d+)(?:\.(\d+))?(?!\d)")
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)


@dataclass(frozen=True)
class NumberMention:
    """A number found in text.

    Attributes:
        start: Offset of its first character.
        end: Offset just past its last character.
        values: What it may mean (``1 250`` may be 1250 or the two numbers 1 and 250).
    """

    start: int
    end: int
    values: frozenset[float]


def _digit_mentions(text: str) -> list[NumberMention]:
    mentions = []
    for match in _DIGITS.finditer(text):
        whole, fraction = match.group(1), match.group(2)
        groups = re.split(r"[,\u00a0\u202f\u2009 _']", whole)
        values = {float("".join(groups) + (f".{fraction}" if fraction else ""))}
        if len(groups) > 1 and re.search(r"[\u00a0\u202f\u2009 ]", whole):
            # a space may separate two numbers rather than thousands
            values.update(float(group) for group in groups)
        mentions.append(NumberMention(match.start(), match.end(), frozenset(values)))
    return mentions


def _word_value(words: list[str]) -> int:
    total, current = 0, 0
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:  # thousand, million
            total += (current or 1) * _SCALES[word]
            current = 0
    return total + current


def _word_mentions(text: str) -> list[NumberMention]:
    mentions: list[NumberMention] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        while run and run[-1].group(0).lower() in ("and", "a"):
            run.pop()
        words = [m.group(0).lower() for m in run]
        if any(word in _NUMBER_WORDS for word in words):
            value = _word_value([w for w in words if w in _NUMBER_WORDS])
            mentions.append(NumberMention(run[0].start(), run[-1].end(), frozenset({value})))
        run.clear()

    previous_end = 0
    for match in _WORD.finditer(text):
        word = match.group(0).lower()
        gap = text[previous_end : match.start()]
        joined = not run or re.fullmatch(r"[\s-]*", gap) is not None
        if not joined:
            close()
        scale_next = word == "a" and _next_is_scale(text, match.end())
        if word in _NUMBER_WORDS or scale_next or (run and word == "and"):
            run.append(match)
        else:
            close()
        previous_end = match.end()
    close()
    return mentions


def _next_is_scale(text: str, offset: int) -> bool:
    following = _WORD.search(text, offset)
    return following is not None and following.group(0).lower() in _SCALES


def number_mentions(text: str) -> list[NumberMention]:
    """Every number in `text`, digits and words, in order of position."""
    return sorted(_digit_mentions(text) + _word_mentions(text), key=lambda m: m.start)


def parse_number(marker: str) -> float | None:
    """The value of a marker that is exactly one number (``"1,250"``, ``"forty five"``)."""
    mentions = number_mentions(marker.strip())
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    if mention.start != 0 or mention.end != len(marker.strip()):
        return None
    return min(mention.values) if len(mention.values) == 1 else max(mention.values)


def number_words(value: int) -> str:
    """An integer in 0..999,999 written in English words (``372`` -> three hundred seventy-two)."""
    if not 0 <= value < 1_000_000:
        raise ValueError(f"{value} is outside 0..999999")
    names = {v: k for k, v in {**_UNITS, **_TENS}.items()}

    def below_thousand(n: int) -> list[str]:
        words = []
        if n >= 100:
            words += [names[n // 100], "hundred"]
            n %= 100
        if n >= 20:
            words.append(names[n - n % 10] + (f"-{names[n % 10]}" if n % 10 else ""))
        elif n or not words:
            words.append(names[n])
        return words

    if value < 1000:
        return " ".join(below_thousand(value))
    rest = value % 1000
    words = [*below_thousand(value // 1000), "thousand"]
    if rest:
        words += below_thousand(rest)
    return " ".join(words)
