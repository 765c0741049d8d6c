"""Validate tables and write them atomically as Parquet and into an embedded DuckDB file.

Each file is written to a temporary name in the same folder and moved into place with
``os.replace``, so a crash mid-run leaves either the old table or the new one, never half.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schemas import TABLES, validate

DUCKDB_FILE = "gemeentetaal.duckdb"


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it over ``target`` on success."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def atomic_write_text(target: Path, text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def atomic_write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def to_arrow(name: str, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    """Validate ``rows`` against the declaration of table ``name``."""
    return validate(TABLES[name], rows)


def write_parquet(table: pa.Table, target: Path) -> None:
    with atomic_path(target) as tmp:
        pq.write_table(table, tmp, compression="zstd")


def write_duckdb(tables: Mapping[str, pa.Table], target: Path) -> None:
    """Write all tables into a fresh DuckDB file and move it into place."""
    import duckdb

    with atomic_path(target) as tmp:
        con = duckdb.connect(str(tmp))
        try:
            for name, table in tables.items():
                con.register("_incoming", table)
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _incoming')
                con.unregister("_incoming")
                comment_table(con, name)
            con.execute("CHECKPOINT")
        finally:
            con.close()


def comment_table(con: Any, name: str) -> None:
    """Describe a declared table and its columns in the DuckDB catalogue."""
    table = TABLES.get(name)
    if table is None:
        return
    text = f"one row per {table.grain}; key {', '.join(table.key)}"
    con.execute(f"COMMENT ON TABLE \"{name}\" IS '{_sql_str(text)}'")
    for col in table.columns:
        con.execute(f'COMMENT ON COLUMN "{name}"."{col.name}" IS \'{_sql_str(col.doc)}\'')


def _sql_str(text: str) -> str:
    return text.replace("'", "''")


def write_tables(
    rows: Mapping[str, Sequence[Mapping[str, Any]] | pa.Table],
    out_dir: Path,
    *,
    duckdb_file: str | None = DUCKDB_FILE,
) -> dict[str, pa.Table]:
    """Validate every table, then write ``<out_dir>/<name>.parquet`` and the DuckDB file.

    Validation of all tables happens before the first write, so a schema error writes nothing.
    """
    arrow: dict[str, pa.Table] = {}
    for name, value in rows.items():
        if isinstance(value, pa.Table):
            arrow[name] = value.cast(TABLES[name].arrow_schema())
        else:
            arrow[name] = to_arrow(name, value)
    for name, table in arrow.items():
        write_parquet(table, out_dir / f"{name}.parquet")
    if duckdb_file:
        write_duckdb(arrow, out_dir / duckdb_file)
    return arrow


def read_table(out_dir: Path, name: str) -> pa.Table:
    """Read a table written by ``write_tables``; an empty typed table when it is missing."""
    path = out_dir / f"{name}.parquet"
    if not path.exists():
        return TABLES[name].arrow_schema().empty_table()
    return pq.read_table(path)
