"""Export the units of the twelfth, blind held-out writing-advice gold set ("heldout12").

Source: Provincie-Zuid-Holland/Provincie-Zuid-Holland-PZH-Wooverzicht at ``COMMIT`` (read from
the mirror; the only commit that holds all the extracted dossiers), ``backend/data/extracted/
woo-<n>/combined_data.json``: the documents of the **Provincie Overijssel** that its Woo
portal (woo.dataportaaloverijssel.nl) publishes actively, one PDF per dossier with its
metadata (title, summary, year, Woo theme) and the text the repository's pipeline extracted
from the PDF (``pdf_content``: one line per PDF line, blank lines between blocks). All are
about the province's wind and solar energy policy (2022-2024). A writer (a province) and a
genre no other writing-advice set uses: letters of the provincial executive (Gedeputeerde
Staten) to municipalities, to the provincial council and to others, an e-mail to the
aldermen, a press release, reports of administrative meetings with municipalities, an
advisory note, a council proposal (Statenvoorstel), the draft amendment of the provincial
environment regulation with its explanation, the provincial energy programme (two versions)
and the interim report of the energy region RES West-Overijssel (municipalities, province and
water boards together; among its municipalities Dalfsen, Steenwijkerland and Zwolle, whose
algorithm-register texts are in heldout11). Second choice after municipal text: no fresh
municipal running text was found (NeoDemos/NeoDemos holds a political party's negotiation
notes and LLM answers, the Helmond web site mirror one home page).

Unit rule (fixed and committed before any unit was read for annotation):

* **Documents** (``DOCUMENTS``, chosen from the metadata alone: title and Woo theme). Every
  dossier of the commit except (a) the notifications (*meldingen*: Omgevingsloket forms filed
  by private initiators, anonymised), (b) the research reports (Woo theme "onderzoeksrapport":
  the environmental effect report and its annexes and the nature test, written by
  consultancies), (c) the maps and (d) the dossiers without text (formats, the policy rule on
  the notice, the flow chart: ``pdf_content`` empty). The export checks each listed dossier's
  title against its metadata.
* **Lines.** ``pdf_content`` with no-break spaces made spaces is cut at line ends, each line
  stripped; empty lines are dropped, and so are page lines ("Pagina 2 van 4", "2 van 4",
  "2/4", a line that is only a number of 1-3 digits) and running headers and footers: a line
  of at most ``HEADER_MAX_WORDS`` words that occurs at least ``HEADER_MIN_COUNT`` times in the
  document.
* **Paragraphs.** heldout7's rule for PDF text, reused on these lines
  (``flags_heldout7_export.paragraphs_of``): a short line (< 75 characters) without end
  punctuation before a line that starts like a sentence or a list item is a heading, label or
  signature line, dropped; the other lines are cut into paragraphs after a sentence end
  before a capital and before list items; a paragraph that starts with a list marker is
  dropped; lines are rejoined with ``flags_heldout3_export.join_lines``. A paragraph is kept
  when it is running text (``flags_heldout6_export.is_running_text``: >= 8 words, ends in . !
  ?, no run of three numbers, <= 20% of words with a digit).
* **Units.** One-sentence units (``flags_heldout2_export.split_sentences``) of at least
  ``MIN_UNIT_WORDS`` words; skipped: a unit already taken (the two versions of the energy
  programme and the letters to several municipalities repeat sentences), one whose hash is in
  a committed unit list of another set or listed in ``../shared/reserved/``, one that names
  a private person (``flags_heldout4_export.names_private_person``, or ``PRIVATE_NAME_HASHES``
  when an annotator finds one; public officials may stay).

Selection (seeded, not by content; ``flags_units.select_units``): the kept paragraphs of all
documents, in ``DOCUMENTS`` order then document order, are shuffled with
``random.Random(SEED)`` and taken whole until ``TARGET_UNITS`` units; a paragraph that would
bring its document above ``MAX_UNITS_PER_DOCUMENT`` units is passed over, so that many
documents are in the set. Units are put back in document order. Unit id
``h12-<short>-c<paragraph>-u<unit>`` (paragraph = index among the document's kept paragraphs,
unit = index of the sentence in the paragraph), dataset ``overijssel_heldout12``, document
``overijssel_<short>``.

Writes ``<eval dir>/flags/heldout12_units.csv`` (``path`` is the dossier's
``combined_data.json``) and ``heldout12_PROVENANCE.json`` beside it; the texts are not
committed. ``--unit-list`` also writes the committed unit list
``tests/fixtures/real/flags_units_heldout12.csv`` (refused when it exists and differs);
``--check`` verifies the committed unit and annotation files against the exported texts.

Usage: ``python -m bench.evaluate.flags_heldout12_export [--unit-list | --check]``
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bench.evaluate.common import (
    ROOT,
    git_show,
    other_flag_set_units,
    reserved_first_fields,
    sha256_text,
)
from bench.evaluate.flags_heldout2_export import COLUMNS, split_sentences
from bench.evaluate.flags_heldout4_export import names_private_person
from bench.evaluate.flags_heldout7_export import document_lines
from bench.evaluate.flags_heldout7_export import paragraphs_of as pdf_paragraphs
from bench.evaluate.flags_units import (
    export_side,
    paragraph_unit_rows,
    select_units,
    side_record,
    unit_counts,
)

SIDE = "heldout12"
DATASET = "overijssel_heldout12"
REPO = "Provincie-Zuid-Holland/Provincie-Zuid-Holland-PZH-Wooverzicht"
COMMIT = "a1a12f03e9b2f2d2fa5e80e6427c97b44d5509a9"
GENRE = "woo"
# (dossier number, short name, title in the dossier's metadata), in the order paragraphs are
# pooled.
DOCUMENTS: tuple[tuple[int, str, str], ...] = (
    (1, "brief-daarle", "Brief project Daarle"),
    (6, "brief-wierden-voorkeursgebieden", "Brief Wierden informatie over voorkeursgebieden"),
    (12, "statenvoorstel-omgevingsverordening",
     "Statenvoorstel Vaststelling aanpassing Omgevingsverordening instructieregel"),
    (44, "ppe-2024", "Provinciaal Programma Energiestrategie 2024"),
    (68, "verslag-bo-hellendoorn", "Verslag bestuurlijk overleg met Hellendoorn 10 juli 2024"),
    (69, "mail-wethouders", "Mail aan Overijsselse wethouders over het windbeleid 24 juli 2024"),
    (70, "verslag-bo-att-maart", "Verslag bestuurlijk overleg ATT windbeleid 18 maart 2024"),
    (71, "verslag-bo-att-juni", "Verslag bestuurlijk overleg ATT windbeleid provincie 20 juni"),
    (72, "res-west-tussenstand", "Tussenstand RES 2.0 - West Overijssel - juli 2023"),
    (75, "omgevingsverordening-wind",
     "Aanpassing Omgevingsverordening Overijssel instructieregels windenergie"),
    (88, "brief-gs-wierden", "Brief van GS aan gemeente Wierden"),
    (91, "verslag-bo-zsdz-februari", "Verslag bestuurlijk overleg windenergie ZSDZ 8 februari"),
    (92, "verslag-bo-zsdz-maart", "Verslag bestuurlijk overleg windenergie ZSDZ 20 en 28 maart"),
    (93, "brief-ps-windbeleid", "Brief aan PS: definitief windbeleid"),
    (94, "adviesnota-mandaat", "Adviesnota GS Mandaat beantwoording brieven gemeenten"),
    (96, "actualisatiebrief-res", "Actualisatiebrief RES maart 2022"),
    (97, "brief-ps-concept-ppe", "Brief aan PS over concept-PPE"),
    (98, "brieven-gemeenten-ppe", "Brieven aan gemeenten bij reactienota PPE"),
    (99, "ppe-2023", "Provinciaal Programma Energiestrategie"),
    (100, "persbericht-zon", "Persbericht zon op land"),
)  # fmt: skip
SEED = 20261208
TARGET_UNITS = 160
MAX_UNITS_PER_DOCUMENT = 16
MIN_UNIT_WORDS = 5
HEADER_MAX_WORDS = 8
HEADER_MIN_COUNT = 3
# Units skipped by the annotator because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset()
UNIT_LIST = ROOT / "tests" / "fixtures" / "real" / f"flags_units_{SIDE}.csv"

_PAGE_LINE = re.compile(r"^(?:Pagina\s*)?\d+\s*(?:van|/)\s*\d+$", re.IGNORECASE)


@dataclass(frozen=True)
class Paragraph:
    """One running-text paragraph of a dossier's document."""

    short: str  # the document: the unit cap applies per document
    genre: str
    index: int
    path: str
    text: str


