"""``gemeentetaal run``: ingest, analyse and write every table, incrementally and in parallel.

The planner reads and hashes each input once; an input already processed the same way is
skipped. The others are processed in *batches* of many files (``run.batch_bytes``, fewer per
batch when that keeps every worker busy): one ``nlp.pipe`` pass, one call of each model and
one *part* per table for the whole batch, written atomically to
``<out>/parts/<table>/<batch>.parquet``. A marker ``<out>/parts/_done/<key>.json`` per input
is written last; it names the input's batch and its rows in each part. The key hashes the
file's content and path, the analysis settings, the model, the analyses' versions and the
pseudonym key, so a run that was interrupted (Ctrl-C, kill -9) picks up where it stopped.
The parts form a partitioned Parquet dataset (``read_parquet('<out>/parts/sentences/*.parquet')``
in DuckDB, ``dask.dataframe.read_parquet``); the final step streams each input's rows, in
input order, into one Parquet file per table and the DuckDB database with the one table
writer (``outputs.write_tables``), staged and moved into place together, so a full disk
leaves the previous tables, Parquet and DuckDB alike.

Workers: ``--workers N`` forks N processes after loading the models once (copy-on-write;
spawned processes that load their own where fork is unavailable); ``--engine dask`` sends
the batches, with their bytes, to a Dask cluster whose worker processes load the models once
each.

Modules: this one orchestrates (find inputs, run an engine, merge the parts into tables);
``pipeline/worker.py`` plans an input and processes a batch into parts (one ``Worker`` per
process); ``pipeline/engines.py`` runs workers in this process, in a process pool or on Dask.

Inputs are found as every command finds them (``pipeline/ingest/inputs.py``): special files,
broken links and unreadable folders are reported, and a copy of an earlier input (same bytes)
is reported as a duplicate and left out (not a failure). Files of a type no reader takes,
found in a folder, are listed in the summary with what to do and recorded in the ``errors``
table (stage ``read``); with no supported input at all the CLI exits 2. A full disk or
unwritable output folder stops the run with an ``OutputError`` (finished inputs stay in
``parts`` for the next run); Ctrl-C stops it too.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.config import Settings
from pipeline.engines import one_thread_per_process, run_dask, run_local
from pipeline.ingest.inputs import DuplicateFilter, scan_inputs
from pipeline.outputs import (
    DASHBOARD_FILE,
    DUCKDB_FILE,
    OutputError,
    TableData,
    TableStream,
    output_folder,
    write_tables,
)
from pipeline.records import IngestError, make_id
from pipeline.rows import error_rows
from pipeline.schemas import TABLES
from pipeline.worker import (
    DONE_DIR,
    PART_TABLES,
    PARTS_DIR,
    FileResult,
    Todo,
    Worker,
    _model_version,
    data_fingerprint,
    file_key,
    model_in_use,
)

__all__ = [
    "PART_TABLES",
    "FileResult",
    "RunSummary",
    "Todo",
    "Worker",
    "data_fingerprint",
    "file_key",
    "model_in_use",
    "one_thread_per_process",
    "part_chunks",
    "run",
]

PART_CACHE = 4  # batch parts kept open while merging


@dataclass
class RunSummary:
    """What a run did, input by input.

    Every file found is counted once: analysed, unchanged since an earlier run (its rows are
    reused), a duplicate of an earlier input (same bytes; left out of every table), failed
    (``errors``), or, for a file of a type no reader takes found in a folder, unsupported.
    ``errors`` also holds problems found while looking for inputs (a broken link, a folder
    that cannot be listed). ``n_words`` counts the words of the analysed inputs only.
    """

    run_id: str
    out_dir: Path
    n_inputs: int = 0
    n_unreadable: int = 0  # paths found but not read (a broken link, a loop), in ``errors``
    n_processed: int = 0
    n_skipped: int = 0
    errors: list[IngestError] = field(default_factory=list)
    duplicates: list[IngestError] = field(default_factory=list)
    unsupported: list[IngestError] = field(default_factory=list)
    n_words: int = 0
    seconds: float = 0.0
    table_rows: dict[str, int] = field(default_factory=dict)
    model: str = ""
    tables_kept: bool = False  # nothing to read: the last run's tables were left as they were

    @property
    def words_per_second(self) -> float:
        return self.n_words / self.seconds if self.seconds else 0.0

    @property
    def n_files(self) -> int:
        """Every file seen: the inputs read, those that could not be read (a broken link)
        and the unsupported files passed over."""
        return self.n_inputs + self.n_unreadable + len(self.unsupported)

    @property
    def nothing_supported(self) -> bool:
        """No input of a supported type was found and nothing failed: nothing was checked
        (as ``check``, which exits 2 then; a missing path is a failure instead)."""
        return self.n_inputs == 0 and not self.errors


def _markers(parts_dir: Path, keys: Sequence[str]) -> dict[str, dict[str, Any]]:
    return {key: json.loads((parts_dir / DONE_DIR / f"{key}.json").read_text()) for key in keys}


def part_chunks(
    parts_dir: Path,
    table: str,
    keys: Sequence[str],
    markers: dict[str, dict[str, Any]],
    run_id: str | None = None,
) -> Iterator[pa.Table]:
    """The rows of ``table`` of each input in ``keys``, in that order, sliced from the
    Parquet parts of their batches (a few parts are kept open, so memory stays flat); with
    ``run_id``, every row is stamped with the run that writes the table."""
    schema = TABLES[table].arrow_schema()
    run_column = schema.get_field_index("run_id")
    cache: OrderedDict[str, pa.Table] = OrderedDict()
    for key in keys:
        marker = markers[key]
        span = marker.get("rows", {}).get(table)
        if not span:
            continue
        batch = marker["batch"]
        part = cache.get(batch)
        if part is None:
            part = cache[batch] = pq.read_table(
                parts_dir / table / f"{batch}.parquet", schema=schema
            )
            if len(cache) > PART_CACHE:
                cache.popitem(last=False)
        chunk = part.slice(span[0], span[1] - span[0])
        if run_id is not None and run_column >= 0:
            stamp = pa.array([run_id] * chunk.num_rows, pa.string())
            chunk = chunk.set_column(run_column, schema.field(run_column), stamp)
        yield chunk


ProgressFn = Callable[[FileResult], None]


def run(
    paths: Sequence[Path],
    settings: Settings,
    out_dir: Path,
    *,
    force: bool = False,
    workers: int | None = None,
    engine: str | None = None,
    scheduler: str | None = None,
    on_file: ProgressFn | None = None,
) -> RunSummary:
    """Run the whole pipeline over ``paths`` and write every table to ``out_dir``.

    Raises:
        OutputError: ``out_dir`` cannot be written (full disk, no permission, in use).
    """
    with output_folder(out_dir):
        return _run(
            paths, settings, out_dir, force=force, workers=workers, engine=engine,
            scheduler=scheduler, on_file=on_file,
        )  # fmt: skip


def own_outputs(out_dir: Path) -> list[Path]:
    """What a run (and the dashboard) writes in ``out_dir``: passed over when ``--out`` is
    inside an input folder, so a run never reads its own tables, parts or dashboard."""
    found = [out_dir / PARTS_DIR, out_dir / DUCKDB_FILE, out_dir / f"{DUCKDB_FILE}.wal"]
    found.append(out_dir / DASHBOARD_FILE)
    found += [out_dir / f"{table}.parquet" for table in TABLES]
    return found


def _run(
    paths: Sequence[Path],
    settings: Settings,
    out_dir: Path,
    *,
    force: bool,
    workers: int | None,
    engine: str | None,
    scheduler: str | None,
    on_file: ProgressFn | None,
) -> RunSummary:
    from pipeline.doctor import package_versions
    from pipeline.themes.tagger import theme_name_rows

    started = datetime.now(UTC)
    t0 = time.perf_counter()
    workers = workers or settings.run.workers
    engine = engine or settings.run.engine
    parts_dir = out_dir / PARTS_DIR
    scan = scan_inputs(paths, settings.ingest.extensions, skip=own_outputs(out_dir))
    files = scan.files
    run_id = make_id(started.isoformat(), settings.fingerprint())
    summary = RunSummary(run_id=run_id, out_dir=out_dir, n_inputs=len(files))
    summary.errors.extend(scan.problems)
    summary.n_unreadable = len(scan.problems)
    summary.unsupported.extend(scan.unsupported)
    has_tables = (out_dir / "documents.parquet").exists()
    if not files and (summary.nothing_supported or has_tables):
        # nothing to read (an empty folder, one of unsupported files): nothing is written, so
        # the last run's tables stay and no empty tables appear in a new folder
        summary.tables_kept = has_tables
        summary.seconds = time.perf_counter() - t0
        return summary
    try:
        (parts_dir / DONE_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write {parts_dir}: {exc.strerror or exc}") from exc

    if engine == "dask":
        results = run_dask(files, settings, parts_dir, force, workers, scheduler)
    else:
        results = run_local(files, settings, parts_dir, force, workers)
    by_path: dict[str, FileResult] = {}
    for result in results:
        by_path[result.path] = result
        if on_file is not None:
            on_file(result)

    keys: list[str] = []
    copies = DuplicateFilter()
    for path in files:
        found = by_path.get(str(path))
        if found is None:
            continue
        result = found
        if result.error:
            summary.errors.append(IngestError(result.path, result.stage, result.error))
            continue
        if result.key is None or result.content_hash is None:
            continue
        first = copies.first_copy(path, result.content_hash)
        if first is not None:  # not a failure: its rows are the first copy's
            summary.duplicates.append(DuplicateFilter.error(path, first))
            continue
        keys.append(result.key)
        if result.skipped:
            summary.n_skipped += 1
        else:
            summary.n_processed += 1
            summary.n_words += result.n_words

    model_name, model_source = model_in_use(settings)
    versions = package_versions()
    summary.model = f"{model_name} ({model_source})"
    runs = _previous_runs(out_dir)
    runs.append(
        {
            "run_id": run_id,
            "started": started,
            "finished": datetime.now(UTC),
            "config_hash": settings.fingerprint(),
            "model_name": model_name,
            "model_version": versions.get(model_name, _model_version(model_name)),
            "model_source": model_source,
            "package_versions": json.dumps(versions, sort_keys=True),
            "n_inputs": summary.n_inputs,
            "n_errors": len(summary.errors),
            "n_words": summary.n_words,
        }
    )
    markers = _markers(parts_dir, keys)
    tables: dict[str, TableData] = {
        table: TableStream(part_chunks(parts_dir, table, keys, markers, run_id))
        for table in PART_TABLES
    }
    tables["errors"] = error_rows([*summary.errors, *summary.unsupported], run_id)
    tables["runs"] = runs
    tables["theme_names"] = [{**r, "run_id": run_id} for r in theme_name_rows()]
    counts = write_tables(tables, out_dir, keys=settings.run.duckdb_keys)
    summary.table_rows = {t: counts[t] for t in PART_TABLES}
    _prune_parts(parts_dir, set(keys))
    summary.seconds = time.perf_counter() - t0
    return summary


def _previous_runs(out_dir: Path) -> list[dict[str, Any]]:
    path = out_dir / "runs.parquet"
    if not path.exists():
        return []
    try:
        table = pq.read_table(path)
        if table.schema.equals(TABLES["runs"].arrow_schema()):
            return list(table.to_pylist())
    except (pa.ArrowInvalid, OSError):
        pass
    return []


def _prune_parts(parts_dir: Path, keep: set[str]) -> None:
    """Remove markers of inputs no longer in the input set (older versions of files) after a
    week, and the parts no marker refers to any more."""
    max_age = 7 * 24 * 3600
    now = time.time()
    used: set[str] = set()
    for marker in (parts_dir / DONE_DIR).glob("*.json"):
        try:
            if marker.stem not in keep and now - marker.stat().st_mtime > max_age:
                marker.unlink()
                continue
            used.add(json.loads(marker.read_text()).get("batch", ""))
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                marker.unlink()
    for table in PART_TABLES:
        for part in (parts_dir / table).glob("*.parquet"):
            if part.stem not in used:
                part.unlink(missing_ok=True)
