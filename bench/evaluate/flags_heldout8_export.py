"""Export the units of the eighth, blind held-out writing-advice gold set ("heldout8").

Source: nl-design-system/gebruikersonderzoeken at ``COMMIT`` (read from the mirror), the
Markdown pages of gebruikersonderzoeken.nl under ``docs/onderzoek-bekijken/``: summaries of
user research that public organisations publish for everyone to read (CC0 1.0, marked
``<!-- @license CC0-1.0 -->`` in each page; see ``docs/colofon/README.md``). Used: every page
whose front matter lists the municipality of **Utrecht** as the only party that conducted
the research (``conducted_by: [gemeente Utrecht]``), written by the municipality's own
researchers (Stadskamer, digital services, communication). Utrecht is a municipality no
other writing-advice set uses (sets so far: Amsterdam, Maassluis, Sluis, Zaanstad, Vught,
Wassenaar, Almere, GGD Flevoland, Nieuwkoop, and the zoning plans of heldout2, none of
Utrecht). Left out: pages of other organisations, and the Utrecht pages made together with
others (the complaints form with TrueTalk, the 18-year campaign with Jonge Honden, the
shared complaints-form and "Mijn omgeving" / status-component pages with Den Haag and VNG).
Two genres, documents listed in ``DOCUMENTS`` by path:

* **service** - research on the municipality's services and letters to residents and
  businesses: enforcement letters (constateringsbrieven), the disabled parking card,
  residents' initiatives, online reports (meldingen), exceptions in the change-of-address
  process and the web page for traffic projects (the top-level ``utrecht-*.md`` pages).
* **digital** - research on the municipality's web site and online tools: the contact form
  (two rounds), icons (four rounds), dark mode, Google Translate, the typeface, the money-help
  decision tree (two rounds) and the entrepreneurs' navigation (Ondernemerscentraal).

Unit rule (fixed and committed before any unit was read for annotation):

* **Lines.** The file is decoded as UTF-8 and cut at ``\\n``. The YAML front matter (from a
  first line ``---`` to the next ``---``) is dropped, and so are HTML comments (also over
  several lines) and code fences with their contents.
* **Paragraphs.** A paragraph is a maximal run of consecutive text lines. A blank line ends
  it, and so does a line of another kind, which is itself dropped: a heading (``#``), a list
  item (``-``, ``*``, ``+`` or ``1.`` / ``1)`` followed by a space), a block quote (``>``:
  the quoted words of participants), a table line (``|``), an image (``![``), an admonition
  (``:::``), a line starting with an HTML or MDX tag (``<``), an ``import`` / ``export``
  line, and a line that is emphasis only (starts and ends with ``_`` or ``*``, such as the
  by-line "_Onderzoek uitgevoerd in 2023 door ..._").
* **Inline Markdown.** In a paragraph images are removed, links become their text
  (``[tekst](url)`` -> ``tekst``), footnote references (``[^1]``) and inline HTML tags are
  removed, ``**x**`` / ``__x__`` / ``*x*`` / ``_x_`` / backquoted ``x`` become ``x``, a
  backslash escape keeps its character, ``&nbsp;`` becomes a space; lines are joined with
  one space and runs of white space collapse to one.
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
Unit id ``utr-<short>-c<paragraph>-u<unit>`` (``short`` from ``DOCUMENTS``, paragraph =
index among the document's kept paragraphs, unit = index of the sentence in the paragraph),
dataset ``utrecht_heldout8``, document ``utrecht_<genre>_<short>``.

Writes ``<eval dir>/flags/heldout8_units.csv`` (dataset, unit_id, document, path, text,
text_sha256) and ``heldout8_PROVENANCE.json`` beside it. The texts are not committed.
``--unit-list`` also writes the committed unit list
``tests/fixtures/real/flags_units_heldout8.csv`` (refused when it exists and differs);
``--check`` verifies the committed unit and annotation files against the exported texts
(``flags_gold.load_side("heldout8")``).

Usage: ``python -m bench.evaluate.flags_heldout8_export [--unit-list | --check]``
"""

from __future__ import annotations

import hashlib
import json
import re
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
from bench.evaluate.flags_heldout6_export import is_running_text
from bench.evaluate.flags_units import export_side, select_units, side_record, unit_counts

