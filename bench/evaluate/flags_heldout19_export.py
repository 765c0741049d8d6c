"""Export the units of the nineteenth, blind held-out writing-advice gold set ("heldout19").

Source: schellevis/algoritmeregister at ``COMMIT`` (read from the mirror; the commit heldout11
and heldout18 read), ``data/algoritmes.json``: a daily copy of the Dutch government's algorithm
register (algoritmes.overheid.nl), data dedicated to the public domain (CC0 1.0, the
repository's ``LICENSE``). Each record holds the purpose (``doel``) of one algorithm or system,
written for the public by the organisation that uses it. heldout11 ("dev12", development data
since round 16) read the records of 35 municipalities, heldout18 those of regional public
bodies and joint organisations of municipalities; this set reads **the records of
municipalities ("Gemeente X") no writing-advice set used**: heldout11's genre and kind of
writer, other municipalities, no record any set read.

Unit rule (fixed and committed before any unit was read; only document lists and the counts
of a dry run seen):

* **Records.** Only "Gemeente X" records (``flags_heldout11_export.municipality``). Left out:
  every record heldout11 or heldout18 read (the record ids of their committed unit lists), and
  every record of a municipality in ``excluded_municipalities()``, compared by name
  (``flags_heldout11_export.slug`` of the name and of its aliases in
  ``pipeline/data/municipalities.csv``):

  - the municipalities of the other writing-advice sets, by import: heldout11's ``USED``
    (Amsterdam, Maassluis, Sluis, Zaanstad, Vught, Wassenaar, Almere, Nieuwkoop, Utrecht, Den
    Haag, Groningen, Venray, Tilburg) and its 35 (``HELDOUT11_MUNICIPALITIES``), heldout15's
    list (``flags_heldout15_export.EXCLUDED_MUNICIPALITIES``: those and Haarlem,
    Noordoostpolder, Lelystad, Dronten, Urk, Zeewolde - the Flevoland municipalities of
    heldout14 and heldout16), heldout15's 40 (``flags_heldout17_export.HELDOUT15_MUNICIPALITIES``),
    and the municipalities of the heldout2 and heldout17 plans (the CBS code of each plan id
    in their committed unit lists, named by ``pipeline/data/municipalities.csv``; a former
    municipality by ``FORMER_CODES``);
  - a former municipality's successor too (``pipeline/data/municipalities_former.csv``: the
    Leeuwarderadeel plan of heldout15 leaves Leeuwarden out, the Leerdam plan of heldout17
    Vijfheerenlanden): this set names its writers by their current name;
  - the members of the shared civil services that heldout18 listed as writers
    (``SHARED_CIVIL_SERVICES``: ABG, BEL Combinatie, Dienst Dommelvallei, OVER-gemeenten,
    SED): their staff writes the municipalities' own texts. Members of single-task joint
    arrangements (tax, social services, ICT, sheltered work, environment services, safety
    regions) keep their records: a municipality writes its own texts.

  A purpose text that occurs in more than one record of the register (any organisation,
  whitespace normalised) is a supplier's template and is left out; a purpose text is kept when
  it is running text (``flags_heldout6_export.is_running_text``: >= 8 words, ends in . ! ?, no
  run of three numbers, <= 20% of words with a digit). (heldout11's and heldout18's rules.)
* **Sentences.** The kept text cut into sentences (``flags_heldout2_export.split_sentences``).
  A sentence is a candidate unit unless (heldout18's ``record_candidates``, heldout15's
  ``skip_reason``) it is *short* (fewer than 5 words), a *fragment* (not starting or not
  ending like a sentence), a *table* line (a run of three numbers), *markup* (a markdown link
  or image, an HTML tag, a table bar), holds *unreadable* characters (a control, private-use,
  unassigned or replacement character, a letter of a non-Latin script) or an *e-mail* address;
  or it is a *repeat* of a unit already taken or of another candidate of its record, *in
  another set or reserved* (its hash in a committed unit list of another set or listed in
  ``../shared/reserved/``), or names a *private person*
  (``flags_heldout4_export.names_private_person``, or ``PRIVATE_NAME_HASHES`` when a check
  after the export finds one; officials acting in office may stay).
* **Near-duplicates** (new with this set: heldout18 had 24 units in 9 groups of near-identical
  sentences, one product text with another body's name). A candidate is skipped as a
  *near-duplicate* when its word set (``word_set``: lower case, the record's organisation name
  and its name part removed - "gemeente ede" and "ede" for "Gemeente Ede" -, digits removed,
  the remaining runs of letters) has Jaccard similarity >= ``NEAR_DUPLICATE_JACCARD`` (0.7)
  with the word set of a unit already taken (in the seeded order below) or of any unit of
  heldout11 or heldout18 (their texts recovered from the register by the record id, sentence
  index and hash of their committed unit lists; each with its own record's organisation).
* **Selection** (seeded, not by content): records in ``sha256(SALT + record id)`` order (a new
  salt); per record its candidates in ``sha256(SALT + record id + sentence index)`` order, taken
  in that order while the record has fewer than ``MAX_UNITS_PER_RECORD`` (3) units and its
  municipality fewer than ``MAX_UNITS_PER_MUNICIPALITY`` (6), a near-duplicate passed over; a
  record of a full municipality or without a unit is passed over; records until
  ``TARGET_UNITS`` (160) units. Units are put back in record id order, then sentence order.
  Unit id ``h19-<municipality>-<record id>-u<sentence>``, dataset ``gemeenten_heldout19``,
  document ``<municipality>_<record id>`` (the municipality as heldout11's slug).

Writes ``<eval dir>/flags/heldout19_units.csv`` (``path`` is ``data/algoritmes.json``) and
``heldout19_PROVENANCE.json`` beside it; the texts are not committed. ``--unit-list`` also
writes the committed unit list ``tests/fixtures/real/flags_units_heldout19.csv`` (refused when
it exists and differs); ``--check`` verifies the committed unit and annotation files against
the exported texts; ``--dry-run`` prints the counts only.

Usage: ``python -m bench.evaluate.flags_heldout19_export [--unit-list | --check | --dry-run]``
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from bench.evaluate import flags_heldout11_export as h11
from bench.evaluate import flags_heldout15_export as h15
from bench.evaluate import flags_heldout17_export as h17
from bench.evaluate import flags_heldout18_export as h18
from bench.evaluate.common import (
    ROOT,
    git_show,
    other_flag_set_units,
    reserved_first_fields,
    sha256_text,
)
from bench.evaluate.flags_heldout2_export import COLUMNS, split_sentences
from bench.evaluate.flags_heldout6_export import is_running_text
from bench.evaluate.flags_units import export_side, side_record

SIDE = "heldout19"
DATASET = "gemeenten_heldout19"
REPO = h18.REPO
COMMIT = h18.COMMIT
PATH = h18.PATH
SALT = "gemeentetaal heldout19 2026-12-07 municipalities in the algorithm register:"
TARGET_UNITS = 160
MAX_UNITS_PER_RECORD = 3
MAX_UNITS_PER_MUNICIPALITY = 6
NEAR_DUPLICATE_JACCARD = 0.7
# The sets whose units a candidate may not nearly repeat (their records are left out too).
NEAR_DUPLICATE_SIDES = ("heldout11", "heldout18")
# CBS codes of the heldout2, heldout15 and heldout17 plans whose municipality has merged since
# (pipeline/data/municipalities.csv lists current municipalities only).
FORMER_CODES: dict[str, str] = {
    "0081": "Leeuwarderadeel", "0196": "Rijnwaarden", "0545": "Leerdam", "0733": "Lingewaal",
    "0815": "Mill en Sint Hubert", "0874": "Woudrichem", "0962": "Schinnen", "1684": "Cuijk",
}  # fmt: skip
# The shared civil services heldout18 listed as writers (REGIONAL_BODIES) -> their member
# municipalities, whose own texts their staff writes.
SHARED_CIVIL_SERVICES: dict[str, tuple[str, ...]] = {
    "ABG-organisatie": ("Alphen-Chaam", "Baarle-Nassau", "Gilze en Rijen"),
    "Gemeenschappelijke regeling BEL Combinatie": ("Blaricum", "Eemnes", "Laren"),
    "Dienst Dommelvallei": ("Geldrop-Mierlo", "Nuenen, Gerwen en Nederwetten", "Son en Breugel"),
    "OVER-gemeenten": ("Oostzaan", "Wormerland"),
    "SED Organisatie (Gemeente Stede Broec, Enkhuizen, Drechterland)": (
        "Stede Broec", "Enkhuizen", "Drechterland",
    ),
}  # fmt: skip
# Units skipped because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset()
UNIT_LIST = ROOT / "tests" / "fixtures" / "real" / f"flags_units_{SIDE}.csv"
MUNICIPALITIES_CSV = ROOT / "pipeline" / "data" / "municipalities.csv"
FORMER_CSV = ROOT / "pipeline" / "data" / "municipalities_former.csv"

_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def _read_csv(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def municipality_slugs(name: str) -> set[str]:
    """The slugs a municipality goes by: its name and the official name and aliases of the
    municipality it is (``municipalities.csv``), and for a former municipality those of its
    successor (``municipalities_former.csv``)."""
    key = h11.slug(name)
    out = {key}
    for row in _read_csv(FORMER_CSV):
        if h11.slug(row["name"]) == key:
            out |= municipality_slugs(row["merged_into"])
    for row in _read_csv(MUNICIPALITIES_CSV):
        names = [row["name"], *filter(None, row["aliases"].split(";"))]
        if key in {h11.slug(n) for n in names}:
            out |= {h11.slug(n) for n in names}
    return out


def code_names() -> dict[str, str]:
    """CBS code -> municipality name (the current list and ``FORMER_CODES``)."""
    names = {row["cbs_code"].removeprefix("GM"): row["name"] for row in
             _read_csv(MUNICIPALITIES_CSV)}  # fmt: skip
    return {**names, **FORMER_CODES}


def plan_set_codes(side: str) -> set[str]:
    """The CBS codes of the plans of a zoning-plan set's committed unit list."""
    from bench.evaluate.flags_gold import read_unit_refs

    return {m for r in read_unit_refs(side) if (m := h15.municipality(r.document))}


