"""The sentiment analysis: comments and their sentences (``pipeline/sentiment``).

Every comment of a batch and every sentence of those comments is scored in one call of the
model; other units get no score.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language

from pipeline.analyses import Results, Rows, Segmented, register
from pipeline.config import SentimentSettings, Settings
from pipeline.nlp import ModelInfo
from pipeline.sentiment import SentimentModel, SentimentResult, load_model, score_texts


@dataclass(frozen=True)
class CommentSentiment:
    """The sentiment of a comment and of each of its sentences."""

    comment: SentimentResult
    sentences: tuple[SentimentResult, ...]


@register
class SentimentAnalysis:
    """Sentiment and incivility of comments and their sentences."""

    name = "sentiment"
    version = "1"

    def __init__(self, settings: SentimentSettings, model: SentimentModel | None) -> None:
        self.settings = settings
        self.model = model

    @classmethod
    def load(cls, settings: Settings, nlp: Language, model: ModelInfo) -> SentimentAnalysis:
        return cls(settings.sentiment, load_model(settings.sentiment))

    def analyse(
        self, batch: Sequence[Segmented], earlier: Results
    ) -> list[list[CommentSentiment | None]]:
        texts: list[str] = []
        for item in batch:
            for parsed in item.units:
                if parsed.unit.unit_kind == "comment":
                    texts += [parsed.unit.text, *(s.text for s in parsed.sentences)]
        scored = iter(score_texts(texts, self.settings, self.model) if texts else [])
        out: list[list[CommentSentiment | None]] = []
        for item in batch:
            results: list[CommentSentiment | None] = []
            for parsed in item.units:
                if parsed.unit.unit_kind != "comment":
                    results.append(None)
                    continue
                comment = next(scored)
                results.append(
                    CommentSentiment(comment, tuple(next(scored) for _ in parsed.sentences))
                )
            out.append(results)
        return out

    def roll_up(
        self,
        batch: Sequence[Segmented],
        results: Sequence[list[CommentSentiment | None]],
        earlier: Results,
    ) -> list[None]:
        return [None for _ in batch]  # sentiment is per comment; the dashboard aggregates

    def rows(
        self, item: Segmented, results: list[CommentSentiment | None], rolled: None, rows: Rows
    ) -> None:
        sentences = {row["sentence_id"]: row for row in rows["sentences"]}
        comments = {row["comment_id"]: row for row in rows["comments"]}
        for parsed, result in zip(item.units, results, strict=True):
            for k, sentence in enumerate(parsed.sentences):
                scored = result.sentences[k] if result is not None else None
                row = sentences.get(sentence.sentence_id)
                if row is not None:
                    row["sentiment"] = scored.sentiment if scored is not None else None
                    row["sentiment_score"] = scored.score if scored is not None else None
            comment = comments.get(parsed.unit.unit_id) if result is not None else None
            if comment is not None and result is not None:
                comment.update(_comment_columns(result.comment))


def _comment_columns(scored: SentimentResult) -> dict[str, object]:
    p = scored.probabilities
    return {
        "sentiment": scored.sentiment,
        "sentiment_score": scored.score,
        "sentiment_method": scored.method,
        "sentiment_confidence": scored.confidence,
        "sentiment_p_negatief": p[0] if p else None,
        "sentiment_p_neutraal": p[1] if p else None,
        "sentiment_p_positief": p[2] if p else None,
        "uncivil": scored.uncivil,
        "uncivil_terms": list(scored.uncivil_terms),
        "uncivil_categories": list(scored.uncivil_categories),
    }
