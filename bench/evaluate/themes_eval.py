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
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.evaluate.common import ROOT, eval_dir, prf

LABELS = ROOT / "tests" / "fixtures" / "real" / "themes_real.csv"
# Whole programmes of the Wassenaar budgets: the main BBV field(s) of each programme, decided
# by hand from the programme's content as a whole (its goals and task-field tables), not by
# the tagger. Programme 5 spans traffic and environment, so either counts.
PROGRAMME_DOCS = {
    "wassenaar_begroting_2024.pdf": "dev",
    "wassenaar_jaarstukken_2023.pdf": "dev",
    "wassenaar_begroting_2025.pdf": "heldout",
    "wassenaar_begroting_2026.pdf": "heldout",
}
PROGRAMME_MAIN = {
    "1": {"1"},  # Veiligheid en handhaving
    "2": {"6"},  # Mens en maatschappij (zorg, jeugd, participatie)
    "3": {"0"},  # Bestuur en middelen
    "4": {"8"},  # Fysieke leefomgeving (ruimtelijke ordening, wonen)
    "5": {"2", "7"},  # Natuur, klimaat en mobiliteit
}


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
    if (eval_dir() / "programme_documents_real").is_dir():
        out["rollup"] = programme_rollups(taggers, nlp, taxonomy)
    return out


def _ingest(path: Path) -> list[dict[str, Any]]:
    """Programme records of one document, via ``gemeentetaal ingest --format json``."""
    out = subprocess.run(
        [sys.executable, "-m", "pipeline", "ingest", str(path), "--format", "json"],
        check=True, capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def programme_rollups(taggers: dict[str, Any], nlp: Any, taxonomy: Any) -> dict[str, Any]:
    """Top level-1 field of each whole programme (roll-up of its paragraphs) per method.

    Programmes are read with ``gemeentetaal ingest``; of a programme
    number only the first chapter is used (later ones are parser artefacts of annexes).
    """
    folder = eval_dir() / "programme_documents_real"
    by_slug = {t.slug: t.code for t in taxonomy}
    rows: list[dict[str, Any]] = []
    for name, split in PROGRAMME_DOCS.items():
        seen: set[str] = set()
        for record in _ingest(folder / split / name):
            number = str(record["programme_number"])
            if number in seen or number not in PROGRAMME_MAIN:
                continue
            seen.add(number)
            paras = [p for sec in record["sections"] for p in sec["paragraphs"] if len(p) >= 80]
            docs = list(nlp.pipe(paras))
            row = {"document": name, "programme": number, "title": record["programme_title"],
                   "n_paragraphs": len(paras), "main": sorted(PROGRAMME_MAIN[number])}  # fmt: skip
            for method, tagger in taggers.items():
                children = tagger.tag_docs(docs)
                hits = tagger.rollup(docs, children, [len(p) for p in paras])
                level1 = [h for h in hits if h.level == "1"]
                top = by_slug[max(level1, key=lambda h: h.score).slug] if level1 else None
                row[method] = top
            rows.append(row)
    return {
        "programmes": rows,
        "correct": {m: sum(1 for r in rows if r[m] in set(r["main"])) for m in taggers},
    }


def report(out: dict[str, Any]) -> str:
    """Markdown tables of ``run``'s figures."""
    lines = [
        f"{out['n_paragraphs']} paragraphs ({out['datasets']})",
        "",
        "| method | level | texts | micro-F1 | macro-F1 |",
        "|---|---|---:|---:|---:|",
    ]
    methods = [k for k in out if k not in ("n_paragraphs", "datasets", "rollup")]
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
    if "rollup" in out:
        ro = out["rollup"]
        n = len(ro["programmes"])
        lines += ["", "Whole programmes: top level-1 field of the roll-up vs main field", "",
                  "| document | programme | paragraphs | main | " + " | ".join(methods) + " |",
                  "|---|---|---:|---|" + "---|" * len(methods)]  # fmt: skip
        for r in ro["programmes"]:
            lines.append(
                f"| {r['document']} | {r['programme']} {r['title']} | {r['n_paragraphs']} | "
                f"{'/'.join(r['main'])} | " + " | ".join(str(r[m]) for m in methods) + " |"
            )
        lines.append("")
        lines.append("Correct: " + ", ".join(f"{m} {ro['correct'][m]}/{n}" for m in methods))
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
