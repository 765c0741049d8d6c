"""Export the units of the tenth, blind held-out writing-advice gold set ("heldout10").

Source: nl-design-system/gebruikersonderzoeken at ``COMMIT`` (the snapshot heldout8 and
heldout9 use), the Markdown pages of gebruikersonderzoeken.nl under ``docs/onderzoek-bekijken/``
(CC0 1.0, marked ``<!-- @license CC0-1.0 -->`` in each page; ``docs/colofon/README.md``).
Used: every page whose front matter lists the municipality of **Groningen**, **Venray** or
**Tilburg** among the parties that conducted the research and no municipality that another
writing-advice set uses (sets so far: Amsterdam, Maassluis, Sluis, Zaanstad, Vught, Wassenaar,
Almere, GGD Flevoland, Nieuwkoop, Utrecht, Den Haag, and the zoning plans of heldout2). So the
joint complaints form page of Den Haag, Rotterdam, Utrecht and Venray is left out; the pages
Groningen made with the agency Maykin Media and the page Tilburg made with the agency Acato
are in (the municipality published them as its research). Two genres, documents listed in
``DOCUMENTS`` by path:

* **forms** - Venray's research on its online complaints form and its report form
  (meldingformulier);
* **digital** - Groningen's research on the residents' online "Mijn Omgeving" (requests
  overview, home page, the words used for products) and Tilburg's research on the publication
  service for the Open Government Act (Woo).

Unit rule (fixed and committed before any unit was read for annotation; heldout9's rule and
helpers, nothing changed):

* **Lines and paragraphs** as ``flags_heldout8_export.paragraphs_of``: front matter, HTML
  comments and code fences dropped; a paragraph is a maximal run of consecutive text lines,
  ended by a blank line or by a heading, list item, block quote, table line, image,
  admonition, HTML/MDX line, ``import``/``export`` line or emphasis-only line (all dropped);
  inline Markdown made plain; running text only (``flags_heldout6_export.is_running_text``:
  >= 8 words, ends in . ! ?, no run of three numbers, <= 20% of words with a digit).
* **Units.** Each kept paragraph is cut into one-sentence units with
  ``flags_heldout2_export.split_sentences``; every unit has at least ``MIN_UNIT_WORDS``
  words. Skipped: a unit whose text was already taken; whose hash is in a committed unit list
  of another writing-advice set or listed in ``../shared/reserved/``; that names a private
  person (``flags_heldout4_export.names_private_person``) or that the annotator finds names a
  private person otherwise (``PRIVATE_NAME_HASHES``, hashes only). A document whose path is
  listed in ``../shared/reserved/`` is skipped whole.

Selection (seeded, not by content; ``flags_units.select_units``): per genre, the kept
paragraphs of its documents are shuffled with ``random.Random(SEED)`` (forms) and
``random.Random(SEED + 1)`` (digital) and taken whole until the genre has
``TARGET_PER_GENRE`` units (or runs out); a paragraph that would bring its document above
``MAX_UNITS_PER_DOCUMENT`` units is passed over. Units are put back in document order. Unit id
``h10-<short>-c<paragraph>-u<unit>``, dataset ``gemeenten_heldout10``, document
``<municipality>_<genre>_<short>``.

Writes ``<eval dir>/flags/heldout10_units.csv`` and ``heldout10_PROVENANCE.json`` beside it;
the texts are not committed. ``--unit-list`` also writes the committed unit list
``tests/fixtures/real/flags_units_heldout10.csv`` (refused when it exists and differs);
``--check`` verifies the committed unit and annotation files against the exported texts.

Usage: ``python -m bench.evaluate.flags_heldout10_export [--unit-list | --check]``
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from bench.evaluate.common import (
    ROOT,
    other_flag_set_units,
    reserved_first_fields,
    sha256_text,
)
from bench.evaluate.flags_heldout2_export import COLUMNS, split_sentences
from bench.evaluate.flags_heldout4_export import names_private_person
from bench.evaluate.flags_heldout8_export import BASE, COMMIT, REPO, page_paragraphs
from bench.evaluate.flags_units import export_side, select_units, side_record, unit_counts

SIDE = "heldout10"
DATASET = "gemeenten_heldout10"
FORMS = "forms"
DIGITAL = "digital"
GRONINGEN = ("gemeente groningen",)
GRONINGEN_MAYKIN = ("gemeente groningen", "maykin media")
# (short name, municipality, path under BASE, genre, the parties that conducted the research,
# lower case), in the order paragraphs are pooled.
DOCUMENTS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("klachtenformulier", "venray", "1-formulieren/venray-klachtenformulier-onderzoek.md",
     FORMS, ("gemeente venray",)),
    ("meldingformulier", "venray", "1-formulieren/venray-meldingformulier-onderzoek.md",
     FORMS, ("gemeente venray",)),
    ("mijn-omgeving", "groningen", "2-mijn-zaken/groningen-mijn-omgeving.md", DIGITAL,
     GRONINGEN_MAYKIN),
    ("mijn-omgeving-homepage", "groningen", "2-mijn-zaken/groningen-mijn-omgeving-homepage.md",
     DIGITAL, GRONINGEN_MAYKIN),
    ("terminologie", "groningen", "2-mijn-zaken/groningen-terminologie-mijn-producten.md",
     DIGITAL, GRONINGEN),
    ("publicatieportaal", "tilburg", "tilburg-publicatieportaal.md", DIGITAL,
     ("acato", "gemeente tilburg")),
)  # fmt: skip
GENRES = (FORMS, DIGITAL)
SEED = 20261218
TARGET_PER_GENRE = 120
MAX_UNITS_PER_DOCUMENT = 60
MIN_UNIT_WORDS = 5
# Units skipped by the annotator because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset()
UNIT_LIST = ROOT / "tests" / "fixtures" / "real" / f"flags_units_{SIDE}.csv"


@dataclass(frozen=True)
class Paragraph:
    """One running-text paragraph of a document."""

    short: str
    municipality: str
    genre: str
    path: str
    index: int
    text: str


def document_paragraphs(reserved: set[str]) -> tuple[list[Paragraph], dict[str, str], list[str]]:
    """All kept paragraphs of all documents, the sha256 of each file and the documents skipped
    because they are reserved."""
    paragraphs: list[Paragraph] = []
    shas: dict[str, str] = {}
    skipped: list[str] = []
    for short, municipality, rel, genre, parties in DOCUMENTS:
        path = BASE + rel
        if path in reserved:
            skipped.append(path)
            continue
        found, shas[path] = page_paragraphs(path, parties, ignore_case=True)
        paragraphs.extend(
            Paragraph(short, municipality, genre, path, i, t) for i, t in enumerate(found)
        )
    return paragraphs, shas, skipped


def build_units() -> tuple[list[dict], dict, dict[str, str]]:
    """Unit rows, counts for the provenance record and the sha256 of each file read."""
    reserved = reserved_first_fields()
    paragraphs, shas, skipped_docs = document_paragraphs(reserved)
    units, skipped = select_units(
        paragraphs, reserved | other_flag_set_units(SIDE), genres=GENRES, seed=SEED,
        target_per_genre=TARGET_PER_GENRE, max_per_document=MAX_UNITS_PER_DOCUMENT,
        min_words=MIN_UNIT_WORDS, private_hashes=PRIVATE_NAME_HASHES,
        names_private_person=names_private_person, split_sentences=split_sentences,
    )  # fmt: skip
    rows = [
        dict(dataset=DATASET, unit_id=f"h10-{para.short}-c{para.index}-u{u_i}",
             document=f"{para.municipality}_{para.genre}_{para.short}", path=para.path,
             text=text, text_sha256=sha256_text(text))
        for para, u_i, text in units
    ]  # fmt: skip
    counts = unit_counts(paragraphs, units, rows, skipped, skipped_docs)
    return rows, counts, shas


def provenance(rows: list[dict], counts: dict, shas: dict[str, str]) -> dict:
    """The provenance record of the export (written beside the units)."""
    record = side_record(
        SIDE,
        rows,
        counts,
        shas,
        repository=REPO,
        commit=COMMIT,
        paths=[BASE + rel for _, _, rel, _, _ in DOCUMENTS],
        licence="CC0 1.0 Universal: the research summaries shared on gebruikersonderzoeken.nl "
        "(each page marked '@license CC0-1.0'; docs/colofon/README.md), here the pages of "
        "research conducted by the municipalities of Venray, Groningen (alone or with Maykin "
        "Media) and Tilburg (with Acato). Texts not committed.",
        note=(
            f"Running-text paragraphs (>= 8 words, ending in . ! ?, <= 20% words with digits; "
            f"no front matter, headings, list items, block quotes, tables, images or by-lines) "
            f"of research pages of Venray (forms) and Groningen and Tilburg (digital); seeded "
            f"sample (seed {SEED} forms, {SEED + 1} digital) of whole paragraphs up to "
            f"{TARGET_PER_GENRE} one-sentence units of >= {MIN_UNIT_WORDS} words per genre, <= "
            f"{MAX_UNITS_PER_DOCUMENT} per document, in document order. Counts: "
            f"{json.dumps(counts)}"
        ),
    )
    record["documents"] = {short: BASE + rel for short, _, rel, _, _ in DOCUMENTS}
    record["conducted_by"] = {short: list(parties) for short, _, _, _, parties in DOCUMENTS}
    return record


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side="heldout10", description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
