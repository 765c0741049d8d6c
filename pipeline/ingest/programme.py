"""Parse programme texts (chapters of begrotingen, jaarverslagen, voortgangsrapportages).

A pure function of the text: no NLP, no I/O besides the bundled vocabulary
(``pipeline/data/programme_terms.toml``) and municipality list. It runs line by line in two
passes, so its time is linear in the length of the text.

Decisions, in short (details in ``tests/fixtures/golden/programme/README.md``):

- Headings. Level 1: programme headings (``Programma 4: Bestuur en veiligheid``) and document
  title lines (``Begroting 2020``). Level 2: numbered headings (``4.1 Dienstverlening``),
  fixed headings (``Wat willen we bereiken``, ``Voortgang 2025`` ...), and a first numbered
  line ``1. Inleiding`` that is title-like and followed by running text. Level 3: short
  title-like lines followed by running text (or, after a blank line, by a list). Markdown
  headings count; their level comes from the content, else from the number of ``#``.
  Text before the first heading goes into a section with heading None and level 0.
- Items. Lettered: ``A.``, ``A)``, ``a.``, ``(a)``, ``1.``, ``1)``; a letter must start a
  list (A, a, 1) or repeat or follow the previous letter in the section, so initials such as
  ``R. Visscher`` are not items. Bullets: ``-``, ``*``, ``•``, ``–`` and similar. Lines
  after a lettered item (no blank line between) belong to it, sub-bullets included; lines
  after a bullet belong to it unless the bullet ended a sentence and the line starts a new
  one with a capital.
- Goals and actions. Items under a goal heading are goals, under an action heading actions;
  lettered ones are paired by letter with the most recent goal list. When an empty goal
  heading is directly followed by the action heading (or one heading names both), items
  alternate: the first item with a letter is the goal, the second the action.
- Paragraphs. Lines up to a blank line or heading form a block; a block whose lines mostly
  end without sentence punctuation is hard-wrapped text and becomes one paragraph, otherwise
  every line is a paragraph (the layout of exports where one line is one paragraph).
- Boilerplate (page footers, page numbers, table residue, export stamps, patterns in the
  vocabulary, "Gemeente <name>" lines, and short lines repeated on at least
  ``running_header_min_repeats`` pages, page numbers aside) and table rows (cells joined
  by ``|``) are kept out of the text and listed in ``Document.boilerplate_lines`` and in
  the audit list of the paragraph they interrupted (or the nearest paragraph of the same
  section).
- Metadata lines (``Portefeuillehouder(s):``, ``Wethouder:``, ``Verantwoordelijk
  directeur:`` ...; the names may stand on the next line) fill the document's fields and
  are not paragraphs.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pipeline.config import IngestSettings
from pipeline.ingest.municipalities import default_matcher, fold
from pipeline.records import Document, Item, Paragraph, Section, make_id

TERMS_TOML = Path(__file__).resolve().parents[1] / "data" / "programme_terms.toml"

Kind = Literal["blank", "boiler", "table", "meta", "heading", "item", "text"]
Role = Literal["goal", "action"]
DocType = Literal["begroting", "jaarverslag", "voortgangsrapportage"]

TITLE_WEIGHT = 5
# Invisible characters and markdown emphasis markers carry no words.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]|\\*\\*|__")
_SENTENCE_END = tuple(".!?")
_PARAGRAPH_END = tuple(".!?:;…\"'”’)")
_OPENERS = tuple("\"'“‘„(")
_MD_HEADING = re.compile(r"(#{1,6})\s*(.*?)\s*#*")
_NUMBERED = re.compile(r"§?\s*(\d{1,2}(?:\.\d{1,2}(?!\d)){1,3})\.?\s+(\S.*)")
_LETTERED = re.compile(r"(?:\(([A-Za-z])\)|([A-Za-z])[.)]|(\d{1,2})[.)])\s+(\S.*)")
_BULLET = re.compile(r"(?:[-*–—+]\s+|[•·▪◦►✓➢→\uf0b7\uf0a7\u2023\u2043]\s*)(\S.*)")
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[-–/.]\d+)*")
_YEAR_TOKEN = re.compile(r"((?:19|20)\d{2})(?:[-–/](?:19|20)?\d{2})?")
_IN_YEAR = re.compile(r"\b[Ii]n\s+((?:19|20)\d{2})\b(?![-–/]\d)")
_HAS_DIGIT = re.compile(r"\d")
_PAGE_NUMBER_EDGE = re.compile(
    r"^(?:pagina |blz\.? )?\d{1,3}\b\s*[|\-–—]?\s*"
    r"|\s*[|\-–—]?\s*\b(?:pagina |blz\.? )?\d{1,3}$",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:[,;&/]|\s+en\s+)\s*")
_TRAILING_PARENS = re.compile(r"\s*\([^()]*\)$")


@dataclass(frozen=True)
class HeadingTerm:
    """A fixed heading and what it says about roles and the document type."""

    text: str
    role: Role | None
    doc_type: DocType | None
    weight: int


@dataclass(frozen=True)
class Vocabulary:
    """The contents of ``programme_terms.toml``, compiled."""

    programme_re: re.Pattern[str]
    headings_by_first_word: dict[str, tuple[HeadingTerm, ...]]
    type_words: dict[str, DocType]
    meta_re: re.Pattern[str]
    director_labels: frozenset[str]
    no_title_final_words: frozenset[str]
    boilerplate_re: re.Pattern[str]
    running_header_words: frozenset[str]
    name_prefixes: frozenset[str]


@lru_cache(maxsize=4)
def load_vocabulary(path: Path = TERMS_TOML) -> Vocabulary:
    """Read and compile the programme vocabulary (once per process)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    keywords = "|".join(re.escape(k) for k in data["programme_keywords"])
    programme_re = re.compile(
        rf"(?:{keywords})(?:\s+(\d{{1,2}}[a-z]?|[IVX]{{1,4}}|[A-Z])\b)?\s*[:.\-–—]?\s*(.*)",
        re.IGNORECASE,
    )
    by_first: dict[str, list[HeadingTerm]] = {}
    for h in data["headings"]:
        term = HeadingTerm(fold(h["text"]), h["role"] or None, h["type"] or None, h["weight"])
        by_first.setdefault(term.text.split()[0], []).append(term)
    type_words = {
        fold(word): doc_type for doc_type, words in data["document_types"].items() for word in words
    }
    labels = sorted((*data["portfolio_labels"], *data["director_labels"]), key=len, reverse=True)
    meta_re = re.compile(
        rf"({'|'.join(re.escape(label) for label in labels)})\s*:\s*(.*)", re.IGNORECASE
    )
    boiler = "|".join(f"(?:{p})" for p in data["boilerplate_patterns"])
    return Vocabulary(
        programme_re=programme_re,
        headings_by_first_word={
            k: tuple(sorted(v, key=lambda t: -len(t.text))) for k, v in by_first.items()
        },
        type_words=type_words,
        meta_re=meta_re,
        director_labels=frozenset(fold(x) for x in data["director_labels"]),
        no_title_final_words=frozenset(fold(x) for x in data["no_title_final_words"]),
        boilerplate_re=re.compile(boiler, re.IGNORECASE),
        running_header_words=frozenset(fold(x) for x in data["running_header_words"]),
        name_prefixes=frozenset(fold(x).rstrip(".") for x in data["name_prefixes"]),
    )


