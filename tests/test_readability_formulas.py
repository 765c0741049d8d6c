"""Formulas against hand-computed values; empty input is None, never 0.0."""

from __future__ import annotations

import pytest

from pipeline.readability.formulas import (
    LINT_II_SPACY38,
    LintCoefficients,
    brouwer,
    brouwer_band,
    flesch_douma,
    flesch_douma_band,
    lint_level,
    lint_score,
    mean,
)

# lint-ii 0.1.3 coefficients.json, row nl_core_news_lg 3.7.0 / nouns_sem_types_20260420
LINT_II_SPACY37 = LintCoefficients(
    const=-4.302208863089504,
    word_frequency=17.314066317616003,
    max_sdl=-1.6240611785998273,
    content_words_per_clause=-2.5422287085919666,
    proportion_concrete=15.951894022642866,
    source="lint-ii 0.1.3, nl_core_news_lg 3.7.0 / nouns_sem_types_20260420",
)


def test_formulas_flesch_douma_hand_computed() -> None:
    # 100 words, 5 sentences, 150 syllables: 206.84 - 0.77 * 150 - 0.93 * 20
    assert flesch_douma(100, 5, 150) == pytest.approx(72.74)
    # 12 words, 1 sentence, 20 syllables: 206.84 - 0.77 * 166.67 - 0.93 * 12
    assert flesch_douma(12, 1, 20) == pytest.approx(206.84 - 0.77 * 2000 / 12 - 0.93 * 12)


def test_formulas_brouwer_hand_computed() -> None:
    # 195 - 2 * 20 - 0.67 * 150
    assert brouwer(100, 5, 150) == pytest.approx(54.5)


@pytest.mark.parametrize("formula", [flesch_douma, brouwer])
@pytest.mark.parametrize(("words", "sentences"), [(0, 0), (0, 3), (10, 0)])
def test_formulas_empty_input_is_none(formula, words: int, sentences: int) -> None:
    assert formula(words, sentences, 0) is None


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (95.0, "zeer gemakkelijk"),
        (90.0, "zeer gemakkelijk"),
        (85.0, "gemakkelijk"),
        (72.74, "tamelijk gemakkelijk"),
        (60.0, "normaal"),
        (59.9, "tamelijk moeilijk"),
        (30.0, "moeilijk"),
        (12.0, "zeer moeilijk"),
        (-5.0, "zeer moeilijk"),
        (None, None),
    ],
)
def test_formulas_flesch_douma_bands(score: float | None, band: str | None) -> None:
    assert flesch_douma_band(score) == band


@pytest.mark.parametrize(
    ("score", "band"),
    [(85.0, "zeer gemakkelijk"), (54.5, "tamelijk moeilijk"), (10.0, "zeer moeilijk")],
)
def test_formulas_brouwer_bands(score: float, band: str) -> None:
    assert brouwer_band(score) == band


def test_formulas_lint_matches_lint_ii_documented_example() -> None:
    # lint-ii 0.1.3 LintScorer docstring: freq 5.2, sdl 3, cwc 4.5, concrete 0.6 -> 21.0101...
    score = lint_score(5.2, 3, 4.5, 0.6, coefficients=LINT_II_SPACY37)
    assert score == pytest.approx(21.010140322363895)
    assert lint_level(score) == 1


def test_formulas_lint_spacy38_hand_computed() -> None:
    raw = -11.471733033015028 + 18.67626378295312 * 5.2 - 1.4069959945847472 * 3
    raw += -2.5835484942107323 * 4.5 + 15.45972400345915 * 0.6
    assert lint_score(5.2, 3, 4.5, 0.6) == pytest.approx(100 - raw)
    assert LINT_II_SPACY38.const == pytest.approx(-11.47, abs=0.01)


def test_formulas_lint_is_clipped_to_0_100() -> None:
    assert lint_score(1.0, 30, 20, 0.0) == 100.0
    assert lint_score(8.0, 0, 0, 1.0) == 0.0


def test_formulas_lint_missing_feature_is_none() -> None:
    assert lint_score(None, 3, 4.5, 0.6) is None
    assert lint_score(5.2, 3, 4.5, None) is None
    assert lint_level(None) is None


@pytest.mark.parametrize(
    ("score", "level"), [(0.0, 1), (33.9, 1), (34.0, 2), (45.9, 2), (46.0, 3), (58.0, 4)]
)
def test_formulas_lint_level_bounds(score: float, level: int) -> None:
    assert lint_level(score) == level


def test_formulas_mean_of_nothing_is_none() -> None:
    assert mean(0.0, 0) is None
    assert mean(6.0, 4) == pytest.approx(1.5)
