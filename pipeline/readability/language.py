"""Is a text Dutch? The share of its words that simplemma's Dutch dictionary knows.

simplemma (a maintained lemmatiser with dictionaries for 50 languages; its own
``in_target_language`` is this measure) separates Dutch from other languages well. Only
lower-case words of letters count: names and abbreviations say nothing about the language.
Development measurement (session 36, nothing fitted; the two settings are a judgement on
these figures): of 3,437 real Dutch sentences with 10 or more counted words (the flag
evaluation sides, used as a control only) the lowest share is 0.42 (a sentence of English
loans), the 1st percentile 0.75, the median 0.95; the 5 real seed texts and the 9 own
texts of ``data/raw`` 0.92-0.99; a letter in English, German, French, Spanish, Frisian, Turkish or
Polish (own sentences) 0.00-0.36. The counts add up (``Counts.n_language_words``,
``n_dutch_words``); the verdict leaves out a text of at least ``dutch_min_words`` (20)
counted words of which under ``dutch_min_share`` (0.45) are Dutch.
"""

from __future__ import annotations

import functools
from typing import Any

NOT_COUNTED, FOREIGN, DUTCH = -1, 0, 1
# The one reason of the verdict of a text that is not Dutch.
NOT_DUTCH = "De tekst lijkt niet in het Nederlands geschreven: het taalniveau is niet beoordeeld."


@functools.cache
def _strategy() -> Any:
    from simplemma.strategies import DefaultStrategy

    return DefaultStrategy(greedy=False)


def language_mark(word: str) -> int:
    """``DUTCH`` when simplemma's Dutch dictionary (or its rules) knows ``word``, else
    ``FOREIGN``; ``NOT_COUNTED`` for a word that is not lower-case letters only (a name, an
    abbreviation, a number) or shorter than two letters."""
    if len(word) < 2 or not word.isalpha() or not word.islower():
        return NOT_COUNTED
    return DUTCH if _strategy().get_lemma(word, "nl") is not None else FOREIGN


def looks_dutch(
    n_language_words: int, n_dutch_words: int, min_words: int, min_share: float
) -> bool:
    """False only for a text with at least ``min_words`` counted words of which under
    ``min_share`` are Dutch."""
    if n_language_words < min_words:
        return True
    return n_dutch_words / n_language_words >= min_share
