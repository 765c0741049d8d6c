"""The Word round trip: a copy of a checked .docx with the advice as Word comments.

``write_commented_docx(source, result, target)`` opens the original with python-docx (>= 1.2,
``Document.add_comment``), finds every flagged sentence in the paragraphs of the body and the
tables, splits the runs at the flagged span and anchors one comment per piece of advice on it
(title, explanation, alternative, and the rewrite proposal for the sentence). A comment on
the first paragraph carries the verdict and "eerst aanpakken". Advice whose words cannot be
found as they stand (the reader normalised the text, or a span crosses a field or a
footnote) goes into that first comment, so nothing is lost. The original is never changed;
the copy is written atomically.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.readability.rewrite import WORD_KINDS
from pipeline.report.advice import Report, build_report, for_output

AUTHOR = "gemeentetaal"
INITIALS = "GT"
MAX_UNPLACED = 30


def _paragraphs(document: Any) -> Iterator[Any]:
    """Body paragraphs and the paragraphs in table cells, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(container: Any) -> Iterator[Any]:
        for block in container.iter_inner_content():
            if isinstance(block, Paragraph):
                yield block
            elif isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        yield from walk(cell)

    yield from walk(document)


def _split_run(run: Any, at: int) -> Any:
    """Split a plain-text run at character ``at``; returns the new right-hand run."""
    from docx.text.run import Run

    text = run.text
    right = copy.deepcopy(run._r)
    run._r.addnext(right)
    run.text = text[:at]
    new = Run(right, run._parent)
    new.text = text[at:]
    return new


def _plain(run: Any) -> bool:
    """A run with text only (no tab, break, field or drawing), safe to split."""
    children = [c.tag.rsplit("}", 1)[-1] for c in run._r]
    return all(c in ("rPr", "t") for c in children)


def _runs_for(paragraph: Any, start: int, end: int) -> list[Any] | None:
    """The runs covering characters ``start``..``end`` of the paragraph, split as needed."""
    position = 0
    for run in list(paragraph.runs):
        length = len(run.text)
        if position < start < position + length:
            if not _plain(run):
                return None
            _split_run(run, start - position)
        position += length
    position = 0
    for run in list(paragraph.runs):
        length = len(run.text)
        if position < end < position + length:
            if not _plain(run):
                return None
            _split_run(run, end - position)
        position += length
    covered, position = [], 0
    for run in paragraph.runs:
        length = len(run.text)
        if start <= position and position + length <= end and length:
            covered.append(run)
        position += length
    if not covered or "".join(r.text for r in covered) != paragraph.text[start:end]:
        return None
    return covered


def _comment_text(advice: Any) -> str:
    text = f"{advice.title}: {advice.detail}"
    return f"{text} {advice.suggestion}" if advice.suggestion else text


def _summary(report: Report) -> str:
    lines = [report.verdict]
    if report.difficulty:
        lines.append(f"{report.difficulty}: {report.distance}")
    if report.fix_first:
        lines.append(f"{report.fix_first_title}:")
        lines += [
            f"{i}. {for_output(item, 'docx')}" for i, item in enumerate(report.fix_first, start=1)
        ]
    return "\n".join(lines)


def add_comments(document: Any, report: Report) -> tuple[int, int]:
    """Anchor the report's advice as comments in ``document``.

    Returns:
        ``(placed, unplaced)``: pieces of advice anchored on their words, and those put in
        the summary comment instead.
    """
    paragraphs = [p for p in _paragraphs(document) if p.text.strip()]
    placed = 0
    unplaced: list[str] = []
    cursor = 0  # sentences come in reading order: search from the last paragraph used
    for sentence in report.sentences:
        found = None
        for k in range(cursor, len(paragraphs)):
            at = paragraphs[k].text.find(sentence.text)
            if at >= 0:
                found, cursor = (paragraphs[k], at), k
                break
        for advice in sentence.advice:
            text = _comment_text(advice)
            runs = None
            if found is not None:
                paragraph, at = found
                if advice.wide:
                    a, b = at, at + len(sentence.text)
                else:
                    offset = sentence.text.find(advice.words)
                    a, b = at + max(offset, 0), at + max(offset, 0) + len(advice.words)
                    if offset < 0:
                        a, b = at, at + len(sentence.text)
                runs = _runs_for(paragraph, a, b)
            if runs is None:
                unplaced.append(f"Zin {sentence.number}: {text}")
                continue
            document.add_comment(runs, text=text, author=AUTHOR, initials=INITIALS)
            placed += 1
        for proposal in sentence.proposals:
            if found is None or proposal.kind in WORD_KINDS:
                continue  # a drop-in word is in the advice's own comment already
            paragraph, at = found
            offset = sentence.text.find(proposal.original)
            if offset < 0:
                continue
            runs = _runs_for(paragraph, at + offset, at + offset + len(proposal.original))
            if runs is not None:
                document.add_comment(
                    runs,
                    text=f"Voorstel ({proposal.note.lower()}): {proposal.replacement}",
                    author=AUTHOR,
                    initials=INITIALS,
                )
    summary = _summary(report)
    if unplaced:
        shown = unplaced[:MAX_UNPLACED]
        more = len(unplaced) - len(shown)
        summary += "\n\nAdvies bij tekst die niet terug te vinden was:\n" + "\n".join(shown)
        if more:
            summary += f"\n… en nog {more}."
    if paragraphs:
        first = paragraphs[0]
        runs = first.runs or [first.add_run("")]
        document.add_comment(runs, text=summary, author=AUTHOR, initials=INITIALS)
    return placed, len(unplaced)


def commented_docx(data: bytes, result: Any, language: str = "nl") -> tuple[bytes, int, int]:
    """A copy of the .docx ``data`` with the advice of ``result`` as comments.

    Returns:
        The new file's bytes and the counts of ``add_comments``.
    """
    from docx import Document

    document = Document(io.BytesIO(data))
    placed, unplaced = add_comments(document, build_report(result, language))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), placed, unplaced


def write_commented_docx(
    source: Path, result: Any, target: Path, language: str = "nl"
) -> tuple[int, int]:
    """Write ``target``: ``source`` with the advice as Word comments (atomically)."""
    from pipeline.outputs import atomic_write_bytes

    data, placed, unplaced = commented_docx(source.read_bytes(), result, language)
    atomic_write_bytes(target, data)
    return placed, unplaced
