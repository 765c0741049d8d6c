"""First pass of the programme parser: classify each block of the layout as a line kind.

Kinds: ``blank``, ``boiler`` (page residue, furniture), ``table`` (a row flattened with
``|``: audit only), ``grid`` (a real table from the layout), ``meta`` (portfolio holders,
director), ``unit`` (``Bedragen x € 1.000``), ``status`` (``Status: ● Groen``), ``heading``,
``item`` and ``text``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from pipeline.config import IngestSettings
from pipeline.ingest.layout import Block
from pipeline.ingest.municipalities import default_matcher, fold
from pipeline.ingest.programme.metadata import TOKEN, YEAR_TOKEN, words
from pipeline.ingest.programme.vocabulary import Role, Vocabulary, heading_role, match_fixed

Kind = Literal[
    "blank", "boiler", "table", "grid", "meta", "unit", "status", "heading", "item", "text"
]
# Invisible characters and markdown emphasis markers carry no words.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]|\\*\\*|__")
SENTENCE_END = tuple(".!?")
PARAGRAPH_END = tuple(".!?:;…\"'”’)")
OPENERS = tuple("\"'“‘„(")
_MD_HEADING = re.compile(r"(#{1,6})\s*(.*?)\s*#*")
_NUMBERED = re.compile(r"§?\s*(\d{1,2}(?:\.\d{1,2}(?!\d)){1,3})\.?\s+(\S.*)")
_LETTERED = re.compile(r"(?:\(([A-Za-z])\)|([A-Za-z])[.)]|(\d{1,2})[.)])\s+(\S.*)")
_BULLET = re.compile(r"(?:[-*–—+]\s+|[•·▪◦►✓➢→\uf0b7\uf0a7\u2023\u2043]\s*)(\S.*)")
_HAS_DIGIT = re.compile(r"\d")
_UNIT = re.compile(
    r"[(*_]*(?:bedragen\s*)?(?:(?:x|×)\s*€\s*1[.,]?000(?:[.,]000)?|(?:x|×)\s*€\s*(?:1\s*)?(?:mln|miljoen)"
    r"|in\s*(?:€|euro'?s?)|(?:x|×)\s*1[.,]000\s*euro|in\s*duizenden\s*euro'?s?)[)*_.:]*",
    re.IGNORECASE,
)
_PAGE_NUMBER_EDGE = re.compile(
    r"^(?:pagina |blz\.? )?\d{1,3}\b\s*[|\-–—]?\s*"
    r"|\s*[|\-–—]?\s*\b(?:pagina |blz\.? )?\d{1,3}$",
    re.IGNORECASE,
)


def normalize_line(line: str) -> str:
    """One line with invisible characters removed and whitespace runs collapsed."""
    return " ".join(INVISIBLE.sub("", line).split())


def header_unit(cell: str) -> str | None:
    """The unit written in a table's top-left header cell
    (``( "-"= nadeel ) bedragen x € 1.000``), else None."""
    m = _UNIT.search(cell)
    return m.group(0).strip(" ()*_.:") if m else None


def is_unit_line(text: str) -> bool:
    """``Bedragen x € 1.000``, ``(x € 1.000)``, ``Bedragen in €``: the unit of a table."""
    return _UNIT.fullmatch(text.strip()) is not None


@dataclass
class Line:
    """A classified line of the input."""

    kind: Kind
    text: str
    level: int = 0
    role: Role | Literal["pair"] | None = None
    heading_kind: str = ""
    letter: str | None = None
    body: str = ""
    residue: str | None = None
    number: str | None = None
    title: str | None = None
    source: str = ""
    source_level: int = 0
    list_level: int = 0
    rows: list[list[str]] = field(default_factory=list)
    header_rows: int = 0


def has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def strip_heading(text: str) -> str:
    return text.rstrip(" :").strip()


class Classifier:
    """Classifies blocks (see the module docstring)."""

    def __init__(self, vocab: Vocabulary, settings: IngestSettings) -> None:
        self.vocab = vocab
        self.settings = settings
        self.matcher = default_matcher(settings.municipality_min_mentions)

    def heading(self, text: str) -> Line | None:
        """A programme, numbered or fixed heading, or None."""
        vocab, max_words = self.vocab, self.settings.heading_max_words
        m = vocab.programme_re.fullmatch(text)
        if m is not None:
            # "Programma 4: Titel", or the short form "P4 Titel" (which needs its title)
            number, title = m.group(1) or m.group(2), m.group(3).strip()
            short = m.group(2) is not None
            ok_title = (not title and not short) or (
                bool(title)
                and (title[0].isupper() and title[-1] not in ".,;" and words(title) <= max_words)
            )
            if (number or title) and ok_title:
                return Line(
                    "heading",
                    strip_heading(text),
                    1,
                    heading_kind="programme",
                    number=number,
                    title=strip_heading(title) or None,
                )
        m = _NUMBERED.fullmatch(text)
        if m is not None:
            title = m.group(2)
            if title[0].isupper() and title[-1] not in ".,;" and words(title) <= max_words:
                return Line("heading", strip_heading(text), 2, heading_kind="numbered")
        term = match_fixed(text, vocab, max_words)
        if term is not None and text[-1] not in ".,;":
            return Line(
                "heading",
                strip_heading(text),
                2,
                role=heading_role(text, term, vocab),
                heading_kind="fixed",
                title=term.text,
            )
        return None

    def classify_block(self, block: Block, index: int) -> Line:
        """Classify one block of the layout."""
        if block.kind == "blank":
            return Line("blank", "")
        if block.kind == "furniture":
            return Line("boiler", normalize_line(block.text) or block.text, source=block.text)
        if block.kind == "table":
            rows = [[normalize_line(c) for c in row] for row in block.rows]
            return Line("grid", "", rows=rows, header_rows=block.header_rows)
        text = normalize_line(block.text)
        if not text:
            return Line("blank", "")
        if block.label is not None:
            letter = block.label.rstrip(".)").lstrip("(") or None
            if letter is not None and not letter.isalnum():
                letter = None
            line = Line("item", text, letter=letter, body=text, list_level=block.list_level)
            line.source = f"{block.label} {text}"
            return line
        if block.style_level:
            line = self.classify(text, index)
            if line.kind in ("text", "heading") and words(text) <= self.settings.heading_max_words:
                if line.kind == "text" or line.heading_kind == "title":
                    kind = "title" if line.heading_kind == "title" else "styled"
                    level = 1 if kind == "title" else min(block.style_level, 3)
                    line = Line("heading", strip_heading(text), level, heading_kind=kind)
                line.source_level = block.style_level
                line.source = text
            return line
        return self.classify(text, index)

    def classify(self, raw: str, index: int) -> Line:
        """Classify one raw line (invisible characters already removed)."""
        text = " ".join(raw.split())
        line = self._classify(text, index) if text else Line("blank", "")
        line.source = text
        return line

    def _classify(self, text: str, index: int) -> Line:
        vocab = self.vocab
        if vocab.boilerplate_re.fullmatch(text) and not is_unit_line(text):
            return Line("boiler", text)
        if self._is_municipality_name(text):
            return Line("boiler", text)
        if is_unit_line(text):
            return Line("unit", text)
        md = _MD_HEADING.fullmatch(text)
        if md is not None and (text.startswith("# ") or text.startswith("##")):
            content = md.group(2)
            if not content or not has_letter(content):
                return Line("boiler", text)
            line = self.heading(content) or Line(
                "heading", strip_heading(content), min(len(md.group(1)), 3), heading_kind="md"
            )
            line.source_level = len(md.group(1))
            if line.heading_kind == "md" and self._is_doc_title(content, index, anywhere=True):
                line.level, line.heading_kind = 1, "title"
            return line
        residue = None
        if "|" in text:
            cells = [c.strip() for c in text.strip("|").split("|")]
            if len(cells) >= 2:
                return Line("table", text)
            source, text, residue = text, cells[0], "|"
            if not text or vocab.boilerplate_re.fullmatch(text):
                return Line("boiler", source)
        meta = vocab.meta_re.fullmatch(text)
        if meta is not None and words(meta.group(2)) <= 3 * self.settings.heading_max_words:
            return Line("meta", text, residue=residue)
        status = vocab.status_re.fullmatch(text)
        if status is not None and words(status.group(1)) <= 4:
            return Line("status", text, body=status.group(1).strip(), residue=residue)
        labelled = vocab.labelled_re.fullmatch(text)
        if labelled is not None:
            role: Role = "goal" if fold(labelled.group(1)) in vocab.goal_labels else "action"
            return Line("item", text, letter=labelled.group(2), body=labelled.group(3),
                        role=role, heading_kind="labelled", residue=residue)  # fmt: skip
        heading = self.heading(text)
        if heading is not None:
            heading.residue = residue
            return heading
        m = _LETTERED.fullmatch(text)
        if m is not None:
            upper_dot, body = m.group(2), m.group(4)
            initial_like = (
                upper_dot is not None
                and upper_dot.isupper()
                and text[1] == "."
                and body[0].islower()
            )
            if not initial_like:
                letter = m.group(1) or m.group(2) or m.group(3)
                return Line("item", text, letter=letter, body=body, residue=residue)
        m = _BULLET.fullmatch(text)
        if m is not None:
            return Line("item", text, body=m.group(1), residue=residue)
        if self._is_doc_title(text, index):
            return Line("heading", strip_heading(text), 1, heading_kind="title", residue=residue)
        return Line("text", text, residue=residue)

    def _is_municipality_name(self, text: str) -> bool:
        """A line that is only "Gemeente <name>" (a logo, header or footer)."""
        if text[:9].lower() != "gemeente " or text.count(" ") > 6:
            return False
        return self.matcher.lookup(text[9:]) is not None

    def _is_doc_title(self, text: str, index: int, *, anywhere: bool = False) -> bool:
        if text[-1] in ".,;" or text.count(" ") >= self.settings.heading_max_words:
            return False
        if _SENTENCE_INSIDE.search(text):  # "Het PGB wordt verstrekt. Meer ..." is prose
            return False
        tokens = list(TOKEN.findall(fold(text)))
        if not any(t in self.vocab.type_words for t in tokens):
            return False
        has_year = any(YEAR_TOKEN.fullmatch(t) for t in tokens)
        return has_year or anywhere or index < 5


_SENTENCE_INSIDE = re.compile(r"[a-zà-ÿ)][.!?]\s+\S")


def is_title_like(text: str, max_words: int, vocab: Vocabulary) -> bool:
    if not text or not text[0].isupper() or len(text) > 80 or words(text) > max_words:
        return False
    if text[-1] in ".,;:…" or not has_letter(text) or _SENTENCE_INSIDE.search(text):
        return False
    last = fold(text.split()[-1]).strip("\"'”’)")
    return last not in vocab.no_title_final_words


def is_running_text(line: Line, max_words: int) -> bool:
    text = line.text
    return (
        line.kind == "text"
        and (words(text) > max_words or text.endswith(SENTENCE_END))
        and (text[0].isupper() or text[0].isdigit() or text.startswith(OPENERS))
    )


def _is_running_header(text: str, vocab: Vocabulary) -> bool:
    if words(text) > 12 or text.endswith((".", ";", ":", "!", "?")):
        return False
    if _HAS_DIGIT.search(text):
        return True
    return any(t in vocab.running_header_words for t in TOKEN.findall(fold(text)))


def _header_key(text: str) -> str:
    """A line without a page number at its start or end, to find repeated headers."""
    return _PAGE_NUMBER_EDGE.sub("", text).strip(" |-–—") or text


def mark_running_headers(
    lines: list[Line], vocab: Vocabulary, settings: IngestSettings
) -> set[int]:
    """Turn lines repeated on many pages into boilerplate; returns their indices.

    Lines count as the same when they differ only in a page number at the start or end
    ("Begroting 2024 | 12", "Begroting 2024 | 13").
    """
    candidates = ("text", "table", "heading")
    keys: dict[int, str] = {
        i: _header_key(line.text)
        for i, line in enumerate(lines)
        if line.kind in candidates
        and line.heading_kind in ("", "title")
        and line.text.count(" ") < 12
    }
    counts = Counter(keys.values())
    repeated = {
        key
        for key, n in counts.items()
        if n >= settings.running_header_min_repeats and _is_running_header(key, vocab)
    }
    marked: set[int] = set()
    for i, key in keys.items():
        if key in repeated:
            lines[i] = Line("boiler", lines[i].source or lines[i].text)
            marked.add(i)
    return marked


def next_content_index(lines: list[Line]) -> list[int | None]:
    out: list[int | None] = [None] * len(lines)
    nxt: int | None = None
    for i in range(len(lines) - 1, -1, -1):
        out[i] = nxt
        if lines[i].kind not in ("blank", "boiler"):
            nxt = i
    return out
