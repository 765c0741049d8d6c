"""Counting from the Doc: repaired Dutch sentence boundaries, words, additive Counts."""

from __future__ import annotations

import itertools

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.config import ReadabilitySettings
from pipeline.readability import Counts, ReadabilityResources, analyse_doc, measures
from pipeline.readability.counts import sentence_spans


def _texts(doc: Doc, resources: ReadabilityResources) -> list[str]:
    return [doc[s:e].text for s, e in sentence_spans(doc, resources.abbreviations)]


def test_counts_no_split_after_an_abbreviation_that_needs_a_complement(resources, fallback):
    """Second trial of session 37: "t.n.v. Gemeente Deventer" was cut into two sentences."""
    doc = fallback("Betaal het bedrag t.n.v. Gemeente Deventer o.v.v. Uw aanslag. Dank u.")
    assert _texts(doc, resources) == [
        "Betaal het bedrag t.n.v. Gemeente Deventer o.v.v. Uw aanslag.",
        "Dank u.",
    ]


def test_counts_sentence_split_after_abbreviation_is_undone(resources, fallback) -> None:
    doc = fallback("Dit geldt m.b.t. de zorg. Het kost 2 mld. per jaar. Dat is veel.")
    # the sentencizer splits after "mld." (tokenised "mld" + ".")
    assert len(list(doc.sents)) == 4
    assert _texts(doc, resources) == [
        "Dit geldt m.b.t. de zorg.",
        "Het kost 2 mld. per jaar.",
        "Dat is veel.",
    ]


def test_counts_split_after_a_word_ending_in_a_capital_and_its_stop(resources) -> None:
    """spaCy keeps the full stop of a word ending in a capital ("DigiD.", as in "U.S."), so
    the parser saw one sentence (user trial of session 33: a 41-word "sentence")."""
    words = ["U", "logt", "in", "met", "uw", "DigiD.", "U", "vult", "het", "formulier", "in", "."]
    starts = [True] + [False] * (len(words) - 1)
    doc = Doc(Vocab(), words=words, sent_starts=starts)
    assert [doc[s:e].text for s, e in sentence_spans(doc, resources.abbreviations)] == [
        "U logt in met uw DigiD.",
        "U vult het formulier in .",
    ]
    words = ["Mr.", "Jansen", "en", "de", "BV.", "Noord", "komen", "."]
    doc = Doc(Vocab(), words=words, sent_starts=[True] + [False] * 7)
    assert len(sentence_spans(doc, resources.abbreviations)) == 1  # no lower-case letter


def test_counts_hand_built_boundary_after_mln_is_merged(resources, fallback) -> None:
    words = ["Er", "is", "ca.", "3", "mln.", "euro", "beschikbaar", "."]
    starts = [True, False, False, False, False, True, False, False]
    doc = Doc(fallback.vocab, words=words, sent_starts=starts)
    assert len(list(doc.sents)) == 2
    assert len(sentence_spans(doc, resources.abbreviations)) == 1


@pytest.mark.parametrize(
    "words, starts, n_sentences",
    [
        # The parser ended a sentence inside a line after "(PMD)": undone.
        (["Plastic", "(", "PMD", ")", "wordt", "opgehaald", "."], [1, 0, 0, 0, 1, 0, 0], 1),
        # ... also before a capitalised name: the writer put no full stop there.
        (
            ["In", "het", "programma", "Duurzame", "Bereikbaarheid", "besluit", "ze", "."],
            [1, 0, 0, 1, 0, 0, 0, 0],
            1,
        ),
        # A real end of sentence before a lowercase start is kept.
        (["Het", "klopt", ".", "wel", "zo", "."], [1, 0, 0, 1, 0, 0], 2),
        # A break at a line end is kept (headings, list items).
        (["Titel", "\n", "wordt", "vervolgd", "."], [1, 0, 1, 0, 0], 2),
    ],
)
def test_counts_mid_line_split_without_end_punctuation_is_undone(
    resources, fallback, words, starts, n_sentences
) -> None:
    doc = Doc(fallback.vocab, words=words, sent_starts=[bool(x) for x in starts])
    assert len(sentence_spans(doc, resources.abbreviations)) == n_sentences


def test_counts_boundary_after_abbreviation_kept_before_capital(resources, fallback) -> None:
    words = ["Het", "kost", "3", "mln.", "De", "raad", "betaalt", "."]
    starts = [True, False, False, False, True, False, False, False]
    doc = Doc(fallback.vocab, words=words, sent_starts=starts)
    assert len(sentence_spans(doc, resources.abbreviations)) == 2


def test_counts_line_breaks_split_headings_not_wrapped_lines(resources, fallback) -> None:
    doc = fallback("Nieuwe regels\nVanaf maart halen we het afval op\nmet een nieuwe wagen.")
    assert _texts(doc, resources) == [
        "Nieuwe regels",
        "Vanaf maart halen we het afval op\nmet een nieuwe wagen.",
    ]


def test_counts_list_items_are_sentences_without_bullets(resources, fallback) -> None:
    doc = fallback("Wat neemt u mee:\n- uw paspoort\n- een pasfoto")
    assert _texts(doc, resources) == ["Wat neemt u mee:", "uw paspoort", "een pasfoto"]


