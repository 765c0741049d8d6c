"""Export the units of the sixteenth, blind held-out writing-advice gold set ("heldout16").

Source: meijer1973/azwa at ``COMMIT`` (read from the mirror; the repository heldout6 and
heldout14 read), ``data/raw/regional/``: the **budget and planning documents of GGD
Flevoland**, the joint public health service of the six Flevoland municipalities (a public
body of municipalities, a joint arrangement, writing for their councils and its own general
board):

* the budget 2026 (begroting: programme texts, paragraphs, explanations);
* the framework notes 2025 and 2027 (kadernota: the frames of the next budget);
* the administrative report of August 2024 (bestuursrapportage).

Budget prose, the register of heldout3 (Wassenaar budget prose, development data since
round 5), another writer. No writing-advice set read these four files (heldout14 read other
GGD Flevoland files and left these out because the issue-12 programme exports read them; the
programme parser was developed on them, which does not touch the advice rules).

Unit rule (fixed and committed, 9bda055, before any unit was read; changed once after the first
export and before any annotation, see below):

* **Documents** (``DOCUMENTS``): the four files above, all written by GGD Flevoland. The export
  checks that each exists at the commit; a document whose path is listed in
  ``../shared/reserved/`` is skipped whole.
* **PDF paragraphs.** heldout14's rule (pypdf ``extract_text`` per page;
  ``flags_heldout14_export.clean_page``: no-break spaces made spaces, form-field lines dropped),
  a hyphenation repair (``repair_hyphenation``, added after the first export, see below), then
  heldout6's ``pdf_paragraphs``: page numbers, running headers and footnotes dropped, paragraphs
  cut at blank lines, after a sentence end before a capital and before list items, leading
  heading lines dropped, a paragraph that starts with a list marker dropped, lines rejoined,
  kept when running text by ``is_running_text``: >= 8 words, ends a sentence, no run of three
  numbers, at most 20% of its words with a digit). Dropped besides: a paragraph with the dot or
  underscore leaders of a table of contents (``is_toc``); the paragraph index stays that of
  ``paragraphs_of``.
* **Units.** One-sentence units (``flags_heldout2_export.split_sentences``) of at least
  ``MIN_UNIT_WORDS`` words (``short``: list fragments and headings of fewer words). Skipped
  besides (counted by reason): every sentence of a paragraph with *layout* debris (``is_layout``:
  a numbered heading inside it, a bullet sign: a sidebar or a table cell run into the text;
  added after the first export; the paragraph stays in the seeded pool and gives no unit); by
  ``skip_reason``, a *long* one of more than ``MAX_UNIT_WORDS``
  words (a flattened table; added after the first export); a *fragment* (not starting like a
  sentence, ``common.STARTS_UPPER``, or not ending one, ``common.ENDS_SENTENCE``); a *heading*
  (starts with a section number "2.1 " before a capital); a *table* line (a run of three
  numbers, ``common.NUMBER_RUN``, or a table's calculation "x 10% = -€ 81.200", added after the
  first export); an *amounts* line (more than ``MAX_UNIT_DIGIT_SHARE`` of its words hold a
  digit); a *toc* line (dot or underscore leaders of a table of contents); *unreadable*
  characters (a control, private-use, unassigned or replacement character, a letter of a
  non-Latin script but the micro sign: a broken font mapping); an e-mail address (``email``);
  then (``flags_units.select_units``) a unit already taken, one whose hash is in a committed
  unit list of another set or listed in ``../shared/reserved/``, one that names a private person
  (``flags_heldout4_export.names_private_person``, or ``PRIVATE_NAME_HASHES`` when an annotator
  finds one; public officials may stay).

Changes after the first export (78dc8cf), before any annotation, prompted by defects of form
seen while checking the units for the source notes, none about the advice kinds: (1) three of
the four PDFs write an automatic hyphenation break as a spaced hyphen at a line end ("afde -" /
"lingen"), which the rejoined lines gave as "afde - lingen" (24 of the 160 units held such a
broken word): ``repair_hyphenation`` joins the word when the next line starts in lower case and
not with "en", "of" or "tot" (a break over a page end stays); (2) one unit was a budget table
flattened into one "sentence" of 140 words: the ``long`` skip and the calculation pattern of
``table`` drop such units (2e92b2f: 159 of the 160 units kept, 24 with repaired words, one unit
of the next paragraph in the seeded order); (3) two paragraphs gave units with a sidebar's
numbered headings run into the text ("samenwerkingen 1.4. GHOR 1. Maatschappelijke
ontwikkelingen in 2027 In de maatschappij ...") or a table cell with a bullet sign ("›"): the
``layout`` skip gives no unit of such a paragraph (kept in the pool, so the seeded order of the
others stays): 154 units kept, 6 gone, 7 of three further paragraphs taken, 161 units.

Selection (seeded, not by content; ``flags_units.select_units``): the kept paragraphs of the
four documents, in ``DOCUMENTS`` order then document order, are shuffled with
``random.Random(SEED)`` and taken whole until ``TARGET_UNITS`` units; a paragraph that would
bring its document above ``MAX_UNITS_PER_DOCUMENT`` units is passed over. Units are put back in
document order. Unit id ``h16-<short>-c<paragraph>-u<unit>`` (paragraph = index among the
document's running-text paragraphs, ``paragraphs_of``, a dropped table of contents counted;
unit = index of the sentence in the paragraph), dataset ``ggd_budget_heldout16``, document
``ggdflevoland_<short>``.

Writes ``<eval dir>/flags/heldout16_units.csv`` (``path`` is the file's path in the repository)
and ``heldout16_PROVENANCE.json`` beside it; the texts are not committed. ``--unit-list`` also
writes the committed unit list ``tests/fixtures/real/flags_units_heldout16.csv`` (refused when
it exists and differs); ``--check`` verifies the committed unit and annotation files against
the exported texts; ``--dry-run`` prints the counts only.

Usage: ``python -m bench.evaluate.flags_heldout16_export [--unit-list | --check | --dry-run]``
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from bench.evaluate.common import (
    ENDS_SENTENCE,
    NUMBER_RUN,
    ROOT,
    STARTS_UPPER,
    git_ls,
    git_show,
    other_flag_set_units,
    reserved_first_fields,
)
from bench.evaluate.flags_heldout2_export import COLUMNS, split_sentences
from bench.evaluate.flags_heldout3_export import pdf_pages
from bench.evaluate.flags_heldout4_export import names_private_person
from bench.evaluate.flags_heldout6_export import pdf_paragraphs
from bench.evaluate.flags_heldout14_export import Paragraph, clean_page
from bench.evaluate.flags_units import (
    export_side,
    paragraph_unit_rows,
    pypdf_version,
    select_units,
    side_record,
    unit_counts,
)

SIDE = "heldout16"
DATASET = "ggd_budget_heldout16"
REPO = "meijer1973/azwa"
COMMIT = "7cf7325e3608b0eeb68d4521ca5f45614111c5fe"
FOLDER = "data/raw/regional/"
GENRE = "budget"
WRITER = "GGD Flevoland"
# Kinds of text.
BUDGET, FRAMEWORK, REPORT = "budget", "framework note", "administrative report"
# (file name in FOLDER, short name, kind), in the order paragraphs are pooled.
DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    ("reg_ggd_flevoland_begroting_2026.pdf", "begroting-2026", BUDGET),
    ("reg_ggd_flevoland_kadernota_2025.pdf", "kadernota-2025", FRAMEWORK),
    ("reg_ggd_flevoland_kadernota_2027.pdf", "kadernota-2027", FRAMEWORK),
    ("reg_ggd_flevoland_bestuursrapportage_aug_2024.pdf", "bestuursrapportage-aug-2024", REPORT),
)  # fmt: skip
SEED = 20270116
TARGET_UNITS = 160
MAX_UNITS_PER_DOCUMENT = 45
MIN_UNIT_WORDS = 5
# A unit with more than this share of words holding a digit is an amounts line. The
# paragraph rule allows 20% over a whole paragraph; one sentence may hold more figures.
MAX_UNIT_DIGIT_SHARE = 0.34
# A longer "sentence" is a flattened table or a run the sentence splitter could not cut.
MAX_UNIT_WORDS = 80
# Units skipped by the annotator because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset()
UNIT_LIST = ROOT / "tests" / "fixtures" / "real" / f"flags_units_{SIDE}.csv"

_EMAIL = re.compile(r"\S@\S")
_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+[A-ZÀ-Ý]")
_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}|_{4,}")
# A calculation of a budget table ("€ 812.000 x 10% = -€ 81.200").
_CALCULATION = re.compile(r"\d%?\s*[x×=]\s*[-+]?\s*€?\s*\d|=\s*[-+]?\s*€")
# A hyphenation break the typesetter wrote with a space before the hyphen ("afde -" at a
# line end, "lingen" on the next line), and the words before which a line-end hyphen is an
# elided compound part ("zorg- en welzijn"), as flags_heldout3_export.join_lines.
_SPACED_BREAK = re.compile(r"(?<=[^\W\d_]) -[ \t]*$")
_LOWER_START = re.compile(r"[a-zß-ÿ]")
_KEEP_HYPHEN_BEFORE = re.compile(r"(?:en|of|tot)\b")
# Layout debris in a paragraph: a numbered heading inside it ("samenwerkingen 1.4. GHOR 1.
# Maatschappelijke ontwikkelingen"; a year before a full stop is no heading) or a bullet sign.
_EMBEDDED_HEADING = re.compile(r"(?:^|\s)\d{1,2}(?:\.\d{1,2})*\.\s+[A-ZÀ-Ý]")
_BULLET_SIGN = re.compile(r"[›•▪◦\uf0b7]")
_MICRO = frozenset("\u00b5\u03bc")  # micro sign, Greek mu (units of measure)
# The reasons skip_reason gives, in the order it checks them.
UNIT_SKIPS = (
    "layout", "long", "fragment", "heading", "table", "amounts", "toc", "unreadable", "email",
)  # fmt: skip


def path_of(name: str) -> str:
    """The path of a document in the repository."""
    return FOLDER + name


def has_unreadable(unit: str) -> bool:
    """A control, private-use, unassigned or replacement character, or a letter of another
    script than Latin (the micro sign of a unit such as "µg" is read)."""
    for char in unit:
        category = unicodedata.category(char)
        if char == "\ufffd" or category in ("Cc", "Co", "Cn", "Cs"):
            return True
        if (
            category.startswith("L")
            and char not in _MICRO
            and not unicodedata.name(char, "").startswith("LATIN")
        ):
            return True
    return False


def digit_share(unit: str) -> float:
    """The share of a unit's words that hold a digit."""
    words = unit.split()
    return sum(any(ch.isdigit() for ch in w) for w in words) / len(words) if words else 0.0


