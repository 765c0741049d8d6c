"""Export the units of the fourth, blind held-out writing-advice gold set ("heldout4").

Source: benjosb/beleidsbibliotheek at ``COMMIT`` (read from the mirror), municipality of
Wassenaar, a genre no other set uses:

1. **Decision lists** of the public meetings of the college of B&W,
   ``wassenaar/pdf_downloads/besluitenlijst_bw_vergadering_*.pdf`` (145 PDFs, 2022-2025),
   pypdf ``extract_text``.
2. **Coalition agreement** 2022-2026 "Samen voor Wassenaar". The PDF
   (``wassenaar/pdf_downloads/coalitieakkoord_2022_samen_voor_wassenaar.pdf``) is listed in
   the snapshot but its blob is not in the mirror, so the repository's transcription of its
   running text is read instead: the ``woord_vooraf`` and section ``tekst`` template strings of
   ``wassenaar/coalitieakkoord.js`` (source URL of the PDF in that file).

Unit rule (fixed before any unit was read for annotation):

* **Decision units.** Pages are joined; page headers ("Pagina 2 van 4", "Pagina 3") are
  dropped. A decision block starts at a line beginning with ``Besluit:`` (text after the colon
  on the same line belongs to it) and runs to the next agenda-number line ("5", "4.a",
  "5.b.1", "10.2"), the next ``Besluit:`` line, or the end of the document; the meeting
  header, attendance lines, agenda titles and the "Opening" / "Mededelingen" notes are outside
  every block. A block is cut into points at lines starting with a list marker ("1.", "1.De",
  "2)", "a.", "b)", a bullet or a dash); a block without markers is one point. The marker is
  dropped and the lines of a point are rejoined (``flags_heldout3_export.join_lines``). Each
  point is cut into consecutive units of at most ``MAX_SENTENCES`` sentences
  (``flags_heldout2_export.split_sentences``).
* **Coalition units.** Each template string is cut into paragraphs at blank lines; a paragraph
  is running text when it ends in ``. ! ?``; it is cut into consecutive units of at most
  ``MAX_SENTENCES`` sentences.
* Every unit has at least ``MIN_WORDS`` words. A unit whose text was already taken, or whose
  hash is in a committed unit list of another writing-advice set
  (``tests/fixtures/real/flags_units_*.csv``), is skipped.
* **Private persons.** Names of public officials (burgemeester, wethouders, raadsleden,
  secretaris) may stay. A unit is skipped when it contains a title of a private person
  ("dhr", "mevr", "mw.", "de heer", "mevrouw", "familie") or initials followed by a name
  ("J. de Vries") not directly preceded by an office word. Units the annotator finds to name a
  private person otherwise are skipped by hash (``PRIVATE_NAME_HASHES``, hashes only).
* Paths or unit hashes listed in ``../shared/reserved/`` are skipped.

Selection (seeded, not by content): the meetings in path order are shuffled with
``random.Random(SEED)`` and taken in that order, all their decision units, until
``TARGET_DECISION_UNITS`` units; the coalition paragraphs in document order are shuffled with
``random.Random(SEED + 1)`` and taken until ``TARGET_COALITION_UNITS`` units. The units are put
back in document order. Unit ids: ``bw-<yyyy-mm-dd>-b<block>-p<point>-u<unit>`` (dataset
``bw_decisions_heldout4``) and ``coalitie-<section id>-c<paragraph>-u<unit>`` (dataset
``coalition_agreement_heldout4``).

Writes ``<eval dir>/flags/heldout4_units.csv`` (dataset, unit_id, document, path, text,
text_sha256) and ``heldout4_PROVENANCE.json`` beside it. The texts are not committed.

Usage: ``python -m bench.evaluate.flags_heldout4_export``
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from bench.evaluate.common import (
    ENDS_SENTENCE,
    Provenance,
    eval_dir,
    git_ls,
    git_show,
    other_flag_set_units,
    reserved_first_fields,
    sha256_text,
    write_csv,
)
from bench.evaluate.flags_heldout2_export import COLUMNS, split_sentences
from bench.evaluate.flags_heldout3_export import join_lines, pdf_pages

DECISIONS = "bw_decisions_heldout4"
COALITION = "coalition_agreement_heldout4"
REPO = "benjosb/beleidsbibliotheek"
COMMIT = "33a829196473e7c3dfaf624575b9a6f6b6cff607"
DECISION_DIR = "wassenaar/pdf_downloads/"
DECISION_PREFIX = "besluitenlijst_bw_vergadering_"
COALITION_JS = "wassenaar/coalitieakkoord.js"
COALITION_PDF = "wassenaar/pdf_downloads/coalitieakkoord_2022_samen_voor_wassenaar.pdf"
SEED = 20261207
TARGET_DECISION_UNITS = 160
TARGET_COALITION_UNITS = 80
MAX_SENTENCES = 2
MIN_WORDS = 6
# Units skipped by the annotator because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset()

_MONTHS = {m: i for i, m in enumerate(
    ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"), start=1)}  # fmt: skip
_PAGE_HEADER = re.compile(r"^Pagina\s+\d+(?:\s+van\s+\d+)?$", re.IGNORECASE)
_AGENDA_NUMBER = re.compile(r"^\d{1,2}(?:\.[0-9a-z]{1,2}){0,3}\.?$")
_BESLUIT = re.compile(r"^Besluit\s*:\s*(.*)$")
_POINT_MARKER = re.compile(r"^(?:\d{1,2}\s*[.)](?!\d)\s*|[a-z]\s*[.)]\s+|[•▪◦·*\-–—]\s*)")
_TEMPLATE = re.compile(r"(?m)^\s*(?:id:\s*\"([^\"]*)\",?\s*$|(woord_vooraf|tekst):\s*`([^`]*)`)")
_PRIVATE_TITLE = re.compile(r"\b(?:dhr|mevr|mw)\b\.?|\bde heer\b|\bmevrouw\b|\bfamilie\b",
                            re.IGNORECASE)  # fmt: skip
_INITIALS_NAME = re.compile(
    r"\b(?:[A-Z]\.\s?){1,4}(?:(?:van|de|der|den|ten|ter|het|in|'t)\s+)*[A-Z][a-zà-ÿ]+"
)
_OFFICE = re.compile(
    r"(?:burgemeester|wethouder|raadslid|raadsleden|secretaris|commissaris|minister|"
    r"voorzitter|griffier)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Unit:
    """One unit of text with where it came from."""

    dataset: str
    unit_id: str
    document: str
    path: str
    text: str


def meeting_date(path: str) -> str:
    """``yyyy-mm-dd`` from ``besluitenlijst_bw_vergadering_<d>_<maand>_<yyyy>.pdf``."""
    stem = path.rsplit("/", 1)[-1].removeprefix(DECISION_PREFIX).removesuffix(".pdf")
    day, month, year = stem.split("_")[:3]
    return f"{int(year):04d}-{_MONTHS[month.lower()]:02d}-{int(day):02d}"


def decision_points(pages: Sequence[str]) -> list[list[str]]:
    """The points of each decision block of one decision list (rejoined, markers dropped)."""
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for page in pages:
        for raw in page.split("\n"):
            line = raw.strip()
            if not line or _PAGE_HEADER.match(line):
                continue
            besluit = _BESLUIT.match(line)
            if besluit:
                current = [besluit.group(1)] if besluit.group(1).strip() else []
                blocks.append(current)
            elif _AGENDA_NUMBER.match(line):
                current = None
            elif current is not None:
                current.append(line)
    out: list[list[str]] = []
    for block in blocks:
        points: list[list[str]] = []
        for line in block:
            marker = _POINT_MARKER.match(line)
            if marker or not points:
                points.append([line[marker.end() :] if marker else line])
            else:
                points[-1].append(line)
        out.append([text for text in (join_lines(p) for p in points) if text])
    return out


def cut_units(text: str, max_sentences: int = MAX_SENTENCES) -> list[str]:
    """Consecutive groups of at most ``max_sentences`` sentences."""
    sents = split_sentences(text)
    return [" ".join(sents[i : i + max_sentences]) for i in range(0, len(sents), max_sentences)]


def names_private_person(text: str) -> bool:
    """True when the text has a private person's title, or initials + name without an office
    word right before them."""
    if _PRIVATE_TITLE.search(text):
        return True
    return any(not _OFFICE.search(text[: m.start()]) for m in _INITIALS_NAME.finditer(text))


def coalition_paragraphs(js: str) -> list[tuple[str, int, str]]:
    """(section id, paragraph index, text) of the running-text paragraphs, in order."""
    out: list[tuple[str, int, str]] = []
    section = "woord-vooraf"
    for match in _TEMPLATE.finditer(js):
        if match.group(1) is not None:
            section = match.group(1)
            continue
        if match.group(2) == "woord_vooraf":
            section = "woord-vooraf"
        body = match.group(3).replace("\\n", "\n")
        for i, para in enumerate(re.split(r"\n\s*\n", body)):
            text = join_lines(para.split("\n"))
            if text and ENDS_SENTENCE.search(text):
                out.append((section, i, text))
    return out


class _Filter:
    """Skips duplicate, reserved, other-set, short and private-name units; counts them."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.blocked = reserved_first_fields() | other_flag_set_units("heldout4")
        self.skipped = {"short": 0, "duplicate": 0, "other_set_or_reserved": 0,
                        "private_name": 0}  # fmt: skip

    def keep(self, text: str) -> bool:
        digest = sha256_text(text)
        reason = None
        if len(text.split()) < MIN_WORDS:
            reason = "short"
        elif digest in self.seen:
            reason = "duplicate"
        elif digest in self.blocked:
            reason = "other_set_or_reserved"
        elif digest in PRIVATE_NAME_HASHES or names_private_person(text):
            reason = "private_name"
        if reason:
            self.skipped[reason] += 1
            return False
        self.seen.add(digest)
        return True


