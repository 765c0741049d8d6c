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

Inputs are found as every command finds them (``pipeline/ingest/inputs.py``): special files,
broken links and unreadable folders are reported, and a copy of an earlier input (same bytes)
is reported and left out. A full disk or unwritable output folder stops the run with an
``OutputError`` (finished inputs stay in ``parts`` for the next run); Ctrl-C stops it too.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import multiprocessing
import signal
import sys
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, as_completed, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import __version__
from pipeline.config import Settings
from pipeline.ingest.errors import describe
from pipeline.ingest.inputs import DuplicateFilter, scan_inputs
from pipeline.ingest.readers import InputError, read_bytes
from pipeline.outputs import (
    OutputError,
    TableData,
    TableStream,
    atomic_write_text,
    output_folder,
    write_part,
    write_tables,
)
from pipeline.records import IngestError, Record, make_id
from pipeline.rows import error_rows
from pipeline.schemas import TABLES

if TYPE_CHECKING:
    from pipeline.analyse import Analysers

log = logging.getLogger(__name__)

PART_TABLES = (
    "documents", "programmes", "sections", "items", "paragraphs", "amounts", "indicators",
    "units", "sentences", "flags", "threads", "comments", "themes",
)  # fmt: skip
PARTS_DIR = "parts"
DONE_DIR = "_done"
MIN_BATCH_BYTES = 16 * 1024
PART_CACHE = 4  # batch parts kept open while merging


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


def file_key(digest: str, path: Path, settings: Settings, model_id: str, key_id: str) -> str:
    """The cache key of one input (``digest``: SHA-256 of its bytes) processed with these
    settings, model and pseudonym key (``model_id`` also carries the data fingerprint and the
    analyses' names and versions)."""
    h = hashlib.sha256()
    for part in (
        digest,
        str(path),
        settings.fingerprint(),
        model_id,
        key_id,
        __version__,
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:24]


@dataclass(frozen=True)
class Todo:
    """An input to process: read and hashed once, by the planner."""

    path: str
    key: str
    digest: str
    data: bytes


@dataclass
class _Parsed:
    todo: Todo
    records: list[Record]
    result: FileResult


