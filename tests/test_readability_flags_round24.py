"""Round 24 of the flag rules (issue #11, heldout19 as development data): own sentences.

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest


def _texts(flags_on, text: str, kind: str) -> list[str]:
    return [f.text for f in flags_on(text, kind)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a participle of the verb table tagged as a noun, after the subject
        ("In juni is het project afgerond en start de bouw.", "afgerond"),
        ("Dat betekent dat ze mogen worden afgetrokken van het totaal.", "afgetrokken"),
    ],
)
def test_passives_found(flags_on, text, span):
    assert any(span in t for t in _texts(flags_on, text, "passive"))


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause with a pronominal adverb ends the search
        "De waarde is onderdeel van het systeem waarmee men de huur berekent.",
        "De verbinding met de server is beveiligd.",  # a state
        "Het plan is niet in overeenstemming met de regels van geluid.",  # geluid: a noun
        "De hulp is nodig vanwege toegenomen administratieve lasten.",  # attributive
        "De plek is onderdeel van de zorg voor beschermd wonen.",  # after a preposition
    ],
)
def test_no_passive(flags_on, text):
    assert _texts(flags_on, text, "passive") == []


def test_a_report_is_no_nominalisation(flags_on):
    text = "U kunt een melding maken van de schade."
    assert _texts(flags_on, text, "nominalisation") == []


def test_impact_suggests_effect_first(flags_on):
    flags = flags_on("Dit heeft impact op inwoners.", "officialese")
    assert flags and "‘effect’" in flags[0].suggestion
