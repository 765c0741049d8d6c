"""Validate tables and write them atomically as Parquet and into an embedded DuckDB file.

Each file is written to a temporary name in the same folder and moved into place with
``os.replace``, so a crash mid-run leaves either the old table or the new one, never half.
A set of tables is staged the same way (``StagedOutputs``): every Parquet file and the DuckDB
file built from them are written under temporary names first and moved into place only when
all of them are complete, so a full disk leaves the old set as it was, Parquet and DuckDB
alike. A temporary file that outlives its process (kill -9, power loss) is removed by the
next command that writes to the folder (``output_folder``, which also keeps two commands from
writing to one folder at the same time). A failure to write is an ``OutputError``: one line
naming the file and the reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schemas import (
    TABLES,
    VIEWS,
    SchemaError,
    check_references,
    check_table,
    creation_order,
    duckdb_ddl,
    validate,
)

DUCKDB_FILE = "gemeentetaal.duckdb"
DASHBOARD_FILE = "dashboard.html"  # the dashboard command's default file in the output folder
LOCK_FILE = ".gemeentetaal.lock"
STREAM_ROWS = 65_536  # rows per row group when a streamed table is written
# Temporary names made by temp_path (and DuckDB's write-ahead log beside them).
_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp(\.wal)?$")


class OutputError(Exception):
    """An output cannot be written; the message is one line for the user."""


def output_error(exc: BaseException, target: Path | str) -> OutputError:
    """One line for a failed write: the file and the reason, with a hint for a full disk."""
    code = getattr(exc, "errno", None)
    text = str(exc)
    if code == errno.ENOSPC or "No space left" in text:
        reason = "the disk is full (no space left on device)"
    elif code in (errno.EACCES, errno.EPERM):
        reason = "permission denied"
    elif code == errno.EROFS:
        reason = "the file system is read-only"
    elif code == errno.ENOTDIR:
        reason = "a part of the path is a file, not a folder"
    elif code == errno.ENOENT:
        reason = "its folder does not exist"
    elif isinstance(exc, OSError) and exc.strerror:
        reason = exc.strerror.lower()
    else:
        reason = exc.__class__.__name__
    path = Path(target)
    if _TEMP_NAME.match(path.name):  # name the file the user knows, not its temporary name
        path = path.with_name(path.name[1:].rsplit(".", 3 if path.suffix == ".wal" else 2)[0])
    return OutputError(f"cannot write {path if str(target) else 'the output'}: {reason}")


def temp_path(target: Path) -> Path:
    """A fresh temporary name beside ``target`` (not created)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise output_error(exc, target.parent) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    return tmp


def _remove(tmp: Path) -> None:
    for path in (tmp, tmp.with_name(tmp.name + ".wal")):
        with contextlib.suppress(OSError):
            path.unlink()


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it over ``target`` on success.

    Raises:
        OutputError: the folder or file cannot be written (full disk, no permission).
    """
    tmp = temp_path(target)
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        raise output_error(exc, target) from exc
    finally:
        _remove(tmp)


class StagedOutputs:
    """New versions of a set of files, moved into place together once all are written.

    Use as a context manager: ``stage(target)`` gives a temporary path to write; when the
    block ends without an error every staged file replaces its target (DuckDB last); on an
    error, every staged file is removed and the targets stay as they were.
    """

    def __init__(self) -> None:
        self.staged: dict[Path, Path] = {}  # target -> temporary path

    def stage(self, target: Path) -> Path:
        tmp = temp_path(target)
        self.staged[target] = tmp
        return tmp

    def __enter__(self) -> StagedOutputs:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is not None:
            for tmp in self.staged.values():
                _remove(tmp)
            if isinstance(exc, OSError):  # the file being written is the last one staged
                raise output_error(exc, list(self.staged)[-1] if self.staged else "") from exc
            return
        order = sorted(self.staged, key=lambda t: t.name == DUCKDB_FILE)
        done: list[Path] = []
        try:
            for target in order:
                os.replace(self.staged[target], target)
                done.append(target)
        except OSError as exc:  # rare: a move needs no space; never leave a stale database
            for target in order:
                _remove(self.staged[target])
                if target.name == DUCKDB_FILE and target not in done:
                    with contextlib.suppress(OSError):
                        target.unlink()
            raise output_error(exc, target) from exc


@contextlib.contextmanager
def output_folder(out_dir: Path) -> Iterator[Path]:
    """Create ``out_dir``, hold its lock while a command writes there, and remove temporary
    files left by interrupted commands.

    Raises:
        OutputError: the folder cannot be created or written, or another command holds it.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        handle = (out_dir / LOCK_FILE).open("a")
    except OSError as exc:
        raise output_error(exc, out_dir) from exc
    try:
        try:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # not POSIX: no lock, and no clean-up of others' files
            yield out_dir
            return
        except OSError as exc:
            raise OutputError(
                f"cannot write {out_dir}: another gemeentetaal command is writing there"
            ) from exc
        remove_stale_temps(out_dir)
        yield out_dir
    finally:
        handle.close()


