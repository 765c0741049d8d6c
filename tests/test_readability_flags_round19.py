"""Round 19 of the flag rules (issue #11, heldout14 as development data): own sentences.

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest


def _texts(flags_on, text: str, kind: str) -> list[str]:
    return [f.text for f in flags_on(text, kind)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "In de afgelopen maanden zijn nieuwe afspraken gemaakt met de scholen.",
            "zijn nieuwe afspraken gemaakt",
        ),
        ("In dit hoofdstuk is een aantal regels nader toegelicht.", "toegelicht"),
        ("Deze regeling wordt aangehaald als: regeling jeugdhulp.", "wordt aangehaald"),
    ],
)
def test_passives_with_mistagged_words(flags_on, text, span):
    """ "zijn" tagged as a determiner but parsed as the auxiliary; a participle the tagger
    calls a noun or a name, without a determiner before it."""
    assert any(span in found for found in _texts(flags_on, text, "passive"))


@pytest.mark.parametrize(
    "text",
    [
        "Hoe groot is het betreffende gebied?",
        "Zijn huis staat aan de rand van het dorp.",
        "Controleer of u bent ingelogd.",
    ],
)
def test_no_passive(flags_on, text):
    """A participle-shaped noun after a determiner and an adjective, the possessive "zijn",
    and "ingelogd" (a state)."""
    assert _texts(flags_on, text, "passive") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Dit vergt veel tijd van de medewerkers.", "vergt"),
        ("We bundelen de krachten van de partners.", "bundelen"),
        ("Na afloop van de bijeenkomst drinken we koffie.", "Na afloop van"),
        ("De subsidie wordt per definitie één keer gegeven.", "per definitie"),
        ("We kijken naar de mate van overlast.", "de mate van"),
        ("Het ligt voor de hand om te beginnen in de wijk.", "ligt voor de hand"),
    ],
)
def test_new_officialese(flags_on, text, span):
    assert span in _texts(flags_on, text, "officialese")


def test_deadline_is_no_officialese(flags_on):
    text = "De deadline voor de aanvraag is 1 mei."
    assert _texts(flags_on, text, "officialese") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Scholen in het po en vo doen mee.", "po"),
        ("Scholen in het po en vo doen mee.", "vo"),
        ("De ggz helpt mensen met psychische klachten.", "ggz"),
    ],
)
def test_lower_case_school_and_care_abbreviations(flags_on, text, word):
    assert word in _texts(flags_on, text, "abbreviation")


def test_namens_deze_is_a_formula_to_leave_out(flags_on):
    """User trial (session 33): "namens deze" got the drop-in "namens die"."""
    text = "Het college van burgemeester en wethouders, namens deze, de teamleider."
    [flag] = flags_on(text, "officialese")
    assert flag.text == "namens deze" and flag.replacement is None
    assert "Laat weg" in flag.suggestion


def test_a_phrase_as_written_is_shown_whole(flags_on):
    """User trial: "in aanmerking te komen voor" was shown as "‘in … voor’"."""
    text = "Teneinde in aanmerking te komen voor een vergunning vult u een formulier in."
    messages = [f.message for f in flags_on(text, "officialese")]
    assert "Ambtelijke taal: ‘in aanmerking te komen voor’." in messages


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Wij stellen de zaal ter beschikking aan de club.", "stellen … ter beschikking"),
        ("Wij stellen u ervan in kennis dat de weg dicht is.", "stellen … in kennis"),
        ("U dient het formulier voor 1 mei aan ons terug te sturen.", "dient … te"),
    ],
)
def test_a_spread_phrase_is_shown_with_its_own_words(flags_on, text, shown):
    """Session 37: a spread verb phrase was shown by its first and last word only
    ("stellen … beschikking"), and the officialese table listed "stellen beschikking"."""
    messages = [f.message for f in flags_on(text, "officialese")]
    assert f"Ambtelijke taal: ‘{shown}’." in messages


def test_indicatie_in_care_gets_no_drop_in(flags_on):
    """User trial: "medische indicatie" -> "aanwijzing" was offered as a drop-in."""
    text = "U heeft een medische indicatie nodig voor een tweede vergunning."
    [flag] = flags_on(text, "officialese")
    assert flag.text == "indicatie" and flag.replacement is None


@pytest.mark.parametrize(
    ("text", "span", "verb"),
    [
        ("Ter verificatie van uw identiteit vragen wij uw paspoort.", "Ter verificatie van", None),
        ("Dit geld is ter bevordering van de sport.", "ter bevordering van", "bevorderen"),
        ("Ter illustratie: de vraag groeit.", "Ter illustratie", "illustreren"),
    ],
)
def test_ter_with_a_noun_is_officialese(flags_on, text, span, verb):
    """User trial (session 33): "ter bevordering van" was missed next to a listed "ter
    voorkoming van"; every "ter" + noun of the development sides is marked (18 of 18)."""
    [flag] = flags_on(text, "officialese")
    assert flag.text == span and flag.replacement is None
    assert "om … te" in flag.suggestion
    assert verb is None or f"‘{verb}’" in flag.suggestion


@pytest.mark.parametrize(
    "text", ["Hij woont in Ter Apel.", "Het plan ligt ter inzage op het gemeentehuis."]
)
def test_ter_in_a_name_or_listed_phrase(flags_on, text):
    """A place name is left alone; a listed phrase keeps its own advice."""
    flags = flags_on(text, "officialese")
    assert all("om … te …" not in (f.suggestion or "") for f in flags)
    assert "Apel" not in " ".join(f.text for f in flags)


def test_a_repeated_acronym_points_back_to_the_first(flags_on):
    """User trial (session 33): the second "CAK" of a letter was again told to be written
    out "de eerste keer". Every unexplained use stays flagged (as the annotators mark it)."""
    text = "Het CAK stuurt u een rekening. Betaal het CAK binnen een maand."
    first, second = flags_on(text, "abbreviation")
    assert "de eerste keer voluit" in first.suggestion
    assert second.suggestion.startswith("Staat al eerder zonder uitleg")


def test_a_drop_in_does_not_repeat_the_words_after_it(flags_on):
    """User trial (session 33): "keukentafelgesprek bij u thuis" got "gesprek bij u thuis"
    in place, so "bij u thuis" twice."""
    text = "We voeren een keukentafelgesprek bij u thuis."
    [flag] = flags_on(text, "officialese")
    assert flag.replacement == "gesprek"
    text = "We plannen een keukentafelgesprek met u."
    [flag] = flags_on(text, "officialese")
    assert flag.replacement == "gesprek bij u thuis"


@pytest.mark.parametrize(
    "text",
    [
        "We geven de samenwerking samen vorm.",
        "Met een verwijzing van de huisarts kunt u naar de fysiotherapeut.",
        "De verdere decentralisatie van taken krijgt vorm.",
    ],
)
def test_no_nominalisation_in_these_nouns(flags_on, text):
    """ "vorm geven" (0 of 5 uses marked), a referral (a document: 0 of 4), and register
    nouns the annotators mark as hard words or officialese instead."""
    assert _texts(flags_on, text, "nominalisation") == []
