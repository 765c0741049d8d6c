"""``gemeentetaal run``: ingest, analyse and write every table, incrementally and in parallel.

Each input file is processed on its own into a *part* per table, written atomically to
``<out>/parts/<table>/<key>.parquet``; a marker ``<out>/parts/_done/<key>.json`` is written
last. The key hashes the file's content and path, the analysis settings, the model and the
pseudonym key, so a file already processed the same way is skipped, and a run that was
interrupted (Ctrl-C, kill -9) picks up where it stopped. The parts form a partitioned Parquet
dataset (what Dask and a cluster read and write); the final step streams them into one Parquet
file per table and the DuckDB database, staged and moved into place together
(``pipeline/outputs.py``), so a full disk leaves the previous tables, Parquet and DuckDB alike.

Inputs are found as every command finds them (``pipeline/ingest/inputs.py``): special files,
broken links and unreadable folders are reported, and a copy of an earlier input (same bytes)
is reported and left out. A full disk or unwritable output folder stops the run with an
``OutputError`` (finished inputs stay in ``parts`` for the next run); Ctrl-C stops it too.
"""

from __future__ import annotations

import hashlib
import json
import logging
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import __version__
from pipeline.config import Settings
from pipeline.ingest.errors import describe
from pipeline.ingest.inputs import DuplicateFilter, scan_inputs
from pipeline.ingest.readers import InputError, read_bytes
from pipeline.outputs import (
    DUCKDB_FILE,
    OutputError,
    StagedOutputs,
    atomic_path,
    atomic_write_text,
    check_files,
    output_folder,
    to_arrow,
    write_duckdb,
)
from pipeline.records import IngestError, make_id
from pipeline.schemas import TABLES, validate

log = logging.getLogger(__name__)

PART_TABLES = (
    "documents", "programmes", "sections", "items", "paragraphs", "amounts", "indicators",
    "units", "sentences", "flags", "threads", "comments", "themes",
)  # fmt: skip
PARTS_DIR = "parts"
DONE_DIR = "_done"


@dataclass
class FileResult:
    """What processing one input gave: its key, its size in words, or its error."""

    path: str
    key: str | None = None
    n_words: int = 0
    n_bytes: int = 0
    content_hash: str | None = None
    skipped: bool = False
    error: str | None = None
    stage: str = "ingest"


@dataclass
class RunSummary:
    run_id: str
    out_dir: Path
    n_inputs: int = 0
    n_processed: int = 0
    n_skipped: int = 0
    errors: list[IngestError] = field(default_factory=list)
    n_words: int = 0
    seconds: float = 0.0
    table_rows: dict[str, int] = field(default_factory=dict)
    model: str = ""

    @property
    def words_per_second(self) -> float:
        return self.n_words / self.seconds if self.seconds else 0.0


def pseudonym_key_id(settings: Settings, pseudonymiser: Any) -> str:
    """An identifier of the pseudonym key that does not reveal it."""
    return pseudonymiser.pseudonym("gemeentetaal-cache-key") or ""


def data_fingerprint() -> str:
    """Hash of the package's code and data files (word lists, lexicons, shipped models) and
    its version: a change to any of them (a new rule, a new column) makes every input be
    processed again instead of reusing parts made by other code."""
    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    files = [*package.rglob("*.py"), *(package / "data").rglob("*")]
    for path in sorted(p for p in files if p.is_file()):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:16]


def file_key(data: bytes, path: Path, settings: Settings, model_id: str, key_id: str) -> str:
    """The cache key of one input processed with these settings, model and pseudonym key
    (``model_id`` also carries the data fingerprint)."""
    h = hashlib.sha256()
    for part in (
        hashlib.sha256(data).hexdigest(),
        str(path),
        settings.fingerprint(),
        model_id,
        key_id,
        __version__,
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:24]


