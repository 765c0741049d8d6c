from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bench.evaluate.rewrite_reliability import gated_share, join, term_counts, write_table
from pipeline.readability.reliability import (
    RELIABILITY_FILE,
    DropinGate,
    read_reliability,
    wilson_lower,
)


def test_wilson_lower_known_values() -> None:
    assert wilson_lower(0, 0) == 0.0
    assert wilson_lower(15, 15) == pytest.approx(15 / (15 + 1.959964**2), abs=1e-6)
    assert wilson_lower(8, 10) == pytest.approx(0.4902, abs=1e-3)  # Wilson (1927) interval
    with pytest.raises(ValueError):
        wilson_lower(3, 2)


def _judgement(part: str, s: str, p: str, ok: str) -> dict[str, str]:
    return {"part": part, "sentence_sha256": s, "proposal_sha256": p, "ok": ok}


def test_reliability_script_on_synthetic_judgements(tmp_path: Path) -> None:
    made = [
        {"part": "a", "kind": "officialese", "term": "reeds", "sentence_sha256": f"s{i}",
         "proposal_sha256": f"p{i}"}
        for i in range(12)
    ] + [
        {"part": "a", "kind": "officialese", "term": "locatie", "sentence_sha256": "t1",
         "proposal_sha256": "q1"},
        {"part": "a", "kind": "officialese", "term": "locatie", "sentence_sha256": "t2",
         "proposal_sha256": "q2"},
        {"part": "a", "kind": "passive", "term": "", "sentence_sha256": "u",
         "proposal_sha256": "r"},
        {"part": "a", "kind": "officialese", "term": "reeds", "sentence_sha256": "s0",
         "proposal_sha256": "p0"},  # a repeat: counted once
    ]  # fmt: skip
    judgements = [_judgement("a", f"s{i}", f"p{i}", "1") for i in range(12)]
    judgements += [_judgement("a", "t1", "q1", "1"), _judgement("a", "t2", "q2", "0")]
    judgements += [_judgement("a", "u", "r", "1"), _judgement("a", "old", "gone", "0")]
    rows, unjoined = join(made, judgements)
    assert len(rows) == 15 and unjoined == 1
    counts = sorted(term_counts(rows))
    assert counts == [("locatie", 2, 1), ("reeds", 12, 12)]
    out = tmp_path / "rel.csv"
    write_table(out, counts)
    table = read_reliability(out)
    assert table["reeds"].judged == 12 and table["reeds"].lower == pytest.approx(
        wilson_lower(12, 12)
    )
    gate = DropinGate(0.7, frozenset(), table)
    assert gate.passes("reeds") and not gate.passes("locatie") and not gate.passes("unknown")
    assert DropinGate(0.7, frozenset({"unknown"}), table).passes("unknown")
    # an allow-listed term passes unless its judgements show it failing (1/2 < 0.7)
    assert not DropinGate(0.7, frozenset({"locatie"}), table).passes("locatie")
    assert DropinGate(0.5, frozenset({"locatie"}), table).passes("locatie")
    assert DropinGate(None, frozenset(), table).passes("locatie")
    kept = gated_share(rows, gate)
    assert (kept["n"], kept["judged"], kept["ok"]) == (13, 13, 13)  # 12 reeds + passive


def test_reliability_bad_row_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "rel.csv"
    bad.write_text("# c\nterm,judged,ok,wilson_lower\nx,2,five,0\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"rel\.csv: row 2"):
        read_reliability(bad)


def test_committed_table_is_consistent() -> None:
    with RELIABILITY_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    assert len(rows) > 50
    for row in rows:
        judged, ok = int(row["judged"]), int(row["ok"])
        assert 0 <= ok <= judged
        assert float(row["wilson_lower"]) == pytest.approx(wilson_lower(ok, judged), abs=1e-3)
