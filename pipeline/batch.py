"""Batch jobs behind ``gemeentetaal ingest`` and ``gemeentetaal run``.

Records become table rows here (``record_rows``); analyses add their columns and tables; the
outputs module validates and writes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.ingest import ingest_paths
from pipeline.outputs import write_tables
from pipeline.privacy import Pseudonymiser
from pipeline.records import Document, IngestError, Record, Thread

Rows = dict[str, list[dict[str, Any]]]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def document_metadata(doc: Document) -> dict[str, Any]:
    """What ingest found about a document: shared by its JSON form and its table row."""
    return {
        "family": doc.family,
        "municipality": doc.municipality,
        "document_type": doc.document_type,
        "year": doc.year,
        "programme_number": doc.programme_number,
        "programme_title": doc.programme_title,
        "portfolio_holders": doc.portfolio_holders,
        "director": doc.director,
        "section_headings": doc.section_headings,
    }


def document_json(doc: Document) -> dict[str, Any]:
    """The public JSON form of a programme text (``ingest --format json``)."""
    return {
        "path": doc.source_path,
        "document_id": doc.document_id,
        **document_metadata(doc),
        "boilerplate_lines": doc.boilerplate_lines,
        "sections": [
            {
                "heading": s.heading,
                "level": s.level,
                "paragraphs": [p.text for p in s.paragraphs],
                "items": [
                    {"letter": i.letter, "kind": i.kind, "role": i.role, "text": i.text}
                    for i in s.items
                ],
            }
            for s in doc.sections
        ],
    }


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


def record_json(record: Record) -> dict[str, Any]:
    return document_json(record) if isinstance(record, Document) else thread_json(record)


def record_rows(records: Iterable[Record]) -> Rows:
    """Rows for documents, sections, items, paragraphs, threads and comments (no measures)."""
    rows: Rows = {k: [] for k in ("documents", "sections", "items", "paragraphs")}
    rows.update(threads=[], comments=[])
    for record in records:
        if isinstance(record, Document):
            _document_rows(record, rows)
        else:
            _thread_rows(record, rows)
    return rows


def _document_rows(doc: Document, rows: Rows) -> None:
    rows["documents"].append(
        {
            "document_id": doc.document_id,
            "source_path": doc.source_path,
            "content_hash": doc.content_hash,
            **document_metadata(doc),
            "n_boilerplate_lines": len(doc.boilerplate_lines),
        }
    )
    for section in doc.sections:
        rows["sections"].append(
            {
                "section_id": section.section_id,
                "document_id": doc.document_id,
                "order": section.order,
                "heading": section.heading,
                "level": section.level,
            }
        )
        for item in section.items:
            rows["items"].append(
                {
                    "item_id": item.item_id,
                    "section_id": section.section_id,
                    "document_id": doc.document_id,
                    "order": item.order,
                    "kind": item.kind,
                    "letter": item.letter,
                    "text": item.text,
                    "role": item.role,
                    "paired_item_id": item.paired_item_id,
                }
            )
        for para in section.paragraphs:
            rows["paragraphs"].append(
                {
                    "paragraph_id": para.paragraph_id,
                    "section_id": section.section_id,
                    "document_id": doc.document_id,
                    "order": para.order,
                    "text": para.text,
                    "has_boilerplate": bool(para.boilerplate),
                    "boilerplate": para.boilerplate,
                }
            )


def _thread_rows(thread: Thread, rows: Rows) -> None:
    rows["threads"].append(
        {
            "thread_id": thread.thread_id,
            "source_path": thread.source_path,
            "content_hash": thread.content_hash,
            "layout": thread.layout,
            "article_title": thread.article_title,
            "article_text": thread.article_text,
            "published": thread.published,
            "n_comments": len(thread.comments),
        }
    )
    for c in thread.comments:
        rows["comments"].append(
            {
                "comment_id": c.comment_id,
                "thread_id": thread.thread_id,
                "index": c.index,
                "parent_id": c.parent_id,
                "parent_index": c.parent_index,
                "depth": c.depth,
                "author": c.author,
                "author_role": c.author_role,
                "timestamp": c.timestamp,
                "text": c.text,
                "urls": c.urls,
                "emoji": c.emoji,
                "contains_email": c.contains_email,
                "contains_phone": c.contains_phone,
            }
        )


def error_rows(errors: Iterable[IngestError], run_id: str | None = None) -> list[dict[str, Any]]:
    return [
        {"path": e.path, "stage": e.stage, "message": e.message, "run_id": run_id} for e in errors
    ]


def report_error(error: IngestError) -> None:
    print(f"gemeentetaal: error: {error}", file=sys.stderr)


def ingest_command(
    paths: list[Path], settings: Settings, *, out: Path | None, as_json: bool
) -> int:
    """Ingest ``paths``; print JSON lines or write tables. Returns the number of failed inputs."""
    pseudonymiser = Pseudonymiser(settings.privacy)
    records: list[Record] = []
    errors: list[IngestError] = []
    for result in ingest_paths(paths, settings, pseudonymiser):
        if isinstance(result, IngestError):
            errors.append(result)
            report_error(result)
        elif as_json:
            print(json.dumps(record_json(result), ensure_ascii=False, default=str), flush=True)
        else:
            records.append(result)
    if not as_json:
        rows = record_rows(records)
        rows["errors"] = error_rows(errors)
        write_tables(rows, out or settings.paths.processed_dir)
    return len(errors)