def normalize_line(line: str) -> str:
    """One line with invisible characters removed and whitespace runs collapsed."""
    return " ".join(_INVISIBLE.sub("", line).split())


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


def parse_metadata_line(line: str, vocab: Vocabulary | None = None) -> tuple[str, str] | None:
    """``("portfolio" | "director", value)`` for a metadata line such as
    ``Portefeuillehouder(s): Hamming, van der Laan``; None for other lines."""
    vocab = vocab or load_vocabulary()
    m = vocab.meta_re.fullmatch(line)
    if m is None:
        return None
    kind = "director" if fold(m.group(1)) in vocab.director_labels else "portfolio"
    return kind, m.group(2).strip()


def split_names(value: str, vocab: Vocabulary | None = None) -> list[str]:
    """Names in a portfolio-holder value: ``"Hamming, van der Laan en Onclin"`` -> 3 names.

    Office titles in front of a name ("burgemeester", "wethouder", "drs.") are dropped.
    """
    vocab = vocab or load_vocabulary()
    names = []
    for part in _NAME_SPLIT.split(value):
        name = _TRAILING_PARENS.sub("", part).strip(" .;:")
        words = name.split()
        while len(words) > 1 and fold(words[0]).rstrip(".") in vocab.name_prefixes:
            words.pop(0)
        name = " ".join(words)
        if name and _has_letter(name):
            names.append(name)
    return names


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _words(text: str) -> int:
    return len(text.split())