DATASET = "utrecht_heldout8"
REPO = "nl-design-system/gebruikersonderzoeken"
COMMIT = "84145135d6d33cbc2eac4f650d8b61425453ecab"
BASE = "docs/onderzoek-bekijken/"
SERVICE = "service"
DIGITAL = "digital"
# (short name, path under BASE, genre), in the order paragraphs are pooled.
DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    ("constateringsbrieven", "utrecht-constateringsbrieven.md", SERVICE),
    ("parkeerkaart", "utrecht-gehandicaptenparkeerkaart.md", SERVICE),
    ("initiatieven", "utrecht-initiatieven.md", SERVICE),
    ("meldingen", "utrecht-online-meldingen.md", SERVICE),
    ("verhuisaangiften", "utrecht-verhuisaangiften.md", SERVICE),
    ("verkeersprojecten", "utrecht-verkeersprojecten-pagina.md", SERVICE),
    ("contactformulier", "1-formulieren/utrecht-contactformulier.md", DIGITAL),
    ("contactformulier-vervolg", "1-formulieren/utrecht-contactformulier-vervolg.md", DIGITAL),
    ("iconen-bevrijdingsdag", "3-iconen/utrecht-bevrijdingsdag.md", DIGITAL),
    ("iconen-2023-02", "3-iconen/utrecht-februari-2023.md", DIGITAL),
    ("iconen-2022-11", "3-iconen/utrecht-november-2022.md", DIGITAL),
    ("iconen-parkeren", "3-iconen/utrecht-parkeer-icoon.md", DIGITAL),
    ("dark-mode", "4-website-gebruik/utrecht-dark-mode.md", DIGITAL),
    ("google-translate", "4-website-gebruik/utrecht-google-translate.md", DIGITAL),
    ("lettertype", "4-website-gebruik/utrecht-lettertype.md", DIGITAL),
    ("geldhulp-1", "7-beslisboom/utrecht-keuzehulp-geldhulp-beslisboom-1.md", DIGITAL),
    ("geldhulp-2", "7-beslisboom/utrecht-keuzehulp-geldhulp-beslisboom-2.md", DIGITAL),
    ("ondernemerscentraal", "8-navigatie/utrecht-ondernemercentraal.md", DIGITAL),
)
GENRES = (SERVICE, DIGITAL)
CONDUCTED_BY = "gemeente Utrecht"
SEED = 20261214
TARGET_PER_GENRE = 120
MAX_UNITS_PER_DOCUMENT = 60
MIN_UNIT_WORDS = 5
# Units skipped by the annotator because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset({
    # utr-parkeerkaart-c4-u1: names a data analyst of the municipality by first and last name
    "cb3a1a825eda4d62e60173b685e4c222430fb4892cd4d1bd0994409130143360",
    # utr-verhuisaangiften-c8-u1: names a data analyst of the municipality likewise
    "7b97020e93317441bb230609e055d94d61f7487e9e01a19a20a712944cb6f01a",
})  # fmt: skip
UNIT_LIST = ROOT / "tests" / "fixtures" / "real" / "flags_units_heldout8.csv"

# Lines of another kind than running text: they end a paragraph and are dropped.
_OTHER_LINE = re.compile(r"^(?:#|[-*+]\s|\d{1,3}[.)]\s|>|\||!\[|:::|<|import\s|export\s)")
_EMPHASIS_LINE = re.compile(r"^(?:[_*]).*(?:[_*])$")
_FENCE = re.compile(r"^(?:```|~~~)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]*\]")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`([^`]*)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")


@dataclass(frozen=True)
class Paragraph:
    """One running-text paragraph of a document."""

    short: str
    genre: str
    path: str
    index: int
    text: str


def front_matter(text: str) -> tuple[str, str]:
    """(front matter, body) of a Markdown page; the front matter is "" when there is none."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :])
    return "", text


def conducted_by(matter: str) -> list[str]:
    """The ``conducted_by`` list of a page's front matter."""
    out: list[str] = []
    inside = False
    for line in matter.split("\n"):
        if line.startswith("conducted_by:"):
            inside = True
            continue
        if inside:
            item = re.match(r"^\s+-\s+(.*)$", line)
            if not item:
                break
            out.append(item.group(1).strip().strip("'\""))
    return out


