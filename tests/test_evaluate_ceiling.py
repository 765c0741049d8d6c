"""The leave-one-side-out word-list ceiling (bench/evaluate/flags_ceiling.py)."""

from collections import Counter

from bench.evaluate.flags_ceiling import SideCounts, apply_list, learn_list, occurrences


def test_occurrences_are_whole_words():
    assert occurrences("reeds", "reeds gedaan. de reedsdienst, reeds") == 2
    assert occurrences("ten minste", "ten minste tien; tenminste") == 1


def test_list_stops_where_pooled_precision_would_fall_below_the_floor():
    sides = [
        SideCounts("reeds reeds tevens locatie locatie locatie locatie", Counter(
            {"reeds": 2, "tevens": 1, "locatie": 2})),
        SideCounts("reeds locatie", Counter({"reeds": 1})),
    ]  # fmt: skip
    # rates: reeds 3/3, tevens 1/1, locatie 2/5 -> locatie would bring P to 6/9 < 0.9
    assert learn_list(sides, 0.9) == ["reeds", "tevens"]
    assert learn_list(sides, 0.6) == ["reeds", "tevens", "locatie"]


def test_apply_counts_true_flags_at_most_the_annotations():
    side = SideCounts("reeds reeds locatie", Counter({"reeds": 1, "middels": 2}))
    assert apply_list(["reeds", "locatie"], side) == (1, 3, 3)
