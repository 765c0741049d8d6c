"""Read a PDF's text layer with positions (pypdf's text visitor) into positioned lines.

Per page, text fragments are placed by pypdf's text matrices; where a fragment ends comes
from its font's glyph widths (simple fonts by ``/Widths``, composite fonts through their
ToUnicode map), so a word space can be told from a cell gap. Fragments are grouped into
lines by their baseline and into cells by the horizontal gaps between them; a run that pypdf
joined over such a gap (table cells shown by separate operators on one baseline) is cut
where the operators' own extents leave it (``_ShowTracker``). What the lines
mean (furniture, paragraphs, tables, headings) is ``pdf_layout``'s work; a file that holds
several documents (``bundles.py``) is read document by document, with ``PART_BREAK`` between
their blocks. Time and memory are linear in the number of text fragments.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from pipeline.config import IngestSettings
from pipeline.ingest.bundles import split_pages
from pipeline.ingest.layout import PART_BREAK, Block
from pipeline.ingest.limits import bounded_pages
from pipeline.ingest.pdf_layout import (
    GLYPH_WIDTH_EM,
    LIST_MARK,
    Fragment,
    PdfLine,
    blocks_from_lines,
)

# Fragments further apart than this (in em of their size) are cells of their own.
CELL_GAP_EM = 1.5

# What pypdf gives for glyphs it cannot map to characters: glyph names such as "/12/3/4"
# (fonts with numbered glyphs and no ToUnicode map), U+FFFD, and the "missing glyph" box.
UNMAPPED_GLYPHS = re.compile(r"(?<![\w/])(?:/\d+)+|[\ufffd\u25a1]")


def unreadable_share(text: str) -> float:
    """Share of a text layer's visible characters that are unmapped glyphs (0.0-1.0).

    A PDF whose fonts carry no Unicode mapping yields glyph codes instead of letters; such
    a text layer reads as garbage and needs OCR, like a scan.
    """
    visible = sum(1 for ch in text if not ch.isspace())
    if not visible:
        return 0.0
    return sum(len(m.group()) for m in UNMAPPED_GLYPHS.finditer(text)) / visible


class PdfError(ValueError):
    """The PDF cannot be read (the reader turns this into an ``InputError``)."""


# A font's widths (em) by character code, the width of an unlisted code, and whether codes
# are two bytes (a Type0 font with Identity encoding)
CodeWidths = tuple[dict[int, float], float, bool]


@dataclass
class _FontTables:
    """What one font dictionary gives: widths by character, the width of an unlisted
    character, and widths by character code (None when not known)."""

    font: object
    chars: dict[str, float]
    default: float
    codes: CodeWidths | None


class _FontWidths:
    """Glyph widths (in em) of the fonts of one document, read once per font dictionary.

    Simple fonts give a width per character code (``/Widths`` from ``/FirstChar``, codes as
    in cp1252 for the usual WinAnsi encoding); composite (Type0) fonts give widths per glyph
    id, whose mapping to text is not at hand, so their median width stands for every glyph.
    A character the font does not list counts as ``GLYPH_WIDTH_EM``.
    """

    def __init__(self) -> None:
        self._cache: dict[int, _FontTables] = {}

    def bold(self, font: object) -> bool:
        """True for a font whose name says bold (``Verdana-Bold``, ``Arial,Bold``)."""
        try:
            name = str(font.get_object().get("/BaseFont", ""))  # type: ignore[attr-defined]
        except AttributeError:
            return False
        return "bold" in name.lower() or "black" in name.lower()

    def family(self, font: object) -> str:
        """The font's family without subset tag and style ("ABCDEF+Verdana-Bold",
        "TimesNewRomanPS-BoldMT", "Arial,Bold" give "Verdana", "TimesNewRoman", "Arial")."""
        try:
            name = str(font.get_object().get("/BaseFont", ""))  # type: ignore[attr-defined]
        except AttributeError:
            return ""
        name = name.lstrip("/").split("+", 1)[-1]
        name = re.split(r"[-,]", name, maxsplit=1)[0]
        return re.sub(r"(?:PS)?MT$", "", name)

    def _tables(self, font: object) -> _FontTables:
        entry = self._cache.get(id(font))
        if entry is None or entry.font is not font:
            entry = _FontTables(font, *self._read(font))
            self._cache[id(font)] = entry
        return entry

    def width(self, text: str, font: object) -> float | None:
        """Width of ``text`` in em, or None when the font gives no widths."""
        if font is None:
            return None
        entry = self._tables(font)
        table, default = entry.chars, entry.default
        if not table and default <= 0:
            return None
        return sum(table.get(ch, default) for ch in text)

    def code_widths(self, font: object) -> CodeWidths | None:
        """Widths (em) by character code, the width of an unlisted code, and whether codes
        are two bytes; None when not known."""
        return None if font is None else self._tables(font).codes

    @staticmethod
    def _read(font: object) -> tuple[dict[str, float], float, CodeWidths | None]:
        codes: CodeWidths | None = None
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
                default = positive[len(positive) // 2] if positive else GLYPH_WIDTH_EM
                return table, default, _simple_codes(font, first, values)
            descendants = font.get("/DescendantFonts")  # type: ignore[attr-defined]
            if descendants is not None:
                encoding = str(font.get("/Encoding", ""))  # type: ignore[attr-defined]
                cid = descendants.get_object()[0].get_object()
                by_cid = _cid_widths(cid.get("/W", []) or [])
                default = float(cid.get("/DW", 1000)) / 1000
                if encoding in ("/Identity-H", "/Identity-V"):
                    codes = (by_cid, default, True)
                table = {}
                to_unicode = font.get("/ToUnicode")  # type: ignore[attr-defined]
                if to_unicode is not None:
                    cmap = to_unicode.get_object().get_data().decode("latin-1")
                    for code, ch in _unicode_map(cmap).items():
                        table[ch] = by_cid.get(code, default)
                ws = sorted(by_cid.values())
                return table, ws[len(ws) // 2] if ws else default, codes
        except (AttributeError, KeyError, TypeError, ValueError, IndexError):
            pass
        return {}, 0.0, codes


def _simple_codes(font: object, first: int, values: list[float]) -> CodeWidths | None:
    """A simple font's widths by code; an unlisted code counts as its ``/MissingWidth``."""
    try:
        descriptor = font.get("/FontDescriptor")  # type: ignore[attr-defined]
        missing = descriptor.get_object().get("/MissingWidth") if descriptor else None
        default = float(missing) / 1000 if missing else GLYPH_WIDTH_EM
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        return None
    return {first + k: w for k, w in enumerate(values)}, default, False


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


