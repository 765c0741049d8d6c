"""Read a PDF's text layer with positions (pypdf's text visitor) into layout blocks.

Per page, text fragments are grouped into lines by their baseline and into cells by the
horizontal gaps between them. Running headers and footers (lines at a page edge repeated on
many pages, page numbers) and table-of-contents lines become furniture. Lines of the same
size and normal spacing form one paragraph, also over a page break when the sentence goes
on; words hyphenated at a line end are rejoined. Runs of lines with two or more cells are
tables, with a header of one or more lines merged per column. Font sizes larger than the
body's give heading levels. Time and memory are linear in the number of text fragments.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field

from pipeline.config import IngestSettings
from pipeline.ingest.layout import (
    BLANK,
    Block,
    join_hyphenated,
    running_furniture,
    toc_lines,
    word_evidence,
)
from pipeline.ingest.limits import bounded_pages

# A glyph is on average about half the font size wide; used to estimate where a fragment
# ends, to tell a cell gap (wide) from a word space (narrow).
GLYPH_WIDTH_EM = 0.5
CELL_GAP_EM = 1.5
_LIST_MARK = re.compile(r"(?:\(?[A-Za-z]\)|[A-Za-z]\.|\d{1,2}[.)]|[-–•·▪◦*\uf0b7])")
_NUMBERISH = re.compile(r"[-−–(]?\s*€?\s*[\d.,]+\s*\)?%?")
_SENTENCE_END = (".", "!", "?", ":", ";")


class PdfError(ValueError):
    """The PDF cannot be read (the reader turns this into an ``InputError``)."""


@dataclass
class Fragment:
    x: float
    y: float
    size: float
    text: str

    @property
    def end(self) -> float:
        return self.x + len(self.text) * self.size * GLYPH_WIDTH_EM


@dataclass
class PdfLine:
    y: float
    size: float
    cells: list[Fragment] = field(default_factory=list)

    @property
    def x(self) -> float:
        return self.cells[0].x

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)


def _page_fragments(page: object) -> list[Fragment]:
    fragments: list[Fragment] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text or not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (abs(tm[0] * cm[0]) + abs(tm[3] * cm[3])) / 2 or 1.0
        eff = abs(size * scale) or 10.0
        for k, part in enumerate(text.split("\n")):
            if part.strip():
                fragments.append(Fragment(x, y - k * eff * 1.2, eff, part))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return fragments


def _lines(fragments: list[Fragment]) -> list[PdfLine]:
    """Fragments grouped into lines (top to bottom) and cells (left to right)."""
    lines: list[PdfLine] = []
    for frag in sorted(fragments, key=lambda f: -f.y):
        if lines and abs(lines[-1].y - frag.y) <= 0.4 * max(frag.size, lines[-1].size):
            lines[-1].cells.append(frag)
        else:
            lines.append(PdfLine(frag.y, frag.size, [frag]))
    for line in lines:
        line.cells.sort(key=lambda f: f.x)
        merged: list[Fragment] = []
        for frag in line.cells:
            if merged:
                prev = merged[-1]
                gap = frag.x - prev.end
                label = _LIST_MARK.fullmatch(prev.text.strip()) is not None and len(merged) == 1
                if gap < CELL_GAP_EM * frag.size or label:
                    sep = "" if prev.text.endswith(" ") or frag.text.startswith(" ") else " "
                    if gap < 0.1 * frag.size and not label:
                        sep = ""
                    prev.text = (
                        (prev.text + sep + frag.text).strip() if sep else prev.text + frag.text
                    )
                    continue
            merged.append(Fragment(frag.x, frag.y, frag.size, frag.text.strip()))
        line.cells = merged
        line.size = max(c.size for c in merged)
    return lines


def read_pdf_blocks(
    reader: object, min_repeats: int = 3, limits: IngestSettings | None = None
) -> list[Block]:
    """Layout blocks of an opened ``pypdf.PdfReader``, within ``limits`` (pages, characters;
    ``pipeline/ingest/limits.py``)."""
    pdf_log = logging.getLogger("pypdf")
    level = pdf_log.level
    pdf_log.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pages = bounded_pages(
                reader.pages,  # type: ignore[attr-defined]
                lambda page: _lines(_page_fragments(page)),
                limits or IngestSettings(),
                lambda lines: sum(len(line.text) for line in lines),
            )
    finally:
        pdf_log.setLevel(level)
    return blocks_from_lines(pages, min_repeats)


def blocks_from_lines(pages: list[list[PdfLine]], min_repeats: int) -> list[Block]:
    """Blocks from the lines of every page (see the module docstring)."""
    furniture = running_furniture(
        [[ln.text for ln in page] for page in pages],
        min_repeats,
        positions=[[round(ln.y / 6) for ln in page] for page in pages],
    )
    flat = [(p, i, line) for p, page in enumerate(pages) for i, line in enumerate(page)]
    toc = toc_lines([line.text for _, _, line in flat])
    sizes: Counter[float] = Counter()
    for _, _, line in flat:
        sizes[round(line.size, 1)] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    larger = sorted({s for s in sizes if s > body * 1.12}, reverse=True)
    heading_level = {s: min(i + 1, 3) for i, s in enumerate(larger)}
    words, _ = word_evidence(line.text for _, _, line in flat)

    blocks: list[Block] = []
    para: list[str] = []
    para_line: PdfLine | None = None
    para_page = -1
    item_x: float | None = None
    table: list[PdfLine] = []

    def flush_para() -> None:
        nonlocal para_line, item_x
        if para:
            assert para_line is not None
            level = heading_level.get(round(para_line.size, 1), 0)
            blocks.append(Block("line", " ".join(para), style_level=level))
            blocks.append(BLANK)
            para.clear()
        para_line, item_x = None, None

    def flush_table() -> None:
        if table:
            blocks.extend(_table_blocks(table))
            table.clear()

    for k, (p, i, line) in enumerate(flat):
        if (p, i) in furniture or k in toc:
            reason = "table of contents" if k in toc else "running header"
            blocks.append(Block("furniture", line.text, reason=reason))
            continue
        if len(line.cells) >= 2:
            flush_para()
            table.append(line)
            continue
        if table and _continues_table(table, line):
            table.append(line)
            continue
        flush_table()
        text = line.text
        marker = _LIST_MARK.match(text.split(" ", 1)[0]) is not None and " " in text
        if (
            para
            and para_line is not None
            and not marker
            and _continues(para, para_line, para_page, line, p, item_x)
        ):
            joined = join_hyphenated(para[-1], text, words)
            if joined is not None:
                para[-1] = joined[0]
                if joined[1]:
                    para.append(joined[1])
            else:
                para.append(text)
            para_line, para_page = line, p
            continue
        flush_para()
        para.append(text)
        para_line, para_page = line, p
        if marker:
            item_x = line.cells[0].x + (len(text.split(" ", 1)[0]) + 1) * line.size * GLYPH_WIDTH_EM
    flush_para()
    flush_table()
    return blocks


def _continues(
    para: list[str], last: PdfLine, last_page: int, line: PdfLine, page: int, item_x: float | None
) -> bool:
    """True when ``line`` goes on with the paragraph whose last line is ``last``."""
    if abs(line.size - last.size) > 0.5:
        return False
    prev = para[-1].rstrip()
    if page != last_page:
        return not prev.endswith(_SENTENCE_END) or line.text[:1].islower()
    gap = last.y - line.y
    if gap <= 0 or gap > 1.6 * line.size:
        return False
    if item_x is not None:
        return line.x >= item_x - 2 * line.size
    return abs(line.x - last.x) < 2 * line.size or line.text[:1].islower()


def _continues_table(table: list[PdfLine], line: PdfLine) -> bool:
    """A one-cell line right below a table row, inside the table's columns: a wrapped cell."""
    last = table[-1]
    gap = last.y - line.y
    return (
        0 < gap <= 1.6 * line.size
        and line.x > table[0].cells[0].x - 1
        and (abs(line.size - last.size) <= 0.5)
        and not line.text.endswith(_SENTENCE_END)
    )


