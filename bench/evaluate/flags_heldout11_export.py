"""Export the units of the eleventh, blind held-out writing-advice gold set ("heldout11").

Source: schellevis/algoritmeregister at ``COMMIT`` (read from the mirror), ``data/algoritmes.json``:
a daily copy of the Dutch government's algorithm register (algoritmes.overheid.nl), data
dedicated to the public domain (CC0 1.0, the repository's ``LICENSE``: "Data artifacts in this
repository are dedicated to the public domain under CC0 1.0"). Each record holds the purpose
(``doel``) of one algorithm, written by the organisation that registered it: a genre no other
set uses (short official explanations for the public of what a system is for and how it is
used).

Unit rule (fixed before any unit was read for annotation):
* **Records.** Only organisations whose name starts with "Gemeente " and whose municipality no
  other writing-advice set uses (``USED``: Amsterdam, Maassluis, Sluis, Zaanstad, Vught,
  Wassenaar, Almere, Nieuwkoop, Utrecht, Den Haag, Groningen, Venray, Tilburg). A purpose text
  that occurs in more than one record of the register (any organisation, whitespace
  normalised) is a supplier's template, not the municipality's own writing, and is left out.
* **Paragraphs.** The purpose text of a record, whitespace normalised, is one paragraph; it is
  kept when it is running text (``flags_heldout6_export.is_running_text``: >= 8 words, ends in
  . ! ?, no run of three numbers, <= 20% of words with a digit).
* **Units.** One-sentence units (``flags_heldout2_export.split_sentences``) of at least
  ``MIN_UNIT_WORDS`` words; skipped: a unit already taken, one whose hash is in a committed unit
  list of another set or listed in ``../shared/reserved/``, one that names a private person.

Selection (seeded, not by content; ``flags_units.select_units``): the kept paragraphs, in
record id order, are shuffled with ``random.Random(SEED)`` and taken whole until
``TARGET_UNITS`` units; a paragraph that would bring its municipality above
``MAX_UNITS_PER_MUNICIPALITY`` units is passed over, so that many municipalities are in the set.
Units are put back in record order. Unit id ``h11-<municipality>-<record id>-u<unit>``,
dataset ``gemeenten_heldout11``, document ``<municipality>_<record id>``.

Writes ``<eval dir>/flags/heldout11_units.csv`` and ``heldout11_PROVENANCE.json`` beside it;
the texts are not committed. ``--unit-list`` also writes the committed unit list
``tests/fixtures/real/flags_units_heldout11.csv`` (refused when it exists and differs);
``--check`` verifies the committed unit and annotation files against the exported texts.

Usage: ``python -m bench.evaluate.flags_heldout11_export [--unit-list | --check]``
"""

from __future__ import annotations

import json
import re
import unicodedata
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
from bench.evaluate.flags_heldout6_export import is_running_text
from bench.evaluate.flags_units import export_side, select_units, side_record, unit_counts

SIDE = "heldout11"
DATASET = "gemeenten_heldout11"
REPO = "schellevis/algoritmeregister"
COMMIT = "e9fde948e21b999929d25f50013eb26a4a89746b"
PATH = "data/algoritmes.json"
GENRE = "register"
USED = frozenset({
    "amsterdam", "maassluis", "sluis", "zaanstad", "vught", "wassenaar", "almere", "nieuwkoop",
    "utrecht", "den haag", "'s-gravenhage", "groningen", "venray", "tilburg",
})  # fmt: skip
SEED = 20261207
TARGET_UNITS = 160
MAX_UNITS_PER_MUNICIPALITY = 8
MIN_UNIT_WORDS = 5
# Units skipped by the annotator because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset()
UNIT_LIST = ROOT / "tests" / "fixtures" / "real" / f"flags_units_{SIDE}.csv"


@dataclass(frozen=True)
class Paragraph:
    """The purpose text of one register record."""

    short: str  # the municipality (slug): the unit cap applies per municipality
    genre: str
    index: str  # the record id
    organisation: str
    text: str


def slug(name: str) -> str:
    """A municipality as an ASCII slug ("Noardeast-Fryslân" -> "noardeast-fryslan")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def municipality(organisation: str) -> str | None:
    """The municipality of a "Gemeente X" organisation, lower case, or None."""
    if not organisation.lower().startswith("gemeente "):
        return None
    return " ".join(organisation.split()[1:]).lower()


def register_paragraphs(records: Sequence[dict]) -> tuple[list[Paragraph], dict[str, int]]:
    """The kept purpose paragraphs (record id order) and what was left out."""
    texts = Counter(" ".join(r.get("doel", "").split()) for r in records)
    left_out = {"not_a_municipality": 0, "used_municipality": 0, "template": 0, "not_running": 0}
    kept: list[Paragraph] = []
    for record in sorted(records, key=lambda r: int(r["id"])):
        place = municipality(record["organisatie"])
        text = " ".join(record.get("doel", "").split())
        if place is None:
            left_out["not_a_municipality"] += 1
        elif place in USED:
            left_out["used_municipality"] += 1
        elif texts[text] > 1:
            left_out["template"] += 1
        elif not is_running_text(text):
            left_out["not_running"] += 1
        else:
            kept.append(Paragraph(slug(place), GENRE, record["id"], record["organisatie"], text))
    return kept, left_out


def build_units() -> tuple[list[dict], dict, dict[str, str]]:
    """Unit rows, counts for the provenance record and the sha256 of the file read."""
    raw = git_show(REPO, PATH, COMMIT)
    records = json.loads(raw)["algoritmes"]
    paragraphs, left_out = register_paragraphs(records)
    units, skipped = select_units(
        paragraphs, reserved_first_fields() | other_flag_set_units(SIDE), genres=(GENRE,),
        seed=SEED, target_per_genre=TARGET_UNITS, max_per_document=MAX_UNITS_PER_MUNICIPALITY,
        min_words=MIN_UNIT_WORDS, private_hashes=PRIVATE_NAME_HASHES,
        names_private_person=names_private_person, split_sentences=split_sentences,
    )  # fmt: skip
    rows = [
        dict(dataset=DATASET, unit_id=f"h11-{para.short}-{para.index}-u{u_i}",
             document=f"{para.short}_{para.index}", path=PATH, text=text,
             text_sha256=sha256_text(text))
        for para, u_i, text in units
    ]  # fmt: skip
    counts = unit_counts(paragraphs, units, rows, skipped, [])
    counts["records"] = len(records)
    counts["left_out"] = left_out
    counts["municipalities"] = len({p.short for p, _, _ in units})
    return rows, counts, {PATH: sha256_text(raw.decode("utf-8"))}


def provenance(rows: list[dict], counts: dict, shas: dict[str, str]) -> dict:
    """The provenance record of the export (written beside the units)."""
    return side_record(
        SIDE,
        rows,
        counts,
        shas,
        repository=REPO,
        commit=COMMIT,
        paths=[PATH],
        licence="CC0 1.0 Universal (repository LICENSE: data artifacts dedicated to the public "
        "domain); the records are the public Dutch algorithm register, algoritmes.overheid.nl. "
        "Texts not committed.",
        note=(
            f"Purpose texts (doel) of algorithms registered by municipalities no other "
            f"writing-advice set uses; templates shared by several records left out; running "
            f"text only; seeded sample (seed {SEED}) of whole texts up to {TARGET_UNITS} "
            f"one-sentence units of >= {MIN_UNIT_WORDS} words, <= {MAX_UNITS_PER_MUNICIPALITY} "
            f"per municipality, in record order. Counts: {json.dumps(counts)}"
        ),
    )


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side=SIDE, description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
