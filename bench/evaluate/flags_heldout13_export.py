"""Export the units of the thirteenth, blind held-out writing-advice gold set ("heldout13").

Source: btezcan00/hackathon-milvum at ``COMMIT`` (read from the mirror; the only commit that
holds the files: added in it, removed in the next), ``unique files/*.pdf``: the anonymised
documents (producer "xxllnc Anonimiseren": page images with an OCR text layer, redactions
marked "(geanonimiseerd)") that the **municipality of Haarlem** released on a Woo request of
June 2025 about rat nuisance and its control (2019-2024), as a hackathon team stored them for a
search demo. A writer no other writing-advice set uses (no Haarlem text in any set), and
genres the tool's readers write: letters of the municipality to residents (acknowledgement of
a complaint, replies to two petitions and to residents' questions and complaints), the
municipality's notes for the college and the alderman (annotations, a memo, a vision memo, a
registered commitment to the council) and the answers of the municipality to council members'
technical questions (e-mails through the griffie and two exports of a question round).

Unit rule (fixed and committed before any unit was read for annotation):

* **Documents** (``DOCUMENTS``), chosen from the file names and the header lines of each
  document's first page (letterhead, sender, addressee, subject, author: read to tell who wrote
  it; a few body lines came along): every file written by the municipality of Haarlem (its
  departments, the college, the griffie). Left out: (a) texts by others: the quarterly reports
  of the waste company Spaarnelanden and its purchasing strategy, the pest-control firm's
  reports on the Vondelkwartier pilot and its measurement report, the sewer and crawl-space
  findings and the 2018 sewer memo (author not the municipality), the slides "Samenspel
  Rattenbestrijding" (no author), a resident's e-mail to the griffie ("Rattenplaag in
  Haarlem"); (b) texts in which residents write along with the municipality: the complaint
  forms (the four ``...htm`` files and "Klachtenafhandeling"), the e-mail threads about
  reports and the insurer ("FW/RE meldingen", "RE Informatie melding"), the list of reports
  from MOR+ (twice); (c) the second registration of the letter of 11 May 2023 ("Initiërend
  document 20230422069", the same letter BBOR/2023/412061 as "Document 20230659059"); (d) files
  of 4 MiB or more, not in the mirror (the Woo decision, two contracts, the Spaarnelanden five-
  year plan, an e-mail, the answers of 16 June 2022 to technical questions). The export checks
  that each listed file exists at the commit.
* **Lines.** pypdf ``extract_text`` of each page, pages joined by a line end, no-break spaces
  made spaces; lines stripped, empty lines, page lines and running headers and footers
  dropped (heldout12's ``body_lines``: a line of at most 8 words found at least 3 times in the
  document). A *break line* is dropped and ends a paragraph: an e-mail or letter header field
  ("Van:", "Aan:", "Verzonden:", "Onderwerp:", "CC:", "Bijlage(n):", "Datum:" and their English
  forms), a salutation ("Geachte ...," "Beste ...,") or closing ("Met vriendelijke groet",
  "Hoogachtend"), a line of redaction markers only.
* **Paragraphs.** heldout7's rule for PDF text on the lines between break lines
  (``flags_heldout7_export.paragraphs_of``: headings, labels and signature lines dropped,
  paragraphs cut after a sentence end before a capital and before list items, a paragraph
  that starts with a list marker dropped, lines rejoined with heldout3's ``join_lines``, kept
  when running text by heldout6's ``is_running_text``). In the answers to council members
  (kind ``answers``) a paragraph that ends in a question mark is dropped: it is a council
  member's question, not the municipality's writing.
* **Units.** One-sentence units (``flags_heldout2_export.split_sentences``) of at least
  ``MIN_UNIT_WORDS`` words; skipped: a unit already taken (threads and reports repeat
  sentences), one whose hash is in a committed unit list of another set or listed in
  ``../shared/reserved/``, one that holds a redaction marker ("geanonimiseerd": a name,
  address or e-mail address was there) or an e-mail address (counted as ``redacted``), one
  that names a private person (``flags_heldout4_export.names_private_person``, or
  ``PRIVATE_NAME_HASHES`` when an annotator finds one; public officials may stay).

Selection (seeded, not by content; ``flags_units.select_units``): the kept paragraphs of all
documents, in ``DOCUMENTS`` order then document order, are shuffled with
``random.Random(SEED)`` and taken whole until ``TARGET_UNITS`` units; a paragraph that would
bring its document above ``MAX_UNITS_PER_DOCUMENT`` units is passed over. Units are put back in
document order. Unit id ``h13-<short>-c<paragraph>-u<unit>`` (paragraph = index among the
document's kept paragraphs, unit = index of the sentence in the paragraph), dataset
``haarlem_heldout13``, document ``haarlem_<short>``.

Writes ``<eval dir>/flags/heldout13_units.csv`` (``path`` is the PDF's path in the repository)
and ``heldout13_PROVENANCE.json`` beside it; the texts are not committed. ``--unit-list`` also
writes the committed unit list ``tests/fixtures/real/flags_units_heldout13.csv`` (refused when
it exists and differs); ``--check`` verifies the committed unit and annotation files against
the exported texts.

Usage: ``python -m bench.evaluate.flags_heldout13_export [--unit-list | --check]``
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
from bench.evaluate.flags_heldout7_export import paragraphs_of as pdf_paragraphs
from bench.evaluate.flags_heldout12_export import body_lines
from bench.evaluate.flags_units import (
    document_counts,
    export_side,
    paragraph_unit_rows,
    pypdf_version,
    select_units,
    side_record,
)

SIDE = "heldout13"
DATASET = "haarlem_heldout13"
REPO = "btezcan00/hackathon-milvum"
COMMIT = "5b7dc5af69da845b1bd028fe014bec6a357ef982"
FOLDER = "unique files"
GENRE = "woo"
LETTER, NOTE, ANSWERS, COUNCIL = "letter", "note", "answers", "council"
# (file name in FOLDER, short name, kind), in the order paragraphs are pooled.
DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    ("Document 20210381007 ontvangstbevestiging Inhoud document (geanonimiseerd).pdf",
     "brief-ontvangstbevestiging-2021", LETTER),
    ("Document 20210467215 X e.o.; beantwoording petitie overlast ratten Inhoud document "
     "(geanonimiseerd).pdf", "brief-petitie-augustus-2021", LETTER),
    ("Document 20210484225 beantwoording petitie overlast ratten X te Haarlem Inhoud document "
     "(geanonimiseerd).pdf", "brief-petitie-september-2021", LETTER),
    ("Document 20220870011 re- Uw vragen over Rattenbestrijding Inhoud document "
     "(geanonimiseerd).pdf", "brief-uw-vragen-2022", LETTER),
    ("Document 20221624159 Ratten in de X Inhoud document (geanonimiseerd).pdf",
     "brief-ratten-2022", LETTER),
    ("Document 20230659059 Deltwijk-Waterbuurt; ontevreden aanpak Rattenoverlast Inhoud "
     "document (geanonimiseerd).pdf", "brief-delftwijk-2023", LETTER),
    ("HLM SB Annotatie rattenoverlast 210211 (geanonimiseerd).pdf", "annotatie-2021", NOTE),
    ("Bijlage A evaluatie rattenaanpak Vondelkwartier Haarlem (geanonimiseerd).pdf",
     "annotatie-vondelkwartier-2021", NOTE),
    ("Document 20220633329 Evaluatie aanpak ratten begin 2022 Inhoud document "
     "(geanonimiseerd).pdf", "toezegging-evaluatie-2022", NOTE),
    ("HLM SB Annotatie Evaluatie Aanpak Rattenoverlast 20220419 Def (geanonimiseerd).pdf",
     "annotatie-evaluatie-2022", NOTE),
    ("HLM SB Visie rattenbestrijding en KN25 240425 (geanonimiseerd).pdf",
     "memo-visie-2024", NOTE),
    ("HLM SB memo budget rattenaanpak 240910_1 (geanonimiseerd).pdf", "memo-budget-2024", NOTE),
    ("HLM annotatie PB2025 besluit inzet vergoedingen Verpact kosten rattenbestrijding "
     "(geanonimiseerd).pdf", "annotatie-verpact-2024", NOTE),
    ("2020-04-24 Technische vragen LH ratten door containers X  (geanonimiseerd).pdf",
     "vragen-lh-2020", ANSWERS),
    ("2022-10-25 Beantwoording technische vragen D66 Rattenoverlast  (geanonimiseerd).pdf",
     "vragen-d66-2022", ANSWERS),
    ("2023-03-25 Technische vragen JH aanpak rattenoverlast (geanonimiseerd).pdf",
     "vragen-jh-2023", ANSWERS),
    ("2024-06-28 beantw Technische vragen kadernota (geanonimiseerd).pdf",
     "vragen-kadernota-2024", ANSWERS),
    ("2024-10-29 Beantw vragen Programmabegroting (geanonimiseerd).pdf",
     "vragen-begroting-2024", ANSWERS),
    ("2024-11-01 Beantw aanv vragen PvdD programmabegroting (geanonimiseerd).pdf",
     "vragen-pvdd-begroting-2024", ANSWERS),
    ("2024-11-24 Beantw aanv technische vraag PvdD thuisbezoeken spaarnelanden "
     "(geanonimiseerd).pdf", "vragen-pvdd-thuisbezoeken-2024", ANSWERS),
    ("06-17 Besluitenlijst Commissie beheer (geanonimiseerd).pdf",
     "besluitenlijst-commissie-2021", COUNCIL),
)  # fmt: skip
SEED = 20261221
TARGET_UNITS = 160
MAX_UNITS_PER_DOCUMENT = 16
MIN_UNIT_WORDS = 5
# Units skipped by the annotator because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset()
UNIT_LIST = ROOT / "tests" / "fixtures" / "real" / f"flags_units_{SIDE}.csv"

_HEADER_FIELD = re.compile(
    r"^(?:Van|Aan|Verzonden|Onderwerp|CC|Cc|Bcc|Bijlagen?|Bijlage\(n\)|Datum|From|To|Sent"
    r"|Subject|Date)\s*:",
)
_SALUTATION = re.compile(r"^(?:Geachte|Beste)\b.*,$")
_CLOSING = re.compile(r"^(?:Met (?:vriendelijke|hartelijke) groet(?:en)?|Hoogachtend)\b", re.I)
_REDACTION_ONLY = re.compile(r"^(?:\(?geanonimiseerd\)?\s*)+$", re.IGNORECASE)
_REDACTED = re.compile(r"geanonimiseerd", re.IGNORECASE)
_QUESTION_END = re.compile(r"\?[\"'”’)]*$")


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
    """The path of a document's PDF in the repository."""
    return f"{FOLDER}/{name}"


