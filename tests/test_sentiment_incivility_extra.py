"""Tests for pipeline.sentiment.incivility_extra (context.v4-v6): name-calling beyond the word
list. The sentences are the project's own, written for these rules (the real tweets that
motivated them are judged in tests/fixtures/real/incivility_flags_judged.csv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import SentimentSettings
from pipeline.sentiment import score_texts
from pipeline.sentiment.incivility_aim import (
    UNCIVIL_CONTEXT_PATH,
    UncivilContext,
    UncivilContextError,
)
from pipeline.sentiment.lexicon import default_scorer

LEXICON = SentimentSettings(method="lexicon")


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        # compounds whose head is an insult noun, aimed like the head
        ("Wat een verkeersidioot, die man in de witte bus.", "verkeersidioot"),
        ("En dan weer die subsidieprutsers van het stadhuis.", "subsidieprutsers"),
        ("Jij aartsidioot!", "aartsidioot"),
        ("Alle ambtenaren zijn zulke enormeschoften.", "enormeschoften"),
        # diminutives of insult nouns and of such compounds
        ("Wat een sukkeltje is die wethouder.", "sukkeltje"),
        ("Jij klootzakje!", "klootzakje"),
        ("Die parkeerprutsertjes weer.", "parkeerprutsertjes"),
        # spellings without an apostrophe
        ("Ik zag vanavond weer zon griezel op tv.", "griezel"),
        ("Weer zon sukkel die zijn auto op de stoep zet.", "sukkel"),
        ("Wat n eikel is die nieuwe buurman.", "eikel"),
        ("Jullie zijn gewoon nazis.", "nazis"),
        # name-calling nouns the list lacks
        ("Jij bent een nietsnut.", "nietsnut"),
        ("Wat een engerd is die buurman.", "engerd"),
        # an adjective of dirt + an animal or dirt noun
        ("Vuile hond!", "vuile hond"),
        ("Verrader van je eigen dorp vuile hond", "vuile hond"),
        ("Die vuile rat van een wethouder liegt alweer.", "vuile rat"),
        ("Stelletje smerige ratten daar in Den Haag.", "smerige ratten"),
        ("Hij is een vuile hond.", "vuile hond"),
        ("Die raadsleden zijn vieze varkens.", "vieze varkens"),
        ("Jij vies varken.", "vies varken"),
        # ... or a noun of conduct, which alone is an accusation
        ("Vuile verrader.", "vuile verrader"),
        # context.v6: a nasty person
        ("Wat een secreet is die buurvrouw.", "secreet"),
    ],
)
def test_incivility_extra_flags_name_calling(text: str, evidence: str) -> None:
    (result,) = score_texts([text], LEXICON)
    assert result.uncivil, text
    assert evidence in result.uncivil_terms
    assert result.sentiment == "negatief"


@pytest.mark.parametrize(
    "text",
    [
        # neutral compounds, "anti-", heads that are never heads, compounds not aimed
        "Die vakidioten weten er echt alles van.",
        "Die antifascisten demonstreerden vreedzaam op het plein.",
        "Die darmparasieten zijn lastig bij jonge honden.",
        "Onder de boom liggen de beukeneikels.",
        "Over verkeersidioten is al veel geschreven.",
        "Het boek De Verkeersidioot ligt in de bibliotheek.",
        # diminutives with a sense of their own, or not aimed
        "Het tuigje van de hond is kapot.",
        "Die eikeltjes vallen al van de boom.",
        "In het verhaal wordt een sukkeltje uiteindelijk de held.",
        # "zon" is the sun; a spelling without apostrophe in reporting
        "In de zon zitten op het terras is heerlijk.",
        "In 1940 bezetten de nazis Nederland.",
        # a flag word not aimed at anyone
        "Kinderen verkleed als griezels gingen langs de deuren.",
        # real animals
        "Er lopen vieze ratten bij de containers aan de Dorpsstraat.",
        "Smerige ratten in de kelder van de flat.",
        "Onze hond was na de wandeling een vieze hond.",
        "De vieze varkens in de stal stinken.",
        "Gisteren zag ik vieze honden in het park.",
        # in quotes: mentioned, not used
        'Hij riep "vuile hond" naar de scheidsrechter en kreeg een boete.',
        # context.v5: a derivation, not a compound with "schoft"; reported speech
        "het is ronduit onbeschoft van je om er steeds doorheen te praten",
        "Je bent onbeschoft tegen de gasten.",
        "Zijn tegenstanders riepen vuile hond naar hem.",
        # context.v6: an accusation of conduct as head; an insult inside a longer noun
        "Jij aartsleugenaar!",
        "Pepernootje? Chocolaadelettertje? Iemand?",
    ],
)
def test_incivility_extra_leaves_other_uses(text: str) -> None:
    (result,) = score_texts([text], LEXICON)
    assert not result.uncivil, result.uncivil_terms


def test_incivility_extra_is_not_counted_by_the_model() -> None:
    """Matches beyond the list set the flag only: the model's features stay as trained."""
    analysis = default_scorer().analyse("Jij verkeersidioot, vuile hond.")
    assert analysis.uncivil == ()
    assert analysis.uncivil_aimed == (("verkeersidioot", "insult"), ("vuile hond", "insult"))
    plain = default_scorer().analyse("Jij daar, ga weg.")
    assert analysis.features()[-1] == plain.features()[-1] == 0.0


