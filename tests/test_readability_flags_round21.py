"""Round 21 of the flag rules (issue #11, heldout16 as development data): own sentences.

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest


def _texts(flags_on, text: str, kind: str) -> list[str]:
    return [f.text for f in flags_on(text, kind)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Het project wordt door de gemeenten gefinancierd.", "gefinancierd"),
        ("Er is onvoldoende geld voor de nieuwe taken.", "onvoldoende"),
        ("De complexiteit van de zorg neemt toe.", "complexiteit"),
        ("Dit heeft tot gevolg dat de kosten stijgen.", "heeft tot gevolg"),
        ("We bouwen de dienst stapsgewijs op.", "stapsgewijs"),
        ("Op middellange termijn verwachten we meer vragen.", "Op middellange termijn"),
    ],
)
def test_new_officialese(flags_on, text, span):
    assert span in _texts(flags_on, text, "officialese")


def test_budget_and_hr_terms_are_hard_words(flags_on):
    text = "De toerekening van de overhead en de kosten van werving en selectie stijgen."
    assert _texts(flags_on, text, "nominalisation") == []
    hard = " ".join(_texts(flags_on, text, "hard_word"))
    assert "toerekening" in hard and "werving en selectie" in hard


@pytest.mark.parametrize(
    "text",
    [
        "De taken zijn al langere tijd verliesgevend.",
        "Via de regio worden gelden verdeeld, en zijn mogelijk ontwikkelingen aan de orde.",
    ],
)
def test_no_passive_on_present_participles_or_ing_plurals(flags_on, text):
    """A compound on a present participle ("verliesgevend": geven) and a plural noun in
    -ingen the tagger calls a participle are no participles of a passive."""
    assert not any(
        "verliesgevend" in t or "ontwikkelingen" in t for t in _texts(flags_on, text, "passive")
    )