class Worker:
    """Processes batches of inputs into table parts; one per process, models loaded once."""

    def __init__(self, settings: Settings, parts_dir: Path) -> None:
        from pipeline.analyses import fingerprint
        from pipeline.privacy import Pseudonymiser

        self.settings = settings
        self.parts_dir = parts_dir
        self._analysers: Analysers | None = None
        self.pseudonymiser = Pseudonymiser(settings.privacy)
        name, _ = model_in_use(settings)
        self.model_id = (
            f"{name}=={_model_version(name)};data={data_fingerprint()};analyses={fingerprint()}"
        )
        self.key_id = pseudonym_key_id(settings, self.pseudonymiser)

    @property
    def analysers(self) -> Analysers:
        """The models, loaded on first use: a run with nothing new to do loads none."""
        if self._analysers is None:
            from pipeline.analyse import Analysers

            self._analysers = Analysers.load(self.settings)
        return self._analysers

    def plan(self, path: Path, force: bool = False) -> FileResult | Todo:
        """Read and hash one input (once): a ``Todo``, or its result when it is already done
        or cannot be read."""
        result = FileResult(str(path))
        try:
            data = read_bytes(path, self.settings.ingest.max_file_mb)
        except InputError as exc:
            result.error = str(exc)
            return result
        digest = hashlib.sha256(data).hexdigest()
        key = file_key(digest, path, self.settings, self.model_id, self.key_id)
        done = self.parts_dir / DONE_DIR / f"{key}.json"
        if done.exists() and not force:
            try:
                marker = json.loads(done.read_text())
                if "batch" in marker:
                    result.n_bytes, result.content_hash, result.key = len(data), digest, key
                    result.n_words, result.skipped = marker["n_words"], True
                    return result
            except (OSError, ValueError):
                pass  # an unreadable marker: process the input again
        return Todo(str(path), key, digest, data)

    def process(self, path: Path, force: bool = False) -> FileResult:
        """Plan and process one input (``process_batch`` of one)."""
        planned = self.plan(path, force)
        return planned if isinstance(planned, FileResult) else self.process_batch([planned])[0]

    def process_batch(self, todos: Sequence[Todo]) -> list[FileResult]:
        """Ingest, analyse and write a batch of inputs: one ``nlp.pipe`` pass, one call of
        each model and one Parquet part per table for the whole batch. A file that fails is
        reported and the rest of the batch goes on."""
        from pipeline.ingest import ingest_file

        parsed: list[_Parsed] = []
        results: list[FileResult] = []
        for todo in todos:
            result = FileResult(todo.path, todo.key, n_bytes=len(todo.data))
            result.content_hash = todo.digest
            results.append(result)
            try:
                records = ingest_file(
                    Path(todo.path), self.settings, self.pseudonymiser, todo.data, todo.digest
                )
                parsed.append(_Parsed(todo, records, result))
            except InputError as exc:
                result.error = str(exc)
            except Exception as exc:  # one broken file must never stop the batch
                log.debug("failed on %s", todo.path, exc_info=True)
                result.error = describe(exc)  # library errors may quote the input
        self._analyse_and_write(parsed)
        return results

    def _analyse_and_write(self, parsed: list[_Parsed]) -> None:
        if not parsed:
            return
        try:
            self._write_batch(parsed)
        except OutputError:  # a full disk is not a problem of these files: stop the run
            raise
        except Exception as exc:
            if len(parsed) > 1:  # find the file that fails: each on its own
                for one in parsed:
                    self._analyse_and_write([one])
                return
            log.debug("failed on %s", parsed[0].todo.path, exc_info=True)
            parsed[0].result.stage = "analyse"
            parsed[0].result.error = describe(exc)

    def _write_batch(self, parsed: list[_Parsed]) -> None:
        from pipeline.analyse import analyse_records

        records = [r for p in parsed for r in p.records]
        per_record = iter(analyse_records(records, self.analysers))
        batch_key = hashlib.sha256("\x1f".join(p.todo.key for p in parsed).encode()).hexdigest()
        batch_key = batch_key[:24]
        tables: dict[str, list[dict[str, Any]]] = {t: [] for t in PART_TABLES}
        ranges: list[dict[str, list[int]]] = []
        for p in parsed:
            start = {t: len(tables[t]) for t in PART_TABLES}
            for _ in p.records:
                for table, rows in next(per_record).items():
                    tables[table].extend(rows)
            ranges.append({t: [start[t], len(tables[t])] for t in PART_TABLES})
        for table in PART_TABLES:
            if tables[table]:
                write_part(self.parts_dir / table / f"{batch_key}.parquet", table, tables[table])
        for p, spans in zip(parsed, ranges, strict=True):
            lo, hi = spans["sentences"]
            p.result.n_words = sum(r["n_words"] or 0 for r in tables["sentences"][lo:hi])
            marker = {"path": p.todo.path, "n_words": p.result.n_words, "batch": batch_key}
            marker["rows"] = {t: span for t, span in spans.items() if span[1] > span[0]}
            atomic_write_text(self.parts_dir / DONE_DIR / f"{p.todo.key}.json", json.dumps(marker))


_WORKER: Worker | None = None


def one_thread_per_process() -> None:
    """Limit BLAS/OpenMP pools to one thread in a worker process: with one worker per core,
    a second thread per worker only competes for the cores (OpenBLAS threads spin while they
    wait). Dask's nanny does the same for its workers."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _init_worker(settings: Settings, parts_dir: Path) -> None:
    """Start-up of a spawned worker process: its own models, loaded on first use."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    one_thread_per_process()
    _WORKER = Worker(settings, parts_dir)


