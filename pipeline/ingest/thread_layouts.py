"""Which plain-text comment layout a text has, where its comment headers are, and who
replies to whom (the layouts are described in ``pipeline/ingest/threads.py``).

A layout is a header finder in ``HEADER_FINDERS``; ``find_layout`` takes the layout with the
most headers, so ``detect_layout`` (and ``pipeline.ingest.detect_family``) recognise a thread
by content, never by file name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from pipeline.ingest.dates import parse_datetime
from pipeline.privacy import normalise_name

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
TIME_RE = re.compile(r"(?<![\d.])\d{1,2}(?::|u(?=\d))\d{2}(?!\d)|\b(?:om|at)\s+\d{1,2}[.:]\d{2}\b")


@dataclass
class CommentHeader:
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


def _numbered_headers(lines: list[str]) -> list[CommentHeader]:
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
        headers.append(CommentHeader(i, j + 1, _indent(line), name, timestamp, kind, has_time))
    return headers


def _wrote_headers(lines: list[str]) -> list[CommentHeader]:
    headers = []
    for i, line in enumerate(lines):
        for pattern in (WROTE_DATE_FIRST_RE, WROTE_RE):
            match = pattern.match(line)
            timestamp = parse_datetime(match.group("date")) if match else None
            if match is None or timestamp is None:
                continue
            name = match.group("name").strip()
            if len(name.split()) <= 6:
                headers.append(CommentHeader(i, i + 1, _indent(line), name, timestamp))
            break
    return headers


def _split_reactie(rest: str) -> tuple[str, datetime] | None:
    for sep in REACTIE_SEPARATOR_RE.finditer(rest):
        name = rest[: sep.start()].strip()
        timestamp = parse_datetime(rest[sep.end() :])
        if name and timestamp is not None:
            return name, timestamp
    return None


def _reactie_headers(lines: list[str]) -> list[CommentHeader]:
    headers = []
    for i, line in enumerate(lines):
        match = REACTIE_RE.match(line)
        if not match:
            continue
        split = _split_reactie(match.group("rest"))
        if split is None:
            continue
        kind = "reply" if match.group("kind").casefold() == "antwoord" else "comment"
        headers.append(CommentHeader(i, i + 1, _indent(line), split[0], split[1], kind))
    return headers


HEADER_FINDERS: dict[str, Callable[[list[str]], list[CommentHeader]]] = {
    LAYOUT_NUMBERED: _numbered_headers,
    LAYOUT_WROTE: _wrote_headers,
    LAYOUT_REACTIE: _reactie_headers,
}


def reactions_header(lines: list[str]) -> tuple[int, int | None] | None:
    """Line number and announced count of the ``10 Reacties`` line, if any."""
    for i, line in enumerate(lines):
        match = REACTIONS_HEADER_RE.match(line)
        if match:
            count = match.group("count") or match.group("count2")
            return i, int(count) if count else None
    return None


def find_layout(lines: list[str]) -> tuple[str, list[CommentHeader]] | None:
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
        if reactions_header(lines) is None and sum(h.has_time for h in headers) < 2:
            return None
    return layout, headers


def detect_layout(text: str) -> str | None:
    """The thread layout of ``text`` (see the module docstring), or None when it is not a
    comment thread."""
    best = detect_thread(text)
    return best[0] if best else None


def detect_thread(text: str) -> tuple[str, list[CommentHeader]] | None:
    """The layout and comment headers of ``text``, or None when it is not a comment thread;
    pass the result to ``parse_thread`` so the headers are not searched for twice."""
    return find_layout(text.splitlines())


def assign_structure(layout: str, headers: list[CommentHeader]) -> None:
    """Set index, parent and depth of every header, in order of appearance."""
    stack: list[CommentHeader] = []
    latest_by_author: dict[str, CommentHeader] = {}
    last_top: CommentHeader | None = None
    for number, header in enumerate(headers, start=1):
        header.index = number
        parent: CommentHeader | None = None
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


def _mentioned_parent(
    body: str, latest_by_author: dict[str, CommentHeader]
) -> CommentHeader | None:
    """The latest earlier comment by the first author that ``body`` @mentions."""
    names = sorted(latest_by_author, key=len, reverse=True)
    for match in MENTION_RE.finditer(body):
        mentioned = normalise_name(match.group("rest"))
        for name in names:
            if name and (mentioned == name or mentioned.startswith(name + " ")):
                return latest_by_author[name]
    return None
