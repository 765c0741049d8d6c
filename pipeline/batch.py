"""``gemeentetaal ingest``: records as JSON lines, or as tables without measures.

The table rows come from ``pipeline/rows.py`` (shared with ``gemeentetaal run``); the
outputs module validates and writes them.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.ingest import ingest_paths
from pipeline.outputs import OutputError, output_folder, write_tables
from pipeline.privacy import Pseudonymiser
from pipeline.records import Document, IngestError, Record, Section, Thread
from pipeline.rows import document_metadata, error_rows, programme_metadata, record_rows


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _section_json(s: Section, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "heading": s.heading,
        "level": s.level,
        "paragraphs": [p.text for p in s.paragraphs],
        "items": [
            {"letter": i.letter, "kind": i.kind, "role": i.role, "status": i.status,
             "text": i.text, "paired_with": texts.get(i.paired_item_id or "")}
            for i in s.items
        ],
        "tables": [
            {
                "kind": t.kind,
                "caption": t.caption,
                "unit": t.unit,
                "header": t.header,
                "rows": t.rows,
                "amounts": [
                    {"row_label": a.row_label, "column_label": a.column_label,
                     "value": a.value, "amount_eur": a.amount_eur}
                    for a in t.amounts
                ],
                "indicators": [asdict(i) for i in t.indicators],
            }
            for t in s.tables
        ],
    }  # fmt: skip


def document_json(doc: Document) -> list[dict[str, Any]]:
    """The public JSON form of a document (``ingest --format json``): one object per
    programme, or one object for a document without programmes. Each object carries the
    document's keys; the document's own sections (front matter, paragrafen) are in
    ``document_sections`` of the first object."""
    texts = {i.item_id: i.text for s in doc.all_sections() for i in s.items}
    base = {
        "path": doc.source_path,
        "document_id": doc.document_id,
        **document_metadata(doc),
        "n_programmes": len(doc.programmes),
    }
    own = [_section_json(s, texts) for s in doc.sections]
    if not doc.programmes:
        return [
            {
                **base,
                **programme_metadata(None),
                "section_headings": [s.heading for s in doc.sections if s.heading],
                "boilerplate_lines": doc.boilerplate_lines,
                "sections": own,
                "document_sections": [],
            }
        ]
    out = []
    for programme in doc.programmes:
        out.append(
            {
                **base,
                **programme_metadata(programme),
                "programme_order": programme.order,
                "section_headings": programme.section_headings,
                "boilerplate_lines": doc.boilerplate_lines if programme.order == 0 else [],
                "sections": [_section_json(s, texts) for s in programme.sections],
                "document_sections": own if programme.order == 0 else [],
            }
        )
    return out


def thread_json(thread: Thread) -> dict[str, Any]:
    """The public JSON form of a comment thread (``ingest --format json``)."""
    return {
        "path": thread.source_path,
        "thread_id": thread.thread_id,
        "layout": thread.layout,
        "article_title": thread.article_title,
        "comments": [
            {
                "index": c.index,
                "author": c.author,
                "author_role": c.author_role,
                "timestamp": _iso(c.timestamp),
                "parent_index": c.parent_index,
                "depth": c.depth,
                "text": c.text,
                "contains_email": c.contains_email,
                "contains_phone": c.contains_phone,
            }
            for c in thread.comments
        ],
    }


def record_json(record: Record) -> list[dict[str, Any]]:
    """JSON objects of a record: one per programme of a document, one for a thread."""
    return document_json(record) if isinstance(record, Document) else [thread_json(record)]


def report_error(error: IngestError) -> None:
    print(f"gemeentetaal: error: {error}", file=sys.stderr)


INGEST_DIR = "ingest"  # ingest's tables, beside those of run in ``paths.processed_dir``
RUN_MARKER = "runs.parquet"  # a folder with this table holds a run's output


def ingest_command(
    paths: list[Path], settings: Settings, *, out: Path | None, as_json: bool
) -> int:
    """Ingest ``paths``; print JSON lines or write tables (to ``out``, default the folder
    ``ingest`` in ``paths.processed_dir``, so a run's tables there stay whole). Returns the
    number of failed inputs.

    Raises:
        OutputError: ``out`` holds the tables of ``gemeentetaal run``, which ingest would
            replace in part (checked before anything is read).
    """
    target = out or settings.paths.processed_dir / INGEST_DIR
    if not as_json and (target / RUN_MARKER).exists():
        raise OutputError(
            f"{target}: holds the tables of `gemeentetaal run`; `ingest` would replace part "
            "of them. Choose another folder with --out."
        )
    pseudonymiser = Pseudonymiser(settings.privacy)
    records: list[Record] = []
    errors: list[IngestError] = []
    for result in ingest_paths(paths, settings, pseudonymiser):
        if isinstance(result, IngestError):
            errors.append(result)
            report_error(result)
        elif as_json:
            for obj in record_json(result):
                print(json.dumps(obj, ensure_ascii=False, default=str), flush=True)
        else:
            records.append(result)
    if not as_json:
        rows = record_rows(records)
        rows["errors"] = error_rows(errors)
        with output_folder(target) as folder:
            counts = write_tables(rows, folder)
        print(
            f"gemeentetaal: {len(records)} input{'' if len(records) == 1 else 's'} read, "
            f"{len(errors)} failed; tables written to "
            f"{target} (documents: {counts.get('documents', 0)}, threads: "
            f"{counts.get('threads', 0)})",
            file=sys.stderr,
        )
    return len(errors)
