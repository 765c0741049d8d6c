"""Tests for pipeline.sentiment.incivility_aim: a match makes a text uncivil only when it is
aimed at people. The sentences are the project's own, written for these rules (the real
texts that motivated them are judged in tests/fixtures/real/incivility_flags_judged.csv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import SentimentSettings
from pipeline.sentiment import score_texts
from pipeline.sentiment.incivility import UncivilPatterns
from pipeline.sentiment.incivility_aim import (
    UNCIVIL_CONTEXT_PATH,
    UncivilContext,
    UncivilContextError,
)
from pipeline.sentiment.lexicon import default_scorer

LEXICON = SentimentSettings(method="lexicon")


@pytest.mark.parametrize(
    "text",
    [
        # an insult word in a title or name (capitalised inside a sentence)
        "Het nieuwe boek van deze schrijver, Dagboek van een Hufter, is erg grappig.",
        # words that describe conduct or a role, not name-calling
        "De vorst, die zijn land als dictator regeerde, verbande de familie.",
        "Halverwege het boek sterft een randfiguur bij een ongeluk.",
        # about fictional characters or things: no addressee, no person before the copula
        "Aan het eind van het verhaal: de twee zijn gewoon losers.",
        "Een zwak verhaal, vergezocht en asociaal.",
        "Het begon met de grootste klootzak die er rondloopt en eindigde met een held.",
        "In het boek wordt Tom, die een echte klootzak was, langzaam een held.",
        # a list word as the first part of a compound
        "Op de omslag brengt een jongetje de Hitler-groet.",
        # literal insects, even with a generic "je" nearby
        "Je voelt de kakkerlakken bijna over je arm kriebelen.",
        # a typo of "hoger"
        "Bij daken hoer dan drie meter is een zadeldak verplicht.",
        # reports about animals or plots: no person in the clause of the "threat"
        "Bij het slopen van de schuur kunnen vleermuizen worden verwond of gedood.",
        "Voor dat stukje ham op je brood, daar moet een varken voor sterven.",
        # "de dood" and "de doden" are nouns
        "Marcus moet na de dood van zijn vader het kasteel verkopen.",
        "Ik ben benieuwd naar zijn volgende boek De doden keren terug.",
        # context.v2: a reported or quoted word, a name, a harmless verb, an ethnonym
        "Een enkeling in het publiek roept nog 'teringlijers', maar niemand reageert.",
        'Het schilderij "Een neger met een hoed" hangt in Antwerpen.',
        "Hij schreef elke week aan zijn nichtje Mietje in Gent.",
        "Door te kankeren over vroeger kom je niet verder.",
        "De vervolgde joden, zigeuners en communisten kregen een monument.",
        # context.v5: a person named before a clause opener is not the copula's subject
        "waarom zou de wethouder niet op die plek gaan zitten ik denk dat het slim is wel "
        "asociaal maar goed",
        # reported or suggested speech without quotation marks
        "misschien moeten de buren ook gaan roepen wethouder krijg de tering",
        "hij noemde haar een trut en werd geschorst",
        # a statement of what one may do, no one threatened
        "dus op de markt mag je ook stelen je mag mensen neerschieten een geweer koop je zo",
        "Kun je zomaar iemand neersteken in dit land?",
    ],
)
def test_incivility_aim_unaimed_matches_do_not_flag(text: str) -> None:
    (result,) = score_texts([text], LEXICON)
    assert not result.uncivil, result.uncivil_terms


@pytest.mark.parametrize(
    "text",
    [
        "Jij bent echt een hufter.",
        "Wat een eikel is die wethouder.",
        "Stelletje sukkels daar op het stadhuis.",
        "De wethouder is een idioot en een leugenaar.",
        "Die parkeerwachters zijn echt hufters.",
        "Idioot!",
        "Klootzakken die hier met honderd door de straat scheuren.",
        "Welke mongool heeft deze rotonde ontworpen?",
        "Jullie kakkerlakken moeten oprotten.",
        "Moslims zijn kakkerlakken.",
        "De hoeren zijn weer bezig.",
        "Ik ga je in elkaar slaan.",
        "Jullie moeten allemaal worden afgeschoten.",
        "Alle asielzoekers moeten vergast worden.",
        "Die vrouwen moeten allemaal dood.",
        "Vuile zigeuners, ga weg uit onze straat.",
        "Kanker op met je plannen!",
        # context.v5: the checks above leave the writer's own words and named targets
        "Ik ben er klaar mee want de wethouder is een idioot.",
        "ik zeg krijg de tering",
        "zeg ik je sukkel",
        "je mag ze van mij neerschieten",
        "zulke mensen moet je neerschieten",
    ],
)
def test_incivility_aim_aimed_matches_flag(text: str) -> None:
    (result,) = score_texts([text], LEXICON)
    assert result.uncivil, text
    assert result.sentiment == "negatief"


@pytest.mark.parametrize(
    "text",
    [
        # context.v6: a curse prefix or an insulting adjective on a noun for a thing
        "Het is weer een hoeren maandag vandaag.",
        "Wat een kankerstad, overal files.",
        "Sluit dat achterlijke kutkantoor maar.",
        # a slur talked about, not used; the historical name of the enslaved
        "Het woord neger hoort niet in een kinderboek.",
        "Neger is geen gewoon woord meer.",
        "Volgens hem moet je gewoon neger kunnen zeggen.",
        "Hij werd op school voor sukkel uitgemaakt.",
        "Dit is wat de neger slaven droegen op de plantage.",
        # accusations of conduct alone
        "De wethouder is een leugenaar.",
        "Jullie zijn hypocrieten.",
        "Mensen zijn in het algemeen best asociaal.",
        # a slur that is also a verb form
        "Ik flikker die oude fiets gewoon in de container.",
        # violence described, not called for
        "Het was een leger van soldaten die betogers martelen en doodschieten.",
        "Heb je enig idee hoeveel mannen elkaar per jaar doodschieten?",
        "Ik snap de woede, maar dat ze winkels plunderen en in de fik steken is triest.",
        # a call against a thing, an idiom, a prediction, humankind
        "Wat mij betreft mogen alle toeslagen dood.",
        "Wij trappen deze maand af met een feest.",
        "We kunnen ook mensen doodmaken en kijken of je dat normaal vindt.",
        "De club krijgt een mes in de rug van de bond.",
        "Hij wist dat hij jong zou sterven.",
        "Maar mensen zijn dieren, gedreven door emoties.",
        # an opinion put in someone else's mouth; a label in reporting
        "Je mening dat alle wijven zeuren deel ik niet.",
        "De toestroom van gelukszoekers is een politieke term geworden.",
        # the idiom "de lul zijn" (to be the one who pays)
        "Als de bus niet komt ben je weer de lul.",
    ],
)
def test_incivility_aim_v6_unaimed_matches_do_not_flag(text: str) -> None:
    (result,) = score_texts([text], LEXICON)
    assert not result.uncivil, result.uncivil_terms


@pytest.mark.parametrize(
    "text",
    [
        # context.v6: an @-mention is the addressee, not a word of the sentence
        "@USER Idioot!",
        # "het" with a plural copula is a group of people
        "Het zijn gewoon klootzakken.",
        # an accusation of conduct with an insulting adjective or "stelletje"
        "Jullie zijn smerige leugenaars.",
        "Stelletje hypocrieten daar in Den Haag.",
        # a curse prefix on a person, a body part; an adjective as a vocative metaphor
        "Mijn hoeren buurman zit weer te zeuren.",
        "Hou je kankerbek.",
        "Achterlijke zaadcel, ga weg.",
        "Wat zoek je hier nog, achterlijke kuttenkop.",
        # calls for violence, a verb of violence said to be the answer
        "Ik ga die gast doodschieten.",
        "Opknopen, die landverraders!",
        "Jullie uitroeien zou het beste zijn.",
        # a verb of saying in a relative clause; a label aimed at a listener
        "Die debielen die zich rechter mogen noemen.",
        "Vuile gelukszoekers, ga terug.",
        "Die mensen zijn dieren.",
        # a noun of the profanity list that names a person, aimed at one
        "Die burgemeester is echt een lul.",
    ],
)
def test_incivility_aim_v6_aimed_matches_flag(text: str) -> None:
    (result,) = score_texts([text], LEXICON)
    assert result.uncivil, text


def test_incivility_aim_keeps_every_match_for_the_model() -> None:
    """The model's count of list words is unchanged; only the flag asks for a target."""
    analysis = default_scorer().analyse("Het boek heet Dagboek van een Hufter.")
    assert analysis.uncivil == (("hufter", "insult"),)
    assert analysis.uncivil_aimed == ()
    assert analysis.uncivil_matches_in(("insult",)) == (("hufter", "insult"),)
    assert analysis.uncivil_matches_in(("insult",), aimed=True) == ()


