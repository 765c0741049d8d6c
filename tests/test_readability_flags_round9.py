"""Round 9 of the flag rules (issue #11): participial adverbials, new officialese, the action
noun *ontwikkeling* (own sentences).

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest

from pipeline.config import ReadabilitySettings
from pipeline.readability import analyse_doc


def _flags(nlp, resources, text: str, kind: str) -> list[str]:
    analysis = analyse_doc(nlp(text), ReadabilitySettings(), resources)
    return [f.text for f in analysis.flags if f.kind == kind]


@pytest.mark.parametrize(
    "text",
    [
        "De bewoners zijn over het geheel genomen tevreden over de nieuwe speeltuin.",
        "Het resultaat is achteraf gezien beter dan we dachten.",
        "Dat is kort gezegd het plan voor volgend jaar.",
    ],
)
def test_a_participial_adverbial_is_not_a_passive(nlp_model, resources, text):
    assert _flags(nlp_model[0], resources, text, "passive") == []


def test_a_passive_after_a_participial_adverbial_is_still_found(nlp_model, resources):
    text = "Het plan is kort gezegd door de raad goedgekeurd."
    assert _flags(nlp_model[0], resources, text, "passive") == [
        "is kort gezegd door de raad goedgekeurd"
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("We willen nadrukkelijk leren van onze fouten.", "nadrukkelijk"),
        ("Op termijn verhuist de bibliotheek naar het centrum.", "Op termijn"),
        ("Het college stelt een koerswijziging voor.", "koerswijziging"),
        ("We streven ernaar dat iedereen kan meedoen.", "streven ernaar"),
        ("Het voorstel gaat ter vaststelling naar de raad.", "ter vaststelling"),
        ("Zo kunnen inwoners tegenslagen het hoofd bieden.", "het hoofd bieden"),
        ("Kies een aanpak die recht doet aan de wijk.", "recht doet aan"),
        ("Gezien het feit dat de weg dicht is, rijdt de bus om.", "Gezien het feit dat"),
    ],
)
def test_round_9_officialese(nlp_model, resources, text, span):
    assert span in _flags(nlp_model[0], resources, text, "officialese")


@pytest.mark.parametrize(
    ("text", "explained"),
    [
        ("We werken met partners (GGD, wijkteams en scholen) in de stad.", set()),
        ("Het Rijksinstituut voor Volksgezondheid en Milieu (RIVM, 2020) meldt dit.", {"RIVM"}),
        ("De Algemene verordening gegevensbescherming (AVG) geldt.", {"AVG"}),
        ("Zijn er dakkapellen (WOZ) geplaatst?", set()),  # round 23: unrelated words
        ("De strategie (hierna: RES, de regionale energiestrategie) is klaar.", {"RES"}),
    ],
)
def test_an_acronym_opening_a_list_in_brackets_is_not_explained(text, explained):
    from pipeline.readability.flags.abbreviation import explained_acronyms

    assert explained_acronyms(text) & {"GGD", "RIVM", "AVG", "WOZ", "RES"} == explained


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Op de kavel komen twaalf wooneenheden.", "wooneenheden"),  # plural of a listed -heid
        ("De gemeente huisvest dit jaar veertig statushouders.", "statushouders"),
        ("We zetten in op preventie en vroegsignalering.", "preventie"),
    ],
)
def test_round_9_hard_words(nlp_model, resources, text, word):
    assert word in _flags(nlp_model[0], resources, text, "hard_word")


def test_a_round_9_hard_word_offers_its_explanation(nlp_model, resources):
    analysis = analyse_doc(
        nlp_model[0]("Mantelzorgers kunnen respijtzorg aanvragen."),
        ReadabilitySettings(),
        resources,
    )
    (flag,) = [f for f in analysis.flags if f.kind == "hard_word"]
    assert "mantelzorger kan uitrusten" in flag.suggestion


def test_abbreviated_months_and_weekdays_are_abbreviations(nlp_model, resources):
    text = "Het loket is op 10 dec. 2024 dicht, en verder open tot en met vr. 12 uur."
    flagged = _flags(nlp_model[0], resources, text, "abbreviation")
    assert "dec." in flagged and "vr." in flagged


@pytest.mark.parametrize(
    ("text", "span", "replacement"),
    [
        ("De instelling verstrekt de informatie aan de raad.", "verstrekt", "geeft"),
        ("De gemeente heeft de vergunning verstrekt.", "verstrekt", "gegeven"),
        ("Sinds 2011 tracht de eigenaar de grond te verkopen.", "tracht", "probeert"),
        ("Ik tracht de grond te verkopen.", "tracht", "probeer"),
        (
            "We geven uitvoering aan de speerpunten uit het beleid.",
            "speerpunten",
            "belangrijke doelen",
        ),
        ("We praten met onze netwerkpartners.", "netwerkpartners", None),  # a phrase: rewrite
        ("Inwoners worden uitgenodigd om te participeren.", "te participeren", "mee te doen"),
        ("Ter plaatse van het perceel komen twee woningen.", "Ter plaatse van", "Op"),
        ("Het plangebied bevindt zich aan de Dorpsstraat.", "bevindt zich", "ligt"),
        ("Voorliggend bestemmingsplan regelt de bouw.", "Voorliggend", "Dit"),
        ("Met het voorliggende plan vervalt de bestemming.", "het voorliggende", "dit"),
        ("Dat staat in de onderhavige regeling.", "de onderhavige", "deze"),
        ("De eigenaar wil hier negen woningen realiseren.", "realiseren", "bouwen"),
        ("De appartementen worden in 2027 gerealiseerd.", "gerealiseerd", "gebouwd"),
        ("We realiseren een goede aanpak.", "realiseren", None),  # no building: a rewrite
    ],
)
def test_drop_ins_fit_the_verb_form_and_the_plural(nlp_model, resources, text, span, replacement):
    analysis = analyse_doc(nlp_model[0](text), ReadabilitySettings(), resources)
    (flag,) = [f for f in analysis.flags if f.kind == "officialese" and f.text == span]
    assert flag.replacement == replacement
