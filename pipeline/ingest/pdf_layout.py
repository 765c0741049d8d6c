"""Positioned PDF lines into layout blocks: furniture, paragraphs, tables, headings.

Input are the lines of every page as ``pdf.py`` reads them (cells with positions, sizes and
boldness). Running headers and footers (lines at a page edge repeated on many pages, page
numbers) and table-of-contents lines become furniture. Lines of the same size and normal
spacing form one paragraph, also over a page break when the sentence goes on; words
hyphenated at a line end are rejoined. A short line in the body font that the column's
width did not break (a heading set like the text, "Informatieavond" over its paragraph)
stays a line of its own, as a text file has it, for the parser's heading rule. Runs of
lines with two or more cells are tables, with a header of one or more lines merged per
column. Font sizes larger than the body's give heading levels. Linear in the number of
lines.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.ingest.layout import (
    BLANK,
    Block,
    hyphenates,
    join_hyphenated,
    load_terms,
    running_furniture,
    toc_lines,
    word_evidence,
)

# A glyph is on average about half the font size wide; used to estimate where a fragment
# ends, to tell a cell gap (wide) from a word space (narrow).
GLYPH_WIDTH_EM = 0.5
LIST_MARK = re.compile(r"(?:\(?[A-Za-z]\)|[A-Za-z]\.|\d{1,2}[.)]|[-–•·▪◦*\uf0b7])")
_NUMBERISH = re.compile(r"[-−–(]?\s*€?\s*[\d.,]+\s*\)?%?")
_SENTENCE_END = (".", "!", "?", ":", ";")


@dataclass
class Fragment:
    x: float
    y: float
    size: float
    text: str
    width: float | None = None  # from the font's glyph widths, when known
    bold: bool = False

    @property
    def end(self) -> float:
        if self.width is not None:
            return self.x + self.width
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
    def bold(self) -> bool:
        """Every cell set in a bold font (a heading at body size in Word exports)."""
        return all(c.bold for c in self.cells)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)


_SPACED_HYPHEN_END = re.compile(r"[^\W\d_] -")
_SPACED_DASH_INSIDE = re.compile(r"\S - \S")


def close_spaced_hyphens(pages: list[list[PdfLine]]) -> None:
    """Set "samen -" at a line end back to "samen-" in a document that sets its line-end
    hyphens apart (InDesign with justified text: "samen -" / "gevoegd"): such line ends
    outnumber the spaced dashes inside lines (" - "), which a writer using " -" as a dash
    would also have. Changes the last cells in place."""
    ends = [ln.cells[-1] for page in pages for ln in page if ln.cells]
    spaced = [c for c in ends if c.text.endswith(" -") and _SPACED_HYPHEN_END.search(c.text[-3:])]
    dashes = sum(
        len(_SPACED_DASH_INSIDE.findall(c.text)) for page in pages for ln in page for c in ln.cells
    )
    if len(spaced) >= 3 and len(spaced) > dashes:
        for cell in spaced:
            cell.text = cell.text[:-2] + "-"


def blocks_from_lines(pages: list[list[PdfLine]], min_repeats: int) -> list[Block]:
    """Blocks from the lines of every page (see the module docstring)."""
    close_spaced_hyphens(pages)
    furniture = running_furniture(
        [[ln.text for ln in page] for page in pages],
        min_repeats,
        positions=[[round(ln.y / 6) for ln in page] for page in pages],
    )
    flat = [(p, i, line) for p, page in enumerate(pages) for i, line in enumerate(page)]
    toc = toc_lines([line.text for _, _, line in flat])
    toc_parts = _toc_columns(flat)
    list_lines = _list_runs(flat)
    header_above = _header_lines_above(flat)
    sizes: Counter[float] = Counter()
    for _, _, line in flat:
        sizes[round(line.size, 1)] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    larger = sorted({s for s in sizes if s > body * 1.12}, reverse=True)
    heading_level = {s: min(i + 1, 3) for i, s in enumerate(larger)}
    words, _ = word_evidence(line.text for _, _, line in flat)
    keep_hyphens = not hyphenates([line.text for _, _, line in flat], words)
    leading = _leading(pages)

    blocks: list[Block] = []
    para: list[str] = []
    para_line: PdfLine | None = None
    para_page = -1
    item_x: float | None = None
    table: list[PdfLine] = []

    def flush_para(blank: bool = True) -> None:
        nonlocal para_line, item_x
        if para:
            assert para_line is not None
            level = heading_level.get(round(para_line.size, 1), 0)
            blocks.append(Block("line", " ".join(para), style_level=level))
            if blank:
                blocks.append(BLANK)
            para.clear()
        para_line, item_x = None, None

    def flush_table() -> None:
        if table:
            blocks.extend(_table_blocks(table))
            table.clear()

    for k, (p, i, line) in enumerate(flat):
        if k in toc_parts and (p, i) not in furniture:
            # the entries of a table of contents in two columns, column by column
            blocks.extend(Block("furniture", t, reason="table of contents") for t in toc_parts[k])
            continue
        if (p, i) in furniture or k in toc:
            reason = "table of contents" if k in toc else "running header"
            if reason == "running header" and len(line.cells) >= 2:
                # a running title and the page number at a tab stop: two pieces of furniture
                blocks.extend(Block("furniture", c.text, reason=reason) for c in line.cells)
            else:
                blocks.append(Block("furniture", line.text, reason=reason))
            continue
        if k in list_lines and not table:
            line = _list_line(line) or line
        if k in header_above:
            flush_para()
            if table and not 0 < table[-1].y - line.y <= 2.6 * line.size:
                flush_table()  # a table further up ends; this one starts
            table.append(line)
            continue
        if len(line.cells) >= 2:
            flush_para()
            if table and (_new_header(table, line) or _prose_after_amounts(table, line)):
                flush_table()
            table.append(line)
            continue
        if table and _continues_table(
            table, line, [ln for q, _, ln in flat[k + 1 : k + 6] if q == p]
        ):
            table.append(line)
            continue
        flush_table()
        text = line.text
        marker = LIST_MARK.match(text.split(" ", 1)[0]) is not None and " " in text
        if (
            para
            and para_line is not None
            and not marker
            and _continues(para, para_line, para_page, line, p, item_x, leading)
        ):
            if (
                item_x is None
                and p == para_page
                and round(line.size, 1) not in heading_level  # a heading wrapped over lines
                and (
                    (
                        len(para) == 1
                        and _line_of_its_own(para_line, line, _run_below(flat, k), leading)
                    )
                    or (para[-1].endswith((".", "!", "?")) and _heads_next(flat, k, leading))
                )
            ):
                # a heading set in the body font (``para_line`` or ``line``): a line of its
                # own, as a text file gives it; the parser decides whether it is a heading
                flush_para(blank=False)
                para.append(text)
                para_line, para_page = line, p
                continue
            joined = join_hyphenated(para[-1], text, words, keep_hyphen=keep_hyphens)
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
    return _join_continued_tables(blocks)


_ROW_LABEL = re.compile(r"[^\W\d_][^\d.;:!?]{0,60}")


def _join_continued_tables(blocks: list[Block]) -> list[Block]:
    """A table that goes on after rows without figures ("Baten basispakket gemeenten" in a
    ruled cost table, too far apart to join it line by line) or over a page break: a table
    with a header, then such label lines, running headers and footers, then a table of as
    many columns without a header, is one table; the label lines become its rows without
    values. The furniture between them follows the joined table."""
    out: list[Block] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        out.append(block)
        k += 1
        if block.kind != "table" or not block.header_rows or not block.rows:
            continue
        width = len(block.rows[0])
        labels: list[str] = []
        furniture: list[Block] = []
        j = k
        while j < len(blocks):
            b = blocks[j]
            if b.kind == "furniture":
                furniture.append(b)
            elif b.kind == "line" and not b.style_level and _ROW_LABEL.fullmatch(b.text):
                labels.append(b.text)
            elif b.kind != "blank":
                break
            j += 1
        nxt = blocks[j] if j < len(blocks) else None
        if (
            nxt is None
            or nxt.kind != "table"
            or nxt.header_rows
            or not (labels or furniture)
            or any(len(row) != width for row in nxt.rows)
            or not _amount_row(list(nxt.rows[0]))  # a new header
        ):
            continue
        empty = ("",) * (width - 1)
        rows = (*block.rows, *((label, *empty) for label in labels), *nxt.rows)
        out[-1] = Block("table", rows=rows, header_rows=block.header_rows)
        out.append(BLANK)
        out.extend(furniture)
        k = j + 1
    return out


_HEADER_ABOVE_WORDS = 4


def _header_lines_above(flat: list[tuple[int, int, PdfLine]]) -> set[int]:
    """Short one-cell lines set right above a table's header line, in its size and
    weight ("Begroting 2026" centred over "Baten | Lasten | Saldo", the unit "Bedragen" /
    "(x €1.000)" in the label column): header lines of that table, not text. The table's
    first line is a line of cells without amounts, with a row of amounts under it. Returns
    the indices of such lines."""
    out: set[int] = set()
    for k, (p, _, line) in enumerate(flat):
        if len(line.cells) < 2 or k + 1 >= len(flat) or flat[k + 1][0] != p:
            continue
        below = flat[k + 1][2]
        cells = [c.text for c in line.cells]
        if any(_NUMBERISH.fullmatch(c) and not _YEAR.fullmatch(c) for c in cells):
            continue
        if len(below.cells) < 2 or not _amount_row([c.text for c in below.cells]):
            continue
        taken: list[int] = []
        upper = line
        j = k - 1
        while j >= 0 and len(taken) < 3 and flat[j][0] == p:
            cand = flat[j][2]
            if (
                len(cand.cells) != 1
                or not 0 < cand.y - upper.y <= 2.6 * cand.size
                or abs(cand.size - line.size) > 0.5
                or cand.bold != line.bold
                or len(cand.text.split()) > _HEADER_ABOVE_WORDS
                or cand.text.endswith(_SENTENCE_END)
            ):
                break
            taken.append(j)
            upper = cand
            j -= 1
        out.update(taken)
    return out


_ENDS_PAGE = re.compile(r".*\D\s*\d{1,4}|\d{1,4}")


def _toc_columns(flat: list[tuple[int, int, PdfLine]]) -> dict[int, list[str]]:
    """A table of contents set in two columns ("1. Inleiding 3" | "6. Ambulancehulp-
    verlening" on one baseline): the lines after an "Inhoud(sopgave)" heading on its page,
    split into their left and right column at the middle of the entries' width, as long as
    a line or one of the next two has an entry ending in a page number. A page number
    whose digits stand apart at a tab stop ("5.1 Jeugd en gezin 1" | "4") stays with its
    entry. Only when entries (words, not page numbers) start right of the middle; a
    contents list in one column is ``toc_lines``'s. Maps a line's index to its entries."""
    headings = load_terms().toc_headings
    out: dict[int, list[str]] = {}
    for k0, (p, _, head) in enumerate(flat):
        if head.text.lower().rstrip(":").strip() not in headings:
            continue
        page = []
        k = k0 + 1
        while k < len(flat) and flat[k][0] == p:
            page.append((k, flat[k][2]))
            k += 1
        cells = [c for _, ln in page for c in ln.cells]
        if not cells:
            continue
        mid = (min(c.x for c in cells) + max(c.end for c in cells)) / 2
        if not any(c.x >= mid and _TEXT_WORD.search(c.text) for c in cells):
            continue
        parts = []
        for k, ln in page:
            left = " ".join(c.text for c in ln.cells if c.x < mid)
            right = " ".join(c.text for c in ln.cells if c.x >= mid)
            parts.append((k, [t for t in (left, right) if t]))
        numbered = [any(_ENDS_PAGE.fullmatch(t) for t in ts) for _, ts in parts]
        for j, (k, texts) in enumerate(parts):
            if not any(numbered[j : j + 3]):
                break
            out[k] = texts
    return out


def _leading(pages: list[list[PdfLine]]) -> dict[float, float]:
    """The usual distance between consecutive lines of each font size within a paragraph
    (lines broken mid-sentence; the lower quartile, as one-line paragraphs and labels
    stand further apart): the document's line spacing, which Word sets anywhere from 1.0
    to 2.0 times the size."""
    gaps: dict[float, list[float]] = {}
    for page in pages:
        for a, b in itertools.pairwise(page):
            gap = a.y - b.y
            wrapped = not a.text.rstrip().endswith(_SENTENCE_END)  # a line broken mid-sentence
            if wrapped and abs(a.size - b.size) <= 0.5 and 0 < gap <= 2.5 * a.size:
                gaps.setdefault(round(a.size, 1), []).append(gap)
    return {size: sorted(g)[len(g) // 4] for size, g in gaps.items() if g}


def _continues(
    para: list[str],
    last: PdfLine,
    last_page: int,
    line: PdfLine,
    page: int,
    item_x: float | None,
    leading: dict[float, float] | None = None,
) -> bool:
    """True when ``line`` goes on with the paragraph whose last line is ``last``."""
    if abs(line.size - last.size) > 0.5 or line.bold != last.bold:
        return False
    prev = para[-1].rstrip()
    if page != last_page:
        return not prev.endswith(_SENTENCE_END) or line.text[:1].islower()
    gap = last.y - line.y
    usual = (leading or {}).get(round(line.size, 1), 0.0)
    if gap <= 0 or gap > max(1.6 * line.size, 1.25 * usual):
        return False
    if item_x is not None:
        return line.x >= item_x - 2 * line.size
    return abs(line.x - last.x) < 2 * line.size or line.text[:1].islower()


# A line ending in one of these ends a sentence or goes on in the next line; a heading ends
# without punctuation, a question or an exclamation, a salutation with a comma.
_RUNS_ON = (".", ";", ":", "…", "-", "\u2010", "\u2011", "\u2013", "/", "(", "&", "+")


def _run_below(flat: list[tuple[int, int, PdfLine]], k: int, n: int = 3) -> list[PdfLine]:
    """The line at ``k`` and up to ``n - 1`` lines after it on its page that go on with it
    (one cell, same size, same left edge, within two lines' spacing): the paragraph a line
    before ``k`` might run into."""
    p, _, first = flat[k]
    run = [first]
    for q, _, line in flat[k + 1 : k + n]:
        last = run[-1]
        if (
            q != p
            or len(line.cells) != 1
            or abs(line.size - first.size) > 0.5
            or abs(line.x - first.x) >= 2 * first.size
            or not 0 < last.y - line.y <= 2.5 * first.size
        ):
            break
        run.append(line)
    return run


def _heads_next(flat: list[tuple[int, int, PdfLine]], k: int, leading: dict[float, float]) -> bool:
    """True when the line at ``k`` is a line of its own (``_line_of_its_own``) over the line
    after it on its page, which would go on with it as a paragraph."""
    p, _, line = flat[k]
    if k + 1 >= len(flat) or flat[k + 1][0] != p:
        return False
    nxt = flat[k + 1][2]
    return (
        len(line.cells) == 1
        and len(nxt.cells) == 1
        and _continues([line.text], line, p, nxt, p, None, leading)
        and _line_of_its_own(line, nxt, _run_below(flat, k + 1), leading)
    )


def _line_of_its_own(
    last: PdfLine, line: PdfLine, below: list[PdfLine], leading: dict[float, float]
) -> bool:
    """True when ``last``, a paragraph's first line, is a line of its own rather than the
    start of a sentence wrapped onto ``line``: both start with a capital, ``last`` ends
    like a heading or a salutation (``_RUNS_ON``), and the break was not forced by the
    column's width (``line``'s first word would have fitted on ``last`` with an em to
    spare, measured against the right edge of ``line`` and the lines below it, ``below``)
    or the gap between them is wider than the document's line spacing. A heading set in
    the body font ("Informatieavond" over "Op dinsdag 29 april ...") so keeps its own line;
    the parser then applies the rule it applies to text files."""
    prev, text = last.text.rstrip(), line.text.lstrip()
    if not prev[:1].isupper() or not text[:1].isupper() or prev.endswith(_RUNS_ON):
        return False
    size = line.size
    usual = leading.get(round(size, 1))
    if usual and last.y - line.y > usual + 0.25 * size:
        return True
    cell = line.cells[0]
    word = text.split(" ", 1)[0]
    share = (len(word) + 1) / max(len(cell.text), 1)
    word_width = share * (cell.end - cell.x)
    right = max(ln.cells[-1].end for ln in below)
    return last.cells[-1].end + word_width + size <= right


def _continues_table(table: list[PdfLine], line: PdfLine, after: Sequence[PdfLine] = ()) -> bool:
    """A one-cell line right below a table row, inside the table's columns: a wrapped cell
    (in an inner column it may stand a little further off: a cell centred over lines); a
    row label wrapped over lines, standing just above the row's figures (``after``: the
    next few lines of the page, the first of them ``nxt``); a row
    with a label and no figures (``_empty_rows``); or, while the table has header lines
    only, a caption wrapped between them ("Programma: P0 Bestuur en" / "Rekening Begroting
    ..." / "ondersteuning" / "bedragen x € 1.000 2019 ...")."""
    last = table[-1]
    gap = last.y - line.y
    left = min(ln.x for ln in table)
    inner = line.x > left + 3 * line.size
    nxt = after[0] if after else None
    if _empty_rows(table, line, after):
        return True
    if (
        nxt is not None
        and len(nxt.cells) >= 2
        and not any(_amount_row([c.text for c in ln.cells]) for ln in table)
        and 0 < gap <= 1.6 * line.size
        and 0 < line.y - nxt.y <= 2.6 * line.size
        and not line.text.endswith(_SENTENCE_END)
    ):
        return True  # a caption in the label column wrapped between stacked header lines
    # a row label wrapped above its figures; below header lines only, the first row may
    # stand further off (a rule or padding under the header)
    header_only = not any(_amount_row([c.text for c in ln.cells]) for ln in table)
    reach = 4.0 if header_only else 2.6
    if 0 < gap <= reach * line.size and _wrapped_label(line, after):
        return True
    return (
        0 < gap <= (2.6 if inner else 1.6) * line.size
        and line.x > left - 1
        and (abs(line.size - last.size) <= 0.5)
        and not line.text.endswith(_SENTENCE_END)
    )


# a one-cell line that ends a sentence is text, not a row label ("Specificatie:" is one)
_TEXT_END = (".", "!", "?", ";")
_ROW_LABEL_WORDS = 8


def _label_row(line: PdfLine, x: float, size: float) -> bool:
    """A one-cell line that can be a row label at the table's label edge ``x``."""
    return (
        len(line.cells) == 1
        and abs(line.x - x) <= 1.0
        and abs(line.size - size) <= 0.5
        and not line.text.endswith(_TEXT_END)
        and len(line.text.split()) <= _ROW_LABEL_WORDS
    )


# lines of a row label wrapped over lines stand at most this far apart (in em): the
# leading of the table's text
_LABEL_LEADING_EM = 1.3


def _wrapped_label(line: PdfLine, after: Sequence[PdfLine]) -> bool:
    """``line`` starts a row label wrapped over lines above its row's figures: one-cell
    lines in the same size, each at the text's leading below the one before, down to a
    line of cells (the row)."""
    prev = line
    for ln in after:
        if not 0 < prev.y - ln.y <= _LABEL_LEADING_EM * line.size:
            return False
        if abs(ln.size - line.size) > 0.5:
            return False
        if len(ln.cells) >= 2 or _figure_line(ln, line.x):
            return True
        prev = ln
    return False


def _figure_line(line: PdfLine, label_x: float) -> bool:
    """A line of figures only, right of the label edge ``label_x``: the cells of a row
    whose other cells are empty ("10" under "2026 begroting" alone)."""
    return line.x > label_x + 3 * line.size and all(
        _NUMBERISH.fullmatch(c.text) and not _YEAR.fullmatch(c.text) for c in line.cells
    )


def _empty_rows(table: list[PdfLine], line: PdfLine, after: Sequence[PdfLine]) -> bool:
    """Rows of a label with empty cells ("Baten pluspakket gemeenten" | | | in a cost
    table; "Specificatie doorberekening aan team:" over rows that go on in the same
    columns): one-cell lines at the label edge of a table that has amounts, in the rows'
    size, followed at the row pitch (one-cell lines in between) by a row of figures with
    its label at the same edge. A label wrapped over lines stands closer to its row, and
    a paragraph after the table is followed by no row of figures."""
    row = next(
        (
            ln
            for ln in reversed(table)
            if len(ln.cells) >= 2 and _amount_row([c.text for c in ln.cells])
        ),
        None,
    )
    if row is None:
        return False
    x, size = row.x, row.size
    if not _label_row(line, x, size) or not 0 < table[-1].y - line.y <= 5 * size:
        return False
    prev = line
    for ln in after:
        if not 0 < prev.y - ln.y <= 2.6 * size:
            return False
        if len(ln.cells) >= 2:
            return (
                abs(ln.x - x) <= 1.0
                and abs(ln.size - size) <= 0.5
                and _amount_row([c.text for c in ln.cells])
            )
        if not _label_row(ln, x, size):
            return False
        prev = ln
    return False


_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")


def _year_row(row: list[str]) -> bool:
    """A row of years (a column header line with the unit in its first cell)."""
    rest = [c for c in row[1:] if c]
    return bool(rest) and all(_YEAR.fullmatch(c) for c in rest)


def _new_header(table: list[PdfLine], line: PdfLine) -> bool:
    """A row of years under rows of amounts: the header of the next table, set right below
    the last one (an indicator table, then "Bedragen (x €1.000)" with the same years)."""
    cells = [c.text for c in line.cells]
    years = cells if _YEAR.fullmatch(cells[0]) else cells[1:]
    return (
        bool(years)
        and all(_YEAR.fullmatch(c) for c in years)
        and any(_amount_row([c.text for c in ln.cells]) for ln in table)
    )


_TEXT_WORD = re.compile(r"[^\W\d_]{2,}")


def _prose_after_amounts(table: list[PdfLine], line: PdfLine) -> bool:
    """A line of running text in two or more cells (two columns of text side by side)
    right after a row of amounts: the text after the table, not a row of it."""
    if not _amount_row([c.text for c in table[-1].cells]):
        return False
    if any(_NUMBERISH.fullmatch(c.text) for c in line.cells):
        return False
    return sum(len(_TEXT_WORD.findall(c.text)) >= 3 for c in line.cells) >= 2


def _amount_row(row: list[str]) -> bool:
    return any(_NUMBERISH.fullmatch(c) and not _YEAR.fullmatch(c) for c in row[1:] if c)


def _columns(lines: list[PdfLine]) -> list[tuple[float, float]]:
    """Column intervals: the spans of the cells of lines with two or more cells, merged
    where they overlap (a cell wrapped over lines, centred or right-aligned text)."""
    spans = sorted((c.x, c.end) for ln in lines if len(ln.cells) >= 2 for c in ln.cells)
    cols: list[list[float]] = []
    for x, end in spans:
        if cols and x < cols[-1][1] - 0.5:
            cols[-1][1] = max(cols[-1][1], end)
        else:
            cols.append([x, end])
    return [(a, b) for a, b in cols]


_LABEL_MAX_LINES = 8  # a row label wraps over a few lines, not a page


def _label_above(run: list[PdfLine], d_prev: float, first_col: tuple[float, float]) -> bool:
    """``run`` (lines down to the next row's line) is a row label wrapped over lines above
    its figures: one-cell lines in the first column at the text's leading from each other
    and from the row's line, closer together than the first is to the row above."""
    steps = [run[j].y - run[j + 1].y for j in range(len(run) - 1)]
    return (
        all(
            len(ln.cells) == 1 and ln.cells[0].x < first_col[1] and ln.cells[0].end > first_col[0]
            for ln in run[:-1]
        )
        and all(0 < st <= _LABEL_LEADING_EM * run[0].size for st in steps)
        and max(steps) < d_prev
    )


def _anchor_groups(
    lines: list[PdfLine], first_col: tuple[float, float]
) -> tuple[list[list[PdfLine]], int]:
    """Lines grouped into table rows. An anchor is a line of two or more cells with one in
    the first column; after the first anchor every other line joins the row it is nearest
    to: the previous row's lowest line or the next anchor (cells wrapped below their row,
    or vertically centred around it). Returns the groups and how many lines come before the
    first anchor (header lines)."""

    def is_anchor(ln: PdfLine) -> bool:
        c = ln.cells[0]
        in_first = min(c.end, first_col[1]) - max(c.x, first_col[0]) > 0
        figures = any(
            _NUMBERISH.fullmatch(x.text) and not _YEAR.fullmatch(x.text) for x in ln.cells
        )  # a row of figures whose label wrapped onto lines of its own
        if len(ln.cells) == 1:  # a row with a figure in one column only
            return not in_first and _figure_line(ln, first_col[0])
        return in_first or figures

    def apart(i: int) -> bool:
        """A one-cell line in the first column standing apart from the lines above and
        below it (more than a line's leading): a row of its own, a label without figures
        (a wrapped label or cell stands at the leading of its row's lines)."""
        ln = lines[i]
        c = ln.cells[0]
        if len(ln.cells) != 1 or min(c.end, first_col[1]) - max(c.x, first_col[0]) <= 0:
            return False
        above = lines[i - 1].y - ln.y if i > 0 else 0.0
        below = ln.y - lines[i + 1].y if i + 1 < len(lines) else float("inf")
        return above > 1.6 * ln.size and below > 1.6 * ln.size

    anchors = [i for i, ln in enumerate(lines) if is_anchor(ln)]
    if anchors:
        anchors = sorted({*anchors, *(i for i in range(anchors[0] + 1, len(lines)) if apart(i))})
    if not anchors:
        return [[ln] for ln in lines], len(lines)
    first = anchors[0]
    # lines right above the first row, nearer to it than to the line before them, are
    # part of it (a label or cell starting above a vertically centred row)
    start = first
    while (
        start > 1
        and not _year_row(
            [c.text for c in lines[start - 1].cells] if len(lines[start - 1].cells) > 1 else [""]
        )
        and lines[start - 1].y - lines[first].y < lines[start - 2].y - lines[start - 1].y
    ):
        start -= 1
    groups: list[list[PdfLine]] = [[ln] for ln in lines[:start]]
    rows: list[list[PdfLine]] = []
    pending: list[PdfLine] = list(lines[start:first])
    k = 0
    for i in range(first, len(lines)):
        line = lines[i]
        if k < len(anchors) and anchors[k] == i:
            rows.append([*pending, line])
            pending = []
            k += 1
            continue
        nxt = lines[anchors[k]] if k < len(anchors) else None
        d_prev = rows[-1][-1].y - line.y
        if nxt is not None and (
            line.y - nxt.y < d_prev
            or (
                anchors[k] - i < _LABEL_MAX_LINES
                and _label_above(lines[i : anchors[k] + 1], d_prev, first_col)
            )
        ):
            pending.append(line)
        else:
            rows[-1].append(line)
    if pending:
        rows[-1].extend(pending)
    groups.extend(sorted(row, key=lambda ln: -ln.y) for row in rows)
    return groups, start


def _table_blocks(lines: list[PdfLine]) -> list[Block]:
    """One table block from lines of cells. Columns are the merged spans of the cells; the
    lines of a row whose cells wrap join the row's anchor line (``_anchor_groups``); lines
    before the first anchor, a row of years and rows before the first amount are header
    lines (merged per column by the parser)."""
    width = max(len(line.cells) for line in lines)
    if len(lines) == 1 and width < 2:
        return [Block("line", lines[0].text), BLANK]
    cols = _columns(lines)
    if len(cols) < 2:
        cols = [(c.x, c.end) for c in max(lines, key=lambda ln: len(ln.cells)).cells]
    width = len(cols)

    def column(cell: Fragment) -> int:
        overlap = [min(cell.end, b) - max(cell.x, a) for a, b in cols]
        best = max(range(width), key=lambda c: overlap[c])
        if overlap[best] > 0:
            return best
        mid = (cell.x + cell.end) / 2
        return min(range(width), key=lambda c: abs((cols[c][0] + cols[c][1]) / 2 - mid))

    groups, n_before = _anchor_groups(lines, cols[0])
    rows: list[list[str]] = []
    spans: list[dict[int, tuple[float, float, float]]] = []  # per row: x, end, size
    for group in groups:
        row = [""] * width
        where: dict[int, tuple[float, float, float]] = {}
        for line in group:
            for cell in line.cells:
                c = column(cell)
                row[c] = f"{row[c]} {cell.text}".strip()
                a, b, _ = where.get(c, (cell.x, cell.end, cell.size))
                where[c] = (min(a, cell.x), max(b, cell.end), cell.size)
        rows.append(row)
        spans.append(where)
    _split_label_figures(rows)
    header_rows = n_before if n_before < len(rows) else 0
    while header_rows < len(rows) - 1 and _year_row(rows[header_rows]):
        header_rows += 1
    if header_rows == 0 and rows and not any(_NUMBERISH.fullmatch(c) for c in rows[0][1:] if c):
        header_rows = 1 if len(rows) > 1 else 0
    # Rows before the first row with an amount (years are no amounts) are header lines:
    # "Begroting / 2023 / primair / na wijziging" stacked over four lines.
    first_amount = next((k for k, r in enumerate(rows) if _amount_row(r)), None)
    if first_amount is not None and header_rows < first_amount:
        header_rows = first_amount
    # Short rows without figures between a header line and the first row with figures
    # ("Naam | Eenheid | Bron | Cijfer (jaartal)" under "Cijfer | Vergelijkingscijfer").
    while (
        0 < header_rows < len(rows) - 1
        and not any(_DIGIT.search(c) for c in rows[header_rows][1:])
        and all(len(c) <= 40 for c in rows[header_rows])
        and any(_DIGIT.search(c) for c in rows[header_rows + 1][1:])
    ):
        header_rows += 1
    _spread_header_cells(rows, spans, cols, header_rows)
    return [Block("table", rows=tuple(tuple(r) for r in rows), header_rows=header_rows), BLANK]


_UNIT_CELL = re.compile(r"(?:x|×|in)\s*(?:€|euro)", re.IGNORECASE)


def _spread_header_cells(
    rows: list[list[str]],
    spans: list[dict[int, tuple[float, float, float]]],
    cols: list[tuple[float, float]],
    header_rows: int,
) -> None:
    """A header cell centred over several value columns names each of them ("Begroting
    2026" over "Baten | Lasten | Saldo", "meerjarenraming" over three years): on a header
    line above the last one, a cell that reaches an em or more beyond the figures of its
    own column gives its text to the empty neighbouring columns of its line that have a
    header below, for the widest run of them that it stands centred over (within an
    eighth of the run's width). A cell set over its own column ("Realisatie" over
    "Wassenaar (jaartal)") and the label column are left alone."""
    body: dict[int, tuple[float, float]] = {}
    for where in spans[header_rows:]:
        for c, (x, end, _) in where.items():
            a, b = body.get(c, (x, end))
            body[c] = (min(a, x), max(b, end))
    for r in range(header_rows - 1):
        row = rows[r]
        below = [any(rows[k][c] for k in range(r + 1, header_rows)) for c in range(len(row))]
        for c in [c for c in range(1, len(row)) if row[c] and c in spans[r] and c in body]:
            if _UNIT_CELL.search(row[c]):
                continue  # "bedragen x € 1.000" names the table's unit, not a column
            x, end, size = spans[r][c]
            if x > body[c][0] - size and end < body[c][1] + size:
                continue  # within its own column
            lo = c
            while lo - 1 >= 1 and not row[lo - 1] and below[lo - 1]:
                lo -= 1
            hi = c
            while hi + 1 < len(row) and not row[hi + 1] and below[hi + 1]:
                hi += 1
            centre = (x + end) / 2
            best: tuple[int, int] | None = None
            for a in range(lo, c + 1):
                for b in range(c, hi + 1):
                    left, right = cols[a][0], cols[b][1]
                    centred = abs(centre - (left + right) / 2) <= (right - left) / 8
                    if b > a and centred and (best is None or b - a > best[1] - best[0]):
                        best = (a, b)
            if best is not None:
                for k in range(best[0], best[1] + 1):
                    row[k] = row[k] or row[c]


_TRAILING_FIGURE = re.compile(r"(.*\S)\s+([-−–(]?\s*€?\s*\d[\d.,]*\)?)")


def _split_label_figures(rows: list[list[str]]) -> None:
    """A row label that ends with the row's first figure while that column stays empty
    ("Baten 2.483" | "" | "102" ...): some PDF writers set a label and the figure after it
    in one text run, which reaches us as one fragment at the label's place. The figure
    moves to the first value column when the other rows have figures there."""
    if not rows or len(rows[0]) < 3:
        return
    filled = sum(1 for r in rows if _NUMBERISH.fullmatch(r[1]) and not _YEAR.fullmatch(r[1]))
    if filled < 2:
        return
    for row in rows:
        if row[1] or not any(_NUMBERISH.fullmatch(c) for c in row[2:] if c):
            continue
        m = _TRAILING_FIGURE.fullmatch(row[0])
        if m is not None and not _YEAR.fullmatch(m.group(2)):
            row[0], row[1] = m.group(1), m.group(2)


# the number of a list item set apart by a tab stop: "1.1", "2.", "a)", "(b)"
_ITEM_NUMBER = re.compile(
    r"\d{1,2}(?:\.\d{1,2}){0,3}\.|\d{1,2}(?:\.\d{1,2}){1,3}|\(?[a-z]\)|[a-z]\."
)
_WORD = re.compile(r"[^\W\d_]{3}")


_ITEM_START = re.compile(rf"(?:{_ITEM_NUMBER.pattern})\s+\S")


def _item_mark(line: PdfLine) -> bool:
    """A line that starts a numbered item: "1.1" | "text" (two cells, the number at a tab
    stop) or "2.2  text" in one cell."""
    if len(line.cells) == 1:
        return _ITEM_START.match(line.cells[0].text) is not None
    if len(line.cells) != 2:
        return False
    mark, text = line.cells
    if _ITEM_NUMBER.fullmatch(mark.text) is None or _WORD.search(text.text) is None:
        return False
    digits = sum(ch.isdigit() for ch in text.text)
    return not _NUMBERISH.fullmatch(text.text) and digits * 3 <= len(text.text)


def _list_runs(flat: list[tuple[int, int, PdfLine]]) -> set[int]:
    """Indices of two-cell lines that are items of a numbered list: next to another item
    line on the same page, with at most two wrapped lines of the item's text between them
    (lines that start right of the number); bold lines are headings, not items. An agenda
    item "7.2" | "Nota reserves ..." over its decision text (a decision list) keeps its
    cells."""
    marks = [_item_mark(line) and not line.bold for _, _, line in flat]
    out: set[int] = set()
    for k, (p, _, line) in enumerate(flat):
        if not marks[k] or len(line.cells) != 2:
            continue
        text_x = line.cells[1].x
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(flat) and flat[j][0] == p and not marks[j] and abs(j - k) <= 2:
                if flat[j][2].x < text_x - 2:  # running text at the margin ends the list
                    break
                j += step
            if 0 <= j < len(flat) and flat[j][0] == p and marks[j]:
                out.add(k)
                break
    return out


def _list_line(line: PdfLine) -> PdfLine | None:
    """A numbered list item whose number stands at a tab stop ("1.1" | "Uitgevoerd
    uitvoeringsplan ..."): one line of text, not a table row of two cells. Used outside a
    table (a row of a running table keeps its cells) and within a run of items
    (``_list_runs``)."""
    if len(line.cells) != 2 or not _item_mark(line):
        return None
    mark, text = line.cells
    merged = Fragment(
        mark.x, mark.y, mark.size, f"{mark.text} {text.text}", None, mark.bold and text.bold
    )
    if text.width is not None:
        merged.width = text.x + text.width - mark.x
    return PdfLine(line.y, line.size, [merged])
