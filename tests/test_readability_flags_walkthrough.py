"""Flag rules after the new-user walkthrough of session 35 (issue #11): own sentences.

The sentences are written for these tests, not taken from an annotated set.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Wij delen u mede dat de weg dicht gaat.", "delen u mede"),
        ("De gemeente deelt mede dat de weg dicht gaat.", "deelt mede"),
        ("Wij willen u mededelen dat de weg dicht gaat.", "mededelen"),
        # the parser reads "deel" as a noun: the words alone join verb and particle
        ("Hierbij deel ik u mede dat de weg dicht gaat.", "deel ik u mede"),
        ("De gemeente deelde u mede dat het niet kan.", "deelde u mede"),
    ],
)
def test_mededelen_split_by_the_parse_is_one_term(flags_on, text, span):
    flags = [f for f in flags_on(text, "officialese") if f.text != "Hierbij"]
    assert [f.text for f in flags] == [span]
    assert "laten weten" in (flags[0].suggestion or "")
    assert "ook" not in (flags[0].suggestion or "")  # not "mede" -> "ook": "delen u ook"


def test_mede_as_ook_still_flagged(flags_on):
    flags = flags_on("Hij schrijft mede namens de buren.", "officialese")
    assert [(f.text, "ook" in (f.suggestion or "")) for f in flags] == [("mede", True)]


def test_delen_mede_without_a_pronoun_between_is_no_mededelen(flags_on):
    flags = flags_on("Zij delen mede in de kosten van de weg.", "officialese")
    assert not any("laten weten" in (f.suggestion or "") for f in flags)


@pytest.mark.parametrize(
    "text",
    [
        "Wij hebben u medegedeeld dat de weg dicht gaat.",
        "Wij hebben de stukken overgelegd.",
    ],
)
def test_no_participle_of_laten_before_an_infinitive(flags_on, text):
    # "heeft laten weten", never "gelaten weten" (infinitivus pro participio)
    [flag] = flags_on(text, "officialese")
    assert "gelaten" not in (flag.suggestion or "") and flag.replacement != "gelaten weten"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("De afgelopen periode is geïnvesteerd in de wijk, door onder andere meerdere "
         "bijeenkomsten.", None),  # walkthrough s36 (seed): a means, not who did it
        ("Het plan is gemaakt door de gemeente.", "de gemeente"),
    ],
)  # fmt: skip
def test_passive_proposes_an_actor_only_when_the_door_phrase_names_one(flags_on, text, actor):
    [flag] = flags_on(text, "passive")
    if actor is None:
        assert "begin met wie het doet" not in flag.suggestion
        assert "zeg wie het doet" in flag.suggestion
    else:
        assert f"begin met wie het doet: ‘{actor}’" in flag.suggestion
