"""Export the units of the fourteenth, blind held-out writing-advice gold set ("heldout14").

Source: meijer1973/azwa at ``COMMIT`` (read from the mirror; the repository heldout6 reads,
other authors and other documents), ``data/raw/regional/``: texts of the **regional public
bodies of the Flevoland municipalities** and of one municipality, as the repository stored
them (its ``data/extracted/document_inventory.json`` names publisher and source address):

* GGD Flevoland, the joint public health service of the six Flevoland municipalities: five
  pages of its web site (ggdflevoland.nl: Gezonde School, the profile of youth health care,
  Kennis en Advies, the chain approach Gezond Gewicht Almere, fall prevention in Almere), the
  chain documents on fall prevention in Almere (2026) and Lelystad (2025), written by a GGD
  adviser for the chain partners, and a cover note for the GGD's general board on the progress
  of GALA/IZA in the region (2023);
* Zorglandschap Wmo, the Wmo cooperation of the Flevoland municipalities: its page on
  regio.almere.nl, the monitor 2025 (published by Gemeente Lelystad) and the progress report of
  the implementation programme 2020-2026 (Sociaal Domein Flevoland, 2022);
* the Centrumregeling Sociaal Domein Flevoland, the joint arrangement of the municipalities
  (its text and explanation on lokaleregelgeving.overheid.nl);
* Gemeente Noordoostpolder: a memo of the college to the council on the Integraal Zorgakkoord
  in Flevoland (2024).

Unit rule (fixed and committed before any unit was read for annotation):

* **Documents** (``DOCUMENTS``), chosen from the file names, the inventory's publisher and the
  first page's header lines (title, author, sender, addressee; read to tell who wrote it): every
  listed file is written by one of these bodies. Left out (``LEFT_OUT``): the two GGD health
  monitors 2024 for the municipalities ("Tabellenboek": tables of figures); the four GGD files
  the issue-12 programme exports read (budget 2026, administrative report August 2024,
  framework notes 2025 and 2027); heldout6's Almere files (``data/raw/municipal/``, not in
  this folder); every other file of the folder: texts of hospitals, care providers, insurers'
  and care networks, ZonMw, the province and other regions (Flevoziekenhuis, Flever, NPZ,
  Amstelland, ROS Friesland, Samen Nijmegen, Woonzorg Flevoland, RTP, Proscoop, Samen Sterker
  in de Wijk, Provincie Flevoland's coalition, the IZA regional image and plan, whose blobs are
  not in the mirror either). The export checks that each listed file exists at the commit.
* **PDF paragraphs.** heldout6's rule (``flags_heldout6_export.pdf_paragraphs``: pypdf
  ``extract_text`` per page, page numbers, running headers and footnotes dropped, paragraphs
  cut at blank lines, after a sentence end before a capital and before list items, leading
  headings dropped, a paragraph that starts with a list marker dropped, lines rejoined, kept
  when running text by ``is_running_text``), after two steps on each page's lines: no-break
  spaces become spaces, and a *form-field line* (a memo's or cover note's header field:
  "Aan :", "Van :", "Datum :", "Onderwerp :", "Agendapunt:", "Vergaderdatum:", "Behandeling:",
  "(ambtelijk) Portefeuillehouder:", "Portefeuillehouder AB:", "Oplegnotitie voor:",
  "Kenmerk:", "Bijlage(n):") becomes a blank line (dropped; it ends a paragraph).
* **Web paragraphs.** heldout6's rule (``flags_heldout6_export.web_paragraphs``: trafilatura
  main content without tables and comments, one line one paragraph, list items dropped, kept
  when running text).
* **Units.** One-sentence units (``flags_heldout2_export.split_sentences``) of at least
  ``MIN_UNIT_WORDS`` words; skipped: a unit already taken, one whose hash is in a committed
  unit list of another set or listed in ``../shared/reserved/``, one that holds an e-mail
  address (counted as ``email``), one that names a private person
  (``flags_heldout4_export.names_private_person``, or ``PRIVATE_NAME_HASHES`` when an
  annotator finds one; public officials may stay). A document whose path is listed in
  ``../shared/reserved/`` is skipped whole.

Selection (seeded, not by content; ``flags_units.select_units``): the kept paragraphs of all
documents, in ``DOCUMENTS`` order then document order, are shuffled with
``random.Random(SEED)`` and taken whole until ``TARGET_UNITS`` units; a paragraph that would
bring its document above ``MAX_UNITS_PER_DOCUMENT`` units is passed over. Units are put back in
document order. Unit id ``h14-<short>-c<paragraph>-u<unit>`` (paragraph = index among the
document's kept paragraphs, unit = index of the sentence in the paragraph), dataset
``flevoland_heldout14``, document ``flevoland_<short>``.

Writes ``<eval dir>/flags/heldout14_units.csv`` (``path`` is the file's path in the repository)
and ``heldout14_PROVENANCE.json`` beside it; the texts are not committed. ``--unit-list`` also
writes the committed unit list ``tests/fixtures/real/flags_units_heldout14.csv`` (refused when
it exists and differs); ``--check`` verifies the committed unit and annotation files against
the exported texts.

Usage: ``python -m bench.evaluate.flags_heldout14_export [--unit-list | --check]``
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bench.evaluate.common import (
    ROOT,
    git_ls,
    git_show,
    other_flag_set_units,
    reserved_first_fields,
)
from bench.evaluate.flags_heldout2_export import COLUMNS, split_sentences
from bench.evaluate.flags_heldout3_export import pdf_pages
from bench.evaluate.flags_heldout4_export import names_private_person
from bench.evaluate.flags_heldout6_export import _extractor, pdf_paragraphs, web_paragraphs
from bench.evaluate.flags_units import (
    document_counts,
    export_side,
    paragraph_unit_rows,
    pypdf_version,
    select_units,
    side_record,
)

SIDE = "heldout14"
DATASET = "flevoland_heldout14"
REPO = "meijer1973/azwa"
COMMIT = "7cf7325e3608b0eeb68d4521ca5f45614111c5fe"
FOLDER = "data/raw/regional/"
GENRE = "regional"
# Writers.
GGD = "GGD Flevoland"
WMO = "Zorglandschap Wmo (Flevoland municipalities)"
SDF = "Flevoland municipalities (joint arrangement)"
NOP = "Gemeente Noordoostpolder"
# Kinds of text.
WEB, PLAN, NOTE, REPORT, REGULATION = "web", "plan", "note", "report", "regulation"
# (file name in FOLDER, short name, writer, kind), in the order paragraphs are pooled.
DOCUMENTS: tuple[tuple[str, str, str, str], ...] = (
    ("reg_ggd_flevoland_gezonde_school.html", "ggd-gezonde-school", GGD, WEB),
    ("reg_ggd_flevoland_jgz_almere_profile.html", "ggd-jgz", GGD, WEB),
    ("reg_ggd_flevoland_kennis_en_advies.html", "ggd-kennis-advies", GGD, WEB),
    ("reg_ggd_flevoland_ketenaanpak_gezond_gewicht_almere.html", "ggd-gezond-gewicht", GGD, WEB),
    ("reg_ggd_flevoland_valpreventie_almere.html", "ggd-valpreventie-web", GGD, WEB),
    ("reg_ggd_flevoland_valpreventie_almere_ketendocument_2026.pdf",
     "ggd-valpreventie-almere-2026", GGD, PLAN),
    ("reg_ggd_flevoland_valpreventie_lelystad_2025.pdf", "ggd-valpreventie-lelystad-2025", GGD,
     PLAN),
    ("reg_ggd_flevoland_voortgang_gala_regio_2023.pdf", "ggd-oplegnotitie-gala-2023", GGD, NOTE),
    ("reg_almere_zorglandschap_wmo.html", "wmo-web", WMO, WEB),
    ("reg_zorglandschap_wmo_monitor_2025.pdf", "wmo-monitor-2025", WMO, REPORT),
    ("reg_zorglandschap_wmo_uitvoeringsprogramma_2022.pdf", "wmo-uitvoeringsprogramma-2022", WMO,
     PLAN),
    ("reg_centrumregeling_sociaal_domein_flevoland.html", "centrumregeling", SDF, REGULATION),
    ("reg_noordoostpolder_iza_status_memo_2024.pdf", "noordoostpolder-memo-iza-2024", NOP, NOTE),
)  # fmt: skip
# Files of FOLDER a test keeps out of DOCUMENTS: (file name, reason).
LEFT_OUT: tuple[tuple[str, str], ...] = (
    ("reg_ggd_flevoland_2024_ouderen_gemeenten.pdf", "health monitor: tables of figures"),
    ("reg_ggd_flevoland_2024_volwassenen_gemeenten.pdf", "health monitor: tables of figures"),
    ("reg_ggd_flevoland_begroting_2026.pdf", "read by the issue-12 programme exports"),
    ("reg_ggd_flevoland_bestuursrapportage_aug_2024.pdf", "read by the issue-12 programme exports"),
    ("reg_ggd_flevoland_kadernota_2025.pdf", "read by the issue-12 programme exports"),
    ("reg_ggd_flevoland_kadernota_2027.pdf", "read by the issue-12 programme exports"),
)  # fmt: skip
SEED = 20261231
TARGET_UNITS = 160
MAX_UNITS_PER_DOCUMENT = 20
MIN_UNIT_WORDS = 5
# Units skipped by the annotator because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset({
    # h14-wmo-monitor-2025-c24-u2: names a researcher (first and last name), not an official
    "c57124072f42623e5ca5c99a227417422286f0208555bb9e838a628fcdede08d",
})  # fmt: skip
UNIT_LIST = ROOT / "tests" / "fixtures" / "real" / f"flags_units_{SIDE}.csv"

_FORM_FIELD = re.compile(
    r"^(?:\(ambtelijk\)\s*)?(?:Aan|Van|Datum|Onderwerp|Agendapunt|Vergaderdatum|Behandeling"
    r"|Portefeuillehouder(?:\s+AB)?|Oplegnotitie voor|Kenmerk|Bijlagen?|Bijlage\(n\))\s*:",
)
_EMAIL = re.compile(r"\S@\S")


@dataclass(frozen=True)
class Paragraph:
    """One running-text paragraph of a document."""

    short: str  # the document: the unit cap applies per document
    genre: str
    kind: str
    index: int
    path: str
    text: str


def path_of(name: str) -> str:
    """The path of a document in the repository."""
    return FOLDER + name


def is_form_field(line: str) -> bool:
    """A memo's or cover note's header field line ("Aan :", "Agendapunt: 4")."""
    return bool(_FORM_FIELD.match(line.strip()))


def clean_page(page: str) -> str:
    """No-break spaces made spaces; form-field lines made blank (they end a paragraph)."""
    lines = page.replace("\xa0", " ").split("\n")
    return "\n".join("" if is_form_field(line) else line for line in lines)


def paragraphs_of(data: bytes, name: str) -> list[str]:
    """The running-text paragraphs of one file (PDF or web page), in order."""
    if name.endswith(".pdf"):
        return pdf_paragraphs([clean_page(page) for page in pdf_pages(data)])
    return web_paragraphs(data.decode("utf-8", errors="replace").replace("\xa0", " "))


def has_email(unit: str) -> bool:
    """A unit with an e-mail address."""
    return bool(_EMAIL.search(unit))


def document_paragraphs(reserved: set[str]) -> tuple[list[Paragraph], dict[str, str], list[str]]:
    """The kept paragraphs of all documents, the sha256 of each file read and the documents
    skipped because they are reserved."""
    present = set(git_ls(REPO, FOLDER, COMMIT))
    paragraphs: list[Paragraph] = []
    shas: dict[str, str] = {}
    skipped: list[str] = []
    for name, short, _, kind in DOCUMENTS:
        path = path_of(name)
        if path not in present:
            raise FileNotFoundError(f"{path} is not in {REPO} at {COMMIT}")
        if path in reserved:
            skipped.append(path)
            continue
        data = git_show(REPO, path, COMMIT)
        shas[path] = hashlib.sha256(data).hexdigest()
        found = paragraphs_of(data, name)
        paragraphs.extend(Paragraph(short, GENRE, kind, i, path, t) for i, t in enumerate(found))
    return paragraphs, shas, skipped


def build_units() -> tuple[list[dict], dict, dict[str, str]]:
    """Unit rows, counts for the provenance record and the sha256 of the files read."""
    reserved = reserved_first_fields()
    paragraphs, shas, skipped_docs = document_paragraphs(reserved)
    emails = Counter()

    def names_or_mails_person(unit: str) -> bool:
        if has_email(unit):
            emails["email"] += 1
            return True
        return names_private_person(unit)

    units, skipped = select_units(
        paragraphs, reserved | other_flag_set_units(SIDE), genres=(GENRE,), seed=SEED,
        target_per_genre=TARGET_UNITS, max_per_document=MAX_UNITS_PER_DOCUMENT,
        min_words=MIN_UNIT_WORDS, private_hashes=PRIVATE_NAME_HASHES,
        names_private_person=names_or_mails_person, split_sentences=split_sentences,
    )  # fmt: skip
    skipped["private_name"] -= emails["email"]
    skipped["email"] = emails["email"]
    rows = paragraph_unit_rows(units, dataset=DATASET, id_prefix="h14", document_prefix="flevoland")
    counts = document_counts(paragraphs, units, rows, skipped, skipped_docs)
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
        paths=[path_of(name) for name, _, _, _ in DOCUMENTS],
        licence="GGD Flevoland, Zorglandschap Wmo / Sociaal Domein Flevoland (regional public "
        "bodies of the Flevoland municipalities) and Gemeente Noordoostpolder: web pages, "
        "reports, plans, a cover note, a council memo and a joint arrangement, collected in a "
        "public repository that has no licence file (none found at this commit; its README "
        "states no licence); works made public by (bodies of) public authorities, Auteurswet "
        "art. 15b (the regulation: art. 11, no copyright). Texts not committed.",
        note=(
            f"Running-text paragraphs (heldout6's rule; form-field lines dropped) of "
            f"{len(DOCUMENTS)} documents of regional public bodies of the Flevoland "
            f"municipalities (GGD Flevoland, Zorglandschap Wmo, the Centrumregeling Sociaal "
            f"Domein Flevoland) and of Gemeente Noordoostpolder; seeded sample (seed {SEED}) "
            f"of whole paragraphs up to {TARGET_UNITS} one-sentence units of >= "
            f"{MIN_UNIT_WORDS} words, <= {MAX_UNITS_PER_DOCUMENT} per document, in document "
            f"order. Counts: {json.dumps(counts)}"
        ),
    )
    record["documents"] = {short: [writer, kind, name] for name, short, writer, kind in DOCUMENTS}
    record["extractor"] = {"pdf": f"{pypdf_version()} extract_text", "html": _extractor()}
    return record


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side=SIDE, description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
