"""The B1 verdict: rules b1_rule.v1/v2 on numbers, and calibrated on texts at known levels."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import FIXTURES, SEED_PROGRAMMES, require_seeds

from pipeline.config import ReadabilitySettings
from pipeline.readability.verdict import b1_verdict, nl_number

LEVELS_DIR = FIXTURES / "levels"


def scores(**values) -> dict:
    base = {
        "n_words": 200,
        "avg_sentence_length": 11.0,
        "long_sentence_share": 0.05,
        "flesch_douma": 65.0,
        "lint_score": 40.0,
        "lint_level": 2,
        "over_a2_sentence_share": 0.3,
    }
    return base | values


def test_verdict_b1_text_passes_with_checked_values() -> None:
    verdict = b1_verdict(scores(), 0.2, ReadabilitySettings())
    assert (verdict.level, verdict.b1_pass, verdict.rule) == ("B1", True, "b1_rule.v2")
    assert "Gemiddelde zinslengte 11,0 woorden (B1: hoogstens 15)" in verdict.reasons
    assert "Zinnen van meer dan 10 woorden: 30% (A2: hoogstens 5%)" in verdict.reasons
    assert len(verdict.reasons) == 6


def test_verdict_hard_text_fails_with_the_deciding_reasons() -> None:
    values = scores(avg_sentence_length=24.3, long_sentence_share=0.4, flesch_douma=38.2)
    verdict = b1_verdict(values, 0.2, ReadabilitySettings())
    assert verdict.level == "C1" and verdict.b1_pass is False
    assert verdict.reasons[:2] == [
        "Gemiddelde zinslengte 24,3 woorden (B1: hoogstens 15)",
        "Zinnen van meer dan 20 woorden: 40% (B1: hoogstens 10%)",
    ]
    assert "Flesch-Douma 38,2 (B1: minstens 60)" in verdict.reasons
    assert not any(r.startswith("LiNT") for r in verdict.reasons)  # level 2 is within B1


def test_verdict_level_is_the_highest_criterion() -> None:
    verdict = b1_verdict(scores(lint_level=3, lint_score=50.0), 0.2, ReadabilitySettings())
    assert verdict.level == "B2"
    assert verdict.reasons == ["LiNT-II-niveau 3 van 4 (B1: hoogstens 2)"]


def test_verdict_easy_text_is_a2() -> None:
    values = scores(avg_sentence_length=7.0, long_sentence_share=0.0, flesch_douma=85.0)
    values |= {"lint_level": 1, "over_a2_sentence_share": 0.04}
    verdict = b1_verdict(values, 0.0, ReadabilitySettings())
    assert verdict.level == "A2" and verdict.b1_pass


def test_verdict_v2_a2_needs_sentences_of_at_most_ten_words() -> None:
    values = scores(avg_sentence_length=7.0, long_sentence_share=0.0, flesch_douma=85.0)
    values |= {"lint_level": 1, "over_a2_sentence_share": 0.2}
    verdict = b1_verdict(values, 0.0, ReadabilitySettings())
    assert (verdict.level, verdict.b1_pass) == ("B1", True)
    v1 = b1_verdict(values, 0.0, ReadabilitySettings(b1_rule="b1_rule.v1"))
    assert (v1.level, v1.rule) == ("A2", "b1_rule.v1")
    hard = b1_verdict(scores(lint_level=4, lint_score=70.0), 0.2, ReadabilitySettings())
    assert hard.level == "C1" and not any("A2:" in r for r in hard.reasons)
    loose = ReadabilitySettings(a2_max_over_share=0.25)
    assert b1_verdict(values, 0.0, loose).level == "A2"


def test_verdict_short_text_says_so_and_skips_formulas() -> None:
    values = scores(n_words=12, flesch_douma=10.0, lint_level=4)
    verdict = b1_verdict(values, 0.0, ReadabilitySettings())
    assert verdict.b1_pass is True
    assert verdict.reasons[-1].startswith("Korte tekst (12 woorden)")


def test_verdict_empty_text_has_no_level() -> None:
    verdict = b1_verdict({"n_words": 0}, None, ReadabilitySettings())
    assert verdict.level is None and verdict.b1_pass is None


def test_verdict_thresholds_are_settings() -> None:
    strict = ReadabilitySettings(b1_max_avg_sentence_length=10.0)
    assert b1_verdict(scores(), 0.2, strict).b1_pass is False


def test_verdict_unknown_rule_is_an_error() -> None:
    # Settings refuse an unknown rule when they are made (the registry's names)...
    with pytest.raises(ValueError, match=r"unknown rule 'b1_rule\.v9'; known rules: b1_rule\.v1"):
        ReadabilitySettings(b1_rule="b1_rule.v9")
    # ...and the verdict still names the known rules for settings made without validation.
    known = r"unknown B1 rule 'b1_rule\.v9'; known rules: b1_rule\.v1, b1_rule\.v2"
    unchecked = ReadabilitySettings().model_copy(update={"b1_rule": "b1_rule.v9"})
    with pytest.raises(ValueError, match=known):
        b1_verdict(scores(), 0.2, unchecked)


def test_verdict_dutch_number_format() -> None:
    assert nl_number(1234.56) == "1.234,6"
    assert nl_number(0.25, 2) == "0,25"


def level_of(path, nlp, info, resources, settings) -> dict:
    """The measures of a text file as `gemeentetaal check` computes them."""
    from pipeline.check import InputText, check_texts
    from pipeline.config import load_settings

    full = load_settings(None, {"readability": settings.model_dump()}, environ={})
    text = path.read_text(encoding="utf-8")
    (result,) = check_texts([InputText.from_text(path.name, text)], full, nlp, info, resources)
    return result.measures


@pytest.mark.slow
def test_verdict_calibration_texts(nlp_model, resources) -> None:
    """A2, B2 and C1 texts get their level, B1 texts pass and most are B1 (the confusion
    matrix is in docs/readability.md)."""
    nlp, info = nlp_model
    settings = ReadabilitySettings()
    confusion: Counter[tuple[str, str]] = Counter()
    paths = sorted(LEVELS_DIR.glob("*_*.txt"))
    assert len(paths) >= 20
    for path in paths:
        intended = path.stem.rsplit("_", 1)[1].upper()
        row = level_of(path, nlp, info, resources, settings)
        confusion[intended, row["b1_level"]] += 1
        if intended in ("A2", "B1"):
            assert row["b1_pass"], (path.name, row["b1_reasons"])
        if intended in ("A2", "B2", "C1"):
            assert row["b1_level"] == intended, (path.name, row["b1_reasons"])
        if intended in ("B2", "C1"):
            assert row["b1_pass"] is False and row["b1_reasons"], path.name
    n_b1 = sum(n for (intended, _), n in confusion.items() if intended == "B1")
    assert confusion["B1", "B1"] >= 0.6 * n_b1, dict(confusion)
    print(dict(confusion))


@pytest.mark.slow
def test_verdict_seed_programmes_are_above_b1_with_reasons(nlp_model, resources) -> None:
    require_seeds()
    nlp, info = nlp_model
    settings = ReadabilitySettings()
    for path in SEED_PROGRAMMES:
        row = level_of(path, nlp, info, resources, settings)
        assert row["b1_level"] in ("B2", "C1"), path.name
        assert row["b1_pass"] is False
        assert row["b1_reasons"] and all("B1:" in r for r in row["b1_reasons"])


def test_verdict_numbers_come_from_babel():
    from babel.numbers import format_decimal

    from pipeline.numbers import nl_decimal, nl_int, nl_percent

    assert nl_number(1234567.891, 2) == format_decimal(1234567.891, "#,##0.00", locale="nl")
    assert (nl_int(12345), nl_percent(0.456), nl_decimal(12.5)) == ("12.345", "46%", "12,5")