def _strip_heading(text: str) -> str:
    return text.rstrip(" :").strip()


def _match_fixed(text: str, vocab: Vocabulary, max_words: int) -> HeadingTerm | None:
    if text.count(" ") >= max_words:
        return None
    f = fold(text).rstrip(" :?.!").strip()
    words = f.split()
    if not words or len(words) > max_words:
        return None
    for term in vocab.headings_by_first_word.get(words[0].rstrip(":?"), ()):
        if f == term.text or (
            f.startswith(term.text)
            and not f[len(term.text)].isalnum()
            and len(words) - len(term.text.split()) <= 6
        ):
            return term
    return None


def _heading_role(text: str, term: HeadingTerm, vocab: Vocabulary) -> Role | Literal["pair"] | None:
    if term.role is None:
        return None
    f = fold(text)
    other = "action" if term.role == "goal" else "goal"
    for terms in vocab.headings_by_first_word.values():
        for t in terms:
            if t.role == other and t.text in f:
                return "pair"
    return term.role


class _Classifier:
    def __init__(self, vocab: Vocabulary, settings: IngestSettings) -> None:
        self.vocab = vocab
        self.settings = settings
        self.matcher = default_matcher(settings.municipality_min_mentions)

    def heading(self, text: str) -> Line | None:
        """A programme, numbered or fixed heading, or None."""
        vocab, max_words = self.vocab, self.settings.heading_max_words
        m = vocab.programme_re.fullmatch(text)
        if m is not None:
            number, title = m.group(1), m.group(2).strip()
            ok_title = not title or (
                title[0].isupper() and title[-1] not in ".,;" and _words(title) <= max_words
            )
            if (number or title) and ok_title:
                return Line(
                    "heading",
                    _strip_heading(text),
                    1,
                    heading_kind="programme",
                    number=number,
                    title=_strip_heading(title) or None,
                )
        m = _NUMBERED.fullmatch(text)
        if m is not None:
            title = m.group(2)
            if title[0].isupper() and title[-1] not in ".,;" and _words(title) <= max_words:
                return Line("heading", _strip_heading(text), 2, heading_kind="numbered")
        term = _match_fixed(text, vocab, max_words)
        if term is not None and text[-1] not in ".,;":
            return Line(
                "heading",
                _strip_heading(text),
                2,
                role=_heading_role(text, term, vocab),
                heading_kind="fixed",
                title=term.text,
            )
        return None

    def classify(self, raw: str, index: int) -> Line:
        """Classify one raw line (invisible characters already removed)."""
        text = " ".join(raw.split())
        line = self._classify(text, index) if text else Line("blank", "")
        line.source = text
        return line

    def _classify(self, text: str, index: int) -> Line:
        vocab = self.vocab
        if vocab.boilerplate_re.fullmatch(text) or self._is_municipality_name(text):
            return Line("boiler", text)
        md = _MD_HEADING.fullmatch(text)
        if md is not None and (text.startswith("# ") or text.startswith("##")):
            content = md.group(2)
            if not content or not _has_letter(content):
                return Line("boiler", text)
            line = self.heading(content) or Line(
                "heading", _strip_heading(content), min(len(md.group(1)), 3), heading_kind="md"
            )
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
        if meta is not None and _words(meta.group(2)) <= 3 * self.settings.heading_max_words:
            return Line("meta", text, residue=residue)
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
            return Line("heading", _strip_heading(text), 1, heading_kind="title", residue=residue)
        return Line("text", text, residue=residue)

    def _is_municipality_name(self, text: str) -> bool:
        """A line that is only "Gemeente <name>" (a logo, header or footer)."""
        if text[:9].lower() != "gemeente " or text.count(" ") > 6:
            return False
        return self.matcher.lookup(text[9:]) is not None

    def _is_doc_title(self, text: str, index: int, *, anywhere: bool = False) -> bool:
        if text[-1] in ".,;" or text.count(" ") >= self.settings.heading_max_words:
            return False
        tokens = [t for t in _TOKEN.findall(fold(text))]
        if not any(t in self.vocab.type_words for t in tokens):
            return False
        has_year = any(_YEAR_TOKEN.fullmatch(t) for t in tokens)
        return has_year or anywhere or index < 5


