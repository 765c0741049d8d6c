"""Evaluation of the sentiment methods and the incivility flag on a held-out labelled set.

The held-out set (``tests/fixtures/sentiment_eval.csv``: text, label, uncivil) is never used
for training or tuning; ``scripts/train_sentiment.py`` prints the table for the docs and the
tests assert floors on the same numbers.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sklearn.metrics import precision_recall_fscore_support

from pipeline.config import SentimentSettings
from pipeline.sentiment import SentimentModel, score_texts
from pipeline.sentiment.model import SentimentModelError
from pipeline.sentiment.training import (
    LabelledData,
    classification_metrics,
    read_labelled_csv,
)


@dataclass(frozen=True)
class EvalData:
    """Held-out texts with sentiment labels and a 0/1 incivility label."""

    data: LabelledData
    uncivil: list[bool]


def read_eval_csv(path: Path) -> EvalData:
    """Read a CSV with columns text, label and uncivil (0/1).

    Raises:
        SentimentModelError: as ``read_labelled_csv``, or the uncivil column is missing or not
            0/1.
    """
    data = read_labelled_csv(path, min_rows=1, min_rows_per_label=1)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    uncivil = []
    for line, row in enumerate(rows, start=2):
        value = (row.get("uncivil") or "").strip()
        if value not in ("0", "1"):
            raise SentimentModelError(f"{path}: line {line}: uncivil must be 0 or 1, not {value!r}")
        uncivil.append(value == "1")
    return EvalData(data, uncivil)


def incivility_metrics(truth: Sequence[bool], predicted: Sequence[bool]) -> dict[str, Any]:
    """Precision, recall and F1 of the uncivil flag."""
    precision, recall, f1, _ = precision_recall_fscore_support(
        truth, predicted, average="binary", zero_division=0
    )
    return {
        "n": len(truth),
        "n_uncivil": int(sum(truth)),
        "precision": round(float(precision), 4),
        "recall": round(float(recall), 4),
        "f1": round(float(f1), 4),
    }


def evaluate(
    held_out: EvalData, settings: SentimentSettings, model: SentimentModel
) -> dict[str, Any]:
    """Metrics of the lexicon baseline, the model and the incivility flag.

    Returns:
        ``{"lexicon": {...}, "model": {...}, "uncivil": {...}}`` with accuracy, macro-F1 and
        per-label precision/recall/F1 for both methods.
    """
    texts, truth = held_out.data.texts, held_out.data.labels
    lexicon_settings = settings.model_copy(update={"method": "lexicon"})
    lexicon = score_texts(texts, lexicon_settings)
    by_model = score_texts(texts, settings, model)
    return {
        "lexicon": {
            "method": lexicon[0].method,
            **classification_metrics(truth, [r.sentiment for r in lexicon]),
        },
        "model": {
            "method": model.method,
            **classification_metrics(truth, [r.sentiment for r in by_model]),
        },
        "uncivil": incivility_metrics(held_out.uncivil, [r.uncivil for r in by_model]),
    }


def format_table(report: dict[str, Any]) -> str:
    """The evaluation as a Markdown table (for docs/sentiment.md)."""
    lines = [
        "| method | accuracy | macro-F1 | P neg | R neg | P neu | R neu | P pos | R pos |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for key in ("lexicon", "model"):
        m = report[key]
        cells = [f"`{m['method']}`", f"{m['accuracy']:.3f}", f"{m['macro_f1']:.3f}"]
        for label in ("negatief", "neutraal", "positief"):
            per = m["per_label"][label]
            cells += [f"{per['precision']:.3f}", f"{per['recall']:.3f}"]
        lines.append("| " + " | ".join(cells) + " |")
    u = report["uncivil"]
    lines += [
        "",
        "| incivility | n uncivil | precision | recall | F1 |",
        "|---|---|---|---|---|",
        f"| word list | {u['n_uncivil']} of {u['n']} | {u['precision']:.3f} | {u['recall']:.3f} "
        f"| {u['f1']:.3f} |",
    ]
    return "\n".join(lines)
