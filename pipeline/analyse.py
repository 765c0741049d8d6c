"""Analyse ingested records: one spaCy pass per unit of text, then every analysis on the same
Doc, giving table rows.

Units are the paragraphs and items of documents (every section: the document's own and its
programmes'), and the article and comments of threads; tables (cost and indicator tables)
are never units. ``units_of`` is the one segmentation every entry point uses. Readability
counts are summed from units to sections, programmes and documents; themes are rolled up the
same way; sentiment is scored for comments and their sentences.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.batch import Rows, article_unit_id, record_rows
from pipeline.config import ReadabilitySettings, Settings
from pipeline.nlp import ModelInfo, load_pipeline, parse, unwrap_lines
from pipeline.records import Document, Record, make_id


@dataclass(frozen=True)
class Unit:
    """A piece of text parsed on its own, with the ids it belongs to."""

    unit_id: str
    unit_kind: str  # paragraph | item | article | comment
    text: str
    document_id: str | None  # the document of a paragraph or item
    section_id: str | None = None
    programme_id: str | None = None
    thread_id: str | None = None  # the thread of an article or comment


@dataclass
class Analysers:
    """Everything loaded once per process: the pipeline and each analysis's resources."""

    settings: Settings
    nlp: Language
    model: ModelInfo
    readability: Any
    themes: Any
    sentiment: Any

    @classmethod
    def load(cls, settings: Settings) -> Analysers:
        from pipeline import sentiment, themes
        from pipeline.readability import ReadabilityResources

        nlp, model = load_pipeline(settings.nlp)
        return cls(
            settings=settings,
            nlp=nlp,
            model=model,
            readability=ReadabilityResources.load(settings.readability),
            themes=themes.ThemeTagger.load(settings.themes, nlp),
            sentiment=sentiment.load_model(settings.sentiment),
        )


def units_of(record: Record) -> list[Unit]:
    """The units of text of a record, in reading order: paragraphs and items of every section
    of a document (with their section and programme ids; tables are never units), or the
    article and comments of a thread."""
    units: list[Unit] = []
    if isinstance(record, Document):
        for section in record.all_sections():
            ids = (record.document_id, section.section_id, section.programme_id)
            blocks: list[tuple[int, Unit]] = [
                (p.position, Unit(p.paragraph_id, "paragraph", p.text, *ids))
                for p in section.paragraphs
            ]
            blocks += [(i.position, Unit(i.item_id, "item", i.text, *ids)) for i in section.items]
            units += [unit for _, unit in sorted(blocks, key=lambda b: b[0])]
    else:
        if record.article_text.strip():
            units.append(
                Unit(article_unit_id(record), "article", record.article_text, None,
                     thread_id=record.thread_id)
            )  # fmt: skip
        for comment in record.comments:
            units.append(
                Unit(comment.comment_id, "comment", comment.text, None, thread_id=record.thread_id)
            )
    return units


@dataclass
class _Acc:
    """What a section, document or thread collects from its units for the roll-up."""

    counts: Any = None
    docs: list[Doc] = field(default_factory=list)
    hits: list[list[Any]] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)

    def add(self, counts: Any, doc: Doc, hits: list[Any], weight: float) -> None:
        self.counts = counts if self.counts is None else self.counts + counts
        self.docs.append(doc)
        self.hits.append(hits)
        self.weights.append(weight)


def analyse_record(record: Record, analysers: Analysers) -> Rows:
    """All table rows for one record: structure, measures, sentences, flags, themes, sentiment."""
    units = units_of(record)
    docs = parse(analysers.nlp, ((unwrap_lines(u.text), u) for u in units), analysers.settings.nlp)
    return rows_for(record, list(docs), analysers)


def analyse_units(
    parsed: Sequence[tuple[Doc, Unit]],
    settings: ReadabilitySettings,
    resources: Any,
    model: ModelInfo | None = None,
) -> list[Any]:
    """The readability analysis (``TextAnalysis``) of each parsed unit of one input, as
    ``run`` and ``check`` both compute it: an abbreviation explained anywhere in the input
    counts as explained in every unit."""
    from pipeline.readability import analyse_doc
    from pipeline.readability.flags import explained_acronyms

    explained = explained_acronyms("\n\n".join(unit.text for _, unit in parsed))
    return [
        analyse_doc(doc, settings, resources, model, explained_acronyms=explained)
        for doc, _ in parsed
    ]