def remove_stale_temps(out_dir: Path) -> list[Path]:
    """Remove temporary files of earlier, interrupted writes in ``out_dir`` and in its
    ``parts`` folder (call only while holding the folder's lock). Returns what was removed."""
    removed: list[Path] = []
    parts = out_dir / "parts"
    folders = [out_dir, parts, *(p for p in parts.glob("*") if p.is_dir())]
    for path in (f for f in folders if f.is_dir()):
        for child in path.iterdir():
            if _TEMP_NAME.match(child.name) and child.is_file():
                with contextlib.suppress(OSError):
                    child.unlink()
                    removed.append(child)
    return removed


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


def write_duckdb(
    tables: Mapping[str, pa.Table | Path], target: Path, *, keys: bool = False
) -> None:
    """Write tables (Arrow tables, or Parquet files streamed by DuckDB) into a fresh DuckDB
    file at ``target`` (a staged temporary path, or a file moved into place here), each with
    the constraints of its declaration (``schemas.duckdb_ddl``: NOT NULL, CHECK; with
    ``keys`` PRIMARY KEY and FOREIGN KEY too, referenced tables first); then the analyst
    views whose tables are all present. Keys and references are checked before this
    (``validate``, ``check_references``, ``check_files``).

    Raises:
        SchemaError: rows break a constraint (names the table and the constraint).
        OutputError: DuckDB cannot write the file (full disk, no permission).
    """
    import duckdb

    staged = target.name.endswith(".tmp")
    tmp = target if staged else temp_path(target)
    try:
        con = duckdb.connect(str(tmp))
        try:
            declared = [n for n in tables if n in TABLES]
            names = creation_order(declared) + [n for n in tables if n not in TABLES]
            for name in names:
                _load_table(con, name, tables[name], declared if keys else None)
            # Catalogue comments and views in one transaction: each statement on its own
            # commits the catalogue again (~3 ms per column comment, ~1.5 s per run).
            con.execute("BEGIN TRANSACTION")
            for name in names:
                comment_table(con, name)
            create_views(con, set(tables))
            con.execute("COMMIT")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        if not staged:
            os.replace(tmp, target)
    except (duckdb.Error, OSError) as exc:
        _remove(tmp)
        raise output_error(exc, target) from exc
    finally:
        if not staged:
            _remove(tmp)


def _load_table(con: Any, name: str, table: pa.Table | Path, declared: list[str] | None) -> None:
    import duckdb

    if isinstance(table, Path):
        path = str(table).replace("'", "''")
        source = f"read_parquet('{path}')"
    else:
        con.register("_incoming", table)
        source = "_incoming"
    try:
        if name in TABLES:
            keyed = declared is not None
            con.execute(duckdb_ddl(TABLES[name], declared or (), primary_key=keyed))
            con.execute(f'INSERT INTO "{name}" BY NAME SELECT * FROM {source}')
        else:
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM {source}')
    except duckdb.ConstraintException as exc:
        first = str(exc).splitlines()[0]
        raise SchemaError(f"{name}: a row breaks a constraint of the table: {first}") from exc
    finally:
        if source == "_incoming":
            con.unregister("_incoming")


def create_views(con: Any, present: set[str]) -> list[str]:
    """Create the analyst views (``schemas.VIEWS``) whose tables are all in ``present``."""
    made = []
    for view in VIEWS:
        used = set(re.findall(r"(?:FROM|JOIN)\s+([a-z_]+)", view.sql))
        if used <= present:
            con.execute(f'CREATE VIEW "{view.name}" AS {view.sql}')
            con.execute(f"COMMENT ON VIEW \"{view.name}\" IS '{_sql_str(view.doc)}'")
            made.append(view.name)
    return made


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


@dataclass(frozen=True)
class TableStream:
    """A table given as Arrow chunks already validated against its declaration (e.g. the
    parts of ``gemeentetaal run``), streamed into its file without holding it in memory."""

    chunks: Iterable[pa.Table]


TableData: TypeAlias = Sequence[Mapping[str, Any]] | pa.Table | TableStream


