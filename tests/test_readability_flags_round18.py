"""Round 18 of the flag rules (issue #11, heldout13 as development data): own sentences.

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest


def _texts(flags_on, text: str, kind: str) -> list[str]:
    return [f.text for f in flags_on(text, kind)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Voorgesteld wordt om de regeling te verlengen.", "Voorgesteld wordt"),
        ("Verwacht wordt dat de werkzaamheden in mei klaar zijn.", "Verwacht wordt"),
        (
            "Na vijf jaar zijn de pompen versleten, waarna ze vervangen dienen te worden.",
            "vervangen dienen te worden",
        ),
        (
            "De bakken die dan worden weggehaald worden in een andere straat neergezet.",
            "worden in een andere straat neergezet",
        ),
    ],
)
def test_passives_the_parse_misses(flags_on, text, span):
    """A fronted participle, a participle before a modal cluster, and a second "worden" the
    parse hangs on the first one's participle."""
    assert span in _texts(flags_on, text, "passive")


@pytest.mark.parametrize(
    "text",
    [
        "De proef is goed verlopen en we gaan door.",
        "Het apparaat is gepatenteerd en daardoor duur.",
        "Het project wordt groter dan gedacht.",
        "Het kost veel tijd om het goed te doen.",
    ],
)
def test_no_passive(flags_on, text):
    """An unaccusative participle equal to its infinitive (whatever lemma the lemmatiser
    gives), a participle read as a state, and sentences without a participle."""
    assert _texts(flags_on, text, "passive") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Het gaat om het daadwerkelijk doden van de dieren.", "doden"),
        ("Dit helpt bij het concreet invullen van de plannen.", "invullen"),
    ],
)
def test_nominal_infinitives_with_mistagged_words(flags_on, text, word):
    """An infinitive tagged as an adjective after "het" and a modifier; an adjective tagged
    as a noun (no noun of LiNT-II's list) between "het" and the infinitive."""
    assert word in _texts(flags_on, text, "nominalisation")


@pytest.mark.parametrize(
    "text",
    [
        "De doden van de ramp worden herdacht.",
        "De kosten van de opvang zijn hoger dan verwacht.",
        "De steun komt in de vorm van een bijdrage.",
        "De daling van het aantal klachten is goed nieuws.",
    ],
)
def test_no_nominalisation(flags_on, text):
    assert _texts(flags_on, text, "nominalisation") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("We betalen de kosten incl de btw.", "incl"),
        ("Dat is bijv een goede plek.", "bijv"),
        ("We bellen u ivm de afspraak.", "ivm"),
        ("Tav de bewoners van de straat.", "Tav"),
    ],
)
def test_abbreviations_written_without_dots(flags_on, text, word):
    assert word in _texts(flags_on, text, "abbreviation")


@pytest.mark.parametrize(
    "text",
    [
        "Tel de kosten bij elkaar op.",
        "Hij ligt op de ic van het ziekenhuis.",
        "Kom om acht uur.",
    ],
)
def test_words_that_look_like_undotted_abbreviations(flags_on, text):
    """Undotted forms that are words of the subtitles ("tel", "om") or have two letters."""
    assert _texts(flags_on, text, "abbreviation") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("De cijfers doen vermoeden dat het beter gaat.", "doen vermoeden"),
        ("Het probleem is dermate groot dat we moeten ingrijpen.", "dermate"),
        ("De bouw is vermoedelijk in mei klaar.", "vermoedelijk"),
        ("Wij stellen alles in het werk om u te helpen.", "stellen alles in het werk"),
        ("Dit geld komt ten goede aan de wijk.", "komt ten goede aan"),
    ],
)
def test_new_officialese(flags_on, text, span):
    assert span in _texts(flags_on, text, "officialese")


def test_pilot_is_a_hard_word_not_officialese(flags_on):
    text = "We starten een pilot in twee wijken."
    assert _texts(flags_on, text, "officialese") == []
    assert "pilot" in _texts(flags_on, text, "hard_word")
