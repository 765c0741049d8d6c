"""Dutch number formatting for every report, message and page, from Babel's CLDR data
(decimal comma, a dot between thousands: ``1.234,5``)."""

from __future__ import annotations

import decimal
import math
from collections.abc import Callable
from functools import lru_cache
from typing import Any

LOCALE = "nl"


# typed: 2 and 2.0 (or a Decimal equal to a float) are formatted and cached apart
@lru_cache(maxsize=65_536, typed=True)
def format_number(value: float, decimals: int = 1, locale: str = LOCALE) -> str:
    """``value`` with exactly ``decimals`` decimals and digit grouping in ``locale``'s
    notation (Dutch ``1.234,5``, English ``1,234.5``). Cached: a run formats the same
    thresholds and scores in every verdict."""
    if type(value) in (int, float) and math.isfinite(value):
        plain = _plain_format(decimals, locale)
        if plain is not None:
            return plain(value)
    pattern, parsed_locale = _pattern_and_locale(decimals, locale)
    # what babel's format_decimal does, with the pattern and locale parsed once
    return pattern.apply(value, parsed_locale)  # type: ignore[no-any-return]


@lru_cache(maxsize=64)
def _plain_format(decimals: int, locale: str) -> Callable[[float], str] | None:
    """For a finite int or float: the steps of babel's ``NumberPattern.apply`` for this
    plain pattern (no scientific notation, significant digits, currency or quoted text),
    the same string without babel's generic branches (tests/test_numbers.py compares
    them); None for another pattern (babel formats it)."""
    from babel.numbers import get_decimal_quantum, get_decimal_symbol, get_group_symbol

    pattern, parsed_locale = _pattern_and_locale(decimals, locale)
    affixes = (*pattern.prefix, *pattern.suffix)
    if (
        pattern.exp_prec
        or "@" in pattern.pattern
        or not pattern.number_pattern
        or any("'" in a or "¤" in a for a in affixes)
    ):
        return None
    group = get_group_symbol(parsed_locale, numbering_system="latn")
    point = get_decimal_symbol(parsed_locale, numbering_system="latn")
    prefix, suffix, scale = pattern.prefix, pattern.suffix, pattern.scale
    first_group, other_groups = pattern.grouping
    min_int = pattern.int_prec[0]
    min_frac, max_frac = pattern.frac_prec
    quantum = get_decimal_quantum(max_frac)

    def plain(value: float) -> str:
        number = decimal.Decimal(str(value)).scaleb(scale)
        negative = int(number.is_signed())
        rounded = abs(number).normalize().quantize(quantum)
        digits, _, frac = f"{rounded:f}".partition(".")
        if len(digits) < min_int:
            digits = "0" * (min_int - len(digits)) + digits
        size, grouped = first_group, ""
        while len(digits) > size:
            grouped = group + digits[-size:] + grouped
            digits = digits[:-size]
            size = other_groups
        frac = frac or "0"
        if len(frac) < min_frac:
            frac += "0" * (min_frac - len(frac))
        if max_frac == 0 or (min_frac == 0 and int(frac) == 0):
            frac = ""
        else:
            while len(frac) > min_frac and frac[-1] == "0":
                frac = frac[:-1]
            frac = point + frac
        return prefix[negative] + digits + grouped + frac + suffix[negative]

    return plain


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
