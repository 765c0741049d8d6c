"""Export the units of the ninth, blind held-out writing-advice gold set ("heldout9").

Source: nl-design-system/gebruikersonderzoeken at ``COMMIT`` (read from the mirror; the
snapshot heldout8 uses), the Markdown pages of gebruikersonderzoeken.nl under
``docs/onderzoek-bekijken/``: summaries of user research that public organisations publish
for everyone to read (CC0 1.0, marked ``<!-- @license CC0-1.0 -->`` in each page; see
``docs/colofon/README.md``). Used: every page whose front matter lists the municipality of
**Den Haag** as the only party that conducted the research (``conducted_by: [gemeente Den
Haag]``, letter case ignored), and every page conducted by Den Haag together with VNG only
(``[gemeente Den Haag, VNG]``: the shared "Mijn Omgeving" services that Den Haag researched
for the municipalities). Den Haag is a municipality no other writing-advice set uses (sets so
far: Amsterdam, Maassluis, Sluis, Zaanstad, Vught, Wassenaar, Almere, GGD Flevoland,
Nieuwkoop, Utrecht, and the zoning plans of heldout2, none of Den Haag). Left out: pages of
other organisations, the pages Den Haag made with Utrecht (status component, "Mijn
omgeving", the complaints form with Rotterdam, Utrecht and Venray), and "MijnPlan" (made with
VNG and the agency Acato). Two genres, documents listed in ``DOCUMENTS`` by path:

* **service** - research on services for residents and entrepreneurs: the checklist for
  young people turning 18, the form for permit applications by entrepreneurs, and the
  communication with residents about shelter and housing of vulnerable groups.
* **digital** - research on the online "Mijn Omgeving" (my environment) of the residents:
  the mobile menu (Den Haag alone), the profile service (two rounds, with VNG) and "Mijn
  Producten" (two rounds, with VNG).

Unit rule (fixed and committed before any unit was read for annotation; the same cutting as
heldout8, whose helpers are reused):

* **Lines.** The file is decoded as UTF-8 and cut at ``\\n``. The YAML front matter (from a
  first line ``---`` to the next ``---``) is dropped, and so are HTML comments (also over
  several lines) and code fences with their contents.
* **Paragraphs.** A paragraph is a maximal run of consecutive text lines. A blank line ends
  it, and so does a line of another kind, which is itself dropped: a heading (``#``), a list
  item (``-``, ``*``, ``+`` or ``1.`` / ``1)`` followed by a space), a block quote (``>``:
  the quoted words of participants), a table line (``|``), an image (``![``), an admonition
  (``:::``), a line starting with an HTML or MDX tag (``<``), an ``import`` / ``export``
  line, and a line that is emphasis only (starts and ends with ``_`` or ``*``, such as the
  by-line "_Onderzoek uitgevoerd in 2024 door ..._")
  (``flags_heldout8_export.raw_paragraphs``).
* **Inline Markdown.** In a paragraph images are removed, links become their text
  (``[tekst](url)`` -> ``tekst``), footnote references (``[^1]``) and inline HTML tags are
  removed, ``**x**`` / ``__x__`` / ``*x*`` / ``_x_`` / backquoted ``x`` become ``x``, a
  backslash escape keeps its character, ``&nbsp;`` becomes a space; lines are joined with
  one space and runs of white space collapse to one (``flags_heldout8_export.clean_inline``).
* **Running text only.** A paragraph is kept when ``flags_heldout6_export.is_running_text``
  holds: at least 8 words, ends in ``. ! ?`` (a closing quote or bracket may follow), no run
  of three numbers and at most 20% of its words contain a digit.
* **Units.** Each kept paragraph is cut into one-sentence units with
  ``flags_heldout2_export.split_sentences`` (which does not split after an abbreviation or a
  number, so a unit may hold two sentences joined there). Every unit has at least
  ``MIN_UNIT_WORDS`` words. Skipped: a unit whose text was already taken; whose hash is in a
  committed unit list of another writing-advice set (``tests/fixtures/real/flags_units_*.csv``)
  or listed in ``../shared/reserved/``; that names a private person
  (``flags_heldout4_export.names_private_person``: a title of a private person or initials +
  name not directly after an office word; public officials may stay) or that the annotator
  finds names a private person otherwise (``PRIVATE_NAME_HASHES``, hashes only). A document
  whose path is listed in ``../shared/reserved/`` is skipped whole.

Selection (seeded, not by content): per genre, the kept paragraphs of all its documents (in
``DOCUMENTS`` order, then document order) are shuffled with ``random.Random(SEED)``
(service) and ``random.Random(SEED + 1)`` (digital) and taken whole, in that order, until the
genre has ``TARGET_PER_GENRE`` units; a paragraph that would bring its document above
``MAX_UNITS_PER_DOCUMENT`` units is passed over. The units are put back in document order.
Unit id ``dh-<short>-c<paragraph>-u<unit>`` (``short`` from ``DOCUMENTS``, paragraph =
index among the document's kept paragraphs, unit = index of the sentence in the paragraph),
dataset ``denhaag_heldout9``, document ``denhaag_<genre>_<short>``.

Writes ``<eval dir>/flags/heldout9_units.csv`` (dataset, unit_id, document, path, text,
text_sha256) and ``heldout9_PROVENANCE.json`` beside it. The texts are not committed.
``--unit-list`` also writes the committed unit list
``tests/fixtures/real/flags_units_heldout9.csv`` (refused when it exists and differs);
``--check`` verifies the committed unit and annotation files against the exported texts
(``flags_gold.load_side("heldout9")``).

Usage: ``python -m bench.evaluate.flags_heldout9_export [--unit-list | --check]``
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

DATASET = "denhaag_heldout9"
SERVICE = "service"
DIGITAL = "digital"
DEN_HAAG = ("gemeente den haag",)
WITH_VNG = ("gemeente den haag", "vng")
# (short name, path under BASE, genre, the parties that conducted the research, lower case),
# in the order paragraphs are pooled.
DOCUMENTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("checklist-18", "5-18-jaar worden/denhaag-checklist-18-jarigen.md", SERVICE, DEN_HAAG),
    ("vergunning-ondernemers", "1-formulieren/den-haag-vergunningsaanvraag-ondernemers.md",
     SERVICE, DEN_HAAG),
    ("opvang-huisvesting", "denhaag-opvang-en-huisvesting-kwetsbare-doelgroepen.md", SERVICE,
     DEN_HAAG),
    ("mobiel-menu", "2-mijn-zaken/denhaag-mijnomgeving-mobiel-menu.md", DIGITAL, DEN_HAAG),
    ("profielservice-exploratief",
     "2-mijn-zaken/vng-profielservice/vng-profielservice-exploratief-onderzoek.md", DIGITAL,
     WITH_VNG),
    ("profielservice-omnichannel",
     "2-mijn-zaken/vng-profielservice/vng-profielservice-omnichannel.md", DIGITAL, WITH_VNG),
    ("mijn-producten-exploratief",
     "2-mijn-zaken/vng-mijn-producten/vng-mijn-producten-exploratief-onderzoek.md", DIGITAL,
     WITH_VNG),
    ("mijn-producten-vervolg", "2-mijn-zaken/denhaag-mijn-producten.md", DIGITAL, WITH_VNG),
)  # fmt: skip
GENRES = (SERVICE, DIGITAL)
SEED = 20261216
TARGET_PER_GENRE = 120
MAX_UNITS_PER_DOCUMENT = 60
MIN_UNIT_WORDS = 5
# Units skipped by the annotator because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset({
    # dh-mobiel-menu-c13-u0: names an employee of the agency Acato by first and last name
    "84c155cc4afb769da6d8b4d9f2ba36e81dc5e390d7169c4ca54990d2f1d95cf4",
    # dh-profielservice-exploratief-c9-u0: names the municipal client and that researcher,
    # with their e-mail addresses
    "3e7dd7472e354d1dfa2eca5f8b0941be891bf3e0df73cc4fc215237e6f2e9408",
    # dh-profielservice-omnichannel-c16-u0: names the same two people
    "6ea74761d88a418586a7ff47de545a94cc732c35b097e7843b4ba7613a9164d0",
})  # fmt: skip
UNIT_LIST = ROOT / "tests" / "fixtures" / "real" / "flags_units_heldout9.csv"


@dataclass(frozen=True)
class Paragraph:
    """One running-text paragraph of a document."""

    short: str
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
    for short, rel, genre, parties in DOCUMENTS:
        path = BASE + rel
        if path in reserved:
            skipped.append(path)
            continue
        found, shas[path] = page_paragraphs(path, parties, ignore_case=True)
        paragraphs.extend(Paragraph(short, genre, path, i, t) for i, t in enumerate(found))
    return paragraphs, shas, skipped


def select(
    paragraphs: Sequence[Paragraph], blocked: set[str]
) -> tuple[list[tuple[Paragraph, int, str]], dict]:
    """``flags_units.select_units`` with this set's genres, seed and limits."""
    return select_units(
        paragraphs, blocked, genres=GENRES, seed=SEED, target_per_genre=TARGET_PER_GENRE,
        max_per_document=MAX_UNITS_PER_DOCUMENT, min_words=MIN_UNIT_WORDS,
        private_hashes=PRIVATE_NAME_HASHES, names_private_person=names_private_person,
        split_sentences=split_sentences,
    )  # fmt: skip


