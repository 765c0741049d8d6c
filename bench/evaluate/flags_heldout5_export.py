"""Export the units of the fifth, blind held-out writing-advice gold set ("heldout5").

Source: benjosb/beleidsbibliotheek at ``COMMIT`` (read from the mirror), municipality of
Wassenaar, a genre no other set uses: the **transfer dossier for the new council**
("Overdrachtsdossier raadsverkiezingen 2026", version 4.1 of 18 March 2026), written by the
municipal organisation for the council and college elected on 18 March 2026 (foreword signed
by the gemeentesecretaris "namens de directie en de ambtelijke organisatie"). The Word file
itself (``wassenaar/overdracht voor check.docx``) is listed in the snapshot but its blob is not
in the mirror; the repository holds it unpacked under ``docx_extract/``, and the body
``docx_extract/word/document.xml`` is read.

Unit rule (fixed and committed before any unit was read for annotation):

* **Paragraphs.** The direct children of ``w:body`` in document order; only ``w:p`` (tables
  and the table-of-contents block are skipped). The text of a paragraph is its ``w:t`` text in
  order (tracked insertions included, tracked deletions are ``w:delText`` and drop out), a tab
  or line break becomes a space, runs of white space become one space, stripped.
* **Range.** From the heading "Voorwoord" up to, not including, the first chapter heading that
  starts with "Bijlage" (cover, contents and annexes are outside).
* **Running text only.** Skipped: paragraphs that hold a text box (``w:txbxContent``: cover
  and call-out boxes), paragraphs with a style other than none or ``Normaletekst`` (chapter and
  section headings ``Hoofdstuk*``, part titles ``HeadingW``, contents ``Inhopg*``, the
  source-list style ``Bibliografie``, ``InleidingW``, list paragraphs ``Lijstalinea``) and
  paragraphs with list numbering (``w:numPr``). A paragraph is kept when it has at least
  ``MIN_PARAGRAPH_WORDS`` words, ends in ``. ! ?`` (a closing quote or bracket may follow),
  has no run of three numbers ("83.379 45.689 37.690") and at most ``MAX_DIGIT_SHARE`` of its
  words contain a digit (no table-like lines).
* **Units.** Each kept paragraph is cut into consecutive units of at most ``MAX_SENTENCES``
  sentence (``flags_heldout2_export.split_sentences``, which does not split after an
  abbreviation, so a unit may hold two sentences joined at one). The dossier's sentences are
  long (about 19 words), so one-sentence units give about 200-250 units of 4,000-5,000 words.
  Every unit has at least ``MIN_UNIT_WORDS`` words. A unit whose text was already taken, whose
  hash is in a committed unit list of another writing-advice set
  (``tests/fixtures/real/flags_units_*.csv``) or listed in ``../shared/reserved/``, is skipped.
* **Private persons.** Names of public officials may stay. A unit is skipped when it has a
  title of a private person or initials + name not directly after an office word
  (``flags_heldout4_export.names_private_person``), or when the annotator finds it names a
  private person otherwise (``PRIVATE_NAME_HASHES``, hashes only).

Selection (seeded, not by content): the kept paragraphs in document order are shuffled with
``random.Random(SEED)`` and taken whole, in that order, until ``TARGET_UNITS`` units; the units
are put back in document order. Unit id ``od-<chapter>-c<paragraph>-u<unit>`` (chapter
``voorwoord``, ``inleiding`` or ``h1`` ... ``h11`` from the last chapter heading; paragraph =
index among the kept paragraphs), dataset ``transfer_dossier_heldout5``, document
``overdrachtsdossier_wassenaar_2026``.

Writes ``<eval dir>/flags/heldout5_units.csv`` (dataset, unit_id, document, path, text,
text_sha256) and ``heldout5_PROVENANCE.json`` beside it. The texts are not committed.

Usage: ``python -m bench.evaluate.flags_heldout5_export``
"""

from __future__ import annotations

