"""Structured comment exports: CSV (comma, semicolon, tab) and JSON / JSON Lines.

Columns (CSV) and keys (JSON) are found through ``settings.export_columns``, which maps the
canonical names ``id``, ``parent_id``, ``author``, ``created_at``, ``text`` and ``thread`` to
the names accepted for them (case-insensitive, first match wins). Only ``text`` is required.

A JSON export may be a list of comment objects, an object ``{"thread"|"article": ...,
"comments": [...]}``, a list of such objects, or ``{"threads": [...]}``; comment objects may
hold their replies in a nested ``replies`` array. A file holds several threads when a thread
column exists. Parents are resolved by id; a reply to an unknown id becomes a top-level
comment (with a warning) and reply cycles are broken at their earliest comment.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pipeline.config import IngestSettings
from pipeline.ingest.dates import parse_timestamp
from pipeline.ingest.readers import InputError, RawInput
from pipeline.ingest.thread_records import RawComment, make_thread
from pipeline.privacy import Pseudonymiser
from pipeline.records import Thread

log = logging.getLogger(__name__)

CANONICAL = ("id", "parent_id", "author", "created_at", "text", "thread")
COMMENT_LIST_KEYS = ("comments", "reacties", "reactions")
REPLY_KEYS = ("replies", "antwoorden", "children", "reacties", "comments")
ARTICLE_KEYS = ("thread", "article", "artikel", "topic", "onderwerp")
TITLE_KEYS = ("title", "titel", "kop", "headline", "name", "naam")
PUBLISHED_KEYS = ("published", "published_at", "publicatiedatum", "gepubliceerd")
NO_PARENT = {"", "0", "-1", "null", "none", "nan", "-"}
CSV_DELIMITERS = ",;\t|"


@dataclass
class _Item:
    """One comment as found in the export, before ids are resolved."""

    raw_id: str | None
    raw_parent: str | None
    author: str | None
    created_at: Any
    text: str
    nested_parent: int | None = None


@dataclass
class _Group:
    """The comments of one thread, with what is known about its article."""

    key: str | None
    title: str | None = None
    article_text: str = ""
    published: datetime | None = None
    items: list[_Item] = field(default_factory=list)
    project: str | None = None  # the subject in the thread column (not an id)


class ColumnMap:
    """Finds the canonical fields in a set of column or key names."""

    def __init__(self, names: Iterable[str], accepted: Mapping[str, tuple[str, ...]]) -> None:
        by_fold: dict[str, str] = {}
        for name in names:
            by_fold.setdefault(str(name).strip().lstrip("\ufeff").casefold(), name)
        self.found = list(by_fold.values())
        self.columns: dict[str, str] = {}
        for canonical in CANONICAL:
            for candidate in accepted.get(canonical, ()):
                if candidate.casefold() in by_fold:
                    self.columns[canonical] = by_fold[candidate.casefold()]
                    break

    def require_text(self, accepted: Mapping[str, tuple[str, ...]], what: str) -> None:
        """Raise unless a text column was found; the message never quotes the file (a
        headerless export's first row is a resident's comment, name and phone number)."""
        if "text" in self.columns:
            return
        names = ", ".join(accepted.get("text", ()))
        if not self.columns:
            raise InputError(
                f"{what} has no recognisable header row: none of the {len(self.found)} names "
                f"in its first row is a known column name; name the comment text column one "
                f"of: {names} (or add your names to ingest.export_columns)"
            )
        raise InputError(
            f"{what} has no comment text column: none of its {len(self.found)} columns is "
            f"named {names} (or add yours to ingest.export_columns)"
        )

    def get(self, row: Mapping[str, Any], canonical: str) -> Any:
        column = self.columns.get(canonical)
        return row.get(column) if column is not None else None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, list):
        return "\n".join(t for t in (_as_text(v) for v in value) if t)
    if isinstance(value, Mapping):
        for key in ("name", "naam", "display_name", "username", "text", "title"):
            if isinstance(value.get(key), str):
                return value[key].strip() or None
        return None
    text = str(value).strip()
    return text or None


def _sniff_dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The CSV dialect, sniffed among the delimiters that occur in the header line."""
    sample = text[:20000]
    header = sample.split("\n", 1)[0]
    present = "".join(d for d in CSV_DELIMITERS if d in header) or CSV_DELIMITERS
    try:
        return csv.Sniffer().sniff(sample, delimiters=present)
    except csv.Error:
        delimiter = max(present, key=header.count)

        class Fallback(csv.excel):
            pass

        Fallback.delimiter = delimiter
        return Fallback