def test_incivility_extra_context_without_sections(tmp_path: Path) -> None:
    old = tmp_path / "old.toml"
    old.write_text('version = "context.v3"\n[insult]\ncategories = ["insult"]\n', "utf-8")
    assert UncivilContext.load(old).extension is None
    shipped = UncivilContext.load(UNCIVIL_CONTEXT_PATH)
    assert shipped.version == "context.v6"
    assert shipped.extension is not None
    assert "griezel" in shipped.extension.flag_words
    heads = {"prutser": "insult", "idioot": "insult"}
    assert shipped.extension.compound_head("tweetprutser", heads) == "prutser"
    assert shipped.extension.compound_head("vakidioot", heads) is None
    assert shipped.extension.compound_head("xxprutser", heads) is None
    # a first part of prefixes only is a derivation; a real first part is not
    schoft = {"schoft": "insult"}
    assert shipped.extension.compound_head("onbeschoft", schoft) is None
    assert shipped.extension.compound_head("onbeschofte", {"schofte": "insult"}) is None
    assert shipped.extension.compound_head("bonusschoft", schoft) == "schoft"
    assert shipped.extension.compound_head("verprutser", heads) is None
    assert shipped.extension.diminutive_stem("trutje", {"trut": "insult"}, heads) == (
        "trut",
        "insult",
    )
    assert shipped.extension.diminutive_stem("tweetprutsertjes", {}, heads) == (
        "prutser",
        "insult",
    )
    assert shipped.extension.diminutive_stem("tuigje", {"tuig": "insult"}, heads) is None
    # context.v6: a longer known noun that is no person ends the word ("lettertje")
    etter = {"ettertje": "insult"}
    assert shipped.nouns is not None
    known = shipped.nouns.known_other
    assert shipped.extension.compound_head("chocolaadelettertje", etter, known) is None
    assert shipped.extension.compound_head("chocolaadelettertje", etter) == "ettertje"
    assert shipped.extension.compound_head("verkeersidioot", heads, known) == "idioot"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[compounds]\nmin_head = 'zes'\n", "whole numbers"),
        ("[name_calling]\nanimals = 'hond'\n", "'animals' must be a list"),
        ("flag_words = 3\n", r"\[flag_words\] must be a table"),
    ],
)
def test_incivility_extra_context_errors(tmp_path: Path, body: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(UncivilContextError, match=rf"bad\.toml: .*{message}"):
        UncivilContext.load(bad)
