"""The programme parser: layout blocks -> a Document with its programmes (see the package
docstring for the rules)."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.config import IngestSettings
from pipeline.ingest.layout import Block
from pipeline.ingest.municipalities import default_matcher, fold
from pipeline.ingest.programme.builder import Builder
from pipeline.ingest.programme.lines import (
    INVISIBLE,
    SENTENCE_END,
    Classifier,
    Kind,
    Line,
    is_running_text,
    is_title_like,
    mark_running_headers,
    next_content_index,
    strip_heading,
)
from pipeline.ingest.programme.metadata import (
    document_type_and_year,
    parse_metadata_line,
    split_names,
    words,
)
from pipeline.ingest.programme.pairing import assign_roles, pair
from pipeline.ingest.programme.tables import classify_table, header_like
from pipeline.ingest.programme.vocabulary import (
    BUDGET_TYPES,
    Vocabulary,
    load_vocabulary,
    match_fixed,
)
from pipeline.records import Document, Programme, Section, make_id

_WEAK_KEYWORDS = ("hoofdstuk", "thema")


def _weak_programme(text: str) -> bool:
    """A programme heading by a word every long text uses ("Hoofdstuk 2 ...")."""
    return text.lower().lstrip("# ").startswith(_WEAK_KEYWORDS)


_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")
_DECIMAL = re.compile(r"(\d{1,2}(?:\.\d{1,2}(?!\d)){1,3})\.?\s+(\S.*)")


def signatures(lines: list[Line]) -> None:
    """The first line under a letter's closing ("Met vriendelijke groet,", then "A. Yilmaz")
    is a signed name, not list item "A." with the job title as its text; as text, the
    privacy scrub finds it as a signed name."""
    from pipeline.privacy.names import is_closing

    for k, line in enumerate(lines):
        if line.kind != "text" or len(line.text) > 40 or not is_closing(line.text):
            continue
        nxt = next((j for j in range(k + 1, len(lines)) if lines[j].kind != "blank"), None)
        if nxt is None:
            continue
        item = lines[nxt]
        source = item.source or item.text
        if item.kind == "item" and item.letter and source.startswith(f"{item.letter}. "):
            lines[nxt] = Line("text", source, source=source)


def decimal_lists(lines: list[Line]) -> None:
    """Turn runs of two or more lines numbered "2.1 ...", "2.2 ..." with nothing but blank
    lines between them into list items lettered "2.1" (results under their goal 2); the
    same numbers standing alone over running text stay headings."""
    run: list[int] = []

    def close() -> None:
        if len(run) >= 2:
            for k in run:
                line = lines[k]
                m = _DECIMAL.fullmatch(line.text)
                if m is not None:
                    lines[k] = Line("item", line.text, letter=m.group(1), body=m.group(2),
                                    source=line.source)  # fmt: skip
        run.clear()

    for k, line in enumerate(lines):
        if line.kind in ("blank", "boiler"):
            continue
        decimal = (
            line.kind in ("heading", "text")
            and line.heading_kind in ("numbered", "")
            and _DECIMAL.fullmatch(line.text) is not None
        )
        if decimal:
            run.append(k)
        else:
            close()
    close()


def run_in_headings(blocks: list[Block], vocab: Vocabulary) -> list[Block]:
    """A fixed question heading run into the paragraph under it ("Wat willen we bereiken?
    Bescherming van ...": a heading set apart only by its colour, which the text layer does
    not keep) becomes a heading line, a paragraph break and the paragraph."""
    out: list[Block] = []
    for block in blocks:
        head, mark, rest = block.text.partition("?")
        rest = rest.strip()
        if block.kind == "line" and block.label is None and mark and rest[:1].isupper():
            folded = fold(head).strip()
            first = folded.split()[:1]
            terms = vocab.headings_by_first_word.get(first[0], ()) if first else ()
            if any(folded == term.text for term in terms):
                out += [
                    replace(block, text=f"{head.strip()}?"),
                    Block("blank", ""),
                    replace(block, text=rest),
                ]
                continue
        out.append(block)
    return out


_CHAPTER = re.compile(r"(\d{1,2})\.?\s+([A-ZÀ-Þ].*)")


def chapter_programmes(lines: list[Line], blocks: list[Block]) -> None:
    """Numbered chapters as programmes in a document without programme headings (the
    budget of a joint arrangement: "5. Publieke gezondheid", "6. Ambulancehulpverlening").

    Chapters are the lines numbered "5." or "5" set in the most prominent style that such
    lines have (a heading level from the source, e.g. a PDF's font size). A chapter that
    holds a goal heading ("Wat willen we bereiken?") becomes a programme heading; the other
    chapters become chapter headings that end the programme before them (introduction,
    finances, paragraphs)."""
    if any(x.kind == "heading" and x.heading_kind == "programme" for x in lines):
        return
    found: list[tuple[int, re.Match[str]]] = []
    for i, (line, block) in enumerate(zip(lines, blocks, strict=True)):
        m = _CHAPTER.fullmatch(line.text) if block.style_level and line.kind != "boiler" else None
        if m is not None and words(m.group(2)) <= 12 and m.group(2)[-1] not in ".,;:":
            found.append((i, m))
    if not found:
        return
    top = min(blocks[i].style_level for i, _ in found)
    chapters = [(i, m) for i, m in found if blocks[i].style_level == top]
    ends = [i for i, _ in chapters[1:]] + [len(lines)]
    goals = [
        any(x.kind == "heading" and x.role == "goal" for x in lines[i + 1 : end])
        for (i, _), end in zip(chapters, ends, strict=True)
    ]
    if not any(goals):
        return
    for (i, m), goal in zip(chapters, goals, strict=True):
        title = strip_heading(m.group(2))
        lines[i] = Line(
            "heading",
            strip_heading(lines[i].text),
            1,
            heading_kind="programme" if goal else "chapter",
            number=m.group(1) if goal else None,
            title=title if goal else None,
            source=lines[i].source,
            source_level=top,
        )


class Parser:
    def __init__(
        self,
        blocks: list[Block],
        text: str,
        source_path: str,
        content_hash: str,
        settings: IngestSettings,
    ) -> None:
        self.text = text
        self.settings = settings
        self.vocab = load_vocabulary()
        classifier = Classifier(self.vocab, settings)
        blocks = run_in_headings(blocks, self.vocab)
        self.lines = [
            classifier.classify_block(
                Block(b.kind, INVISIBLE.sub("", b.text), b.style_level, b.label, b.list_level,
                      b.rows, b.header_rows, b.reason),
                i,
            )
            for i, b in enumerate(blocks)
        ]  # fmt: skip
        # running headers and footers of the layout ("GGD Flevoland Begroting 2026")
        self.running_furniture = [
            b.text for b in blocks if b.kind == "furniture" and b.reason == "running header"
        ]
        chapter_programmes(self.lines, blocks)
        decimal_lists(self.lines)
        signatures(self.lines)
        self.running = mark_running_headers(self.lines, self.vocab, settings)
        self.next_content = next_content_index(self.lines)
        self.doc = Document(make_id(content_hash, "document"), source_path, content_hash)
        self.builder = Builder(content_hash)
        self.evidence: list[str] = []
        self.consumed: set[int] = set()
        self.prev_kind: Kind = "blank"
        self.unit: str | None = None
        self.pending_meta: list[tuple[str, str]] = []
        self.programme_level = 99
        # what made the text a budget or report beyond a type or metadata: programme
        # headings, budget headings or labelled goals (read by ``bundle`` to tell a budget
        # part of a bundle from a proposal that only names one)
        self.programme_evidence = False

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
            elif kind == "grid":
                self.grid(line)
            elif kind == "unit":
                builder.flush()
                self.unit = line.text
                builder.add_boiler(line.text)
            elif kind == "status":
                if not builder.set_status(line.body):
                    self.text_line(i, line)
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
        self.finish()
        return doc

    # the document ---------------------------------------------------------------------
    def _joint_arrangement(self, issuer: list[str]) -> bool:
        """True when a title or running line names a joint arrangement ("GGD Flevoland",
        "Veiligheidsregio ...", vocabulary ``joint_arrangement_words``) and not a
        municipality ("Gemeente ...")."""
        pattern = self.vocab.joint_arrangement_re
        if pattern is None:
            return False
        for text in issuer:
            folded = fold(text)
            if pattern.search(folded) and not re.search(r"\bgemeente\b", folded):
                return True
        return False

    def finish(self) -> None:
        doc, builder, lines = self.doc, self.builder, self.lines
        sections = builder.sections
        for section in sections:
            for k, item in enumerate(section.items):
                item.item_id = make_id(doc.content_hash, "item", section.order, k)
                m = self.vocab.status_suffix_re.fullmatch(item.text)
                if m is not None and m.group(1):
                    item.text, item.status = m.group(1), item.status or m.group(2).lower()
            for table in section.tables:
                if table.kind == "pairs":
                    self._pair_rows(section)
        assign_roles(sections, builder.roles)
        doc.boilerplate_lines = builder.boilerplate
        # Running lines of the text and of the layout ("GGD Flevoland Begroting 2026") name
        # the document when they carry a year ("Begroting 2024"); a repeated "Realisatie /
        # voortgang" label does not make a progress report.
        running = [*(lines[i].text for i in sorted(self.running)), *self.running_furniture]
        self.evidence.extend(t for t in running if _YEAR_IN.search(t))
        first = next((x.text for x in lines if x.kind not in ("blank", "boiler", "grid")), None)
        if first is not None:
            self.evidence.append(first)
        headings = [s.heading for s in sections if s.heading]
        doc.document_type, doc.year = document_type_and_year(
            self.evidence, headings, sections, self.vocab, self.settings
        )
        # Furniture (a running header "Gemeente Zutphen", a site's logo line) names the
        # municipality as well as the text does.
        furniture = "\n".join(x.text for x in lines if x.kind == "boiler")
        matcher = default_matcher(self.settings.municipality_min_mentions)
        doc.municipality = matcher.match(f"{self.text}\n{furniture}")
        titles = [s.heading for s, k in zip(sections, builder.kinds, strict=True) if k == "title"]
        doc.title = titles[0] if titles else None
        # A joint arrangement's document ("GGD Flevoland Begroting 2026" as its running
        # header) names its member municipalities; it is none of theirs.
        issuer = [*running, *(t for t in titles[:1] if t)]
        if first is not None:
            issuer.append(first)
        if self._joint_arrangement(issuer):
            doc.municipality = None
        # "Hoofdstuk 1 Inleiding" opens a programme only in a text that is otherwise a
        # budget (fixed budget headings, a budget type, metadata): a zoning plan's
        # chapters are no programmes.
        strong = any(
            x.kind == "heading"
            and ((x.heading_kind == "fixed" and self._budget_heading(x))
                 or (x.heading_kind == "programme" and not _weak_programme(x.text)))
            for x in lines
        )  # fmt: skip
        weak = any(x.kind == "heading" and x.heading_kind == "programme" for x in lines)
        programme = (
            strong
            or any(x.kind == "item" and x.heading_kind == "labelled" for x in lines)
            or (weak and doc.document_type in BUDGET_TYPES)
        )
        self.programme_evidence = bool(programme)
        has_meta = bool(self.pending_meta) or any(
            p.portfolio_holders or p.director for p in builder.programmes
        )
        other = doc.document_type is not None and doc.document_type not in BUDGET_TYPES
        is_programme = not other and bool(programme or has_meta or doc.document_type)
        doc.family = "programme" if is_programme else "text"
        programmes = builder.programmes
        if not is_programme:
            programmes = []
        elif not programmes:
            implicit = Programme(make_id(doc.content_hash, "programme", 0), 0)
            for section, kind in zip(sections, builder.kinds, strict=True):
                if not (kind == "title" and not (section.paragraphs or section.items)):
                    section.programme_id = implicit.programme_id
            programmes = [implicit]
        if not programmes:
            for section in sections:
                section.programme_id = None
        by_id = {p.programme_id: p for p in programmes}
        for section in sections:
            owner = by_id.get(section.programme_id or "")
            (owner.sections if owner is not None else doc.sections).append(section)
        if programmes and self.pending_meta:
            for kind, value in self.pending_meta:
                self._add_meta(programmes[0], kind, value)
        doc.programmes = programmes

    def _budget_heading(self, line: Line) -> bool:
        """A fixed heading of budgets ("Wat willen we bereiken", "Wat mag het kosten"), not
        one every document may have ("Toelichting", "Inleiding")."""
        if line.role is not None:
            return True
        term = match_fixed(line.text, self.vocab, self.settings.heading_max_words)
        return term is not None and term.doc_type in BUDGET_TYPES

    def _pair_rows(self, section: Section) -> None:
        items = [i for i in section.items if i.kind == "row"]
        for goal, action in zip(items[::2], items[1::2], strict=False):
            pair(goal, action)

    # lines ----------------------------------------------------------------------------
    def grid(self, line: Line) -> None:
        builder = self.builder
        if line.header_rows == 0 and len(line.rows) > 1 and header_like(line.rows[0], self.vocab):
            line.header_rows = 1
        table = builder.add_table(line, self.unit)
        self.unit = None
        classify_table(table, self.vocab, builder.current.heading if builder.current else None)
        if table.kind == "pairs":
            for row in table.rows:
                cells = [c for c in row if c]
                if len(row) >= 2 and row[0] and row[1]:
                    builder.add_row_pair(row[0], row[1])
                elif cells:
                    builder.add_text(" ".join(cells), None)
                    builder.flush()

    def _add_meta(self, programme: Programme, kind: str, value: str) -> None:
        names = split_names(value, self.vocab)
        if kind == "director":
            known = programme.director.split(", ") if programme.director else []
            known += [n for n in names if n not in known]
            programme.director = ", ".join(known) or None
        else:
            programme.portfolio_holders.extend(
                n for n in names if n not in programme.portfolio_holders
            )

    def metadata(self, i: int, line: Line) -> None:
        builder = self.builder
        builder.flush()
        label_kind, value = parse_metadata_line(line.text, self.vocab) or ("portfolio", "")
        if not value:
            values: list[str] = []
            j = self.next_content[i]
            while (
                j is not None
                and self.lines[j].kind in ("text", "item")
                and words(self.lines[j].text) <= self.settings.heading_max_words
                and split_names(self.lines[j].text, self.vocab)
                and (not values or (self.lines[j].kind == "item" and not self.lines[j].letter))
            ):
                values.append(self.lines[j].text)
                self.consumed.add(j)
                if self.lines[j].kind != "item" or self.lines[j].letter:
                    break
                j = self.next_content[j]
            value = "; ".join(values)
        if builder.programme is not None:
            self._add_meta(builder.programme, label_kind, value)
        else:
            self.pending_meta.append((label_kind, value))
        if line.residue:
            builder.add_boiler(line.residue)

    def _is_part(self, line: Line) -> bool:
        folded = fold(line.text).strip(" :")
        first = folded.split(" ", 1)[0] if folded else ""
        if first in self.vocab.part_prefixes:
            return True
        if folded not in self.vocab.part_headings:
            return False
        level = line.source_level or (1 if line.level == 1 else 0)
        return bool(level) and level <= max(self.programme_level, 1)

    def heading(self, line: Line) -> None:
        builder = self.builder
        numbers = {p.number for p in builder.programmes if p.number}
        seen = {(p.number, fold(p.title or "")) for p in builder.programmes}
        repeated = line.heading_kind == "programme" and (
            (not line.title and builder.programme is not None
             and builder.programme.number == line.number)
            or (line.number, fold(line.title or "")) in seen
            or any(n == line.number and t and fold(line.title or "").startswith(t + " ")
                   for n, t in seen)
            or (line.number is None and bool(numbers))
        )  # fmt: skip
        # A programme heading again (over a table, in the financial overview at the back;
        # also when the next line ran into it: "P3 Bestuur en middelen Ontvlechting ...")
        # or a numberless one among numbered programmes opens nothing new.
        if line.heading_kind == "programme" and not repeated:
            builder.flush()
            builder.open_programme(line.number, line.title)
            if line.source_level:
                self.programme_level = min(self.programme_level, line.source_level)
            if self.pending_meta and len(builder.programmes) == 1:
                for kind, value in self.pending_meta:
                    self._add_meta(builder.programmes[0], kind, value)
                self.pending_meta = []
        elif builder.programme is not None and (
            self._is_part(line) or line.heading_kind == "chapter"
        ):
            builder.flush()
            builder.close_programme()
        builder.open_section(line.text, line.level, line.role, line.heading_kind)
        self.unit = None
        self.evidence.append(line.text)
        if line.residue:
            builder.add_boiler(line.residue)

    def item(self, i: int, line: Line) -> None:
        builder = self.builder
        title_max = self.settings.title_max_words
        numeric = line.letter is not None and line.letter.isdigit()
        if line.list_level > 0 and builder.add_sub_item(line):
            return
        if line.heading_kind == "labelled":
            builder.add_item(line)
        elif builder.item is not None and builder.item.kind == "lettered" and line.letter is None:
            builder.continue_item(line)
        elif not builder.letter_ok(line.letter):
            self.text_line(i, line)
        elif (
            numeric
            and builder.last_letter is None
            and is_title_like(line.body, title_max, self.vocab)
            and (j := self.next_content[i]) is not None
            and is_running_text(self.lines[j], title_max)
        ):
            self.heading(Line("heading", strip_heading(line.text), 2, residue=line.residue))
        else:
            builder.add_item(line)

    def text_line(self, i: int, line: Line) -> None:
        builder = self.builder
        if builder.item is not None and builder.continue_item(line):
            return
        title_max = self.settings.title_max_words
        text = line.text
        block = builder.block.lines
        starts_unit = not block or block[-1].endswith(SENTENCE_END)
        if starts_unit and is_title_like(text, title_max, self.vocab):
            j = self.next_content[i]
            if j is not None and (
                is_running_text(self.lines[j], title_max)
                or (
                    self.lines[j].kind == "item"
                    and self.prev_kind in ("blank", "heading")
                    and not block
                )
            ):
                self.heading(Line("heading", text, 3, residue=line.residue))
                return
        builder.add_text(text, line.residue)
