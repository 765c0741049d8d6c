"""Batch jobs behind ``gemeentetaal ingest`` and ``gemeentetaal run``.

Records become table rows here (``record_rows``); analyses add their columns and tables; the
outputs module validates and writes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.ingest import ingest_paths
from pipeline.outputs import output_folder, write_tables
from pipeline.privacy import Pseudonymiser
from pipeline.records import (
    Document,
    IngestError,
    Programme,
    Record,
    Section,
    Thread,
    make_id,
)

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
        "title": doc.title,
    }


def programme_metadata(programme: Programme | None) -> dict[str, Any]:
    """The public fields of a programme (all None for a document without programmes)."""
    return {
        "programme_id": programme.programme_id if programme else None,
        "programme_number": programme.number if programme else None,
        "programme_title": programme.title if programme else None,
        "portfolio_holders": programme.portfolio_holders if programme else [],
        "director": programme.director if programme else None,
    }


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


def record_rows(records: Iterable[Record]) -> Rows:
    """Rows for documents, sections, items, paragraphs, threads and comments (no measures)."""
    rows: Rows = {
        k: []
        for k in ("documents", "programmes", "sections", "items", "paragraphs", "amounts",
                  "indicators")
    }  # fmt: skip
    rows.update(threads=[], comments=[], units=[])
    for record in records:
        if isinstance(record, Document):
            _document_rows(record, rows)
        else:
            _thread_rows(record, rows)
        rows["units"] += unit_rows(record)
    return rows


def article_unit_id(thread: Thread) -> str:
    """The id of a thread's article as a unit of text (its sentences and themes point here)."""
    return make_id(thread.thread_id, "article")


def unit_rows(record: Record) -> list[dict[str, Any]]:
    """Rows for the ``units`` table: every id a ``unit_id`` of another table may hold, in
    reading order (a document, then each section with its programme before its first section
    and its paragraphs and items; a thread, its article when it has text, its comments)."""
    out: list[dict[str, Any]] = []

    def add(unit_id: str, kind: str, **ids: str | None) -> None:
        out.append(
            {"unit_id": unit_id, "unit_kind": kind, "document_id": None, "thread_id": None,
             "programme_id": None, "section_id": None, **ids, "position": len(out)}
        )  # fmt: skip

    if isinstance(record, Document):
        doc_id = record.document_id
        add(doc_id, "document", document_id=doc_id)
        seen_programmes: set[str] = set()
        for section in record.all_sections():
            pid = section.programme_id
            if pid is not None and pid not in seen_programmes:
                seen_programmes.add(pid)
                add(pid, "programme", document_id=doc_id, programme_id=pid)
            ids = {"document_id": doc_id, "programme_id": pid}
            add(section.section_id, "section", **ids, section_id=section.section_id)
            blocks = [(p.position, p.paragraph_id, "paragraph") for p in section.paragraphs]
            blocks += [(i.position, i.item_id, "item") for i in section.items]
            for _, unit_id, kind in sorted(blocks, key=lambda b: b[0]):
                add(unit_id, kind, **ids, section_id=section.section_id)
        for programme in record.programmes:  # a programme without sections
            if programme.programme_id not in seen_programmes:
                add(programme.programme_id, "programme", document_id=doc_id,
                    programme_id=programme.programme_id)  # fmt: skip
    else:
        add(record.thread_id, "thread", thread_id=record.thread_id)
        if record.article_text.strip():
            add(article_unit_id(record), "article", thread_id=record.thread_id)
        for comment in record.comments:
            add(comment.comment_id, "comment", thread_id=record.thread_id)
    return out


def _document_rows(doc: Document, rows: Rows) -> None:
    rows["documents"].append(
        {
            "document_id": doc.document_id,
            "source_path": doc.source_path,
            "content_hash": doc.content_hash,
            **document_metadata(doc),
            "n_programmes": len(doc.programmes),
            "section_headings": doc.section_headings,
            "n_boilerplate_lines": len(doc.boilerplate_lines),
        }
    )
    for programme in doc.programmes:
        meta = programme_metadata(programme)
        rows["programmes"].append(
            {
                "programme_id": programme.programme_id,
                "document_id": doc.document_id,
                "position": programme.order,
                **{k: v for k, v in meta.items() if k != "programme_id"},
                "section_headings": programme.section_headings,
            }
        )
    for section in doc.all_sections():
        keys = {"document_id": doc.document_id, "programme_id": section.programme_id}
        rows["sections"].append(
            {
                "section_id": section.section_id,
                **keys,
                "position": section.order,
                "heading": section.heading,
                "level": section.level,
            }
        )
        for item in section.items:
            rows["items"].append(
                {
                    "item_id": item.item_id,
                    "section_id": section.section_id,
                    **keys,
                    "position": item.order,
                    "kind": item.kind,
                    "letter": item.letter,
                    "text": item.text,
                    "role": item.role,
                    "paired_item_id": item.paired_item_id,
                    "status": item.status,
                }
            )
        for para in section.paragraphs:
            rows["paragraphs"].append(
                {
                    "paragraph_id": para.paragraph_id,
                    "section_id": section.section_id,
                    **keys,
                    "position": para.order,
                    "text": para.text,
                    "has_boilerplate": bool(para.boilerplate),
                    "boilerplate": para.boilerplate,
                }
            )
        for table in section.tables:
            where = {**keys, "section_id": section.section_id, "table_id": table.table_id}
            for a in table.amounts:
                rows["amounts"].append(
                    {
                        "amount_id": a.amount_id,
                        **where,
                        "caption": table.caption,
                        "table_row": a.row,
                        "table_column": a.column,
                        "row_label": a.row_label,
                        "column_label": a.column_label,
                        "value": a.value,
                        "unit": a.unit,
                        "amount_eur": a.amount_eur,
                    }
                )
            for ind in table.indicators:
                rows["indicators"].append(
                    {
                        "indicator_id": ind.indicator_id,
                        **where,
                        "name": ind.name,
                        "unit": ind.unit,
                        "period": ind.period,
                        "value": ind.value,
                        "source": ind.source,
                    }
                )


def _thread_rows(thread: Thread, rows: Rows) -> None:
    rows["threads"].append(
        {
            "thread_id": thread.thread_id,
            "source_path": thread.source_path,
            "content_hash": thread.content_hash,
            "layout": thread.layout,
            "municipality": thread.municipality,
            "project": thread.project,
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
                "comment_number": c.index,
                "parent_id": c.parent_id,
                "parent_number": c.parent_index,
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
            for obj in record_json(result):
                print(json.dumps(obj, ensure_ascii=False, default=str), flush=True)
        else:
            records.append(result)
    if not as_json:
        rows = record_rows(records)
        rows["errors"] = error_rows(errors)
        with output_folder(out or settings.paths.processed_dir) as folder:
            write_tables(rows, folder)
    return len(errors)