class Worker:
    """Processes input files into table parts; one per process, models loaded once."""

    def __init__(self, settings: Settings, parts_dir: Path) -> None:
        from pipeline.privacy import Pseudonymiser

        self.settings = settings
        self.parts_dir = parts_dir
        self._analysers: Any = None
        self.pseudonymiser = Pseudonymiser(settings.privacy)
        name, _ = model_in_use(settings)
        self.model_id = f"{name}=={_model_version(name)};data={data_fingerprint()}"
        self.key_id = pseudonym_key_id(settings, self.pseudonymiser)

    @property
    def analysers(self) -> Any:
        """The models, loaded on first use: a run with nothing new to do loads none."""
        if self._analysers is None:
            from pipeline.analyse import Analysers

            self._analysers = Analysers.load(self.settings)
        return self._analysers

    def process(self, path: Path, force: bool = False) -> FileResult:
        from pipeline.analyse import analyse_record
        from pipeline.ingest import ingest_file

        result = FileResult(str(path))
        try:
            data = read_bytes(path, self.settings.ingest.max_file_mb)
            result.n_bytes = len(data)
            result.content_hash = hashlib.sha256(data).hexdigest()
            key = file_key(data, path, self.settings, self.model_id, self.key_id)
            result.key = key
            done = self.parts_dir / DONE_DIR / f"{key}.json"
            if done.exists() and not force:
                result.n_words = json.loads(done.read_text())["n_words"]
                result.skipped = True
                return result
            records = ingest_file(path, self.settings, self.pseudonymiser)
            result.stage = "analyse"
            tables: dict[str, list[dict[str, Any]]] = {t: [] for t in PART_TABLES}
            for record in records:
                for table, rows in analyse_record(record, self.analysers).items():
                    tables[table].extend(rows)
            result.stage = "write"
            for table in PART_TABLES:
                arrow = validate(TABLES[table], tables[table])
                with atomic_path(self.parts_dir / table / f"{key}.parquet") as tmp:
                    pq.write_table(arrow, tmp, compression="zstd")
            result.n_words = sum(r["n_words"] or 0 for r in tables["sentences"])
            atomic_write_text(done, json.dumps({"path": str(path), "n_words": result.n_words}))
        except InputError as exc:
            result.error = str(exc)
        except OutputError:  # a full disk is not a problem of this file: stop the run
            raise
        except Exception as exc:  # one broken file must never stop the batch
            log.debug("failed on %s", path, exc_info=True)
            result.error = describe(exc)  # library errors may quote the input
        return result


_WORKER: Worker | None = None


def _init_worker(settings: Settings, parts_dir: Path) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _WORKER = Worker(settings, parts_dir)


def _process_in_worker(path: Path, force: bool) -> FileResult:
    assert _WORKER is not None
    return _WORKER.process(path, force)


def _process_batch_dask(
    paths: list[str], settings: Settings, parts_dir: str, force: bool
) -> list[dict[str, Any]]:
    """A Dask task: process a batch of files on a worker (models cached per worker process)."""
    global _WORKER
    if _WORKER is None or _WORKER.settings != settings:
        _WORKER = Worker(settings, Path(parts_dir))
    return [asdict(_WORKER.process(Path(p), force)) for p in paths]