import json
import os
import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from bench.evaluate.common import (
    ENDS_SENTENCE,
    NUMBER_RUN,
    Provenance,
    eval_dir,
    git_show,
    other_flag_set_units,
    reserved_first_fields,
    sha256_text,
    write_csv,
)
from bench.evaluate.flags_heldout2_export import COLUMNS, split_sentences
from bench.evaluate.flags_heldout4_export import names_private_person

DATASET = "transfer_dossier_heldout5"
DOCUMENT = "overdrachtsdossier_wassenaar_2026"
REPO = "benjosb/beleidsbibliotheek"
COMMIT = "33a829196473e7c3dfaf624575b9a6f6b6cff607"
PATH = "docx_extract/word/document.xml"
DOCX = "wassenaar/overdracht voor check.docx"
SEED = 20261209
TARGET_UNITS = 230
MAX_SENTENCES = 1
MIN_PARAGRAPH_WORDS = 12
MIN_UNIT_WORDS = 6
MAX_DIGIT_SHARE = 0.25
RUNNING_TEXT_STYLES = frozenset({"", "Normaletekst"})
CHAPTER_STYLE = "Hoofdstuk1"
# Units skipped by the annotator because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset()

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHAPTER_NUMBER = re.compile(r"^(\d{1,2})\.")


@dataclass(frozen=True)
class Paragraph:
    """One running-text paragraph of the dossier."""

    chapter: str
    index: int
    text: str


def paragraph_text(p: ET.Element) -> str:
    """The visible text of a ``w:p`` (insertions kept, deletions dropped)."""
    parts: list[str] = []
    for el in p.iter():
        if el.tag == _W + "t":
            parts.append(el.text or "")
        elif el.tag in (_W + "tab", _W + "br", _W + "cr"):
            parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _style(p: ET.Element) -> str:
    style = p.find(f"{_W}pPr/{_W}pStyle")
    return style.get(_W + "val", "") if style is not None else ""


def _chapter(heading: str) -> str:
    number = _CHAPTER_NUMBER.match(heading)
    return f"h{number.group(1)}" if number else heading.lower().split()[0]


def is_running_text(text: str) -> bool:
    """Long enough, ends a sentence, and not a table-like line of numbers."""
    words = text.split()
    if len(words) < MIN_PARAGRAPH_WORDS or not ENDS_SENTENCE.search(text):
        return False
    if NUMBER_RUN.search(text):
        return False
    return sum(any(ch.isdigit() for ch in w) for w in words) / len(words) <= MAX_DIGIT_SHARE


def prose_paragraphs(document_xml: bytes) -> list[Paragraph]:
    """The running-text paragraphs from "Voorwoord" up to the first annex, in order."""
    body = ET.fromstring(document_xml).find(_W + "body")
    if body is None:
        raise ValueError("document.xml has no w:body")
    out: list[Paragraph] = []
    chapter = ""
    for child in body:
        if child.tag != _W + "p":
            continue
        style = _style(child)
        text = paragraph_text(child)
        if style == CHAPTER_STYLE and text:
            if text.startswith("Bijlage") and chapter:
                break
            if text == "Voorwoord" or chapter:
                chapter = _chapter(text)
            continue
        if not chapter or style not in RUNNING_TEXT_STYLES:
            continue
        if child.find(f".//{_W}txbxContent") is not None:
            continue
        if child.find(f"{_W}pPr/{_W}numPr") is not None:
            continue
        if is_running_text(text):
            out.append(Paragraph(chapter, len(out), text))
    return out


def cut_units(text: str, max_sentences: int = MAX_SENTENCES) -> list[str]:
    """Consecutive groups of at most ``max_sentences`` sentences."""
    sents = split_sentences(text)
    return [" ".join(sents[i : i + max_sentences]) for i in range(0, len(sents), max_sentences)]


