"""Personal data out of a document's texts (letters, web texts, budgets, zoning plans).

A letter to a resident names them ("Geachte heer Pieterse,", "De heer K. Pieterse", a
neighbour "buurman Gerrit Hoogeveen") and may quote their phone number, e-mail address,
BSN, IBAN and address. ``scrub_document`` applies ``Pseudonymiser.scrub`` to every text of
a parsed ``Document`` (title, headings, paragraphs, items, table captions and cells, the
furniture kept for the audit) with the names the document itself marks as people (after a
greeting, signed under a closing), so no later stage or table sees them. Deduce's free-text
name search, which comment threads get, runs on documents only with
``privacy.detect_person_names_in_documents``: on the municipality's own prose it mostly
finds street, place and document names ("Nota van Zienswijzen"). Portfolio holders and a
programme's director are public officials in their role and stay.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.ingest.municipalities import fold
from pipeline.privacy import Pseudonymiser
from pipeline.records import Document, Section


def document_text(document: Document) -> str:
    """Every text of the document, one per line (to find who it names)."""
    lines: list[str] = [document.title or "", *document.boilerplate_lines]
    for section in document.all_sections():
        lines.append(section.heading or "")
        lines += [p.text for p in section.paragraphs] + [i.text for i in section.items]
    return "\n".join(line for line in lines if line)


def scrub_document(
    document: Document,
    pseudonymiser: Pseudonymiser,
    municipality_of: Callable[[str], str | None] | None = None,
) -> Document:
    """Replace personal data in every text of ``document`` (in place; returned).

    ``municipality_of`` (text -> municipality) decides again when the municipality found
    before is no longer named in the scrubbed text: its name was a person's ("buurman Gerrit
    Hoogeveen").
    """
    matcher = pseudonymiser.document_names(document_text(document))
    deduce = pseudonymiser.settings.detect_person_names_in_documents

    def clean(text: str) -> str:
        return pseudonymiser.scrub(text, matcher, deduce=deduce).text if text else text

    document.title = clean(document.title) if document.title else document.title
    document.boilerplate_lines = [clean(t) for t in document.boilerplate_lines]
    for section in document.all_sections():
        _scrub_section(section, clean)
    if municipality_of is not None and document.municipality:
        scrubbed = document_text(document)
        if fold(document.municipality) not in fold(scrubbed):
            document.municipality = municipality_of(scrubbed)
    return document


def _scrub_section(section: Section, clean: Callable[[str], str]) -> None:
    if section.heading:
        section.heading = clean(section.heading)
    for paragraph in section.paragraphs:
        paragraph.text = clean(paragraph.text)
        paragraph.boilerplate = [clean(t) for t in paragraph.boilerplate]
    for item in section.items:
        item.text = clean(item.text)
    for table in section.tables:
        table.caption = clean(table.caption) if table.caption else table.caption
        table.header = [clean(c) for c in table.header]
        table.rows = [[clean(c) for c in row] for row in table.rows]