def skip_reason(unit: str) -> str | None:
    """Why a sentence of at least ``MIN_UNIT_WORDS`` words is no unit (None: it is one),
    before the duplicate, hash and person checks."""
    if len(unit.split()) > MAX_UNIT_WORDS:
        return "long"
    if not STARTS_UPPER.search(unit) or not ENDS_SENTENCE.search(unit):
        return "fragment"
    if _HEADING.search(unit):
        return "heading"
    if NUMBER_RUN.search(unit) or _CALCULATION.search(unit):
        return "table"
    if digit_share(unit) > MAX_UNIT_DIGIT_SHARE:
        return "amounts"
    if _LEADER.search(unit):
        return "toc"
    if has_unreadable(unit):
        return "unreadable"
    if _EMAIL.search(unit):
        return "email"
    return None


def repair_hyphenation(page: str) -> str:
    """Join a word the typesetter broke at a line end with a spaced hyphen ("afde -" then
    "lingen" becomes "afdelingen"), when the next line starts in lower case and not with
    "en", "of" or "tot"; a break over a page end stays."""
    out: list[str] = []
    for line in page.split("\n"):
        rest = line.lstrip()
        if (
            out
            and _SPACED_BREAK.search(out[-1])
            and _LOWER_START.match(rest)
            and not _KEEP_HYPHEN_BEFORE.match(rest)
        ):
            out[-1] = _SPACED_BREAK.sub("", out[-1]) + rest
        else:
            out.append(line)
    return "\n".join(out)