def decision_units(flt: _Filter) -> tuple[list[Unit], int]:
    """Decision units of a seeded sample of meetings (all units of each meeting taken)."""
    reserved = reserved_first_fields()
    paths = sorted(
        p for p in git_ls(REPO, DECISION_DIR, COMMIT)
        if p.rsplit("/", 1)[-1].startswith(DECISION_PREFIX) and p.endswith(".pdf")
        and p not in reserved
    )  # fmt: skip
    order = list(paths)
    random.Random(SEED).shuffle(order)
    units: list[Unit] = []
    for path in order:
        if len(units) >= TARGET_DECISION_UNITS:
            break
        date = meeting_date(path)
        for b_i, points in enumerate(decision_points(pdf_pages(git_show(REPO, path, COMMIT)))):
            for p_i, point in enumerate(points):
                for u_i, text in enumerate(cut_units(point)):
                    if flt.keep(text):
                        units.append(Unit(DECISIONS, f"bw-{date}-b{b_i}-p{p_i}-u{u_i}",
                                          f"besluitenlijst_bw_{date}", path, text))  # fmt: skip
    units.sort(key=lambda u: (u.document, _id_key(u.unit_id)))
    return units, len(paths)


def coalition_units(flt: _Filter) -> tuple[list[Unit], int]:
    """Coalition-agreement units of a seeded sample of paragraphs, in document order."""
    paragraphs = coalition_paragraphs(git_show(REPO, COALITION_JS, COMMIT).decode("utf-8"))
    order = list(range(len(paragraphs)))
    random.Random(SEED + 1).shuffle(order)
    chosen: dict[int, list[Unit]] = {}
    n_units = 0
    for i in order:
        if n_units >= TARGET_COALITION_UNITS:
            break
        section, c_i, text = paragraphs[i]
        units = [
            Unit(COALITION, f"coalitie-{section}-c{c_i}-u{u_i}", "coalitieakkoord_2022_2026",
                 COALITION_JS, unit)
            for u_i, unit in enumerate(cut_units(text)) if flt.keep(unit)
        ]  # fmt: skip
        if units:
            chosen[i] = units
            n_units += len(units)
    return [u for i in sorted(chosen) for u in chosen[i]], len(paragraphs)


