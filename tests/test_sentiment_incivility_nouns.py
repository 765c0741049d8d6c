"""Tests for pipeline.sentiment.incivility_nouns: whether a noun names a thing, from the
LiNT-II noun types (context.v6)."""

from __future__ import annotations

from pipeline.sentiment.incivility_nouns import NounTypes

THINGS = frozenset({"time", "place", "artefact", "institut", "nondynamic", "dynamic_abstr"})


def test_incivility_nouns_things_and_persons() -> None:
    nouns = NounTypes(THINGS, persons=frozenset({"politie"}), function_words=frozenset({"is"}))
    assert nouns.thing("maandag")  # time
    assert nouns.thing("Stad")  # place, any case
    assert nouns.thing("maandagje")  # the stem of a diminutive
    assert not nouns.thing("buurman")  # human
    assert not nouns.thing("hond")  # an animal: used of people in name-calling
    assert not nouns.thing("bek")  # a body part: "kankerbek" is said to someone
    assert not nouns.thing("politie")  # listed as a person
    assert not nouns.thing("is")  # a function word
    assert not nouns.thing("xqzwy")  # unknown
    assert nouns.known("letter") and not nouns.known("xqzwy")
    assert nouns.known_other("lettertje") and not nouns.known_other("buurman")


def test_incivility_nouns_head_of_an_unknown_word() -> None:
    nouns = NounTypes(THINGS)
    assert nouns.head("kutmoskee") == "moskee"
    assert nouns.head("stad") == "stad"
    assert nouns.thing_head("kutmoskee")
    assert not nouns.thing_head("kankerbuurman")
    assert nouns.head("xqzwy") is None
    # an unknown noun for people is not looked up by its last part
    assert nouns.head("plofbakkers") == "bakkers"
    agents = NounTypes(THINGS, person_suffixes=("ers",))
    assert agents.head("plofbakkers") is None
    assert agents.head("kutmoskee") == "moskee"
    assert not nouns.thing_head("xqzwy")
