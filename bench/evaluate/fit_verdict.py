"""Fit ``b1_rule.v3`` on the ``fit`` leveled texts, and measure it once on the held-out ones.

The model (``pipeline/readability/difficulty.py``) is a cumulative-logit (ordinal) regression
over the measures in ``MEASURES``, standardised on the fit texts, with every weight >= 0 (each
measure is oriented so that higher = harder). Observations:

* real texts (``bench.evaluate.levels_export``, role ``fit``): ``easy`` only says "B1 or
  easier", ``normal`` only "harder than B1" (interval-censored levels); the two classes get
  equal total weight;
* the project's 31 calibration texts (``tests/fixtures/levels``): their exact level A2, B1,
  B2 or C1, weighted ``--calibration-weight`` times a real text of their class.

The B1 threshold is the fitted B1|B2 boundary, moved into the gap between the calibration texts
that must pass (A2, B1) and those that must fail (B2, C1) when it lies outside it; the A2 and
B2 cut points are the middle of the gaps A2|B1 and B2|C1 of the calibration texts (or the
fitted boundary when the texts overlap). The intercept puts the threshold at difficulty 50, and
a temperature (dividing all weights) puts the B2|C1 cut point at 90 (this spreads the scale; it
changes no ranking or decision). Reference values ("a typical B1 text") are the medians of the
fit texts that should pass and do. The weight of the calibration texts and the L2 penalty are
chosen from a small grid by grouped 5-fold cross-validation (folds by source document),
preferring grids under which the full fit orders all calibration texts correctly.

Usage::

    python -m bench.evaluate.fit_verdict fit        # writes pipeline/data/b1_rule_v3.json
    python -m bench.evaluate.fit_verdict heldout    # figures on the held-out texts (once)

Both print their figures as JSON; ``heldout`` also writes
``tests/fixtures/real/verdict_heldout.json`` (the figures the test asserts).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from bench.evaluate.common import ROOT, auc, balanced_accuracy, eval_dir
from bench.evaluate.verdict_data import (
    CALIBRATION,
    calibration_texts,
    level_texts,
    measure,
)
from pipeline.config import DEFAULT_B1_MODEL, ReadabilitySettings
from pipeline.readability.difficulty import MEASURES, VerdictInputs, measure_values

ORDINAL = {"A2": 0, "B1": 1, "B2": 2, "C1": 3}
CANDIDATES = tuple(MEASURES)
CALIBRATION_WEIGHTS = (5.0, 10.0, 20.0, 30.0)
PENALTIES = (0.001, 0.003)
# The B2|C1 cut point is put at this difficulty (a temperature that only spreads the scale).
C1_FROM = 90.0
FOLDS = 5
HELDOUT_FIGURES = ROOT / "tests" / "fixtures" / "real" / "verdict_heldout.json"


def inputs_of(record: dict[str, Any]) -> VerdictInputs:
    """``VerdictInputs`` from a measured record (as ``measures()`` builds them in check)."""
    v = record["verdict_inputs"]
    scores = dict(v["scores"])
    c = v["counts"]
    scores.update(
        n_lines=scores["n_sentences"] + c["n_fragments"],
        n_long_words=c["n_long_words"],
        flag_counts=c["flag_counts"],
        n_language_words=c.get("n_language_words", 0),  # measured before session 36: unknown
        n_dutch_words=c.get("n_dutch_words", 0),
    )
    return VerdictInputs.from_scores(scores, lint=v["lint_features"])


def v2_verdict(record: dict[str, Any]) -> tuple[str | None, bool | None]:
    """The ``b1_rule.v2`` level and pass of a measured record (default v2 thresholds)."""
    from pipeline.readability.verdict import b1_verdict

    v = record["verdict_inputs"]
    lines = v["scores"]["n_sentences"] + v["counts"]["n_fragments"]
    rate = v["counts"]["n_style_problems"] / lines if lines else None
    verdict = b1_verdict(v["scores"], rate, ReadabilitySettings(b1_rule="b1_rule.v2"))
    return verdict.level, verdict.b1_pass


@dataclass
class Data:
    """Fit texts as arrays: raw measures (NaN: missing), kind, label, class, group."""

    records: list[dict[str, Any]]
    names: tuple[str, ...]
    raw: np.ndarray
    calibration: np.ndarray  # bool: a calibration text (exact level)
    label: np.ndarray  # calibration: 0-3; real: 0 easy, 1 normal
    harder: np.ndarray  # bool: should fail B1
    group: list[str]

    @classmethod
    def of(cls, records: list[dict[str, Any]], names: Sequence[str]) -> Data:
        settings = ReadabilitySettings()
        rows = []
        for r in records:
            values = measure_values(inputs_of(r), settings, names)
            rows.append([np.nan if values[n] is None else values[n] for n in names])
        cal = np.array([r["dataset"] == CALIBRATION for r in records])
        label = np.array(
            [ORDINAL[r["cefr"]] if r["dataset"] == CALIBRATION else int(r["class"] != "easy")
             for r in records]
        )  # fmt: skip
        harder = np.array([r["class"] != "easy" for r in records])
        return cls(records, tuple(names), np.array(rows, float), cal, label, harder,
                   [group_of(r) for r in records])  # fmt: skip

    def subset(self, idx: Sequence[int]) -> Data:
        return Data([self.records[i] for i in idx], self.names, self.raw[idx],
                    self.calibration[idx], self.label[idx], self.harder[idx],
                    [self.group[i] for i in idx])  # fmt: skip


def group_of(record: dict[str, Any]) -> str:
    """Cross-validation group: the source document (a calibration topic for own texts)."""
    if record["dataset"] == CALIBRATION:
        return f"{CALIBRATION}:{record['id'][:2]}"
    return f"{record['dataset']}:{record['source_doc']}"


def standardise(raw: np.ndarray, mean: np.ndarray, scale: np.ndarray) -> np.ndarray:
    x = (raw - mean) / scale
    return np.where(np.isnan(x), 0.0, x)


def _sig(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def fit_ordinal(data: Data, x: np.ndarray, calibration_weight: float, penalty: float) -> dict:
    """Maximum (penalised) likelihood of the censored cumulative-logit model.

    Returns ``weights`` (>= 0), ``theta`` (A2|B1, B1|B2, B2|C1 boundaries on ``z = x @ w``).
    """
    from scipy.optimize import minimize

    k = x.shape[1]
    w_obs = np.where(
        data.harder, 1.0 / max(1, data.harder.sum()), 1.0 / max(1, (~data.harder).sum())
    )
    w_obs = w_obs * np.where(data.calibration, calibration_weight, 1.0)
    w_obs = w_obs / w_obs.sum()
    cal, lab = data.calibration, data.label
    eps = 1e-12

    def loss(p: np.ndarray) -> float:
        w, t2 = p[:k], p[k]
        t1, t3 = t2 - p[k + 1], t2 + p[k + 2]
        z = x @ w
        p1, p2, p3 = _sig(t1 - z), _sig(t2 - z), _sig(t3 - z)
        real = np.where(lab == 0, np.log(p2 + eps), np.log(1 - p2 + eps))
        exact = np.select(
            [lab == 0, lab == 1, lab == 2, lab == 3],
            [np.log(p1 + eps), np.log(p2 - p1 + eps), np.log(p3 - p2 + eps),
             np.log(1 - p3 + eps)],
        )  # fmt: skip
        ll = np.where(cal, exact, real)
        return float(-(w_obs * ll).sum() + penalty * (w @ w))

    start = np.r_[np.full(k, 0.3), 0.0, 1.0, 1.0]
    bounds = [(0.0, None)] * k + [(None, None), (1e-3, None), (1e-3, None)]
    result = minimize(loss, start, method="L-BFGS-B", bounds=bounds)
    p = result.x
    return {"weights": p[:k], "theta": (p[k] - p[k + 1], p[k], p[k] + p[k + 2])}


def _gap(low: np.ndarray, high: np.ndarray) -> tuple[float, float] | None:
    if not len(low) or not len(high):
        return None
    return float(low.max()), float(high.min())


def place_cuts(data: Data, z: np.ndarray, theta: tuple[float, float, float]) -> dict:
    """Threshold and cut points on ``z`` (module docstring) and whether the calibration texts
    come out right under them."""
    cal = data.calibration
    zc, lc = z[cal], data.label[cal]

    def cut(
        low_levels: tuple[int, ...],
        high_levels: tuple[int, ...],
        fitted: float,
        prefer_fitted: bool,
    ) -> tuple[float, bool]:
        gap = _gap(zc[np.isin(lc, low_levels)], zc[np.isin(lc, high_levels)])
        if gap is None:
            return fitted, True
        lo, hi = gap
        if lo >= hi:
            return fitted, False
        margin = 0.1 * (hi - lo)
        if prefer_fitted:
            return min(max(fitted, lo + margin), hi - margin), True
        return (lo + hi) / 2, True

    t1, ok1 = cut((0,), (1, 2, 3), theta[0], prefer_fitted=False)
    t2, ok2 = cut((0, 1), (2, 3), theta[1], prefer_fitted=True)
    t3, ok3 = cut((0, 1, 2), (3,), theta[2], prefer_fitted=False)
    return {"cuts": (t1, t2, t3), "ordered": ok1 and ok2 and ok3 and t1 < t2 < t3}


def train(data: Data, calibration_weight: float, penalty: float) -> dict:
    """Standardise, fit, place the cut points."""
    mean = np.nanmean(data.raw, axis=0)
    scale = np.nanstd(data.raw, axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    x = standardise(data.raw, mean, scale)
    fitted = fit_ordinal(data, x, calibration_weight, penalty)
    z = x @ fitted["weights"]
    placed = place_cuts(data, z, fitted["theta"])
    return {"mean": mean, "scale": scale, **fitted, **placed}


def z_of(model: dict, raw: np.ndarray) -> np.ndarray:
    return standardise(raw, model["mean"], model["scale"]) @ model["weights"]


def figures(
    records: list[dict[str, Any]], difficulty: Sequence[float], passed: Sequence[bool]
) -> dict[str, Any]:
    """Balanced accuracy of the B1 decision and AUC of the score, per dataset and pooled,
    with counts; the share of Amsterdam pairs where the easy twin scores lower."""
    out: dict[str, Any] = {}
    datasets = sorted({r["dataset"] for r in records})
    for name in [*datasets, "all"]:
        idx = [i for i, r in enumerate(records) if name == "all" or r["dataset"] == name]
        harder = [records[i]["class"] != "easy" for i in idx]
        n_easy = harder.count(False)
        entry: dict[str, Any] = {"n_easy": n_easy, "n_normal": len(idx) - n_easy}
        ok = [passed[i] != h for i, h in zip(idx, harder, strict=True)]
        easy_ok = [o for o, h in zip(ok, harder, strict=True) if not h]
        hard_ok = [o for o, h in zip(ok, harder, strict=True) if h]
        entry["easy_pass"] = int(sum(easy_ok))
        entry["normal_fail"] = int(sum(hard_ok))
        entry["balanced_accuracy"] = _round(
            balanced_accuracy([not h for h in harder], [passed[i] for i in idx])
        )
        entry["auc"] = _round(auc(harder, [difficulty[i] for i in idx]))
        if entry["balanced_accuracy"] is None:
            entry["accuracy"] = _round(sum(ok) / len(ok)) if ok else None
        out[name] = entry
    pairs = _pairs(records, difficulty)
    if pairs:
        out["amsterdam_municipal_pairs"]["paired_easier"] = pairs
    return out


def _pairs(records: list[dict[str, Any]], difficulty: Sequence[float]) -> dict[str, Any] | None:
    by_id = {r["id"]: d for r, d in zip(records, difficulty, strict=True)
             if r["dataset"] == "amsterdam_municipal_pairs"}  # fmt: skip
    wins = total = 0
    for key, d in by_id.items():
        if key.endswith("-complex") and key.replace("-complex", "-simple") in by_id:
            total += 1
            wins += int(by_id[key.replace("-complex", "-simple")] < d)
    return (
        {"easy_scores_lower": wins, "pairs": total, "share": _round(wins / total)}
        if total
        else None
    )


def _round(x: float | None, digits: int = 4) -> float | None:
    return None if x is None else round(float(x), digits)


def folds_of(groups: Sequence[str]) -> list[int]:
    return [int(hashlib.sha256(g.encode()).hexdigest(), 16) % FOLDS for g in groups]


def cross_validate(data: Data, calibration_weight: float, penalty: float) -> dict[str, Any]:
    """Grouped K-fold: difficulty and decision of every fit text from a model without its
    source document."""
    fold = np.array(folds_of(data.group))
    difficulty = np.zeros(len(data.records))
    for f in range(FOLDS):
        train_idx = np.flatnonzero(fold != f)
        test_idx = np.flatnonzero(fold == f)
        model = train(data.subset(list(train_idx)), calibration_weight, penalty)
        z = z_of(model, data.raw[test_idx]) - model["cuts"][1]
        difficulty[test_idx] = 100 * _sig(z)
    passed = [d <= 50 for d in difficulty]
    out = figures(data.records, difficulty.tolist(), passed)
    real = [i for i, r in enumerate(data.records) if r["dataset"] != CALIBRATION]
    out["real"] = figures(
        [data.records[i] for i in real], [difficulty[i] for i in real], [passed[i] for i in real]
    )["all"]
    return out


def fit_command(remeasure: bool) -> dict[str, Any]:
    texts = level_texts("fit") + calibration_texts()
    records = measure(texts, eval_dir() / "levels" / "measures_fit.jsonl", remeasure)
    records = _with_source_docs(records)
    data = Data.of(records, CANDIDATES)
    grid = []
    for cw in CALIBRATION_WEIGHTS:
        for penalty in PENALTIES:
            full = train(data, cw, penalty)
            cv = cross_validate(data, cw, penalty)
            real = _real_pooled(cv)
            ordered = bool(full["ordered"])
            grid.append(
                {"calibration_weight": cw, "penalty": penalty, "calibration_ordered": ordered,
                 "cv_real": real, "cv": cv}
            )  # fmt: skip
            print(f"grid cw={cw} l2={penalty} ordered={ordered} cv_real={real}", file=sys.stderr)
    usable = [g for g in grid if g["calibration_ordered"]] or grid
    best = max(usable, key=lambda g: g["cv_real"]["balanced_accuracy"] + g["cv_real"]["auc"])
    model = train(data, best["calibration_weight"], best["penalty"])
    z = z_of(model, data.raw)
    t1, t2, t3 = model["cuts"]
    # temperature: put the B2|C1 cut at C1_FROM; ranking and decisions do not change
    temperature = (t3 - t2) / math.log(C1_FROM / (100 - C1_FROM))
    difficulty = 100 * _sig((z - t2) / temperature)
    passing = [i for i, r in enumerate(records) if r["class"] == "easy" and difficulty[i] <= 50]
    reference = np.nanmedian(data.raw[passing], axis=0)
    terms = [
        {"name": n, "weight": _sig6(w), "mean": _sig6(m), "scale": _sig6(s),
         "reference": _sig6(ref), "label": MEASURES[n].label}
        for n, w, m, s, ref in zip(data.names, model["weights"] / temperature, model["mean"],
                                   model["scale"], reference, strict=True)
        if w > 1e-5
    ]  # fmt: skip
    intercept = -t2 / temperature
    out = {
        "rule": "b1_rule.v3",
        "score": "difficulty = 100 / (1 + exp(-z)), z = intercept + sum(weight * (value - mean)"
        " / scale); higher = harder; B1 when difficulty <= cut_points.b1_max",
        "intercept": _sig6(intercept),
        "terms": terms,
        "cut_points": {
            "a2_max": round(float(100 * _sig(np.array((t1 - t2) / temperature))), 1),
            "b1_max": 50.0,
            "b2_max": C1_FROM,
        },
        "about": {
            "fitted_by": "python -m bench.evaluate.fit_verdict fit",
            "fitted_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "data": _data_summary(records),
            "calibration_weight": best["calibration_weight"],
            "penalty": best["penalty"],
            "temperature": round(float(temperature), 4),
            "calibration_ordered": bool(model["ordered"]),
            "cross_validation": {
                "folds": FOLDS,
                "grouped_by": "source document",
                "figures": best["cv"],
            },
            "fit_figures": figures(records, difficulty.tolist(), [d <= 50 for d in difficulty]),
            "v2_on_fit_texts": _v2_figures(records),
            "grid": [{k: v for k, v in g.items() if k != "cv"} for g in grid],
        },
    }
    _check_reference(out)
    DEFAULT_B1_MODEL.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n",
                                encoding="utf-8")  # fmt: skip
    return out


def _real_pooled(cv: dict[str, Any]) -> dict[str, Any]:
    """Pooled figures of the real (not own) fit texts from a cross-validation result."""
    return {"balanced_accuracy": cv["real"]["balanced_accuracy"], "auc": cv["real"]["auc"]}


def _sig6(x: float) -> float:
    return float(f"{float(x):.6g}")


def _check_reference(model: dict[str, Any]) -> None:
    from pipeline.readability.difficulty import DifficultyModel

    loaded = DifficultyModel.from_dict(model)
    d = loaded.reference_difficulty()
    if d >= loaded.threshold:
        raise SystemExit(f"reference text scores {d:.1f} >= threshold: refusing this fit")


def _data_summary(records: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for r in records:
        key = r["dataset"]
        entry = out.setdefault(key, {})
        label = r["cefr"] or r["class"]
        entry[label] = entry.get(label, 0) + 1
    return out


def _v2_scored(records: list[dict[str, Any]]) -> list[tuple[float, bool]]:
    """v2 has no score: its level (A2 < B1 < B2 < C1) stands in for the AUC."""
    levels = {"A2": 10.0, "B1": 30.0, "B2": 60.0, "C1": 90.0}
    return [(levels.get(level or "", 0.0), bool(p)) for level, p in map(v2_verdict, records)]


def _v2_figures(records: list[dict[str, Any]]) -> dict[str, Any]:
    scored = _v2_scored(records)
    return figures(records, [d for d, _ in scored], [p for _, p in scored])


def _with_source_docs(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add ``source_doc`` (the CV group) from the exported files."""
    docs: dict[tuple[str, str], str] = {}
    for path in sorted((eval_dir() / "levels").glob("*/texts.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            docs[path.parent.name, row["id"]] = row["source_doc"]
    return [r | {"source_doc": docs.get((r["dataset"], r["id"]), r["id"])} for r in records]


def heldout_command(remeasure: bool) -> dict[str, Any]:
    """Figures of v3 (as check computes it) and v2 on the held-out texts."""
    texts = level_texts("heldout")
    records = measure(texts, eval_dir() / "levels" / "measures_heldout.jsonl", remeasure)
    from pipeline.readability.verdict import b1_verdict

    settings = ReadabilitySettings()
    v3 = []
    for r in records:
        inputs = inputs_of(r)
        verdict = b1_verdict(r["verdict_inputs"]["scores"], None, settings, inputs)
        v3.append(verdict)
    model_file = DEFAULT_B1_MODEL
    out = {
        "about": "python -m bench.evaluate.fit_verdict heldout: b1_rule.v3 (model "
        f"{model_file.name}, sha256 {hashlib.sha256(model_file.read_bytes()).hexdigest()[:16]}) "
        "and b1_rule.v2 on the held-out leveled texts; difficulty of v2 = its level",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "model_sha256": hashlib.sha256(model_file.read_bytes()).hexdigest(),
        "v3": figures(records, [v.difficulty or 0.0 for v in v3], [bool(v.b1_pass) for v in v3]),
        "v2": _v2_figures(records),
        "easy_vs_normal_across_publishers": {
            "v3": _cross(records, [(v.difficulty or 0.0, bool(v.b1_pass)) for v in v3]),
            "v2": _cross(records, _v2_scored(records)),
        },
    }
    HELDOUT_FIGURES.parent.mkdir(parents=True, exist_ok=True)
    HELDOUT_FIGURES.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return out


def _cross(records: list[dict[str, Any]], scored: list[tuple[float, bool]]) -> dict[str, Any]:
    """Storybooks (easy) against news and zoning plans (normal): other publishers only."""
    keep = [i for i, r in enumerate(records) if r["dataset"] != "amsterdam_municipal_pairs"]
    sub = [records[i] | {"dataset": "other_publishers"} for i in keep]
    fig = figures(sub, [scored[i][0] for i in keep], [scored[i][1] for i in keep])
    return fig["all"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("fit", "heldout"))
    parser.add_argument("--remeasure", action="store_true", help="ignore cached measures")
    args = parser.parse_args(argv)
    if args.command == "fit":
        out = fit_command(args.remeasure)
        print(json.dumps(out["about"]["cross_validation"], indent=1))
    else:
        print(json.dumps(heldout_command(args.remeasure), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
