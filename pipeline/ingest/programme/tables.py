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
    first = 2 if _code_column(table.rows) else 1  # the first column of amounts
    numeric = sum(1 for r in table.rows for c in r[first:] if parse_amount(c) is not None)
    cells = sum(1 for r in table.rows for c in r[first:] if c.strip())
    if numeric and numeric * 2 >= cells:
        table.kind = "amounts"
        if first == 2:
            joined = [[" ".join(c for c in r[:2] if c.strip()), *r[2:]] for r in table.rows]
            labels = row_labels(joined, vocab.row_kinds)
        else:
            labels = row_labels(table.rows, vocab.row_kinds)
        _amounts(table, labels, first)
        return
    years = _period_columns(table)
    if years:
        table.kind = "indicators"
        _wide_indicators(table, years, 0)


_SHORT_VALUE_WORDS = 4
# a value of a measure: a figure with its unit ("92,30%", "190 kg") or a few words ("Te
# behalen"), no sentence ("- CAO lonen;")
_MEASURE = re.compile(r"[-−–]?\s*€?\s*\d[\d.,]*\s*(?:%|[^\W\d_]{1,8})?|[^\W\d_][\w ./%-]*")
_NIL = frozenset({"-", "–", "—", "−", "nvt", "n.v.t."})


def _period_columns(table: Table) -> list[int]:
    """The year columns of a table of measures without a name header: two or more value
    columns headed by a year ("2024 realisatie", "2026 begroting"), a name with letters in
    the first column of every row, short values filled in most cells, most of them no
    amounts (percentages, words: "92,30%", "behaald"). Empty when the table is no such
    table."""
    years = _year_columns(table, skip=0)
    if len(years) < 2 or not table.rows:
        return []
    values = [r[i].strip() for r in table.rows for i in years if i < len(r)]
    filled = [v for v in values if v]
    if len(filled) * 2 < len(values):
        return []
    if any(len(v.split()) > _SHORT_VALUE_WORDS or _MEASURE.fullmatch(v) is None for v in filled):
        return []
    money = sum(1 for v in filled if parse_amount(v) is not None or v in _NIL)
    if money * 2 >= len(filled):
        return []  # a table of amounts (an investment plan with "-" for nothing)
    if not all(r and any(ch.isalpha() for ch in r[0]) for r in table.rows):
        return []
    return years


# a code in a column of its own before the row's name: "0.1", "6.81b", "7", "P3"
_CODE = re.compile(r"[A-Z]?\d{1,2}(?:\.\d{1,3})*[a-z]?")


def _code_column(rows: list[list[str]]) -> bool:
    """The row label is a code and a name in two columns ("0.1" | "Bestuur" | 0 | 96, a
    task-field overview): every row with a second cell has a code (or nothing) in the
    first and text in the second, at least two rows have both."""
    both = 0
    for row in rows:
        if len(row) < 3 or not row[1].strip():
            continue
        code, name = row[0].strip(), row[1].strip()
        if code and _CODE.fullmatch(code) is None:
            return False
        if parse_amount(name) is not None or not any(ch.isalpha() for ch in name):
            return False
        both += bool(code)
    return both >= 2


# the start of a row label of its own: a capital, or a number before a word ("6.72 Jeugd");
# anything else ("gronden", "(VpB)", "18+") is the wrapped rest of the label above
_LABEL_START = re.compile(r"[A-ZÀ-Þ]|\d+(?:[.,]\d+)*[a-z]?\.?\s+\S")


