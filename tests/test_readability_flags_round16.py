"""Round 16 of the flag rules (issue #11, heldout11 as development data): own sentences.

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest

from pipeline.config import ReadabilitySettings
from pipeline.readability import analyse_doc


def _flags(nlp, resources, text: str, kind: str) -> list[tuple[str, str | None]]:
    analysis = analyse_doc(nlp(text), ReadabilitySettings(), resources)
    return [(f.text, getattr(f, "replacement", None)) for f in analysis.flags if f.kind == kind]


def _texts(nlp, resources, text: str, kind: str) -> list[str]:
    return [t for t, _ in _flags(nlp, resources, text, kind)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Het geautomatiseerd verwerken van facturen spaart tijd.", "verwerken"),
        ("Het doel is het objectief en uniform vaststellen van de waarde.", "vaststellen"),
        ("Efficiënt en uniform innemen van aanvragen is het doel.", "innemen"),
        ("Automatisch herkennen van gezichten in een video.", "herkennen"),
        ("Dit gaat verder dan het op orde houden van de administratie.", "houden"),
        ("Verbeteren van teksten in begrijpelijke taal.", "Verbeteren"),
    ],
)
def test_nominal_infinitives_after_modifiers(nlp_model, resources, text, word):
    """Adverbs, participles and mistagged adjectives between "het" (or the start of an item)
    and the infinitive; a capitalised infinitive that opens an item is no name."""
    assert word in _texts(nlp_model[0], resources, text, "nominalisation")


def test_a_stem_noun_read_as_a_verb_after_an_article(nlp_model, resources):
    assert "inzet" in _texts(
        nlp_model[0], resources, "De inzet van het model helpt de medewerkers.", "nominalisation"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Het algoritme maskeert deze voordat iemand het document leest.",
        "Deze maken foto's van geparkeerde auto's.",
        "Een aanvraag mag niet worden geweigerd als deze onvolledig is.",
        "Na de bekendmaking kun je deze vergelijken met de uitslag.",
        "De tussenliggende periode gebruiken we om deze met elkaar te bepalen.",
    ],
)
def test_deze_as_a_pronoun(nlp_model, resources, text):
    assert [t.lower() for t in _texts(nlp_model[0], resources, text, "officialese")] == ["deze"]


@pytest.mark.parametrize(
    "text",
    [
        "Met deze pas kunt u stemmen.",
        "Deze specifiek opgeleide collega's helpen je verder.",
        "Daardoor kan deze aanvraag snel worden afgehandeld.",
        "Om die reden sturen wij deze informatiebrief.",
        "In deze Mijn Omgeving ziet u uw aanvragen.",
        "De gemeenteraad kan deze ontwikkelingen volgen.",
    ],
)
def test_deze_before_a_noun_is_no_pronoun(nlp_model, resources, text):
    assert "deze" not in [t.lower() for t in _texts(nlp_model[0], resources, text, "officialese")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het algoritme wordt ingezet in een app.", ("ingezet", "gebruikt")),
        ("We moeten de middelen goed inzetten.", ("inzetten", "gebruiken")),
    ],
)
def test_inzetten_as_gebruiken(nlp_model, resources, text, expected):
    assert expected in _flags(nlp_model[0], resources, text, "officialese")


@pytest.mark.parametrize(
    "text",
    [
        "De leden zetten zich in voor goede werkomstandigheden.",
        "Zij kan zich inzetten als vrijwilliger.",
        "In 2015 is een vergelijkbare koers ingezet.",
        "Daarnaast is blijvende inzet nodig.",
        "De inzet van de gemeente is groot.",
    ],
)
def test_inzetten_not_reflexive_course_or_noun(nlp_model, resources, text):
    found = _texts(nlp_model[0], resources, text, "officialese")
    assert not [t for t in found if t.lower().startswith(("inzet", "ingezet", "zet"))]


@pytest.mark.parametrize(
    ("text", "span", "replacement"),
    [
        (
            "Het is een lijst met de van toepassing zijnde regels.",
            "van toepassing zijnde",
            "geldende",
        ),
        ("Deze regel is in dit geval niet van toepassing.", None, None),
        ("Wij willen een transparante gemeente zijn.", "transparante", None),
        ("Het woord wordt als te lastig beschouwd.", "beschouwd", "gezien"),
        ("U kunt bellen in het geval de aanvraag niet klopt.", "in het geval", "als"),
        ("In dit kader zijn afspraken gemaakt.", "In dit kader", None),
    ],
)
def test_officialese_round16_terms(nlp_model, resources, text, span, replacement):
    """The contiguous term wins over a verb phrase spread from an earlier verb ("is ... van
    toepassing" in "is een lijst met de van toepassing zijnde"); an attributive adjective the
    tagger reads as a noun is keyed as the adjective; new terms."""
    flags = _flags(nlp_model[0], resources, text, "officialese")
    if span is None:  # the verb phrase itself, spread over the sentence
        assert [t for t, _ in flags if "van toepassing" in t]
        return
    assert span in [t for t, _ in flags]
    if replacement is not None:
        assert (span, replacement) in flags


def test_geval_without_a_subclause_is_kept(nlp_model, resources):
    """ "in het geval van brand" gets 'bij' (the longer term), not 'als'."""
    flags = _flags(nlp_model[0], resources, "In het geval van brand belt u 112.", "officialese")
    assert ("In het geval van", "Bij") in flags  # capitalised where the sentence starts


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("De inzet van software helpt medewerkers bij hun werk.", True),
        ("Door inzet van het budget wordt een bredere aanpak mogelijk.", True),
        ("Als de gemeente het geld niet goed inzet van jaar tot jaar, gaat het mis.", False),
    ],
)
def test_stem_noun_tagged_as_a_verb_before_van(nlp_model, resources, text, flagged):
    """A listed stem noun the tagger reads as a verb (lemma "inzetten") is a noun before
    *van*, unless it has a subject."""
    assert ("inzet" in _texts(nlp_model[0], resources, text, "nominalisation")) is flagged


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Door het ontbreken van goede cijfers stoppen we.", "ontbreken"),
        ("De toename van het verkeer is groot.", "toename"),
    ],
)
def test_ontbreken_and_toename(nlp_model, resources, text, word):
    """ "het ontbreken van" is a nominal infinitive (no longer an exception); "toename" is a
    stem noun like "afname"."""
    assert word in _texts(nlp_model[0], resources, text, "nominalisation")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Zij maakt deze onleesbaar.", True),
        ("Pas de teksten aan zodat deze duidelijker en korter wordt voor de lezers.", True),
        ("Wij sturen deze student naar huis.", False),
    ],
)
def test_deze_before_an_adjective_read_as_a_noun(nlp_model, resources, text, flagged):
    """An adjective the tagger reads as a noun ("onleesbaar", "duidelijker") does not make
    "deze" a determiner; a noun of that shape ("student") does."""
    found = [t.lower() for t in _texts(nlp_model[0], resources, text, "officialese")]
    assert ("deze" in found) is flagged


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("We zetten in op betere voorlichting.", "zetten in op"),
        ("Voor zover van toepassing op het plangebied gelden deze regels.", "van toepassing"),
    ],
)
def test_phrases_with_a_loose_particle_or_no_verb(nlp_model, resources, text, span):
    """ "zetten in op" where the parser takes "in" for a preposition; "van toepassing"
    without "zijn"."""
    assert span in _texts(nlp_model[0], resources, text, "officialese")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Deze clusters liggen bij de snelweg.", "clusters"),
        ("Wij onderkennen dit probleem.", "onderkennen"),
        ("De aanpalende woonwijk heeft geen relatie met het plan.", "aanpalende"),
        ("Deze taken worden lokaal belegd.", "belegd"),
        ("Zij beleggen hun geld in aandelen.", None),
    ],
)
def test_round17_terms(nlp_model, resources, text, span):
    """Terms of round 17 (heldout12 as development data); "beleggen" only for a task."""
    found = _texts(nlp_model[0], resources, text, "officialese")
    assert (span in found) if span else not found


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Er is geen aanleiding om het plan te wijzigen.", "aanleiding"),
        ("De aanleiding van dit project is een vraag van bewoners.", None),
        ("Wij geven u de gelegenheid om te reageren.", "gelegenheid"),
        ("Dit regelen we op lokaal niveau.", "op lokaal niveau"),
        ("Er zijn redelijke alternatieven voorhanden.", "voorhanden"),
    ],
)
def test_round17_terms_more(nlp_model, resources, text, span):
    """More round-17 terms; "de aanleiding van dit plan" (a heading's word) is left."""
    found = _texts(nlp_model[0], resources, text, "officialese")
    assert (span in found) if span else "aanleiding" not in [t.lower() for t in found]


def test_strekking_is_officialese_not_a_nominalisation(nlp_model, resources):
    text = "Het doel en de strekking van de wet zijn duidelijk."
    assert "strekking" in _texts(nlp_model[0], resources, text, "officialese")
    assert "strekking" not in _texts(nlp_model[0], resources, text, "nominalisation")


def test_a_phrase_span_takes_the_particle_its_verb_left(nlp_model, resources):
    """ "samen optrekken" written "trekken samen op": the span ends at the particle."""
    text = "Wij trekken samen op met de provincie."
    assert "trekken samen op" in _texts(nlp_model[0], resources, text, "officialese")
