"""The leave-one-side-out term filter of bench/evaluate/flags_term_filter.py."""

from __future__ import annotations

import pytest

from bench.evaluate.flags_term_filter import FlagRow, filtered


def row(side: str, term: str, true: bool, unit: str = "u") -> FlagRow:
    covers = ((f"{side}-{unit}", 0, 5),) if true else ()
    return FlagRow(side, term, true, covers)


def test_term_filter_drops_a_term_wrong_on_the_other_sides_only():
    rows = [
        row("a", "good", True, "1"), row("a", "bad", False, "2"),
        row("b", "good", True, "1"), row("b", "bad", False, "2"),
        row("c", "bad", True, "1"),  # right once, on a side where the others say drop it
    ]  # fmt: skip
    gold = {"a": 1, "b": 1, "c": 2}
    p, r, n = filtered(rows, gold, threshold=-1.0, min_flags=1)
    assert (p, r, n) == (pytest.approx(3 / 5), pytest.approx(3 / 4), 5)
    # "bad" elsewhere: sides a and b see 1 true of 2 -> 2/4 = 0.5; side c 0 of 2 -> 1/4, so
    # c's one true "bad" is dropped
    p, r, n = filtered(rows, gold, threshold=0.4, min_flags=2)
    assert n == 4 and p == pytest.approx(2 / 4) and r == pytest.approx(2 / 4)
    p, r, n = filtered(rows, gold, threshold=0.6, min_flags=2)
    assert n == 2 and p == 1.0 and r == pytest.approx(2 / 4)
    # a term seen fewer than min_flags times elsewhere is always kept
    assert filtered(rows, gold, threshold=0.6, min_flags=3)[2] == 5
