"""Readability formulas for Dutch: pure functions over counts.

Every function returns None when the measure is not computable (no words, no sentences, a
missing LiNT-II feature), never 0.0, so "not computable" is never mistaken for "very hard".
"""

from __future__ import annotations

from dataclasses import dataclass


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def flesch_douma(n_words: int, n_sentences: int, n_syllables: int) -> float | None:
    """Flesch-Douma reading ease: higher is easier; roughly 0-100, not clipped.

    ``206.84 - 0.77 * syllables per 100 words - 0.93 * words per sentence``

    Reference: Douma, W.H. (1960). *De leesbaarheid van landbouwbladen: een onderzoek naar en
    een toepassing van leesbaarheidsformules*. Bulletin 17, Afdeling Sociologie en
    Sociografie, Landbouwhogeschool Wageningen. Flesch's (1948) formula with the constants
    adapted to Dutch word and sentence lengths.

    Args:
        n_words: words in the text.
        n_sentences: sentences in the text.
        n_syllables: syllables in those words.

    Returns:
        The score, or None for empty input.
    """
    if n_words <= 0 or n_sentences <= 0:
        return None
    return 206.84 - 0.77 * (100.0 * n_syllables / n_words) - 0.93 * (n_words / n_sentences)


def brouwer(n_words: int, n_sentences: int, n_syllables: int) -> float | None:
    """Brouwer's leesindex A: higher is easier; roughly 0-100, not clipped.

    ``195 - 2 * words per sentence - 0.67 * syllables per 100 words``

    Reference: Brouwer, R.H.M. (1963). Onderzoek naar de leesmoeilijkheid van Nederlands
    proza. *Pedagogische Studiën* 40, 454-464. (The factor 0.67 is Brouwer's 2/3.)

    Returns:
        The score, or None for empty input.
    """
    if n_words <= 0 or n_sentences <= 0:
        return None
    return 195.0 - 2.0 * (n_words / n_sentences) - 0.67 * (100.0 * n_syllables / n_words)


# Douma's norm table (lower bound, band), as reproduced in Onze Taal 46 (1977), "Leesbaarheid"
# (dbnl.org/tekst/_taa014197701_01/_taa014197701_01_0089.php).
FLESCH_DOUMA_BANDS: tuple[tuple[float, str], ...] = (
    (90.0, "zeer gemakkelijk"),
    (80.0, "gemakkelijk"),
    (70.0, "tamelijk gemakkelijk"),
    (60.0, "normaal"),
    (45.0, "tamelijk moeilijk"),
    (30.0, "moeilijk"),
    (float("-inf"), "zeer moeilijk"),
)

# Brouwer grouped leesindex A in six classes from "zeer moeilijk" (0-25) to "zeer gemakkelijk"
# (80-100) (summary in Literêre Terme en Teorieë, "Leesbaarheid", litterm.co.za). The outer
# bounds are Brouwer's; the inner bounds (40, 55, 67) are our even split of 25-80, see
# docs/readability.md.
BROUWER_BANDS: tuple[tuple[float, str], ...] = (
    (80.0, "zeer gemakkelijk"),
    (67.0, "gemakkelijk"),
    (55.0, "tamelijk gemakkelijk"),
    (40.0, "tamelijk moeilijk"),
    (25.0, "moeilijk"),
    (float("-inf"), "zeer moeilijk"),
)


def band(score: float | None, bands: tuple[tuple[float, str], ...]) -> str | None:
    """The name of the band that ``score`` falls in (bands sorted high to low)."""
    if score is None:
        return None
    for lower, name in bands:
        if score >= lower:
            return name
    return bands[-1][1]


def flesch_douma_band(score: float | None) -> str | None:
    """Douma's (1960) band name for a Flesch-Douma score."""
    return band(score, FLESCH_DOUMA_BANDS)


def brouwer_band(score: float | None) -> str | None:
    """Band name for a Brouwer score (see ``BROUWER_BANDS``)."""
    return band(score, BROUWER_BANDS)


