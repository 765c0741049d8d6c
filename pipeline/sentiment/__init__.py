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
and does not count by default), together with the threat and dehumanisation patterns of
``pipeline/data/uncivil_patterns.toml``. A match makes a text uncivil only when it is aimed at
people (``pipeline.sentiment.incivility_aim``: an insult needs an addressee or a person it is
said of, a threat a person in its clause); the sentiment label rule (any match makes the label
negatief) and the model's features still use every match. Name-calling beyond the list
(``pipeline.sentiment.incivility_extra``: compounds and diminutives of insults, spellings
without an apostrophe, "vuile hond") sets the flag and the negatief label, not the model's
features. ``score_texts`` is a pure
function of the texts and settings, fast enough for every comment and every comment sentence
of a batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.config import SentimentSettings
from pipeline.sentiment.incivility import UncivilPatterns
from pipeline.sentiment.lexicon import LABELS, LEXICON_METHOD, default_scorer, label_for
from pipeline.sentiment.model import (
    SentimentModel,
    SentimentModelError,
    decide,
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
        uncivil: True when a word or phrase of the incivility list or a pattern whose
            category is in ``settings.uncivil_categories`` occurs aimed at people.
        uncivil_terms: those words as written (lower case), in text order.
        method: ``model:<name>-<id>`` or ``lexicon:pattern-nl``.
        probabilities: P(negatief), P(neutraal), P(positief) from the model; None for the
            lexicon and for texts the model has nothing to go on.
        confidence: how sure the call is, in [0, 1]: the probability of the class returned
            (model), or for the lexicon the distance of the score from the neutral band
            scaled to [0, 1]; 1.0 for empty texts; None when the incivility rule made the
            label negatief against the model or lexicon (their confidence was in another
            label).
        uncivil_categories: the categories of ``uncivil_terms`` (insult, slur, threat ...).
    """

    sentiment: str
    score: float
    uncivil: bool
    uncivil_terms: tuple[str, ...]
    method: str
    probabilities: tuple[float, float, float] | None = None
    confidence: float | None = 1.0
    uncivil_categories: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentiment": self.sentiment,
            "score": self.score,
            "confidence": self.confidence,
            "probabilities": (
                dict(zip(LABELS, self.probabilities, strict=True)) if self.probabilities else None
            ),
            "uncivil": self.uncivil,
            "uncivil_terms": list(self.uncivil_terms),
            "uncivil_categories": list(self.uncivil_categories),
            "method": self.method,
        }


@cache
def uncivil_patterns() -> UncivilPatterns:
    """The shipped threat and dehumanisation patterns (loaded once)."""
    return UncivilPatterns.load()


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
    n = len(texts)
    labels: list[str] = ["neutraal"] * n
    scores: list[float] = [0.0] * n
    confidences: list[float] = [1.0] * n
    probabilities: list[tuple[float, float, float] | None] = [None] * n
    if model is None:
        method = LEXICON_METHOD
        band = settings.neutral_band
        for k, analysis in enumerate(analyses):
            labels[k] = label_for(analysis.score, band)
            scores[k] = analysis.score
            size = abs(analysis.score)
            confidences[k] = round(
                (size - band) / (1 - band) if size > band else 1 - size / band if band else 1.0,
                4,
            )
    else:
        method = model.method
        todo = [k for k, text in enumerate(texts) if analyses[k].n_tokens]
        if todo:
            todo_texts = [texts[k] for k in todo]
            proba = model.predict_proba(todo_texts)
            known = model.known_words(todo_texts)
            for row, k in enumerate(todo):
                if not (known[row] or analyses[k].has_evidence):
                    continue
                p_neg, p_neu, p_pos = (round(float(p), 4) for p in proba[row])
                probabilities[k] = (p_neg, p_neu, p_pos)
                labels[k], confidences[k] = decide(proba[row], model.min_confidence)
                scores[k] = round(p_pos - p_neg, 4)
    patterns = uncivil_patterns()
    results = []
    for k, analysis in enumerate(analyses):
        wanted = settings.uncivil_categories
        found = list(analysis.uncivil_matches_in(wanted, aimed=True))
        any_match = bool(analysis.uncivil_matches_in(wanted))
        if analysis.n_tokens:
            for words, category, framed in patterns.find_all(texts[k], scorer.uncivil_context):
                if category in wanted:
                    any_match = True
                    if framed:
                        found.append((words, category))
        # a match beyond the word list (incivility_extra) is always aimed: it flags and so
        # also makes the label negatief, though the model's count of list words ignores it
        any_match = any_match or bool(found)
        terms = tuple(dict.fromkeys(term for term, _ in found))
        categories = tuple(dict.fromkeys(category for _, category in found))
        label = labels[k]
        # The label rule keeps using every match, aimed or not, as before the target checks
        # (incivility_aim, context.v1), so the measured sentiment figures stay valid.
        score = scores[k]
        confidence: float | None = confidences[k]
        if any_match and label != "negatief":
            # An insult, slur, curse or threat is a negative stance, whatever the other words;
            # the score says so too ("negatief 0,00" read as a contradiction), and the
            # confidence, which belonged to the other label, is no longer given.
            label = "negatief"
            score = min(score, -settings.neutral_band)
            confidence = None
        results.append(
            SentimentResult(
                label, score, bool(terms), terms, method, probabilities[k], confidence,
                categories,
            )
        )  # fmt: skip
    return results