def is_break_line(line: str) -> bool:
    """An e-mail or letter header field, salutation, closing or redaction-only line: dropped,
    and it ends a paragraph."""
    return bool(
        _HEADER_FIELD.match(line) or _SALUTATION.match(line) or _CLOSING.match(line)
        or _REDACTION_ONLY.match(line)
    )  # fmt: skip


def blocks(lines: Sequence[str]) -> list[list[str]]:
    """The runs of lines between break lines."""
    out: list[list[str]] = [[]]
    for line in lines:
        if is_break_line(line):
            out.append([])
        else:
            out[-1].append(line)
    return [block for block in out if block]


def paragraphs_of(text: str, kind: str) -> list[str]:
    """The running-text paragraphs of one document text, in order: heldout7's rule on each
    run of body lines between break lines; in answers to council members, no questions."""
    out: list[str] = []
    for block in blocks(body_lines(text)):
        for paragraph in pdf_paragraphs("\n".join(block)):
            if kind == ANSWERS and _QUESTION_END.search(paragraph):
                continue
            out.append(paragraph)
    return out


def is_redacted(unit: str) -> bool:
    """A unit with a redaction marker or an e-mail address."""
    return bool(_REDACTED.search(unit)) or "@" in unit


def document_paragraphs(reserved: set[str]) -> tuple[list[Paragraph], dict[str, str], list[str]]:
    """The kept paragraphs of all documents, the sha256 of each file read and the documents
    skipped because they are reserved."""
    present = set(git_ls(REPO, FOLDER + "/", COMMIT))
    paragraphs: list[Paragraph] = []
    shas: dict[str, str] = {}
    skipped: list[str] = []
    for name, short, kind in DOCUMENTS:
        path = path_of(name)
        if path not in present:
            raise FileNotFoundError(f"{path} is not in {REPO} at {COMMIT}")
        if path in reserved:
            skipped.append(path)
            continue
        data = git_show(REPO, path, COMMIT)
        shas[path] = hashlib.sha256(data).hexdigest()
        text = "\n".join(pdf_pages(data)).replace("\xa0", " ")
        found = paragraphs_of(text, kind)
        paragraphs.extend(Paragraph(short, GENRE, kind, i, path, t) for i, t in enumerate(found))
    return paragraphs, shas, skipped