def _csv_groups(raw: RawInput, settings: IngestSettings) -> list[_Group]:
    try:
        reader = csv.reader(io.StringIO(raw.text), _sniff_dialect(raw.text))
        rows = [row for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}") from exc
    if not rows:
        raise InputError("CSV export has no header row")
    header = [cell.strip().lstrip("\ufeff") for cell in rows[0]]
    columns = ColumnMap(header, settings.export_columns)
    columns.require_text(settings.export_columns, "CSV export")
    if len(rows) < 2:
        raise InputError("CSV export has a header but no comments")
    records = [dict(zip(header, row, strict=False)) for row in rows[1:]]
    return _group_flat(records, columns)


def _group_flat(records: Iterable[Mapping[str, Any]], columns: ColumnMap) -> list[_Group]:
    """Comments (flat or with nested replies) grouped by their thread column, in order."""
    groups: dict[str | None, _Group] = {}
    title_is_id = columns.columns.get("thread", "").casefold().endswith("id")
    for record in records:
        key = _as_text(columns.get(record, "thread"))
        if key not in groups:
            subject = None if title_is_id else key
            groups[key] = _Group(key, title=subject, project=subject)
        _add_item(groups[key], record, columns, None)
    return list(groups.values())


def _add_item(
    group: _Group, record: Mapping[str, Any], columns: ColumnMap, parent: int | None
) -> None:
    group.items.append(
        _Item(
            raw_id=_as_text(columns.get(record, "id")),
            raw_parent=_as_text(columns.get(record, "parent_id")),
            author=_as_text(columns.get(record, "author")),
            created_at=columns.get(record, "created_at"),
            text=_as_text(columns.get(record, "text")) or "",
            nested_parent=parent,
        )
    )
    position = len(group.items) - 1
    for key in REPLY_KEYS:
        replies = record.get(key)
        if isinstance(replies, list) and key != columns.columns.get("text"):
            for n, reply in enumerate(replies, start=1):
                if not isinstance(reply, Mapping):
                    raise InputError(f"reply {n} of comment {position + 1} is not an object")
                _add_item(group, reply, columns, position)
            break


