"""Sentiment (negatief / neutraal / positief, score in [-1, 1]) and incivility of texts.

Two methods, chosen by ``settings.sentiment.method``:

- ``model``: a scikit-learn model (TF-IDF words and characters plus lexicon features), the
  shipped default or one trained on a municipality's own labelled comments
  (``gemeentetaal sentiment train``); see ``pipeline.sentiment.model``.
- ``lexicon``: Pattern's Dutch lexicon with rules for negation, modifiers, emoji, capitals,
  exclamation marks and informal spelling; see ``pipeline.sentiment.lexicon``.

Incivility comes from ``pipeline/data/uncivil_words.csv`` with either method; the categories
that make a text uncivil are ``settings.sentiment.uncivil_categories`` (insults, slurs,
threats and disease curses; plain profanity such as "die klote-afrit" is not aimed at anyone
and does not count by default). ``score_texts`` is a pure function of the texts and settings, fast
enough for every comment and every comment sentence of a batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.config import SentimentSettings
from pipeline.sentiment.lexicon import LABELS, LEXICON_METHOD, default_scorer, label_for
from pipeline.sentiment.model import (
    SentimentModel,
    SentimentModelError,
    load_model,
)

__all__ = [
    "LABELS",
    "SentimentModel",
    "SentimentModelError",
    "SentimentResult",
    "load_model",
    "score_texts",
]


@dataclass(frozen=True, slots=True)
class SentimentResult:
    """Sentiment and incivility of one text.

    Attributes:
        sentiment: negatief, neutraal or positief.
        score: in [-1, 1]; for the model P(positief) - P(negatief), for the lexicon the
            weighted mean polarity. Empty texts and texts without any known word score 0.0.
        uncivil: True when a word or phrase of the incivility list occurs whose category is
            in ``settings.uncivil_categories``.
        uncivil_terms: those words as written (lower case), in text order.
        method: ``model:<name>-<id>`` or ``lexicon:pattern-nl``.
    """

    sentiment: str
    score: float
    uncivil: bool
    uncivil_terms: tuple[str, ...]
    method: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentiment": self.sentiment,
            "score": self.score,
            "uncivil": self.uncivil,
            "uncivil_terms": list(self.uncivil_terms),
            "method": self.method,
        }


def score_texts(
    texts: Sequence[str],
    settings: SentimentSettings,
    model: SentimentModel | None = None,
) -> list[SentimentResult]:
    """Score each text's sentiment and find uncivil words.

    Args:
        texts: comments, sentences or any other short texts; empty ones are neutral.
        settings: the sentiment section of the settings (method, model path, neutral band).
        model: a loaded model to use; None loads the one the settings ask for (cached), or
            none for ``method = "lexicon"``.

    Returns:
        One result per text, in order.

    Raises:
        SentimentModelError: the configured model cannot be loaded or retrained.
    """
    scorer = default_scorer()
    analyses = [scorer.analyse(text) for text in texts]
    if model is None:
        model = load_model(settings)
    labels: list[str] = []
    scores: list[float] = []
    if model is None:
        method = LEXICON_METHOD
        for analysis in analyses:
            labels.append(label_for(analysis.score, settings.neutral_band))
            scores.append(analysis.score)
    else:
        method = model.method
        labels = ["neutraal"] * len(texts)
        scores = [0.0] * len(texts)
        todo = [k for k, text in enumerate(texts) if analyses[k].n_tokens]
        if todo:
            todo_texts = [texts[k] for k in todo]
            probabilities = model.predict_proba(todo_texts)
            known = model.known_words(todo_texts)
            for row, k in enumerate(todo):
                if not (known[row] or analyses[k].has_evidence):
                    continue
                p_neg, _, p_pos = probabilities[row]
                labels[k] = LABELS[int(probabilities[row].argmax())]
                scores[k] = round(float(p_pos - p_neg), 4)
    results = []
    for label, score, analysis in zip(labels, scores, analyses, strict=True):
        terms = analysis.uncivil_terms_in(settings.uncivil_categories)
        results.append(SentimentResult(label, score, bool(terms), terms, method))
    return results
