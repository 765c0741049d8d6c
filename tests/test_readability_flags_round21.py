"""Round 21 of the flag rules (issue #11, heldout16 as development data): own sentences.

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest

from pipeline.config import ReadabilitySettings
from pipeline.readability import analyse_doc


def _texts(nlp, resources, text: str, kind: str) -> list[str]:
    analysis = analyse_doc(nlp(text), ReadabilitySettings(), resources)
    return [f.text for f in analysis.flags if f.kind == kind]


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
def test_new_officialese(nlp_model, resources, text, span):
    assert span in _texts(nlp_model[0], resources, text, "officialese")


def test_budget_and_hr_terms_are_hard_words(nlp_model, resources):
    text = "De toerekening van de overhead en de kosten van werving en selectie stijgen."
    assert _texts(nlp_model[0], resources, text, "nominalisation") == []
    hard = " ".join(_texts(nlp_model[0], resources, text, "hard_word"))
    assert "toerekening" in hard and "werving en selectie" in hard


@pytest.mark.parametrize(
    "text",
    [
        "De taken zijn al langere tijd verliesgevend.",
        "Via de regio worden gelden verdeeld, en zijn mogelijk ontwikkelingen aan de orde.",
    ],
)
def test_no_passive_on_present_participles_or_ing_plurals(nlp_model, resources, text):
    """A compound on a present participle ("verliesgevend": geven) and a plural noun in
    -ingen the tagger calls a participle are no participles of a passive."""
    assert not any(
        "verliesgevend" in t or "ontwikkelingen" in t
        for t in _texts(nlp_model[0], resources, text, "passive")
    )