def build_units() -> tuple[list[dict], dict, dict[str, str]]:
    """Unit rows, counts for the provenance record and the sha256 of the files read."""
    reserved = reserved_first_fields()
    paragraphs, shas, skipped_docs = document_paragraphs(reserved)
    redacted = Counter()

    def names_or_hides_person(unit: str) -> bool:
        if is_redacted(unit):
            redacted["redacted"] += 1
            return True
        return names_private_person(unit)

    units, skipped = select_units(
        paragraphs, reserved | other_flag_set_units(SIDE), genres=(GENRE,), seed=SEED,
        target_per_genre=TARGET_UNITS, max_per_document=MAX_UNITS_PER_DOCUMENT,
        min_words=MIN_UNIT_WORDS, private_hashes=PRIVATE_NAME_HASHES,
        names_private_person=names_or_hides_person, split_sentences=split_sentences,
    )  # fmt: skip
    skipped["private_name"] -= redacted["redacted"]
    skipped["redacted"] = redacted["redacted"]
    rows = paragraph_unit_rows(units, dataset=DATASET, id_prefix="h13", document_prefix="haarlem")
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
        paths=[path_of(name) for name, _, _ in DOCUMENTS],
        licence="Gemeente Haarlem: anonymised documents released on a Woo request (2025), "
        "stored by a hackathon repository (no licence file, no licence stated for the "
        "documents): works made public by a public authority without a copyright reservation, "
        "Auteurswet art. 15b (only the municipality's own documents are used). Texts not "
        "committed.",
        note=(
            f"Running-text paragraphs of {len(DOCUMENTS)} documents of the municipality of "
            f"Haarlem on rat nuisance (letters to residents, notes for the college and the "
            f"alderman, answers to council members' technical questions, a committee decision "
            f"list); seeded sample (seed {SEED}) of whole paragraphs up to {TARGET_UNITS} "
            f"one-sentence units of >= {MIN_UNIT_WORDS} words, <= {MAX_UNITS_PER_DOCUMENT} per "
            f"document, in document order. Counts: {json.dumps(counts)}"
        ),
    )
    record["documents"] = {short: [kind, name] for name, short, kind in DOCUMENTS}
    record["extractor"] = {"pdf": f"{pypdf_version()} extract_text (OCR text layer)"}
    return record


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side=SIDE, description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