def clean_inline(text: str) -> str:
    """A paragraph's Markdown made plain (see the unit rule)."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _FOOTNOTE_REF.sub("", text)
    text = _HTML_TAG.sub(" ", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EM.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    text = text.replace("&nbsp;", " ")
    return re.sub(r"\s+", " ", text).strip()


def raw_paragraphs(body: str) -> list[str]:
    """Runs of text lines (see the unit rule), inline Markdown cleaned, in order."""
    body = _COMMENT.sub("\n", body)
    out: list[str] = []
    current: list[str] = []
    in_fence = False

    def close() -> None:
        if current:
            out.append(clean_inline(" ".join(current)))
            current.clear()

    for raw in body.split("\n"):
        line = raw.strip()
        if _FENCE.match(line):
            close()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not line or _OTHER_LINE.match(line) or _EMPHASIS_LINE.match(line):
            close()
            continue
        current.append(line)
    close()
    return out


def paragraphs_of(text: str) -> list[str]:
    """The running-text paragraphs of one page, in order."""
    _, body = front_matter(text)
    return [p for p in raw_paragraphs(body) if is_running_text(p)]


def page_paragraphs(
    path: str, parties: tuple[str, ...], *, ignore_case: bool = False
) -> tuple[list[str], str]:
    """The running-text paragraphs of one page at ``COMMIT`` and the sha256 of its file, after
    checking that exactly ``parties`` conducted the research (in their letter case, or in
    lower case with ``ignore_case``). Shared by heldout8, heldout9 and heldout10."""
    data = git_show(REPO, path, COMMIT)
    text = data.decode("utf-8")
    matter, _ = front_matter(text)
    found = tuple(conducted_by(matter))
    if (tuple(p.lower() for p in found) if ignore_case else found) != parties:
        raise ValueError(f"{path}: conducted_by is {found}, expected {parties}")
    return paragraphs_of(text), hashlib.sha256(data).hexdigest()


def document_paragraphs(reserved: set[str]) -> tuple[list[Paragraph], dict[str, str], list[str]]:
    """All kept paragraphs of all documents, the sha256 of each file and the documents skipped
    because they are reserved."""
    paragraphs: list[Paragraph] = []
    shas: dict[str, str] = {}
    skipped: list[str] = []
    for short, rel, genre in DOCUMENTS:
        path = BASE + rel
        if path in reserved:
            skipped.append(path)
            continue
        found, shas[path] = page_paragraphs(path, (CONDUCTED_BY,))
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
    units, skipped = select(paragraphs, reserved | other_flag_set_units("heldout8"))
    rows = [
        dict(dataset=DATASET, unit_id=f"utr-{para.short}-c{para.index}-u{u_i}",
             document=f"utrecht_{para.genre}_{para.short}", path=para.path,
             text=text, text_sha256=sha256_text(text))
        for para, u_i, text in units
    ]  # fmt: skip
    counts = unit_counts(paragraphs, units, rows, skipped, skipped_docs)
    return rows, counts, shas


def provenance(rows: list[dict], counts: dict, shas: dict[str, str]) -> dict:
    """The provenance record of the export (written beside the units)."""
    record = side_record(
        "heldout8",
        rows,
        counts,
        shas,
        repository=REPO,
        commit=COMMIT,
        paths=[BASE + rel for _, rel, _ in DOCUMENTS],
        licence="CC0 1.0 Universal: the research summaries shared on gebruikersonderzoeken.nl "
        "(each page marked '@license CC0-1.0'; docs/colofon/README.md), here the pages of "
        "research conducted by the municipality of Utrecht alone. Texts not committed.",
        note=(
            f"Running-text paragraphs (>= 8 words, ending in . ! ?, <= 20% words with digits; "
            f"no front matter, headings, list items, block quotes, tables, images or by-lines) "
            f"of {sum(g == SERVICE for _, _, g in DOCUMENTS)} service and "
            f"{sum(g == DIGITAL for _, _, g in DOCUMENTS)} digital research pages of the "
            f"municipality of Utrecht; seeded sample (seed {SEED} service, {SEED + 1} digital) "
            f"of whole paragraphs up to {TARGET_PER_GENRE} one-sentence units of >= "
            f"{MIN_UNIT_WORDS} words per genre, <= {MAX_UNITS_PER_DOCUMENT} per document, in "
            f"document order. Counts: {json.dumps(counts)}"
        ),
    )
    record["documents"] = {short: BASE + rel for short, rel, _ in DOCUMENTS}
    return record


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side="heldout8", description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
