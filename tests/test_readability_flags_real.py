"""Writing advice on real municipal sentences: seed lines, dev2, heldout2 ("dev3") and
heldout3 ("dev4"), all development data since round 5 of issue 11 (a fresh blind set is
measured by the lead).

Gold: the project's own annotations (``tests/fixtures/real/flags_heldout.csv``, conventions in
docs/evaluation.md, "Writing-advice annotations"), matched by kind and overlapping span
(``bench/evaluate/flags_eval.py``). The seed lines (``../shared/seeds``) are always there and
run in CI; the City of Amsterdam sentences (EUPL-1.2) need ``python -m
bench.evaluate.flags_export`` and are skipped cleanly when their texts are not exported.

Floors: the targets of issue 11 where the held-out figures reach them, otherwise the
figure measured once (2026-12-05, after tuning on the development side only) minus a small
margin, so a regression fails while the unmet targets stay visible here:
``ISSUE_TARGETS`` vs ``SEED_FLOORS``. The Amsterdam units of the side named "heldout" in
the files were measured once as held-out and are now development data ("dev2",
``DEV2_FLOORS``); only the seed lines are still held-out.
"""

from __future__ import annotations

import pytest
from conftest import require_seeds

from bench.evaluate import flags_gold as fg
from bench.evaluate.flags_eval import analyse_gold, score
from pipeline.config import load_settings

# issue 11, item 4: (precision, recall); None = no target
ISSUE_TARGETS = {
    "passive": (0.90, 0.80),
    "nominalisation": (0.90, 0.70),
    "officialese": (0.90, 0.80),
    "abbreviation": (0.90, 0.80),
    "hard_word": (0.70, None),
}
# dev2 = the Amsterdam part of the old held-out side (396 units). Measured once as held-out
# on 2026-12-05 (figures kept in docs/evaluation.md), then used as DEVELOPMENT data (issue 11,
# round 3): these floors guard against regressions, they are not held-out figures. Measured
# after round 3: passive .93/.91 (81/87, 81/89), nominalisation .79/.63 (22/28, 22/35),
# officialese .96/.57 (116/121, 117/205), abbreviation .73/.51 (22/30, 22/43), hard word
# .68/.21 (21/31, 21/99). After round 4 (development figures): nominalisation .85/.66
# (23/27, 23/35), officialese .97/.70 (142/147, 143/205), abbreviation .84/.86 (37/44,
# 37/43), hard word .80/.24 (24/30, 24/99); passive unchanged.
DEV2_FLOORS = {
    "passive": (0.90, 0.80),
    "nominalisation": (0.80, 0.62),
    "officialese": (0.90, 0.66),
    "abbreviation": (0.80, 0.80),
    "hard_word": (0.70, 0.20),
}
# heldout2: 231 units of zoning-plan prose from 30 municipalities, annotated blind after the
# rules were frozen (issue 11, round 3), measured once on 2026-12-05 with nl_ud_sm: passive
# .92/.87 (165/179, 165/190), nominalisation .70/.38 (30/43, 30/78), officialese .61/.64
# (218/355, 219/342), abbreviation .78/.50 (7/9, 7/14: too few for a floor), hard word
# .33/.09 (16/48, 15/161). Only the passive meets the targets. From round 4 on heldout2 is
# DEVELOPMENT data ("dev3"): its errors were looked at and rules changed. After round 4:
# nominalisation .87/.68 (54/62, 53/78), officialese .82/.82 (280/341, 281/342), abbreviation
# .82/.64 (9/11, 9/14), hard word .82/.34 (56/68, 55/161); these floors are regression guards.
HELDOUT2_FLOORS = {
    "passive": (0.90, 0.80),
    "nominalisation": (0.83, 0.64),
    "officialese": (0.78, 0.78),
    "hard_word": (0.70, 0.30),
}
# heldout3 = "dev4": 240 units of Wassenaar budget prose, annotated blind and measured once
# with the round-4 rules on 2026-12-06 (passive .97/.86, nominalisation .82/.66, officialese
# .75/.68, abbreviation .89/.72, hard word .88/.09; docs/evaluation.md). From round 5 on it is
# DEVELOPMENT data: its errors were looked at. After round 5: passive .97/.86 (154/159,
# 156/182), nominalisation .92/.70 (100/109, 100/142), officialese .90/.79 (227/251,
# 227/286), abbreviation .91/.93 (52/57, 53/57), hard word .94/.30 (77/82, 77/257); these
# floors are regression guards.
DEV4_FLOORS = {
    "passive": (0.90, 0.80),
    "nominalisation": (0.88, 0.66),
    "officialese": (0.87, 0.75),
    "abbreviation": (0.87, 0.80),
    "hard_word": (0.70, 0.25),
}
# Seed lines only (37 units, in CI). Measured: passive .92/.73 (11/12, 11/15),
# nominalisation .94/.52 (17/18, 17/33), officialese .75/.51 (36/48, 36/70), hard word
# .75/.12 (3/4, 3/25). Abbreviation has 3 spans: too few for a floor. In round 4 the seed
# lines were looked at too (development data since then); after round 4: nominalisation
# .95/.61 (20/21, 20/33), officialese .85/.77 (53/62, 54/70), others unchanged.
SEED_FLOORS = {
    "passive": (0.90, 0.66),
    "nominalisation": (0.90, 0.56),
    "officialese": (0.80, 0.72),
    "hard_word": (0.70, 0.10),
}


