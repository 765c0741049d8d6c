"""Ingest: read inputs and route them by content to the parser of their family.

Families: budgets, reports and other documents (``programme/``), plain-text comment threads
(``threads.py``) and structured comment exports in CSV/JSON (``exports.py``). No NLP happens
here. Personal data is scrubbed here, before anything is stored: threads are pseudonymised
and scrubbed in their parsers, documents after parsing (``pipeline.privacy.documents``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.config import Settings
from pipeline.ingest.errors import describe
from pipeline.ingest.inputs import DuplicateFilter, scan_inputs
from pipeline.ingest.readers import (
    DATA_SUFFIXES,
    SUPPORTED_SUFFIXES,
    InputError,
    RawInput,
    read_input,
)
from pipeline.privacy import Pseudonymiser
from pipeline.records import IngestError, Record, content_hash

log = logging.getLogger(__name__)

__all__ = [
    "InputError",
    "detect_family",
    "ingest_file",
    "ingest_paths",
    "ingest_raw",
    "iter_input_files",
    "scan_inputs",
]


def iter_input_files(
    paths: Iterable[Path], extensions: Iterable[str] = SUPPORTED_SUFFIXES, skip: Iterable[Path] = ()
) -> Iterator[Path]:
    """The files ``scan_inputs`` finds under ``paths`` with one of ``extensions``
    (``settings.ingest.extensions``; problems left out; see ``pipeline/ingest/inputs.py`` for
    the policy every command follows)."""
    yield from scan_inputs(paths, extensions, skip).files


def detect_family(raw: RawInput) -> str:
    """``export``, ``thread`` or ``programme``, decided by content, not by file name."""
    from pipeline.ingest import threads

    if raw.suffix in DATA_SUFFIXES:
        return "export"
    if threads.detect_layout(raw.text) is not None:
        return "thread"
    return "programme"


def ingest_raw(
    raw: RawInput, settings: Settings, pseudonymiser: Pseudonymiser, digest: str | None = None
) -> list[Record]:
    """Parse one read input into records (``digest``: SHA-256 of ``raw.data`` if known).

    Raises:
        InputError: the content is not of any supported family or is malformed.
    """
    from pipeline.ingest import threads

    digest = digest or content_hash(raw.data)
    if raw.suffix in DATA_SUFFIXES:
        from pipeline.ingest import exports

        return list(exports.parse_export(raw, settings.ingest, pseudonymiser, digest))
    detected = threads.detect_thread(raw.text)  # searched once, used by the parser
    if detected is not None:
        return [threads.parse_thread(raw.text, raw.path, digest, pseudonymiser, detected)]
    from pipeline.ingest import programme
    from pipeline.ingest.municipalities import default_matcher
    from pipeline.privacy.documents import scrub_document

    blocks = raw.layout(settings.ingest.running_header_min_repeats)
    document = programme.parse_document(blocks, raw.text, raw.path, digest, settings.ingest)
    matcher = default_matcher(settings.ingest.municipality_min_mentions)
    return [scrub_document(document, pseudonymiser, matcher.match)]


def ingest_file(
    path: Path,
    settings: Settings,
    pseudonymiser: Pseudonymiser,
    data: bytes | None = None,
    digest: str | None = None,
) -> list[Record]:
    """Read and parse one file (``data``/``digest``: its bytes and their SHA-256 when the
    caller has them, so a file is read and hashed once). Raises ``InputError`` with a one-line
    message."""
    raw = read_input(path, settings.ingest.max_file_mb, settings.ingest, data)
    return ingest_raw(raw, settings, pseudonymiser, digest)


def ingest_paths(
    paths: Iterable[Path], settings: Settings, pseudonymiser: Pseudonymiser
) -> Iterator[Record | IngestError]:
    """Ingest every file under ``paths``; a failing file yields an ``IngestError`` and the
    batch goes on. Special files, broken links and unreadable folders are reported, and a
    file with the same bytes as an earlier one is skipped with an error, as its records
    would have the same (content-based) ids (``pipeline/ingest/inputs.py``)."""
    scan = scan_inputs(paths, settings.ingest.extensions)
    yield from scan.problems
    copies = DuplicateFilter()
    for path in scan.files:
        try:
            records = ingest_file(path, settings, pseudonymiser)
        except InputError as exc:
            yield IngestError(str(path), "ingest", str(exc))
            continue
        except RecursionError:
            yield IngestError(str(path), "ingest", "input is nested too deeply to parse")
            continue
        except Exception as exc:  # one broken file must never stop the batch
            log.debug("failed on %s", path, exc_info=True)
            yield IngestError(str(path), "ingest", describe(exc))
            continue
        digest = records[0].content_hash if records else None
        first = copies.first_copy(path, digest) if digest is not None else None
        if first is not None:
            yield DuplicateFilter.error(path, first)
            continue
        yield from records
