"""The readability analysis: sentences, flags and measures per unit, rolled up by counts.

Units are analysed with ``pipeline.readability.analyse_doc`` on the shared sentences; an
abbreviation explained in a unit counts as explained in that unit and every later unit of the
record (a reader meets the acronym before its explanation otherwise). Counts are
summed from units to sections, programmes and the whole record, and ``measures`` turns each
sum into the readability columns of its table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language

from pipeline.analyses import ParsedUnit, Results, Rows, Segmented, register
from pipeline.config import ReadabilitySettings, Settings
from pipeline.nlp import ModelInfo
from pipeline.readability import Counts, ReadabilityResources, TextAnalysis
from pipeline.readability.flags import Flag


@dataclass
class RolledCounts:
    """Summed counts of a record's sections, programmes and the record as a whole."""

    sections: dict[str, Counts] = field(default_factory=dict)
    programmes: dict[str, Counts] = field(default_factory=dict)
    whole: Counts | None = None


def _add(into: dict[str, Counts], key: str, counts: Counts) -> None:
    old = into.get(key)
    into[key] = counts if old is None else old + counts


def analyse_parsed(
    parsed: Sequence[ParsedUnit],
    settings: ReadabilitySettings,
    resources: ReadabilityResources,
    model: ModelInfo | None = None,
) -> list[TextAnalysis]:
    """``TextAnalysis`` of each parsed unit of one input, on the shared sentences."""
    return [analysis for _, analysis in iter_analyses(parsed, settings, resources, model)]


def iter_analyses(
    parsed: Iterable[ParsedUnit],
    settings: ReadabilitySettings,
    resources: ReadabilityResources,
    model: ModelInfo | None = None,
) -> Iterator[tuple[ParsedUnit, TextAnalysis]]:
    """``analyse_parsed`` one unit at a time, in order, with its parsed unit (a caller that
    is done with a unit's Doc can let it go before the next is parsed)."""
    from pipeline.readability import analyse_doc
    from pipeline.readability.flags import explained_acronyms

    explained: set[str] = set()  # explained in an earlier unit of the record
    seen: set[str] = set()  # flagged in an earlier unit: the advice points back to the first
    for p in parsed:
        yield p, analyse_doc(
            p.doc, settings, resources, model, explained_acronyms=set(explained),
            spans=[(s.start_token, s.end_token) for s in p.sentences], seen_acronyms=seen,
        )  # fmt: skip
        explained |= explained_acronyms(p.unit.text)


@register
class ReadabilityAnalysis:
    """B1 readability: sentences, flags and measures (``pipeline/readability``)."""

    name = "readability"
    version = "1"

    def __init__(
        self, settings: ReadabilitySettings, resources: ReadabilityResources, model: ModelInfo
    ) -> None:
        self.settings = settings
        self.resources = resources
        self.model = model

    @classmethod
    def load(cls, settings: Settings, nlp: Language, model: ModelInfo) -> ReadabilityAnalysis:
        del nlp
        return cls(settings.readability, ReadabilityResources.load(settings.readability), model)

    def analyse(self, batch: Sequence[Segmented], earlier: Results) -> list[list[TextAnalysis]]:
        return [
            analyse_parsed(item.units, self.settings, self.resources, self.model) for item in batch
        ]

    def roll_up(
        self, batch: Sequence[Segmented], results: Sequence[list[TextAnalysis]], earlier: Results
    ) -> list[RolledCounts]:
        rolled: list[RolledCounts] = []
        for item, analyses in zip(batch, results, strict=True):
            acc = RolledCounts()
            for parsed, analysis in zip(item.units, analyses, strict=True):
                unit, counts = parsed.unit, analysis.counts
                if unit.section_id is not None:
                    _add(acc.sections, unit.section_id, counts)
                if unit.programme_id is not None:
                    _add(acc.programmes, unit.programme_id, counts)
                acc.whole = counts if acc.whole is None else acc.whole + counts
            rolled.append(acc)
        return rolled

    def rows(
        self, item: Segmented, results: list[TextAnalysis], rolled: RolledCounts, rows: Rows
    ) -> None:
        from pipeline.readability import measures

        unit_measures: dict[str, dict[str, Any]] = {}
        for parsed, analysis in zip(item.units, results, strict=True):
            unit_measures[parsed.unit.unit_id] = measures(analysis.counts, self.settings)
            _sentence_rows(rows, parsed, analysis)
        for table, key in (("paragraphs", "paragraph_id"), ("comments", "comment_id")):
            for row in rows[table]:
                row.update(unit_measures.get(row[key], {}))
        for table, key, sums in (
            ("sections", "section_id", rolled.sections),
            ("programmes", "programme_id", rolled.programmes),
        ):
            for row in rows[table]:
                counts = sums.get(row[key])
                if counts is not None:
                    row.update(measures(counts, self.settings))
        if rolled.whole is not None:
            for row in rows["documents"]:
                row.update(measures(rolled.whole, self.settings))


def _sentence_rows(rows: Rows, parsed: ParsedUnit, analysis: TextAnalysis) -> None:
    unit = parsed.unit
    for shared, sent in zip(parsed.sentences, analysis.sentences, strict=True):
        rows["sentences"].append(
            {
                "sentence_id": shared.sentence_id,
                "unit_id": unit.unit_id,
                "unit_kind": unit.unit_kind,
                "document_id": unit.document_id,
                "thread_id": unit.thread_id,
                "position": shared.order,
                "start_char": sent.start,
                "end_char": sent.end,
                "text": unit.text[sent.start : sent.end] or sent.text,
                "n_words": sent.n_words,
                "n_syllables": sent.n_syllables,
                "max_dependency_length": sent.max_dependency_length,
                "n_clauses": sent.n_clauses,
                "n_subclauses": sent.n_subclauses,
                "fragment": sent.fragment,
                "flag_kinds": sorted({f.kind for f in sent.flags}),
            }
        )
        for flag in sent.flags:
            rows["flags"].append(_flag_row(flag, shared.sentence_id, unit.unit_id, unit.text))
    if parsed.sentences:
        first = parsed.sentences[0].sentence_id
        for flag in analysis.unit_flags:
            rows["flags"].append(_flag_row(flag, first, unit.unit_id, unit.text))


def _flag_row(flag: Flag, sentence_id: str, unit_id: str, unit_text: str) -> dict[str, Any]:
    """One row of ``flags``; its text is the unit's own text at the flag's offsets
    (``Flag.words_in``: the parse read a wrapped line's break as a space)."""
    from pipeline.records import make_id

    return {
        "flag_id": make_id(sentence_id, flag.kind, flag.start, flag.end),
        "sentence_id": sentence_id,
        "unit_id": unit_id,
        "kind": flag.kind,
        "start_char": flag.start,
        "end_char": flag.end,
        "text": flag.words_in(unit_text),
        "message": flag.message,
        "suggestion": flag.suggestion,
        "replacement": flag.replacement,
    }