def _load_json(raw: RawInput) -> Any:
    if raw.suffix == ".jsonl":
        values = []
        for n, line in enumerate(raw.text.splitlines(), start=1):
            if line.strip():
                try:
                    values.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"invalid JSON on line {n}: {exc.msg}") from exc
        return values
    try:
        return json.loads(raw.text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc


def _comment_list(obj: Mapping[str, Any]) -> list[Any] | None:
    for key in COMMENT_LIST_KEYS:
        if isinstance(obj.get(key), list):
            return obj[key]
    return None


def _is_container(value: Any, settings: IngestSettings) -> bool:
    """True for a thread object (comments but no comment text of its own)."""
    if not isinstance(value, Mapping) or _comment_list(value) is None:
        return False
    return "text" not in ColumnMap(value.keys(), settings.export_columns).columns


def _json_groups(raw: RawInput, settings: IngestSettings) -> list[_Group]:
    data = _load_json(raw)
    if isinstance(data, Mapping) and isinstance(data.get("threads"), list):
        data = data["threads"]
    if isinstance(data, Mapping):
        containers = [data]
    elif isinstance(data, list) and data and all(_is_container(d, settings) for d in data):
        containers = list(data)
    elif isinstance(data, list):
        containers = [{"comments": data}]
    else:
        containers = [{}]
    groups: list[_Group] = []
    for number, container in enumerate(containers, start=1):
        comments = _comment_list(container)
        if comments is None:
            raise InputError(
                "JSON export has no list of comments: expected a list of comment objects or "
                "an object with 'comments'"
            )
        for n, comment in enumerate(comments, start=1):
            if not isinstance(comment, Mapping):
                raise InputError(f"comment {n} is not a JSON object")
        if not comments:
            continue
        keys = {k for c in comments for k in c}
        columns = ColumnMap(keys, settings.export_columns)
        columns.require_text(settings.export_columns, "JSON export")
        found = _group_flat(comments, columns)
        article = _article(container, settings)
        for group in found:
            if len(containers) > 1:
                group.key = group.key or f"thread-{number}"
            if article is not None:
                group.title = group.title or article.title
                group.article_text, group.published = article.article_text, article.published
        groups.extend(found)
    if not groups:
        raise InputError("JSON export contains no comments")
    return groups


def _article(container: Mapping[str, Any], settings: IngestSettings) -> _Group | None:
    """Title, text and publication time from ``thread``/``article`` in a JSON container."""
    for key in ARTICLE_KEYS:
        value = container.get(key)
        if isinstance(value, str) and value.strip():
            return _Group(None, title=value.strip())
        if isinstance(value, Mapping):
            fields = {str(k).casefold(): v for k, v in value.items()}

            def first(names: Iterable[str], fields: dict[str, Any] = fields) -> Any:
                return next((fields[n.casefold()] for n in names if n.casefold() in fields), None)

            accepted = settings.export_columns
            return _Group(
                None,
                title=_as_text(first((*TITLE_KEYS, *accepted.get("thread", ())))),
                article_text=_as_text(first(accepted.get("text", ()))) or "",
                published=parse_timestamp(
                    first((*PUBLISHED_KEYS, *accepted.get("created_at", ())))
                ),
            )
    return None


def resolve_parents(items: list[_Item], where: str) -> list[tuple[int | None, int]]:
    """(parent index, depth) for each item: by nesting, else by parent id.

    Unknown parent ids make a comment top-level; cycles are broken at their earliest
    comment; a repeated id points at its first comment. Each is logged as a warning (with
    counts and positions only).
    """
    by_id: dict[str, int] = {}
    repeated: list[int] = []
    for n, item in enumerate(items, start=1):
        if item.raw_id is not None:
            if item.raw_id in by_id:
                repeated.append(n)
            by_id.setdefault(item.raw_id, n)
    if repeated:
        shown = ", ".join(map(str, repeated[:5])) + (", ..." if len(repeated) > 5 else "")
        log.warning(
            "%s: %d comments repeat the id of an earlier comment (comment %s); "
            "replies to that id go to the first",
            where, len(repeated), shown,
        )  # fmt: skip
    parents: dict[int, int | None] = {}
    n_orphans = 0
    for n, item in enumerate(items, start=1):
        if item.nested_parent is not None:
            parents[n] = item.nested_parent + 1
        elif item.raw_parent is None or item.raw_parent.casefold() in NO_PARENT:
            parents[n] = None
        elif item.raw_parent in by_id:
            parents[n] = by_id[item.raw_parent]
        else:
            parents[n] = None
            n_orphans += 1
    if n_orphans:
        log.warning("%s: %d replies to unknown comment ids made top-level", where, n_orphans)
    return [(parents[n], depth) for n, depth in _depths(parents, where).items()]


def _depths(parents: dict[int, int | None], where: str) -> dict[int, int]:
    depth: dict[int, int] = {}
    for start in parents:
        while start not in depth:
            chain: list[int] = []
            node: int | None = start
            while node is not None and node not in depth and node not in chain:
                chain.append(node)
                node = parents[node]
            if node is not None and node in chain:
                cycle = chain[chain.index(node) :]
                cut = min(cycle)
                parents[cut] = None
                log.warning("%s: reply cycle broken at comment %d", where, cut)
                continue
            for member in reversed(chain):
                parent = parents[member]
                depth[member] = 0 if parent is None else depth[parent] + 1
    return dict(sorted(depth.items()))


def _group_thread(
    group: _Group,
    raw: RawInput,
    content_hash: str,
    layout: str,
    pseudonymiser: Pseudonymiser,
    several: bool,
    number: int,
) -> Thread:
    where = raw.path if not several else f"{raw.path} (thread {number})"
    structure = resolve_parents(group.items, where)
    raws: list[RawComment] = []
    n_bad_dates = 0
    for n, (item, (parent, depth)) in enumerate(zip(group.items, structure, strict=True), 1):
        timestamp = parse_timestamp(item.created_at)
        if timestamp is None and _as_text(item.created_at):
            n_bad_dates += 1
        raws.append(RawComment(n, item.author, timestamp, item.text, parent, depth))
    if n_bad_dates:
        log.warning("%s: %d comment dates could not be read", where, n_bad_dates)
    return make_thread(
        raws,
        source_path=raw.path,
        content_hash=content_hash,
        layout=layout,
        pseudonymiser=pseudonymiser,
        title=group.title,
        article_text=group.article_text,
        published=group.published,
        thread_key=group.key,
        project=group.project,
    )


def parse_export(
    raw: RawInput,
    settings: IngestSettings,
    pseudonymiser: Pseudonymiser,
    digest: str | None = None,
) -> list[Thread]:
    """Parse a CSV or JSON comment export into scrubbed threads (one per thread column value).

    ``digest``: the SHA-256 of ``raw.data`` when the caller has it (else computed here).

    Raises:
        InputError: malformed CSV/JSON, no text column, or no comments.
    """
    from pipeline.records import content_hash

    digest = digest or content_hash(raw.data)
    if raw.suffix == ".csv":
        groups, layout = _csv_groups(raw, settings), "csv"
    elif raw.suffix in (".json", ".jsonl"):
        groups, layout = _json_groups(raw, settings), raw.suffix.lstrip(".")
    else:
        raise InputError(f"unsupported export type {raw.suffix!r}; expected .csv, .json, .jsonl")
    several = len(groups) > 1
    return [
        _group_thread(group, raw, digest, layout, pseudonymiser, several, number)
        for number, group in enumerate(groups, start=1)
    ]
