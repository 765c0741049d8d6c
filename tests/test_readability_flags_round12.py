"""Round 12 of the flag rules (issue #11, heldout9 as "dev10"): own sentences.

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest

from pipeline.config import ReadabilitySettings
from pipeline.readability import analyse_doc


def _flags(nlp, resources, text: str, kind: str) -> list[str]:
    analysis = analyse_doc(nlp(text), ReadabilitySettings(), resources)
    return [f.text for f in analysis.flags if f.kind == kind]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Het doen van een melding kost weinig tijd.", "doen"),
        ("Bewoners vinden het zien van hun berichten handig.", "zien"),
    ],
)
def test_short_nominal_infinitives_with_van(nlp_model, resources, text, word):
    assert word in _flags(nlp_model[0], resources, text, "nominalisation")


def test_zijn_is_no_nominal_infinitive(nlp_model, resources):
    text = "Het zijn van mantelzorger vraagt veel van je."
    assert "zijn" not in _flags(nlp_model[0], resources, text, "nominalisation")


@pytest.mark.parametrize(
    ("text", "word", "replacement"),
    [
        ("De participanten kregen een vragenlijst.", "participanten", "deelnemers"),
        ("We delen alleen relevante informatie met de buurt.", "relevante", "belangrijke"),
        ("De nieuwe functionaliteiten staan op de website.", "functionaliteiten", "functies"),
        ("We hebben het ontwerp getest en de data bewaard.", "data", "gegevens"),
    ],
)
def test_round_12_register_words_with_a_drop_in(nlp_model, resources, text, word, replacement):
    analysis = analyse_doc(nlp_model[0](text), ReadabilitySettings(), resources)
    (flag,) = [f for f in analysis.flags if f.kind == "officialese" and f.text == word]
    assert flag.replacement == replacement


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("We hebben een prototype laten zien aan tien inwoners.", "prototype"),
        ("In een focusgroep spraken we met zes ouders.", "focusgroep"),
        ("De tab bar onderaan het scherm viel niet op.", "tab bar"),
    ],
)
def test_research_jargon_is_a_hard_word_with_an_explanation(nlp_model, resources, text, word):
    analysis = analyse_doc(nlp_model[0](text), ReadabilitySettings(), resources)
    (flag,) = [f for f in analysis.flags if f.kind == "hard_word" and f.text == word]
    assert flag.suggestion


def test_dienen_te_does_not_end_on_ter(nlp_model, resources):
    """ "ter" has the lemma "te": the spread phrase "dienen ... te" must end on "te" itself."""
    text = "Daarom dient het plan ter plaatse van de school te worden herzien."
    spans = _flags(nlp_model[0], resources, text, "officialese")
    assert any(s.startswith("dient") and s.endswith(" te") for s in spans), spans


@pytest.mark.parametrize(
    "text",
    [
        "Het nieuwe plan is niet passend binnen de regels van de wijk.",  # present participle
        "De grond is geschikt voor woningen.",
        "De financiën van de club zijn gezond.",
        "Dit overzicht is geen vast gegeven.",  # determiner + adjective + noun
    ],
)
def test_states_and_nouns_after_zijn_are_no_passive(nlp_model, resources, text):
    assert _flags(nlp_model[0], resources, text, "passive") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("De vergunning is gisteren verleend.", "is gisteren verleend"),
        (
            "In het tweede deel is een korte opzet voor een nieuwe agenda opgenomen.",
            "is een korte opzet voor een nieuwe agenda opgenomen",
        ),
    ],
)
def test_zijn_passives_after_a_participle_shaped_noun_are_found(nlp_model, resources, text, span):
    assert _flags(nlp_model[0], resources, text, "passive") == [span]
