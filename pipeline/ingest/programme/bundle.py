"""A bundle's document parts (``pipeline/ingest/bundles.py``) parsed one by one and joined
into the one ``Document`` of the file.

Every part is parsed as the stand-alone file it once was. A part is a **budget part** when
the parser reads it as a budget or report on evidence of its own: programme headings, fixed
budget headings ("Wat willen we bereiken?") or labelled goals; a type from a title alone
("Raadsvoorstel Begroting 2025") or a "Portefeuillehouder:" line does not make one. Then:

- the file's programmes are those of its budget parts, in order; the sections of every other
  part (agenda, minutes, proposal, letters) are the document's own sections, never a
  programme's, whatever their parse made of them;
- the document's type, year, title and municipality are those of its **main part**: the
  budget part with the most blocks (a board bundle's Begroting, not the progress report or
  the proposal that come with it);
- two budget parts next to each other with the same type and year are one document split
  at a page-number restart (a jaarverslag and its jaarrekening), parsed together;
- a bundle without a budget part is parsed as one text, as before.

Ids stay unique and stable: each part is parsed under ``<content hash>:<part>``; positions
(``order``) run over the whole file.
"""

from __future__ import annotations

from pipeline.config import IngestSettings
from pipeline.ingest.layout import Block, render_text
from pipeline.ingest.programme.parser import Parser
from pipeline.records import Document, make_id


def _parse(blocks: list[Block], path: str, key: str, settings: IngestSettings) -> Parser:
    parser = Parser(blocks, render_text(blocks), path, key, settings)
    parser.parse()
    return parser


def _budget(parser: Parser) -> bool:
    doc = parser.doc
    return doc.family == "programme" and parser.programme_evidence


def _size(blocks: list[Block]) -> int:
    return sum(1 for b in blocks if b.kind in ("line", "table"))


def parse_bundle(
    parts: list[list[Block]],
    text: str,
    source_path: str,
    content_hash: str,
    settings: IngestSettings,
) -> Document:
    """The Document of a file whose blocks come in ``parts`` (see the module docstring)."""
    parsed = [
        _parse(blocks, source_path, f"{content_hash}:{k}", settings)
        for k, blocks in enumerate(parts)
    ]
    # budget parts of one document split at a restart of its page numbers
    groups: list[tuple[list[Block], Parser]] = []
    for k, parser in enumerate(parsed):
        if groups:
            blocks, prev = groups[-1]
            same = (prev.doc.document_type, prev.doc.year) == (
                parser.doc.document_type,
                parser.doc.year,
            )
            if _budget(prev) and _budget(parser) and same and prev.doc.document_type:
                joined = [*blocks, *parts[k]]
                key = f"{content_hash}:{len(groups) - 1}+{k}"
                groups[-1] = (joined, _parse(joined, source_path, key, settings))
                continue
        groups.append((parts[k], parser))
    budgets = [(blocks, p) for blocks, p in groups if _budget(p)]
    if not budgets:
        whole = [b for blocks in parts for b in blocks]
        return Parser(whole, text, source_path, content_hash, settings).parse()
    _, main = max(budgets, key=lambda g: _size(g[0]))
    doc = Document(make_id(content_hash, "document"), source_path, content_hash)
    doc.family = "programme"
    doc.municipality = main.doc.municipality
    doc.document_type = main.doc.document_type
    doc.year = main.doc.year
    doc.title = main.doc.title
    order = 0
    for _, parser in groups:
        part = parser.doc
        budget = _budget(parser)
        for section in part.all_sections():
            section.order = order
            order += 1
        if budget:
            doc.sections.extend(part.sections)
            for programme in part.programmes:
                programme.order = len(doc.programmes)
                doc.programmes.append(programme)
        else:  # an agenda, minutes, a proposal: text, whatever its parse made of it
            for section in part.all_sections():
                section.programme_id = None
                doc.sections.append(section)
        doc.boilerplate_lines.extend(part.boilerplate_lines)
    return doc
