"""The themes analysis: BBV task fields per unit, rolled up to sections, programmes and the
whole document or thread (``pipeline/themes``).

All units of a batch are tagged in one model call, and all larger units of a batch in one
more (``ThemeTagger.rollups``); a unit weighs in its larger units by the words readability
counted in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.analyses import Results, Rows, Segmented, register
from pipeline.analyses.readability import ReadabilityAnalysis
from pipeline.config import Settings
from pipeline.nlp import ModelInfo
from pipeline.readability import TextAnalysis
from pipeline.records import Document
from pipeline.themes import ThemeHit, ThemeTagger, theme_rows


@dataclass
class _Group:
    """A larger unit and what it collects from its units."""

    unit_id: str
    unit_kind: str  # section | programme | document | thread
    docs: list[Doc] = field(default_factory=list)
    hits: list[list[ThemeHit]] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)


@register
class ThemesAnalysis:
    """BBV themes of units and of the larger units they make up."""

    name = "themes"
    version = "1"

    def __init__(self, tagger: ThemeTagger) -> None:
        self.tagger = tagger

    @classmethod
    def load(cls, settings: Settings, nlp: Language, model: ModelInfo) -> ThemesAnalysis:
        return cls(ThemeTagger.load(settings.themes, nlp))

    def analyse(self, batch: Sequence[Segmented], earlier: Results) -> list[list[list[ThemeHit]]]:
        docs = [p.doc for item in batch for p in item.units]
        hits = iter(self.tagger.tag_docs(docs) if docs else [])
        return [[next(hits) for _ in item.units] for item in batch]

    def roll_up(
        self,
        batch: Sequence[Segmented],
        results: Sequence[list[list[ThemeHit]]],
        earlier: Results,
    ) -> list[list[tuple[str, str, list[ThemeHit]]]]:
        readability: Sequence[list[TextAnalysis]] = earlier.of(ReadabilityAnalysis)
        groups_of: list[list[_Group]] = []
        for item, unit_hits, analyses in zip(batch, results, readability, strict=True):
            record = item.record
            sections: dict[str, _Group] = {}
            programmes: dict[str, _Group] = {}
            whole = _Group(
                record.document_id if isinstance(record, Document) else record.thread_id,
                "document" if isinstance(record, Document) else "thread",
            )
            for parsed, hits, analysis in zip(item.units, unit_hits, analyses, strict=True):
                unit = parsed.unit
                weight = float(max(analysis.counts.n_words, 1))
                targets = [whole]
                if unit.section_id is not None:
                    targets.append(
                        sections.setdefault(unit.section_id, _Group(unit.section_id, "section"))
                    )
                if unit.programme_id is not None:
                    targets.append(
                        programmes.setdefault(
                            unit.programme_id, _Group(unit.programme_id, "programme")
                        )
                    )
                for group in targets:
                    group.docs.append(parsed.doc)
                    group.hits.append(hits)
                    group.weights.append(weight)
            groups: list[_Group] = []
            if isinstance(record, Document):  # in table order: sections, programmes
                groups += [
                    sections[s.section_id]
                    for s in record.all_sections()
                    if s.section_id in sections
                ]
                groups += [
                    programmes[p.programme_id]
                    for p in record.programmes
                    if p.programme_id in programmes
                ]
            if whole.hits:
                groups.append(whole)
            groups_of.append(groups)
        flat = [g for groups in groups_of for g in groups]
        rolled = iter(self.tagger.rollups([(g.docs, g.hits, g.weights) for g in flat]))
        return [[(g.unit_id, g.unit_kind, next(rolled)) for g in groups] for groups in groups_of]

    def rows(
        self,
        item: Segmented,
        results: list[list[ThemeHit]],
        rolled: list[tuple[str, str, list[ThemeHit]]],
        rows: Rows,
    ) -> None:
        for parsed, hits in zip(item.units, results, strict=True):
            rows["themes"] += theme_rows(parsed.unit.unit_id, parsed.unit.unit_kind, hits)
        for unit_id, unit_kind, hits in rolled:
            rows["themes"] += theme_rows(unit_id, unit_kind, hits)