def build_units() -> tuple[list[dict], dict, dict[str, str]]:
    """Unit rows, counts for the provenance record and the sha256 of each file read."""
    reserved = reserved_first_fields()
    paragraphs, shas, skipped_docs = document_paragraphs(reserved)
    units, skipped = select(paragraphs, reserved | other_flag_set_units("heldout9"))
    rows = [
        dict(dataset=DATASET, unit_id=f"dh-{para.short}-c{para.index}-u{u_i}",
             document=f"denhaag_{para.genre}_{para.short}", path=para.path,
             text=text, text_sha256=sha256_text(text))
        for para, u_i, text in units
    ]  # fmt: skip
    counts = unit_counts(paragraphs, units, rows, skipped, skipped_docs)
    return rows, counts, shas


def provenance(rows: list[dict], counts: dict, shas: dict[str, str]) -> dict:
    """The provenance record of the export (written beside the units)."""
    record = side_record(
        "heldout9",
        rows,
        counts,
        shas,
        repository=REPO,
        commit=COMMIT,
        paths=[BASE + rel for _, rel, _, _ in DOCUMENTS],
        licence="CC0 1.0 Universal: the research summaries shared on gebruikersonderzoeken.nl "
        "(each page marked '@license CC0-1.0'; docs/colofon/README.md), here the pages of "
        "research conducted by the municipality of Den Haag alone or with VNG. Texts not "
        "committed.",
        note=(
            f"Running-text paragraphs (>= 8 words, ending in . ! ?, <= 20% words with digits; "
            f"no front matter, headings, list items, block quotes, tables, images or by-lines) "
            f"of {sum(g == SERVICE for _, _, g, _ in DOCUMENTS)} service and "
            f"{sum(g == DIGITAL for _, _, g, _ in DOCUMENTS)} digital research pages of the "
            f"municipality of Den Haag (alone or with VNG); seeded sample (seed {SEED} "
            f"service, {SEED + 1} digital) of whole paragraphs up to {TARGET_PER_GENRE} "
            f"one-sentence units of >= {MIN_UNIT_WORDS} words per genre, <= "
            f"{MAX_UNITS_PER_DOCUMENT} per document, in document order. Counts: "
            f"{json.dumps(counts)}"
        ),
    )
    record["documents"] = {short: BASE + rel for short, rel, _, _ in DOCUMENTS}
    record["conducted_by"] = {short: list(parties) for short, _, _, parties in DOCUMENTS}
    return record


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side="heldout9", description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
