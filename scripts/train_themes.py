"""Train the shipped theme model and print its evaluation table (for docs/themes.md).

Usage: .venv/bin/python scripts/train_themes.py [--eval tests/fixtures/themes_eval.csv]
           [--out pipeline/data/themes_model.joblib] [--no-save]

Trains on pipeline/data/themes_train.csv with the installed Dutch spaCy pipeline (thresholds,
C and the lexicon blend are tuned by cross-validation on the training set only), evaluates the
lexicon baseline and the model on the held-out file, stores the metrics in the model's JSON
metadata and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.config import load_settings  # noqa: E402
from pipeline.nlp import load_pipeline  # noqa: E402
from pipeline.themes import ThemeTagger, load_lexicon, load_taxonomy, read_labels  # noqa: E402
from pipeline.themes.evaluate import evaluate, evaluation_table, predict_sets  # noqa: E402
from pipeline.themes.tagger import (  # noqa: E402
    DEFAULT_MODEL_PATH,
    DEFAULT_TRAINING_PATH,
    train_tagger,
)

DEFAULT_EVAL = ROOT / "tests" / "fixtures" / "themes_eval.csv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, default=DEFAULT_TRAINING_PATH)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH)
    parser.add_argument("--no-save", action="store_true", help="Evaluate without saving.")
    args = parser.parse_args(argv)

    settings = load_settings(None, {}, environ={})
    nlp, info = load_pipeline(settings.nlp)
    taxonomy = load_taxonomy()
    lexicon = load_lexicon(settings.themes, taxonomy)
    model, report = train_tagger(args.train, settings.themes, nlp, None, taxonomy, lexicon)
    rows = read_labels(args.eval, taxonomy)
    docs = list(nlp.pipe(r.text for r in rows))
    gold = [set(r.labels) for r in rows]
    lex_tagger = ThemeTagger(
        settings.themes.model_copy(update={"method": "lexicon"}), taxonomy, lexicon
    )
    model_tagger = ThemeTagger(settings.themes, taxonomy, lexicon, model)
    results = {
        "lexicon": evaluate(predict_sets(lex_tagger, docs), gold, taxonomy),
        "model": evaluate(predict_sets(model_tagger, docs), gold, taxonomy),
    }
    if model.blend:
        pure = type(model)(model.vectorizer, model.classifier, model.labels, model.thresholds, 0.0)
        results["model without lexicon blend"] = evaluate(
            predict_sets(ThemeTagger(settings.themes, taxonomy, lexicon, pure), docs),
            gold,
            taxonomy,
        )
    metrics = {
        method: {
            level: {"micro_f1": s.micro_f1, "macro_f1": s.macro_f1} for level, s in res.items()
        }
        for method, res in results.items()
    }
    model.meta.update(
        evaluation={
            "data": str(args.eval.relative_to(ROOT))
            if args.eval.is_relative_to(ROOT)
            else str(args.eval),
            "n_rows": len(rows),
            "metrics": metrics,
        },
        lemmatiser=info.describe(),
    )
    if not args.no_save:
        model.save(args.out)
    print(f"Training: {report['n_rows']} rows ({args.train.name}), {len(report['labels'])} labels")
    print(
        f"Dropped labels (< {settings.themes.min_label_examples} examples): "
        f"{', '.join(report['dropped_labels']) or 'none'}"
    )
    print(
        f"Chosen C={report['C']}, lexicon blend={report['blend']}, "
        f"CV micro-F1={report['cv_micro_f1']:.3f}"
    )
    print(
        f"Evaluation: {len(rows)} held-out rows ({args.eval.name}); spaCy: {info.describe()}; "
        f"date {datetime.now(UTC):%Y-%m-%d}"
    )
    print()
    print(evaluation_table(results))
    if not args.no_save:
        print(f"\nSaved {args.out} and {args.out.with_suffix('.json')}")
        print(json.dumps(metrics["model"]["1"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
