"""Read a Word (.docx) body into layout blocks with python-docx.

Heading levels come from paragraph styles (``Heading 1``/``Kop 1``, ``Title``) or outline
levels; list labels come from the list numbering (``numbering.xml``: the number format and
level text of each list level, start values and restarts), so "A." and "b)" that Word draws
outside the text are not lost; list levels are kept. Tables are read as tables (merged cells
once). Page headers and footers are not part of the body and are not read. Linear in the
size of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pipeline.ingest.layout import BLANK, Block

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"(?:heading|kop)\s*(\d)", re.IGNORECASE)
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word's lettered numbering)."""
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A list counter in a Word number format (``numFmt``)."""
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """List definitions of numbering.xml and the running counters of each list."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document: Any) -> Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.findall(f"{W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in node.findall(f"{W}lvl"):
                level = _Level()
                fmt, text, start = (lvl.find(f"{W}{k}") for k in ("numFmt", "lvlText", "start"))
                if fmt is not None:
                    level.fmt = fmt.get(f"{W}val", "decimal")
                if text is not None:
                    level.text = text.get(f"{W}val", "")
                if start is not None:
                    level.start = int(start.get(f"{W}val", "1") or 1)
                levels[int(lvl.get(f"{W}ilvl", "0"))] = level
            abstract[node.get(f"{W}abstractNumId", "")] = levels
        for num in root.findall(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            base = abstract.get(ref.get(f"{W}val", "") if ref is not None else "", {})
            levels = {k: _Level(v.fmt, v.text, v.start) for k, v in base.items()}
            for override in num.findall(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                ilvl = int(override.get(f"{W}ilvl", "0"))
                if start is not None and ilvl in levels:
                    levels[ilvl].start = int(start.get(f"{W}val", "1") or 1)
            numbering.levels[num.get(f"{W}numId", "")] = levels
        return numbering

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The next label of list ``num_id`` at level ``ilvl`` ("A.", "b)", "•")."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0":
            return None
        counters = self.counters.setdefault(num_id, [0] * 9)
        ilvl = max(0, min(ilvl, 8))
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        level = levels.get(ilvl, _Level())
        counters[ilvl] = level.start if counters[ilvl] == 0 else counters[ilvl] + 1
        if level.fmt == "bullet":
            return "•"
        text = level.text
        for k in range(ilvl + 1):
            sub = levels.get(k, _Level())
            value = counters[k] or sub.start
            text = text.replace(f"%{k + 1}", format_number(value, sub.fmt))
        return text.strip() or None


def _num_pr(p_pr: Any, style: Any) -> tuple[str, int] | None:
    for source in (p_pr, getattr(getattr(style, "element", None), "pPr", None)):
        if source is None:
            continue
        num_pr = source.find(f"{W}numPr")
        if num_pr is None:
            continue
        num_id = num_pr.find(f"{W}numId")
        ilvl = num_pr.find(f"{W}ilvl")
        if num_id is not None:
            return num_id.get(f"{W}val", "0"), int(
                ilvl.get(f"{W}val", "0")
            ) if ilvl is not None else 0
    return None


def _heading_level(style_name: str, p_pr: Any) -> int:
    m = _HEADING_STYLE.match(style_name)
    if m is not None:
        return max(1, int(m.group(1)))
    if style_name.lower() in ("title", "titel"):
        return 1
    if p_pr is not None:
        outline = p_pr.find(f"{W}outlineLvl")
        if outline is not None:
            level = int(outline.get(f"{W}val", "9"))
            return level + 1 if level < 9 else 0
    return 0


def read_docx_blocks(document: Any) -> list[Block]:
    """Layout blocks of an opened ``docx.Document``."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = Numbering.from_document(document)
    blocks: list[Block] = []
    styles: dict[str | None, Any] = {}  # style id -> style: python-docx scans all styles

    def walk(parent: Any) -> None:
        for node in parent.iterchildren():
            tag = node.tag.rsplit("}", 1)[-1]
            if tag == "p":
                para = Paragraph(node, document)
                text = " ".join(para.text.split())
                if node.style not in styles:
                    styles[node.style] = para.style
                style = styles[node.style]
                name = (style.name or "") if style is not None else ""
                p_pr = node.pPr
                num = _num_pr(p_pr, style)
                level = _heading_level(name, p_pr)
                label = numbering.label(*num) if num is not None and text else None
                if not text:
                    blocks.append(BLANK)
                elif level:
                    blocks.extend([BLANK, Block("line", text, style_level=level), BLANK])
                elif num is not None:
                    blocks.append(Block("line", text, label=label or "•", list_level=num[1]))
                else:
                    blocks.extend([Block("line", text), BLANK])
            elif tag == "tbl":
                rows = _table_rows(Table(node, document))
                if rows:
                    blocks.extend([BLANK, Block("table", rows=rows, header_rows=1), BLANK])
            elif tag in ("sdt", "sdtContent", "customXml", "smartTag"):
                walk(node)

    walk(document.element.body)
    return blocks


def _table_rows(table: Any) -> tuple[tuple[str, ...], ...]:
    """Cell texts per row, each cell once; a vertically merged cell repeats the text above.

    As python-docx's ``row.cells`` gives them, in linear time: ``row.cells`` looks up the
    cell above a merged one row by row (quadratic, and a recursion that fails on long
    merged columns).
    """
    from docx.text.paragraph import Paragraph

    above: dict[int, str] = {}  # grid offset -> text of the cell there in the row above
    rows: list[tuple[str, ...]] = []
    for tr in table._tbl.tr_lst:
        here: dict[int, str] = {}
        cells: list[str] = []
        offset = tr.grid_before
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                text = above.get(offset, "")
            else:
                text = " ".join("\n".join(Paragraph(p, table).text for p in tc.p_lst).split())
            here[offset] = text
            cells.append(text)
            offset += tc.grid_span
        above = here
        if any(cells):
            rows.append(tuple(cells))
    return tuple(rows)
