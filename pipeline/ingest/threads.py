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
"""

from __future__ import annotations

import logging
import re
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from pipeline.ingest.dates import parse_datetime, search_datetime
from pipeline.privacy import NameMatcher, Pseudonymiser, is_organisation, normalise_name
from pipeline.records import Comment, Thread, make_id

log = logging.getLogger(__name__)

LAYOUT_NUMBERED = "numbered"
LAYOUT_WROTE = "schreef_op"
LAYOUT_REACTIE = "reactie_van"
LAYOUTS = (LAYOUT_NUMBERED, LAYOUT_WROTE, LAYOUT_REACTIE)
TAB_SIZE = 4
MAX_NAME_CHARS = 80

REACTIONS_HEADER_RE = re.compile(
    r"^\s*(?:(?P<count>\d+)\s+(?:reacties?|comments?)|(?:reacties?|comments?)\s*\((?P<count2>\d+)\)"
    r"|reacties?|comments?)(?:\s+op\s+[“\"'‘„«].{0,200})?\s*:?\s*$",
    re.IGNORECASE,
)
NUMBERED_RE = re.compile(
    rf"^(?P<indent>[ \t]*)(?:(?P<number>\d{{1,4}})[.)]|(?P<bullet>[•◦▪▫‣∙·*–—-]))[ \t]+"
    rf"(?P<name>\S.{{0,{MAX_NAME_CHARS}}}?)[ \t]*$"
)
WROTE_RE = re.compile(
    rf"^(?P<indent>[ \t]*)(?P<name>\S.{{0,{MAX_NAME_CHARS}}}?)\s+schreef(?:\s+op)?\s+"
    r"(?P<date>\S.{0,60}?)\s*:?\s*$",
    re.IGNORECASE,
)
WROTE_DATE_FIRST_RE = re.compile(
    rf"^(?P<indent>[ \t]*)op\s+(?P<date>\S.{{0,60}}?),?\s+schreef\s+"
    rf"(?P<name>\S.{{0,{MAX_NAME_CHARS}}}?)\s*:\s*$",
    re.IGNORECASE,
)
REACTIE_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<kind>reactie|antwoord)\s+van\s+(?P<rest>\S.{0,160}?)\s*$",
    re.IGNORECASE,
)
REACTIE_SEPARATOR_RE = re.compile(r"\s+(?:[–—-]|\||op)\s+|\s*[–—|]\s*|,\s+", re.IGNORECASE)
MENTION_RE = re.compile(r"(?<![\w.])@(?P<rest>[^\W\d_][^\n]{0,80})")
BYLINE_PREFIX_RE = re.compile(
    r"^\s*(?:door|tekst|auteur|geschreven door|tekst en foto(?:'s)?)\s*:?\s+(?P<name>.+?)\s*$",
    re.IGNORECASE,
)
PUBLISHED_RE = re.compile(
    r"^\s*(?:gepubliceerd|geplaatst|geüpdatet|bijgewerkt|datum)(?:\s+op)?\s*:?\s*(?P<date>.+)$",
    re.IGNORECASE,
)
TIME_RE = re.compile(r"(?<![\d.])\d{1,2}(?::|u(?=\d))\d{2}(?!\d)|\b(?:om|at)\s+\d{1,2}[.:]\d{2}\b")
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]{}]+", re.IGNORECASE)
URL_TRAILING = ".,;:!?’”'\""


@dataclass
class _Header:
    """A comment header found in the text."""

    line: int
    body_start: int
    indent: int
    author: str
    timestamp: datetime | None
    kind: str = "comment"  # comment | numbered | bullet | reply
    has_time: bool = True
    parent_hint: int | None = None
    body: str = ""
    index: int = 0
    parent: int | None = None
    depth: int = 0
    children: list[int] = field(default_factory=list)


def _indent(line: str) -> int:
    stripped = line.expandtabs(TAB_SIZE)
    return len(stripped) - len(stripped.lstrip())


def _next_nonblank(lines: list[str], start: int, limit: int = 2) -> int | None:
    for i in range(start, min(len(lines), start + limit + 1)):
        if lines[i].strip():
            return i
    return None


def _numbered_headers(lines: list[str]) -> list[_Header]:
    headers = []
    for i, line in enumerate(lines):
        match = NUMBERED_RE.match(line)
        if not match:
            continue
        j = _next_nonblank(lines, i + 1, limit=1)
        if j is None:
            continue
        timestamp = parse_datetime(lines[j])
        if timestamp is None:
            continue
        kind = "numbered" if match.group("number") else "bullet"
        name = match.group("name").strip()
        has_time = bool(TIME_RE.search(lines[j]))
        headers.append(_Header(i, j + 1, _indent(line), name, timestamp, kind, has_time))
    return headers


def _wrote_headers(lines: list[str]) -> list[_Header]:
    headers = []
    for i, line in enumerate(lines):
        for pattern in (WROTE_DATE_FIRST_RE, WROTE_RE):
            match = pattern.match(line)
            timestamp = parse_datetime(match.group("date")) if match else None
            if match is None or timestamp is None:
                continue
            name = match.group("name").strip()
            if len(name.split()) <= 6:
                headers.append(_Header(i, i + 1, _indent(line), name, timestamp))
            break
    return headers


def _split_reactie(rest: str) -> tuple[str, datetime] | None:
    for sep in REACTIE_SEPARATOR_RE.finditer(rest):
        name = rest[: sep.start()].strip()
        timestamp = parse_datetime(rest[sep.end() :])
        if name and timestamp is not None:
            return name, timestamp
    return None


def _reactie_headers(lines: list[str]) -> list[_Header]:
    headers = []
    for i, line in enumerate(lines):
        match = REACTIE_RE.match(line)
        if not match:
            continue
        split = _split_reactie(match.group("rest"))
        if split is None:
            continue
        kind = "reply" if match.group("kind").casefold() == "antwoord" else "comment"
        headers.append(_Header(i, i + 1, _indent(line), split[0], split[1], kind))
    return headers


HEADER_FINDERS: dict[str, Callable[[list[str]], list[_Header]]] = {
    LAYOUT_NUMBERED: _numbered_headers,
    LAYOUT_WROTE: _wrote_headers,
    LAYOUT_REACTIE: _reactie_headers,
}


def _reactions_header(lines: list[str]) -> tuple[int, int | None] | None:
    """Line number and announced count of the ``10 Reacties`` line, if any."""
    for i, line in enumerate(lines):
        match = REACTIONS_HEADER_RE.match(line)
        if match:
            count = match.group("count") or match.group("count2")
            return i, int(count) if count else None
    return None


def _best_layout(lines: list[str]) -> tuple[str, list[_Header]] | None:
    found = {layout: finder(lines) for layout, finder in HEADER_FINDERS.items()}
    layout = max(LAYOUTS, key=lambda name: len(found[name]))
    headers = found[layout]
    if not headers:
        return None
    if layout == LAYOUT_NUMBERED:
        # Programme texts have numbered lists with dates (a planning); a thread has the
        # "N reacties" line, or else at least two comments with a posting time.
        if not any(h.kind == "numbered" for h in headers):
            return None
        if _reactions_header(lines) is None and sum(h.has_time for h in headers) < 2:
            return None
    return layout, headers


def detect_layout(text: str) -> str | None:
    """The thread layout of ``text`` (see the module docstring), or None when it is not a
    comment thread."""
    best = detect_thread(text)
    return best[0] if best else None


def detect_thread(text: str) -> tuple[str, list[_Header]] | None:
    """The layout and comment headers of ``text``, or None when it is not a comment thread;
    pass the result to ``parse_thread`` so the headers are not searched for twice."""
    return _best_layout(text.splitlines())


def _clean_block(lines: Iterable[str]) -> str:
    """Dedent a block, keep its line breaks, and collapse runs of blank lines."""
    text = textwrap.dedent("\n".join(line.expandtabs(TAB_SIZE).rstrip() for line in lines))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


def _assign_structure(layout: str, headers: list[_Header]) -> None:
    """Set index, parent and depth of every header, in order of appearance."""
    stack: list[_Header] = []
    latest_by_author: dict[str, _Header] = {}
    last_top: _Header | None = None
    for number, header in enumerate(headers, start=1):
        header.index = number
        parent: _Header | None = None
        if layout == LAYOUT_NUMBERED and header.kind == "numbered":
            stack = []
        else:
            while stack and stack[-1].indent >= header.indent:
                stack.pop()
            parent = stack[-1] if stack else None
        if parent is None and (layout == LAYOUT_WROTE or header.kind == "reply"):
            parent = _mentioned_parent(header.body, latest_by_author)
        if parent is None and header.kind == "reply":
            parent = last_top
        header.parent = parent.index if parent else None
        header.depth = parent.depth + 1 if parent else 0
        if parent is None:
            last_top = header
        stack.append(header)
        latest_by_author[normalise_name(header.author)] = header


def _mentioned_parent(body: str, latest_by_author: dict[str, _Header]) -> _Header | None:
    """The latest earlier comment by the first author that ``body`` @mentions."""
    names = sorted(latest_by_author, key=len, reverse=True)
    for match in MENTION_RE.finditer(body):
        mentioned = normalise_name(match.group("rest"))
        for name in names:
            if name and (mentioned == name or mentioned.startswith(name + " ")):
                return latest_by_author[name]
    return None


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


def extract_urls(text: str) -> list[str]:
    """URLs in ``text`` (``http(s)://`` or ``www.``), trailing punctuation removed."""
    return [m.group().rstrip(URL_TRAILING) for m in URL_RE.finditer(text)]


def extract_emoji(text: str) -> list[str]:
    """Every emoji in ``text`` in order of appearance (with repeats)."""
    import emoji

    return [item["emoji"] for item in emoji.emoji_list(text)]


def author_role(author: str | None) -> Literal["resident", "organisation"] | None:
    """``organisation`` for the municipality, a project team, the editor ...
    (``privacy_terms.toml`` organisations), ``resident`` for anyone else, None without an
    author."""
    if author is None or not author.strip():
        return None
    return "organisation" if is_organisation(author) else "resident"


def organisation_name(author: str | None) -> str | None:
    """The organisation's name as written, white space tidied (kept: not personal data)."""
    return " ".join(author.split()) if author else None


@dataclass(frozen=True)
class RawComment:
    """A comment as read, before pseudonymisation: the input to ``build_comments``."""

    index: int
    author: str | None
    timestamp: datetime | None
    text: str
    parent_index: int | None
    depth: int


def build_comments(
    raws: list[RawComment],
    id_prefix: tuple[object, ...],
    matcher: NameMatcher,
    pseudonymiser: Pseudonymiser,
) -> list[Comment]:
    """Pseudonymise and scrub raw comments into records.

    Args:
        raws: comments in order of appearance.
        id_prefix: parts before the index in ``make_id`` (content hash, thread key ...).
        matcher: names of the thread (``Pseudonymiser.name_matcher``).
        pseudonymiser: makes author pseudonyms and scrubs texts.
    """
    comments = []
    for raw in raws:
        scrubbed = pseudonymiser.scrub(raw.text, matcher)
        role = author_role(raw.author)
        comments.append(
            Comment(
                comment_id=make_id(*id_prefix, raw.index),
                index=raw.index,
                author=(
                    organisation_name(raw.author)
                    if role == "organisation"
                    else pseudonymiser.pseudonym(raw.author)
                ),
                author_role=role,
                timestamp=raw.timestamp,
                text=scrubbed.text,
                parent_index=raw.parent_index,
                parent_id=(
                    make_id(*id_prefix, raw.parent_index) if raw.parent_index is not None else None
                ),
                depth=raw.depth,
                urls=extract_urls(scrubbed.text),
                emoji=extract_emoji(scrubbed.text),
                contains_email=scrubbed.contains_email,
                contains_phone=scrubbed.contains_phone,
            )
        )
    return comments


def make_thread(
    raws: list[RawComment],
    *,
    source_path: str,
    content_hash: str,
    layout: str,
    pseudonymiser: Pseudonymiser,
    title: str | None = None,
    article_text: str = "",
    published: datetime | None = None,
    extra_names: Iterable[str] = (),
    thread_key: object | None = None,
    project: str | None = None,
) -> Thread:
    """Build a scrubbed ``Thread`` from raw comments and article parts.

    Every name of the thread (authors, ``extra_names`` such as bylines, and names found in
    sign-offs and greetings) is removed from the title, the article and each comment.
    """
    texts = [title or "", article_text, *(r.text for r in raws)]
    names = pseudonymiser.collect_names([*(r.author for r in raws), *extra_names], texts)
    matcher = pseudonymiser.name_matcher(names)
    id_prefix: tuple[object, ...] = (
        (content_hash,) if thread_key is None else (content_hash, thread_key)
    )
    article_title = pseudonymiser.scrub(title, matcher).text if title else None
    article = pseudonymiser.scrub(article_text, matcher).text if article_text else ""
    comments = build_comments(raws, id_prefix, matcher, pseudonymiser)
    return Thread(
        thread_id=make_id(*id_prefix, "thread"),
        source_path=source_path,
        content_hash=content_hash,
        layout=layout,
        article_title=article_title,
        article_text=article,
        published=published,
        comments=comments,
        municipality=thread_municipality(article_title, article, comments),
        project=pseudonymiser.scrub(project, matcher).text if project else None,
    )


def thread_municipality(
    title: str | None, article: str, comments: Iterable[Comment]
) -> str | None:
    """The official name of the municipality a thread is about: from its title and article,
    or, for a thread without article, from its comments; None when none is named."""
    from pipeline.ingest.municipalities import default_matcher

    matcher = default_matcher()
    found = matcher.match(f"{title or ''}\n\n{article}")
    if found is None and not article.strip():
        found = matcher.match("\n\n".join(c.text for c in comments))
    return found


def parse_thread(
    text: str,
    source_path: str,
    content_hash: str,
    pseudonymiser: Pseudonymiser,
    detected: tuple[str, list[_Header]] | None = None,
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
    best = detected if detected is not None else _best_layout(lines)
    if best is None:
        raise InputError("no comments found in a known thread layout")
    layout, headers = best
    for header, following in zip(headers, [*headers[1:], None], strict=True):
        end = following.line if following else len(lines)
        header.body = _clean_block(lines[header.body_start : end])
    _assign_structure(layout, headers)
    article_end = headers[0].line
    reactions = _reactions_header(lines[:article_end])
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
