"""Export the units of the twentieth, blind held-out writing-advice gold set ("heldout20").

Source: explanations (toelichting) of Dutch zoning plans, written by or for municipalities,
in Babakfifoo/dutch_embedding_llm at ``levels_export.PLAN_COMMIT`` (read from the mirror,
``data/plan_documents/md/``: one markdown file per plan version). The same genre and corpus as
heldout2 ("dev3"), heldout15 ("dev16") and heldout17, **other plans and other
municipalities**: the fourth zoning-plan set.

Unit rule (fixed and committed before any unit was read; only document lists and the counts
of a dry run seen): heldout17's rule and code (``flags_heldout15_export``: ``build_units``
with this set's ``PlanSetRule``), with

* **a new salt** (``SALT``) for the seeded orders of plans and of sentences;
* **plans left out** (``flags_heldout15_export.used_plans`` with ``side="heldout20"``):
  every plan (all its versions, by ``levels_export.plan_key``) of
  ``../shared/reserved/plan_documents_reserved.txt``; every plan another exporter selects,
  computed by calling its selection function (levels held-out plans, rewrite-judgement plans,
  heldout2, programme documents, sentiment candidates); every plan a committed fixture names
  (the unit lists of heldout15 and heldout17 among them; only this set's own files are not
  read);
* **municipalities left out** (``EXCLUDED_MUNICIPALITIES``, by the CBS code in the plan id,
  ``NL.IMRO.<code>.``): heldout17's list (``flags_heldout17_export.EXCLUDED_MUNICIPALITIES``:
  heldout15's list - Nieuwkoop, Almere, Wassenaar, Haarlem, Utrecht, Den Haag, Venray,
  Groningen, Tilburg, Amsterdam, Noordoostpolder, the Flevoland municipalities, heldout11's
  35 - and heldout15's 40), **heldout17's 40** (``HELDOUT17_MUNICIPALITIES``, the codes of its
  plan ids), **heldout19's 43** (``HELDOUT19_MUNICIPALITIES``, the municipalities of its unit
  list named by ``pipeline/data/municipalities.csv``), **the members of heldout18's shared
  civil services** (``SHARED_CIVIL_SERVICE_MUNICIPALITIES``: heldout18's writers that write
  for municipalities, ``flags_heldout19_export.SHARED_CIVIL_SERVICES``; heldout18's other
  writers are no municipalities), **the successors of the former municipalities of the
  heldout2, heldout15 and heldout17 plans** (``SUCCESSOR_MUNICIPALITIES``, heldout19's
  reading: Leeuwarden for heldout15's Leeuwarderadeel plan, Zevenaar, Vijfheerenlanden and
  Land van Cuijk for heldout17's Rijnwaarden, Leerdam, Mill en Sint Hubert and Cuijk plans;
  added after the first export, before any annotation, from the document list alone: that
  export's Leeuwarden plan is replaced by the next plan in the seeded order) and those of the
  heldout2 plans; plan ids without a municipality code (provinces, 99xx);
* **former municipalities left out** (new): a plan whose code is no current municipality's
  (``pipeline/data/municipalities.csv``; 57 codes, 439 plans in the corpus) is passed over
  (``former_municipality``): its successor may be a municipality left out, and the list has no
  codes of former municipalities to check that by;
* **near-duplicates** (new for this corpus, heldout19's idea; zoning plans repeat
  boilerplate): a candidate whose word set (``flags_heldout15_export.plan_word_set``: lower
  case, digits removed, the runs of letters) has Jaccard similarity >=
  ``NEAR_DUPLICATE_JACCARD`` (0.7) with a unit of heldout2, heldout15 or heldout17 (their
  exported texts, checked against the hashes of their unit lists) or with a unit already taken
  (this plan's or an earlier plan's) is skipped, and the next candidate in the seeded order
  is taken;
* the rest as heldout15 and heldout17: ``sha256(SALT + plan id)`` order, one version per plan
  (the last in name order), one plan per municipality, a plan absent from the snapshot passed
  over; the plan's running-text paragraphs (``levels_export.prose_paragraphs``) cut into
  sentences (``flags_heldout2_export.split_sentences``); a sentence of >= 5 words is a
  candidate unless it is *short*, a *repeat* (of a unit taken or of a candidate of its plan),
  *in another set or reserved* (its hash in a committed unit list of another set or in
  ``../shared/reserved/``), a *fragment* (not starting or not ending like a sentence), a
  *table* line (a run of three numbers), *markup* (a markdown link or image, an HTML tag, a
  table bar), holds *unreadable* characters or an *e-mail* address, or names a *private
  person* (``flags_heldout4_export.names_private_person``, or ``PRIVATE_NAME_HASHES`` when a
  check after the export finds one; officials acting in office may stay); per plan the first
  ``MAX_UNITS_PER_PLAN`` (4) candidates in ``sha256(SALT + plan id + paragraph + sentence)``
  order (near-duplicates passed over), back in document order; plans until ``TARGET_UNITS``
  (160) units, so 40 plans (at least 8). Unit id ``h20-<plan id>-p<paragraph>-u<sentence>``,
  dataset ``plans_heldout20``, document = the plan id.

Writes ``<eval dir>/flags/heldout20_units.csv`` and ``heldout20_PROVENANCE.json`` beside it;
the texts are not committed. ``--unit-list`` also writes the committed unit list
``tests/fixtures/real/flags_units_heldout20.csv``; ``--check`` verifies the committed files
against the exported texts; ``--dry-run`` prints the counts only. Needs the mirror, the
exported texts of heldout2, heldout15 and heldout17 and the ``bol_reviews`` and
``municipal_comments`` exports of ``sentiment_data.py``.

Usage: ``python -m bench.evaluate.flags_heldout20_export [--unit-list | --check | --dry-run]``
"""

