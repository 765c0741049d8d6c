"""Verb forms of ``pipeline/readability/morphology.py`` that the flags rely on (own examples)."""

from __future__ import annotations

import pytest

from pipeline.readability.morphology import (
    infinitives_of_form,
    inflect_like,
    lexeme,
    verb_guesses,
)


@pytest.mark.parametrize(
    ("verb", "participle"),
    [
        ("evalueren", "geëvalueerd"),  # the verb table writes "geevalueerd"
        ("informeren", "geïnformeerd"),
        ("implementeren", "geïmplementeerd"),
        ("initiëren", "geïnitieerd"),  # -iëren: stem initieer
        ("eindigen", "geëindigd"),
        ("ijken", "geijkt"),  # no diaeresis before ij
        ("erkennen", "erkend"),  # inseparable prefix: no ge-
        ("opleveren", "opgeleverd"),  # separable: op + leveren
        ("bijwerken", "bijgewerkt"),  # the verb table's archaic "gewrocht" modernised
    ],
)
def test_participles_are_spelled_with_a_diaeresis_where_dutch_needs_one(verb, participle):
    assert lexeme(verb).part == participle


def test_a_verb_starting_like_a_particle_is_not_split_when_the_rest_is_no_verb():
    # "in" + "formeren" / "in" + "itiëren": not separable, so no "ingeformeerd"
    assert lexeme("informeren").sg3 == "informeert"
    assert lexeme("initiëren").sg3 == "initieert"


def test_guesses_and_table_forms_reach_the_infinitive():
    assert "implementeren" in verb_guesses("geïmplementeerd")
    assert "initiëren" in verb_guesses("geïnitieerd")
    assert infinitives_of_form("gestelde") == ("stellen",)  # attributive participle
    assert infinitives_of_form("aangeschreven") == ("aanschrijven",)  # separable participle


def test_alternatives_inflect_like_diaeresis_participles():
    assert inflect_like("geïmplementeerd", "implementeren", "invoeren") == "ingevoerd"
    assert inflect_like("geëvalueerd", "evalueren", "beoordelen") == "beoordeeld"
    assert inflect_like("initieert", "initiëren", "starten") == "start"


def test_plural_keeps_an_unvoiced_stem_where_that_is_the_word():
    from pipeline.readability.morphology import plural_of

    assert [plural_of(w) for w in ("eis", "huis", "brief", "prijs")] == [
        "eisen", "huizen", "brieven", "prijzen",
    ]  # fmt: skip


def test_plural_takes_the_attested_s_form_when_the_rule_gives_no_word():
    from pipeline.readability.morphology import plural_of

    assert [plural_of(w) for w in ("datum", "centrum", "plek", "taak")] == [
        "datums", "centrums", "plekken", "taken",
    ]  # fmt: skip
