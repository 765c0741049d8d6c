"""Typed records passed between stages.

Ingest produces ``Document`` (programme texts) and ``Thread`` (comment threads) records, and
``IngestError`` for inputs it could not read. Downstream stages read these records and return
rows; they never change them. Ids are stable hashes of (source content, position), see
``make_id``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

UnitKind = Literal["document", "section", "paragraph", "item", "thread", "article", "comment"]


def content_hash(data: bytes | str) -> str:
    """SHA-256 of the input's bytes (text is UTF-8 encoded), as hex."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def make_id(*parts: object) -> str:
    """A stable 16-hex-digit id from the parts (content hash first, then positions)."""
    blob = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return hashlib.blake2b(blob, digest_size=8).hexdigest()


@dataclass
class Paragraph:
    """A paragraph of running text inside a section."""

    paragraph_id: str
    order: int
    text: str
    boilerplate: list[str] = field(default_factory=list)


@dataclass
class Item:
    """A lettered (``A.``) or bullet item inside a section."""

    item_id: str
    order: int
    kind: Literal["lettered", "bullet"]
    letter: str | None
    text: str
    role: Literal["goal", "action"] | None = None
    paired_item_id: str | None = None


@dataclass
class Section:
    """A section: a heading and what follows it until the next heading."""

    section_id: str
    order: int
    heading: str | None
    level: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)


@dataclass
class Document:
    """A programme text (chapter of a budget, annual report or progress report)."""

    document_id: str
    source_path: str
    content_hash: str
    family: Literal["programme", "text"] = "programme"
    municipality: str | None = None
    document_type: Literal["begroting", "jaarverslag", "voortgangsrapportage"] | None = None
    year: int | None = None
    programme_number: str | None = None
    programme_title: str | None = None
    portfolio_holders: list[str] = field(default_factory=list)
    director: str | None = None
    sections: list[Section] = field(default_factory=list)
    boilerplate_lines: list[str] = field(default_factory=list)

    @property
    def section_headings(self) -> list[str]:
        return [s.heading for s in self.sections if s.heading]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Comment:
    """A comment; the text is scrubbed. ``author`` is a pseudonym for a resident, or the name
    of the organisation (municipality, project team, editor: ``author_role`` organisation),
    which is not personal data."""

    comment_id: str
    index: int
    author: str | None
    timestamp: datetime | None
    text: str
    parent_index: int | None = None
    parent_id: str | None = None
    depth: int = 0
    urls: list[str] = field(default_factory=list)
    emoji: list[str] = field(default_factory=list)
    contains_email: bool = False
    contains_phone: bool = False
    author_role: Literal["resident", "organisation"] | None = None


@dataclass
class Thread:
    """A news article or participation page with its comments."""

    thread_id: str
    source_path: str
    content_hash: str
    layout: str
    article_title: str | None = None
    article_text: str = ""
    published: datetime | None = None
    comments: list[Comment] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IngestError:
    """An input that could not be read; the batch goes on without it."""

    path: str
    stage: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


Record = Document | Thread
