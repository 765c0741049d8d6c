"""Checks of rows and tables against their declarations, before anything is written: columns,
types, nulls, allowed values, ranges, ordered pairs, unique keys, and references between
tables. Every error names the table and the column."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.schemas.model import SchemaError, Table
from pipeline.schemas.tables import TABLES


def _where(table: Table, column: str, index: int) -> str:
    return f"{table.name}.{column} (row {index})"


def validate(
    table: Table, rows: Sequence[Mapping[str, Any]] | Iterable[Mapping[str, Any]]
) -> pa.Table:
    """Check rows against the declaration and return them as a typed Arrow table.

    Raises:
        SchemaError: unknown or missing columns, wrong types, nulls in non-null columns,
            values outside the allowed set or range, a pair out of order, or duplicate keys;
            the message names the table and the column.
    """
    rows = list(rows)
    expected = set(table.column_names)
    checked: set[tuple[str, ...]] = set()  # rows' column sets found fine (rows repeat them)
    for i, row in enumerate(rows):
        names = tuple(row)
        if names in checked:
            continue
        checked.add(names)
        extra = set(row) - expected
        if extra:
            raise SchemaError(f"{table.name}: row {i} has unknown columns {sorted(extra)}")
        missing = [c.name for c in table.columns if c.name not in row and c.name != "run_id"]
        if missing and any(not table.column(m).nullable for m in missing):
            raise SchemaError(f"{table.name}: row {i} misses columns {missing}")
    columns: dict[str, list[Any]] = {
        c.name: [row.get(c.name) for row in rows] for c in table.columns
    }
    try:
        arrow = pa.Table.from_pydict(columns, schema=table.arrow_schema())
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
        raise SchemaError(f"{table.name}: {exc}") from exc
    return check_table(table, arrow)


def check_table(table: Table, arrow: pa.Table) -> pa.Table:
    """Check a typed Arrow table against the declaration (columns, nulls, allowed values,
    ranges, ordered pairs, unique key) and return it cast to the declared schema.

    Raises:
        SchemaError: the first problem, naming the table and the column.
    """
    declared, given = table.column_names, arrow.column_names  # lists made once
    declared_set, given_set = set(declared), set(given)
    missing = [n for n in declared if n not in given_set]
    if missing:
        raise SchemaError(f"{table.name}: missing columns {missing}")
    extra = [n for n in given if n not in declared_set]
    if extra:
        raise SchemaError(f"{table.name}: unknown columns {extra}")
    try:
        arrow = arrow.select(table.column_names).cast(table.arrow_schema())
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError) as exc:
        raise SchemaError(f"{table.name}: {exc}") from exc
    for col in table.columns:
        data = arrow.column(col.name)
        if not col.nullable and data.null_count:
            raise SchemaError(f"{table.name}.{col.name}: null values in a non-null column")
        allowed = col.allowed()
        if allowed is not None:
            flat = pc.list_flatten(data) if pa.types.is_list(col.type) else data
            known = pc.is_in(flat, value_set=pa.array(allowed, pa.string()))
            bad = pc.and_(pc.invert(known), pc.is_valid(flat))
            bad_values = sorted({v for v in pc.filter(flat, bad).to_pylist()})
            if bad_values:
                raise SchemaError(
                    f"{table.name}.{col.name}: unknown values {bad_values[:5]}; "
                    f"allowed: {', '.join(allowed)}"
                )
        for bound, op, word in (
            (col.minimum, pc.less, "below"),
            (col.maximum, pc.greater, "above"),
        ):
            if bound is not None and len(data):
                out = pc.fill_null(op(data, bound), False)
                if pc.any(out).as_py():
                    first = pc.index(out, True).as_py()
                    raise SchemaError(
                        f"{_where(table, col.name, first)}: value {data[first].as_py()} is "
                        f"{word} the allowed range [{col.minimum}, {col.maximum}]"
                    )
    for low, high in table.ordered:
        out = pc.fill_null(pc.greater(arrow.column(low), arrow.column(high)), False)
        if len(out) and pc.any(out).as_py():
            first = pc.index(out, True).as_py()
            raise SchemaError(f"{_where(table, low, first)}: {low} is greater than {high}")
    if arrow.num_rows:
        if len(table.key) == 1:  # one column: counting its values is cheaper than grouping
            n_unique = pc.count_distinct(arrow.column(table.key[0]), mode="all").as_py()
        else:
            n_unique = (
                arrow.select(list(table.key)).group_by(list(table.key)).aggregate([]).num_rows
            )
        if n_unique != arrow.num_rows:
            raise SchemaError(f"{table.name}: duplicate key {table.key}")
    return arrow


def check_references(tables: Mapping[str, pa.Table]) -> None:
    """Check that every declared reference between ``tables`` resolves (references to a table
    not given are not checked).

    Raises:
        SchemaError: a value that is not in the referenced column, naming both columns.
    """
    for name, arrow in tables.items():
        for column, target, target_column in TABLES[name].references():
            if target not in tables or column not in arrow.column_names:
                continue
            values = pc.drop_null(arrow.column(column))
            known = tables[target].column(target_column)
            missing = pc.invert(pc.is_in(values, value_set=pc.unique(known)))
            if len(values) and pc.any(missing).as_py():
                n = pc.sum(missing).as_py()
                raise SchemaError(
                    f"{name}.{column}: {n} value(s) not found in {target}.{target_column}"
                )
