"""The municipality matcher's word data (pipeline/ingest/municipalities.py)."""

from __future__ import annotations


def test_shipped_common_words_file_is_current_and_agrees_with_simplemma() -> None:
    """``municipality_common_words.txt`` is what simplemma says today: a name's answer is the
    same whether it comes from the file (cold check) or from the lemmatizer."""
    import simplemma

    from pipeline.ingest.municipalities import (
        COMMON_WORDS_TXT,
        build_common_words,
        is_common_word,
        shipped_name_words,
    )

    assert COMMON_WORDS_TXT.read_text(encoding="utf-8") == build_common_words()
    words = shipped_name_words()
    assert {"best", "leiden", "zundert"} <= words
    for word in words:
        assert is_common_word(word) == simplemma.is_known(word, lang="nl"), word
    assert is_common_word("Best") and not is_common_word("Zundert")
    assert is_common_word("Ede")  # three letters or fewer: always ambiguous
    assert not is_common_word("Aa en Hunze")  # several words: never
