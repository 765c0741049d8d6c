"""Round 20 of the flag rules (issue #11, heldout15 as development data): own sentences.

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest


def _texts(flags_on, text: str, kind: str) -> list[str]:
    return [f.text for f in flags_on(text, kind)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("De schuur behorend bij de woning wordt gesloopt.", "behorend bij"),
        ("Er is ruimschoots plek voor de fietsen.", "ruimschoots"),
        ("Het verkeer neemt in geringe mate toe.", "in geringe mate"),
        ("Wij streven naar minder afval in de wijk.", "streven naar"),
        ("Het plan is in lijn met het beleid van de gemeente.", "in lijn met"),
        ("De regeling heeft tot doel de wijk veiliger te maken.", "heeft tot doel"),
    ],
)
def test_new_officialese(flags_on, text, span):
    assert span in _texts(flags_on, text, "officialese")


def test_toetsing_is_a_nominalisation_not_officialese(flags_on):
    """Marked a nominalisation in 5 of 6 development uses, never officialese."""
    text = "Uit de toetsing aan de regels blijkt dat het plan past."
    assert "toetsing" in _texts(flags_on, text, "nominalisation")
    assert "toetsing" not in _texts(flags_on, text, "officialese")


def test_bescherming_and_het_streven_are_no_nominalisations(flags_on):
    text = "Het beleid gaat over de bescherming van soorten en het streven van de gemeente."
    assert _texts(flags_on, text, "nominalisation") == []


def test_a_conditional_obligation_is_a_hard_word(flags_on):
    text = "Een voorwaardelijke verplichting regelt dat er eerst bomen worden geplant."
    assert _texts(flags_on, text, "officialese") == []
    assert any("voorwaardelijke" in t for t in _texts(flags_on, text, "hard_word"))