def _is_title_like(text: str, max_words: int, vocab: Vocabulary) -> bool:
    if not text or not text[0].isupper() or len(text) > 80 or _words(text) > max_words:
        return False
    if text[-1] in ".,;:…" or not _has_letter(text):
        return False
    last = fold(text.split()[-1]).strip("\"'”’)")
    return last not in vocab.no_title_final_words


def _is_running_text(line: Line, max_words: int) -> bool:
    text = line.text
    return (
        line.kind == "text"
        and (_words(text) > max_words or text.endswith(_SENTENCE_END))
        and (text[0].isupper() or text[0].isdigit() or text.startswith(_OPENERS))
    )


def _is_running_header(text: str, vocab: Vocabulary) -> bool:
    if _words(text) > 12 or text.endswith((".", ";", ":", "!", "?")):
        return False
    if _HAS_DIGIT.search(text):
        return True
    return any(t in vocab.running_header_words for t in _TOKEN.findall(fold(text)))


def _next_letter(letter: str) -> str:
    if letter.isdigit():
        return str(int(letter) + 1)
    return chr(ord(letter) + 1)


@dataclass
class _Block:
    lines: list[str] = field(default_factory=list)
    audit: list[list[str]] = field(default_factory=list)


class _Builder:
    """Second pass: turns classified lines into sections, paragraphs and items."""

    def __init__(self, content_hash: str) -> None:
        self.hash = content_hash
        self.sections: list[Section] = []
        self.roles: list[Role | Literal["pair"] | None] = []
        self.current: Section | None = None
        self.block = _Block()
        self.item: Item | None = None
        self.item_lines: list[str] = []
        self.pending: list[str] = []
        self.last_letter: str | None = None
        self.boilerplate: list[str] = []

    # sections -------------------------------------------------------------------------
    def open_section(
        self, heading: str | None, level: int, role: Role | Literal["pair"] | None
    ) -> None:
        self.flush()
        order = len(self.sections)
        section = Section(make_id(self.hash, "section", order), order, heading, level)
        self.sections.append(section)
        self.roles.append(role)
        self.current = section
        self.pending = []
        self.last_letter = None

    def ensure_section(self) -> Section:
        if self.current is None:
            self.open_section(None, 0, None)
        assert self.current is not None
        return self.current

    # boilerplate ------------------------------------------------------------------------
    def add_boiler(self, text: str) -> None:
        self.boilerplate.append(text)
        if self.block.lines:
            self.block.audit[-1].append(text)
        elif self.current is not None and self.current.paragraphs:
            self.current.paragraphs[-1].boilerplate.append(text)
        else:
            self.pending.append(text)

    # paragraphs -------------------------------------------------------------------------
    def add_text(self, text: str, residue: str | None) -> None:
        self.close_item()
        self.ensure_section()
        self.block.lines.append(text)
        self.block.audit.append([])
        if residue:
            self.boilerplate.append(residue)
            self.block.audit[-1].append(residue)

    def flush_block(self) -> None:
        block, self.block = self.block, _Block()
        if not block.lines:
            return
        section = self.ensure_section()
        lines = block.lines
        unfinished = sum(1 for line in lines[:-1] if not line.endswith(_PARAGRAPH_END))
        if len(lines) > 1 and 2 * unfinished >= len(lines) - 1:
            groups = [(" ".join(lines), [a for audit in block.audit for a in audit])]
        else:
            groups = list(zip(lines, block.audit, strict=True))
        for text, audit in groups:
            order = len(section.paragraphs)
            para = Paragraph(make_id(self.hash, "paragraph", section.order, order), order, text)
            para.boilerplate.extend(self.pending)
            para.boilerplate.extend(audit)
            self.pending = []
            section.paragraphs.append(para)

    # items ------------------------------------------------------------------------------
    def letter_ok(self, letter: str | None) -> bool:
        if letter is None:
            return True
        last = self.last_letter
        if letter in ("A", "a", "1"):
            return True
        return last is not None and letter in (last, _next_letter(last))

    def add_item(self, line: Line) -> None:
        self.flush()
        section = self.ensure_section()
        order = len(section.items)
        kind: Literal["lettered", "bullet"] = "lettered" if line.letter else "bullet"
        self.item = Item("", order, kind, line.letter, line.body)
        self.item_lines = [line.body]
        if line.letter:
            self.last_letter = line.letter
        section.items.append(self.item)
        if line.residue:
            self.add_boiler(line.residue)

    def continue_item(self, line: Line) -> bool:
        """Add ``line`` to the open item when it belongs there; False otherwise."""
        item = self.item
        if item is None:
            return False
        previous = self.item_lines[-1]
        if item.kind == "lettered":
            sep = "\n"
            if line.kind == "text" and not (
                previous.endswith((":", ".", ";", "!", "?")) or line.text[0].isupper()
            ):
                sep = " "
        elif (line.kind == "item" and line.letter is None) or (
            previous.endswith(_SENTENCE_END) and line.text[0].isupper()
        ):
            return False
        else:
            sep = " "
        self.item_lines.append(line.text)
        item.text = f"{item.text}{sep}{line.text}"
        if line.residue:
            self.add_boiler(line.residue)
        return True

    def close_item(self) -> None:
        self.item = None
        self.item_lines = []

    def flush(self) -> None:
        self.flush_block()
        self.close_item()


