"""The rewrite evaluation's record of blind judgements (bench/evaluate/rewrite_eval.py)."""

from __future__ import annotations

from bench.evaluate.rewrite_eval import BLIND_ROUNDS, blind_record, read_judgements


def _row(sentence: str, proposal: str, part: str, ok: str, round_: str, kind="officialese"):
    return {
        "sentence_sha256": sentence, "proposal_sha256": proposal, "kind": kind, "part": part,
        "ok": ok, "round": round_,
    }  # fmt: skip


def test_blind_record_counts_only_the_blind_round_once_per_key() -> None:
    blind = BLIND_ROUNDS["fresh"]
    rows = [
        _row("s1", "p1", "fresh", "1", blind),
        _row("s1", "p1", "fresh", "0", blind),  # a duplicate key counts once (the first)
        _row("s2", "p2", "fresh", "0", blind, kind="split"),
        _row("s3", "p3", "fresh", "1", "99"),  # a later own judgement: not blind
        _row("s4", "p4", "dev2", "1", blind),  # another part
    ]
    record = blind_record(rows, "fresh")
    assert (record["ok"], record["judged"]) == (1, 2)
    assert (record["split:ok"], record["split:judged"]) == (0, 1)
    assert blind_record(rows, "fresh2")["judged"] == 0


def test_blind_fresh_figure_is_reproducible_from_the_judgements() -> None:
    """The one blind judgement of part fresh (round 4): 182/213, word-level 178/208."""
    record = blind_record(read_judgements(), "fresh")
    assert (record["ok"], record["judged"]) == (182, 213)
    assert (record["officialese:ok"], record["officialese:judged"]) == (178, 208)
