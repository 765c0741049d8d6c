"""DuckDB DDL from the declarations: ``CREATE TABLE`` with NOT NULL, CHECK and (optionally)
PRIMARY KEY and FOREIGN KEY constraints, and the order that creates referenced tables first."""

from __future__ import annotations

from collections.abc import Collection, Iterable

import pyarrow as pa

from pipeline.schemas.columns import LIST_S, TS
from pipeline.schemas.model import Table, _num
from pipeline.schemas.tables import TABLES

DUCKDB_TYPES = {
    pa.string(): "VARCHAR",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
    TS: "TIMESTAMPTZ",
    LIST_S: "VARCHAR[]",
}


def _sql_literal(value: object) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return _num(float(value))  # type: ignore[arg-type]


def duckdb_ddl(
    table: Table, with_foreign_keys: Collection[str] = (), primary_key: bool = True
) -> str:
    """``CREATE TABLE`` for ``table`` with its constraints: NOT NULL, CHECK (allowed values,
    ranges, ordered pairs), PRIMARY KEY (unless ``primary_key`` is false), and FOREIGN KEY to
    the tables in ``with_foreign_keys`` (which must be created first)."""
    lines = []
    for col in table.columns:
        parts = [f'"{col.name}"', DUCKDB_TYPES[col.type]]
        if not col.nullable:
            parts.append("NOT NULL")
        checks = []
        allowed = col.allowed()
        quoted = f'"{col.name}"'
        if allowed is not None:
            values = ", ".join(_sql_literal(v) for v in allowed)
            if pa.types.is_list(col.type):
                checks.append(f"list_has_all([{values}], {quoted})")
            else:
                checks.append(f"{quoted} IN ({values})")
        if col.minimum is not None:
            checks.append(f"{quoted} >= {_sql_literal(col.minimum)}")
        if col.maximum is not None:
            checks.append(f"{quoted} <= {_sql_literal(col.maximum)}")
        if checks:
            parts.append(f"CHECK ({' AND '.join(checks)})")
        lines.append(" ".join(parts))
    for low, high in table.ordered:
        lines.append(f'CHECK ("{low}" <= "{high}")')
    if primary_key or with_foreign_keys:  # a referenced table needs its key
        lines.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in table.key) + ")")
    for column, target, target_column in table.references():
        if target != table.name and target in with_foreign_keys:
            lines.append(f'FOREIGN KEY ("{column}") REFERENCES "{target}" ("{target_column}")')
    body = ",\n    ".join(lines)
    return f'CREATE TABLE "{table.name}" (\n    {body}\n)'


def creation_order(names: Iterable[str]) -> list[str]:
    """``names`` with every referenced table before the tables referring to it."""
    names = list(names)
    done: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in done or name in path:
            return
        for _, target, _ in TABLES[name].references():
            if target in names and target != name:
                visit(target, (*path, name))
        done.append(name)

    for name in names:
        visit(name, ())
    return done
