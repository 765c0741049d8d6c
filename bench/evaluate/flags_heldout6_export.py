"""Export the units of the sixth, blind held-out writing-advice gold set ("heldout6").

Source: meijer1973/azwa at ``COMMIT`` (read from the mirror), documents of the municipality of
Almere, a municipality no other writing-advice set uses, in two genres:

* **council** - council and policy PDFs written by the municipality (college / ambtelijke
  organisatie): the policy text of the Maatschappelijke agenda 2024-2034, the (amended)
  council proposals of the Maatschappelijke agenda and of the Visie gezondheidsbeleid
  2024-2026, and the council proposal Stevige Lokale Teams (2026). Left out: decision lists
  (besluitenlijsten), the budget amendment, the amended copy of the Stevige Lokale Teams
  proposal (same text), advisory-council texts, the evaluation plan and the SPUK plan
  (not needed for the target), and ``mun_almere_2024_2026_visie_gezondheidsbeleid_beleidstekst
  .pdf`` and ``mun_almere_welzijnskader_2020.pdf``, whose blobs are not in the mirror.
* **web** - the municipality's own web pages (almere.nl, sociaaldomein.almere.nl,
  wijkteams.almere.nl) listed in ``DOCUMENTS``. Left out: subsidy registers and the meeting
  schedule (tables and lists), the council's web pages (raadvanalmere.nl summaries of council
  items), pages of Positief Gezond Almere, research institutes and other organisations.

Unit rule (fixed and committed before any unit was read for annotation):

* **PDF paragraphs.** pypdf ``extract_text()`` per page. On each page, among the first and
  last ``EDGE_LINES`` non-blank lines, a line that is only a page number (1-3 digits) or a
  running header (a stripped line found among those edge lines of at least
  ``MIN_HEADER_PAGES`` pages) is dropped. A footnote block is dropped: the lines after the
  last blank line of a page when the first of them starts with a footnote number ("1 Zie:
  ...", 1-2 digits, a space, then a letter, quote or bracket). Blank lines at the start and end
  of a page are dropped, so a paragraph runs on over a page break. The lines are cut into
  paragraphs at blank lines; after a line ending in ``. ! ?`` (a closing quote or bracket may
  follow) when the next line starts with a capital, digit, quote or bracket (so not after
  "o.a." at a line end); and before a list item (a bullet line, or a line with a list marker
  "1." / "a." / "1)" after a line ending in ``. ! ? : ;``). Leading heading lines of a
  paragraph are dropped (shorter than ``HEADING_MAX_CHARS``, no end punctuation
  ``. ! ? : ; ,``, followed by a line starting with a capital, digit or list marker: section
  titles and the form fields of a council proposal's first page). A paragraph that starts with
  a list marker is a list item or a numbered heading and is dropped (this drops the decision
  points of a proposal). Lines are rejoined with ``flags_heldout3_export.join_lines`` (a
  line-end hyphen between letters joins the word and stays as written, except before "en",
  "of", "tot"; other line ends become one space).
* **Web paragraphs.** The main content of the page, extracted with trafilatura
  (``include_tables=False``, ``include_comments=False``; version recorded in the provenance)
  when it is installed, else with lxml (``nav``, ``header``, ``footer``, ``script``,
  ``style``, ``aside``, ``form`` dropped; text of ``p``, ``li``, ``h1``-``h6`` blocks). One
  output line is one paragraph; list items ("- ...", "a. ...", "1. ...") are dropped. Runs of
  white space become one space.
* **Running text only.** A paragraph is kept when it has at least ``MIN_PARAGRAPH_WORDS``
  words, ends in ``. ! ?`` (a closing quote or bracket may follow), has no run of three
  numbers ("83.379 45.689 37.690": table-like) and at most ``MAX_DIGIT_SHARE`` of its words
  contain a digit.
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
``DOCUMENTS`` order, then document order) are shuffled with ``random.Random(SEED)`` (council)
and ``random.Random(SEED + 1)`` (web) and taken whole, in that order, until the genre has
``TARGET_PER_GENRE`` units; a paragraph that would bring its document above
``MAX_UNITS_PER_DOCUMENT`` units is passed over. The units are put back in document order.
Unit id ``alm-<short>-c<paragraph>-u<unit>`` (``short`` from ``DOCUMENTS``, paragraph = index
among the document's kept paragraphs, unit = index of the sentence in the paragraph), dataset
``almere_heldout6``, document ``almere_<genre>_<short>``.

Writes ``<eval dir>/flags/heldout6_units.csv`` (dataset, unit_id, document, path, text,
text_sha256) and ``heldout6_PROVENANCE.json`` beside it. The texts are not committed.
``--check`` verifies the committed unit and annotation files against the exported texts
(``flags_gold.load_side("heldout6")``).

Usage: ``python -m bench.evaluate.flags_heldout6_export [--check]``
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bench.evaluate.common import (
    ENDS_SENTENCE,
    NUMBER_RUN,
    STARTS_UPPER,
    git_show,
    other_flag_set_units,
    reserved_first_fields,
    sha256_text,
)
from bench.evaluate.flags_heldout2_export import COLUMNS, split_sentences
from bench.evaluate.flags_heldout3_export import join_lines, pdf_pages
from bench.evaluate.flags_heldout4_export import names_private_person
from bench.evaluate.flags_units import export_side, select_units, side_record, unit_counts

DATASET = "almere_heldout6"
REPO = "meijer1973/azwa"
COMMIT = "7cf7325e3608b0eeb68d4521ca5f45614111c5fe"
_RAW = "data/raw/municipal/"
COUNCIL = "council"
WEB = "web"
# (short name, repository path, genre), in the order paragraphs are pooled before shuffling.
DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    ("ma-beleid", _RAW + "mun_almere_2024_2034_maatschappelijke_agenda_beleidstekst.pdf", COUNCIL),
    ("ma-rv", _RAW + "mun_almere_2024_2034_maatschappelijke_agenda_raadsvoorstel_geamendeerd.pdf",
     COUNCIL),
    ("gezond-rv",
     _RAW + "mun_almere_2024_2026_visie_gezondheidsbeleid_raadsvoorstel_geamendeerd.pdf", COUNCIL),
    ("slt-rv", _RAW + "mun_almere_2026_stevige_lokale_teams_raadsvoorstel.pdf", COUNCIL),
    ("mantelzorgwaardering", _RAW + "mun_almere_mantelzorgwaardering.html", WEB),
    ("mantelzorg", _RAW + "mun_almere_ondersteuning_mantelzorg.html", WEB),
    ("wijkbudget", _RAW + "mun_almere_wijkbudget.html", WEB),
    ("buurtontmoeting", _RAW + "mun_almere_subsidie_buurtontmoeting.html", WEB),
    ("regels-buurtontmoeting", _RAW + "mun_almere_nadere_regels_buurtontmoeting.html", WEB),
    ("gezonde-scholen", _RAW + "mun_almere_gezonde_scholen.html", WEB),
    ("mentale-gezondheid", _RAW + "mun_almere_mentale_gezondheid.html", WEB),
    ("gezond", _RAW + "mun_almere_gezond_in_almere.html", WEB),
    ("preventieakkoord", _RAW + "mun_almere_almeers_preventieakkoord.html", WEB),
    ("begroting", _RAW + "mun_almere_begroting_2026_webpagina.html", WEB),
    ("sociale-staat", _RAW + "mun_almere_sociale_staat_gateway.html", WEB),
    ("samenwerking", _RAW + "mun_almere_samenwerkingsprojecten.html", WEB),
    ("jeugd-gezin", _RAW + "mun_almere_sociaal_domein_aanbod_jeugd_gezin.html", WEB),
    ("lea", _RAW + "mun_almere_lea_2024_2028.html", WEB),
    ("wijkteams", _RAW + "mun_almere_wijkteams.html", WEB),
    ("wijkteams-ontmoeting", _RAW + "mun_almere_wijkteams_ontmoeting.html", WEB),
)  # fmt: skip
GENRES = (COUNCIL, WEB)
SEED = 20261210
TARGET_PER_GENRE = 120
MAX_UNITS_PER_DOCUMENT = 60
MIN_PARAGRAPH_WORDS = 8
MIN_UNIT_WORDS = 5
MAX_DIGIT_SHARE = 0.20
EDGE_LINES = 2
MIN_HEADER_PAGES = 3
HEADING_MAX_CHARS = 75
# Units skipped by the annotator because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset({
    # alm-gezonde-scholen-c6-u2: names a teacher of a sports foundation (first and last name)
    "71ae4f4b2cf74324bbae62a5a19bd5dbdbd3f18fe837d285ab4e26a0053b5715",
})  # fmt: skip

_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_FOOTNOTE = re.compile(r"^\d{1,2}\s+[A-Za-zÀ-ÿ(\"'‘“]")
# A bullet is a bullet sign followed by a space or the line end ("-9 maanden" is no bullet),
# or a symbol-font bullet from the private use area.
_BULLET = re.compile(r"^(?:[•▪◦·*\-–—§](?:\s|$)|[\uf000-\uf0ff])")
_LIST_MARKER = re.compile(
    r"^(?:[•▪◦·*\-–—§](?:\s|$)|[\uf000-\uf0ff]|\d{1,2}(?:\.\d{1,2})*[.)]\s?(?=\D)"
    r"|\d{1,2}(?:\.\d{1,2})+\s|[a-zA-Z][.)]\s?(?=\D)|\(\w\)\s)"
)
_ENDS_CLAUSE = re.compile(r"[.!?:;][\"'”’)]*$")
_HEADING_END = re.compile(r"[.!?:;,][\"'”’)]*$")


@dataclass(frozen=True)
class Paragraph:
    """One running-text paragraph of a document."""

    short: str
    genre: str
    path: str
    index: int
    text: str


def is_running_text(text: str) -> bool:
    """Long enough, ends a sentence, and not a table-like line of numbers."""
    words = text.split()
    if len(words) < MIN_PARAGRAPH_WORDS or not ENDS_SENTENCE.search(text):
        return False
    if NUMBER_RUN.search(text):
        return False
    return sum(any(ch.isdigit() for ch in w) for w in words) / len(words) <= MAX_DIGIT_SHARE


def _edge_indices(lines: Sequence[str]) -> list[int]:
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(nonblank[:EDGE_LINES] + nonblank[-EDGE_LINES:]))


def running_headers(pages: Sequence[str]) -> set[str]:
    """Stripped lines found among the edge lines of at least ``MIN_HEADER_PAGES`` pages."""
    counts: Counter[str] = Counter()
    for page in pages:
        lines = page.split("\n")
        counts.update({lines[i].strip() for i in _edge_indices(lines)})
    return {line for line, n in counts.items() if n >= MIN_HEADER_PAGES and line}


def page_lines(page: str, headers: set[str]) -> list[str]:
    """The body lines of one page: page number, running headers and footnotes dropped, blank
    lines at both ends removed."""
    lines = page.split("\n")
    drop = {
        i for i in _edge_indices(lines)
        if _PAGE_NUMBER.match(lines[i].strip()) or lines[i].strip() in headers
    }  # fmt: skip
    lines = [line for i, line in enumerate(lines) if i not in drop]
    while lines and not lines[-1].strip():
        lines.pop()
    blanks = [i for i, line in enumerate(lines) if not line.strip()]
    if blanks and blanks[-1] + 1 < len(lines) and _FOOTNOTE.match(lines[blanks[-1] + 1].strip()):
        lines = lines[: blanks[-1]]
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return lines


def _pieces(lines: Sequence[str]) -> list[list[str]]:
    """Blocks between blank lines, cut again after a sentence end and before a list item."""
    pieces: list[list[str]] = []
    current: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            if current:
                pieces.append(current)
            current = []
            continue
        if current:
            previous = current[-1]
            sentence_end = ENDS_SENTENCE.search(previous) and STARTS_UPPER.match(line)
            list_item = _BULLET.match(line) or (
                _LIST_MARKER.match(line) and _ENDS_CLAUSE.search(previous)
            )
            if sentence_end or list_item:
                pieces.append(current)
                current = []
        current.append(line)
    if current:
        pieces.append(current)
    return pieces


def _drop_leading_headings(piece: list[str]) -> list[str]:
    while len(piece) > 1:
        line, following = piece[0], piece[1]
        heading = (
            len(line) < HEADING_MAX_CHARS
            and not _HEADING_END.search(line)
            and (STARTS_UPPER.match(following) or _LIST_MARKER.match(following))
        )
        if not heading:
            break
        piece = piece[1:]
    return piece


def pdf_paragraphs(pages: Sequence[str]) -> list[str]:
    """The running-text paragraphs of a PDF's pages, in order."""
    headers = running_headers(pages)
    lines: list[str] = []
    for page in pages:
        lines.extend(page_lines(page, headers))
    out: list[str] = []
    for piece in _pieces(lines):
        piece = _drop_leading_headings(piece)
        if not piece or _LIST_MARKER.match(piece[0]):
            continue
        text = join_lines(piece)
        if is_running_text(text):
            out.append(text)
    return out