def path_of(number: int) -> str:
    """The path of a dossier's extracted text and metadata."""
    return f"backend/data/extracted/woo-{number}/combined_data.json"


def body_lines(text: str) -> list[str]:
    """The stripped, non-empty lines of a PDF text: page lines, running headers and footers
    dropped."""
    lines = [line for line in document_lines(text.replace("\xa0", " "))
             if not _PAGE_LINE.match(line)]  # fmt: skip
    counts = Counter(lines)
    return [
        line for line in lines
        if not (len(line.split()) <= HEADER_MAX_WORDS and counts[line] >= HEADER_MIN_COUNT)
    ]  # fmt: skip


def paragraphs_of(text: str) -> list[str]:
    """The running-text paragraphs of one document text, in order (heldout7's rule on the
    body lines)."""
    return pdf_paragraphs("\n".join(body_lines(text)))


def dossier_paragraphs(reserved: set[str]) -> tuple[list[Paragraph], dict[str, str], list[str]]:
    """The kept paragraphs of all documents, the sha256 of each file read and the documents
    skipped because they are reserved."""
    paragraphs: list[Paragraph] = []
    shas: dict[str, str] = {}
    skipped: list[str] = []
    for number, short, title in DOCUMENTS:
        path = path_of(number)
        if path in reserved:
            skipped.append(path)
            continue
        raw = git_show(REPO, path, COMMIT).decode("utf-8")
        shas[path] = sha256_text(raw)
        record = json.loads(raw)
        if not record["metadata"]["Titel"].startswith(title):
            raise ValueError(f"{path}: title {record['metadata']['Titel']!r}, not {title!r}")
        found = paragraphs_of(record["pdf_content"])
        paragraphs.extend(Paragraph(short, GENRE, i, path, t) for i, t in enumerate(found))
    return paragraphs, shas, skipped


