"""Round 23 of the flag rules (issue #11, heldout18 as development data): own sentences.

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest


def _texts(flags_on, text: str, kind: str) -> list[str]:
    return [f.text for f in flags_on(text, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "Daardoor worden brieven duidelijker en korter.",  # no participle after worden
        "Na de controle is er minder onverwacht werk.",  # a participle describing a noun
        "Deze gegevens zijn benodigd voor de berekening.",  # a state
    ],
)
def test_no_passive(flags_on, text):
    assert _texts(flags_on, text, "passive") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Zij vragen waarom dat artikel genoemd wordt in de brief.", "genoemd wordt"),
        ("Dat betekent dat ze mogen worden afgetrokken van het totaal.", "afgetrokken"),
        ("Het voorstel wordt aanvaard door de raad.", "wordt aanvaard"),
    ],
)
def test_passives_found(flags_on, text, span):
    assert any(span in t for t in _texts(flags_on, text, "passive"))


def test_nominal_infinitive_of_a_rare_verb(flags_on):
    text = "De tool helpt bij het prioriteren van meldingen."
    assert _texts(flags_on, text, "nominalisation") == ["prioriteren"]


@pytest.mark.parametrize(
    "text",
    [
        "Het weerstandsvermogen van de organisatie is voldoende.",
        "De camera leest het kenteken van de auto.",
    ],
)
def test_nouns_in_en_are_no_nominal_infinitives(flags_on, text):
    assert _texts(flags_on, text, "nominalisation") == []


@pytest.mark.parametrize(
    "text",
    [
        "We gebruiken een AI-tool in de IT-omgeving van de provincie.",
        "De Wet maatschappelijke ondersteuning (Wmo) regelt de hulp.",
        "Het aantal Gigawattuur (GWh) staat in de tabel.",
        "De huisartsen werken met de Praktijkondersteuners Jeugd (POH Jeugd).",
        "Het 'Digitaal Stelsel Omgevingswet' (DSO) is er nu.",
        "In het formulier staat uw eigen naam (NAAM) bovenaan.",
    ],
)
def test_no_abbreviation_flag(flags_on, text):
    assert _texts(flags_on, text, "abbreviation") == []


def test_an_acronym_in_brackets_after_unrelated_words_is_not_explained(flags_on):
    text = "Zijn er dakkapellen (WOZ) geplaatst?"
    assert _texts(flags_on, text, "abbreviation") == ["WOZ"]
