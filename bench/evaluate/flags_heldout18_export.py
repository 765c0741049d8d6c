"""Export the units of the eighteenth, blind held-out writing-advice gold set ("heldout18").

Source: schellevis/algoritmeregister at ``COMMIT`` (read from the mirror; the commit heldout11
read), ``data/algoritmes.json``: a daily copy of the Dutch government's algorithm register
(algoritmes.overheid.nl), data dedicated to the public domain (CC0 1.0, the repository's
``LICENSE``). Each record holds the purpose (``doel``) of one algorithm or system, written for
the public by the organisation that uses it. heldout11 ("dev12", development data since round
16) read the records of 35 municipalities ("Gemeente X"); this set reads **the records of
regional public bodies and of joint organisations of municipalities**, writers no
writing-advice set uses: provinces, water boards, environment services, safety regions and a
public health service, and the joint arrangements and shared-service organisations that
municipalities run together (tax, social services, ICT, a shared civil service). The genre of
heldout11, other writers; no record any set read.

Unit rule (fixed and committed before any unit was read; only document lists and the counts
of a dry run seen):

* **Records.** Only those of an organisation in ``REGIONAL_BODIES`` (chosen from the register's
  organisation names alone, 56 names, each with a short name and a kind); left out: every
  "Gemeente X" record (heldout11's writers and genre), national bodies (ministries, agencies,
  inspectorates, the police), foundations, a grid company, and the Zeeuws Archief (a joint
  arrangement of the State with the Zeeland province and municipalities). A purpose text that
  occurs in more than one record of the register (any organisation, whitespace normalised) is a
  supplier's template, not the body's own writing, and is left out (heldout11's rule). The
  purpose text of a record, whitespace normalised, is kept when it is running text
  (``flags_heldout6_export.is_running_text``: >= 8 words, ends in . ! ?, no run of three
  numbers, <= 20% of words with a digit).
* **Sentences.** The kept text cut into sentences (``flags_heldout2_export.split_sentences``).
  A sentence is a candidate unit unless (heldout15's ``skip_reason``) it is *short* (fewer than
  5 words), a *fragment* (not starting or not ending like a sentence), a *table* line (a run of
  three numbers), *markup* (a markdown link or image, an HTML tag, a table bar), holds
  *unreadable* characters (a control, private-use, unassigned or replacement character, a
  letter of a non-Latin script) or an *e-mail* address; or it is a *repeat* of a unit already
  taken or of another candidate of its record, *in another set or reserved* (its hash in a
  committed unit list of another set or listed in ``../shared/reserved/``), or names a
  *private person* (``flags_heldout4_export.names_private_person``, or ``PRIVATE_NAME_HASHES``
  when a check after the export finds one; officials acting in office may stay).
* **Selection** (seeded, not by content): records in ``sha256(SALT + record id)`` order; per
  record its candidates in ``sha256(SALT + record id + sentence index)`` order, the first
  ``MAX_UNITS_PER_RECORD`` (3) taken, fewer when its organisation has less room left under
  ``MAX_UNITS_PER_ORGANISATION`` (8); a record of a full organisation or without a candidate
  is passed over; records until ``TARGET_UNITS`` (160) units. Units are put back in record id
  order, then sentence order. Unit id ``h18-<short>-<record id>-u<sentence>``, dataset
  ``regional_heldout18``, document ``<short>_<record id>``.

Writes ``<eval dir>/flags/heldout18_units.csv`` (``path`` is ``data/algoritmes.json``) and
``heldout18_PROVENANCE.json`` beside it; the texts are not committed. ``--unit-list`` also
writes the committed unit list ``tests/fixtures/real/flags_units_heldout18.csv`` (refused when
it exists and differs); ``--check`` verifies the committed unit and annotation files against
the exported texts; ``--dry-run`` prints the counts only.

Usage: ``python -m bench.evaluate.flags_heldout18_export [--unit-list | --check | --dry-run]``
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

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
from bench.evaluate.flags_heldout15_export import order_key, skip_reason
from bench.evaluate.flags_units import export_side, side_record

SIDE = "heldout18"
DATASET = "regional_heldout18"
REPO = "schellevis/algoritmeregister"
COMMIT = "e9fde948e21b999929d25f50013eb26a4a89746b"
PATH = "data/algoritmes.json"
SALT = "gemeentetaal heldout18 2026-12-07 regional bodies in the algorithm register:"
TARGET_UNITS = 160
MAX_UNITS_PER_RECORD = 3
MAX_UNITS_PER_ORGANISATION = 8
# Kinds of writer.
PROVINCE, WATER, ENVIRONMENT, SAFETY, JOINT = (
    "province", "water board", "environment service", "safety or health region",
    "joint organisation of municipalities",
)  # fmt: skip
# The register's organisation names this set reads -> (short name, kind).
REGIONAL_BODIES: dict[str, tuple[str, str]] = {
    "Provincie Drenthe": ("prov-drenthe", PROVINCE),
    "Provincie Flevoland": ("prov-flevoland", PROVINCE),
    "Provincie Fryslân": ("prov-fryslan", PROVINCE),
    "Provincie Gelderland": ("prov-gelderland", PROVINCE),
    "Provincie Groningen": ("prov-groningen", PROVINCE),
    "Provincie Limburg": ("prov-limburg", PROVINCE),
    "Provincie Noord-Brabant": ("prov-noord-brabant", PROVINCE),
    "Provincie Noord-Holland": ("prov-noord-holland", PROVINCE),
    "Provincie Utrecht": ("prov-utrecht", PROVINCE),
    "Provincie Zeeland": ("prov-zeeland", PROVINCE),
    "Provincie Zuid-Holland": ("prov-zuid-holland", PROVINCE),
    "HDSR Hoogheemraadschap De Stichtse Rijnlanden": ("ws-hdsr", WATER),
    "Hoogheemraadschap Hollands Noorderkwartier": ("ws-hhnk", WATER),
    "Hoogheemraadschap van Delfland": ("ws-delfland", WATER),
    "Waterschap Aa en Maas": ("ws-aa-en-maas", WATER),
    "Waterschap Amstel, Gooi en Vecht": ("ws-agv", WATER),
    "Waterschap Drents Overijsselse Delta": ("ws-wdodelta", WATER),
    "Waterschap Hollandse Delta": ("ws-hollandse-delta", WATER),
    "Waterschap Limburg": ("ws-limburg", WATER),
    "Waterschap Scheldestromen": ("ws-scheldestromen", WATER),
    "Waterschap Zuiderzeeland": ("ws-zuiderzeeland", WATER),
    "Wetterskip Fryslân": ("ws-fryslan", WATER),
    "DCMR Milieudienst Rijnmond": ("od-dcmr", ENVIRONMENT),
    "Fryske Utfieringstsjinst Miljeu en Omjouwing (FUMO)": ("od-fumo", ENVIRONMENT),
    "Omgevingsdienst Brabant Noord": ("od-brabant-noord", ENVIRONMENT),
    "Omgevingsdienst Drenthe": ("od-drenthe", ENVIRONMENT),
    "Omgevingsdienst Flevoland & Gooi en Vechtstreek": ("od-ofgv", ENVIRONMENT),
    "Omgevingsdienst Haaglanden": ("od-haaglanden", ENVIRONMENT),
    "Omgevingsdienst IJmond": ("od-ijmond", ENVIRONMENT),
    "Omgevingsdienst IJsselland": ("od-ijsselland", ENVIRONMENT),
    "Omgevingsdienst Midden-Holland": ("od-midden-holland", ENVIRONMENT),
    "Omgevingsdienst Noordzeekanaalgebied": ("od-nzkg", ENVIRONMENT),
    "Omgevingsdienst Zuid-Holland Zuid": ("od-zhz", ENVIRONMENT),
    "Omgevingsdienst de Vallei": ("od-de-vallei", ENVIRONMENT),
    "Omgevingsdienst regio Utrecht": ("od-regio-utrecht", ENVIRONMENT),
    "RUD Zeeland": ("od-rud-zeeland", ENVIRONMENT),
    "Regionale uitvoeringsdienst Utrecht 2.0": ("od-rud-utrecht", ENVIRONMENT),
    "GGD IJsselland": ("ggd-ijsselland", SAFETY),
    "Veiligheids- en Gezondheidsregio Gelderland-Midden": ("vr-gelderland-midden", SAFETY),
    "Veiligheidsregio Amsterdam-Amstelland": ("vr-amsterdam-amstelland", SAFETY),
    "Veiligheidsregio Noord- en Oost-Gelderland": ("vr-noord-oost-gelderland", SAFETY),
    "Veiligheidsregio Twente": ("vr-twente", SAFETY),
    "Veiligheidsregio Zaanstreek-Waterland": ("vr-zaanstreek-waterland", SAFETY),
    "Veiligheidsregio Zuid-Holland Zuid": ("vr-zuid-holland-zuid", SAFETY),
    "ABG-organisatie": ("gr-abg", JOINT),
    "Belastingsamenwerking West-Brabant": ("gr-bwb", JOINT),
    "Dienst Dommelvallei": ("gr-dommelvallei", JOINT),
    "Dienst Sociale Zaken en Werkgelegenheid Noardwest Fryslân": ("gr-dsz-nwf", JOINT),
    "Gemeenschappelijke regeling BEL Combinatie": ("gr-bel", JOINT),
    "Gemeenschappelijke regeling Regionale ICT-dienst Utrecht": ("gr-rid-utrecht", JOINT),
    "Modulaire gemeenschappelijke regeling Rijk van Nijmegen": ("gr-rijk-van-nijmegen", JOINT),
    "OVER-gemeenten": ("gr-over", JOINT),
    "Regionale Dienst Werk en Inkomen Kromme Rijn Heuvelrug": ("gr-rdwi", JOINT),
    "SED Organisatie (Gemeente Stede Broec, Enkhuizen, Drechterland)": ("gr-sed", JOINT),
    "Samenwerking Kempengemeenten": ("gr-kempengemeenten", JOINT),
    "Werkom": ("gr-werkom", JOINT),
}  # fmt: skip
# Units skipped because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset()
UNIT_LIST = ROOT / "tests" / "fixtures" / "real" / f"flags_units_{SIDE}.csv"


def normalised(text: str) -> str:
    """A purpose text with its white space made single spaces."""
    return " ".join(text.split())


def record_texts(records: Sequence[dict]) -> tuple[dict[str, tuple[str, str]], Counter]:
    """Record id -> (organisation, purpose text) of the kept records, and what was left out
    (``other_writer``: not in ``REGIONAL_BODIES``; ``template``: the text occurs in more than
    one record of the register; ``not_running``: no running text)."""
    texts = Counter(normalised(r.get("doel", "")) for r in records)
    left_out: Counter[str] = Counter()
    kept: dict[str, tuple[str, str]] = {}
    for record in records:
        text = normalised(record.get("doel", ""))
        if record["organisatie"] not in REGIONAL_BODIES:
            left_out["other_writer"] += 1
        elif texts[text] > 1:
            left_out["template"] += 1
        elif not is_running_text(text):
            left_out["not_running"] += 1
        else:
            kept[record["id"]] = (record["organisatie"], text)
    return kept, left_out


def record_candidates(
    record_id: str,
    text: str,
    blocked: set[str],
    seen: set[str],
    skipped: Counter,
    *,
    salt: str = SALT,
    private_hashes: frozenset[str] = PRIVATE_NAME_HASHES,
) -> list[tuple[int, str]]:
    """(sentence index, unit) of a record's candidate units, in the seeded order (``salt``:
    this set's; heldout19 passes its own salt and private persons' hashes)."""
    candidates: list[tuple[int, str]] = []
    digests: set[str] = set()
    for u_i, sentence in enumerate(split_sentences(text)):
        unit = sentence.strip()
        digest = sha256_text(unit)
        reason = skip_reason(unit)
        if reason is None:
            if digest in seen or digest in digests:
                reason = "duplicate"
            elif digest in blocked:
                reason = "other_set_or_reserved"
            elif digest in private_hashes or names_private_person(unit):
                reason = "private_name"
        if reason:
            skipped[reason] += 1
            continue
        digests.add(digest)
        candidates.append((u_i, unit))
    return sorted(candidates, key=lambda c: order_key(record_id, c[0], salt=salt))


def build_units() -> tuple[list[dict], dict, dict[str, str]]:
    """Unit rows, counts for the provenance record and the sha256 of the file read."""
    raw = git_show(REPO, PATH, COMMIT)
    records = json.loads(raw)["algoritmes"]
    kept, left_out = record_texts(records)
    blocked = reserved_first_fields() | other_flag_set_units(SIDE)
    skipped: Counter[str] = Counter()
    passed_over: Counter[str] = Counter()
    per_organisation: Counter[str] = Counter()
    seen: set[str] = set()
    chosen: list[tuple[str, int, str]] = []
    for record_id in sorted(kept, key=lambda key: order_key(key, salt=SALT)):
        if len(chosen) >= TARGET_UNITS:
            break
        organisation, text = kept[record_id]
        room = MAX_UNITS_PER_ORGANISATION - per_organisation[organisation]
        if room <= 0:
            passed_over["organisation_full"] += 1
            continue
        candidates = record_candidates(record_id, text, blocked, seen, skipped)
        if not candidates:
            passed_over["no_unit"] += 1
            continue
        for u_i, unit in candidates[: min(MAX_UNITS_PER_RECORD, room)]:
            seen.add(sha256_text(unit))
            per_organisation[organisation] += 1
            chosen.append((record_id, u_i, unit))
    rows = []
    for record_id, u_i, unit in sorted(chosen, key=lambda c: (int(c[0]), c[1])):
        short, _ = REGIONAL_BODIES[kept[record_id][0]]
        rows.append(dict(dataset=DATASET, unit_id=f"h18-{short}-{record_id}-u{u_i}",
                         document=f"{short}_{record_id}", path=PATH, text=unit,
                         text_sha256=sha256_text(unit)))  # fmt: skip
    by_kind = Counter(REGIONAL_BODIES[kept[r][0]][1] for r, _, _ in chosen)
    counts = {
        "units": len(rows),
        "words": sum(len(r["text"].split()) for r in rows),
        "records_in_register": len(records),
        "records_kept": len(kept),
        "records_left_out": dict(left_out),
        "records_used": len({r for r, _, _ in chosen}),
        "organisations": len(per_organisation),
        "units_per_organisation": dict(sorted(per_organisation.items())),
        "units_per_kind": dict(by_kind),
        "records_passed_over": dict(passed_over),
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
        "written by the registering bodies. Texts not committed.",
        note=(
            f"Purpose texts (doel) of algorithms registered by regional public bodies and joint "
            f"organisations of municipalities (REGIONAL_BODIES); templates shared by several "
            f"records left out; running text only; records in sha256(salt + record id) order, "
            f"<= {MAX_UNITS_PER_RECORD} units per record and <= {MAX_UNITS_PER_ORGANISATION} per "
            f"organisation, {TARGET_UNITS} units, in record order. Counts: {json.dumps(counts)}"
        ),
    )
    record["organisations"] = {
        name: [short, kind] for name, (short, kind) in REGIONAL_BODIES.items()
    }
    return record


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side=SIDE, description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
        per_document=("units_per_document", "record"),
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
