"""Train the shipped sentiment model and print its evaluation table.

Trains on ``pipeline/data/sentiment_train.csv`` (C and lexicon weight tuned by
cross-validation on that file only), evaluates the lexicon baseline and the model on the
held-out ``tests/fixtures/sentiment_eval.csv``, and writes ``pipeline/data/sentiment_model.joblib``
with its metadata (``.json``, including both evaluations). Run it after changing the training
data, the sentiment rules, the incivility list or scikit-learn:

    .venv/bin/python scripts/train_sentiment.py
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.config import SentimentSettings  # noqa: E402
from pipeline.sentiment.evaluation import evaluate, format_table, read_eval_csv  # noqa: E402
from pipeline.sentiment.model import (  # noqa: E402
    DEFAULT_MODEL_PATH,
    DEFAULT_TRAIN_PATH,
    read_labelled_csv,
    train_model,
)

EVAL_PATH = ROOT / "tests" / "fixtures" / "sentiment_eval.csv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAIN_PATH)
    parser.add_argument("--eval", type=Path, default=EVAL_PATH)
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--dry-run", action="store_true", help="Evaluate only; write nothing.")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    data = read_labelled_csv(args.train)
    model = train_model(data, name="default")
    held_out = read_eval_csv(args.eval)
    if set(held_out.data.texts) & set(data.texts):
        print("error: evaluation texts also occur in the training data", file=sys.stderr)
        return 1
    report = evaluate(held_out, SentimentSettings(), model)
    model.meta["evaluation"] = {
        "path": str(args.eval.resolve().relative_to(ROOT)),
        "sha256": held_out.data.sha256,
        **report,
    }
    cv = model.meta["cv"]
    print(f"trained {model.method} on {len(data.texts)} rows {data.label_counts}")
    print(f"parameters {model.meta['params']}; {time.perf_counter() - started:.1f} s")
    print(f"cross-validation ({cv['folds']} folds, training set): accuracy {cv['accuracy']:.3f}, "
          f"macro-F1 {cv['macro_f1']:.3f}")  # fmt: skip
    print(f"held-out evaluation ({len(held_out.data.texts)} rows, {model.meta['created']}):")
    print(format_table(report))
    if not args.dry_run:
        meta_path = model.save(args.out)
        print(f"wrote {args.out} and {meta_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
