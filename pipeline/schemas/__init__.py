"""Declarations of every output table: one place for column names, types, nullability, keys,
allowed values, ranges, ordered pairs and references between tables.

The pyarrow schema, the DuckDB DDL, the analyst views and docs/tables.md are all derived from
``TABLES`` and ``VIEWS``; ``validate`` checks rows against a declaration just before anything is
written, and ``check_references`` checks that every reference between the tables of one output
resolves. Every error names the table and the column.

Modules: ``model`` (Column, Table, View), ``columns`` (types and shorthands), ``documents``
and ``tables`` (the declarations), ``checks`` (validation), ``ddl`` (DuckDB ``CREATE TABLE``
with NOT NULL and CHECK, and PRIMARY KEY and FOREIGN KEY with ``[run] duckdb_keys``) and
``docs`` (docs/tables.md).
"""

from pipeline.schemas.checks import check_references, check_table, validate
from pipeline.schemas.columns import (
    DOCUMENT_TYPES,
    LIST_S,
    SENTIMENTS,
    TEXT_UNIT_KINDS,
    TS,
    UNIT_KINDS,
)
from pipeline.schemas.ddl import DUCKDB_TYPES, creation_order, duckdb_ddl
from pipeline.schemas.docs import tables_markdown
from pipeline.schemas.documents import (
    AMOUNTS,
    DOCUMENTS,
    INDICATORS,
    ITEMS,
    PARAGRAPHS,
    PROGRAMMES,
    READABILITY_COLUMNS,
    SECTIONS,
)
from pipeline.schemas.model import Column, SchemaError, Table, View
from pipeline.schemas.tables import (
    COMMENTS,
    ERRORS,
    FLAGS,
    RUNS,
    SENTENCES,
    TABLES,
    THEME_NAMES,
    THEMES,
    THREADS,
    UNITS,
    VIEWS,
)

__all__ = [
    "AMOUNTS", "COMMENTS", "DOCUMENTS", "DOCUMENT_TYPES", "DUCKDB_TYPES", "ERRORS", "FLAGS",
    "INDICATORS", "ITEMS", "LIST_S", "PARAGRAPHS", "PROGRAMMES", "READABILITY_COLUMNS", "RUNS",
    "SECTIONS", "SENTENCES", "SENTIMENTS", "TABLES", "TEXT_UNIT_KINDS", "THEMES", "THEME_NAMES",
    "THREADS", "TS", "UNITS", "UNIT_KINDS", "VIEWS", "Column", "SchemaError", "Table", "View",
    "check_references", "check_table", "creation_order", "duckdb_ddl", "tables_markdown",
    "validate",
]  # fmt: skip
