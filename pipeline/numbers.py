"""Dutch number formatting for every report, message and page, from Babel's CLDR data
(decimal comma, a dot between thousands: ``1.234,5``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

LOCALE = "nl"


# typed: 2 and 2.0 (or a Decimal equal to a float) are formatted and cached apart
@lru_cache(maxsize=4096, typed=True)
def format_number(value: float, decimals: int = 1, locale: str = LOCALE) -> str:
    """``value`` with exactly ``decimals`` decimals and digit grouping in ``locale``'s
    notation (Dutch ``1.234,5``, English ``1,234.5``). Cached: a run formats the same
    thresholds in every verdict; the recent values only, since most scores differ from one
    unit to the next (a larger cache grew with the run)."""
    pattern, parsed_locale = _pattern_and_locale(decimals, locale)
    # what babel's format_decimal does, with the pattern and locale parsed once
    return pattern.apply(value, parsed_locale)  # type: ignore[no-any-return]


@lru_cache(maxsize=64)
def _pattern_and_locale(decimals: int, locale: str) -> tuple[Any, Any]:
    """Babel's parsed number pattern for ``decimals`` decimals and its ``Locale``."""
    from babel import Locale
    from babel.numbers import parse_pattern

    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return parse_pattern(pattern), Locale.parse(locale)


def nl_number(value: float, decimals: int = 1) -> str:
    """``value`` with exactly ``decimals`` decimals and digit grouping (``1.234,5``)."""
    return format_number(value, decimals)


def decimals_near(value: float, bound: float) -> int:
    """Decimals to show ``value`` next to ``bound``: one where whole numbers would hide the
    difference (a score of 50.1 against a limit of 50 is "50,1", not "50"), else none."""
    return 1 if round(value) == round(bound) and value != bound else 0


def nl_int(value: int | float) -> str:
    """A count with digit grouping (``12.345``)."""
    return nl_number(value, 0)


def nl_decimal(value: float) -> str:
    """A number with as many decimals as it needs, at most three (``0,25``, ``12``)."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=LOCALE)


def nl_percent(share: float) -> str:
    """A share as a whole percentage (``45%``)."""
    return f"{nl_number(100 * share, 0)}%"
