"""Checks of the hand-labelled real sentiment sets (labels only; no fetched text needed)."""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "fixtures" / "real"
sys.path.insert(0, str(ROOT / "scripts"))

from bench.evaluate.sentiment_fresh import FRESH_GROUP, plan_group  # noqa: E402
from bench.evaluate.sentiment_municipal2 import MUNICIPAL2_GROUPS  # noqa: E402


def _rows(name: str) -> list[dict[str, str]]:
    with (REAL / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_municipal2_labels_are_well_formed() -> None:
    rows = _rows("sentiment_municipal2.csv")
    assert len(rows) >= 300
    assert Counter(r["label"] for r in rows) == {"negatief": 46, "neutraal": 232, "positief": 35}
    assert {r["split"] for r in rows} == {"heldout"}
    assert {r["uncivil"] for r in rows} <= {"0", "1"}
    assert all(re.fullmatch(r"[0-9a-f]{64}", r["text_sha256"]) for r in rows)
    assert len({r["text_sha256"] for r in rows}) == len(rows)
    assert all(plan_group(r["path"]) in MUNICIPAL2_GROUPS for r in rows)


def test_municipal2_is_disjoint_from_the_other_labelled_sets() -> None:
    new = _rows("sentiment_municipal2.csv")
    older = _rows("sentiment_municipal.csv") + _rows("sentiment_fresh.csv")
    assert not {r["text_sha256"] for r in new} & {r["text_sha256"] for r in older}
    plan = re.compile(r"-[^-]*\.md$")
    older_plans = {plan.sub("", r["path"]) for r in older if r.get("path")}
    assert not {plan.sub("", r["path"]) for r in new} & older_plans


def test_training_leaves_out_the_held_out_plan_groups() -> None:
    import train_sentiment

    assert FRESH_GROUP in train_sentiment.HELD_OUT_GROUPS
    assert set(MUNICIPAL2_GROUPS) <= train_sentiment.HELD_OUT_GROUPS
    assert train_sentiment.MUNICIPAL2_PATH.name == "sentiment_municipal2.csv"


def test_incivility_flag_judgements_are_well_formed() -> None:
    """The judged flags of the precision rounds (docs/evaluation.md): keys, values, counts."""
    from bench.evaluate.incivility_precision import JUDGED_FIELDS, JUDGED_PATH, read_judgements

    rows = _rows(JUDGED_PATH.name)
    assert tuple(rows[0]) == JUDGED_FIELDS
    assert {r["uncivil"] for r in rows} <= {"0", "1"}
    assert all(re.fullmatch(r"[0-9a-f]{64}", r["text_sha256"]) for r in rows)
    assert all(r["row"] or (r["path"] and r["part"]) for r in rows)
    by_round = Counter((r["round"], r["dataset"], r["split"]) for r in rows)
    # round 1: 8 bol.com test + 7 train + 3 municipal flags; round 2: 6 news/wiki flags
    assert by_round[("1", "bol_reviews", "test")] == 8
    assert by_round[("1", "bol_reviews", "train")] == 7
    assert by_round[("1", "municipal_comments", "")] == 3
    assert sum(n for (rnd, _, _), n in by_round.items() if rnd == "2") == 6
    # round 3: 42 flags of real comments (18 tweets to MPs, 24 COVID tweets) judged blind,
    # mixed with 78 unflagged tweets to MPs (for a recall estimate)
    assert by_round[("3", "ddts_politicians", "")] == 96
    assert by_round[("3", "ct22_covid", "")] == 24
    # round 4: the 3 new flags of context.v4 on those pools, mixed with 40 unseen tweets to MPs
    assert sum(n for (rnd, _, _), n in by_round.items() if rnd == "4") == 43
    uncivil = Counter(r["round"] for r in rows if r["uncivil"] == "1")
    assert (uncivil["1"], uncivil["2"], uncivil["3"], uncivil["4"]) == (1, 0, 31, 6)
    judged = read_judgements()
    assert len(judged) == len(rows) - 1  # bol.com rows 1768 and 2431 are the same text