def excluded_municipalities() -> dict[str, str]:
    """Municipality slug -> why it is left out (the first reason found; see the docstring)."""
    names = code_names()
    groups: list[tuple[str, Iterable[str]]] = [
        ("heldout11 USED", h11.USED),
        ("heldout11", h15.HELDOUT11_MUNICIPALITIES),
        ("heldout15 list", h15.EXCLUDED_MUNICIPALITIES.values()),
        ("heldout15", h17.HELDOUT15_MUNICIPALITIES),
        ("heldout2 plans", (names[c] for c in sorted(h15.heldout2_municipalities()))),
        ("heldout17 plans", (names[c] for c in sorted(plan_set_codes("heldout17")))),
        ("heldout18 shared civil service",
         (m for members in SHARED_CIVIL_SERVICES.values() for m in members)),
    ]  # fmt: skip
    out: dict[str, str] = {}
    for reason, group in groups:
        for name in group:
            for key in municipality_slugs(name):
                out.setdefault(key, reason)
    return out


def read_units(sides: Sequence[str] = NEAR_DUPLICATE_SIDES) -> dict[str, tuple[str, int, str]]:
    """``"<record id>:<sentence index>"`` -> (side, sentence index, hash), one entry per unit
    of the committed unit lists of ``sides`` (the records they read)."""
    from bench.evaluate.flags_gold import read_unit_refs

    out: dict[str, tuple[str, int, str]] = {}
    for side in sides:
        for ref in read_unit_refs(side):
            record_id = ref.document.rsplit("_", 1)[1]
            u_i = int(ref.unit_id.rsplit("-u", 1)[1])
            out[f"{record_id}:{u_i}"] = (side, u_i, ref.text_sha256)
    return out


