"""Table rows of the ingested structure: documents, programmes, sections, items, paragraphs,
amounts, indicators, threads and comments (no measures; the analyses add their columns and
tables, ``pipeline/analyses``), and the rows of the ``errors`` table.

Shared by ``gemeentetaal ingest`` (``pipeline/batch.py``) and ``gemeentetaal run``
(``pipeline/analyse.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pipeline.analyses import Rows
from pipeline.records import Document, IngestError, Programme, Record, Thread, make_id

STRUCTURE_TABLES = (
    "documents", "programmes", "sections", "items", "paragraphs", "amounts", "indicators",
    "threads", "comments",
)  # fmt: skip


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
    """Rows of the ``errors`` table: one per (path, stage), the first error kept."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for e in errors:
        seen.setdefault(
            (e.path, e.stage),
            {"path": e.path, "stage": e.stage, "message": e.message, "run_id": run_id},
        )
    return list(seen.values())
