"""Round 8 of the flag rules (issue #11): action nouns without a complement (own sentences).

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest

from pipeline.config import ReadabilitySettings
from pipeline.readability import analyse_doc


def _flags(nlp, resources, text: str, kind: str) -> list[tuple[str, str]]:
    analysis = analyse_doc(nlp(text), ReadabilitySettings(), resources)
    return [(f.text, f.suggestion) for f in analysis.flags if f.kind == kind]


@pytest.mark.parametrize(
    ("text", "word", "verb"),
    [
        (
            "Het voorstel ligt in maart voor besluitvorming bij de raad.",
            "besluitvorming",
            "besluiten",
        ),
        ("De herontwikkeling start in 2027.", "herontwikkeling", "opnieuw ontwikkelen"),
        ("Na actualisatie komt de lijst online.", "actualisatie", "bijwerken"),
    ],
)
def test_listed_action_nouns_are_flagged_without_a_complement(
    nlp_model, resources, text, word, verb
):
    flags = _flags(nlp_model[0], resources, text, "nominalisation")
    assert [t for t, _ in flags] == [word]
    assert f"‘{verb}’" in flags[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "De uitvoering start in 2027.",  # not listed: only with a complement
        "Alle besluitvormingen van dit jaar staan online.",  # plural: results, not the action
    ],
)
def test_other_action_nouns_still_need_a_complement(nlp_model, resources, text):
    assert _flags(nlp_model[0], resources, text, "nominalisation") == []


@pytest.mark.parametrize(
    ("text", "word", "explanation"),
    [
        ("Het sociaal domein is groot.", "sociaal domein", "zorg, werk en jeugd"),
        ("We bieden maatwerk aan iedere inwoner.", "maatwerk", "een oplossing die bij u past"),
        ("De verordening geldt vanaf 1 januari.", "verordening", "regels van de gemeente"),
    ],
)
def test_terms_of_art_are_hard_words_with_their_explanation(
    nlp_model, resources, text, word, explanation
):
    nlp = nlp_model[0]
    assert _flags(nlp, resources, text, "officialese") == []
    flags = _flags(nlp, resources, text, "hard_word")
    assert [t for t, _ in flags] == [word]
    assert f"‘{explanation}’" in flags[0][1]


def test_a_hard_word_without_explanation_keeps_the_general_advice(nlp_model, resources):
    flags = _flags(nlp_model[0], resources, "Wij gebruiken een heuristiek.", "hard_word")
    assert flags and "leg het woord uit" in flags[0][1]
