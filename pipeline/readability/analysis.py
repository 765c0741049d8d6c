"""Analyse one parsed unit of text (paragraph, comment, letter) and turn counts into measures.

``analyse_doc`` reads a spaCy Doc once: sentences, counts, LiNT-II ingredients and flags.
``measures`` turns (aggregated) ``Counts`` into the ``READABILITY_COLUMNS`` of every table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from pipeline.config import ReadabilitySettings
from pipeline.nlp import ModelInfo
from pipeline.readability import flags as fl
from pipeline.readability import formulas
from pipeline.readability.counts import Counts, alnum_count, sentence_spans
from pipeline.readability.difficulty import VerdictInputs
from pipeline.readability.doc_arrays import doc_arrays, doc_text
from pipeline.readability.flags import STYLE_FLAG_KINDS, Flag, SentenceContext, UnitContext
from pipeline.readability.language import DUTCH, NOT_COUNTED, language_mark
from pipeline.readability.lint import count_subclauses, lint_sentence
from pipeline.readability.resources import ReadabilityResources
from pipeline.readability.verdict import Verdict, b1_verdict, nl_number


@dataclass
class SentenceAnalysis:
    """Measures and flags of one sentence; offsets are character offsets in the unit text."""

    start: int
    end: int
    text: str
    n_words: int
    n_syllables: int
    max_dependency_length: int | None
    n_clauses: int | None
    n_subclauses: int
    flags: list[Flag] = field(default_factory=list)
    fragment: bool = False

    @property
    def flag_kinds(self) -> list[str]:
        return [f.kind for f in self.flags]

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "n_words": self.n_words,
            "n_syllables": self.n_syllables,
            "max_dependency_length": self.max_dependency_length,
            "n_clauses": self.n_clauses,
            "n_subclauses": self.n_subclauses,
            "fragment": self.fragment,
            "flags": [f.to_dict() for f in self.flags],
        }


@dataclass
class TextAnalysis:
    """The analysis of one unit: its sentences, all flags (incl. unit-level) and counts."""

    text: str
    sentences: list[SentenceAnalysis]
    flags: list[Flag]
    counts: Counts

    @property
    def unit_flags(self) -> list[Flag]:
        """Flags on the unit as a whole (``long_paragraph``), not on one sentence."""
        in_sentences = {id(f) for s in self.sentences for f in s.flags}
        return [f for f in self.flags if id(f) not in in_sentences]


def analyse_doc(
    doc: Doc,
    settings: ReadabilitySettings,
    resources: ReadabilityResources,
    model_info: ModelInfo | None = None,
    *,
    explained_acronyms: set[str] | None = None,
    spans: Sequence[tuple[int, int]] | None = None,
    seen_acronyms: set[str] | None = None,
) -> TextAnalysis:
    """Analyse one unit of text (a paragraph, comment or short letter).

    Args:
        doc: the parsed unit; offsets in the result are character offsets into ``doc.text``.
        settings: readability thresholds.
        resources: word lists and tables (``ReadabilityResources.load``), loaded once.
        model_info: the pipeline in use; only informative, the analysis reads what the Doc
            has (POS, morphology, dependency parse) and falls back to rules without them.
        explained_acronyms: acronyms explained elsewhere in the document (e.g. in an earlier
            paragraph); those in ``doc.text`` itself are always found.
        spans: the sentences as token ranges, when the caller has segmented the Doc already
            (``pipeline.analyse``); else ``sentence_spans`` finds them.
        seen_acronyms: acronyms flagged in earlier units of the same document (updated):
            a later flag of the same one points back to the first.

    Returns:
        Sentences with their measures and flags, all flags, and the additive counts.
    """
    del model_info  # the Doc's own annotations decide which rules apply
    text = doc_text(doc)
    explained = fl.explained_acronyms(text) | set(explained_acronyms or ())
    seen_acronyms = set() if seen_acronyms is None else seen_acronyms
    has_dep = doc.has_annotation("DEP")
    counts = Counts(n_units=1)
    sentences: list[SentenceAnalysis] = []
    all_flags: list[Flag] = []
    if spans is None:
        spans = sentence_spans(doc, resources.abbreviations)
    max_chars = settings.max_word_chars
    counted = resources.memo(WORD_COUNTS)  # read first: most words were seen before
    languages = resources.memo(LANGUAGE_MARKS)
    arrays = doc_arrays(doc)
    length, orth = arrays.length, arrays.orth
    for start, end in spans:
        sentence = list(doc[start:end])  # Token objects made once per sentence
        overlong = frozenset(i for i in range(start, end) if length[i] > max_chars)
        # the words (``is_word``, not over-long): their letters and digits, and syllables
        words = [
            c for i in range(start, end)
            if length[i] <= max_chars
            and (c := counted.get(orth[i]) or _word_counts(doc, orth[i], resources))[0]
        ]  # fmt: skip
        n_words = len(words)
        fragment = is_fragment(doc, start, end, n_words, settings)
        syllables = [n for _, n in words]
        n_syllables = sum(syllables)
        lint = lint_sentence(doc, start, end, resources)
        if has_dep:
            n_sub = count_subclauses(doc, start, end)
        else:
            n_sub = fl.count_subclauses_by_rules(doc, start, end, resources)
        ctx = SentenceContext(
            doc, start, end, n_words, n_sub, settings, resources, explained, seen_acronyms,
            skip=overlong, sentence=sentence,
        )  # fmt: skip
        flags = fl.detect_sentence(ctx, settings.disabled_flags)
        span_start = doc[start].idx
        span_end = doc[end - 1].idx + len(doc[end - 1].text)
        sentences.append(
            SentenceAnalysis(
                start=span_start,
                end=span_end,
                text=text[span_start:span_end],
                n_words=n_words,
                n_syllables=n_syllables,
                max_dependency_length=lint.max_sdl,
                n_clauses=lint.n_clauses,
                n_subclauses=n_sub,
                flags=flags,
                fragment=fragment,
            )
        )
        all_flags += flags
        if fragment:
            # A heading-like line ("Beste bewoner,", "Wat verandert er") is read, not measured:
            # it is no sentence and would lower the average sentence length.
            counts = counts + Counts(
                n_fragments=1,
                n_flags=len(flags),
                n_style_problems=style_problems(flags),
                flag_counts=_kinds(flags),
            )
            continue
        cwc = lint.content_words_per_clause
        marks = [
            m if (m := languages.get(orth[i])) is not None else _language(doc, orth[i], resources)
            for i in range(start, end)
        ]
        counts = counts + Counts(
            n_words=n_words,
            n_sentences=1,
            n_syllables=n_syllables,
            n_characters=sum(n for n, _ in words),
            n_long_sentences=int(n_words > settings.long_sentence_words),
            n_over_a2_sentences=int(n_words > settings.a2_sentence_words),
            n_long_words=sum(s >= settings.long_word_syllables for s in syllables),
            n_flags=len(flags),
            n_flagged_sentences=int(any(f.kind in STYLE_FLAG_KINDS for f in flags)),
            n_style_problems=style_problems(flags),
            n_subclauses=n_sub,
            lint_freq_sum=lint.freq_sum,
            lint_freq_n=lint.freq_n,
            lint_sdl_sum=float(lint.max_sdl or 0),
            lint_sdl_n=int(lint.max_sdl is not None),
            lint_cwc_sum=cwc or 0.0,
            lint_cwc_n=int(cwc is not None),
            n_content_words=lint.n_content_words or 0,
            n_clauses=lint.n_clauses or 0,
            n_concrete_nouns=lint.n_concrete,
            n_classified_nouns=lint.n_classified,
            n_unparsed_sentences=int(not has_dep),
            n_language_words=sum(m != NOT_COUNTED for m in marks),
            n_dutch_words=marks.count(DUTCH),
            flag_counts=_kinds(flags),
        )
    measured = [(s.start, s.end) for s in sentences if not s.fragment]
    unit_ctx = UnitContext(
        doc, text, measured, counts.n_words, counts.n_sentences, settings, resources
    )
    for flag in fl.detect_unit(unit_ctx, settings.disabled_flags):
        all_flags.append(flag)
        counts = counts + Counts(n_flags=1, flag_counts={flag.kind: 1})
    return TextAnalysis(text, sentences, all_flags, counts)


WORD_COUNTS = "analysis.word_counts"  # the memo of ``_count_word`` in the resources
WORD_COUNTS_MEMO = 200_000  # distinct token texts remembered (words repeat)


def _word_counts(doc: Doc, orth: int, resources: ReadabilityResources) -> tuple[int, int]:
    """``_count_word`` of the token text with this hash (ORTH), remembered per hash."""
    text = doc.vocab.strings[orth]
    return resources.remembered(WORD_COUNTS, orth, WORD_COUNTS_MEMO, _count_word, text, resources)


LANGUAGE_MARKS = "analysis.language_marks"  # the memo of ``language_mark`` per token text


def _language(doc: Doc, orth: int, resources: ReadabilityResources) -> int:
    """``language_mark`` of the token text with this hash, remembered per hash."""
    text = doc.vocab.strings[orth]
    return resources.remembered(LANGUAGE_MARKS, orth, WORD_COUNTS_MEMO, language_mark, text)


def _count_word(text: str, resources: ReadabilityResources) -> tuple[int, int]:
    """A token's letters and digits (``alnum_count``) and, for a word, its syllables
    (``ReadabilityResources.syllables``)."""
    n = alnum_count(text)
    return n, resources.syllables(text) if n else 0


def is_fragment(
    doc: Doc, start: int, end: int, n_words: int, settings: ReadabilitySettings
) -> bool:
    """A line without words to measure, or a short line that is not a sentence: no finite
    verb (by the morphology, when the Doc has it) and no closing ``.``, ``!`` or ``?``
    ("Beste bewoner,", "Onderwerp: afval", "Papier en karton", "Met vriendelijke groet,").
    Without morphology any short line without closing punctuation counts."""
    if n_words == 0:
        return True  # nothing to measure (punctuation, an over-long "word")
    if n_words > settings.fragment_max_words:
        return False
    last = next((t for t in reversed(doc[start:end]) if not t.is_space), None)
    if last is not None and last.text[-1:] in ".!?":
        return False
    if doc.has_annotation("MORPH"):
        return not any("Fin" in t.morph.get("VerbForm", []) for t in doc[start:end])
    return True


def _kinds(flags: list[Flag]) -> dict[str, int]:
    out: dict[str, int] = {}
    for flag in flags:
        out[flag.kind] = out.get(flag.kind, 0) + 1
    return out


def lint_features(counts: Counts) -> dict[str, float | None]:
    """The four LiNT-II features (document-level means, as lint-ii computes them)."""
    return {
        "mean_word_frequency": formulas.mean(counts.lint_freq_sum, counts.lint_freq_n),
        "mean_max_sdl": formulas.mean(counts.lint_sdl_sum, counts.lint_sdl_n),
        "mean_content_words_per_clause": formulas.mean(counts.lint_cwc_sum, counts.lint_cwc_n),
        "proportion_concrete": formulas.mean(counts.n_concrete_nouns, counts.n_classified_nouns),
    }


def style_problems(flags: list[Flag]) -> int:
    """Flags that count towards the verdict's flag rate (``STYLE_FLAG_KINDS``). Overlaps are
    resolved by the flag registry, so one word counts once; a passive construction and
    ``many_subclauses`` count as one problem each next to the words inside them."""
    return sum(f.kind in STYLE_FLAG_KINDS for f in flags)


def style_flag_rate(counts: Counts) -> float | None:
    """Style problems (passive, nominalisation, officialese, rare word, abbreviation, many
    subclauses; see ``style_problems``) per line read: sentences and fragments (headings-like
    lines are read for advice too)."""
    return formulas.mean(counts.n_style_problems, counts.n_sentences + counts.n_fragments)


def measures(counts: Counts, settings: ReadabilitySettings) -> dict[str, Any]:
    """All readability columns (``pipeline.schemas.READABILITY_COLUMNS``) from counts.

    "Not computable" is None, never 0.0.
    """
    return measures_and_verdict(counts, settings)[0]


def measures_and_verdict(
    counts: Counts, settings: ReadabilitySettings
) -> tuple[dict[str, Any], Verdict]:
    """``measures`` and the full ``Verdict`` behind its ``b1_*`` columns."""
    n_words, n_sentences, n_syllables = counts.n_words, counts.n_sentences, counts.n_syllables
    fd = formulas.flesch_douma(n_words, n_sentences, n_syllables)
    br = formulas.brouwer(n_words, n_sentences, n_syllables)
    features = lint_features(counts)
    lint = formulas.lint_score(
        features["mean_word_frequency"],
        features["mean_max_sdl"],
        features["mean_content_words_per_clause"],
        features["proportion_concrete"],
    )
    row: dict[str, Any] = {
        "n_words": n_words,
        "n_sentences": n_sentences,
        "n_syllables": n_syllables,
        "n_characters": counts.n_characters,
        "n_long_sentences": counts.n_long_sentences,
        "avg_sentence_length": formulas.mean(n_words, n_sentences),
        "long_sentence_share": formulas.mean(counts.n_long_sentences, n_sentences),
        "over_a2_sentence_share": formulas.mean(counts.n_over_a2_sentences, n_sentences),
        "avg_word_length": formulas.mean(counts.n_characters, n_words),
        "syllables_per_100_words": (100.0 * n_syllables / n_words if n_words else None),
        "flesch_douma": fd,
        "flesch_douma_band": formulas.flesch_douma_band(fd),
        "brouwer": br,
        "brouwer_band": formulas.brouwer_band(br),
        "lint_score": lint,
        "lint_level": formulas.lint_level(lint),
    }
    inputs = VerdictInputs.from_scores(row, counts, features)
    verdict = b1_verdict(row, style_flag_rate(counts), settings, inputs)
    row.update(
        b1_level=verdict.level,
        b1_pass=verdict.b1_pass,
        b1_rule=verdict.rule,
        b1_reasons=verdict.reasons,
        b1_difficulty=verdict.difficulty,
        b1_fix_first=list(verdict.fix_first),
        n_flags=counts.n_flags,
    )
    return row, verdict


__all__ = [
    "SentenceAnalysis",
    "TextAnalysis",
    "analyse_doc",
    "lint_features",
    "measures",
    "measures_and_verdict",
    "nl_number",
    "style_flag_rate",
]
