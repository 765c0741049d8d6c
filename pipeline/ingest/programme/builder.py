"""Second pass of the programme parser: classified lines become sections (of the document or
of a programme), paragraphs, items and tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, cast

from pipeline.ingest.programme.lines import PARAGRAPH_END, Line, header_unit
from pipeline.ingest.programme.vocabulary import Role
from pipeline.records import Item, Paragraph, Programme, Section, Table, make_id


def next_letter(letter: str) -> str:
    if letter.isdigit():
        return str(int(letter) + 1)
    if len(letter) != 1:  # "2.1": decimal results have no single successor
        return ""
    return chr(ord(letter) + 1)


@dataclass
class _Block:
    lines: list[str] = field(default_factory=list)
    audit: list[list[str]] = field(default_factory=list)


class Builder:
    """Builds sections in reading order; a programme heading opens a programme, a part
    heading (paragrafen, appendices) closes it."""

    def __init__(self, content_hash: str) -> None:
        self.hash = content_hash
        self.sections: list[Section] = []
        self.roles: list[Role | Literal["pair"] | None] = []
        self.kinds: list[str] = []
        self.programmes: list[Programme] = []
        self.programme: Programme | None = None
        self.current: Section | None = None
        self.block = _Block()
        self.item: Item | None = None
        self.item_lines: list[str] = []
        self.pending: list[str] = []
        self.last_letter: str | None = None
        self.boilerplate: list[str] = []
        self.n_tables = 0

    # programmes and sections ----------------------------------------------------------
    def open_programme(self, number: str | None, title: str | None) -> Programme:
        order = len(self.programmes)
        programme = Programme(make_id(self.hash, "programme", order), order, number, title)
        self.programmes.append(programme)
        self.programme = programme
        return programme

    def close_programme(self) -> None:
        self.programme = None

    def open_section(
        self, heading: str | None, level: int, role: Role | Literal["pair"] | None, kind: str = ""
    ) -> None:
        self.flush()
        order = len(self.sections)
        section = Section(make_id(self.hash, "section", order), order, heading, level)
        if self.programme is not None:
            section.programme_id = self.programme.programme_id
        self.sections.append(section)
        self.roles.append(role)
        self.kinds.append(kind)
        self.current = section
        self.pending = []
        self.last_letter = None

    def ensure_section(self) -> Section:
        if self.current is None:
            self.open_section(None, 0, None)
        assert self.current is not None
        return self.current

    # boilerplate and tables -----------------------------------------------------------
    def add_boiler(self, text: str) -> None:
        self.boilerplate.append(text)
        if self.block.lines:
            self.block.audit[-1].append(text)
        elif self.current is not None and self.current.paragraphs:
            self.current.paragraphs[-1].boilerplate.append(text)
        else:
            self.pending.append(text)

    def add_table(self, line: Line, unit: str | None) -> Table:
        self.flush()
        section = self.ensure_section()
        header = line.rows[: line.header_rows]
        merged = [" ".join(c for c in col if c).strip() for col in zip(*header, strict=False)]
        if unit is None and merged:
            unit = header_unit(merged[0])
        table = Table(
            make_id(self.hash, "table", self.n_tables),
            self.n_tables,
            section.heading,
            unit,
            "other",
            merged,
            line.rows[line.header_rows :],
            position=section.next_position(),
        )
        self.n_tables += 1
        section.tables.append(table)
        return table

    # paragraphs -----------------------------------------------------------------------
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
        unfinished = sum(1 for line in lines[:-1] if not line.endswith(PARAGRAPH_END))
        if len(lines) > 1 and 2 * unfinished >= len(lines) - 1:
            groups = [(" ".join(lines), [a for audit in block.audit for a in audit])]
        else:
            groups = list(zip(lines, block.audit, strict=True))
        for text, audit in groups:
            order = len(section.paragraphs)
            para = Paragraph(
                make_id(self.hash, "paragraph", section.order, order),
                order,
                text,
                position=section.next_position(),
            )
            para.boilerplate.extend(self.pending)
            para.boilerplate.extend(audit)
            self.pending = []
            section.paragraphs.append(para)

    # items ----------------------------------------------------------------------------
    def letter_ok(self, letter: str | None) -> bool:
        if letter is None:
            return True
        last = self.last_letter
        if letter in ("A", "a", "1") or "." in letter:  # "2.1": a run checked by the parser
            return True
        return last is not None and letter in (last, next_letter(last))

    def add_item(self, line: Line) -> None:
        self.flush()
        section = self.ensure_section()
        order = len(section.items)
        kind: Literal["lettered", "bullet", "labelled", "row"] = (
            "labelled"
            if line.heading_kind == "labelled"
            else "lettered"
            if line.letter
            else "bullet"
        )
        self.item = Item(
            "", order, kind, line.letter, line.body,
            role=cast(Role | None, line.role),  # "pair" is a heading role, never an item's
            position=section.next_position(),
        )  # fmt: skip
        self.item_lines = [line.body]
        if line.letter and kind == "lettered":
            self.last_letter = line.letter
        section.items.append(self.item)
        if line.residue:
            self.add_boiler(line.residue)

    def add_row_pair(self, goal: str, action: str) -> None:
        section = self.ensure_section()
        g = Item("", len(section.items), "row", None, goal, role="goal",
                 position=section.next_position())  # fmt: skip
        section.items.append(g)
        a = Item("", len(section.items), "row", None, action, role="action",
                 position=section.next_position())  # fmt: skip
        section.items.append(a)

    def add_sub_item(self, line: Line) -> bool:
        """A nested list item (Word or HTML list level > 0) joins the open item."""
        if self.item is None:
            return False
        self.item.text = f"{self.item.text}\n- {line.body}"
        self.item_lines.append(line.body)
        return True

    def set_status(self, status: str) -> bool:
        """Give the open (or last) item of the section a status line's value."""
        target = self.item
        if target is None and self.current is not None and self.current.items:
            target = self.current.items[-1]
        if target is None:
            return False
        target.status = status
        return True

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
            previous.endswith((".", "!", "?")) and line.text[0].isupper()
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
