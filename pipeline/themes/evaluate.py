"""Evaluation of theme predictions: micro- and macro-F1 per taxonomy level."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.themes.taxonomy import LEVELS, Taxonomy

LEVEL_NAMES = {"1": "level 1", "2": "level 2", "cross": "cross"}


@dataclass(frozen=True)
class LevelScore:
    """F1 of one method at one taxonomy level.

    Micro-F1 pools true/false positives over the level's labels; macro-F1 is the mean F1 of
    the labels that occur in the gold data (labels never in the gold data are left out of
    the mean).
    """

    level: str
    micro_f1: float
    macro_f1: float
    n_labels: int
    n_gold: int


def _f1(tp: int, fp: int, fn: int) -> float:
    denom = 2 * tp + fp + fn
    return 2 * tp / denom if denom else 0.0


def evaluate(
    predicted: Sequence[set[str]], gold: Sequence[set[str]], taxonomy: Taxonomy
) -> dict[str, LevelScore]:
    """Scores per level (``"1"``, ``"2"``, ``"cross"``) of predicted against gold slug sets."""
    if len(predicted) != len(gold):
        raise ValueError("evaluate: predicted and gold differ in length")
    out: dict[str, LevelScore] = {}
    for level in LEVELS:
        slugs = [t.slug for t in taxonomy.at_level(level)]
        tp_all = fp_all = fn_all = 0
        per_label: list[float] = []
        n_gold = 0
        for slug in slugs:
            tp = sum(1 for p, g in zip(predicted, gold, strict=True) if slug in p and slug in g)
            fp = sum(1 for p, g in zip(predicted, gold, strict=True) if slug in p and slug not in g)
            fn = sum(1 for p, g in zip(predicted, gold, strict=True) if slug not in p and slug in g)
            tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
            if tp + fn:
                per_label.append(_f1(tp, fp, fn))
                n_gold += tp + fn
        out[level] = LevelScore(
            level=level,
            micro_f1=round(_f1(tp_all, fp_all, fn_all), 4),
            macro_f1=round(sum(per_label) / len(per_label), 4) if per_label else 0.0,
            n_labels=len(per_label),
            n_gold=n_gold,
        )
    return out


def evaluation_table(results: Mapping[str, Mapping[str, LevelScore]]) -> str:
    """A Markdown table: one row per method and level."""
    lines = [
        "| method | level | labels in gold | gold labels | micro-F1 | macro-F1 |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for method, scores in results.items():
        for level in LEVELS:
            s = scores[level]
            lines.append(
                f"| {method} | {LEVEL_NAMES[level]} | {s.n_labels} | {s.n_gold} | "
                f"{s.micro_f1:.3f} | {s.macro_f1:.3f} |"
            )
    return "\n".join(lines)


def predict_sets(tagger: Any, docs: Sequence[Any]) -> list[set[str]]:
    """The slugs a ``ThemeTagger`` assigns to each parsed Doc."""
    return [{h.slug for h in hits} for hits in tagger.tag_docs(docs)]
