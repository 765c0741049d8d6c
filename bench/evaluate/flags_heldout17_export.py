"""Export the units of the seventeenth, blind held-out writing-advice gold set ("heldout17").

Source: explanations (toelichting) of Dutch zoning plans, written by or for municipalities,
in Babakfifoo/dutch_embedding_llm at ``levels_export.PLAN_COMMIT`` (read from the mirror,
``data/plan_documents/md/``: one markdown file per plan version). The same genre and corpus as
heldout2 ("dev3", development data since round 4) and heldout15 ("dev16", development data
since round 20), **other plans and other municipalities**.

Unit rule (fixed and committed before any unit was read): heldout15's rule and code
(``flags_heldout15_export``: ``build_units`` with this set's ``PlanSetRule``), with

* **a new salt** (``SALT``) for the seeded orders of plans and of sentences;
* **plans left out** (``flags_heldout15_export.used_plans`` with ``side="heldout17"``):
  every plan (all its versions, by ``levels_export.plan_key``) of
  ``../shared/reserved/plan_documents_reserved.txt``; every plan another exporter selects,
  computed by calling its selection function (levels held-out plans, rewrite-judgement plans,
  heldout2, programme documents, sentiment candidates); every plan a committed fixture names
  (the heldout15 unit list and annotations among them, so heldout15's 40 plans; only this
  set's own files are not read). The timing corpus ``municipal_comments`` leaves no plan
  out by itself (see ``flags_heldout15_export``);
* **municipalities left out** (``EXCLUDED_MUNICIPALITIES``, by the code in the plan id,
  ``NL.IMRO.<code>.``): heldout15's list (Nieuwkoop, Almere, Wassenaar, Haarlem, Utrecht,
  Den Haag, Venray, Groningen, Tilburg, Amsterdam, Noordoostpolder and the Flevoland
  municipalities, whose GGD wrote heldout16 too, and heldout11's 35), **heldout15's 40**
  (``HELDOUT15_MUNICIPALITIES``) and those of the heldout2 plans; plan ids without a
  municipality code (provinces, 99xx);
* the rest as heldout15: ``sha256(SALT + plan id)`` order, one version per plan (the last in
  name order), one plan per municipality, a plan absent from the snapshot passed over; the
  plan's running-text paragraphs (``levels_export.prose_paragraphs``) cut into sentences
  (``flags_heldout2_export.split_sentences``); a sentence of >= 5 words is a candidate unless
  it is a repeat, in another set or reserved, a fragment, a table line, markup, holds
  unreadable characters or an e-mail address, or names a private person
  (``flags_heldout4_export.names_private_person``, or ``PRIVATE_NAME_HASHES`` when an annotator
  finds one); per plan the first ``MAX_UNITS_PER_PLAN`` (4) candidates in
  ``sha256(SALT + plan id + paragraph + sentence)`` order, back in document order; plans until
  ``TARGET_UNITS`` (160) units. Unit id ``h17-<plan id>-p<paragraph>-u<sentence>``, dataset
  ``plans_heldout17``, document = the plan id.

Writes ``<eval dir>/flags/heldout17_units.csv`` and ``heldout17_PROVENANCE.json`` beside it;
the texts are not committed. ``--unit-list`` also writes the committed unit list
``tests/fixtures/real/flags_units_heldout17.csv``; ``--check`` verifies the committed files
against the exported texts; ``--dry-run`` prints the counts only. Needs the mirror and the
``bol_reviews`` and ``municipal_comments`` exports of ``sentiment_data.py``.

Usage: ``python -m bench.evaluate.flags_heldout17_export [--unit-list | --check | --dry-run]``
"""

from __future__ import annotations

from collections.abc import Sequence

from bench.evaluate import flags_heldout15_export as h15
from bench.evaluate.common import ROOT
from bench.evaluate.flags_heldout2_export import COLUMNS
from bench.evaluate.flags_units import export_side

SIDE = "heldout17"
DATASET = "plans_heldout17"
SALT = "gemeentetaal heldout17 2026-12-07 zoning plans:"
TARGET_UNITS = h15.TARGET_UNITS
MAX_UNITS_PER_PLAN = h15.MAX_UNITS_PER_PLAN
# The 40 municipalities of heldout15 (one plan each), by CBS code in its plan ids (a test checks
# them against its unit list); a former municipality by the code its plan carries.
HELDOUT15_MUNICIPALITIES: dict[str, str] = {
    "harderwijk": "0243", "twenterand": "1700", "breda": "0758", "woudrichem": "0874",
    "castricum": "0383", "hof-van-twente": "1735", "lansingerland": "1621",
    "bernheze": "1721", "helmond": "0794", "huizen": "0406", "hollands-kroon": "1911",
    "hoeksche-waard": "1963", "zeist": "0355", "soest": "0342", "zaanstad": "0479",
    "enschede": "0153", "horst-aan-de-maas": "1507", "westland": "1783",
    "leeuwarderadeel": "0081", "sittard-geleen": "1883", "krimpenerwaard": "1931",
    "winterswijk": "0294", "kaag-en-braassem": "1884", "oisterwijk": "0824",
    "barneveld": "0203", "valkenswaard": "0858", "smallingerland": "0090", "ermelo": "0233",
    "altena": "1959", "opsterland": "0086", "borsele": "0654", "hoorn": "0405",
    "hardinxveld-giessendam": "0523", "tholen": "0716", "nijmegen": "0268",
    "oosterhout": "0826", "vlissingen": "0718", "medemblik": "0420", "veere": "0717",
    "bladel": "1728",
}  # fmt: skip
# heldout15's exclusions (the other writing-advice sets; heldout16 was written by GGD Flevoland,
# whose municipalities are among them) and heldout15's own municipalities.
EXCLUDED_MUNICIPALITIES: dict[str, str] = {
    **h15.EXCLUDED_MUNICIPALITIES,
    **{code: name for name, code in HELDOUT15_MUNICIPALITIES.items()},
}
# Units skipped by the annotator because they name a private person (hashes only).
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
)


def heldout15_municipalities() -> set[str]:
    """The municipality codes of the heldout15 plans (its committed unit list)."""
    return h15.side_municipalities("heldout15")


def used_plans(keys: set[str]) -> dict[str, list[str]]:
    """Plan id -> the parts of the project that read it (heldout15's computation; this set's
    own fixtures not read)."""
    return h15.used_plans(keys, SIDE)


def build_units() -> tuple[list[dict], dict, dict[str, str]]:
    """Unit rows, counts for the provenance record and the sha256 of the files read."""
    return h15.build_units(RULE)


def provenance(rows: list[dict], counts: dict, shas: dict[str, str]) -> dict:
    """The provenance record of the export (written beside the units)."""
    return h15.provenance(rows, counts, shas, RULE)


def main(argv: Sequence[str] | None = None) -> int:
    return export_side(
        argv, side=SIDE, description=__doc__.split("\n")[0], unit_list=UNIT_LIST,
        columns=COLUMNS, build=build_units, record=provenance,
        per_document=("units_per_plan", "plan"),
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
