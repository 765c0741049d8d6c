"""Round 7 of the flag rules (issue #11): the decision-list register (own sentences).

Each behaviour has a positive and a negative case; the sentences are written for these tests,
not taken from an annotated set.
"""

from __future__ import annotations

import pytest

from pipeline.config import ReadabilitySettings
from pipeline.readability import analyse_doc
from pipeline.readability.morphology import third_person_forms


def _texts(nlp, resources, text: str, kind: str) -> list[str]:
    analysis = analyse_doc(nlp(text), ReadabilitySettings(), resources)
    return [f.text for f in analysis.flags if f.kind == kind]


# --- nominalisation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # telegraphic style: the action noun directly before what it acts on ("van" left out)
        ("Beantwoording brief bewonersvereniging vast te stellen.", ["Beantwoording"]),
        ("Afwijzing verzoek subsidie sportclub vast te stellen.", ["Afwijzing"]),
        ("Het jaarplan inclusief evaluatie werkplan 2023 vast te stellen.", ["evaluatie"]),
        # not after an article, a noun or a comma, not inside quotes, not before a time word
        ("De uitvoering volgende week gaat door.", []),
        ("Het college stuurt de brief ‘Verlenging ontheffing markt’ naar de raad.", []),
        ("Voorbeelden: ontvangstbevestiging, beantwoording klacht, aanmaning.", []),
    ],
)
def test_telegraphic_action_noun_with_its_object(nlp_model, resources, text, expected):
    assert _texts(nlp_model[0], resources, text, "nominalisation") == expected


def test_telegraphic_action_noun_is_a_nominalisation_not_officialese(nlp_model, resources):
    """ "beantwoording" is listed as officialese; with its object the verb is the advice."""
    text = "Beantwoording schriftelijke vragen over parkeren vast te stellen."
    nlp = nlp_model[0]
    assert _texts(nlp, resources, text, "nominalisation") == ["Beantwoording"]
    assert _texts(nlp, resources, text, "officialese") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a compound ending in an exception (houding) that names its own verb (geheimhouden)
        ("Het college besluit tot geheimhouding van het advies.", ["geheimhouding"]),
        ("Zijn houding van afwachten helpt niet.", []),
        # an event noun the noun list calls concrete (ondertekening) is an action
        ("De wethouder gaat over de ondertekening van het contract.", ["ondertekening"]),
        ("De tekening van het huis hangt in de hal.", []),
    ],
)
def test_action_nouns_behind_an_exception_or_a_concrete_label(nlp_model, resources, text, expected):
    assert _texts(nlp_model[0], resources, text, "nominalisation") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of action nouns sharing one "van" complement, commas and a last "en"
        (
            "Het contract regelt het gebruik, het beheer en onderhoud van de speeltuin.",
            ["gebruik", "beheer", "onderhoud"],
        ),
        ("Het gebruik, de kosten en de regels van de speeltuin staan in het contract.", []),
    ],
)
def test_listed_action_nouns_share_a_van_complement(nlp_model, resources, text, expected):
    assert _texts(nlp_model[0], resources, text, "nominalisation") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het college stemt in met het aangaan van een huurcontract.", ["aangaan"]),  # -aan
        ("Het op tijd betalen van de huur is belangrijk.", ["betalen"]),  # PP in between
        ("Afspraken gaan over het aangaan.", []),  # no complement
    ],
)
def test_more_nominal_infinitives(nlp_model, resources, text, expected):
    assert _texts(nlp_model[0], resources, text, "nominalisation") == expected


def test_third_person_of_monosyllabic_long_vowel_verbs():
    assert third_person_forms("aangaan") == {"aangaat"}
    assert third_person_forms("toezien") == {"toeziet"}
    assert "verbetert" in third_person_forms("verbeteren")


# --- abbreviations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De B&W-nota gaat naar de raad.", ["B&W-nota"]),  # an ampersand acronym in a compound
        ("Het loket is dicht op 3 okt. en op wo. na de markt.", ["okt.", "wo."]),
        ("Zie art 4 en nr 12 van de regeling.", ["art", "nr"]),  # listed, dot left out
        ("Hij heet Jan. Het artikel gaat over nr en art zonder getal.", []),
        ("De raadsleden van VVD, CDA en PvdA stemden voor.", []),  # party names
        ("De Uitvoeringsstrategie (hierna: U&S-strategie) is klaar. De U&S-strategie telt.", []),
    ],
)
def test_round7_abbreviations(fallback, resources, text, expected):
    assert _texts(fallback, resources, text, "abbreviation") == expected


# --- officialese and hard words ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het besluit is genomen ex artikel 12 van de wet.", ["ex"]),  # -> volgens
        ("De ex-partner van de huurder en zijn ex wonen hier.", []),
        ("De wethouder doet de raad een toezegging.", ["toezegging"]),
        # capitalised words after a capitalised word or a number: a name, also where the
        # parser starts a new sentence inside it
        ("Het advies van de Raad Sociaal Domein Leiden komt later.", []),
        ("Het werkplan 2025 Integraal Beleid Jeugd vast te stellen.", []),
    ],
)
def test_round7_officialese(nlp_model, resources, text, expected):
    assert _texts(nlp_model[0], resources, text, "officialese") == expected


def test_council_jargon_verbs_are_hard_words(nlp_model, resources):
    """mandateren, herijken and verduurzamen are jargon to explain (hard words), also as a
    verb, not officialese with a drop-in."""
    nlp = nlp_model[0]
    text = "We gaan het beleid herijken en de scholen verduurzamen."
    assert _texts(nlp, resources, text, "hard_word") == ["herijken", "verduurzamen"]
    text = "Het college gaat de wethouder mandateren."
    assert _texts(nlp, resources, text, "hard_word") == ["mandateren"]
    assert _texts(nlp, resources, text, "officialese") == []


def test_light_verb_with_a_misread_infinitive(nlp_model, resources):
    assert _texts(nlp_model[0], resources, "Wij nemen kennis van uw brief.", "nominalisation") == [
        "kennis"
    ]
    assert _texts(nlp_model[0], resources, "Wij hebben kennis van zaken.", "nominalisation") == []


def test_new_officialese_terms_get_no_word_proposal():
    """Round 7's new terms are not judged yet: the rewrite gate offers no drop-in for them."""
    from pipeline.readability.reliability import DropinGate

    gate = DropinGate.from_settings(ReadabilitySettings())
    assert not gate.passes("toezegging")
    assert not gate.passes("ex")
