"""Plain-text comment threads: an article followed by resident comments.

Three layouts are recognised by content (never by file name):

``numbered``
    A news site's comment section: ``10 Reacties`` (or ``1 reactie``, ``Reacties (3)``),
    top-level comments `` 1. Naam`` with a date line (``11 juli 2017 at 20:45``) under
    them, replies marked ``•`` and nested by indentation, any number of levels deep.
``schreef_op``
    ``Naam schreef op 3 maart 2021 om 14:02:`` blocks; a comment that mentions ``@Naam`` replies
    to the latest earlier comment by that author.
``reactie_van``
    Participation-platform text exports: ``Reactie van Naam – 12-04-2023 09:15`` (or
    ``Reactie van Naam op 12-04-2023 om 09:15``), replies indented or as ``Antwoord van``.

The article is everything before the first comment: the first line is its title, a trailing
author box (name, repeated name, ``bio | ...`` line) or a ``Door ...`` line is its byline and
is removed. Authors become pseudonyms and all texts are scrubbed (``pipeline.privacy``) here,
before the thread leaves ingest.

Parts: ``thread_layouts`` finds the layout, the comment headers and the reply structure;
``thread_records`` builds the scrubbed ``Thread`` (shared with the structured exports); this
module reads the article and the comment bodies.
"""

from __future__ import annotations

import logging
import re
import textwrap
from collections.abc import Iterable
from datetime import datetime

from pipeline.ingest.dates import parse_datetime, search_datetime
from pipeline.ingest.thread_layouts import (
    LAYOUT_NUMBERED,
    LAYOUT_REACTIE,
    LAYOUT_WROTE,
    LAYOUTS,
    REACTIONS_HEADER_RE,
    TAB_SIZE,
    CommentHeader,
    assign_structure,
    detect_layout,
    detect_thread,
    find_layout,
    reactions_header,
)
from pipeline.ingest.thread_records import (
    RawComment,
    author_role,
    build_comments,
    extract_emoji,
    extract_urls,
    make_thread,
    organisation_name,
    thread_municipality,
)
from pipeline.privacy import Pseudonymiser, normalise_name
from pipeline.records import Thread

__all__ = [
    "LAYOUTS",
    "LAYOUT_NUMBERED",
    "LAYOUT_REACTIE",
    "LAYOUT_WROTE",
    "RawComment",
    "author_role",
    "build_comments",
    "detect_layout",
    "detect_thread",
    "extract_emoji",
    "extract_urls",
    "make_thread",
    "organisation_name",
    "parse_thread",
    "thread_municipality",
]

log = logging.getLogger(__name__)

BYLINE_PREFIX_RE = re.compile(
    r"^\s*(?:door|tekst|auteur|geschreven door|tekst en foto(?:'s)?)\s*:?\s+(?P<name>.+?)\s*$",
    re.IGNORECASE,
)
PUBLISHED_RE = re.compile(
    r"^\s*(?:gepubliceerd|geplaatst|geüpdatet|bijgewerkt|datum)(?:\s+op)?\s*:?\s*(?P<date>.+)$",
    re.IGNORECASE,
)


def _clean_block(lines: Iterable[str]) -> str:
    """Dedent a block, keep its line breaks, and collapse runs of blank lines."""
    text = textwrap.dedent("\n".join(line.expandtabs(TAB_SIZE).rstrip() for line in lines))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


def _split_article(lines: list[str]) -> tuple[str | None, list[str], datetime | None, list[str]]:
    """Title, body lines, publication time and byline names of the article part."""
    content = [line for line in lines if not REACTIONS_HEADER_RE.match(line)]
    while content and not content[0].strip():
        content.pop(0)
    if not content:
        return None, [], None, []
    title, body = content[0].strip(), content[1:]
    published: datetime | None = None
    bylines: list[str] = []
    kept: list[str] = []
    for n, line in enumerate(body):
        byline = BYLINE_PREFIX_RE.match(line)
        near_edge = n < 6 or n >= len(body) - 6
        if byline and near_edge and len(line) <= 120:
            name, date = byline.group("name"), search_datetime(byline.group("name"))
            if date is not None:
                name = name[: date.start]
            name = name.strip(" |,-–—")
            if _is_name_line(name):
                published = published or (date.value if date else None)
                bylines.append(name)
                continue
        if published is None and n < 6:
            match = PUBLISHED_RE.match(line)
            value = parse_datetime(match.group("date") if match else line)
            if value is not None:
                published = value
                continue
        kept.append(line)
    kept, trailing = _strip_author_box(kept)
    bylines.extend(trailing)
    return title, kept, published, [b for b in bylines if b]


def _is_name_line(line: str) -> bool:
    words = line.split()
    return (
        1 <= len(words) <= 4
        and len(line) <= 40
        and not re.search(r"[.?!:;,]$", line)
        and all(w[:1].isupper() or (w.islower() and len(w) <= 3) for w in words)
    )


def _strip_author_box(lines: list[str]) -> tuple[list[str], list[str]]:
    """Remove a trailing author box (name, name again and/or ``bio | ...``); return its names."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    tail = nonblank[-4:]
    for start in range(len(tail)):
        block = [lines[i].strip() for i in tail[start:]]
        has_bio = " | " in block[-1] and not _is_name_line(block[-1])
        names = block[:-1] if has_bio else block
        if not names or not all(_is_name_line(n) for n in names):
            continue
        repeated = len({normalise_name(n) for n in names}) < len(names)
        if repeated or has_bio:
            return lines[: tail[start]], sorted(set(names))
    return lines, []


def parse_thread(
    text: str,
    source_path: str,
    content_hash: str,
    pseudonymiser: Pseudonymiser,
    detected: tuple[str, list[CommentHeader]] | None = None,
) -> Thread:
    """Parse a plain-text comment thread into a scrubbed ``Thread``.

    Args:
        text: the decoded input.
        source_path: input path, stored as given.
        content_hash: SHA-256 of the input bytes (ids derive from it).
        pseudonymiser: turns authors into pseudonyms and scrubs personal data.
        detected: what ``detect_thread(text)`` returned, when the caller has it.

    Raises:
        InputError: ``text`` has no comments in a known layout.
    """
    from pipeline.ingest.readers import InputError

    lines = text.splitlines()
    best = detected if detected is not None else find_layout(lines)
    if best is None:
        raise InputError("no comments found in a known thread layout")
    layout, headers = best
    for header, following in zip(headers, [*headers[1:], None], strict=True):
        end = following.line if following else len(lines)
        header.body = _clean_block(lines[header.body_start : end])
    assign_structure(layout, headers)
    article_end = headers[0].line
    reactions = reactions_header(lines[:article_end])
    if reactions is not None:
        announced = reactions[1]
        article_end = reactions[0]
        if announced is not None and announced != len(headers):
            log.warning(
                "%s: the thread announces %d comments but %d were found",
                source_path,
                announced,
                len(headers),
            )
    title, body, published, bylines = _split_article(lines[:article_end])
    raws = [RawComment(h.index, h.author, h.timestamp, h.body, h.parent, h.depth) for h in headers]
    return make_thread(
        raws,
        source_path=source_path,
        content_hash=content_hash,
        layout=layout,
        pseudonymiser=pseudonymiser,
        title=title,
        article_text=_clean_block(body),
        published=published,
        extra_names=bylines,
    )