@dataclass(frozen=True)
class LintCoefficients:
    """Regression coefficients of the LiNT-II formula (raw score = comprehension estimate)."""

    const: float
    word_frequency: float
    max_sdl: float
    content_words_per_clause: float
    proportion_concrete: float
    source: str


# lint-ii 0.1.3, linguistic_data/data/coefficients.json, the row for spaCy nl_core_news_lg
# 3.8.0 and noun list nouns_sem_types_20260420 (OLS on 120 texts, adjusted R^2 = 0.725).
# This is the row lint-ii itself selects under spaCy 3.8 (our spaCy version). The rounded
# README formula (-4.30, 17.31, -1.62, -2.54, 15.95) is the spaCy 3.7 row.
LINT_II_SPACY38 = LintCoefficients(
    const=-11.471733033015028,
    word_frequency=18.67626378295312,
    max_sdl=-1.4069959945847472,
    content_words_per_clause=-2.5835484942107323,
    proportion_concrete=15.45972400345915,
    source="lint-ii 0.1.3, nl_core_news_lg 3.8.0 / nouns_sem_types_20260420",
)

# LiNT-II levels: score < 34 -> 1, < 46 -> 2, < 58 -> 3, else 4 (lint-ii 0.1.3,
# core/lint_scorer.py; Pander Maat et al. 2023): the share of adult Dutch readers who have
# difficulty with a text of each level is 14%, 29%, 53% and 78%.
LINT_LEVEL_BOUNDS: tuple[float, float, float] = (34.0, 46.0, 58.0)


def lint_score(
    mean_word_frequency: float | None,
    mean_max_sdl: float | None,
    mean_content_words_per_clause: float | None,
    proportion_concrete: float | None,
    coefficients: LintCoefficients = LINT_II_SPACY38,
) -> float | None:
    """LiNT-II difficulty score, 0 (easy) to 100 (hard).

    ``score = clip(100 - (const + b1*freq + b2*sdl + b3*cwc + b4*concrete), 0, 100)``

    Reference: Pander Maat, H., Kleijn, S. & Frissen, S. (2023). LiNT: een
    leesbaarheidsformule en een leesbaarheidsinstrument. *Tijdschrift voor Taalbeheersing*
    45(1), 2-39; coefficients re-estimated for spaCy features by Kim & Pander Maat, lint-ii
    0.1.3 (see ``LINT_II_SPACY38``).

    Args:
        mean_word_frequency: mean SUBTLEX-NL Zipf frequency of content words (no proper nouns).
        mean_max_sdl: mean over sentences of the longest dependency (intervening words).
        mean_content_words_per_clause: mean over sentences of content words / finite verbs.
        proportion_concrete: concrete nouns / (concrete + abstract + undefined nouns).
        coefficients: the regression row to use.

    Returns:
        The score, or None when any feature is None.
    """
    features = (mean_word_frequency, mean_max_sdl, mean_content_words_per_clause)
    if any(f is None for f in features) or proportion_concrete is None:
        return None
    c = coefficients
    raw = (
        c.const
        + c.word_frequency * mean_word_frequency  # type: ignore[operator]
        + c.max_sdl * mean_max_sdl  # type: ignore[operator]
        + c.content_words_per_clause * mean_content_words_per_clause  # type: ignore[operator]
        + c.proportion_concrete * proportion_concrete
    )
    return min(100.0, max(0.0, 100.0 - raw))


def lint_level(score: float | None) -> int | None:
    """LiNT-II level 1 (easiest) to 4 for a score (bounds in ``LINT_LEVEL_BOUNDS``)."""
    if score is None:
        return None
    for level, bound in enumerate(LINT_LEVEL_BOUNDS, start=1):
        if score < bound:
            return level
    return 4


def mean(total: float, n: int) -> float | None:
    """``total / n``, or None when ``n`` is 0."""
    return _ratio(total, n)