def parse_programme(
    text: str,
    source_path: str,
    content_hash: str,
    settings: IngestSettings | None = None,
) -> Document:
    """Parse a programme text into a Document with metadata, sections, paragraphs and items.

    Args:
        text: the decoded text (from ``pipeline.ingest.readers``).
        source_path: the input path, stored as given.
        content_hash: SHA-256 of the input bytes; every id derives from it.
        settings: thresholds (``IngestSettings``); defaults when None.

    Returns:
        The document. ``family`` is ``"text"`` when nothing marks it as a programme text.
    """
    settings = settings or IngestSettings.model_validate({})
    return _Parser(text, source_path, content_hash, settings).parse()


class _Parser:
    def __init__(
        self, text: str, source_path: str, content_hash: str, settings: IngestSettings
    ) -> None:
        self.text = text
        self.settings = settings
        self.vocab = load_vocabulary()
        classifier = _Classifier(self.vocab, settings)
        lines = _INVISIBLE.sub("", text).splitlines()
        self.lines = [classifier.classify(raw, i) for i, raw in enumerate(lines)]
        self.running = _mark_running_headers(self.lines, self.vocab, settings)
        self.next_content = _next_content_index(self.lines)
        self.doc = Document(make_id(content_hash, "document"), source_path, content_hash)
        self.builder = _Builder(content_hash)
        self.evidence: list[str] = []
        self.consumed: set[int] = set()
        self.prev_kind: Kind = "blank"

    def parse(self) -> Document:
        lines, builder, doc = self.lines, self.builder, self.doc
        for i, line in enumerate(lines):
            if i in self.consumed:
                continue
            kind = line.kind
            if kind == "blank":
                builder.flush()
            elif kind == "boiler":
                builder.add_boiler(line.text)
                kind = self.prev_kind  # transparent: does not end a paragraph or item
            elif kind == "table":
                builder.flush()
                builder.add_boiler(line.text)
            elif kind == "meta":
                self.metadata(i, line)
            elif kind == "heading":
                self.heading(line)
            elif kind == "item":
                self.item(i, line)
            else:
                self.text_line(i, line)
            self.prev_kind = kind
        builder.flush()

        doc.sections = builder.sections
        doc.boilerplate_lines = builder.boilerplate
        _assign_roles(builder.sections, builder.roles, doc.content_hash)
        self.evidence.extend(lines[i].text for i in sorted(self.running))
        first = next((x.text for x in lines if x.kind not in ("blank", "boiler")), None)
        if first is not None:
            self.evidence.append(first)
        headings = [s.heading for s in doc.sections if s.heading]
        doc.document_type, doc.year = _document_type_and_year(
            self.evidence, headings, doc, self.vocab, self.settings
        )
        matcher = default_matcher(self.settings.municipality_min_mentions)
        doc.municipality = matcher.match(self.text)
        programme = any(
            x.kind == "heading" and x.heading_kind in ("programme", "fixed") for x in lines
        )
        has_meta = bool(doc.portfolio_holders or doc.director)
        doc.family = "programme" if programme or has_meta or doc.document_type else "text"
        return doc

    def metadata(self, i: int, line: Line) -> None:
        builder, doc = self.builder, self.doc
        builder.flush()
        label_kind, value = parse_metadata_line(line.text, self.vocab) or ("portfolio", "")
        j = self.next_content[i]
        if (
            not value
            and j is not None
            and self.lines[j].kind in ("text", "item")
            and _words(self.lines[j].text) <= self.settings.heading_max_words
            and split_names(self.lines[j].text, self.vocab)
        ):
            value = self.lines[j].text
            self.consumed.add(j)
        if label_kind == "director":
            known = doc.director.split(", ") if doc.director else []
            known += [n for n in split_names(value, self.vocab) if n not in known]
            doc.director = ", ".join(known) or None
        else:
            doc.portfolio_holders.extend(
                n for n in split_names(value, self.vocab) if n not in doc.portfolio_holders
            )
        if line.residue:
            builder.add_boiler(line.residue)

    def heading(self, line: Line) -> None:
        doc = self.doc
        self.builder.open_section(line.text, line.level, line.role)
        self.evidence.append(line.text)
        first = doc.programme_number is None and doc.programme_title is None
        if line.heading_kind == "programme" and first:
            doc.programme_number = line.number
            doc.programme_title = line.title
        if line.residue:
            self.builder.add_boiler(line.residue)

    def item(self, i: int, line: Line) -> None:
        builder = self.builder
        title_max = self.settings.title_max_words
        numeric = line.letter is not None and line.letter.isdigit()
        if builder.item is not None and builder.item.kind == "lettered" and line.letter is None:
            builder.continue_item(line)
        elif not builder.letter_ok(line.letter):
            self.text_line(i, line)
        elif (
            numeric
            and builder.last_letter is None
            and _is_title_like(line.body, title_max, self.vocab)
            and (j := self.next_content[i]) is not None
            and _is_running_text(self.lines[j], title_max)
        ):
            self.heading(Line("heading", _strip_heading(line.text), 2, residue=line.residue))
        else:
            builder.add_item(line)

    def text_line(self, i: int, line: Line) -> None:
        builder = self.builder
        if builder.item is not None and builder.continue_item(line):
            return
        title_max = self.settings.title_max_words
        text = line.text
        block = builder.block.lines
        starts_unit = not block or block[-1].endswith(_SENTENCE_END)
        if starts_unit and _is_title_like(text, title_max, self.vocab):
            j = self.next_content[i]
            if j is not None and (
                _is_running_text(self.lines[j], title_max)
                or (
                    self.lines[j].kind == "item"
                    and self.prev_kind in ("blank", "heading")
                    and not block
                )
            ):
                self.heading(Line("heading", text, 3, residue=line.residue))
                return
        builder.add_text(text, line.residue)


