"""Tests for pipeline/ingest/dates.py: Dutch date parsing to UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest.dates import (
    AMSTERDAM,
    month_names,
    parse_datetime,
    parse_timestamp,
    search_datetime,
)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Summer time (UTC+2) and winter time (UTC+1) in Amsterdam.
        ("11 juli 2017 at 20:45", utc(2017, 7, 11, 18, 45)),
        ("3 maart 2021 om 14:02", utc(2021, 3, 3, 13, 2)),
        ("maandag 3 maart 2021", utc(2021, 3, 2, 23, 0)),
        ("Maandag, 3 Maart 2021 om 14:02 uur", utc(2021, 3, 3, 13, 2)),
        ("wo 3 mrt. 2021 14.02", utc(2021, 3, 3, 13, 2)),
        ("3 mrt 2021", utc(2021, 3, 2, 23, 0)),
        ("3 sept 2021 09:00", utc(2021, 9, 3, 7, 0)),
        ("3 sep. 2021 09:00", utc(2021, 9, 3, 7, 0)),
        ("1 okt 2022, 08:30", utc(2022, 10, 1, 6, 30)),
        ("15 december 2022 om 23:59:30", utc(2022, 12, 15, 22, 59, 30)),
        ("1 januari 2023 0u30", utc(2022, 12, 31, 23, 30)),
        ("2 jan 2023", utc(2023, 1, 1, 23, 0)),
        ("14 feb 2023", utc(2023, 2, 13, 23, 0)),
        ("1 apr 2023", utc(2023, 3, 31, 22, 0)),
        ("12 mei 2023", utc(2023, 5, 11, 22, 0)),
        ("12 jun 2023", utc(2023, 6, 11, 22, 0)),
        ("12 jul 2023", utc(2023, 7, 11, 22, 0)),
        ("12 aug 2023", utc(2023, 8, 11, 22, 0)),
        ("12 nov 2023", utc(2023, 11, 11, 23, 0)),
        ("12 dec 2023", utc(2023, 12, 11, 23, 0)),
        ("12 augustus 2023", utc(2023, 8, 11, 22, 0)),
        ("1e januari 2024", utc(2023, 12, 31, 23, 0)),
        ("July 11, 2017 at 8:45 pm", utc(2017, 7, 11, 18, 45)),
        ("11 July 2017 at 8:45 am", utc(2017, 7, 11, 6, 45)),
        ("12-04-2023 09:15", utc(2023, 4, 12, 7, 15)),
        ("12-04-2023 om 09:15", utc(2023, 4, 12, 7, 15)),
        ("12/04/2023", utc(2023, 4, 11, 22, 0)),
        ("12.04.2023 9:05", utc(2023, 4, 12, 7, 5)),
        ("2-4-2023", utc(2023, 4, 1, 22, 0)),
        ("12-4-23 9:15", utc(2023, 4, 12, 7, 15)),
        ("2023-04-12", utc(2023, 4, 11, 22, 0)),
        ("2023-04-12 09:15", utc(2023, 4, 12, 7, 15)),
        ("2023/04/12", utc(2023, 4, 11, 22, 0)),
        ("2023-04-12T09:15:00+02:00", utc(2023, 4, 12, 7, 15)),
        ("2023-04-12T09:15:00+0200", utc(2023, 4, 12, 7, 15)),
        ("2023-04-12T09:15:00Z", utc(2023, 4, 12, 9, 15)),
        ("2023-04-12T09:15:00.250-05:00", utc(2023, 4, 12, 14, 15, 0, 250000)),
        ("2023-04-12T09:15", utc(2023, 4, 12, 7, 15)),
        ("  (12-04-2023 09:15):  ", utc(2023, 4, 12, 7, 15)),
    ],
)
def test_ingest_dates_parses_dutch_formats(text: str, expected: datetime) -> None:
    value = parse_datetime(text)
    assert value == expected
    assert value is not None and value.tzinfo == UTC


@pytest.mark.parametrize(
    "text",
    [
        "",
        "juli",
        "3 maart",  # no year and no default year
        "31 februari 2021",
        "29 februari 2023",
        "12-13-2023",
        "32-01-2023",
        "3 maart 2021 25:00",
        "3 maart 2021 om 14:61",
        "3 maart 2021 13:00 pm",
        "3 blaart 2021",
        "2023",
        "€ 1.250.000",
        "3142 AB",
        "Ik kom op 3 maart 2021",  # more than a date
        "2023-04-12T09:15:00+25:00",
    ],
)
def test_ingest_dates_rejects_non_dates(text: str) -> None:
    assert parse_datetime(text) is None


def test_ingest_dates_default_year_for_dates_without_year() -> None:
    assert parse_datetime("3 maart om 14:02", default_year=2021) == utc(2021, 3, 3, 13, 2)


def test_ingest_dates_other_time_zone() -> None:
    value = parse_datetime("12-04-2023 09:15", tz=ZoneInfo("UTC"))
    assert value == utc(2023, 4, 12, 9, 15)


def test_ingest_dates_daylight_saving_transitions() -> None:
    # The last Sunday of October 2023: 02:30 happens twice; the first (summer time) is used.
    assert parse_datetime("29 oktober 2023 02:30") == utc(2023, 10, 29, 0, 30)
    assert parse_datetime("29 oktober 2023 03:30") == utc(2023, 10, 29, 2, 30)
    assert parse_datetime("26 maart 2023 01:59") == utc(2023, 3, 26, 0, 59)
    assert parse_datetime("26 maart 2023 03:00") == utc(2023, 3, 26, 1, 0)


def test_ingest_dates_month_names_cover_every_month_in_dutch() -> None:
    names = month_names()
    dutch = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus"]
    dutch += ["september", "oktober", "november", "december"]
    for number, name in enumerate(dutch, start=1):
        assert names[name] == number
    for abbreviation, number in [("mrt", 3), ("okt", 10), ("sept", 9), ("sep", 9)]:
        assert names[abbreviation] == number
    assert "ju" not in names  # ambiguous prefix (juni, juli)


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        ("Jan schreef op 3 maart 2021 om 14:02:", "3 maart 2021 om 14:02", utc(2021, 3, 3, 13, 2)),
        ("Reactie van Anna – 12-04-2023 09:15", "12-04-2023 09:15", utc(2023, 4, 12, 7, 15)),
        ("Geplaatst: vrijdag 7 juli 2023", "vrijdag 7 juli 2023", utc(2023, 7, 6, 22, 0)),
        ("op 31 februari 2021, nee: 1 maart 2021", "1 maart 2021", utc(2021, 2, 28, 23, 0)),
    ],
)
def test_ingest_dates_search_finds_date_inside_text(
    text: str, found: str, expected: datetime
) -> None:
    match = search_datetime(text)
    assert match is not None
    assert text[match.start : match.end] == found
    assert match.value == expected


@pytest.mark.parametrize(
    "text",
    ["kosten € 1.250.000 in 2023", "postcode 3142 AB", "bel 06-12345678", "versie 1.2.3"],
)
def test_ingest_dates_search_ignores_numbers_that_are_not_dates(text: str) -> None:
    assert search_datetime(text) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1683100800, utc(2023, 5, 3, 8, 0)),
        (1683100800000, utc(2023, 5, 3, 8, 0)),
        ("1683100800", utc(2023, 5, 3, 8, 0)),
        (1683100800.5, utc(2023, 5, 3, 8, 0, 0, 500000)),
        ("3 mei 2023 om 10:00", utc(2023, 5, 3, 8, 0)),
        (datetime(2023, 5, 3, 10, 0), utc(2023, 5, 3, 8, 0)),
        (datetime(2023, 5, 3, 10, 0, tzinfo=UTC), utc(2023, 5, 3, 10, 0)),
        (date(2023, 5, 3), utc(2023, 5, 2, 22, 0)),
        (None, None),
        ("", None),
        (True, None),
        ("gisteren", None),
    ],
)
def test_ingest_dates_parse_timestamp_of_export_values(
    value: object, expected: datetime | None
) -> None:
    assert parse_timestamp(value) == expected


@settings(max_examples=150, deadline=None)
@given(
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 12, 31)),
    st.sampled_from(["{d} {month} {y} om {t}", "{d}-{m}-{y} {t}", "{y}-{m}-{d} {t}"]),
)
def test_ingest_dates_round_trip_of_written_dates(moment: datetime, pattern: str) -> None:
    dutch = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus"]
    dutch += ["september", "oktober", "november", "december"]
    moment = moment.replace(second=0, microsecond=0, fold=0)
    text = pattern.format(
        d=f"{moment.day:02d}",
        m=f"{moment.month:02d}",
        month=dutch[moment.month - 1],
        y=moment.year,
        t=moment.strftime("%H:%M"),
    )
    # Wall-clock time in Amsterdam, as zoneinfo reads it (first of two at the autumn change).
    assert parse_datetime(text) == moment.replace(tzinfo=AMSTERDAM).astimezone(UTC)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_ingest_dates_never_crashes_on_arbitrary_text(text: str) -> None:
    value = parse_datetime(text)
    assert value is None or value.tzinfo == UTC
    match = search_datetime(text)
    assert match is None or 0 <= match.start < match.end <= len(text)
