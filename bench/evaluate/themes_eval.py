"""Evaluate the theme tagger on real municipal paragraphs labelled by hand.

Reads the texts exported by ``themes_real_export.py`` (``<eval>/themes_real/paragraphs.csv``)
and the labels in ``tests/fixtures/real/themes_real.csv`` (BBV codes, matched by
``text_sha256``), tags them with the lexicon, the shipped model as used by default (with its
lexicon blend) and the model without the blend, and prints level-1 and level-2 micro/macro-F1
and per-field F1 with support. Level 2 is scored only on paragraphs that carry a level-2
label (the others have no level-2 gold). Nothing is tuned here.

Usage: ``python -m bench.evaluate.themes_eval [--json out.json]``
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from typing import Any

from bench.evaluate.common import ROOT, eval_dir, prf

LABELS = ROOT / "tests" / "fixtures" / "real" / "themes_real.csv"


def read_gold(path: Path = LABELS) -> list[dict[str, Any]]:
    """Label rows with ``level1``/``level2`` as lists of BBV codes."""
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        for key in ("level1", "level2"):
            row[key] = [c for c in row[key].split(";") if c]
    return rows


def read_texts(folder: Path | None = None) -> dict[str, str]:
    """``text_sha256`` -> paragraph text of the exported data set."""
    path = (folder or eval_dir() / "themes_real") / "paragraphs.csv"
    if not path.is_file():
        raise FileNotFoundError(f"{path} missing: run python -m bench.evaluate.themes_real_export")
    with path.open(encoding="utf-8") as f:
        return {r["text_sha256"]: r["text"] for r in csv.DictReader(f)}


def _scores(pred: list[set[str]], gold: list[set[str]], slugs: list[str]) -> dict[str, Any]:
    per: dict[str, Any] = {}
    tp_all = fp_all = fn_all = 0
    for slug in slugs:
        tp = sum(1 for p, g in zip(pred, gold, strict=True) if slug in p and slug in g)
        fp = sum(1 for p, g in zip(pred, gold, strict=True) if slug in p and slug not in g)
        fn = sum(1 for p, g in zip(pred, gold, strict=True) if slug not in p and slug in g)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        if tp + fn:
            per[slug] = {**prf(tp, fp, fn), "support": tp + fn}
    f1s = [v["f1"] or 0.0 for v in per.values()]
    return {
        "n_texts": len(gold),
        "micro_f1": round(prf(tp_all, fp_all, fn_all)["f1"] or 0.0, 4),
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
        "per_field": per,
    }


def run(folder: Path | None = None) -> dict[str, Any]:
    """All figures as a dict: method -> level -> scores."""
    from pipeline.config import ThemeSettings, load_settings
    from pipeline.nlp import load_pipeline
    from pipeline.themes import ThemeTagger, load_taxonomy
    from pipeline.themes.evaluate import predict_sets

    texts = read_texts(folder)
    gold_rows = [r for r in read_gold() if r["text_sha256"] in texts]
    taxonomy = load_taxonomy()
    by_code = {t.code: t.slug for t in taxonomy if t.code is not None}
    nlp, _ = load_pipeline(load_settings(None, {}, environ={}).nlp)
    docs = list(nlp.pipe(texts[r["text_sha256"]] for r in gold_rows))
    lexicon = ThemeTagger.load(ThemeSettings(method="lexicon"))
    model = ThemeTagger.load(ThemeSettings(), nlp)
    taggers = {"lexicon": lexicon, "model (default, with lexicon blend)": model}
    if model.model is not None and model.model.blend:
        m = model.model
        pure = type(m)(m.vectorizer, m.classifier, m.labels, m.thresholds, 0.0)
        taggers["model without lexicon blend"] = ThemeTagger(
            model.settings, model.taxonomy, model.lexicon, pure
        )
    out: dict[str, Any] = {"n_paragraphs": len(gold_rows), "datasets": {}}
    for r in gold_rows:
        out["datasets"][r["dataset"]] = out["datasets"].get(r["dataset"], 0) + 1
    for name, tagger in taggers.items():
        pred = predict_sets(tagger, docs)
        res = {}
        for level, key in (("1", "level1"), ("2", "level2")):
            slugs = [t.slug for t in taxonomy.at_level(level)]
            idx = [i for i, r in enumerate(gold_rows) if r[key]]
            gold = [{by_code[c] for c in gold_rows[i][key]} for i in idx]
            res[level] = _scores([pred[i] for i in idx], gold, slugs)
            for ds in sorted(out["datasets"]):
                sub = [j for j, i in enumerate(idx) if gold_rows[i]["dataset"] == ds]
                res[f"{level}/{ds}"] = _scores(
                    [pred[idx[j]] for j in sub], [gold[j] for j in sub], slugs
                )
        out[name] = res
    return out


def report(out: dict[str, Any]) -> str:
    """Markdown tables of ``run``'s figures."""
    lines = [
        f"{out['n_paragraphs']} paragraphs ({out['datasets']})",
        "",
        "| method | level | texts | micro-F1 | macro-F1 |",
        "|---|---|---:|---:|---:|",
    ]
    methods = [k for k in out if k not in ("n_paragraphs", "datasets")]
    for m in methods:
        for level in [k for k in out[m] if k != "per_field"]:
            s = out[m][level]
            lines.append(
                f"| {m} | {level} | {s['n_texts']} | {s['micro_f1']:.3f} | {s['macro_f1']:.3f} |"
            )
    for level in ("1", "2"):
        lines += ["", f"Per field, level {level} (F1; support)", "",
                  "| field | support | " + " | ".join(methods) + " |",
                  "|---|---:|" + "---:|" * len(methods)]  # fmt: skip
        for slug, v in out[methods[0]][level]["per_field"].items():
            f1s = [out[m][level]["per_field"][slug]["f1"] or 0.0 for m in methods]
            lines.append(
                f"| {slug} | {v['support']} | " + " | ".join(f"{x:.2f}" for x in f1s) + " |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    out = run()
    print(report(out))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