def test_incivility_aim_threat_frame_needs_a_person() -> None:
    context = UncivilContext.load(group_nouns=UncivilPatterns.group_nouns())
    flat = "Bij sloop kunnen dieren worden gedood, zegt de ecoloog."
    assert not context.framed(flat, 10, 36, "threat")
    flat = "Zulke mensen moeten worden gedood."
    assert context.framed(flat, 13, 33, "threat")
    # a pattern ending in a verb after a generic object under "je mag" (context.v5)
    flat = "je mag mensen doodschieten"
    assert not context.framed(flat, 0, len(flat), "threat")
    flat = "je mag ze doodschieten"
    assert context.framed(flat, 0, len(flat), "threat")
    assert context.framed("geen persoon hier", 0, 5, "dehumanisation")
    # context.v6: a call against a thing; "dood aan" has its object after the match
    flat = "mogen alle toeslagen dood"
    assert not context.framed(flat, 0, len(flat), "threat")
    flat = "mogen alle wethouders dood"
    assert context.framed(flat, 0, len(flat), "threat")
    assert context.framed("Dood aan alle wethouders.", 0, 8, "threat")
    assert context.framed("ze verdienen in Syrië te sterven", 3, 32, "threat")


def test_incivility_aim_context_file_errors(tmp_path: Path) -> None:
    with pytest.raises(UncivilContextError, match=r"missing\.toml: cannot read"):
        UncivilContext.load(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[insult]\naddress = 'jij'\n", encoding="utf-8")
    with pytest.raises(UncivilContextError, match=r"bad\.toml: 'address' must be a list"):
        UncivilContext.load(bad)
    bad.write_text("[insult\n", encoding="utf-8")
    with pytest.raises(UncivilContextError, match=r"bad\.toml: not valid TOML"):
        UncivilContext.load(bad)


def test_incivility_aim_shipped_context_loads() -> None:
    context = UncivilContext.load(UNCIVIL_CONTEXT_PATH, UncivilPatterns.group_nouns())
    assert context.version
    assert "moslims" in context.persons  # group nouns of the patterns are persons too
    assert "dictator" in context.descriptive
    assert context.insult_categories == {"insult"}
    assert context.version == "context.v6"
    assert "leugenaar" in context.conduct
    assert context.nouns is not None and context.nouns.thing("maandag")
    # a curse prefix on a thing; an insult noun as first part still names people
    assert context.thing_compound("kankerstad", "kanker")
    assert context.thing_compound("kanker-stad", "kanker")
    assert not context.thing_compound("kankerlijer", "kanker")
    assert not context.thing_compound("kankerma", "kanker")


def test_incivility_aim_older_context_has_no_v6_checks(tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    old.write_text('version = "context.v5"\n[insult]\ncategories = ["insult"]\n', "utf-8")
    context = UncivilContext.load(old)
    assert context.nouns is None
    assert not context.thing_compound("kankerstad", "kanker")
    bad = tmp_path / "bad.toml"
    bad.write_text("things = 3\n", encoding="utf-8")
    with pytest.raises(UncivilContextError, match=r"must be tables"):
        UncivilContext.load(bad)