def test_counts_words_have_a_letter_or_digit(resources, fallback) -> None:
    text = "In 2019 kwamen er – zie o.a. bijlage 3 – 40 bij!"
    analysis = analyse_doc(fallback(text), ReadabilitySettings(), resources)
    # In, 2019, kwamen, er, zie, o.a., bijlage, 3, 40, bij: dashes and "!" are no words
    assert analysis.counts.n_words == 10
    assert analysis.counts.n_sentences == 1


def test_counts_are_additive(resources, fallback) -> None:
    settings = ReadabilitySettings()
    paras = [
        "De gemeente faciliteert de samenwerking. Het PGB wordt verstrekt.",
        "Wij halen uw afval op. Bel ons gerust.",
    ]
    parts = [analyse_doc(d, settings, resources).counts for d in fallback.pipe(paras)]
    total = sum(parts, Counts())
    assert total == parts[0] + parts[1]
    assert total.n_words == parts[0].n_words + parts[1].n_words
    assert total.flag_counts["officialese"] == parts[0].flag_counts["officialese"]
    assert total.n_units == 2
    row = measures(total, settings)
    assert row["n_sentences"] == 4
    assert row["avg_sentence_length"] == pytest.approx(total.n_words / 4)


def test_counts_empty_text_measures_are_none(resources, fallback) -> None:
    settings = ReadabilitySettings()
    row = measures(analyse_doc(fallback("   "), settings, resources).counts, settings)
    assert row["n_words"] == 0
    for key in ("avg_sentence_length", "flesch_douma", "brouwer", "lint_score", "b1_level"):
        assert row[key] is None


def test_counts_measures_keys_are_the_schema_columns(resources, fallback) -> None:
    from pipeline.schemas import READABILITY_COLUMNS

    settings = ReadabilitySettings()
    row = measures(analyse_doc(fallback("Dit is een zin."), settings, resources).counts, settings)
    assert list(row) == [c.name for c in READABILITY_COLUMNS]


@pytest.mark.slow
def test_counts_differ_from_textstat_for_dutch(resources, nlp_model) -> None:
    """textstat splits on every full stop and ignores 'sentences' of 1-2 words; numbers are
    one syllable; empty text scores 0.0. Ours counts from the parse."""
    import textstat

    textstat.set_lang("nl")
    settings = ReadabilitySettings()
    nlp, info = nlp_model
    text = "Er is ca. 3 mln. euro beschikbaar voor o.a. de bibliotheek en het zwembad."
    analysis = analyse_doc(nlp(text), settings, resources, info)
    assert analysis.counts.n_sentences == 1
    assert textstat.sentence_count(text) > 1
    numbers = "In 2019 waren er 1.250 deelnemers."
    ours = sum(resources.syllables(t.text) for t in nlp(numbers) if not t.is_punct)
    # In(1) 2019(6) wa-ren(2) er(1) 1.250(7) deel-ne-mers(3)
    assert ours == 20
    assert textstat.syllable_count(numbers) < ours
    assert textstat.flesch_reading_ease("") == 0.0
    assert measures(Counts(), settings)["flesch_douma"] is None


def test_counts_style_problems_count_a_doubly_flagged_word_once() -> None:
    from pipeline.readability.analysis import style_problems
    from pipeline.readability.flags import Flag, resolve_overlaps

    def flag(kind: str, start: int, end: int) -> Flag:
        return Flag(kind, start, end, "x" * (end - start), "", None)

    flags = [
        flag("nominalisation", 0, 11),  # Wijzigingen
        flag("officialese", 0, 11),  # Wijzigingen, same word: officialese wins
        flag("nominalisation", 20, 38),
        flag("officialese", 24, 34),  # inside it: one piece of advice per word
        flag("passive", 40, 80),  # wordt ... opgepakt: contains the next one
        flag("nominalisation", 50, 60),
        flag("many_subclauses", 0, 90),
        flag("long_sentence", 0, 90),  # not a style flag
    ]
    kept = resolve_overlaps(flags)
    assert [(f.kind, f.start) for f in kept if f.kind in ("officialese", "nominalisation")] == [
        ("officialese", 0), ("officialese", 24), ("nominalisation", 50),
    ]  # fmt: skip
    assert style_problems(kept) == 5


def test_text_without_punctuation_is_cut_into_pieces_of_at_most_300_tokens(resources) -> None:
    """Thousands of words without a full stop (a bad export) are no one sentence: cut at the
    parser's boundaries where they keep a piece short enough, then every 300 tokens."""
    from spacy.vocab import Vocab

    from pipeline.readability.counts import MAX_SENTENCE_TOKENS

    words = ["de", "gemeente", "wordt", "geïnformeerd", "over", "het", "plan"] * 200  # 1,400
    starts = [i in (0, 350, 700) for i in range(len(words))]  # boundaries the rules undo
    doc = Doc(Vocab(), words=words, spaces=[True] * len(words), sent_starts=starts)
    spans = sentence_spans(doc, resources.abbreviations)
    assert spans[0][0] == 0 and spans[-1][1] == len(words)
    assert all(b == c for (_, b), (c, _) in itertools.pairwise(spans))  # no gaps
    assert max(e - s for s, e in spans) <= MAX_SENTENCE_TOKENS
    assert 350 in [s for s, _ in spans] and 700 in [s for s, _ in spans]
    short = Doc(Vocab(), words=words[:280], spaces=[True] * 280)
    assert sentence_spans(short, resources.abbreviations) == [(0, 280)]
