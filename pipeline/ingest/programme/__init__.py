"""Parse budgets and reports (begrotingen, jaarverslagen, voortgangsrapportages) into a
document with one ``Programme`` per programme chapter, and other municipal texts into
documents of their own.

A pure function of the layout blocks (``pipeline/ingest/layout.py``): no NLP, no I/O besides
the bundled vocabulary (``pipeline/data/programme_terms.toml``) and municipality list. It runs
block by block in two passes, so its time is linear in the length of the input. Modules:
``vocabulary`` (the data file), ``lines`` (first pass: classify), ``builder`` (second pass:
sections, paragraphs, items, tables, programme boundaries), ``metadata`` (holders, type,
year), ``tables`` (amounts, indicators), ``pairing`` (goals and actions), ``parser``.

Decisions, in short (details in ``tests/fixtures/golden/programme/README.md``):

- Headings. Level 1: programme headings (``Programma 4: Bestuur en veiligheid``) and document
  title lines (``Begroting 2020``). Level 2: numbered headings (``4.1 Dienstverlening``),
  fixed headings (``Wat willen we bereiken``, ``Voortgang 2025`` ...), and a first numbered
  line ``1. Inleiding`` that is title-like and followed by running text. Level 3: short
  title-like lines followed by running text (or, after a blank line, by a list). Markdown
  headings count; their level comes from the content, else from the number of ``#``.
  Text before the first heading goes into a section with heading None and level 0.
- Items. Lettered: ``A.``, ``A)``, ``a.``, ``(a)``, ``1.``, ``1)``; a letter must start a
  list (A, a, 1) or repeat or follow the previous letter in the section, so initials such as
  ``R. Visscher`` are not items. Bullets: ``-``, ``*``, ``•``, ``–`` and similar. Lines
  after a lettered item (no blank line between) belong to it, sub-bullets included; lines
  after a bullet belong to it unless the bullet ended a sentence and the line starts a new
  one with a capital.
- Programmes. A programme heading (``Programma 4: ...``) opens a programme; its sections
  follow until the next programme heading or a part heading (``Paragraaf ...``,
  ``Bijlagen``; a paragraaf name such as "Lokale heffingen" at chapter level), whose sections
  belong to the document, as do front matter and a title line. A programme text without a
  programme heading is one programme (number None). Documents typed ``bestemmingsplan`` or
  ``besluitenlijst``, and texts with no programme evidence, have family ``text`` and no
  programmes.
- Tables from the layout (Word, HTML, PDF columns, Markdown, tab-separated rows) stay tables:
  cost tables give amounts (with the unit line before them, ``Bedragen x € 1.000``),
  indicator tables indicators, two-column goal/action tables paired items (kind ``row``).
- Goals and actions. Items under a goal heading are goals, under an action heading actions;
  lettered ones are paired by letter with the most recent goal list. When an empty goal
  heading is directly followed by the action heading (or one heading names both), items
  alternate: the first item with a letter is the goal, the second the action. Labelled
  lines (``Doel 1.1 ...``, ``Activiteit 1.1.1 ...``) are goals and actions; an action pairs
  with the goal before it, as do bullets right under a labelled goal. ``Status: ● Groen``
  lines and suffixes such as ``*(gerealiseerd)*`` set an item's status. Nested list items
  (Word/HTML list level > 0) stay in their parent item.
- Paragraphs. Lines up to a blank line or heading form a block; a block whose lines mostly
  end without sentence punctuation is hard-wrapped text and becomes one paragraph, otherwise
  every line is a paragraph (the layout of exports where one line is one paragraph).
- Boilerplate (page footers, page numbers, table residue, export stamps, patterns in the
  vocabulary, "Gemeente <name>" lines, and short lines repeated on at least
  ``running_header_min_repeats`` pages, page numbers aside) and table rows (cells joined
  by ``|``) are kept out of the text and listed in ``Document.boilerplate_lines`` and in
  the audit list of the paragraph they interrupted (or the nearest paragraph of the same
  section).
- Metadata lines (``Portefeuillehouder(s):``, ``Wethouder:``, ``Verantwoordelijk
  directeur:`` ...; the names may stand on the next line) fill the document's fields and
  are not paragraphs. Names may also follow as a list; a portfolio in brackets
  (``T. Hoekstra-Dijkstra (Wmo, jeugd)``) is dropped.
"""

from __future__ import annotations

from pipeline.config import IngestSettings
from pipeline.ingest.layout import Block, split_parts, text_blocks
from pipeline.ingest.programme.bundle import parse_bundle
from pipeline.ingest.programme.lines import normalize_line
from pipeline.ingest.programme.metadata import parse_metadata_line, split_names
from pipeline.ingest.programme.parser import Parser
from pipeline.ingest.programme.vocabulary import load_vocabulary
from pipeline.records import Document

__all__ = [
    "load_vocabulary",
    "normalize_line",
    "parse_document",
    "parse_metadata_line",
    "parse_programme",
    "split_names",
]


def parse_document(
    blocks: list[Block],
    text: str,
    source_path: str,
    content_hash: str,
    settings: IngestSettings | None = None,
) -> Document:
    """Parse the layout blocks of one input into a Document.

    Args:
        blocks: the input's layout (``pipeline.ingest.readers``).
        text: its text without furniture (for the municipality).
        source_path: the input path, stored as given.
        content_hash: SHA-256 of the input bytes; every id derives from it.
        settings: thresholds (``IngestSettings``); defaults when None.

    Returns:
        The document with its programmes; ``family`` is ``"text"`` when nothing marks it as
        a budget or report. Blocks of several documents (a bundle, parts separated by
        ``layout.PART_BREAK``) give one Document too: the programmes of its budget parts
        (``programme/bundle.py``).
    """
    settings = settings or IngestSettings.model_validate({})
    parts = split_parts(blocks)
    if len(parts) > 1:  # a bundle of documents in one file
        return parse_bundle(parts, text, source_path, content_hash, settings)
    return Parser(blocks, text, source_path, content_hash, settings).parse()


def parse_programme(
    text: str,
    source_path: str,
    content_hash: str,
    settings: IngestSettings | None = None,
) -> Document:
    """Parse a plain or Markdown text (see ``parse_document``)."""
    settings = settings or IngestSettings.model_validate({})
    blocks = text_blocks(text, settings.running_header_min_repeats)
    return parse_document(blocks, text, source_path, content_hash, settings)
