"""Tables of programme texts as data: cost tables become amounts, indicator tables indicators,
two-column goal/action tables pairs of items. Tables are never prose."""

from __future__ import annotations

import re

from pipeline.ingest.municipalities import fold
from pipeline.ingest.programme.vocabulary import Vocabulary
from pipeline.records import Amount, Indicator, Table, make_id

_NUMBER = re.compile(r"[-−–]?\s*\(?\s*[-−–]?\s*(?:€\s*)?\d{1,3}(?:[.\s]\d{3})*(?:,\d+)?\s*\)?%?|"
                     r"[-−–]?\s*(?:€\s*)?\d+(?:,\d+)?%?")  # fmt: skip


def parse_amount(value: str) -> float | None:
    """A Dutch-written number: ``"1.234"`` is 1234, ``"-1.234,5"`` and ``"(1.234,5)"`` are
    -1234.5, ``"€ 250.000"`` is 250000. None for anything else (``"-"``, text, ``"12%"``)."""
    text = value.strip()
    if not text or text.endswith("%") or _NUMBER.fullmatch(text) is None:
        return None
    negative = text.startswith(("-", "−", "–", "(")) or "(-" in text
    digits = re.sub(r"[^\d,]", "", text).replace(",", ".")
    if not digits or digits.count(".") > 1:
        return None
    number = float(digits)
    return -number if negative else number


def unit_factor(unit: str | None) -> float | None:
    """Euros per unit of a table: ``x € 1.000`` gives 1000, ``in €`` 1; None when unknown."""
    if not unit:
        return None
    u = unit.lower().replace(" ", "")
    if "1.000.000" in u or "mln" in u or "miljoen" in u:
        return 1_000_000.0
    if "1.000" in u or "1000" in u or "duizend" in u:
        return 1000.0
    if "€" in u or "euro" in u:
        return 1.0
    return None


def header_like(row: list[str], vocab: Vocabulary) -> bool:
    """A first row that names goal/action or indicator columns (a header written as a row)."""
    names = [fold(c).strip(" :?") for c in row]
    known = vocab.goal_columns | vocab.action_columns
    for words in vocab.indicator_columns.values():
        known = known | words
    return bool(names) and sum(n in known for n in names) * 2 >= len(names)


def _header_names(table: Table) -> list[str]:
    return [fold(c).strip(" :?") for c in table.header]


def _names_field(name: str, words: frozenset[str] | set[str]) -> bool:
    """A header cell names a field: the whole cell, or one of its words
    ("Progr. Nr. Naam Indicator" names the indicator)."""
    return name in words or any(w in words for w in re.findall(r"[a-z]+", name))


# "1 6. Verwijzingen Halt": programme and indicator numbers before the name
_NAME_NUMBERS = re.compile(r"(?:(?<=\s)|^)(?:\d{1,2}\s+)?\d{1,3}\.\s+(?=[^\W\d_])")
# "10 (2022)": a value with its year
_VALUE_YEAR = re.compile(r"(.*?\S)\s*\(((?:19|20)\d\d(?:[-/]\d{2,4})?)\)")


def classify_table(table: Table, vocab: Vocabulary, section_heading: str | None) -> None:
    """Set ``table.kind`` and fill its amounts or indicators."""
    names = _header_names(table)
    width = max((len(r) for r in [table.header, *table.rows]), default=0)
    if (
        width == 2
        and len(names) == 2
        and (names[0] in vocab.goal_columns and names[1] in vocab.action_columns)
    ):
        table.kind = "pairs"
        return
    cols = vocab.indicator_columns
    is_indicator = (
        bool(names)
        and any(_names_field(n, cols["name"]) for n in names)
        and any(_names_field(n, cols["value"]) or _names_field(n, cols["unit"]) for n in names)
    )
    named = bool(names) and any(_names_field(n, cols["name"]) for n in names)
    if named and (is_indicator or (section_heading and "indicator" in fold(section_heading))):
        table.kind = "indicators"
        _indicators(table, vocab)
        return
    numeric = sum(1 for r in table.rows for c in r[1:] if parse_amount(c) is not None)
    cells = sum(1 for r in table.rows for c in r[1:] if c.strip())
    if numeric and numeric * 2 >= cells:
        table.kind = "amounts"
        _amounts(table)


def _amounts(table: Table) -> None:
    factor = unit_factor(table.unit)
    for r, row in enumerate(table.rows):
        label = row[0] if row else ""
        for c, value in enumerate(row[1:], start=1):
            number = parse_amount(value)
            if number is None:
                continue
            column = table.header[c] if c < len(table.header) and table.header[c] else f"kolom {c}"
            table.amounts.append(
                Amount(
                    make_id(table.table_id, "amount", r, c),
                    r,
                    c,
                    label,
                    column,
                    value,
                    table.unit,
                    None if factor is None else number * factor,
                )
            )


def _indicators(table: Table, vocab: Vocabulary) -> None:
    names = _header_names(table)
    where: dict[str, int] = {}
    for exact in (True, False):
        for field_name, words in vocab.indicator_columns.items():
            for i, name in enumerate(names):
                hit = name in words if exact else _names_field(name, words)
                if hit and field_name not in where and i not in where.values():
                    where[field_name] = i
    for r, row in enumerate(table.rows):

        def get(field_name: str, row: list[str] = row) -> str | None:
            i = where.get(field_name)
            return row[i] if i is not None and i < len(row) and row[i] else None

        name = _NAME_NUMBERS.sub("", get("name") or (row[0] if row else ""), count=1).strip()
        if not name:
            continue
        value, period = get("value"), get("period")
        m = _VALUE_YEAR.fullmatch(value) if value and period is None else None
        if m is not None:
            value, period = m.group(1), m.group(2)
        table.indicators.append(
            Indicator(make_id(table.table_id, "indicator", r), " ".join(name.split()),
                      get("unit"), period, value, get("source"))
        )  # fmt: skip