def row_labels(rows: list[list[str]], kinds: frozenset[str]) -> list[str]:
    """The row label of every row of a cost table.

    Tables that give their amounts per task field in blocks of rows ("0.3 Beheer overige
    gebouwen en | Baten", "gronden | Lasten", "| Saldo") name each row "<block label>
    <kind>" ("0.3 Beheer overige gebouwen en gronden Lasten"): the block label is the text
    before the kind on the block's first row plus the wrapped rest of it on the rows below
    (text that does not start with a capital or a number and a word); a kind in a column of
    its own counts
    the same. Only when the table has such blocks (three or more rows in blocks of two or
    more rows); other rows, and other tables, keep their label as written (first cell).
    """
    labels = [row[0] if row else "" for row in rows]
    if not kinds:
        return labels
    split: list[tuple[str, str] | None] = []
    for row, label in zip(rows, labels, strict=True):
        text = label
        if len(row) > 1 and fold(row[1]).strip() in kinds:
            text = f"{label} {row[1]}".strip()
        words = text.split()
        if words and fold(words[-1]) in kinds:
            split.append((" ".join(words[:-1]), words[-1]))
        else:
            split.append(None)
    blocks: list[tuple[list[str], list[int]]] = []  # (label parts, rows)
    seen: set[str] = set()
    for i, part in enumerate(split):
        if part is None:
            seen = set()
            blocks.append(([], []))
            continue
        prefix, kind = part
        k = fold(kind)
        joins = bool(blocks and blocks[-1][1]) and k not in seen
        if joins and prefix and _LABEL_START.match(prefix) is not None:
            joins = False
        if not joins:
            seen = set()
            blocks.append(([prefix] if prefix else [], []))
        elif prefix:
            blocks[-1][0].append(prefix)
        seen.add(k)
        blocks[-1][1].append(i)
    in_blocks = sum(len(r) for parts, r in blocks if parts and len(r) >= 2)
    if in_blocks < 3:
        return labels
    for parts, members in blocks:
        if parts and len(members) >= 2:
            for i in members:
                kind = split[i][1]  # type: ignore[index]
                labels[i] = f"{' '.join(parts)} {kind}"
    return labels


def _amounts(table: Table, labels: list[str], first: int = 1) -> None:
    factor = unit_factor(table.unit)
    for r, row in enumerate(table.rows):
        label = labels[r]
        for c, value in enumerate(row[first:], start=first):
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
    name_col = where.get("name", 0)  # its header may carry a year: "(nieuw vanaf 2026)"
    years = _year_columns(table, skip=name_col)
    if "period" not in where and len(years) >= 2:
        _wide_indicators(table, years, name_col)
        return
    period_header: str | None = None
    if "value" not in where:
        # no header names the value ("indicator | begroting"): the first column of figures
        for i in range(len(names)):
            column = [r[i] for r in table.rows if i < len(r) and r[i].strip()]
            figures = sum(1 for v in column if _FIGURE.fullmatch(v.strip()))
            if i not in where.values() and column and figures * 2 > len(column):
                where["value"] = i
                if "period" not in where and table.header[i].strip():
                    period_header = " ".join(table.header[i].split())
                break
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
        period = period or period_header
        table.indicators.append(
            Indicator(make_id(table.table_id, "indicator", r), " ".join(name.split()),
                      get("unit"), period, value, get("source"))
        )  # fmt: skip


_YEAR_IN_HEADER = re.compile(r"\b(?:19|20)\d\d\b")


def _year_columns(table: Table, skip: int) -> list[int]:
    """The columns whose header carries a year, except the name column ``skip``."""
    return [i for i, h in enumerate(table.header) if i != skip and _YEAR_IN_HEADER.search(h)]


# a figure of an indicator: "1,31", "23,98", "3%", "-1.200"
_FIGURE = re.compile(r"[-−–]?\s*€?\s*\d[\d.,]*\s*%?")


def _wide_indicators(table: Table, columns: list[int], name_col: int) -> None:
    """An indicator table with a column per year ("Indicator | 2023 realisatie | 2024
    realisatie | 2025 begroting"): one indicator per filled cell, its period the header."""
    for r, row in enumerate(table.rows):
        name = " ".join(row[name_col].split()) if name_col < len(row) else ""
        if not name:
            continue
        for c in columns:
            value = row[c].strip() if c < len(row) else ""
            if value:
                table.indicators.append(
                    Indicator(make_id(table.table_id, "indicator", r, c), name, None,
                              " ".join(table.header[c].split()), value, None)
                )  # fmt: skip