def organisation_names(organisation: str) -> list[str]:
    """The organisation name and its name part, lower case, longest first ("Gemeente Bergen
    (L)" -> "gemeente bergen (l)", "gemeente bergen", "bergen (l)", "bergen")."""
    full = organisation.lower().strip()
    names = {full, _PARENTHESIS.sub("", full)}
    names |= {name.split(" ", 1)[1] for name in list(names) if " " in name}
    return sorted(names, key=lambda n: (-len(n), n))


def word_set(text: str, organisation: str) -> frozenset[str]:
    """The words of a sentence for the near-duplicate check: lower case, the organisation's
    name removed, digits removed, the runs of letters left."""
    low = text.lower()
    for name in organisation_names(organisation):
        low = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", low)
    return frozenset(_LETTERS.findall(_DIGIT.sub(" ", low)))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a & b| / |a | b| (1.0 for two empty sets)."""
    union = a | b
    return len(a & b) / len(union) if union else 1.0


def is_near_duplicate(words: frozenset[str], others: Iterable[frozenset[str]]) -> bool:
    """The word set is at least ``NEAR_DUPLICATE_JACCARD`` like one of the others."""
    return any(jaccard(words, other) >= NEAR_DUPLICATE_JACCARD for other in others)


def other_set_word_sets(records: Sequence[dict]) -> list[frozenset[str]]:
    """The word sets of the units of heldout11 and heldout18, their texts recovered from the
    register (record id, sentence index, hash of their unit lists; a mismatch is an error)."""
    by_id = {r["id"]: r for r in records}
    out: list[frozenset[str]] = []
    for key, (side, u_i, digest) in read_units().items():
        record = by_id[key.split(":", 1)[0]]
        unit = split_sentences(h18.normalised(record.get("doel", "")))[u_i].strip()
        if sha256_text(unit) != digest:
            raise ValueError(f"{side} unit {key} does not match the register at {COMMIT}")
        out.append(word_set(unit, record["organisatie"]))
    return out


def record_texts(
    records: Sequence[dict],
) -> tuple[dict[str, tuple[str, str, str]], Counter, dict[str, str]]:
    """Record id -> (municipality slug, organisation, purpose text) of the kept records, what
    was left out (``read_by_another_set``, ``not_a_municipality``, ``used_municipality``,
    ``template``, ``not_running``) and the slugs of the municipalities left out with their
    reason."""
    excluded = excluded_municipalities()
    read = {key.split(":", 1)[0] for key in read_units()}
    texts = Counter(h18.normalised(r.get("doel", "")) for r in records)
    left_out: Counter[str] = Counter()
    kept: dict[str, tuple[str, str, str]] = {}
    for record in records:
        place = h11.municipality(record["organisatie"])
        text = h18.normalised(record.get("doel", ""))
        if record["id"] in read:
            left_out["read_by_another_set"] += 1
        elif place is None:
            left_out["not_a_municipality"] += 1
        elif h11.slug(place) in excluded:
            left_out["used_municipality"] += 1
        elif texts[text] > 1:
            left_out["template"] += 1
        elif not is_running_text(text):
            left_out["not_running"] += 1
        else:
            kept[record["id"]] = (h11.slug(place), record["organisatie"], text)
    return kept, left_out, excluded


def build_units() -> tuple[list[dict], dict, dict[str, str]]:
    """Unit rows, counts for the provenance record and the sha256 of the file read."""
    raw = git_show(REPO, PATH, COMMIT)
    records = json.loads(raw)["algoritmes"]
    kept, left_out, excluded = record_texts(records)
    references = other_set_word_sets(records)
    blocked = reserved_first_fields() | other_flag_set_units(SIDE)
    skipped: Counter[str] = Counter()
    passed_over: Counter[str] = Counter()
    per_municipality: Counter[str] = Counter()
    seen: set[str] = set()
    taken: list[frozenset[str]] = []
    chosen: list[tuple[str, int, str]] = []
    for record_id in sorted(kept, key=lambda key: h15.order_key(key, salt=SALT)):
        if len(chosen) >= TARGET_UNITS:
            break
        place, organisation, text = kept[record_id]
        room = MAX_UNITS_PER_MUNICIPALITY - per_municipality[place]
        if room <= 0:
            passed_over["municipality_full"] += 1
            continue
        candidates = h18.record_candidates(
            record_id, text, blocked, seen, skipped, salt=SALT, private_hashes=PRIVATE_NAME_HASHES
        )
        n_taken = 0
        for u_i, unit in candidates:
            if n_taken >= min(MAX_UNITS_PER_RECORD, room) or len(chosen) >= TARGET_UNITS:
                break
            words = word_set(unit, organisation)
            if is_near_duplicate(words, references) or is_near_duplicate(words, taken):
                skipped["near_duplicate"] += 1
                continue
            taken.append(words)
            seen.add(sha256_text(unit))
            per_municipality[place] += 1
            chosen.append((record_id, u_i, unit))
            n_taken += 1
        if not n_taken:
            passed_over["no_unit"] += 1
    rows = []
    for record_id, u_i, unit in sorted(chosen, key=lambda c: (int(c[0]), c[1])):
        place = kept[record_id][0]
        rows.append(dict(dataset=DATASET, unit_id=f"h19-{place}-{record_id}-u{u_i}",
                         document=f"{place}_{record_id}", path=PATH, text=unit,
                         text_sha256=sha256_text(unit)))  # fmt: skip
    counts = {
        "units": len(rows),
        "words": sum(len(r["text"].split()) for r in rows),
        "records_in_register": len(records),
        "records_kept": len(kept),
        "records_left_out": dict(left_out),
        "municipalities_kept": len({place for place, _, _ in kept.values()}),
        "municipality_names_excluded": len(excluded),
        "records_used": len({r for r, _, _ in chosen}),
        "municipalities": len(per_municipality),
        "units_per_municipality": dict(sorted(per_municipality.items())),
        "records_passed_over": dict(passed_over),
        "near_duplicate_references": len(references),
        "skipped": {"other_set_or_reserved": 0, **skipped},
        # the keys the shared summary line prints (flags_units.write_side)
        "paragraphs_used": len({r for r, _, _ in chosen}),
        "units_per_genre": {"register": len(rows)},
        "units_per_document": dict(Counter(r["document"] for r in rows)),
        "paragraphs_available": {"register": len(kept)},
    }
    return rows, counts, {PATH: sha256_text(raw.decode("utf-8"))}


def provenance(rows: list[dict], counts: dict, shas: dict[str, str]) -> dict:
    """The provenance record of the export (written beside the units)."""
    record = side_record(
        SIDE,
        rows,
        counts,
        shas,
        repository=REPO,
        commit=COMMIT,
        paths=[PATH],
        licence="CC0 1.0 Universal (repository LICENSE: data artifacts dedicated to the public "
        "domain); the records are the public Dutch algorithm register, algoritmes.overheid.nl, "
        "written by the registering municipalities. Texts not committed.",
        note=(
            f"Purpose texts (doel) of algorithms registered by municipalities no writing-advice "
            f"set used; records heldout11 or heldout18 read, templates shared by several records "
            f"and non-running texts left out; records in sha256(salt + record id) order, "
            f"<= {MAX_UNITS_PER_RECORD} units per record and <= {MAX_UNITS_PER_MUNICIPALITY} per "
            f"municipality, near-duplicates (word-set Jaccard >= {NEAR_DUPLICATE_JACCARD} with a "
            f"unit taken or of heldout11/heldout18) skipped, {TARGET_UNITS} units, in record "
            f"order. Counts: {json.dumps(counts)}"
        ),
    )
    record["municipalities_excluded"] = dict(sorted(excluded_municipalities().items()))
    return record


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side=SIDE, description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
        per_document=("units_per_document", "record"),
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