from __future__ import annotations

from collections.abc import Sequence

from bench.evaluate import flags_heldout15_export as h15
from bench.evaluate import flags_heldout17_export as h17
from bench.evaluate.common import ROOT
from bench.evaluate.flags_heldout2_export import COLUMNS
from bench.evaluate.flags_units import export_side

SIDE = "heldout20"
DATASET = "plans_heldout20"
SALT = "gemeentetaal heldout20 2026-12-07 zoning plans, fourth set:"
TARGET_UNITS = h15.TARGET_UNITS
MAX_UNITS_PER_PLAN = h15.MAX_UNITS_PER_PLAN
NEAR_DUPLICATE_JACCARD = 0.7
# The sets whose units a candidate may not nearly repeat.
NEAR_DUPLICATE_SIDES = ("heldout2", "heldout15", "heldout17")
# The 40 municipalities of heldout17 (one plan each), by CBS code in its plan ids (a test checks
# them against its unit list); a former municipality by the code its plan carries.
HELDOUT17_MUNICIPALITIES: dict[str, str] = {
    "ooststellingwerf": "0085", "weststellingwerf": "0098", "haaksbergen": "0158",
    "hardenberg": "0160", "hellendoorn": "0163", "losser": "0168", "oldenzaal": "0173",
    "rijnwaarden": "0196", "doetinchem": "0222", "elburg": "0230", "heerde": "0246",
    "putten": "0273", "woudenberg": "0351", "aalsmeer": "0358", "haarlemmermeer": "0394",
    "den-helder": "0400", "oostzaan": "0431", "schagen": "0441",
    "capelle-aan-den-ijssel": "0502", "hendrik-ido-ambacht": "0531", "leerdam": "0545",
    "ridderkerk": "0597", "sliedrecht": "0610", "etten-leur": "0777", "heusden": "0797",
    "mill-en-sint-hubert": "0815", "someren": "0847", "son-en-breugel": "0848",
    "veldhoven": "0861", "schinnen": "0962", "leudal": "1640", "halderberge": "1655",
    "cuijk": "1684", "lingewaard": "1705", "drimmelen": "1719", "geldrop-mierlo": "1771",
    "dinkelland": "1774", "meierijstad": "1948", "west-betuwe": "1960", "molenlanden": "1978",
}  # fmt: skip
# The 43 municipalities of heldout19 (its unit list's document prefixes, heldout11's slugs),
# by CBS code (pipeline/data/municipalities.csv; a test checks them).
HELDOUT19_MUNICIPALITIES: dict[str, str] = {
    "almelo": "0141", "assen": "0106", "bergen-l": "0893", "borne": "0147",
    "bronckhorst": "1876", "coevorden": "0109", "de-fryske-marren": "1940", "deurne": "0762",
    "deventer": "0150", "doesburg": "0221", "dongen": "0766", "eersel": "0770", "goes": "0664",
    "gooise-meren": "1942", "gouda": "0513", "harlingen": "0072", "het-hogeland": "1966",
    "kerkrade": "0928", "landgraaf": "0882", "lochem": "0262", "meerssen": "0938",
    "meppel": "0119", "midden-drenthe": "1731", "midden-groningen": "1952",
    "mook-en-middelaar": "0944", "nissewaard": "1930", "noordenveld": "1699",
    "oegstgeest": "0579", "ommen": "0175", "peel-en-maas": "1894", "reimerswaal": "0703",
    "roosendaal": "1674", "stein": "0971", "sudwest-fryslan": "1900", "terneuzen": "0715",
    "veenendaal": "0345", "velsen": "0453", "venlo": "0983", "waalwijk": "0867",
    "waddinxveen": "0627", "wijchen": "0296", "woensdrecht": "0873", "zundert": "0879",
}  # fmt: skip
# The members of the shared civil services among heldout18's writers
# (flags_heldout19_export.SHARED_CIVIL_SERVICES), by CBS code (a test checks them).
SHARED_CIVIL_SERVICE_MUNICIPALITIES: dict[str, str] = {
    "Alphen-Chaam": "1723", "Baarle-Nassau": "0744", "Gilze en Rijen": "0784",
    "Blaricum": "0376", "Eemnes": "0317", "Laren": "0417", "Geldrop-Mierlo": "1771",
    "Nuenen, Gerwen en Nederwetten": "0820", "Son en Breugel": "0848", "Oostzaan": "0431",
    "Wormerland": "0880", "Stede Broec": "0532", "Enkhuizen": "0388", "Drechterland": "0498",
}  # fmt: skip
# The current municipalities that the former municipalities of the heldout2, heldout15 and
# heldout17 plans (flags_heldout19_export.FORMER_CODES) merged into
# (pipeline/data/municipalities_former.csv), by CBS code (a test checks them).
SUCCESSOR_MUNICIPALITIES: dict[str, str] = {
    "Leeuwarden": "0080", "Zevenaar": "0299", "Vijfheerenlanden": "1961",
    "West Betuwe": "1960", "Land van Cuijk": "1982", "Altena": "1959", "Beekdaelen": "1954",
}  # fmt: skip
EXCLUDED_MUNICIPALITIES: dict[str, str] = {
    **h17.EXCLUDED_MUNICIPALITIES,
    **{code: name for name, code in HELDOUT17_MUNICIPALITIES.items()},
    **{code: name for name, code in HELDOUT19_MUNICIPALITIES.items()},
    **{code: name for name, code in SHARED_CIVIL_SERVICE_MUNICIPALITIES.items()},
    **{code: name for name, code in SUCCESSOR_MUNICIPALITIES.items()},
}
# Units skipped because they name a private person (hashes only).
PRIVATE_NAME_HASHES: frozenset[str] = frozenset()
UNIT_LIST = ROOT / "tests" / "fixtures" / "real" / f"flags_units_{SIDE}.csv"
RULE = h15.PlanSetRule(
    SIDE,
    DATASET,
    SALT,
    EXCLUDED_MUNICIPALITIES,
    PRIVATE_NAME_HASHES,
    target_units=TARGET_UNITS,
    max_units_per_plan=MAX_UNITS_PER_PLAN,
    current_municipalities_only=True,
    near_duplicate_sides=NEAR_DUPLICATE_SIDES,
    near_duplicate_jaccard=NEAR_DUPLICATE_JACCARD,
)


def heldout17_municipalities() -> set[str]:
    """The municipality codes of the heldout17 plans (its committed unit list)."""
    return h15.side_municipalities("heldout17")


def used_plans(keys: set[str]) -> dict[str, list[str]]:
    """Plan id -> the parts of the project that read it (heldout15's computation; this set's
    own fixtures not read)."""
    return h15.used_plans(keys, SIDE)


def build_units() -> tuple[list[dict], dict, dict[str, str]]:
    """Unit rows, counts for the provenance record and the sha256 of the files read."""
    return h15.build_units(RULE)


def provenance(rows: list[dict], counts: dict, shas: dict[str, str]) -> dict:
    """The provenance record of the export (written beside the units)."""
    record = h15.provenance(rows, counts, shas, RULE)
    record["near_duplicates"] = (
        f"word-set Jaccard >= {NEAR_DUPLICATE_JACCARD} with a unit of "
        f"{', '.join(NEAR_DUPLICATE_SIDES)} or a unit taken: skipped"
    )
    record["former_municipalities"] = "plans of codes not in municipalities.csv passed over"
    return record


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side=SIDE, description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
        per_document=("units_per_plan", "plan"),
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
