"""Typed records passed between stages.

Ingest produces ``Document`` (budgets and reports with their ``Programme`` chapters, and other
texts) and ``Thread`` (comment threads) records, and
``IngestError`` for inputs it could not read. Downstream stages read these records and return
rows; they never change them. Ids are stable hashes of (source content, position), see
``make_id``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal


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
    position: int = 0  # reading order among the section's paragraphs, items and tables


@dataclass
class Item:
    """A goal, action or other list item inside a section.

    ``kind``: ``lettered`` (``A.``, ``a)``, ``1.``, also when the letter comes from Word list
    numbering), ``bullet``, ``labelled`` (``Doel 1.1``, ``Activiteit 1.1.1``) or ``row`` (a row
    of a two-column goal/action table). A goal's ``paired_item_id`` points to its (first)
    action, an action's to its goal.
    """

    item_id: str
    order: int
    kind: Literal["lettered", "bullet", "labelled", "row"]
    letter: str | None
    text: str
    role: Literal["goal", "action"] | None = None
    paired_item_id: str | None = None
    status: str | None = None
    position: int = 0  # reading order among the section's paragraphs, items and tables


@dataclass
class Amount:
    """One cell of a cost table: a money amount with its row and column labels."""

    amount_id: str
    row: int
    column: int
    row_label: str
    column_label: str
    value: str
    unit: str | None
    amount_eur: float | None


@dataclass
class Indicator:
    """One row of a policy-indicator table (beleidsindicatoren)."""

    indicator_id: str
    name: str
    unit: str | None
    period: str | None
    value: str | None
    source: str | None


@dataclass
class Table:
    """A table as read from the layout: never prose, never scored for readability.

    ``kind``: ``amounts`` (a cost table: its cells are in ``amounts``), ``indicators``,
    ``pairs`` (goals and actions side by side: they became items) or ``other``.
    """

    table_id: str
    order: int
    caption: str | None
    unit: str | None
    kind: Literal["amounts", "indicators", "pairs", "other"]
    header: list[str]
    rows: list[list[str]]
    amounts: list[Amount] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    position: int = 0  # reading order among the section's paragraphs, items and tables


@dataclass
class Section:
    """A section: a heading and what follows it until the next heading."""

    section_id: str
    order: int
    heading: str | None
    level: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    programme_id: str | None = None

    def next_position(self) -> int:
        """The reading-order position of the next paragraph, item or table."""
        return len(self.paragraphs) + len(self.items) + len(self.tables)


@dataclass
class Programme:
    """A programme chapter of a budget or report, with its own sections."""

    programme_id: str
    order: int
    number: str | None = None
    title: str | None = None
    portfolio_holders: list[str] = field(default_factory=list)
    director: str | None = None
    sections: list[Section] = field(default_factory=list)

    @property
    def section_headings(self) -> list[str]:
        return [s.heading for s in self.sections if s.heading]


DocumentType = Literal[
    "begroting", "jaarverslag", "voortgangsrapportage", "bestemmingsplan", "besluitenlijst"
]


@dataclass
class Document:
    """An input document: a budget or report with programme chapters, or another text.

    ``sections`` are the document's own sections (front matter, paragrafen, appendices; all
    sections of a text without programmes); each programme holds its own. ``order`` numbers
    sections across the whole document in reading order.
    """

    document_id: str
    source_path: str
    content_hash: str
    family: Literal["programme", "text"] = "programme"
    municipality: str | None = None
    document_type: DocumentType | None = None
    year: int | None = None
    title: str | None = None
    sections: list[Section] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    boilerplate_lines: list[str] = field(default_factory=list)

    def all_sections(self) -> list[Section]:
        """Every section, the document's own and the programmes', in reading order."""
        found = [*self.sections, *(s for p in self.programmes for s in p.sections)]
        return sorted(found, key=lambda s: s.order)

    @property
    def section_headings(self) -> list[str]:
        return [s.heading for s in self.all_sections() if s.heading]

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
    municipality: str | None = None  # official name, when the thread names one
    project: str | None = None  # project or subject, from an export's subject column

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