# operators that set where the next text goes (a show operator without one goes on
# where the last one ended)
_MOVES = frozenset((b"BT", b"ET", b"Td", b"TD", b"Tm", b"T*", b"'", b'"'))


@dataclass
class _Shown:
    """Where one text-show operator (Tj, TJ) sets its glyphs on the page: its baseline
    ``y`` and ``x0``..``x1`` (``x1`` None when its font's widths are not known)."""

    x0: float
    y: float
    x1: float | None


class _ShowTracker:
    """The extent of every text-show operator, from pypdf's operand visitor: the text
    matrices pypdf passes, the text state (font, size, character and word spacing,
    horizontal scaling; saved and restored with the graphics state) and the widths of the
    character codes shown. pypdf's text visitor joins the operators of one baseline into
    one run ("Kosten 18.679 20.470" for the cells of a table row, each set by its own
    operator at its column); their extents tell where the run must be cut into cells."""

    def __init__(self, page: object, fonts: _FontWidths) -> None:
        self._fonts = fonts
        try:
            resources = page.get("/Resources")  # type: ignore[attr-defined]
            fonts_dict = resources.get_object().get("/Font") if resources is not None else None
            self._by_name = dict(fonts_dict.get_object()) if fonts_dict is not None else {}
        except (AttributeError, TypeError, ValueError):
            self._by_name = {}
        self._state: list[object] = [None, 0.0, 0.0, 0.0, 1.0]  # font, size, Tc, Tw, Tz
        self._saved: list[list[object]] = []
        self.pending: list[_Shown] = []
        self._last: _Shown | None = None  # the last operator, while no move came after it

    def before(self, op: bytes, args: list[object], cm: list[float], tm: list[float]) -> None:
        state = self._state
        if op == b"q":
            self._saved.append(list(state))
        elif op == b"Q":
            if self._saved:
                self._state = self._saved.pop()
        elif op == b"Tf" and len(args) >= 2:
            font = self._by_name.get(args[0])
            state[0] = font.get_object() if font is not None else None
            state[1] = _number(args[1])
        elif op == b"Tc" and args:
            state[2] = _number(args[0])
        elif op == b"Tw" and args:
            state[3] = _number(args[0])
        elif op == b"Tz" and args:
            state[4] = _number(args[0]) / 100
        elif op in (b"Tj", b"TJ") and args:
            items = args[0] if op == b"TJ" else [args[0]]
            last = self._last
            if last is not None:  # pypdf does not advance the text matrix over shown text
                x0, y = (last.x1, last.y) if last.x1 is not None else (None, last.y)
            else:
                x0 = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            advance = self._advance(items)  # type: ignore[arg-type]
            scale = tm[0] * cm[0] + tm[1] * cm[2]
            x1 = None if advance is None or x0 is None else x0 + advance * scale
            shown = _Shown(x0 if x0 is not None else float("nan"), y, x1)
            self.pending.append(shown)
            self._last = shown
            return
        if op in _MOVES:
            self._last = None

    def _advance(self, items: list[object]) -> float | None:
        """The operator's advance in text space (PDF 1.7, 9.4.4), None for an unknown font."""
        font, size, tc, tw, tz = self._state
        table = self._fonts.code_widths(font)
        if table is None:
            return None
        widths, default, two_byte = table
        total = 0.0
        for item in items:
            if isinstance(item, (int, float)):
                total -= float(item) / 1000 * size  # type: ignore[operator]
                continue
            raw = _raw_bytes(item)
            if raw is None:
                return None
            if two_byte:
                codes = [raw[k] << 8 | raw[k + 1] for k in range(0, len(raw) - 1, 2)]
            else:
                codes = list(raw)
            for code in codes:
                total += widths.get(code, default) * size + tc  # type: ignore[operator]
                if code == 32 and not two_byte:
                    total += tw  # type: ignore[operator]
        return total * tz  # type: ignore[operator]