def rows_for(record: Record, parsed: Sequence[tuple[Doc, Unit]], analysers: Analysers) -> Rows:
    """Rows for one record from its parsed units (in the order of ``units_of``)."""
    from pipeline import readability, sentiment, themes

    settings = analysers.settings
    rows = record_rows([record])
    rows.update(sentences=[], flags=[], themes=[])
    unit_measures: dict[str, dict[str, Any]] = {}
    sections: dict[str, _Acc] = defaultdict(_Acc)
    programmes: dict[str, _Acc] = defaultdict(_Acc)
    whole = _Acc()
    comment_sentiment: dict[str, Any] = {}

    analyses = analyse_units(parsed, settings.readability, analysers.readability, analysers.model)
    # Themes and sentiment score all units of the record in one call each (model overhead).
    all_hits = analysers.themes.tag_docs([doc for doc, _ in parsed]) if parsed else []
    to_score: list[str] = []
    for (_, unit), analysis in zip(parsed, analyses, strict=True):
        if unit.unit_kind == "comment":
            to_score += [unit.text, *(s.text for s in analysis.sentences)]
    scored_all = iter(
        sentiment.score_texts(to_score, settings.sentiment, analysers.sentiment) if to_score else []
    )

    for (doc, unit), analysis, hits in zip(parsed, analyses, all_hits, strict=True):
        unit_measures[unit.unit_id] = readability.measures(analysis.counts, settings.readability)
        weight = float(max(analysis.counts.n_words, 1))
        rows["themes"] += themes.theme_rows(unit.unit_id, unit.unit_kind, hits)
        if unit.section_id is not None:
            sections[unit.section_id].add(analysis.counts, doc, hits, weight)
        if unit.programme_id is not None:
            programmes[unit.programme_id].add(analysis.counts, doc, hits, weight)
        whole.add(analysis.counts, doc, hits, weight)
        sentence_scores: list[Any] = [None] * len(analysis.sentences)
        if unit.unit_kind == "comment":
            comment_sentiment[unit.unit_id] = next(scored_all)
            sentence_scores = [next(scored_all) for _ in analysis.sentences]
        _sentence_rows(rows, unit, analysis, sentence_scores)

    for table, key in (("paragraphs", "paragraph_id"), ("comments", "comment_id")):
        for row in rows[table]:
            row.update(unit_measures.get(row[key], {}))
    for row in rows["comments"]:
        scored = comment_sentiment.get(row["comment_id"])
        if scored is not None:
            row.update(
                sentiment=scored.sentiment,
                sentiment_score=scored.score,
                sentiment_method=scored.method,
                sentiment_confidence=scored.confidence,
                sentiment_p_negatief=scored.probabilities[0] if scored.probabilities else None,
                sentiment_p_neutraal=scored.probabilities[1] if scored.probabilities else None,
                sentiment_p_positief=scored.probabilities[2] if scored.probabilities else None,
                uncivil=scored.uncivil,
                uncivil_terms=list(scored.uncivil_terms),
                uncivil_categories=list(scored.uncivil_categories),
            )
    larger: list[tuple[str, str, _Acc]] = []
    for row in rows["sections"]:
        acc = sections.get(row["section_id"])
        if acc is not None:
            row.update(readability.measures(acc.counts, settings.readability))
            larger.append((row["section_id"], "section", acc))
    for row in rows["programmes"]:
        acc = programmes.get(row["programme_id"])
        if acc is not None:
            row.update(readability.measures(acc.counts, settings.readability))
            larger.append((row["programme_id"], "programme", acc))
    for row in rows["documents"]:
        if whole.counts is not None:
            row.update(readability.measures(whole.counts, settings.readability))
    if whole.hits:
        doc_kind = "document" if isinstance(record, Document) else "thread"
        larger.append((_record_id(record), doc_kind, whole))
    # Sections, documents and threads are tagged in one model call (ThemeTagger.rollups).
    rolled = analysers.themes.rollups([(a.docs, a.hits, a.weights) for _, _, a in larger])
    for (unit_id, unit_kind, _), hits in zip(larger, rolled, strict=True):
        rows["themes"] += themes.theme_rows(unit_id, unit_kind, hits)
    return rows


def _record_id(record: Record) -> str:
    return record.document_id if isinstance(record, Document) else record.thread_id


def _sentence_rows(rows: Rows, unit: Unit, analysis: Any, scores: Sequence[Any]) -> None:
    first_sentence_id: str | None = None
    for order, (sent, scored) in enumerate(zip(analysis.sentences, scores, strict=True)):
        sentence_id = make_id(unit.unit_id, "s", order, sent.start)
        first_sentence_id = first_sentence_id or sentence_id
        rows["sentences"].append(
            {
                "sentence_id": sentence_id,
                "unit_id": unit.unit_id,
                "unit_kind": unit.unit_kind,
                "document_id": unit.document_id,
                "thread_id": unit.thread_id,
                "position": order,
                "start_char": sent.start,
                "end_char": sent.end,
                "text": sent.text,
                "n_words": sent.n_words,
                "n_syllables": sent.n_syllables,
                "max_dependency_length": sent.max_dependency_length,
                "n_clauses": sent.n_clauses,
                "n_subclauses": sent.n_subclauses,
                "fragment": sent.fragment,
                "flag_kinds": sorted({f.kind for f in sent.flags}),
                "sentiment": scored.sentiment if scored is not None else None,
                "sentiment_score": scored.score if scored is not None else None,
            }
        )
        for flag in sent.flags:
            rows["flags"].append(_flag_row(flag, sentence_id, unit.unit_id))
    if first_sentence_id is not None:
        for flag in analysis.unit_flags:
            rows["flags"].append(_flag_row(flag, first_sentence_id, unit.unit_id))


def _flag_row(flag: Any, sentence_id: str, unit_id: str) -> dict[str, Any]:
    return {
        "flag_id": make_id(sentence_id, flag.kind, flag.start, flag.end),
        "sentence_id": sentence_id,
        "unit_id": unit_id,
        "kind": flag.kind,
        "start_char": flag.start,
        "end_char": flag.end,
        "text": flag.text,
        "message": flag.message,
        "suggestion": flag.suggestion,
        "replacement": flag.replacement,
    }