def _extractor() -> str:
    try:
        import trafilatura
    except ImportError:
        import lxml

        return f"lxml {lxml.__version__}"
    return f"trafilatura {trafilatura.__version__}"


def html_lines(html: str) -> list[str]:
    """The main-content lines of a web page (trafilatura, else lxml)."""
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    if trafilatura is not None:
        text = trafilatura.extract(html, include_tables=False, include_comments=False) or ""
        return [re.sub(r"\s+", " ", line).strip() for line in text.split("\n")]
    from lxml import html as lxml_html

    root = lxml_html.fromstring(html)
    for bad in root.xpath("//nav|//header|//footer|//script|//style|//aside|//form"):
        bad.drop_tree()
    main = root.xpath("//main") or [root]
    out: list[str] = []
    for el in main[0].iter("p", "li", "h1", "h2", "h3", "h4", "h5", "h6"):
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        out.append(f"- {text}" if el.tag == "li" else text)
    return out


def web_paragraphs(html: str) -> list[str]:
    """The running-text paragraphs of a web page (list items dropped), in order."""
    return [
        line for line in html_lines(html)
        if line and not _LIST_MARKER.match(line) and is_running_text(line)
    ]  # fmt: skip


def document_paragraphs(reserved: set[str]) -> tuple[list[Paragraph], dict[str, str]]:
    """All kept paragraphs of all documents, and the sha256 of each file read."""
    paragraphs: list[Paragraph] = []
    file_sha: dict[str, str] = {}
    for short, path, genre in DOCUMENTS:
        if path in reserved:
            continue
        data = git_show(REPO, path, COMMIT)
        file_sha[path] = hashlib.sha256(data).hexdigest()
        if path.endswith(".pdf"):
            texts = pdf_paragraphs(pdf_pages(data))
        else:
            texts = web_paragraphs(data.decode("utf-8", errors="replace"))
        paragraphs.extend(Paragraph(short, genre, path, i, t) for i, t in enumerate(texts))
    return paragraphs, file_sha


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
    paragraphs, file_sha = document_paragraphs(reserved)
    units, skipped = select(paragraphs, reserved | other_flag_set_units("heldout6"))
    rows = [
        dict(dataset=DATASET, unit_id=f"alm-{para.short}-c{para.index}-u{u_i}",
             document=f"almere_{para.genre}_{para.short}", path=para.path, text=text,
             text_sha256=sha256_text(text))
        for para, u_i, text in units
    ]  # fmt: skip
    counts = unit_counts(
        paragraphs, units, rows, skipped, [path for _, path, _ in DOCUMENTS if path in reserved]
    )
    return rows, counts, file_sha