def _number(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0


def _raw_bytes(item: object) -> bytes | None:
    original = getattr(item, "original_bytes", None)
    if isinstance(original, bytes):
        return original
    if isinstance(item, bytes):
        return item
    if isinstance(item, str):
        try:
            return item.encode("latin-1")
        except UnicodeEncodeError:
            return None
    return None


def _page_fragments(
    page: object, fonts: _FontWidths | None = None, used: Counter[str] | None = None
) -> list[Fragment]:
    """The page's text fragments; ``used`` counts the characters set in each font family.
    A run that pypdf joined over a cell gap is cut into cells (``_cut_at_gaps``)."""
    fragments: list[Fragment] = []
    fonts = fonts or _FontWidths()
    tracker = _ShowTracker(page, fonts)

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        shown, tracker.pending = tracker.pending, []
        if not text or not text.strip():
            return
        if used is not None and font is not None:
            used[fonts.family(font)] += len(text.strip())
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (abs(tm[0] * cm[0]) + abs(tm[3] * cm[3])) / 2 or 1.0
        eff = abs(size * scale) or 10.0
        parts = text.split("\n")
        for k, part in enumerate(parts):
            if part.strip():
                em = fonts.width(part, font) if k == 0 else None
                width = em * eff if em is not None else None
                frag = Fragment(x, y - k * eff * 1.2, eff, part, width, fonts.bold(font))
                if k == 0 and em is not None and not any(p.strip() for p in parts[1:]):
                    fragments.extend(_cut_at_gaps(frag, shown, lambda t: fonts.width(t, font)))
                else:
                    fragments.append(frag)

    page.extract_text(visitor_text=visit, visitor_operand_before=tracker.before)  # type: ignore[attr-defined]
    return fragments


def _cut_at_gaps(
    frag: Fragment, shown: list[_Shown], em_width: Callable[[str], float | None]
) -> list[Fragment]:
    """``frag`` cut where the operators that set it leave a cell gap (``CELL_GAP_EM``)
    between them, move to another baseline (a column header set over two lines, "2022" over
    "realisatie", which pypdf joins with the header's first cell) or go back to the left;
    each cut falls on the space whose place by glyph widths comes nearest the operator's
    end. ``frag`` whole when the operators' extents are unknown or do not fit its text."""
    if len(shown) < 2 or any(s.x1 is None for s in shown):
        return [frag]
    size = frag.size
    lone_space = (
        frag.text[:1].isspace()
        and shown[0].x1 - shown[0].x0 <= 0.6 * size  # type: ignore[operator]
        and shown[1].x0 - shown[0].x1 >= CELL_GAP_EM * size  # type: ignore[operator]
    )
    if lone_space:
        # a space shown at the label column before figures in the value columns
        frag = Fragment(shown[1].x0, shown[1].y, size, frag.text.lstrip(), None, frag.bold)
        shown = shown[1:]
        if len(shown) < 2:
            return [frag]
    cells: list[list[_Shown]] = [[shown[0]]]
    for a, b in pairwise(shown):
        gap = b.x0 - a.x1  # type: ignore[operator]
        if gap >= CELL_GAP_EM * size or (gap < -size and abs(b.y - a.y) >= 0.6 * size):
            cells.append([b])
        else:
            cells[-1].append(b)
    if len(cells) == 1:
        return [frag]
    text = frag.text
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    out: list[Fragment] = []

    def piece(cell: list[_Shown], part: str) -> Fragment:
        return Fragment(cell[0].x0, cell[0].y, size, part, (em_width(part) or 0) * size, frag.bold)

    start = 0
    for k, cell in enumerate(cells[:-1]):
        left = len(cells) - 1 - k  # cuts still to make, this one included
        best: tuple[float, int] | None = None
        for n, i in enumerate(spaces):
            if i < start or len(spaces) - n < left:  # i == start: a cell that shows a space
                continue
            em = em_width(text[start:i].rstrip())
            if em is None:
                return [frag]
            miss = abs(cell[0].x0 + em * size - cell[-1].x1)  # type: ignore[operator]
            if best is None or miss < best[0]:
                best = (miss, i)
        if best is None or best[0] > max(2 * size, 0.25 * (cell[-1].x1 - cell[0].x0)):  # type: ignore[operator]
            return [frag]
        if text[start : best[1]].strip():
            out.append(piece(cell, text[start : best[1]].strip()))
        start = best[1] + 1
    rest = text[start:].strip()
    if not rest:
        return [frag]
    out.append(piece(cells[-1], rest))
    return out


def _lines(fragments: list[Fragment]) -> list[PdfLine]:
    """Fragments grouped into lines (top to bottom) and cells (left to right); on a page set
    in two columns, the lines of each column one after the other (``_column_order``)."""
    groups: list[list[Fragment]] = []
    for frag in sorted(fragments, key=lambda f: -f.y):
        if groups and abs(groups[-1][0].y - frag.y) <= 0.4 * max(frag.size, groups[-1][0].size):
            groups[-1].append(frag)
        else:
            groups.append([frag])
    for k, group in enumerate(groups):
        group.sort(key=lambda f: f.x)
        groups[k] = _attach_line_end_hyphens(_attach_superscripts(group))
    gutter = _gutter(groups)
    if gutter is not None:
        groups = _column_order(groups, gutter)
    return [_merge_cells(group) for group in groups]


_LONE_HYPHEN = ("-", "‐", "‑")
# how far a line-end hyphen may stand from the text before it (in em): the space that
# justified text spreads over a line's word gaps, which the glyph widths do not show
_HYPHEN_GAP_EM = 4.0


_SUPERSCRIPT = re.compile(r"\d{1,3}\)?|[*†‡]")


def _joined(prev: Fragment, frag: Fragment, text: str) -> Fragment:
    """``prev`` extended to the end of ``frag``, reading ``text``."""
    joined = Fragment(prev.x, prev.y, prev.size, text, None, prev.bold)
    if prev.width is not None:
        joined.width = frag.end - prev.x
    return joined


def _attach_superscripts(group: list[Fragment]) -> list[Fragment]:
    """A footnote mark set small and raised after a word ("Regiobeeld" ... "7") joins
    that word, as it does when set close to it ("Gezondheid6"): in justified text the
    word's glyph widths end short of where the mark stands, and a gap measured in the
    mark's small size would make it a cell of its own and break the line."""
    out: list[Fragment] = []
    for frag in group:
        prev = out[-1] if out else None
        if (
            prev is not None
            and frag.size <= 0.75 * prev.size
            and frag.y - prev.y >= 0.2 * prev.size
            and _SUPERSCRIPT.fullmatch(frag.text.strip())
            and prev.text.rstrip()[-1:].isalnum()
            and 0 <= frag.x - prev.end <= _HYPHEN_GAP_EM * prev.size
        ):
            out[-1] = _joined(prev, frag, prev.text.rstrip() + frag.text.strip())
            continue
        out.append(frag)
    return out


def _attach_line_end_hyphens(group: list[Fragment]) -> list[Fragment]:
    """A line-end hyphen that a PDF writer set as a run of its own at the column's right
    edge ("klimaatver" ... "-", justified text) joins the running text before it as
    " -" (``close_spaced_hyphens`` closes it when the document writes its hyphens so):
    a lone hyphen up to a few em after running text that ends in a letter, with nothing
    after it on the line but the other column's text, standing too far off to join the
    text as a cell would (nearer hyphens join in ``_merge_cells``). A "-" among figures
    (a nil amount in a table) stays a cell."""
    out: list[Fragment] = []
    for k, frag in enumerate(group):
        prev = out[-1] if out else None
        nxt = group[k + 1] if k + 1 < len(group) else None
        if (
            prev is not None
            and frag.text.strip() in _LONE_HYPHEN
            and prev.text.rstrip()[-1:].isalpha()
            and _prose(out)
            and CELL_GAP_EM * frag.size <= frag.x - prev.end <= _HYPHEN_GAP_EM * frag.size
            and (nxt is None or not _FIGURE.fullmatch(nxt.text.strip()))
            and (nxt is None or nxt.text.strip() not in _LONE_HYPHEN)
            and (nxt is None or nxt.x - frag.end >= frag.size)
        ):
            out[-1] = _joined(prev, frag, f"{prev.text.rstrip()} -")
            continue
        out.append(frag)
    return out


def _merge_cells(group: list[Fragment]) -> PdfLine:
    """One line of fragments (left to right) with fragments closer than ``CELL_GAP_EM``
    merged into cells."""
    merged: list[Fragment] = []
    for frag in group:
        if merged:
            prev = merged[-1]
            gap = frag.x - prev.end
            label = LIST_MARK.fullmatch(prev.text.strip()) is not None and len(merged) == 1
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
    return PdfLine(group[0].y, max(c.size for c in merged), merged)


_PROSE_WORD = re.compile(r"[^\W\d_]{2,}")
_FIGURE = re.compile(r"[-−–(]?\s*€?\s*[\d.,]+\s*\)?%?")


def _prose(frags: list[Fragment]) -> bool:
    """Running text: at least three words of letters."""
    return len(_PROSE_WORD.findall(" ".join(f.text for f in frags))) >= 3


def _gutter(groups: list[list[Fragment]]) -> float | None:
    """Where the right column of a page set in two columns starts, or None: the left edge
    shared by the right-hand parts of most of at least three lines that hold running text on both
    sides of a gap of an em or more (two columns whose lines share their baselines, as
    desktop publishing sets them). A table with a column of text is told apart by its
    other columns (figures, more cells) in ``_column_order``."""
    starts: Counter[int] = Counter()
    size = 0.0
    for group in groups:
        gaps = [(group[j].x - group[j - 1].end, j) for j in range(1, len(group))]
        if not gaps:
            continue
        gap, j = max(gaps)  # the widest gap of the line (not a hyphen set apart)
        if gap >= 0.9 * group[j].size and _prose(group[:j]) and _prose(group[j:]):
            starts[round(group[j].x / 2)] += 1
            size = max(size, group[j].size)
    if sum(starts.values()) < 3:
        return None
    # the most common edge, or an edge up to two em left of it: the column's own edge
    # when most of its lines are indented bullet text
    top = starts.most_common(1)[0][0] * 2.0
    return min(k * 2.0 for k in starts if top - 2 * size <= k * 2.0 <= top)


def _cells_of(frags: list[Fragment]) -> list[Fragment]:
    """The cells that ``frags`` (one side of a line) merge into (copies: no side effects)."""
    if not frags:
        return []
    return _merge_cells([Fragment(f.x, f.y, f.size, f.text, f.width) for f in frags]).cells


def _column_order(groups: list[list[Fragment]], gutter: float) -> list[list[Fragment]]:
    """Lines in reading order around a column ``gutter`` (x of the right column's edge).

    A line is full width when a fragment runs across the gutter, when its right-hand part
    is a row of cells or figures (a table, a page header with its number), or when its
    left-hand part has cells of its own (a table with a column of text); other lines
    split into a left and a right part. A run of split lines between full-width ones, with
    at least two lines that have text on both sides, most of them starting at the page's
    left margin (not the inner cells of a table), is read column by column: the left
    parts top to bottom, then the right parts; a run without them stays as it is.
    """
    tol = 2.0
    out: list[list[Fragment]] = []
    run: list[tuple[list[Fragment], list[Fragment]]] = []

    margin = min((f.x for group in groups for f in group), default=0.0)

    def flush() -> None:
        both = [left for left, right in run if left and right and _prose(right)]
        at_margin = sum(1 for left in both if left[0].x < margin + 2 * left[0].size)
        if len(both) >= 2 and at_margin * 2 >= len(both):
            out.extend(left for left, _ in run if left)
            out.extend(right for _, right in run if right)
        else:
            out.extend([*left, *right] for left, right in run)
        run.clear()

    for group in groups:
        left = [f for f in group if f.x < gutter - tol]
        right = [f for f in group if f.x >= gutter - tol]
        crossing = any(f.end > gutter - 0.3 * f.size for f in left)
        cells = _cells_of(right)
        figures = bool(cells) and all(_FIGURE.fullmatch(c.text) for c in cells)
        if crossing or len(cells) >= 2 or figures or len(_cells_of(left)) >= 2:
            flush()
            out.append(group)
        else:
            run.append((left, right))
    flush()
    return out


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

            def read(page: object) -> tuple[list[PdfLine], Counter[str]]:
                used: Counter[str] = Counter()
                return _lines(_page_fragments(page, fonts, used)), used

            read_pages = bounded_pages(
                reader.pages,  # type: ignore[attr-defined]
                read,
                limits or IngestSettings(),
                lambda page: sum(len(line.text) for line in page[0]),
            )
    finally:
        pdf_log.setLevel(level)
    pages = [lines for lines, _ in read_pages]
    parts = split_pages(pages, [used for _, used in read_pages])
    if len(parts) == 1:
        return blocks_from_lines(pages, min_repeats)
    # a bundle: every contained document read as the file it once was
    blocks: list[Block] = []
    for k, part in enumerate(parts):
        if k:
            blocks.append(PART_BREAK)
        blocks.extend(blocks_from_lines(part, min_repeats))
    return blocks
