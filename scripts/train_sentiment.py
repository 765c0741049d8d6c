"""Train the shipped sentiment model and print its evaluation.

Training data (three classes), combined in memory; only the synthetic file is in the
repository, the real texts are read from the evaluation data folder (``../evaldata``,
made by ``python bench/evaluate/sentiment_data.py``):

- ``pipeline/data/sentiment_train.csv``: 1,255 comments written by the project (CC0);
- ``bol_reviews`` train half: bol.com customer reviews of books and e-readers with their
  binary polarity (clips/pattern, BSD-3-Clause), up to ``--max-reviews`` reviews of at most
  ``--max-review-chars`` characters, as negatief / positief;
- ``ud_lassysmall`` train half: Wikipedia sentences of UD Dutch LassySmall (CC BY-SA 4.0),
  up to ``--max-neutral``, as neutraal (plain informative text);
- ``municipal_comments``: participation paragraphs of zoning-plan explanations (what residents
  said, and the answers), with weak labels from the cue words in
  ``pipeline/data/sentiment_participation_cues.toml`` (up to ``--max-participation`` per
  label), from plans outside the held-out plan groups (``plan_group`` 0: fresh held-out;
  2-6: municipal2 held-out, from round 3) and without a text in any hand-labelled set;
- hand-labelled development texts (real): the ``dev`` half of
  ``tests/fixtures/real/sentiment_fresh.csv`` (196 bol.com review sentences of the train half,
  85 participation paragraphs of the dev plan group; texts from
  ``<eval dir>/sentiment_fresh/candidates.csv``) and, from round 3, the first municipal set
  ``tests/fixtures/real/sentiment_municipal.csv`` (324 participation texts, formerly
  held out; texts from the ``municipal_comments`` export). Their dev figures come from
  ``bench/evaluate/sentiment_dev_cv.py`` (cross-fitted: each fifth scored by a model trained
  without it).

Nothing of the held-out sets (bol.com and LassySmall test halves, Dutch HateCheck, the
held-out half of the fresh set, the municipal2 set ``sentiment_municipal2.csv`` and its plan
groups) is used; the script refuses to run when a held-out text is in the training data. C, the
lexicon weight, the calibration temperature and the neutral fallback threshold are tuned by
cross-validation on the training data only. Writes
``pipeline/data/sentiment_model.joblib`` and its ``.json``; then run
``python bench/evaluate/sentiment_eval.py`` for the figures on real text.

    .venv/bin/python scripts/train_sentiment.py
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import re
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.evaluate.common import eval_dir, read_provenance, sha256_text  # noqa: E402
from bench.evaluate.sentiment_fresh import FRESH_GROUP, plan_group  # noqa: E402
from bench.evaluate.sentiment_municipal2 import MUNICIPAL2_GROUPS  # noqa: E402
from pipeline.config import SentimentSettings  # noqa: E402
from pipeline.sentiment.evaluation import evaluate, format_table, read_eval_csv  # noqa: E402
from pipeline.sentiment.model import DEFAULT_MODEL_PATH, DEFAULT_TRAIN_PATH  # noqa: E402
from pipeline.sentiment.training import (  # noqa: E402
    LabelledData,
    read_labelled_csv,
    train_model,
)

EVAL_PATH = ROOT / "tests" / "fixtures" / "sentiment_eval.csv"
FIRST_MUNICIPAL_PATH = ROOT / "tests" / "fixtures" / "real" / "sentiment_municipal.csv"
FRESH_PATH = ROOT / "tests" / "fixtures" / "real" / "sentiment_fresh.csv"
MUNICIPAL2_PATH = ROOT / "tests" / "fixtures" / "real" / "sentiment_municipal2.csv"
# plan groups whose texts are never trained on: the fresh held-out group and the municipal2
# held-out groups (round 3)
HELD_OUT_GROUPS = frozenset({FRESH_GROUP, *MUNICIPAL2_GROUPS})
DEV_COPIES = 2  # the hand-labelled development texts count twice (chosen by cross-fitting)
CUES_PATH = ROOT / "pipeline" / "data" / "sentiment_participation_cues.toml"
SEED = 0
GRID = {"C": [4.0, 16.0], "lexicon_weight": [0.5, 1.0]}


def training_params() -> dict[str, float]:
    """The parameters of the shipped model (for experiments that refit it)."""
    import json

    meta = json.loads(DEFAULT_MODEL_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    return dict(meta["params"])


def _rows(dataset: str) -> tuple[list[dict[str, str]], dict]:
    folder = eval_dir() / dataset
    path = folder / f"{dataset}.csv"
    if not path.is_file():
        raise SystemExit(
            f"error: {path} missing; run `python bench/evaluate/sentiment_data.py` first"
        )
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    prov = read_provenance(folder)
    return rows, {"dataset": dataset, "repository": prov.repository, "commit": prov.commit,
                  "licence": prov.licence}  # fmt: skip


def cue_label(text: str, cues: dict) -> str | None:
    """The weak label of a participation paragraph, or None (see the cues file)."""

    def rx(words: list[str]) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)

    if not re.search(r"\b" + cues["speaker"] + r"\b", text, re.IGNORECASE):
        return None
    negative = bool(rx(cues["negative"]).search(rx(cues["negated_negative"]).sub(" ", text)))
    positive = bool(rx(cues["positive"]).search(text))
    if negative != positive:
        return "negatief" if negative else "positief"
    if not negative and rx(cues["neutral"]).search(text):
        return "neutraal"
    return None


def participation_rows(
    max_per_label: int, rng: random.Random
) -> tuple[list[tuple[str, str]], dict]:
    """Weakly labelled participation paragraphs from plans outside the held-out groups and
    outside the hand-labelled sets (their texts are trained on with their own labels)."""
    rows, meta = _rows("municipal_comments")
    labelled: list[dict[str, str]] = []
    for path in (FIRST_MUNICIPAL_PATH, FRESH_PATH, MUNICIPAL2_PATH):
        with path.open(encoding="utf-8", newline="") as handle:
            labelled += list(csv.DictReader(handle))
    held_paths = {r["path"] for r in labelled if r.get("path")}
    held_hashes = {r["text_sha256"] for r in labelled}
    cues = tomllib.loads(CUES_PATH.read_text(encoding="utf-8"))
    by_label: dict[str, list[str]] = {"negatief": [], "neutraal": [], "positief": []}
    for row in rows:
        if row["source"] != "plan" or row["path"] in held_paths:
            continue
        if plan_group(row["path"]) in HELD_OUT_GROUPS:
            continue
        if row["text_sha256"] in held_hashes or len(row["text"]) > 900:
            continue
        label = cue_label(row["text"], cues)
        if label is not None:
            by_label[label].append(row["text"])
    out: list[tuple[str, str]] = []
    for label, texts in by_label.items():
        rng.shuffle(texts)
        out += [(t, label) for t in texts[:max_per_label]]
    counts = {label: min(len(t), max_per_label) for label, t in by_label.items()}
    return out, {
        **meta,
        "repository": meta["repository"].split(" + ")[0],
        "rows": len(out),
        "label_counts": counts,
        "labels": f"weak ({cues['version']})",
    }


def dev_rows() -> tuple[list[tuple[str, str]], dict]:
    """The hand-labelled development texts: the ``dev`` half of ``sentiment_fresh.csv`` and,
    from round 3, the first municipal set ``sentiment_municipal.csv`` (324 texts)."""
    path = eval_dir() / "sentiment_fresh" / "candidates.csv"
    if not path.is_file():
        raise SystemExit(f"error: {path} missing; run `python bench/evaluate/sentiment_fresh.py`")
    with path.open(encoding="utf-8", newline="") as handle:
        by_hash = {r["text_sha256"]: r["text"] for r in csv.DictReader(handle)}
    with FRESH_PATH.open(encoding="utf-8", newline="") as handle:
        labelled = [r for r in csv.DictReader(handle) if r["split"] == "dev"]
    out = [(by_hash[r["text_sha256"]], r["label"]) for r in labelled]
    n_fresh = len(out)
    rows, _ = _rows("municipal_comments")
    export = {r["text_sha256"]: r["text"] for r in rows}
    with FIRST_MUNICIPAL_PATH.open(encoding="utf-8", newline="") as handle:
        out += [(export[r["text_sha256"]], r["label"]) for r in csv.DictReader(handle)]
    meta = {"dataset": "hand-labelled real texts: sentiment_fresh.csv dev and "
            "sentiment_municipal.csv (development data from round 3)",
            "repository": "clips/pattern + Babakfifoo/dutch_embedding_llm + "
            "VughtParticipeert/vught",
            "licence": "BSD-3-Clause / public government documents / MIT", "rows": len(out),
            "rows_fresh_dev": n_fresh, "rows_first_municipal": len(out) - n_fresh,
            "copies": DEV_COPIES}  # fmt: skip
    return out, meta


def combined_training_data(
    max_reviews: int,
    max_review_chars: int,
    max_neutral: int,
    max_participation: int,
    dev_copies: int = DEV_COPIES,
) -> tuple[LabelledData, list[dict]]:
    """The synthetic comments plus the real review and neutral sentences (train halves)."""
    synthetic = read_labelled_csv(DEFAULT_TRAIN_PATH)
    texts, labels = list(synthetic.texts), list(synthetic.labels)
    sources = [{"dataset": "sentiment_train.csv (synthetic, CC0)", "rows": len(texts),
                "sha256": synthetic.sha256}]  # fmt: skip
    rng = random.Random(SEED)
    reviews, meta = _rows("bol_reviews")
    reviews = [r for r in reviews if r["split"] == "train" and len(r["text"]) <= max_review_chars]
    rng.shuffle(reviews)
    reviews = reviews[:max_reviews]
    texts += [r["text"] for r in reviews]
    labels += [r["label"] for r in reviews]
    sources.append({**meta, "rows": len(reviews), "split": "train"})
    sentences, meta = _rows("ud_lassysmall")
    sentences = [r for r in sentences if r["split"] == "train"]
    rng.shuffle(sentences)
    sentences = sentences[:max_neutral]
    texts += [r["text"] for r in sentences]
    labels += ["neutraal"] * len(sentences)
    sources.append({**meta, "rows": len(sentences), "split": "train"})
    participation, meta = participation_rows(max_participation, rng)
    texts += [t for t, _ in participation]
    labels += [label for _, label in participation]
    sources.append(meta)
    if dev_copies:
        dev, meta = dev_rows()
        for _ in range(dev_copies):
            texts += [t for t, _ in dev]
            labels += [label for _, label in dev]
        sources.append(meta)
    joined = "\x1e".join(f"{t}\x1f{lab}" for t, lab in zip(texts, labels, strict=True))
    digest = hashlib.sha256(joined.encode("utf-8")).hexdigest()
    data = LabelledData(texts, labels, str(DEFAULT_TRAIN_PATH), digest)
    return data, sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=EVAL_PATH)
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--max-reviews", type=int, default=1200)
    parser.add_argument("--max-review-chars", type=int, default=700)
    parser.add_argument("--max-neutral", type=int, default=1000)
    parser.add_argument("--max-participation", type=int, default=500)
    parser.add_argument("--dry-run", action="store_true", help="Evaluate only; write nothing.")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    data, sources = combined_training_data(args.max_reviews, args.max_review_chars,
                                           args.max_neutral, args.max_participation)  # fmt: skip
    held_out = read_eval_csv(args.eval)
    if set(held_out.data.texts) & set(data.texts):
        print("error: evaluation texts also occur in the training data", file=sys.stderr)
        return 1
    held_hashes = set()
    for path in (FRESH_PATH, MUNICIPAL2_PATH):
        with path.open(encoding="utf-8", newline="") as handle:
            held_hashes |= {r["text_sha256"] for r in csv.DictReader(handle)
                            if r["split"] == "heldout"}  # fmt: skip
    if held_hashes & {sha256_text(t) for t in data.texts}:
        print("error: held-out real texts also occur in the training data", file=sys.stderr)
        return 1
    model = train_model(data, name="default", sources=sources, param_grid=GRID)
    report = evaluate(held_out, SentimentSettings(), model)
    model.meta["evaluation_synthetic"] = {
        "path": str(args.eval.resolve().relative_to(ROOT)),
        "sha256": held_out.data.sha256,
        **report,
    }
    cv = model.meta["cv"]
    print(f"trained {model.method} on {len(data.texts)} rows {data.label_counts}")
    print(f"sources: {sources}")
    print(f"parameters {model.meta['params']}; {time.perf_counter() - started:.1f} s")
    print(f"cross-validation ({cv['folds']} folds, training set): accuracy {cv['accuracy']:.3f}, "
          f"macro-F1 {cv['macro_f1']:.3f}")  # fmt: skip
    print(f"synthetic held-out set ({len(held_out.data.texts)} rows, development aid):")
    print(format_table(report))
    if not args.dry_run:
        meta_path = model.save(args.out)
        print(f"wrote {args.out} and {meta_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