def select(paragraphs: Sequence[Paragraph]) -> tuple[list[tuple[Paragraph, int, str]], dict]:
    """Seeded sample of whole paragraphs up to ``TARGET_UNITS`` units, in document order:
    (paragraph, unit index, unit text), and the counts of skipped units."""
    blocked = reserved_first_fields() | other_flag_set_units("heldout5")
    skipped = {"short": 0, "duplicate": 0, "other_set_or_reserved": 0, "private_name": 0}
    seen: set[str] = set()
    order = list(range(len(paragraphs)))
    random.Random(SEED).shuffle(order)
    chosen: dict[int, list[tuple[Paragraph, int, str]]] = {}
    n_units = 0
    for i in order:
        if n_units >= TARGET_UNITS:
            break
        units: list[tuple[Paragraph, int, str]] = []
        for u_i, unit in enumerate(cut_units(paragraphs[i].text)):
            digest = sha256_text(unit)
            reason = None
            if len(unit.split()) < MIN_UNIT_WORDS:
                reason = "short"
            elif digest in seen:
                reason = "duplicate"
            elif digest in blocked:
                reason = "other_set_or_reserved"
            elif digest in PRIVATE_NAME_HASHES or names_private_person(unit):
                reason = "private_name"
            if reason:
                skipped[reason] += 1
                continue
            seen.add(digest)
            units.append((paragraphs[i], u_i, unit))
        if units:
            chosen[i] = units
            n_units += len(units)
    return [u for i in sorted(chosen) for u in chosen[i]], skipped


def build_units() -> tuple[list[dict], dict]:
    """Unit rows and counts for the provenance record."""
    if PATH in reserved_first_fields():
        raise RuntimeError(f"{PATH} is listed in ../shared/reserved/")
    paragraphs = prose_paragraphs(git_show(REPO, PATH, COMMIT))
    units, skipped = select(paragraphs)
    rows = [
        dict(dataset=DATASET, unit_id=f"od-{para.chapter}-c{para.index}-u{u_i}",
             document=DOCUMENT, path=PATH, text=text, text_sha256=sha256_text(text))
        for para, u_i, text in units
    ]  # fmt: skip
    counts = {"paragraphs_available": len(paragraphs),
              "paragraphs_used": len({para.index for para, _, _ in units}),
              "units": len(rows), "words": sum(len(r["text"].split()) for r in rows),
              "skipped": skipped}  # fmt: skip
    return rows, counts


def main(argv: Sequence[str] | None = None) -> int:
    rows, counts = build_units()
    out = eval_dir() / "flags"
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "heldout5_units.csv", rows, COLUMNS)  # atomic
    prov = Provenance(
        dataset="flags_heldout5",
        repository=REPO,
        commit=COMMIT,
        paths=[PATH],
        licence="Municipality of Wassenaar: transfer dossier written by the municipal "
        "organisation for the council elected in 2026, in a public repository; works made "
        "public by a public authority, Auteurswet art. 15b; no licence file. Texts not "
        "committed.",
        note=(
            f"Running-text paragraphs (>= {MIN_PARAGRAPH_WORDS} words, ending in . ! ?; no "
            f"headings, lists, text boxes, tables or annexes) of {PATH} (the unpacked "
            f"'{DOCX}', version 4.1 of 18 March 2026); seeded sample (seed {SEED}) of whole "
            f"paragraphs up to {TARGET_UNITS} units of <= {MAX_SENTENCES} sentence and >= "
            f"{MIN_UNIT_WORDS} words, in document order. Counts: {json.dumps(counts)}"
        ),
        n_items=len(rows),
        excluded_reserved=counts["skipped"]["other_set_or_reserved"],
    )
    tmp_prov = out / "heldout5_PROVENANCE.json.tmp"
    tmp_prov.write_text(json.dumps(asdict(prov), indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")  # fmt: skip
    os.replace(tmp_prov, out / "heldout5_PROVENANCE.json")
    print(f"{len(rows)} units ({counts['words']} words) from {counts['paragraphs_used']} of "
          f"{counts['paragraphs_available']} paragraphs -> {out}; "
          f"skipped {counts['skipped']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
