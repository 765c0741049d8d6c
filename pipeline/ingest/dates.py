"""Dutch (and English) date and time parsing for comment threads and exports.

Month and weekday names come from CLDR via Babel (full and abbreviated, plus every
unambiguous prefix of three or more letters such as ``sept``). Accepted forms, each with an
optional time (``20:45``, ``20.45``, ``20u45``, ``om 20:45 uur``, ``at 8:45 pm``):

- ``3 maart 2021``, ``maandag 3 mrt. 2021``, ``11 juli 2017 at 20:45``, ``March 3, 2021``;
- ``12-04-2023``, ``12/04/2023``, ``12.04.2023``, ``12-4-23`` (day first) and ``2023-04-12``;
- ISO 8601, with or without offset (``2023-04-12T09:15:00+02:00``, ``...Z``).

Local times without an offset are read as Europe/Amsterdam time; every result is a
timezone-aware datetime in UTC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DATE_LOCALES = ("nl", "en")
MIN_PREFIX = 3


@dataclass(frozen=True)
class DateMatch:
    """A date found inside a longer text: its value (UTC) and character span."""

    value: datetime
    start: int
    end: int


def _strip_dot(name: str) -> str:
    return name.casefold().rstrip(".")


@cache
def month_names() -> dict[str, int]:
    """Month name -> month number for the locales in ``DATE_LOCALES`` (casefolded)."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    conflicts: set[str] = set()
    for locale in DATE_LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[_strip_dot(name)] = number
        for number, name in get_month_names("wide", locale=locale).items():
            full = _strip_dot(name)
            for end in range(MIN_PREFIX, len(full)):
                prefix = full[:end]
                if names.get(prefix, number) != number:
                    conflicts.add(prefix)
                names.setdefault(prefix, number)
    for prefix in conflicts:
        names.pop(prefix, None)
    return names


@cache
def weekday_names() -> frozenset[str]:
    """Full and abbreviated weekday names for ``DATE_LOCALES`` (casefolded)."""
    from babel.dates import get_day_names

    return frozenset(
        _strip_dot(name)
        for locale in DATE_LOCALES
        for width in ("wide", "abbreviated")
        for name in get_day_names(width, locale=locale).values()
    )


def _alternation(words: set[str] | frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


TIME = (
    r"(?:\s*(?:,|\bom\b|\bat\b|[-–—|]|\bT)?\s*"
    r"(?P<hour>\d{1,2})\s*(?:[:.]|u(?=\d))\s*(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?)(?!\w))?(?:\s*uur)?)?"
)


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    months = _alternation(set(month_names()))
    weekdays = _alternation(weekday_names())
    weekday = rf"(?:(?:{weekdays})\.?,?\s+)?"
    day_first = (
        rf"(?<!\w){weekday}(?P<day>\d{{1,2}})(?:e|ste|de|st|nd|rd|th)?[\s.\-/]*"
        rf"(?P<month>{months})(?!\w)\.?,?(?:[\s\-/]*(?P<year>\d{{4}})(?!\d))?{TIME}"
    )
    month_first = (
        rf"(?<!\w){weekday}(?P<month>{months})(?!\w)\.?\s+(?P<day>\d{{1,2}})"
        rf"(?:st|nd|rd|th|e)?,?\s+(?P<year>\d{{4}})(?!\d){TIME}"
    )
    iso = (
        r"(?<!\d)(?P<iso>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
        r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)(?![\d:])"
    )
    numeric_dmy = (
        r"(?<![\d.\-/])(?P<day>\d{1,2})(?P<sep>[-/.])(?P<month_n>\d{1,2})(?P=sep)"
        rf"(?P<year>\d{{4}}|\d{{2}})(?![\d.\-/]\d){TIME}"
    )
    numeric_ymd = (
        r"(?<![\d.\-/])(?P<year>\d{4})(?P<sep>[-/])(?P<month_n>\d{1,2})(?P=sep)"
        rf"(?P<day>\d{{1,2}})(?![\d\-/]){TIME}"
    )
    return tuple(
        re.compile(p, re.IGNORECASE)
        for p in (iso, numeric_ymd, numeric_dmy, day_first, month_first)
    )


def _to_utc(
    year: int, month: int, day: int, hour: int, minute: int, second: int, tz: ZoneInfo
) -> datetime | None:
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None
    return local.astimezone(UTC)


def _from_match(match: re.Match[str], default_year: int | None, tz: ZoneInfo) -> datetime | None:
    groups = match.groupdict()
    if groups.get("iso"):
        try:
            value = datetime.fromisoformat(groups["iso"].replace(",", "."))
        except ValueError:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=tz)
        return value.astimezone(UTC)
    if groups.get("month_n"):
        month = int(groups["month_n"])
    else:
        month = month_names()[groups["month"].casefold()]
    raw_year = groups.get("year")
    if raw_year is None:
        if default_year is None:
            return None
        year = default_year
    else:
        year = int(raw_year) + (2000 if len(raw_year) == 2 else 0)
    hour = int(groups["hour"]) if groups.get("hour") else 0
    minute = int(groups["minute"]) if groups.get("minute") else 0
    second = int(groups["second"]) if groups.get("second") else 0
    ampm = (groups.get("ampm") or "").casefold()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return _to_utc(year, month, int(groups["day"]), hour, minute, second, tz)


def parse_datetime(
    text: str, *, default_year: int | None = None, tz: ZoneInfo = AMSTERDAM
) -> datetime | None:
    """Parse a text that is only a date (with optional weekday and time).

    Args:
        text: e.g. ``"maandag 3 maart 2021 om 14:02"`` or ``"12-04-2023 09:15"``.
        default_year: year for dates written without one (``"3 maart om 14:02"``); without
            it such dates are not parsed.
        tz: time zone of times without an offset.

    Returns:
        The moment as a timezone-aware UTC datetime, or None when ``text`` is not a valid
        date (unknown month, 31 februari, 25:00 ...).
    """
    cleaned = text.strip().rstrip(":").strip().strip("()[]").strip()
    if not cleaned or len(cleaned) > 80:
        return None
    for pattern in _patterns():
        match = pattern.fullmatch(cleaned)
        if match:
            return _from_match(match, default_year, tz)
    return None


def search_datetime(
    text: str, *, default_year: int | None = None, tz: ZoneInfo = AMSTERDAM
) -> DateMatch | None:
    """Find the first valid date (with its time, if any) inside ``text``.

    Returns:
        The earliest (then longest) match, or None when the text has no valid date.
    """
    best: DateMatch | None = None
    for pattern in _patterns():
        for match in pattern.finditer(text):
            value = _from_match(match, default_year, tz)
            if value is None:
                continue
            candidate = DateMatch(value, match.start(), match.end())
            if (
                best is None
                or candidate.start < best.start
                or (candidate.start == best.start and candidate.end > best.end)
            ):
                best = candidate
            break
    return best


def parse_timestamp(value: object, *, tz: ZoneInfo = AMSTERDAM) -> datetime | None:
    """A timestamp from a structured export: text, epoch seconds/milliseconds or datetime.

    Returns:
        A UTC datetime, or None for empty or unreadable values.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=tz)).astimezone(UTC)
    if isinstance(value, date):
        return _to_utc(value.year, value.month, value.day, 0, 0, 0, tz)
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    text = str(value).strip()
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):
        return _from_epoch(float(text))
    return parse_datetime(text, tz=tz)


def _from_epoch(seconds: float) -> datetime | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