def write_tables(
    tables: Mapping[str, TableData],
    out_dir: Path,
    *,
    duckdb_file: str | None = DUCKDB_FILE,
    keys: bool = False,
) -> dict[str, int]:
    """The one writer of final tables: validate every table, then write
    ``<out_dir>/<name>.parquet`` and the DuckDB file (used by ``ingest`` and ``run``).

    Rows and Arrow tables are validated before the first write, so a schema error writes
    nothing; streamed tables are cast to their declaration chunk by chunk. The files are
    staged and moved into place together, so a failed write changes nothing.

    Returns:
        Rows per table.

    Raises:
        SchemaError: a table does not match its declaration, or a reference between the
            tables does not resolve.
        OutputError: a file cannot be written.
    """
    ready: dict[str, pa.Table | TableStream] = {}
    for name, value in tables.items():
        if isinstance(value, TableStream):
            ready[name] = value
        elif isinstance(value, pa.Table):
            ready[name] = check_table(TABLES[name], value)
        else:
            ready[name] = to_arrow(name, value)
    streamed = any(isinstance(t, TableStream) for t in ready.values())
    if not streamed:
        check_references({n: t for n, t in ready.items() if isinstance(t, pa.Table)})
    counts: dict[str, int] = {}
    files: dict[str, Path] = {}
    with StagedOutputs() as staged:
        for name, table in ready.items():
            tmp = files[name] = staged.stage(out_dir / f"{name}.parquet")
            if isinstance(table, pa.Table):
                pq.write_table(table, tmp, compression="zstd")
                counts[name] = table.num_rows
                continue
            schema = TABLES[name].arrow_schema()
            counts[name] = 0
            writer = pq.ParquetWriter(tmp, schema, compression="zstd")
            try:
                # Chunks (one per input) are gathered into row groups of up to
                # STREAM_ROWS rows: a row group per small input made writing (and reading)
                # the table cost more than making it.
                pending: list[pa.Table] = []
                n_pending = 0
                for chunk in table.chunks:
                    # a cast costs even when nothing changes (the parts of ``run`` are read
                    # with the declared schema): one per input and table
                    same = chunk.schema.equals(schema, check_metadata=True)
                    pending.append(chunk if same else chunk.cast(schema))
                    n_pending += chunk.num_rows
                    counts[name] += chunk.num_rows
                    if n_pending >= STREAM_ROWS:
                        writer.write_table(pa.concat_tables(pending))
                        pending, n_pending = [], 0
                if pending:
                    writer.write_table(pa.concat_tables(pending))
            finally:
                writer.close()
        if streamed:  # keys and references of the streamed (merged) tables, from the files
            check_files(files)
        if duckdb_file:
            write_duckdb(files, staged.stage(out_dir / duckdb_file), keys=keys)
    return counts


def write_part(target: Path, name: str, rows: Sequence[Mapping[str, Any]]) -> int:
    """Validate ``rows`` of table ``name`` and write them atomically as one Parquet part
    (a file of a partitioned dataset that DuckDB, Dask and ``TableStream`` read).

    Raises:
        SchemaError: the rows do not match the declaration.
        OutputError: the file cannot be written.
    """
    table = to_arrow(name, rows)
    # Written in memory, then to disk in one go: a part is small, and a file sink costs a
    # system call per page. Snappy, not zstd: zstd makes a compression context per column,
    # half the time of writing a part; the final tables are zstd.
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="snappy")
    atomic_write_bytes(target, sink.getvalue())
    return table.num_rows


def check_files(files: Mapping[str, Path]) -> None:
    """Unique keys and ``check_references`` over Parquet files of declared tables (parts
    merged by ``run``), reading only the key and id columns (the tables can be large).

    Raises:
        SchemaError: a duplicate key or a reference that does not resolve.
    """
    needed: dict[str, set[str]] = {name: set(TABLES[name].key) for name in files if name in TABLES}
    for name in needed:
        for column, target, target_column in TABLES[name].references():
            if target in needed:
                needed[name].add(column)
                needed[target].add(target_column)
    columns = {name: pq.read_table(files[name], columns=sorted(c)) for name, c in needed.items()}
    for name, arrow in columns.items():
        key = list(TABLES[name].key)
        if arrow.num_rows and arrow.group_by(key).aggregate([]).num_rows != arrow.num_rows:
            raise SchemaError(f"{name}: duplicate key {TABLES[name].key}")
    check_references(columns)


def read_table(out_dir: Path, name: str) -> pa.Table:
    """Read a table written by ``write_tables``; an empty typed table when it is missing."""
    path = out_dir / f"{name}.parquet"
    if not path.exists():
        return TABLES[name].arrow_schema().empty_table()
    return pq.read_table(path)