def _header_key(text: str) -> str:
    """A line without a page number at its start or end, to find repeated headers."""
    return _PAGE_NUMBER_EDGE.sub("", text).strip(" |-–—") or text


def _mark_running_headers(
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


def _next_content_index(lines: list[Line]) -> list[int | None]:
    out: list[int | None] = [None] * len(lines)
    nxt: int | None = None
    for i in range(len(lines) - 1, -1, -1):
        out[i] = nxt
        if lines[i].kind not in ("blank", "boiler"):
            nxt = i
    return out


def _assign_roles(
    sections: list[Section], roles: list[Role | Literal["pair"] | None], content_hash: str
) -> None:
    """Give items ids, goal/action roles and pairs (see the module docstring)."""
    goals: dict[str, Item] = {}
    inherited: Role | Literal["pair"] | None = None
    for idx, section in enumerate(sections):
        for item in section.items:
            item.item_id = make_id(content_hash, "item", section.order, item.order)
        role = roles[idx]
        if section.level <= 2 or role is not None:
            inherited = role
            if role is None:
                goals = {}
        else:
            role = inherited
        previous = sections[idx - 1] if idx else None
        previous_role = roles[idx - 1] if idx else None
        interleaved = role == "pair" or (
            role in ("goal", "action")
            and previous is not None
            and previous_role in ("goal", "action")
            and previous_role != role
            and not previous.items
            and not previous.paragraphs
        )
        if interleaved:
            first: dict[str, Item] = {}
            for item in section.items:
                if item.letter is None:
                    continue
                key = item.letter.upper()
                goal = first.get(key)
                if goal is None:
                    item.role = "goal"
                    first[key] = item
                elif goal.paired_item_id is None:
                    item.role = "action"
                    _pair(goal, item)
            goals = {}
            continue
        if role not in ("goal", "action"):
            continue
        for item in section.items:
            item.role = role
        lettered = [item for item in section.items if item.letter is not None]
        if role == "goal":
            goals = {item.letter.upper(): item for item in lettered if item.letter}
        else:
            for item in lettered:
                goal = goals.get((item.letter or "").upper())
                if goal is not None and goal.paired_item_id is None:
                    _pair(goal, item)


def _pair(goal: Item, action: Item) -> None:
    goal.paired_item_id = action.item_id
    action.paired_item_id = goal.item_id


def _document_type_and_year(
    evidence: Iterable[str],
    headings: list[str],
    doc: Document,
    vocab: Vocabulary,
    settings: IngestSettings,
) -> tuple[DocType | None, int | None]:
    """Decide the document type and year; explicit title words beat heading signals."""
    title_score: Counter[DocType] = Counter()
    title_first: dict[DocType, int] = {}
    years: dict[DocType, Counter[int]] = {}
    for pos, line in enumerate(evidence):
        if not line or line[-1] in ".;" or _words(line) > settings.heading_max_words:
            continue
        tokens = _TOKEN.findall(fold(line))
        seen_here: set[DocType] = set()
        for k, token in enumerate(tokens):
            word_type = vocab.type_words.get(token)
            if word_type is None:
                continue
            if word_type not in seen_here:
                title_score[word_type] += TITLE_WEIGHT
                title_first.setdefault(word_type, pos)
                seen_here.add(word_type)
            for nxt in tokens[k + 1 : k + 5]:
                y = _YEAR_TOKEN.fullmatch(nxt)
                if y is not None:
                    years.setdefault(word_type, Counter())[int(y.group(1))] += 1
                    break
    doc_type = _best(title_score, title_first)
    if doc_type is None:
        heading_score: Counter[DocType] = Counter()
        heading_first: dict[DocType, int] = {}
        for pos, heading in enumerate(headings):
            term = _match_fixed(heading, vocab, settings.heading_max_words)
            if term is not None and term.doc_type and term.weight:
                heading_score[term.doc_type] += term.weight
                heading_first.setdefault(term.doc_type, pos)
        doc_type = _best(heading_score, heading_first)
    if doc_type is None:
        return None, None
    year = _most_common_unique(years.get(doc_type, Counter()), 1)
    if year is None and doc_type == "jaarverslag":
        found: Counter[int] = Counter()
        for section in doc.sections:
            texts = [p.text for p in section.paragraphs] + [i.text for i in section.items]
            for text in texts:
                found.update(int(y) for y in _IN_YEAR.findall(text))
        year = _most_common_unique(found, settings.year_min_mentions)
    return doc_type, year


def _best(scores: Counter[DocType], first: dict[DocType, int]) -> DocType | None:
    """The highest score; a tie goes to the type seen first."""
    if not scores:
        return None
    return min(scores, key=lambda t: (-scores[t], first[t]))


def _most_common_unique(counts: Counter[int], minimum: int) -> int | None:
    """The most frequent value when it is unique and counted at least ``minimum`` times."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < minimum:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]
