"""The blind judging set of the incivility precision harness: no tool output for the judge,
every flag in it, at least as many unflagged texts, a fixed order per seed."""

from __future__ import annotations

import csv
from pathlib import Path

from bench.evaluate.incivility_precision import BLIND_FIELDS, PoolText, blind_set, write_blind


def _pool(n: int, flagged: set[int]) -> tuple[list[PoolText], list[dict]]:
    texts = [PoolText("set", "test", str(k), "", "", f"tekst {k}") for k in range(n)]
    flags = [{"text_sha256": t.sha, "evidence": "sukkel", "categories": "insult"}
             for k, t in enumerate(texts) if k in flagged]  # fmt: skip
    return texts, flags


def test_blind_set_mixes_every_flag_with_unflagged_texts() -> None:
    judge, key = blind_set({"p": _pool(50, {3, 7})}, seed=1, min_unflagged=5)
    assert len(judge) == len(key) == 7
    assert all(tuple(r) == BLIND_FIELDS for r in judge)
    assert sum(k["flagged"] for k in key) == 2
    assert {k["row"] for k in key if k["flagged"]} == {"3", "7"}
    assert [r["id"] for r in judge] == [k["id"] for k in key] == [f"b{k}" for k in range(1, 8)]
    # as many unflagged as flagged when that is more than the minimum; all when fewer exist
    judge, key = blind_set({"p": _pool(10, set(range(6)))}, seed=1, min_unflagged=2)
    assert len(judge) == 10


def test_blind_set_is_fixed_by_its_seed() -> None:
    pools = {"p": _pool(40, {1, 2, 3})}
    assert blind_set(pools, seed=5)[0] == blind_set(pools, seed=5)[0]
    assert blind_set(pools, seed=5)[0] != blind_set(pools, seed=6)[0]


def test_write_blind_keeps_the_key_apart(tmp_path: Path) -> None:
    judge, key = blind_set({"p": _pool(6, {0})}, seed=2, min_unflagged=1)
    write_blind(tmp_path, judge, key)
    with (tmp_path / "blind.csv").open(encoding="utf-8") as handle:
        assert csv.DictReader(handle).fieldnames == ["id", "text"]
    with (tmp_path / "blind_key.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["evidence"] for r in rows if r["flagged"] == "1"] == ["sukkel"]
    assert "text" not in rows[0]
