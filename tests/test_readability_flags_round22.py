"""Round 22 of the flag rules (issue #11, heldout17 as development data): own sentences.

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest


def _texts(flags_on, text: str, kind: str) -> list[str]:
    return [f.text for f in flags_on(text, kind)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a participle the tagger reads as an infinitive
        ("Met dit plan wordt voldaan aan de eisen.", "wordt voldaan"),
        # a parenthesis in the middle field
        ("Daarom is het plan (tekst, kaart en regels) opgesteld.", "opgesteld"),
        # a compound's truncated first part
        ("De waarden worden in het groen- en waterplan beschermd.", "beschermd"),
        # an attributive state participle inside the middle field
        ("Op de kaart zijn de in het plan begrepen percelen aangegeven.", "aangegeven"),
    ],
)
def test_passives_found(flags_on, text, span):
    assert any(span in t for t in _texts(flags_on, text, "passive"))


@pytest.mark.parametrize(
    "text",
    [
        "Door de nieuwe woningen is er een levendige wijk ontstaan.",  # a cause, not an agent
        "De regels zijn onderverdeeld in drie hoofdstukken.",  # structure
        "Het grondwater is licht verontreinigd met zink.",  # condition
        "De nota is een instrument voor grondverzet.",  # a noun's complement
        "Dit zijn Gezond gewicht en Kansrijke start.",  # names, no participle
    ],
)
def test_no_passive(flags_on, text):
    assert _texts(flags_on, text, "passive") == []


def test_agent_still_makes_a_passive_of_a_verb_with_an_object(flags_on):
    assert _texts(flags_on, "De weg is door de gemeente verbeterd.", "passive")


def test_rare_verb_noun_gets_the_officialese_advice(flags_on):
    """'een indicatie van': no plain verb to name, so the officialese swap is the advice."""
    text = "Een indicatie van de kosten staat in de tabel."
    assert _texts(flags_on, text, "officialese") == ["indicatie"]
    assert _texts(flags_on, text, "nominalisation") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("De bodem is verontreinigd met olie.", "verontreinigd"),
        ("Dit is bij benadering tien meter.", "bij benadering"),
        ("Parkeren is op deze plek niet toegestaan.", "toegestaan"),
        ("De toegestane hoogte is tien meter.", "toegestane"),
    ],
)
def test_new_officialese(flags_on, text, span):
    assert span in _texts(flags_on, text, "officialese")


def test_a_noun_in_s_is_no_plural_of_a_verb(flags_on):
    assert _texts(flags_on, "De geschiedenis van het dorp is rijk.", "officialese") == []


def test_established_nouns_are_no_nominalisation(flags_on):
    text = "Het vervoer van gevaarlijke stoffen valt onder de definitie van een risicobron."
    assert _texts(flags_on, text, "nominalisation") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Het plan is niet m.e.r.-plichtig.", "m.e.r.-plichtig"),
        ("Het besluit valt onder het Besluit m.e.r. Dat is zo.", "m.e.r."),
        ("Het Barro is hier niet van toepassing.", "Barro"),
    ],
)
def test_abbreviations_found(flags_on, text, span):
    assert span in _texts(flags_on, text, "abbreviation")


def test_identifier_parts_are_one_abbreviation(flags_on):
    text = "Zie de uitspraak ECLI:NL:RVS:2017:1724 van de Raad van State."
    assert _texts(flags_on, text, "abbreviation") == ["ECLI"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Onderwerp: uw aanvraag subsidie. Kenmerk: SUB/2024/0412", []),
        ("Ons kenmerk: KL-2024-0788", []),
        ("Zie de BOA-2024 regeling.", ["BOA-2024"]),  # one number: still an acronym
    ],
)
def test_case_numbers_are_no_abbreviations(flags_on, text, expected):
    """Session 37 trial: the letters of a case number were flagged ("SUB", "KL")."""
    assert _texts(flags_on, text, "abbreviation") == expected


@pytest.mark.parametrize(
    "text", ["Door de storm zijn veel bomen omgewaaid.", "Het aantal inwoners is gekrompen."]
)
def test_unaccusative_perfects_of_the_session37_trial_are_active(flags_on, text):
    """ "zijn ... omgewaaid" was called passive (omwaaien takes "zijn" in the perfect)."""
    assert _texts(flags_on, text, "passive") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # session 37 trial: the span was "is uitgebreid" (a manner adverb here)
        ("Tijdens het bezoek is uitgebreid met u gesproken over uw wensen.",
         "is uitgebreid met u gesproken"),
        ("De school is uitgebreid met vier lokalen.", "is uitgebreid"),
    ],
)  # fmt: skip
def test_a_manner_participle_gives_way_to_the_clause_participle(flags_on, text, span):
    assert _texts(flags_on, text, "passive") == [span]


def test_passive_quote_keeps_the_word_order_of_the_text(flags_on):
    """Session 37 trial: "teruggebeld moeten worden" was quoted as "worden … teruggebeld"."""
    [flag] = flags_on("Ook had u teruggebeld moeten worden.", "passive")
    assert flag.message == "Lijdende vorm: ‘teruggebeld … worden’."


def test_nominal_infinitive_advice_reads_as_dutch(flags_on):
    """Session 37 trial: "schrijf wie er gaat ‘aanvragen’" was clumsy Dutch."""
    [flag] = flags_on(
        "Het aanvragen van een paspoort kan alleen in het stadhuis.", "nominalisation"
    )
    assert flag.suggestion == "Gebruik het werkwoord ‘aanvragen’ in een zin die zegt wie het doet."


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # second trial (trial_s37b): income is a noun, a time limit elapses by itself
        ("Het inkomen van uw partner telt ook mee.", "nominalisation", []),
        ("Daarna is de bezwaartermijn verstreken.", "passive", []),
        # the passive's span does not reach back across a comma to the clause before
        ("Indien u een partner heeft, wordt het inkomen van uw partner meegenomen.", "passive",
         ["wordt het inkomen van uw partner meegenomen"]),
        ("Betaal het bedrag t.n.v. Gemeente Deventer o.v.v. uw aanslagnummer.",
         "abbreviation", ["t.n.v.", "o.v.v."]),
    ],
)  # fmt: skip
def test_second_trial_findings(flags_on, text, kind, expected):
    assert _texts(flags_on, text, kind) == expected


def test_a_several_word_abbreviation_is_written_out_as_words(flags_on):
    [flag] = flags_on("Het college zal e.e.a. nader toelichten.", "abbreviation")
    assert flag.suggestion == "Schrijf de woorden voluit."
    [flag] = flags_on("Betaal het bedrag t.n.v. de gemeente.", "abbreviation")
    assert flag.replacement == "op naam van"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("Het voorstel wordt ter besluitvorming aan de raad voorgelegd.", " (hier: ‘besluiten’)."),
        ("Het stuk gaat ter ondertekening naar de burgemeester.", " (hier: ‘ondertekenen’)."),
        ("Dit stuk dient ter meningsvorming.", "."),
    ],
)
def test_ter_phrase_names_the_verb_of_the_whole_compound(flags_on, text, hint):
    """Second trial of session 37: "ter besluitvorming" was told "(hier: ‘vormen’)"."""
    [flag] = [f for f in flags_on(text, "officialese") if f.text.startswith("ter ")]
    assert flag.suggestion == f"Zeg met een werkwoord waarvoor het is: ‘om … te …’{hint}"