def provenance(rows: list[dict], counts: dict, file_sha: dict[str, str]) -> dict:
    """The provenance record of the export (written beside the units)."""
    paths = sorted({r["path"] for r in rows})
    record = side_record(
        "heldout6",
        rows,
        counts,
        {path: file_sha[path] for path in paths},
        repository=REPO,
        commit=COMMIT,
        paths=paths,
        licence="Municipality of Almere: council proposals and policy texts of the college and "
        "the municipality's own web pages, collected in a public repository that has no "
        "licence file (none found at this commit; its README states no licence); works made "
        "public by a public authority, Auteurswet art. 15b. Texts not committed.",
        note=(
            f"Running-text paragraphs (>= {MIN_PARAGRAPH_WORDS} words, ending in . ! ?, <= "
            f"{MAX_DIGIT_SHARE:.0%} words with digits; no headings, lists, footnotes, decision "
            f"points or tables) of {sum(g == COUNCIL for _, _, g in DOCUMENTS)} council PDFs "
            f"(pypdf) and {sum(g == WEB for _, _, g in DOCUMENTS)} web pages ({_extractor()}); "
            f"seeded sample (seed {SEED} council, {SEED + 1} web) of whole paragraphs up to "
            f"{TARGET_PER_GENRE} one-sentence units of >= {MIN_UNIT_WORDS} words per genre, "
            f"<= {MAX_UNITS_PER_DOCUMENT} per document, in document order. "
            f"Counts: {json.dumps(counts)}"
        ),
    )
    record["extractor"] = {"pdf": "pypdf extract_text", "html": _extractor()}
    return record


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side="heldout6", description=__doc__.split("\n")[0], unit_list=None,
        columns=COLUMNS, build=build_units, record=provenance,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