def _table_blocks(lines: list[PdfLine]) -> list[Block]:
    """One table block from lines of cells: columns from the fullest rows, header lines
    (before the first row with a label in the first column) merged per column."""
    width = max(len(line.cells) for line in lines)
    if len(lines) == 1 and width < 2:
        return [Block("line", lines[0].text), BLANK]
    full = [line for line in lines if len(line.cells) == width]
    centers = [
        sum(ln.cells[c].x + ln.cells[c].end for ln in full) / (2 * len(full)) for c in range(width)
    ]
    left = min(line.cells[0].x for line in lines)

    def place(line: PdfLine) -> list[str]:
        row = [""] * width
        col = 0
        for cell in line.cells:
            mid = (cell.x + cell.end) / 2
            best = min(range(col, width), key=lambda c: abs(centers[c] - mid), default=width - 1)
            if len(line.cells) == width:
                best = line.cells.index(cell)
            row[best] = f"{row[best]} {cell.text}".strip()
            col = min(best + 1, width - 1)
        return row

    rows: list[list[str]] = []
    header_rows = 0
    header_done = False
    for line in lines:
        row = place(line)
        labelled = abs(line.cells[0].x - left) < 2 and bool(row[0])
        if not header_done and not labelled:
            if rows:
                rows[0] = [f"{a} {b}".strip() for a, b in zip(rows[0], row, strict=True)]
            else:
                rows.append(row)
                header_rows = 1
            continue
        header_done = True
        if (
            rows
            and len(line.cells) == 1
            and len(rows) > header_rows
            and not any(_NUMBERISH.fullmatch(c) for c in row if c)
        ):
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], row, strict=True)]
            continue
        rows.append(row)
    if header_rows == 0 and rows and not any(_NUMBERISH.fullmatch(c) for c in rows[0][1:] if c):
        header_rows = 1 if len(rows) > 1 else 0
    return [Block("table", rows=tuple(tuple(r) for r in rows), header_rows=header_rows), BLANK]
