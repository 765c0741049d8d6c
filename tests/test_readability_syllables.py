"""Dutch syllable counting: the hand-checked list, the rules, and where pyphen/textstat differ."""

from __future__ import annotations

import csv

import pytest
from conftest import FIXTURES

from pipeline.readability.resources import DATA_DIR, ReadabilityResources
from pipeline.readability.syllables import (
    SyllableCounter,
    count_by_rules,
    number_words,
    pyphen_count,
)

SYLLABLES_CSV = FIXTURES / "syllables.csv"


@pytest.fixture(scope="module")
def counter() -> SyllableCounter:
    with (DATA_DIR / "syllable_exceptions.csv").open(encoding="utf-8") as handle:
        exceptions = {row["word"]: int(row["syllables"]) for row in csv.DictReader(handle)}
    return SyllableCounter(exceptions)


def load_fixture() -> list[dict[str, str]]:
    with SYLLABLES_CSV.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_syllables_fixture_accuracy_at_least_97_percent(counter: SyllableCounter) -> None:
    rows = load_fixture()
    assert len(rows) >= 240
    failures = [
        (r["word"], int(r["syllables"]), counter.count(r["word"]))
        for r in rows
        if counter.count(r["word"]) != int(r["syllables"])
    ]
    accuracy = 1 - len(failures) / len(rows)
    assert accuracy >= 0.97, failures


def test_syllables_rules_alone_beat_pyphen_on_fixture() -> None:
    """Without the exceptions file the vowel rules are still far better than pyphen."""
    plain = SyllableCounter({})
    rows = load_fixture()
    ours = sum(plain.count(r["word"]) == int(r["syllables"]) for r in rows)
    theirs = sum(pyphen_count(r["word"]) == int(r["syllables"]) for r in rows)
    assert ours / len(rows) >= 0.95
    assert ours > theirs


@pytest.mark.parametrize(
    ("word", "expected"),
    [("idee", 2), ("energie", 3), ("economie", 4), ("agenda", 3), ("ideeën", 3), ("museum", 3)],
)
def test_syllables_right_where_pyphen_and_textstat_undercount(
    counter: SyllableCounter, word: str, expected: int
) -> None:
    import textstat

    textstat.set_lang("nl")
    assert counter.count(word) == expected
    # the hyphenation dictionary never splits off one letter at the edge of a word
    if word != "museum":
        assert pyphen_count(word) < expected
        assert textstat.syllable_count(word) < expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("geïnteresseerd", 5),  # diaeresis starts a syllable
        ("coördinatie", 5),
        ("België", 3),
        ("koeien", 2),  # oei + e
        ("maaien", 2),
        ("leeuw", 1),  # eeu
        ("nieuw", 1),  # ieu
        ("bureau", 2),  # eau
        ("radio", 3),  # hiatus i-o
        ("ideaal", 3),
        ("actueel", 3),
        ("geuit", 2),  # ge|uit: pyphen's break after the prefix is kept
        ("milieu", 2),  # pyphen's mi-li-eu break inside ieu is not
        ("Rijksoverheid", 4),
        ("quarantaine", 4),  # u after q is a consonant
        ("yoghurt", 2),  # y before a vowel is a consonant
    ],
)
def test_syllables_dutch_rules(counter: SyllableCounter, word: str, expected: int) -> None:
    assert counter.count(word) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("2019", 6),  # twee-dui-zend-ne-gen-tien
        ("1998", 10),  # ne-gen-tien-hon-derd-ach-ten-ne-gen-tig
        ("1.250", 7),  # dui-zend-twee-hon-derd-vijf-tig
        ("3,5", 4),  # drie kom-ma vijf
        ("21ste", 5),  # een-en-twin-tig-ste
        ("PGB", 3),  # spelled out
        ("NATO", 2),  # pronounced as a word
    ],
)
def test_syllables_numbers_and_abbreviations(
    counter: SyllableCounter, token: str, expected: int
) -> None:
    assert counter.count(token) == expected


def test_syllables_exceptions_apply_to_compound_parts(counter: SyllableCounter) -> None:
    assert counter.count("team") == 1
    assert counter.count("wijkteam") == 2
    assert counter.count("teamleider") == 3
    assert counter.count("portefeuillehouder") == 6


def test_syllables_non_words_count_zero(counter: SyllableCounter) -> None:
    assert counter.count("...") == 0
    assert counter.count("€") == 0
    assert count_by_rules("") == 0


def test_syllables_year_style_numbers() -> None:
    assert number_words("1998") == "negentienhonderdachtennegentig"
    assert number_words("1998", year_style=False).startswith("duizend")


def test_syllables_resources_use_exceptions_file() -> None:
    from pipeline.config import ReadabilitySettings

    resources = ReadabilityResources.load(ReadabilitySettings())
    assert resources.syllables("website") == 2
    assert resources.syllables("deadline") == 2


@pytest.mark.parametrize("token", ["m²", "km²", "²", "٣"])
def test_syllables_non_decimal_digits_terminate(counter: SyllableCounter, token: str) -> None:
    # superscripts are "digits" to str.isdigit but not numbers num2words can read
    assert counter.count(token) >= 1


def test_syllables_cached_hyphenator_matches_pyphen(tmp_path, monkeypatch) -> None:
    import pyphen

    from pipeline.readability.syllables import dutch_hyphenator

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    words = [row["word"] for row in csv.DictReader(SYLLABLES_CSV.open(encoding="utf-8"))]
    reference = pyphen.Pyphen(lang="nl_NL", cache=False)
    expected = [reference.inserted(w) for w in words]
    monkeypatch.setattr(pyphen, "hdcache", {})  # pyphen fills it even with cache=False

    assert [dutch_hyphenator().inserted(w) for w in words] == expected
    (cached,) = (tmp_path / "gemeentetaal").glob("pyphen_*")
    monkeypatch.setattr(pyphen, "hdcache", {})
    assert [dutch_hyphenator().inserted(w) for w in words] == expected  # from the cache file
    cached.write_bytes(b"not a pickle")
    monkeypatch.setattr(pyphen, "hdcache", {})
    assert [dutch_hyphenator().inserted(w) for w in words] == expected


def test_pyphen_cache_is_bounded(counter: SyllableCounter) -> None:
    from pipeline.readability.syllables import RecentWords

    counter.count("gemeenteraadsvergadering")
    patterns = counter._hyphenator.hd
    assert isinstance(patterns.cache, RecentWords)
    cache = RecentWords(2, {"a": [1]})
    cache["b"] = [2]
    cache["c"] = [3]  # full: emptied first
    assert dict(cache) == {"c": [3]}