def paragraphs_of(data: bytes) -> list[str]:
    """The running-text paragraphs of one PDF, in order (heldout14's page cleaning, then the
    hyphenation repair, then heldout6's ``pdf_paragraphs``)."""
    return pdf_paragraphs([repair_hyphenation(clean_page(page)) for page in pdf_pages(data)])


def is_toc(paragraph: str) -> bool:
    """A paragraph with the dot or underscore leaders of a table of contents."""
    return bool(_LEADER.search(paragraph))


def is_layout(paragraph: str) -> bool:
    """A paragraph with layout debris: a numbered heading inside it or a bullet sign (a
    sidebar or table cell run into the text)."""
    return bool(_EMBEDDED_HEADING.search(paragraph) or _BULLET_SIGN.search(paragraph))


def document_paragraphs(
    reserved: set[str], toc: Counter | None = None
) -> tuple[list[Paragraph], dict[str, str], list[str]]:
    """The kept paragraphs of the four documents (a table-of-contents paragraph dropped,
    counted in ``toc`` per document; the index stays that of ``paragraphs_of``), the sha256 of
    each file read and the documents skipped because they are reserved."""
    present = set(git_ls(REPO, FOLDER, COMMIT))
    paragraphs: list[Paragraph] = []
    shas: dict[str, str] = {}
    skipped: list[str] = []
    toc = Counter() if toc is None else toc
    for name, short, kind in DOCUMENTS:
        path = path_of(name)
        if path not in present:
            raise FileNotFoundError(f"{path} is not in {REPO} at {COMMIT}")
        if path in reserved:
            skipped.append(path)
            continue
        data = git_show(REPO, path, COMMIT)
        shas[path] = hashlib.sha256(data).hexdigest()
        for i, text in enumerate(paragraphs_of(data)):
            if is_toc(text):
                toc[short] += 1
            else:
                paragraphs.append(Paragraph(short, GENRE, kind, i, path, text))
    return paragraphs, shas, skipped


