"""LiNT-II features on hand-built parses, and the score on the calibration texts."""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from spacy.tokens import Doc

from pipeline.config import ReadabilitySettings
from pipeline.nlp import make_fallback_pipeline
from pipeline.readability import analyse_doc, lint_features, measures
from pipeline.readability.lint import ZERO_COUNT_ZIPF, lint_sentence, max_dependency_length


@pytest.fixture(scope="module")
def vocab():
    return make_fallback_pipeline().vocab


def parsed(vocab, words, heads, deps, pos, morphs=None, lemmas=None) -> Doc:
    return Doc(
        vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        morphs=morphs or [""] * len(words),
        lemmas=lemmas or [w.lower() for w in words],
    )


def test_lint_dependency_length_skips_punctuation(vocab) -> None:
    # Hij , zegt dat hij komt .   komt -> zegt spans zegt, dat, hij: 2 intervening words
    doc = parsed(
        vocab,
        ["Hij", ",", "zegt", "dat", "hij", "komt", "."],
        [2, 2, 2, 5, 5, 2, 2],
        ["nsubj", "punct", "ROOT", "mark", "nsubj", "ccomp", "punct"],
        ["PRON", "PUNCT", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"],
    )
    assert max_dependency_length(doc, 0, len(doc)) == 2


def test_lint_subject_of_coordinated_verbs_counts_to_both(vocab) -> None:
    # Jan leest en schrijft: the subject also depends on "schrijft" (lint-ii's rule)
    doc = parsed(
        vocab,
        ["Jan", "leest", "en", "schrijft", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "cc", "conj", "punct"],
        ["PROPN", "VERB", "CCONJ", "VERB", "PUNCT"],
    )
    assert max_dependency_length(doc, 0, len(doc)) == 2


def test_lint_one_word_sentence_has_no_dependency_length(vocab) -> None:
    doc = parsed(vocab, ["Ja", "."], [0, 0], ["ROOT", "punct"], ["INTJ", "PUNCT"])
    assert max_dependency_length(doc, 0, len(doc)) is None


def test_lint_sentence_features(vocab, resources) -> None:
    doc = parsed(
        vocab,
        ["De", "kat", "eet", "een", "vis", "."],
        [1, 2, 2, 4, 2, 2],
        ["det", "nsubj", "ROOT", "det", "obj", "punct"],
        ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        morphs=["", "Number=Sing", "Tense=Pres|VerbForm=Fin", "", "Number=Sing", ""],
        lemmas=["de", "kat", "eten", "een", "vis", "."],
    )
    lint = lint_sentence(doc, 0, len(doc), resources)
    expected = sum(resources.subtlex_zipf(w) for w in ("kat", "eet", "vis"))
    assert lint.freq_n == 3
    assert lint.freq_sum == pytest.approx(expected)
    assert lint.n_content_words == 3
    assert lint.n_clauses == 1
    assert lint.content_words_per_clause == 3.0
    assert (lint.n_concrete, lint.n_classified) == (2, 2)
    assert lint.max_sdl == 1


def test_lint_copula_proper_noun_and_unknown_word(vocab, resources) -> None:
    doc = parsed(
        vocab,
        ["Jan", "is", "blorkerig", "."],
        [2, 2, 2, 2],
        ["nsubj", "cop", "ROOT", "punct"],
        ["PROPN", "AUX", "ADJ", "PUNCT"],
        morphs=["", "VerbForm=Fin", "", ""],
    )
    lint = lint_sentence(doc, 0, len(doc), resources)
    # "is" is a copula (no content word); "Jan" is a content word without a frequency
    assert lint.n_content_words == 2
    assert lint.freq_n == 1
    assert lint.freq_sum == pytest.approx(ZERO_COUNT_ZIPF)
    assert lint.n_clauses == 1


def test_lint_not_computed_without_pos_or_parse(resources) -> None:
    settings = ReadabilitySettings()
    doc = make_fallback_pipeline()("De hond eet een appel. Hij heeft honger.")
    analysis = analyse_doc(doc, settings, resources)
    assert all(v is None for v in lint_features(analysis.counts).values())
    row = measures(analysis.counts, settings)
    assert row["lint_score"] is None and row["lint_level"] is None
    assert row["flesch_douma"] is not None


@pytest.mark.slow
def test_lint_ranks_calibration_texts(nlp_model, resources) -> None:
    """Per topic, the C1 version gets a higher (harder) LiNT-II score than the B1 version."""
    nlp, info = nlp_model
    settings = ReadabilitySettings()
    levels = FIXTURES / "levels"
    topics = sorted({p.name.rsplit("_", 1)[0] for p in levels.glob("*_c1.txt")})
    assert len(topics) >= 5
    for topic in topics:
        scores = {}
        for level in ("b1", "c1"):
            text = (levels / f"{topic}_{level}.txt").read_text(encoding="utf-8")
            docs = nlp.pipe([p for p in text.split("\n\n") if p.strip()])
            counts = sum(analyse_doc(d, settings, resources, info).counts for d in docs)
            scores[level] = measures(counts, settings)["lint_score"]
        assert scores["b1"] < scores["c1"], topic
        assert scores["c1"] >= 58  # LiNT-II level 4


def test_lint_skiplist_words_have_no_frequency(vocab, resources) -> None:
    assert "appel" in resources.subtlex_skiplist  # lint-ii leaves ambiguous forms out
    doc = parsed(
        vocab,
        ["Appel", "eten", "."],
        [1, 1, 1],
        ["obj", "ROOT", "punct"],
        ["NOUN", "VERB", "PUNCT"],
        morphs=["", "VerbForm=Inf", ""],
    )
    lint = lint_sentence(doc, 0, len(doc), resources)
    assert lint.n_content_words == 2
    assert lint.freq_n == 1
    assert lint.n_clauses is not None and lint.n_clauses == 0
    assert lint.content_words_per_clause is None


def test_lint_coordinated_predicates_of_one_subclause_count_once(vocab) -> None:
    """Round 6 (issue #11): "als u hier woont, werkt en een kind heeft" is one subordinate
    clause with three coordinated predicates; "als ... en als ..." stays two."""
    from pipeline.readability.lint import count_subclauses

    # U krijgt geld als u hier woont , werkt en een kind heeft .
    one = parsed(
        vocab,
        ["U", "krijgt", "geld", "als", "u", "hier", "woont", ",", "werkt", "en", "een",
         "kind", "heeft", "."],
        [1, 1, 1, 6, 6, 6, 1, 8, 6, 12, 11, 12, 6, 1],
        ["nsubj", "ROOT", "obj", "mark", "nsubj", "advmod", "advcl", "punct", "conj", "cc",
         "det", "obj", "conj", "punct"],
        ["PRON", "VERB", "NOUN", "SCONJ", "PRON", "ADV", "VERB", "PUNCT", "VERB", "CCONJ",
         "DET", "NOUN", "VERB", "PUNCT"],
    )  # fmt: skip
    assert count_subclauses(one, 0, len(one)) == 1
    # U krijgt geld als u hier woont en als u werkt .
    two = parsed(
        vocab,
        ["U", "krijgt", "geld", "als", "u", "hier", "woont", "en", "als", "u", "werkt", "."],
        [1, 1, 1, 6, 6, 6, 1, 10, 10, 10, 6, 1],
        ["nsubj", "ROOT", "obj", "mark", "nsubj", "advmod", "advcl", "cc", "mark", "nsubj",
         "conj", "punct"],
        ["PRON", "VERB", "NOUN", "SCONJ", "PRON", "ADV", "VERB", "CCONJ", "SCONJ", "PRON",
         "VERB", "PUNCT"],
    )  # fmt: skip
    assert count_subclauses(two, 0, len(two)) == 2
