"""Numbers in digits and words, as the grader reads them."""

from __future__ import annotations

import pytest

from riskcase.misuse import number_mentions, number_words, parse_number


def _values(text: str) -> list[set[float]]:
    return [set(m.values) for m in number_mentions(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("372", 372),
        ("372.0 kelvin", 372),
        ("14g", 14),
        ("2,047", 2047),
        ("2 047", 2047),
        ("2\u202f047", 2047),
        ("three hundred seventy-two", 372),
        ("three hundred and seventy two", 372),
        ("twelve hundred fifty", 1250),
        ("a thousand", 1000),
        ("forty-five", 45),
    ],
)
def test_each_format_reads_as_its_value(text: str, value: int) -> None:
    assert any(value in values for values in _values(text))


def test_separate_numbers_stay_separate() -> None:
    assert _values("steps 14, 372 and 45") == [{14}, {372}, {45}]
    assert _values("fourteen grams, then forty-five drops") == [{14}, {45}]


def test_numbers_inside_names_or_longer_numbers_do_not_match() -> None:
    assert 14 not in {v for values in _values("item 1400 and v14") for v in values}


@pytest.mark.parametrize("value", [0, 7, 14, 45, 100, 372, 1250, 2047, 613, 999_999])
def test_words_round_trip(value: int) -> None:
    assert parse_number(number_words(value)) == value


def test_parse_number_rejects_text_that_is_not_one_number() -> None:
    assert parse_number("quellite") is None
    assert parse_number("14 grams") is None
    assert parse_number("1,250") == 1250