def build_units() -> tuple[list[dict], dict, dict[str, str]]:
    """Unit rows, counts for the provenance record and the sha256 of the files read."""
    reserved = reserved_first_fields()
    paragraphs, shas, skipped_docs = dossier_paragraphs(reserved)
    units, skipped = select_units(
        paragraphs, reserved | other_flag_set_units(SIDE), genres=(GENRE,), seed=SEED,
        target_per_genre=TARGET_UNITS, max_per_document=MAX_UNITS_PER_DOCUMENT,
        min_words=MIN_UNIT_WORDS, private_hashes=PRIVATE_NAME_HASHES,
        names_private_person=names_private_person, split_sentences=split_sentences,
    )  # fmt: skip
    rows = paragraph_unit_rows(
        units, dataset=DATASET, id_prefix="h12", document_prefix="overijssel"
    )
    counts = unit_counts(paragraphs, units, rows, skipped, skipped_docs)
    counts["paragraphs_per_document"] = dict(Counter(p.short for p in paragraphs))
    counts["documents"] = len({p.short for p, _, _ in units})
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
        paths=[path_of(number) for number, _, _ in DOCUMENTS],
        licence="Provincie Overijssel: documents the province published actively under the "
        "Woo (woo.dataportaaloverijssel.nl), collected by a repository of the Provincie "
        "Zuid-Holland (MIT licence on its code, added after this commit; no licence stated for "
        "the documents): works made public by a public authority without a copyright "
        "reservation, Auteurswet art. 15b. Texts not committed.",
        note=(
            f"Running-text paragraphs of {len(DOCUMENTS)} Woo dossiers of the Provincie "
            f"Overijssel on wind and solar energy policy (letters, e-mail, press release, "
            f"meeting reports, advisory note, council proposal, draft regulation, energy "
            f"programme, RES interim report; no notifications, research reports, maps); "
            f"seeded sample (seed {SEED}) of whole paragraphs up to {TARGET_UNITS} "
            f"one-sentence units of >= {MIN_UNIT_WORDS} words, <= {MAX_UNITS_PER_DOCUMENT} per "
            f"document, in document order. Counts: {json.dumps(counts)}"
        ),
    )
    record["documents"] = {short: title for _, short, title in DOCUMENTS}
    return record


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side=SIDE, description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
