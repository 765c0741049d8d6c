"""``gemeentetaal run``: ingest, analyse and write every table, incrementally and in parallel.

Each input file is processed on its own into a *part* per table, written atomically to
``<out>/parts/<table>/<key>.parquet``; a marker ``<out>/parts/_done/<key>.json`` is written
last. The key hashes the file's content and path, the analysis settings, the model and the
pseudonym key, so a file already processed the same way is skipped, and a run that was
interrupted (Ctrl-C, kill -9) picks up where it stopped. The parts form a partitioned Parquet
dataset (what Dask and a cluster read and write); the final step streams them into one Parquet
file per table and the DuckDB database.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import __version__
from pipeline.config import Settings
from pipeline.ingest import iter_input_files
from pipeline.ingest.errors import describe
from pipeline.ingest.readers import InputError, read_bytes
from pipeline.outputs import (
    DUCKDB_FILE,
    atomic_path,
    atomic_write_text,
    comment_table,
    write_tables,
)
from pipeline.records import IngestError, make_id
from pipeline.schemas import TABLES, validate

log = logging.getLogger(__name__)

PART_TABLES = (
    "documents", "programmes", "sections", "items", "paragraphs", "amounts", "indicators",
    "sentences", "flags", "threads", "comments", "themes",
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
        except Exception as exc:  # one broken file must never stop the batch
            log.debug("failed on %s", path, exc_info=True)
            result.error = describe(exc)  # library errors may quote the input
        return result


_WORKER: Worker | None = None


def _init_worker(settings: Settings, parts_dir: Path) -> None:
    global _WORKER
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
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(settings, parts_dir)
    ) as pool:
        yield from pool.map(_process_in_worker, files, [force] * len(files), chunksize=1)


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


def merge_parts(parts_dir: Path, keys: Sequence[str], out_dir: Path) -> dict[str, int]:
    """Stream the parts of ``keys`` (in this order) into one Parquet file per table."""
    counts: dict[str, int] = {}
    for table in PART_TABLES:
        schema = TABLES[table].arrow_schema()
        target = out_dir / f"{table}.parquet"
        n = 0
        with atomic_path(target) as tmp:
            writer = pq.ParquetWriter(tmp, schema, compression="zstd")
            try:
                for key in keys:
                    part = parts_dir / table / f"{key}.parquet"
                    if part.exists():
                        chunk = pq.read_table(part, schema=schema)
                        n += chunk.num_rows
                        writer.write_table(chunk)
            finally:
                writer.close()
        counts[table] = n
    return counts


def write_duckdb_from_parquet(out_dir: Path, tables: Iterable[str]) -> None:
    """Build the DuckDB database from the final Parquet files (streamed by DuckDB)."""
    import duckdb

    with atomic_path(out_dir / DUCKDB_FILE) as tmp:
        con = duckdb.connect(str(tmp))
        try:
            for table in tables:
                path = str(out_dir / f"{table}.parquet").replace("'", "''")
                con.execute(f"CREATE TABLE \"{table}\" AS SELECT * FROM read_parquet('{path}')")
                comment_table(con, table)
            con.execute("CHECKPOINT")
        finally:
            con.close()


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
    """Run the whole pipeline over ``paths`` and write every table to ``out_dir``."""
    from pipeline.doctor import package_versions

    started = datetime.now(UTC)
    t0 = time.perf_counter()
    workers = workers or settings.run.workers
    engine = engine or settings.run.engine
    parts_dir = out_dir / PARTS_DIR
    (parts_dir / DONE_DIR).mkdir(parents=True, exist_ok=True)
    files = list(iter_input_files(paths))
    missing = [p for p in paths if not p.exists()]
    run_id = make_id(started.isoformat(), settings.fingerprint())
    summary = RunSummary(run_id=run_id, out_dir=out_dir, n_inputs=len(files))
    for p in missing:
        summary.errors.append(IngestError(str(p), "read", "file or folder not found"))
    files = [p for p in files if p.exists()]

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
    seen: dict[str, str] = {}
    for path in files:
        result = by_path.get(str(path))
        if result is None or result.error or result.key is None or result.content_hash is None:
            continue
        if result.content_hash in seen:
            log.warning("%s has the same content as %s; left out", path, seen[result.content_hash])
            continue
        seen[result.content_hash] = str(path)
        keys.append(result.key)
    summary.table_rows = merge_parts(parts_dir, keys, out_dir)

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
    write_tables({"errors": _dedupe_errors(error_rows), "runs": runs}, out_dir, duckdb_file=None)
    write_duckdb_from_parquet(out_dir, [*PART_TABLES, "errors", "runs"])
    _prune_parts(parts_dir, set(keys))
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


def clear_parts(out_dir: Path) -> None:
    shutil.rmtree(out_dir / PARTS_DIR, ignore_errors=True)
