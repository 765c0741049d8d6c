"""Documents inside one PDF: a bundle of meeting documents (an agenda, minutes, a proposal, a
whole budget with its own title page and contents, a progress report, letters ...).

Councils and joint arrangements publish such bundles as one file. Read as one document, the
statistics that the layout reader learns over a whole file (body size and heading sizes,
running headers, line spacing, hyphenation) and the parser's document-wide decisions
(programme headings or numbered chapters) mix the documents. ``document_starts`` finds the
first page of every contained document from the pages' own marks, so that each part is
read as the stand-alone file it once was (``pdf.read_pdf_blocks``) and parsed on its own
(``programme.bundle``).

Marks, in order of weight:

- **Printed page numbers** at a page's top or bottom edge ("12", "- 12 -", "Pagina 3 van
  10", "bladzijde 1", a number cell after a running title; two on a spread, "2 | 3"). Per
  page the number is taken whose numbering (number minus page index) most pages share, so
  a footnote mark or a figure at a page's foot does not break a run. A document's numbers
  grow with its pages; where they go back (a run ends at 10 and the next run is at 3), a new
  document starts at the page its first number counts from (its unnumbered cover and
  contents belong to it). A run of one page counts only with a word ("Pagina 1", "1 van 4"),
  so a stray figure at a page's foot starts nothing. Pages inside a numbered run never
  start a document, whatever else they show: a run that goes on vetoes every other mark.
  A number that the binding tool stamped on every page of the bundle ("Pagina 17 van
  103"), beside the documents' own, is left out.
- **A cover sheet** ("Agendapunt 4", "Bijlage 2" on a page of a few lines) starts a document.
- **A new table of contents** ("Inhoud", "Inhoudsopgave" at the top of a page) starts a
  document at the first of the sparse pages right before it (title page, colophon).
- **A change of fonts**: a page whose main font families (those setting a fifth of its
  characters) appear nowhere in its document so far starts a document (a decision list
  written in LibreOffice after a budget set in Verdana, with no page numbers of its own).

Linear in the number of lines; nothing here reads the text beyond the page edges, except the
first lines of sparse pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pipeline.ingest.layout import load_terms
from pipeline.ingest.pdf_layout import PdfLine

# lines looked at from each page edge for a printed page number
EDGE_LINES = 2
# a page with at most this many lines (and characters) is sparse: a title page, a colophon,
# a cover sheet, an empty page
SPARSE_LINES = 8
SPARSE_CHARS = 400
# the top lines of a page where a contents heading opens a new table of contents
TOC_TOP_LINES = 4
MAX_PAGE_NUMBER = 1500
# numbers a page: one, or two on the pages of a spread ("2 | 3")
STEPS = (1, 2)
# a number stamped over a whole bundle: on this share of at least this many pages, with the
# documents' own numbers beside it on this share of them
STAMP_MIN_PAGES = 6
STAMP_SHARE = 0.9
STAMP_OTHERS_SHARE = 0.2
# a page's main fonts: the families that set this share of its characters (pages with fewer
# characters show no font mark)
MAIN_FONT_SHARE = 0.2
FONT_MIN_CHARS = 200
# a table of contents this close after a document's start is that document's own (after a
# foreword or a covering letter)
MIN_PAGES_BEFORE_CONTENTS = 3

_WORDED = re.compile(
    r"(?:pagina|page|blz\.?|bladzijde|pag\.)\s*(\d{1,4})(?:\s*(?:van|of|/)\s*(\d{1,4}))?",
    re.IGNORECASE,
)
_OF_TOTAL = re.compile(r"(\d{1,4})\s*(?:van|of|/)\s*(\d{1,4})", re.IGNORECASE)
_BARE = re.compile(r"[-–—]?\s*(\d{1,4})\s*[-–—]?")
_COVER = re.compile(r"(?:agendapunt|agenda\s*item|agendanummer|bijlage)\s*\d", re.IGNORECASE)


@dataclass(frozen=True)
class PageNumber:
    """A printed page number: its value, whether a word or a total came with it ("Pagina 3",
    "3 van 10"), and the distance of its line from the page edge (0 = the outermost line)."""

    value: int
    worded: bool
    depth: int


@dataclass
class Run:
    """Consecutive pages whose printed numbers grow with the pages, by ``step`` a page (2 on
    the pages of a spread, "2 | 3")."""

    first_page: int
    first_number: int
    last_page: int
    last_number: int
    worded: bool
    step: int = 1

    @property
    def start(self) -> int:
        """The page the run's first number counts from (its unnumbered cover and contents)."""
        return max(0, self.first_page - (self.first_number - 1 + self.step - 1) // self.step)


def _is_year(n: int) -> bool:
    return 1900 <= n <= 2100


def _cell_numbers(text: str) -> list[tuple[int, bool]]:
    """Page numbers a cell can be: "Pagina 3 van 10", "3 van 10", "- 3 -", "3"."""
    text = " ".join(text.split())
    m = _WORDED.search(text)
    if m is not None:
        return [(int(m.group(1)), True)]
    m = _OF_TOTAL.fullmatch(text)
    if m is not None and int(m.group(1)) <= int(m.group(2)):
        return [(int(m.group(1)), True)]
    m = _BARE.fullmatch(text)
    if m is not None and not _is_year(int(m.group(1))):
        return [(int(m.group(1)), False)]
    return []


def page_numbers(lines: Sequence[PdfLine]) -> list[PageNumber]:
    """Printed page numbers on the page's top and bottom lines: a line that is a number, or
    the first or last cell of a line of at most three cells ("GGD Begroting 2026 | 12",
    "dinsdag 16 december 2025 | bladzijde 1"); lines with more figures are table rows."""
    if not lines:
        return []
    order = sorted(range(len(lines)), key=lambda i: -lines[i].y)
    edges: list[tuple[int, int]] = []  # (line index, depth from the edge)
    for depth in range(EDGE_LINES):
        for i in (order[depth], order[-1 - depth]) if depth < len(order) else ():
            if all(i != j for j, _ in edges):
                edges.append((i, depth))
    found: list[PageNumber] = []
    for i, depth in edges:
        cells = [c.text for c in lines[i].cells]
        if len(cells) > 3:
            continue
        texts = [" ".join(cells)] if len(cells) == 1 else [cells[0], cells[-1]]
        if len(cells) > 1 and _WORDED.search(" ".join(cells)) is not None:
            texts = [" ".join(cells)]
        for text in texts:
            for value, worded in _cell_numbers(text):
                if 0 < value <= MAX_PAGE_NUMBER:
                    found.append(PageNumber(value, worded, depth))
    return found


def file_stamp(found: Sequence[Sequence[PageNumber]]) -> int | None:
    """The offset (number minus page index) of a number stamped on nearly every page of the
    file by the tool that bound it ("Pagina 17 van 103"), beside the documents' own page
    numbers; None when there is none, or when no other page numbering shows (one document
    numbered throughout, perhaps with footnote marks at its pages' feet). Another numbering
    is one that starts at 1-3 and runs over at least three pages; together they number a
    fifth of the pages."""
    n = len(found)
    if n < STAMP_MIN_PAGES:
        return None
    offsets: Counter[int] = Counter()
    for p, numbers in enumerate(found):
        offsets.update({x.value - p for x in numbers})
    if not offsets:
        return None
    offset, count = offsets.most_common(1)[0]
    if count < STAMP_SHARE * n:
        return None
    own: dict[int, list[int]] = {}  # offset -> numbers of another numbering
    for p, numbers in enumerate(found):
        for x in numbers:
            if x.value - p != offset:
                own.setdefault(x.value - p, []).append(x.value)
    numbered = sum(len(values) for values in own.values() if len(values) >= 3 and min(values) <= 3)
    return offset if numbered >= STAMP_OTHERS_SHARE * n else None


def _keys(page: int, value: int) -> list[tuple[int, int]]:
    """The numberings a number on a page can belong to: (step, number minus step x page)."""
    return [(step, value - step * page) for step in STEPS]


def chosen_numbers(
    pages: Sequence[Sequence[PdfLine]],
) -> list[tuple[PageNumber, tuple[int, int]] | None]:
    """One printed number per page (None for none) with its numbering (``_keys``): the one
    whose numbering the most pages of the file show (a document's numbers, not a footnote
    mark or a figure at the page's foot), then a worded one, then the one nearest the edge.
    A number stamped over the whole file (``file_stamp``) is no document's own and is left
    out."""
    found = [page_numbers(lines) for lines in pages]
    stamp = file_stamp(found)
    if stamp is not None:
        found = [[x for x in numbers if x.value - p != stamp] for p, numbers in enumerate(found)]
    support: Counter[tuple[int, int]] = Counter()
    for p, numbers in enumerate(found):
        support.update({key for n in numbers for key in _keys(p, n.value)})
    out: list[tuple[PageNumber, tuple[int, int]] | None] = []
    for p, numbers in enumerate(found):
        options = [(n, key) for n in numbers for key in _keys(p, n.value)]
        out.append(
            max(options, key=lambda o: (support[o[1]], o[0].worded, -o[0].depth, -o[1][0]))
            if options
            else None
        )
    return out


def numbered_runs(numbers: Sequence[tuple[PageNumber, tuple[int, int]] | None]) -> list[Run]:
    """Runs of pages of one numbering (unnumbered pages between them may be counted); a run
    of one page only with a word or a total ("Pagina 1", "1 van 4")."""
    runs: list[Run] = []
    keys: list[tuple[int, int]] = []
    for p, chosen in enumerate(numbers):
        if chosen is None:
            continue
        n, key = chosen
        if runs and keys[-1] == key:
            cur = runs[-1]
            cur.last_page, cur.last_number = p, n.value
            cur.worded = cur.worded or n.worded
        else:
            runs.append(Run(p, n.value, p, n.value, n.worded, key[0]))
            keys.append(key)
    return [r for r in runs if r.last_page > r.first_page or r.worded]


def _sparse(lines: Sequence[PdfLine]) -> bool:
    return len(lines) <= SPARSE_LINES and sum(len(ln.text) for ln in lines) <= SPARSE_CHARS


def _top_lines(lines: Sequence[PdfLine], n: int) -> list[str]:
    return [" ".join(ln.text.split()) for ln in sorted(lines, key=lambda ln: -ln.y)[:n]]


def _cover_sheet(lines: Sequence[PdfLine]) -> bool:
    """A sparse page opened by "Agendapunt 4", "Bijlage 2" (a sheet in front of a document)."""
    if not lines or not _sparse(lines):
        return False
    return any(_COVER.match(t) is not None for t in _top_lines(lines, 3))


def _contents_page(lines: Sequence[PdfLine]) -> bool:
    headings = load_terms().toc_headings
    return any(t.lower().rstrip(": ") in headings for t in _top_lines(lines, TOC_TOP_LINES))


def _main_fonts(used: Mapping[str, int]) -> set[str]:
    """The font families that set at least ``MAIN_FONT_SHARE`` of a page's characters
    (none for a page of fewer than ``FONT_MIN_CHARS``)."""
    total = sum(used.values())
    if total < FONT_MIN_CHARS:
        return set()
    return {f for f, n in used.items() if f and n >= MAIN_FONT_SHARE * total}


def document_starts(
    pages: Sequence[Sequence[PdfLine]], fonts: Sequence[Mapping[str, int]] | None = None
) -> list[int]:
    """The first page (0-based) of every document in the file, starting with 0; ``[0]`` for
    a file that holds one document (see the module docstring for the marks). ``fonts``:
    per page, the characters set in each font family (``pdf.py``), when known."""
    if not pages:
        return [0]
    runs = numbered_runs(chosen_numbers(pages))
    starts = {0}
    # documents by their page numbers: a run that goes back, or counts from a page after
    # the last numbered page, starts a new document
    spans: list[tuple[int, int]] = []  # (first page, last numbered page) of each numbering
    doc_first, doc_last, doc_number = 0, -1, 0
    for k, run in enumerate(runs):
        if k == 0:
            doc_first = run.start
            if any(not _sparse(pages[q]) for q in range(doc_first)):
                starts.add(doc_first)  # a document without numbers before it
        elif run.first_number <= doc_number or run.start > doc_last:
            spans.append((doc_first, doc_last))
            doc_first = max(doc_last + 1, run.start)
            starts.add(doc_first)
        doc_last, doc_number = run.last_page, run.last_number
    if runs:
        spans.append((doc_first, doc_last))

    def inside_numbering(p: int) -> bool:
        return any(first < p <= last for first, last in spans)

    # cover sheets and new tables of contents, where no numbering goes on
    for p, lines in enumerate(pages):
        if p == 0 or inside_numbering(p):
            continue
        if _cover_sheet(lines):
            starts.add(p)
        elif _contents_page(lines):
            last = max(s for s in starts if s <= p)
            q = p
            while q - 1 >= last and _sparse(pages[q - 1]):
                q -= 1
            if q - last > MIN_PAGES_BEFORE_CONTENTS and not inside_numbering(q):
                starts.add(q)
    # a page set in none of the fonts of its document so far, where no numbering goes on
    if fonts is not None:
        seen: set[str] = set()
        for p, used in enumerate(fonts):
            main = _main_fonts(used)
            if p in starts:
                seen = set()
            elif main and seen and not main & seen and not inside_numbering(p):
                starts.add(p)
                seen = set()
            if not _sparse(pages[p]):  # a cover's display type says nothing
                seen.update(f for f in used if f)
    return sorted(s for s in starts if s < len(pages))


def split_pages(
    pages: list[list[PdfLine]], fonts: Sequence[Mapping[str, int]] | None = None
) -> list[list[list[PdfLine]]]:
    """The pages of every contained document, in order (one list for a single document)."""
    starts = document_starts(pages, fonts)
    ends = [*starts[1:], len(pages)]
    return [pages[a:b] for a, b in zip(starts, ends, strict=True)]
