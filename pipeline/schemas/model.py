"""The declaration types: a ``Column`` (type, nullability, allowed values, range, reference),
a ``Table`` (grain, key, columns, ordered pairs) and a ``View``."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

import pyarrow as pa


class SchemaError(ValueError):
    """Rows do not match their table declaration."""


Values = tuple[str, ...] | Callable[[], Collection[str]]


@dataclass(frozen=True)
class Column:
    """A declared column.

    Attributes:
        values: the allowed values (for a list column: of each element), or a function giving
            them (for values declared elsewhere, such as the flag registry).
        minimum, maximum: the allowed range of a number (inclusive).
        references: ``"table.column"`` this column's non-null values must occur in.
    """

    name: str
    type: pa.DataType
    nullable: bool = True
    doc: str = ""
    values: Values | None = None
    minimum: float | None = None
    maximum: float | None = None
    references: str | None = None

    def allowed(self) -> tuple[str, ...] | None:
        """The allowed values, resolved."""
        if self.values is None:
            return None
        return tuple(self.values() if callable(self.values) else self.values)

    def describe(self) -> str:
        """The documentation with the declared constraints, for docs/tables.md."""
        parts = [self.doc.replace("|", "/")]
        values = self.allowed()
        if values is not None:
            parts.append("one of: " + ", ".join(f"`{v}`" for v in values))
        if self.minimum is not None or self.maximum is not None:
            low = "" if self.minimum is None else _num(self.minimum)
            high = "" if self.maximum is None else _num(self.maximum)
            parts.append(f"range [{low}, {high}]" if high else f"at least {low}")
        if self.references:
            parts.append(f"references `{self.references}`")
        return "; ".join(p for p in parts if p)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class Table:
    """A declared table: its grain, key, columns and ordered column pairs (``ordered``: each
    ``(low, high)`` must satisfy low <= high where both are set)."""

    name: str
    grain: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    ordered: tuple[tuple[str, str], ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns])

    def references(self) -> list[tuple[str, str, str]]:
        """(column, referenced table, referenced column) of every declared reference."""
        out = []
        for c in self.columns:
            if c.references:
                table, column = c.references.split(".")
                out.append((c.name, table, column))
        return out

    def to_markdown(self) -> str:
        lines = [
            f"### `{self.name}`",
            f"One row per {self.grain}. Key: `{', '.join(self.key)}`.",
        ]
        if self.ordered:
            pairs = ", ".join(f"`{a}` <= `{b}`" for a, b in self.ordered)
            lines.append(f"Checked: {pairs}.")
        lines += [
            "",
            "| column | type | nullable | description |",
            "|---|---|---|---|",
        ]
        for c in self.columns:
            nullable = "yes" if c.nullable else "no"
            lines.append(f"| `{c.name}` | {c.type} | {nullable} | {c.describe()} |")
        return "\n".join(lines)


@dataclass(frozen=True)
class View:
    """A DuckDB view over the tables, for a join analysts make often."""

    name: str
    doc: str
    sql: str
