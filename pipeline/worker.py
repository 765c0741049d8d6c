"""The worker of ``gemeentetaal run``: plans one input and processes batches into table parts.

One ``Worker`` per process, models loaded once (on first use). ``plan`` reads and hashes an
input once and gives a ``Todo`` (or the result of an input already done); ``process_batch``
ingests a batch of inputs, analyses all their units together (``pipeline.analyse``) and
writes one Parquet part per table for the whole batch, then one marker per input (its batch
and its rows in each part). The cache key of an input (``file_key``) hashes its content and
path, the settings, the model, the package's code and data (``data_fingerprint``), the
analyses' versions and the pseudonym key. The engines that run workers are in
``pipeline/engines.py``; the orchestration (planning, merging the parts into tables) in
``pipeline/run.py``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline import __version__
from pipeline.config import Settings
from pipeline.ingest.errors import describe
from pipeline.ingest.readers import InputError, read_bytes
from pipeline.outputs import OutputError, atomic_write_text, write_part
from pipeline.records import Record

if TYPE_CHECKING:
    from pipeline.analyse import Analysers

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


def file_key(digest: str, path: Path, settings_fingerprint: str, model_id: str, key_id: str) -> str:
    """The cache key of one input (``digest``: SHA-256 of its bytes) processed with these
    settings (``Settings.fingerprint()``), model and pseudonym key (``model_id`` also carries
    the data fingerprint and the analyses' names and versions)."""
    h = hashlib.sha256()
    for part in (
        digest,
        str(path),
        settings_fingerprint,
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
        from pipeline.privacy import Pseudonymiser
        from pipeline.startup import frozen_imports

        self.settings = settings
        self.parts_dir = parts_dir
        self._analysers: Analysers | None = None
        self.pseudonymiser = Pseudonymiser(settings.privacy)
        with frozen_imports():  # fingerprint() imports every analysis and its libraries
            from pipeline.analyses import fingerprint

            analyses = fingerprint()
        name, _ = model_in_use(settings)
        self.model_id = (
            f"{name}=={_model_version(name)};data={data_fingerprint()};analyses={analyses}"
        )
        self.key_id = pseudonym_key_id(settings, self.pseudonymiser)
        self.settings_fingerprint = settings.fingerprint()  # once: every input's key has it

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
        key = file_key(digest, path, self.settings_fingerprint, self.model_id, self.key_id)
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
        release_freed_memory()
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


@functools.cache
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim``, or None where the C library has none (macOS, musl)."""
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


def release_freed_memory() -> None:
    """Give the heap memory a batch freed back to the system (``malloc_trim``).

    glibc keeps freed blocks of the parser's batch buffers in the heap and raises its mmap
    threshold as larger blocks come and go, so without this a worker's resident memory grew
    with every batch (570 -> 731 MB over 500 files of 400 words in one process; 570 -> 598 MB
    with a trim after each batch, in the same time; docs/performance.md).
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


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
