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
