"""Dutch number formatting (pipeline/numbers.py): the cached pattern gives babel's output."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from babel.numbers import format_decimal

from pipeline.numbers import format_number, nl_int, nl_number, nl_percent


def test_numbers_match_babel_format_decimal():
    """Floats (halves, negatives, large and tiny), ints and Decimals, 0-3 decimals, Dutch and
    English: the same text as babel's ``format_decimal`` with the same pattern. (-0.0 is left
    out: the cache takes it for 0.0, which it equals, as it did before.)"""
    rng = random.Random(15)
    values: list[float | int | Decimal] = [0, 0.0, 0.05, 0.15, 2.675, 1e-9, -1234.5, 1e12]
    values += [rng.uniform(-1e6, 1e6) for _ in range(300)]
    values += [round(rng.uniform(0, 100), 3) for _ in range(300)]
    values += [rng.randint(-(10**7), 10**7) for _ in range(100)] + [Decimal("2.345"), Decimal("-7")]
    for value in values:
        for decimals in (0, 1, 2, 3):
            pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
            for locale in ("nl", "en"):
                expected = format_decimal(value, pattern, locale=locale)
                assert format_number(value, decimals, locale) == expected, (value, decimals)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(nl_number(1234.56), "1.234,6"), (nl_int(12345), "12.345"), (nl_percent(0.456), "46%")],
)
def test_numbers_dutch_notation(text, expected):
    assert text == expected
