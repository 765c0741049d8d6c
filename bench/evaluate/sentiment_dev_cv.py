"""Development figures of the shipped training recipe on the fresh dev set, by cross-fitting.

The development texts (hand-labelled, real) are the dev half of
``tests/fixtures/real/sentiment_fresh.csv`` (281 texts) and, from round 3, the first municipal
set ``tests/fixtures/real/sentiment_municipal.csv`` (324 participation texts, formerly held
out). They are used both to train the shipped model and to choose how it is trained. To get
honest dev figures for a recipe that trains on dev texts, the dev set is cut into ``--folds``
stratified parts; for each part a model is trained on the other training data plus the other
dev parts and scores that part. The out-of-fold predictions give the dev figures (overall and
per source: ``reviews``, ``participation``, ``municipal1``). ``--copies 0`` measures the
recipe without dev texts (one model).

Only dev texts are scored: the held-out sets are never read here.

    .venv/bin/python bench/evaluate/sentiment_dev_cv.py --copies 0 1 2
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from sklearn.model_selection import StratifiedKFold  # noqa: E402
from train_sentiment import combined_training_data, training_params  # noqa: E402

from bench.evaluate.sentiment_eval import dev_set  # noqa: E402
from pipeline.config import SentimentSettings  # noqa: E402
from pipeline.sentiment import score_texts  # noqa: E402
from pipeline.sentiment.model import SentimentModel, make_estimator  # noqa: E402
from pipeline.sentiment.training import LabelledData, classification_metrics  # noqa: E402


def _fit(texts: list[str], labels: list[str], params: dict) -> SentimentModel:
    digest = hashlib.sha256("\x1e".join(texts).encode()).hexdigest()
    data = LabelledData(texts, labels, "cv", digest)
    estimator = make_estimator(params).fit(data.texts, data.labels)
    return SentimentModel(estimator, {"name": "cv", "model_id": digest[:8], "params": params})


def dev_predictions(copies: int, folds: int, params: dict, args) -> list[str]:
    """Out-of-fold labels for every dev text (in ``dev_set()`` order)."""
    base, _ = combined_training_data(args.max_reviews, args.max_review_chars, args.max_neutral,
                                     args.max_participation, dev_copies=0)  # fmt: skip
    texts, labels, _, sources = dev_set()
    settings = SentimentSettings()
    predicted = [""] * len(texts)
    if copies == 0:
        model = _fit(base.texts, base.labels, params)
        return [r.sentiment for r in score_texts(texts, settings, model)]
    strata = [f"{label}/{source}" for label, source in zip(labels, sources, strict=True)]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    for train_idx, test_idx in splitter.split(texts, strata):
        extra_t = [texts[k] for k in train_idx] * copies
        extra_l = [labels[k] for k in train_idx] * copies
        model = _fit(base.texts + extra_t, base.labels + extra_l, params)
        results = score_texts([texts[k] for k in test_idx], settings, model)
        for k, r in zip(test_idx, results, strict=True):
            predicted[k] = r.sentiment
    return predicted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[0, 1])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--max-reviews", type=int, default=1200)
    parser.add_argument("--max-review-chars", type=int, default=700)
    parser.add_argument("--max-neutral", type=int, default=1000)
    parser.add_argument("--max-participation", type=int, default=500)
    args = parser.parse_args(argv)
    _, labels, _, sources = dev_set()
    params = training_params()
    for copies in args.copies:
        started = time.perf_counter()
        predicted = dev_predictions(copies, args.folds, params, args)
        for source in ("all", "reviews", "participation", "municipal1"):
            keep = [k for k, s in enumerate(sources) if source in ("all", s)]
            m = classification_metrics([labels[k] for k in keep], [predicted[k] for k in keep])
            pl = m["per_label"]
            print(
                f"copies={copies} {source:<13} n={m['n']:>3} macro-F1 {m['macro_f1']:.3f} "
                f"acc {m['accuracy']:.3f} R neu {pl['neutraal']['recall']:.3f} "
                f"F1 neg/neu/pos {pl['negatief']['f1']:.2f}/{pl['neutraal']['f1']:.2f}/"
                f"{pl['positief']['f1']:.2f} {dict(Counter(predicted[k] for k in keep))}"
            )
        print(f"  ({time.perf_counter() - started:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