def _id_key(unit_id: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"-[bpu](\d+)", unit_id))


def build_units() -> tuple[list[Unit], dict]:
    """All units and counts for the provenance record."""
    flt = _Filter()
    decisions, n_meetings = decision_units(flt)
    coalition, n_paragraphs = coalition_units(flt)
    counts = {"meetings_available": n_meetings,
              "meetings_used": len({u.document for u in decisions}),
              "decision_units": len(decisions), "coalition_paragraphs_available": n_paragraphs,
              "coalition_units": len(coalition), "skipped": dict(flt.skipped)}  # fmt: skip
    return decisions + coalition, counts


def main(argv: Sequence[str] | None = None) -> int:
    units, counts = build_units()
    out = eval_dir() / "flags"
    out.mkdir(parents=True, exist_ok=True)
    rows = [dict(asdict(u), text_sha256=sha256_text(u.text)) for u in units]
    write_csv(out / "heldout4_units.csv", rows, COLUMNS)  # atomic
    prov = Provenance(
        dataset="flags_heldout4",
        repository=REPO,
        commit=COMMIT,
        paths=sorted({u.path for u in units}),
        licence="Works made public by a public authority (municipality of Wassenaar: public "
        "B&W decision lists and the coalition agreement), Auteurswet art. 15b; no licence "
        "file. Texts not committed.",
        note=(
            f"Decision points under 'Besluit:' of a seeded sample of B&W meetings and "
            f"running-text paragraphs of the coalition agreement (transcribed in "
            f"{COALITION_JS}; the PDF {COALITION_PDF} is not in the mirror), units of <= "
            f"{MAX_SENTENCES} sentences and >= {MIN_WORDS} words, seed {SEED}. "
            f"Counts: {json.dumps(counts)}"
        ),
        n_items=len(rows),
        excluded_reserved=counts["skipped"]["other_set_or_reserved"],
    )
    tmp_prov = out / "heldout4_PROVENANCE.json.tmp"
    tmp_prov.write_text(json.dumps(asdict(prov), indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")  # fmt: skip
    os.replace(tmp_prov, out / "heldout4_PROVENANCE.json")
    print(f"{len(rows)} units ({counts['decision_units']} decision units from "
          f"{counts['meetings_used']} meetings, {counts['coalition_units']} coalition units) "
          f"-> {out}; skipped {counts['skipped']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