def build_units() -> tuple[list[dict], dict, dict[str, str]]:
    """Unit rows, counts for the provenance record and the sha256 of the files read."""
    reserved = reserved_first_fields()
    toc: Counter[str] = Counter()
    paragraphs, shas, skipped_docs = document_paragraphs(reserved, toc)
    # The sentences of a paragraph with layout debris are no units; the paragraph stays in
    # the pool, so the seeded order of the others does not change.
    layout = {s.strip() for p in paragraphs if is_layout(p.text) for s in split_sentences(p.text)}
    unit_skips: Counter[str] = Counter()

    def no_unit_or_person(unit: str) -> bool:
        reason = "layout" if unit in layout else skip_reason(unit)
        if reason is not None:
            unit_skips[reason] += 1
            return True
        return names_private_person(unit)

    units, skipped = select_units(
        paragraphs, reserved | other_flag_set_units(SIDE), genres=(GENRE,), seed=SEED,
        target_per_genre=TARGET_UNITS, max_per_document=MAX_UNITS_PER_DOCUMENT,
        min_words=MIN_UNIT_WORDS, private_hashes=PRIVATE_NAME_HASHES,
        names_private_person=no_unit_or_person, split_sentences=split_sentences,
    )  # fmt: skip
    skipped["private_name"] -= sum(unit_skips.values())
    for reason in UNIT_SKIPS:
        skipped[reason] = unit_skips[reason]
    rows = paragraph_unit_rows(
        units, dataset=DATASET, id_prefix="h16", document_prefix="ggdflevoland"
    )
    counts = unit_counts(paragraphs, units, rows, skipped, skipped_docs)
    counts["paragraphs_per_document"] = dict(Counter(p.short for p in paragraphs))
    counts["toc_paragraphs_dropped"] = dict(toc)
    counts["layout_paragraphs"] = dict(Counter(p.short for p in paragraphs if is_layout(p.text)))
    counts["units_per_kind"] = dict(Counter(p.kind for p, _, _ in units))
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
        paths=[path_of(name) for name, _, _ in DOCUMENTS],
        licence="GGD Flevoland (the joint public health service of the six Flevoland "
        "municipalities, a public body under the Wet gemeenschappelijke regelingen): budget, "
        "framework notes and an administrative report, documents for the councils and the "
        "general board, collected in a public repository that has no licence file (none "
        "found at this commit; its README states no licence); works made public by a body of "
        "public authorities, Auteurswet art. 15b. Texts not committed.",
        note=(
            f"Running-text sentences (heldout14's PDF rule, spaced hyphenation breaks joined; "
            f"unit skips {', '.join(UNIT_SKIPS)}) "
            f"of the budget 2026, the framework notes 2025 and 2027 and the administrative "
            f"report August 2024 of GGD Flevoland; seeded sample (seed {SEED}) of whole "
            f"paragraphs up to {TARGET_UNITS} one-sentence units of >= {MIN_UNIT_WORDS} "
            f"words, <= {MAX_UNITS_PER_DOCUMENT} per document, in document order. Counts: "
            f"{json.dumps(counts)}"
        ),
    )
    record["documents"] = {short: [WRITER, kind, name] for name, short, kind in DOCUMENTS}
    record["extractor"] = {"pdf": f"{pypdf_version()} extract_text"}
    return record


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side=SIDE, description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
