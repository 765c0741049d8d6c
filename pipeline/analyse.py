"""Analyse ingested records: one shared segmentation, then every registered analysis.

The orchestrator of ``gemeentetaal run``. For a batch of records (from one file or many):
1. ``units_of`` cuts each record into units of text: the paragraphs and items of documents
   (every section: the document's own and its programmes'; tables are never units), and the
   article and comments of threads. It is the one segmentation every entry point uses
   (``check``, ``themes``, the benchmarks).
2. All units of the batch are parsed in one ``nlp.pipe`` pass (``pipeline.nlp.parse``), and
   each Doc is cut into sentences once (``sentence_spans``): ``Segmented`` records.
3. Each analysis of ``pipeline.analyses.ANALYSES`` (readability, themes, sentiment) analyses
   the units of the whole batch, rolls them up, and adds its rows to each record's tables,
   which start as the structure rows of ``pipeline/rows.py``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.analyses import (
    Analysis,
    ParsedUnit,
    Results,
    Rows,
    Segmented,
    Sentence,
    Unit,
)
from pipeline.analyses import analyses as registered_analyses
from pipeline.analyses.readability import iter_analyses
from pipeline.config import ReadabilitySettings, Settings
from pipeline.nlp import ModelInfo, load_pipeline, parse, unwrap_lines
from pipeline.readability import ReadabilityResources, TextAnalysis
from pipeline.records import Document, Record, make_id
from pipeline.rows import article_unit_id, record_rows

__all__ = [
    "Analysers",
    "Unit",
    "analyse_record",
    "analyse_records",
    "analyse_units",
    "segment",
    "units_of",
]

ANALYSIS_TABLES = ("sentences", "flags", "themes")
GC_YOUNG_THRESHOLD = 10_000


@dataclass
class Analysers:
    """Everything loaded once per process: the pipeline and every registered analysis."""

    settings: Settings
    nlp: Language
    model: ModelInfo
    analyses: tuple[Analysis[Any, Any], ...]
    abbreviations: frozenset[str]

    @classmethod
    def load(cls, settings: Settings) -> Analysers:
        nlp, model = load_pipeline(settings.nlp)
        analyses = tuple(a.load(settings, nlp, model) for a in registered_analyses().values())
        resources = ReadabilityResources.load(settings.readability)
        # The models are most of the heap and live as long as the process: moved out of the
        # collector's generations (garbage collected first), full collections in a run no
        # longer walk them (0.25 -> 0.04 s per 55k words) and forked workers leave their
        # pages shared.
        gc.collect()
        gc.freeze()
        # What a run allocates from here on is short-lived (rows, flags, parses): a young
        # collection every GC_YOUNG_THRESHOLD allocations instead of Python's 700 means 14
        # times fewer older ones too (with ``startup.frozen_imports``, the collector's share
        # of the samples of a 50k-word run went from ~3.5% to ~1.4%).
        gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
        return cls(settings, nlp, model, analyses, resources.abbreviations)


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


def sentences_of(unit: Unit, doc: Doc, abbreviations: frozenset[str]) -> tuple[Sentence, ...]:
    """The sentences of a parsed unit (``sentence_spans``), with their ids and text."""
    from pipeline.readability.counts import sentence_spans
    from pipeline.readability.doc_arrays import doc_text

    out: list[Sentence] = []
    text = doc_text(doc)  # Doc.text joins every token: once per Doc
    for order, (start, end) in enumerate(sentence_spans(doc, abbreviations)):
        first = doc[start].idx
        last = doc[end - 1].idx + len(doc[end - 1].text)
        out.append(
            Sentence(
                make_id(unit.unit_id, "s", order, first), order, start, end, first, last,
                text[first:last],
            )
        )  # fmt: skip
    return tuple(out)


def segment(records: Sequence[Record], analysers: Analysers) -> list[Segmented]:
    """Parse the units of all ``records`` in one ``nlp.pipe`` pass and cut them into sentences."""
    units = [(n, unit) for n, record in enumerate(records) for unit in units_of(record)]
    parsed: list[list[ParsedUnit]] = [[] for _ in records]
    pairs = ((unwrap_lines(unit.text), (n, unit)) for n, unit in units)
    for doc, (n, unit) in parse(analysers.nlp, pairs, analysers.settings.nlp):
        sentences = sentences_of(unit, doc, analysers.abbreviations)
        parsed[n].append(ParsedUnit(unit, doc, sentences))
    return [Segmented(r, tuple(p)) for r, p in zip(records, parsed, strict=True)]


def analyse_records(records: Sequence[Record], analysers: Analysers) -> list[Rows]:
    """All table rows of each record (structure, measures, sentences, flags, themes,
    sentiment), computed for the whole batch at once; one ``Rows`` per record, in order."""
    batch = segment(records, analysers)
    earlier = Results()
    done: list[tuple[Analysis[Any, Any], Sequence[list[Any]], list[Any]]] = []
    for analysis in analysers.analyses:
        results = analysis.analyse(batch, earlier)
        earlier.put(analysis.name, results)
        done.append((analysis, results, analysis.roll_up(batch, results, earlier)))
    out: list[Rows] = []
    for k, item in enumerate(batch):
        rows = record_rows([item.record])
        rows.update({table: [] for table in ANALYSIS_TABLES})
        for analysis, unit_results, rolled in done:
            analysis.rows(item, unit_results[k], rolled[k], rows)
        out.append(rows)
    return out


def analyse_record(record: Record, analysers: Analysers) -> Rows:
    """All table rows for one record (``analyse_records`` of a batch of one)."""
    return analyse_records([record], analysers)[0]


def analyse_units(
    parsed: Sequence[tuple[Doc, Unit]],
    settings: ReadabilitySettings,
    resources: ReadabilityResources,
    model: ModelInfo | None = None,
) -> list[TextAnalysis]:
    """The readability analysis (``TextAnalysis``) of each parsed unit of one input, as
    ``run`` and ``check`` both compute it: an abbreviation explained in a unit counts as
    explained in that unit and every later unit of the input."""
    return [analysis for _, _, analysis in iter_analyse_units(parsed, settings, resources, model)]


def iter_analyse_units(
    parsed: Iterable[tuple[Doc, Unit]],
    settings: ReadabilitySettings,
    resources: ReadabilityResources,
    model: ModelInfo | None = None,
) -> Iterator[tuple[Doc, Unit, TextAnalysis]]:
    """``analyse_units`` one unit at a time, with its Doc: each pair is read from ``parsed``
    only when its analysis is asked for, so a long input never holds all its Docs."""
    units = (
        ParsedUnit(unit, doc, sentences_of(unit, doc, resources.abbreviations))
        for doc, unit in parsed
    )
    for p, analysis in iter_analyses(units, settings, resources, model):
        yield p.doc, p.unit, analysis