def _run_local(
    files: Sequence[Path], settings: Settings, parts_dir: Path, force: bool, workers: int
) -> Iterator[FileResult]:
    if workers <= 1:
        worker = Worker(settings, parts_dir)
        for path in files:
            yield worker.process(path, force)
        return
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(settings, parts_dir)
    )
    futures = [pool.submit(_process_in_worker, path, force) for path in files]
    try:
        for future in futures:  # in input order, as they finish
            yield future.result()
    except BaseException:  # Ctrl-C, a full disk: stop the workers, not just the queue
        # Workers first: the pool then marks its futures broken and its manager thread ends
        # (futures cancelled before that, as Executor.map does, make Python 3.11's manager
        # thread fail with InvalidStateError and a traceback).
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        manager = getattr(pool, "_executor_manager_thread", None)
        if manager is not None:
            manager.join(10)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _run_dask(
    files: Sequence[Path], settings: Settings, parts_dir: Path, force: bool, workers: int,
    scheduler: str | None,
) -> Iterator[FileResult]:  # fmt: skip
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        size = max(1, len(files) // (workers * 4) or 1)
        batches = [[str(p) for p in files[i : i + size]] for i in range(0, len(files), size)]
        futures = [
            client.submit(_process_batch_dask, b, settings, str(parts_dir), force, pure=False)
            for b in batches
        ]
        for future in as_completed(futures):
            for item in future.result():
                yield FileResult(**item)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def merge_parts(
    parts_dir: Path, keys: Sequence[str], out_dir: Path, staged: StagedOutputs, run_id: str
) -> tuple[dict[str, int], dict[str, Path]]:
    """Stream the parts of ``keys`` (in this order) into one staged Parquet file per table,
    each row stamped with ``run_id``, the run that wrote the table.

    Returns:
        Rows per table, and the staged (temporary) file of each table.
    """
    counts: dict[str, int] = {}
    files: dict[str, Path] = {}
    for table in PART_TABLES:
        schema = TABLES[table].arrow_schema()
        tmp = files[table] = staged.stage(out_dir / f"{table}.parquet")
        n = 0
        writer = pq.ParquetWriter(tmp, schema, compression="zstd")
        try:
            for key in keys:
                part = parts_dir / table / f"{key}.parquet"
                if part.exists():
                    chunk = pq.read_table(part, schema=schema)
                    stamp = pa.array([run_id] * chunk.num_rows, pa.string())
                    chunk = chunk.set_column(schema.get_field_index("run_id"), "run_id", stamp)
                    n += chunk.num_rows
                    writer.write_table(chunk)
        finally:
            writer.close()
        counts[table] = n
    return counts, files


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
    try:
        (parts_dir / DONE_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write {parts_dir}: {exc.strerror or exc}") from exc
    scan = scan_inputs(paths, settings.ingest.extensions)
    files = scan.files
    run_id = make_id(started.isoformat(), settings.fingerprint())
    summary = RunSummary(run_id=run_id, out_dir=out_dir, n_inputs=len(files))
    summary.errors.extend(scan.problems)

    if engine == "dask":
        results = _run_dask(files, settings, parts_dir, force, workers, scheduler)
    else:
        results = _run_local(files, settings, parts_dir, force, workers)
    by_path: dict[str, FileResult] = {}
    for result in results:
        by_path[result.path] = result
        if result.error:
            summary.errors.append(IngestError(result.path, result.stage, result.error))
        elif result.skipped:
            summary.n_skipped += 1
        else:
            summary.n_processed += 1
        summary.n_words += result.n_words
        if on_file is not None:
            on_file(result)

    keys: list[str] = []
    copies = DuplicateFilter()
    for path in files:
        found = by_path.get(str(path))
        if found is None:
            continue
        result = found
        if result.error or result.key is None or result.content_hash is None:
            continue
        first = copies.first_copy(path, result.content_hash)
        if first is not None:
            summary.errors.append(DuplicateFilter.error(path, first))
            continue
        keys.append(result.key)

    model_name, model_source = model_in_use(settings)
    versions = package_versions()
    summary.model = f"{model_name} ({model_source})"
    summary.seconds = time.perf_counter() - t0
    error_rows = [
        {"path": e.path, "stage": e.stage, "message": e.message, "run_id": run_id}
        for e in summary.errors
    ]
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
    small = {
        "errors": to_arrow("errors", _dedupe_errors(error_rows)),
        "runs": to_arrow("runs", runs),
        "theme_names": to_arrow(
            "theme_names", [{**r, "run_id": run_id} for r in theme_name_rows()]
        ),
    }
    with StagedOutputs() as staged:
        summary.table_rows, files_of = merge_parts(parts_dir, keys, out_dir, staged, run_id)
        for name, table in small.items():
            tmp = files_of[name] = staged.stage(out_dir / f"{name}.parquet")
            pq.write_table(table, tmp, compression="zstd")
        check_files(files_of)
        write_duckdb(files_of, staged.stage(out_dir / DUCKDB_FILE), keys=settings.run.duckdb_keys)
    _prune_parts(parts_dir, set(keys))
    summary.seconds = time.perf_counter() - t0
    return summary


def model_in_use(settings: Settings) -> tuple[str, str]:
    """(name, source) of the spaCy pipeline ``load_pipeline`` will use, without loading it."""
    from pipeline.nlp import FALLBACK_NAME, resolve_installed

    return resolve_installed(settings.nlp) or (FALLBACK_NAME, "fallback")


def _model_version(name: str) -> str:
    import importlib.metadata

    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        import spacy

        return spacy.__version__


def _dedupe_errors(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        seen.setdefault((row["path"], row["stage"]), row)
    return list(seen.values())


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
    """Remove parts of inputs that are no longer in the input set (older versions of files)."""
    max_age = 7 * 24 * 3600
    now = time.time()
    for marker in (parts_dir / DONE_DIR).glob("*.json"):
        if marker.stem not in keep and now - marker.stat().st_mtime > max_age:
            for table in PART_TABLES:
                (parts_dir / table / f"{marker.stem}.parquet").unlink(missing_ok=True)
            marker.unlink(missing_ok=True)

