"""Export the units of the seventh, blind held-out writing-advice gold set ("heldout7").

Source: Boyd220/InzichtInBeleid at ``COMMIT`` (read from the mirror), ``total.json``: the
texts of the documents of the council meeting of the municipality of **Nieuwkoop** of 14
December 2017, as the Open Raadsinformatie API returned them (the ``document`` field holds
the text ORI extracted from each PDF on iBabs, one line per PDF line, pages joined, no blank
lines; the file also holds amendments of the Tweede Kamer, not used). Nieuwkoop is a
municipality no other writing-advice set uses (its zoning plans in the plan corpus come
after every plan the levels, rewrite and heldout2 sets took). Two genres, documents listed
in ``DOCUMENTS`` by their ORI title (``summary``):

* **proposal** - the seven council proposals (raadsvoorstellen) of the college for that
  meeting: traffic safety Zevenhovenseweg, opinion on the regional housing agenda, zoning
  plan Teylerspark, land development Teylerspark, preparation credit Teylerspark 2, the
  standards framework 2017 and the urban design plan Noorder- en Zuidereiland.
* **reply** - texts in which the municipal organisation answers others: the draft letter of
  the municipality to Holland Rijnland with its opinion on the regional housing agenda, the
  note on the views submitted on the draft zoning plan Teylerspark ("Nota van zienswijzen",
  author gemeente Nieuwkoop) and the memo answering a council party's technical questions
  on the Noorder- en Zuidereiland plan.

Left out: the council decisions (raadsbesluiten: decision points), decision and action lists
and the list of incoming documents (lists of the griffie), motions and amendments (written by
council parties), the letter of Holland Rijnland, texts written by consultants for the
municipality (the design note on the cycle route, the Antea Group memo, the urban design
plan), the standards framework itself (tables of regulations), the maps and plan rules of the
draft zoning plan (no text in ORI), and the "Nota van beantwoording Noorder en Zuidereiland",
whose text ORI extracted as a two-column table (median line 35 characters), so its lines do
not form sentences.

Unit rule (fixed and committed before any unit was read for annotation):

* **Lines.** The ``document`` text is cut at ``\\n`` and each line stripped; empty lines are
  dropped, and so are page lines: "Pagina 2 van 4" and a line that is only a number of 1-3
  digits (page numbers; also bare numbers of tables).
* **Headings and labels.** A line shorter than ``HEADING_MAX_CHARS`` that does not end in
  ``. ! ? ; ,`` (a closing quote or bracket may follow) and is followed by a line that starts
  with a capital, digit, quote, bracket or list marker (or is the last line) is a heading,
  form field or label ("Inleiding / aanleiding", "Portefeuillehouder:", "Samenvatting:", the
  name of the civil servant who drafted the proposal, "b. Wijzigen van de weginrichting",
  "Ad 1", signature lines): it ends the paragraph before it and is dropped.
* **Paragraphs.** The other lines are cut into paragraphs after a line ending in ``. ! ?``
  (a closing quote or bracket may follow) when the next line starts with a capital, digit,
  quote or bracket (so not after "o.a." at a line end), and before a list item (a bullet
  line, or a line with a list marker after a line ending in ``. ! ? : ;``: "1." / "a." /
  "1)" / "2.1 ", also alone on its line, or a single digit before a space and a capital,
  "1 Uit de ..."). A paragraph that starts with a list marker is a list item and is dropped
  (this drops the decision points of a proposal). Lines are rejoined with
  ``flags_heldout3_export.join_lines`` (a line-end hyphen between letters joins the word and
  stays as written, except before "en", "of", "tot"; other line ends become one space).
* **Running text only.** A paragraph is kept when ``flags_heldout6_export.is_running_text``
  holds: at least 8 words, ends in ``. ! ?`` (a closing quote or bracket may follow), no run
  of three numbers ("83.379 45.689 37.690": table-like) and at most 20% of its words contain
  a digit.
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
(proposal) and ``random.Random(SEED + 1)`` (reply) and taken whole, in that order, until the
genre has ``TARGET_PER_GENRE`` units; a paragraph that would bring its document above
``MAX_UNITS_PER_DOCUMENT`` units is passed over. The units are put back in document order.
Unit id ``nwk-<short>-c<paragraph>-u<unit>`` (``short`` from ``DOCUMENTS``, paragraph =
index among the document's kept paragraphs, unit = index of the sentence in the paragraph),
dataset ``nieuwkoop_heldout7``, document ``nieuwkoop_<genre>_<short>``.

Writes ``<eval dir>/flags/heldout7_units.csv`` (dataset, unit_id, document, path, text,
text_sha256; ``path`` is ``total.json#<ORI title>``) and ``heldout7_PROVENANCE.json`` beside
it. The texts are not committed. ``--unit-list`` also writes the committed unit list
``tests/fixtures/real/flags_units_heldout7.csv`` (refused when it exists and differs);
``--check`` verifies the committed unit and annotation files against the exported texts
(``flags_gold.load_side("heldout7")``).

Usage: ``python -m bench.evaluate.flags_heldout7_export [--unit-list | --check]``
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bench.evaluate.common import (
    ENDS_SENTENCE,
    ROOT,
    STARTS_UPPER,
    git_show,
    other_flag_set_units,
    reserved_first_fields,
    sha256_text,
)
from bench.evaluate.flags_heldout2_export import COLUMNS, split_sentences
from bench.evaluate.flags_heldout3_export import join_lines
from bench.evaluate.flags_heldout4_export import names_private_person
from bench.evaluate.flags_heldout6_export import is_running_text
from bench.evaluate.flags_units import export_side, select_units, side_record, unit_counts

DATASET = "nieuwkoop_heldout7"
REPO = "Boyd220/InzichtInBeleid"
COMMIT = "b9d7e21af3034272ad6361d453b1f512fac49c4f"
PATH = "total.json"
PLACE = "gemeente-nieuwkoop-nieuwkoop"
PROPOSAL = "proposal"
REPLY = "reply"
# (short name, ORI title of the document, genre), in the order paragraphs are pooled.
DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    ("rv-zevenhovenseweg", "2017-121a Raadsvoorstel verkeersveiligheid Zevenhovenseweg",
     PROPOSAL),
    ("rv-woonagenda", "2017-117a Raadsvoorstel Zienswijze regionale Woonagenda 2017", PROPOSAL),
    ("rv-bp-teylerspark", "2017-113a Raadsvoorstel vaststelling bp Teylerspark", PROPOSAL),
    ("rv-grex-teylerspark", "2017-114a Raadsvoorstel openen grondexploitatie Teylerspark",
     PROPOSAL),
    ("rv-krediet-teylerspark", "2017-115a Raadsvoorstel voorbereidingskrediet Teylerspark 2",
     PROPOSAL),
    ("rv-normenkader", "2017-118a Raadsvoorstel Normenkader 2017", PROPOSAL),
    ("rv-eilanden", "2017-116a Raadsvoorstel vaststelling stedenbouwkundig plan Noorder- en "
     "Zuidereiland", PROPOSAL),
    ("brief-woonagenda", "2017-117c Concept brief zienswijze RWA 2017", REPLY),
    ("nota-zienswijzen", "2017-113c Bijlage 1 Nota van zienswijzen en wijzigingen "
     "bestemmingsplan Teylerspark", REPLY),
    ("memo-vragen", "ACHTERGRONDINFORMATIE Reactie op technische vragen NN Noorder en "
     "Zuidereiland Verwondering", REPLY),
)  # fmt: skip
GENRES = (PROPOSAL, REPLY)
SEED = 20261212
TARGET_PER_GENRE = 120
MAX_UNITS_PER_DOCUMENT = 60
MIN_UNIT_WORDS = 5
HEADING_MAX_CHARS = 75
# Units skipped by the annotator because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset({
    # nwk-nota-zienswijzen-c119-u0: gives the home address of a resident who submitted a view
    "824ea21c586ce512f8ab44f89bbe9f5d45564fedda2c2e6cb24a79e40f8de965",
})  # fmt: skip
UNIT_LIST = ROOT / "tests" / "fixtures" / "real" / "flags_units_heldout7.csv"

_PAGE_LINE = re.compile(r"^(?:Pagina \d+ van \d+|\d{1,3})$")
# A bullet is a bullet sign followed by a space or the line end ("-9 maanden" is no bullet),
# or a symbol-font bullet from the private use area.
_BULLET = re.compile(r"^(?:[•▪◦·*\-–—§](?:\s|$)|[\uf000-\uf0ff])")
# heldout6's list markers, and a marker alone on its line ("1.", "b)") or a single digit
# before a space and a capital ("1 Uit de reserve ..."), as ORI's text has them.
_LIST_MARKER = re.compile(
    r"^(?:[•▪◦·*\-–—§](?:\s|$)|[\uf000-\uf0ff]|\d{1,2}(?:\.\d{1,2})*[.)]\s?(?=\D)"
    r"|\d{1,2}(?:\.\d{1,2})+\s|[a-zA-Z][.)]\s?(?=\D)|\(\w\)\s"
    r"|\d{1,2}[.)]$|[a-zA-Z][.)]$|\d\s+[A-ZÀ-Ý])"
)
_ENDS_CLAUSE = re.compile(r"[.!?:;][\"'”’)]*$")
_HEADING_END = re.compile(r"[.!?;,][\"'”’)]*$")


@dataclass(frozen=True)
class Paragraph:
    """One running-text paragraph of a document."""

    short: str
    genre: str
    title: str
    index: int
    text: str


def document_lines(text: str) -> list[str]:
    """The stripped, non-empty lines of an ORI document text, page lines dropped."""
    lines = (raw.strip() for raw in text.split("\n"))
    return [line for line in lines if line and not _PAGE_LINE.match(line)]


def is_heading(line: str, following: str | None) -> bool:
    """A short line without end punctuation before a line that starts like a sentence or a
    list item (or at the end): a heading, form field, label or signature line."""
    if len(line) >= HEADING_MAX_CHARS or _HEADING_END.search(line):
        return False
    return following is None or bool(STARTS_UPPER.match(following) or _LIST_MARKER.match(following))


def pieces(lines: Sequence[str]) -> list[list[str]]:
    """Paragraph pieces: headings dropped and ending a piece; cut after a sentence end before
    a line that starts like a sentence, and before a list item."""
    out: list[list[str]] = []
    current: list[str] = []
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        if is_heading(line, following):
            if current:
                out.append(current)
            current = []
            continue
        if current:
            previous = current[-1]
            sentence_end = ENDS_SENTENCE.search(previous) and STARTS_UPPER.match(line)
            list_item = _BULLET.match(line) or (
                _LIST_MARKER.match(line) and _ENDS_CLAUSE.search(previous)
            )
            if sentence_end or list_item:
                out.append(current)
                current = []
        current.append(line)
    if current:
        out.append(current)
    return out


def paragraphs_of(text: str) -> list[str]:
    """The running-text paragraphs of one ORI document text, in order."""
    out: list[str] = []
    for piece in pieces(document_lines(text)):
        if _LIST_MARKER.match(piece[0]):
            continue
        joined = join_lines(piece)
        if is_running_text(joined):
            out.append(joined)
    return out


def source_documents() -> tuple[dict[str, str], str]:
    """ORI title -> document text of the Nieuwkoop documents, and the sha256 of the file."""
    data = git_show(REPO, PATH, COMMIT)
    records = json.loads(data.decode("utf-8"))
    texts: dict[str, str] = {}
    for record in records:
        if record.get("place") != PLACE:
            continue
        title = record["summary"]
        if title in texts:
            raise ValueError(f"{PATH}: two documents titled {title!r}")
        texts[title] = record["document"]
    return texts, hashlib.sha256(data).hexdigest()


def document_paragraphs(reserved: set[str]) -> tuple[list[Paragraph], str, list[str]]:
    """All kept paragraphs of all documents, the sha256 of the file and the documents skipped
    because they are reserved."""
    texts, file_sha = source_documents()
    paragraphs: list[Paragraph] = []
    skipped: list[str] = []
    for short, title, genre in DOCUMENTS:
        if f"{PATH}#{title}" in reserved or PATH in reserved:
            skipped.append(title)
            continue
        found = paragraphs_of(texts[title])
        paragraphs.extend(Paragraph(short, genre, title, i, t) for i, t in enumerate(found))
    return paragraphs, file_sha, skipped


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


def build_units() -> tuple[list[dict], dict, str]:
    """Unit rows, counts for the provenance record and the sha256 of the file read."""
    reserved = reserved_first_fields()
    paragraphs, file_sha, skipped_docs = document_paragraphs(reserved)
    units, skipped = select(paragraphs, reserved | other_flag_set_units("heldout7"))
    rows = [
        dict(dataset=DATASET, unit_id=f"nwk-{para.short}-c{para.index}-u{u_i}",
             document=f"nieuwkoop_{para.genre}_{para.short}", path=f"{PATH}#{para.title}",
             text=text, text_sha256=sha256_text(text))
        for para, u_i, text in units
    ]  # fmt: skip
    counts = unit_counts(paragraphs, units, rows, skipped, skipped_docs)
    return rows, counts, file_sha


def provenance(rows: list[dict], counts: dict, file_sha: str) -> dict:
    """The provenance record of the export (written beside the units)."""
    record = side_record(
        "heldout7",
        rows,
        counts,
        {PATH: file_sha},
        repository=REPO,
        commit=COMMIT,
        paths=[PATH],
        licence="Municipality of Nieuwkoop: council proposals of the college, a letter and "
        "notes of the municipal organisation, published for the council meeting of 14 "
        "December 2017 (iBabs, via the Open Raadsinformatie API), collected in a public "
        "repository without a licence file (its README states none); works made public by a "
        "public authority, Auteurswet art. 15b. Texts not committed.",
        note=(
            f"Running-text paragraphs (>= 8 words, ending in . ! ?, <= 20% words with digits; "
            f"no headings, form fields, labels, lists, decision points or tables) of "
            f"{sum(g == PROPOSAL for _, _, g in DOCUMENTS)} council proposals and "
            f"{sum(g == REPLY for _, _, g in DOCUMENTS)} replies (letter, note of views, memo) "
            f"in the ORI text of {PATH}; seeded sample (seed {SEED} proposal, {SEED + 1} "
            f"reply) of whole paragraphs up to {TARGET_PER_GENRE} one-sentence units of >= "
            f"{MIN_UNIT_WORDS} words per genre, <= {MAX_UNITS_PER_DOCUMENT} per document, in "
            f"document order. Counts: {json.dumps(counts)}"
        ),
    )
    record["documents"] = {short: title for short, title, _ in DOCUMENTS}
    return record


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side="heldout7", description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