def _init_forked() -> None:
    """Start-up of a forked worker process: the parent's ``_WORKER``, models loaded."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    one_thread_per_process()


def _process_in_worker(todos: list[Todo]) -> list[FileResult]:
    assert _WORKER is not None
    return _WORKER.process_batch(todos)


def _process_batch_dask(todos: list[Todo], settings: Settings, parts_dir: str) -> list[FileResult]:
    """A Dask task: process a batch on a worker (models cached per worker process)."""
    global _WORKER
    if _WORKER is None or _WORKER.settings != settings:
        _WORKER = Worker(settings, Path(parts_dir))
    return _WORKER.process_batch(todos)


def _batch_bytes(files: Sequence[Path], settings: Settings, workers: int) -> int:
    """Bytes of input per batch: large enough to share model calls across many small files,
    small enough that every worker gets several batches (and memory stays bounded)."""
    total = 0
    for path in files:
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    per_worker = total // (workers * 4) if workers > 1 else total
    return min(settings.run.batch_bytes, max(MIN_BATCH_BYTES, per_worker))


def _plan(
    files: Sequence[Path], planner: Worker, force: bool, batch_bytes: int
) -> Iterator[FileResult | list[Todo]]:
    """Results of inputs with nothing to do, and batches of the others, in input order. A
    copy of an input in the same batch goes to the next batch (its rows would repeat keys)."""
    batch: list[Todo] = []
    size = 0
    for path in files:
        planned = planner.plan(path, force)
        if isinstance(planned, FileResult):
            yield planned
            continue
        if batch and (size + len(planned.data) > batch_bytes or planned.digest in
                      {t.digest for t in batch}):  # fmt: skip
            yield batch
            batch, size = [], 0
        batch.append(planned)
        size += len(planned.data)
    if batch:
        yield batch


def _run_local(
    files: Sequence[Path], settings: Settings, parts_dir: Path, force: bool, workers: int
) -> Iterator[FileResult]:
    global _WORKER
    worker = Worker(settings, parts_dir)
    plan = _plan(files, worker, force, _batch_bytes(files, settings, workers))
    if workers <= 1:
        for item in plan:
            yield from [item] if isinstance(item, FileResult) else worker.process_batch(item)
        return
    pool: ProcessPoolExecutor | None = None
    pending: set[Future[list[FileResult]]] = set()
    try:
        for item in plan:
            if isinstance(item, FileResult):
                yield item
                continue
            if pool is None:
                pool = _start_pool(worker, settings, parts_dir, workers)
            pending.add(pool.submit(_process_in_worker, item))
            while len(pending) >= 2 * workers:  # bounded: memory stays flat
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from future.result()
        for future in as_completed(pending):
            yield from future.result()
    except BaseException:  # Ctrl-C, a full disk: stop the workers, not just the queue
        if pool is not None:
            _stop_pool(pool)
        raise
    finally:
        _WORKER = None
    if pool is not None:
        pool.shutdown()


def _start_pool(
    worker: Worker, settings: Settings, parts_dir: Path, workers: int
) -> ProcessPoolExecutor:
    """Worker processes that share the parent's loaded models: the models are loaded here,
    then the workers are forked (copy-on-write), so N workers cost one model load. Where
    fork is not available, each spawned worker loads its own."""
    global _WORKER
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux"):
        worker.analysers  # noqa: B018 - load before forking
        _WORKER = worker
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_init_forked,
        )
    return ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(settings, parts_dir)
    )


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    # Workers first: the pool then marks its futures broken and its manager thread ends
    # (futures cancelled before that, as Executor.map does, make Python 3.11's manager
    # thread fail with InvalidStateError and a traceback).
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:
        manager.join(10)
    pool.shutdown(wait=False, cancel_futures=True)


def _run_dask(
    files: Sequence[Path], settings: Settings, parts_dir: Path, force: bool, workers: int,
    scheduler: str | None,
) -> Iterator[FileResult]:  # fmt: skip
    """Batches on a Dask cluster (a LocalCluster of ``workers`` processes, or ``scheduler``);
    the planner here reads each input once and sends its bytes with the batch."""
    planner = Worker(settings, parts_dir)
    plan = _plan(files, planner, force, _batch_bytes(files, settings, workers))
    client: Any = None
    cluster: Any = None
    try:
        pending: list[Any] = []
        for item in plan:
            if isinstance(item, FileResult):
                yield item
                continue
            if client is None:
                client, cluster = _dask_client(workers, scheduler)
            pending.append(
                client.submit(_process_batch_dask, item, settings, str(parts_dir), pure=False)
            )
            while len(pending) >= 2 * workers:
                from dask.distributed import wait as dask_wait

                done = dask_wait(pending, return_when="FIRST_COMPLETED").done
                for future in done:
                    yield from future.result()
                pending = [f for f in pending if f not in done]
        for future in pending:
            yield from future.result()
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


def _dask_client(workers: int, scheduler: str | None) -> tuple[Any, Any]:
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    return Client(cluster), cluster


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
            chunk = chunk.set_column(run_column, "run_id", stamp)
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
    tables["errors"] = error_rows(summary.errors, run_id)
    tables["runs"] = runs
    tables["theme_names"] = [{**r, "run_id": run_id} for r in theme_name_rows()]
    counts = write_tables(tables, out_dir, keys=settings.run.duckdb_keys)
    summary.table_rows = {t: counts[t] for t in PART_TABLES}
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
