"""Theme tagger on real municipal paragraphs labelled by hand (``themes_real.csv``).

The label file must be consistent with the taxonomy. The figures need the texts exported by
``python -m bench.evaluate.themes_real_export`` (Wassenaar budgets, City of Amsterdam
sentences; not in the repository) and are skipped cleanly otherwise. Floors are the values
measured once (2026-12-05, nothing tuned on these texts; docs/evaluation.md, "Themes on real
text") minus 0.02.
"""

from __future__ import annotations

import csv
import re

import pytest

from bench.evaluate.common import ROOT, eval_dir
from bench.evaluate.themes_eval import read_gold, run
from pipeline.themes import load_taxonomy

MEASURED = {
    "lexicon": {"1": 0.574, "2": 0.518},
    "model (default, with lexicon blend)": {"1": 0.604, "2": 0.513},
}
MARGIN = 0.02


def test_label_file_is_consistent():
    rows = read_gold()
    taxonomy = load_taxonomy()
    codes = {t.code: t for t in taxonomy if t.code is not None}
    assert len(rows) >= 150
    hashes = [r["text_sha256"] for r in rows]
    assert len(set(hashes)) == len(hashes)
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes)
    assert {r["dataset"] for r in rows} == {"wassenaar", "amsterdam"}
    for r in rows:
        assert r["level1"], r["source"]
        for code in r["level1"]:
            assert code in codes and codes[code].level == "1", (r["source"], code)
        for code in r["level2"]:
            assert code in codes and codes[code].level == "2", (r["source"], code)
            parent = codes[code].parent
            assert any(codes[c].slug == parent for c in r["level1"]), (r["source"], code)
    # No reserved Wassenaar budgets (2021-2023 are kept for another evaluation).
    assert not any(
        re.search(r"202[123]\.pdf", r["source"]) for r in rows if "begroting" in r["source"]
    )
    # Amsterdam: only units of the development side of the flags data.
    with (ROOT / "tests" / "fixtures" / "real" / "flags_units_dev.csv").open(encoding="utf-8") as f:
        dev_units = {r["unit_id"] for r in csv.DictReader(f)}
    for r in rows:
        if r["dataset"] == "amsterdam":
            assert set(r["source"].split(":", 1)[1].split("+")) <= dev_units, r["source"]
    assert len({c for r in rows for c in r["level1"]}) == 9


@pytest.mark.slow
def test_real_text_figures_hold():
    if not (eval_dir() / "themes_real" / "paragraphs.csv").is_file():
        pytest.skip("themes_real not exported (python -m bench.evaluate.themes_real_export)")
    out = run()
    assert out["n_paragraphs"] >= 150
    for method, levels in MEASURED.items():
        for level, value in levels.items():
            assert out[method][level]["micro_f1"] >= value - MARGIN, (method, level)
    if "rollup" in out:  # whole programmes: model 18/20 measured
        ro = out["rollup"]
        share = ro["correct"]["model (default, with lexicon blend)"] / len(ro["programmes"])
        assert share >= 0.90 - MARGIN
