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

import itertools
import logging
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field

from pipeline.config import IngestSettings
from pipeline.ingest.layout import (
    BLANK,
    Block,
    hyphenates,
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
    width: float | None = None  # from the font's glyph widths, when known
    bold: bool = False

    @property
    def end(self) -> float:
        if self.width is not None:
            return self.x + self.width
        return self.x + len(self.text) * self.size * GLYPH_WIDTH_EM


class _FontWidths:
    """Glyph widths (in em) of the fonts of one document, read once per font dictionary.

    Simple fonts give a width per character code (``/Widths`` from ``/FirstChar``, codes as
    in cp1252 for the usual WinAnsi encoding); composite (Type0) fonts give widths per glyph
    id, whose mapping to text is not at hand, so their median width stands for every glyph.
    A character the font does not list counts as ``GLYPH_WIDTH_EM``.
    """

    def __init__(self) -> None:
        self._cache: dict[int, tuple[object, dict[str, float], float]] = {}

    def bold(self, font: object) -> bool:
        """True for a font whose name says bold (``Verdana-Bold``, ``Arial,Bold``)."""
        try:
            name = str(font.get_object().get("/BaseFont", ""))  # type: ignore[attr-defined]
        except AttributeError:
            return False
        return "bold" in name.lower() or "black" in name.lower()

    def width(self, text: str, font: object) -> float | None:
        """Width of ``text`` in em, or None when the font gives no widths."""
        if font is None:
            return None
        entry = self._cache.get(id(font))
        if entry is None or entry[0] is not font:
            entry = (font, *self._read(font))
            self._cache[id(font)] = entry
        _, table, default = entry
        if not table and default <= 0:
            return None
        return sum(table.get(ch, default) for ch in text)

    @staticmethod
    def _read(font: object) -> tuple[dict[str, float], float]:
        try:
            font = font.get_object()  # type: ignore[attr-defined]
            widths = font.get("/Widths")  # type: ignore[attr-defined]
            if widths is not None:
                first = int(font.get("/FirstChar", 0))  # type: ignore[attr-defined]
                table: dict[str, float] = {}
                values = [float(w) / 1000 for w in widths.get_object()]
                for k, w in enumerate(values):
                    try:
                        ch = bytes([first + k]).decode("cp1252")
                    except (UnicodeDecodeError, ValueError):
                        continue
                    if w > 0:
                        table[ch] = w
                positive = sorted(w for w in values if w > 0)
                return table, positive[len(positive) // 2] if positive else GLYPH_WIDTH_EM
            descendants = font.get("/DescendantFonts")  # type: ignore[attr-defined]
            if descendants is not None:
                cid = descendants.get_object()[0].get_object()
                by_cid = _cid_widths(cid.get("/W", []) or [])
                default = float(cid.get("/DW", 1000)) / 1000
                table = {}
                to_unicode = font.get("/ToUnicode")  # type: ignore[attr-defined]
                if to_unicode is not None:
                    cmap = to_unicode.get_object().get_data().decode("latin-1")
                    for code, ch in _unicode_map(cmap).items():
                        table[ch] = by_cid.get(code, default)
                ws = sorted(by_cid.values())
                return table, ws[len(ws) // 2] if ws else default
        except (AttributeError, KeyError, TypeError, ValueError, IndexError):
            pass
        return {}, 0.0


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


_BFCHAR = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>")
_BFRANGE = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>")


def _cid_widths(w: object) -> dict[int, float]:
    """Widths (em) per glyph id from a CID font's ``/W`` array (both of its forms)."""
    items = [i.get_object() if hasattr(i, "get_object") else i for i in w]  # type: ignore[attr-defined]
    out: dict[int, float] = {}
    k = 0
    while k < len(items) - 1:
        first, nxt = int(items[k]), items[k + 1]
        if isinstance(nxt, list):
            for j, width in enumerate(nxt):
                out[first + j] = float(width) / 1000
            k += 2
        elif k + 2 < len(items):
            for code in range(first, int(nxt) + 1):
                out[code] = float(items[k + 2]) / 1000
            k += 3
        else:
            break
    return out


def _unicode_map(cmap: str) -> dict[int, str]:
    """Glyph id -> character from a ToUnicode CMap (single-character targets only)."""
    out: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in _BFCHAR.findall(block):
            out[int(src, 16)] = chr(int(dst, 16))
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in _BFRANGE.findall(block):
            start = int(dst, 16)
            for j, code in enumerate(range(int(lo, 16), min(int(hi, 16), int(lo, 16) + 512) + 1)):
                out[code] = chr(start + j)
    return out


def _page_fragments(page: object, fonts: _FontWidths | None = None) -> list[Fragment]:
    fragments: list[Fragment] = []
    fonts = fonts or _FontWidths()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if not text or not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (abs(tm[0] * cm[0]) + abs(tm[3] * cm[3])) / 2 or 1.0
        eff = abs(size * scale) or 10.0
        for k, part in enumerate(text.split("\n")):
            if part.strip():
                em = fonts.width(part, font) if k == 0 else None
                width = em * eff if em is not None else None
                fragments.append(Fragment(x, y - k * eff * 1.2, eff, part, width, fonts.bold(font)))

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
                    sep = "" if prev.text.endswith(" ") else " "
                    joined = not label or frag.text[:1].isdigit()  # "1." + "2.01": one number
                    if gap < 0.1 * frag.size and joined and not frag.text[:1].isspace():
                        sep = ""
                    end = max(prev.end, frag.end)
                    prev.text = prev.text + sep + frag.text.lstrip()
                    prev.bold = prev.bold and frag.bold
                    if prev.width is not None and frag.width is not None:
                        prev.width = end - prev.x
                    else:
                        prev.width = None
                    continue
            merged.append(
                Fragment(frag.x, frag.y, frag.size, frag.text.lstrip(), frag.width, frag.bold)
            )
        for cell in merged:
            cell.text = cell.text.strip()
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
            fonts = _FontWidths()
            pages = bounded_pages(
                reader.pages,  # type: ignore[attr-defined]
                lambda page: _lines(_page_fragments(page, fonts)),
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
    keep_hyphens = not hyphenates([line.text for _, _, line in flat], words)
    leading = _leading(pages)

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
        nxt = flat[k + 1][2] if k + 1 < len(flat) and flat[k + 1][0] == p else None
        if table and _continues_table(table, line, nxt):
            table.append(line)
            continue
        flush_table()
        text = line.text
        marker = _LIST_MARK.match(text.split(" ", 1)[0]) is not None and " " in text
        if (
            para
            and para_line is not None
            and not marker
            and _continues(para, para_line, para_page, line, p, item_x, leading)
        ):
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
    return blocks


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


def _continues_table(table: list[PdfLine], line: PdfLine, nxt: PdfLine | None = None) -> bool:
    """A one-cell line right below a table row, inside the table's columns: a wrapped cell
    (in an inner column it may stand a little further off: a cell centred over lines); a
    row label wrapped over lines, standing just above the row's figures (``nxt``); or,
    while the table has header lines only, a caption wrapped between them ("Programma: P0
    Bestuur en" / "Rekening Begroting ..." / "ondersteuning" / "bedragen x € 1.000 2019
    ...")."""
    last = table[-1]
    gap = last.y - line.y
    left = min(ln.x for ln in table)
    inner = line.x > left + 3 * line.size
    if (
        nxt is not None
        and len(nxt.cells) >= 2
        and not any(_amount_row([c.text for c in ln.cells]) for ln in table)
        and 0 < gap <= 1.6 * line.size
        and 0 < line.y - nxt.y <= 2.6 * line.size
        and not line.text.endswith(_SENTENCE_END)
    ):
        return True  # a caption in the label column wrapped between stacked header lines
    if (
        nxt is not None
        and len(nxt.cells) >= 2
        and 0 < gap <= 2.6 * line.size
        and 0 < line.y - nxt.y <= 1.2 * line.size
        and abs(line.size - last.size) <= 0.5
    ):
        return True
    return (
        0 < gap <= (2.6 if inner else 1.6) * line.size
        and line.x > left - 1
        and (abs(line.size - last.size) <= 0.5)
        and not line.text.endswith(_SENTENCE_END)
    )


_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")


def _year_row(row: list[str]) -> bool:
    """A row of years (a column header line with the unit in its first cell)."""
    rest = [c for c in row[1:] if c]
    return bool(rest) and all(_YEAR.fullmatch(c) for c in rest)


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
        return len(ln.cells) >= 2 and (in_first or figures)

    anchors = [i for i, ln in enumerate(lines) if is_anchor(ln)]
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
        if nxt is not None and line.y - nxt.y < d_prev:
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
    for group in groups:
        row = [""] * width
        for line in group:
            for cell in line.cells:
                c = column(cell)
                row[c] = f"{row[c]} {cell.text}".strip()
        rows.append(row)
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
    return [Block("table", rows=tuple(tuple(r) for r in rows), header_rows=header_rows), BLANK]
