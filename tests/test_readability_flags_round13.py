"""Round 13 of the flag rules (issue #11, heldout10 as "dev11"): own sentences.

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest

from pipeline.config import ReadabilitySettings
from pipeline.readability import analyse_doc


def _flags(nlp, resources, text: str, kind: str) -> list[tuple[str, str | None]]:
    analysis = analyse_doc(nlp(text), ReadabilitySettings(), resources)
    return [(f.text, getattr(f, "replacement", None)) for f in analysis.flags if f.kind == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De regels belemmeren de bouw van woningen.", ("belemmeren", "hinderen")),
        ("We willen vroegtijdig met de buurt praten.", ("vroegtijdig", "vroeg")),
        ("Het plan is weliswaar duur, maar het helpt.", ("weliswaar", "wel")),
        ("Het geld is afkomstig van het Rijk.", ("afkomstig", None)),
    ],
)
def test_round13_register_words(nlp_model, resources, text, expected):
    assert expected in _flags(nlp_model[0], resources, text, "officialese")


def test_a_finite_phrase_verb_is_not_read_as_its_participle(nlp_model, resources):
    """ "beschikt" is the third person here, so "beschikt over" becomes "heeft", not "gehad"."""
    text = "De gemeente beschikt over genoeg geld."
    assert _flags(nlp_model[0], resources, text, "officialese") == [("beschikt over", "heeft")]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("We doen kwantitatief onderzoek in de wijk.", "kwantitatief"),
        ("De energietransitie raakt elke straat.", "energietransitie"),
    ],
)
def test_round13_hard_words(nlp_model, resources, text, word):
    assert word in [t for t, _ in _flags(nlp_model[0], resources, text, "hard_word")]


@pytest.mark.parametrize(
    "text",
    [
        "Het onderzoek is in twee delen opgesplitst.",
        "Het gebied is verdeeld in negen woonvelden.",
        "Hij is bezorgd over de natuur.",
        "Het laatste hoofdstuk is gewijd aan de procedure.",
    ],
)
def test_states_of_structure_and_feeling_are_not_passive(nlp_model, resources, text):
    assert _flags(nlp_model[0], resources, text, "passive") == []


def test_an_act_with_zijn_stays_passive(nlp_model, resources):
    text = "De brief is gisteren door de gemeente verstuurd."
    assert _flags(nlp_model[0], resources, text, "passive")


@pytest.mark.parametrize(
    ("text", "replacement"),
    [("Dit vereist veel tijd.", None), ("Voor de bouw is een vergunning vereist.", "nodig")],
)
def test_a_verb_is_never_inflected_into_an_adjective_alternative(
    nlp_model, resources, text, replacement
):
    """ "vereisen" -> "nodig": no "genodid" / "nodiden"; the advice names "nodig" instead,
    and "is ... vereist" takes "nodig" as it is (session 37)."""
    flags = _flags(nlp_model[0], resources, text, "officialese")
    assert flags and all(found == replacement for _, found in flags)