def _figures(gold, nlp_model, resources) -> dict[str, dict]:
    nlp, info = nlp_model
    settings = load_settings(None, {}, environ={})
    results = score(gold, analyse_gold(gold, settings, nlp, info, resources))
    return {kind: result.figures() for kind, result in results.items()}


def _assert_floors(figures: dict[str, dict], floors: dict[str, tuple[float, float]]) -> None:
    failed = []
    for kind, (p_floor, r_floor) in floors.items():
        f = figures[kind]
        precision, recall = f["precision"] or 0.0, f["recall"] or 0.0
        if precision < p_floor or recall < r_floor:
            failed.append((kind, round(precision, 3), round(recall, 3), p_floor, r_floor))
    assert failed == [], failed


def test_floors_never_exceed_the_issue_targets():
    """A floor above the target would hide nothing; below it, the report names the gap."""
    for floors in (DEV2_FLOORS, SEED_FLOORS, HELDOUT2_FLOORS, DEV4_FLOORS):
        for kind, (p, r) in floors.items():
            target_p, target_r = ISSUE_TARGETS[kind]
            assert p <= target_p and (target_r is None or r <= target_r), kind


@pytest.mark.slow
def test_flag_floors_on_the_heldout_seed_lines(nlp_model, resources):
    require_seeds()
    gold = fg.load_side("heldout", (fg.SEEDS,))
    _assert_floors(_figures(gold, nlp_model, resources), SEED_FLOORS)


@pytest.mark.slow
def test_flag_floors_on_dev2_the_former_heldout_amsterdam_units(nlp_model, resources):
    try:
        gold = fg.load_side("heldout", (fg.AMSTERDAM,))
    except fg.GoldTextsMissing as exc:
        pytest.skip(f"Amsterdam texts not exported on this machine: {exc}")
    _assert_floors(_figures(gold, nlp_model, resources), DEV2_FLOORS)


@pytest.mark.slow
def test_flag_floors_on_heldout2_zoning_plan_prose(nlp_model, resources):
    """The blind fresh held-out set; skipped where its texts are not exported
    (``python -m bench.evaluate.flags_heldout2_export``)."""
    try:
        gold = fg.load_side("heldout2", (fg.PLANS,))
    except fg.GoldTextsMissing as exc:
        pytest.skip(f"zoning-plan texts not exported on this machine: {exc}")
    _assert_floors(_figures(gold, nlp_model, resources), HELDOUT2_FLOORS)


@pytest.mark.slow
def test_flag_floors_on_dev4_budget_prose(nlp_model, resources):
    """heldout3 ("dev4"), development data since round 5; skipped where its texts are not
    exported (``python -m bench.evaluate.flags_heldout3_export``)."""
    try:
        gold = fg.load_side("heldout3", (fg.BUDGET_PROSE,))
    except fg.GoldTextsMissing as exc:
        pytest.skip(f"budget texts not exported on this machine: {exc}")
    _assert_floors(_figures(gold, nlp_model, resources), DEV4_FLOORS)
