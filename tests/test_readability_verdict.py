"""The B1 verdict: rules b1_rule.v1/v2/v3 on numbers, and calibrated on texts at known levels."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from conftest import FIXTURES, SEED_PROGRAMMES, require_seeds

from pipeline.config import DEFAULT_B1_MODEL, ConfigError, ReadabilitySettings, load_settings
from pipeline.readability.difficulty import VerdictInputs, load_model
from pipeline.readability.verdict import Verdict, b1_verdict, nl_number

LEVELS_DIR = FIXTURES / "levels"
V2 = ReadabilitySettings(b1_rule="b1_rule.v2")


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
    verdict = b1_verdict(scores(), 0.2, V2)
    assert (verdict.level, verdict.b1_pass, verdict.rule) == ("B1", True, "b1_rule.v2")
    assert "Gemiddelde zinslengte 11,0 woorden (B1: hoogstens 15)" in verdict.reasons
    assert "Zinnen van meer dan 10 woorden: 30% (A2: hoogstens 5%)" in verdict.reasons
    assert len(verdict.reasons) == 6


def test_verdict_hard_text_fails_with_the_deciding_reasons() -> None:
    values = scores(avg_sentence_length=24.3, long_sentence_share=0.4, flesch_douma=38.2)
    verdict = b1_verdict(values, 0.2, V2)
    assert verdict.level == "C1" and verdict.b1_pass is False
    assert verdict.reasons[:2] == [
        "Gemiddelde zinslengte 24,3 woorden (B1: hoogstens 15)",
        "Zinnen van meer dan 20 woorden: 40% (B1: hoogstens 10%)",
    ]
    assert "Flesch-Douma 38,2 (B1: minstens 60)" in verdict.reasons
    assert not any(r.startswith("LiNT") for r in verdict.reasons)  # level 2 is within B1


def test_verdict_level_is_the_highest_criterion() -> None:
    verdict = b1_verdict(scores(lint_level=3, lint_score=50.0), 0.2, V2)
    assert verdict.level == "B2"
    assert verdict.reasons == ["LiNT-II-niveau 3 van 4 (B1: hoogstens 2)"]


def test_verdict_easy_text_is_a2() -> None:
    values = scores(avg_sentence_length=7.0, long_sentence_share=0.0, flesch_douma=85.0)
    values |= {"lint_level": 1, "over_a2_sentence_share": 0.04}
    verdict = b1_verdict(values, 0.0, V2)
    assert verdict.level == "A2" and verdict.b1_pass


def test_verdict_v2_a2_needs_sentences_of_at_most_ten_words() -> None:
    values = scores(avg_sentence_length=7.0, long_sentence_share=0.0, flesch_douma=85.0)
    values |= {"lint_level": 1, "over_a2_sentence_share": 0.2}
    verdict = b1_verdict(values, 0.0, V2)
    assert (verdict.level, verdict.b1_pass) == ("B1", True)
    v1 = b1_verdict(values, 0.0, ReadabilitySettings(b1_rule="b1_rule.v1"))
    assert (v1.level, v1.rule) == ("A2", "b1_rule.v1")
    hard = b1_verdict(scores(lint_level=4, lint_score=70.0), 0.2, V2)
    assert hard.level == "C1" and not any("A2:" in r for r in hard.reasons)
    loose = ReadabilitySettings(b1_rule="b1_rule.v2", a2_max_over_share=0.25)
    assert b1_verdict(values, 0.0, loose).level == "A2"


def test_verdict_short_text_says_so_and_skips_formulas() -> None:
    values = scores(n_words=12, flesch_douma=10.0, lint_level=4)
    verdict = b1_verdict(values, 0.0, V2)
    assert verdict.b1_pass is True
    assert verdict.reasons[-1].startswith("Korte tekst (12 woorden)")


def test_verdict_empty_text_has_no_level() -> None:
    verdict = b1_verdict({"n_words": 0}, None, ReadabilitySettings())
    assert verdict.level is None and verdict.b1_pass is None


def test_verdict_thresholds_are_settings() -> None:
    strict = ReadabilitySettings(b1_rule="b1_rule.v2", b1_max_avg_sentence_length=10.0)
    assert b1_verdict(scores(), 0.2, strict).b1_pass is False


def test_verdict_unknown_rule_is_an_error() -> None:
    # Settings refuse an unknown rule when they are made (the registry's names)...
    with pytest.raises(ValueError, match=r"unknown rule 'b1_rule\.v9'; known rules: b1_rule\.v1"):
        ReadabilitySettings(b1_rule="b1_rule.v9")
    # ...and the verdict still names the known rules for settings made without validation.
    known = r"unknown B1 rule 'b1_rule\.v9'; known rules: b1_rule\.v1, b1_rule\.v2, b1_rule\.v3"
    unchecked = ReadabilitySettings().model_copy(update={"b1_rule": "b1_rule.v9"})
    with pytest.raises(ValueError, match=known):
        b1_verdict(scores(), 0.2, unchecked)


def test_verdict_dutch_number_format() -> None:
    assert nl_number(1234.56) == "1.234,6"
    assert nl_number(0.25, 2) == "0,25"


# --- b1_rule.v3 -------------------------------------------------------------------------------


def inputs(**values) -> VerdictInputs:
    """A B1-like text of 200 words in 18 sentences; ``values`` override."""
    base = {
        "n_words": 200,
        "n_sentences": 18,
        "n_lines": 18,
        "n_long_sentences": 0,
        "n_long_words": 8,
        "avg_sentence_length": 11.0,
        "long_sentence_share": 0.0,
        "over_a2_sentence_share": 0.5,
        "syllables_per_100_words": 170.0,
        "mean_word_frequency": 4.4,
        "mean_max_sdl": 5.5,
        "mean_content_words_per_clause": 3.6,
        "proportion_concrete": 0.5,
        "flag_counts": {},
    }
    return VerdictInputs(**(base | values))


def v3(values: VerdictInputs, settings: ReadabilitySettings | None = None) -> Verdict:
    row = {"n_words": values.n_words, "lint_score": 40.0}
    return b1_verdict(row, None, settings or ReadabilitySettings(), values)


HARDER = {
    "avg_sentence_length": 22.0,
    "long_sentence_share": 0.5,
    "over_a2_sentence_share": 0.9,
    "syllables_per_100_words": 210.0,
    "mean_word_frequency": 3.6,
    "mean_max_sdl": 14.0,
    "mean_content_words_per_clause": 7.0,
    "proportion_concrete": 0.2,
    "n_long_words": 30,
}


def test_v3_is_the_default_with_a_difficulty_score() -> None:
    assert ReadabilitySettings().b1_rule == "b1_rule.v3"
    verdict = v3(inputs())
    assert verdict.rule == "b1_rule.v3" and verdict.criteria == ()
    assert verdict.difficulty is not None and 0 <= verdict.difficulty <= 100
    assert verdict.threshold == 50.0
    assert (verdict.level, verdict.b1_pass, verdict.fix_first) == ("B1", True, ())
    assert (
        verdict.reasons[0]
        == f"Moeilijkheid {nl_number(verdict.difficulty, 0)} van 100 (B1: hoogstens 50)"
    )


def test_v3_never_scores_a_harder_variant_lower() -> None:
    """Monotone: every measure (and every advice kind) made harder on its own, and all
    together, never lowers the difficulty."""
    base = v3(inputs()).difficulty
    assert base is not None
    for name, value in HARDER.items():
        harder = v3(inputs(**{name: value})).difficulty
        assert harder is not None and harder >= base, name
    for kind in ("passive", "nominalisation", "officialese", "hard_word", "abbreviation",
                 "many_subclauses"):  # fmt: skip
        harder = v3(inputs(flag_counts={kind: 6})).difficulty
        assert harder is not None and harder >= base, kind
    worst = v3(inputs(**HARDER, flag_counts={"passive": 6, "officialese": 9}))
    assert worst.difficulty is not None and worst.difficulty > base
    assert worst.level in ("B2", "C1") and worst.b1_pass is False
    model = load_model(ReadabilitySettings())
    assert all(t.weight >= 0 for t in model.terms)


def test_v3_contributions_add_up_to_the_difference_with_a_typical_b1_text() -> None:
    verdict = v3(inputs(avg_sentence_length=19.0, flag_counts={"passive": 5}))
    model = load_model(ReadabilitySettings())
    total = sum(c.points for c in verdict.contributions)
    assert verdict.difficulty is not None
    assert total == pytest.approx(verdict.difficulty - model.reference_difficulty(), abs=0.1)
    points = [c.points for c in verdict.contributions]
    assert points == sorted(points, reverse=True)
    assert verdict.contributions[0].name in ("avg_sentence_length", "flag_passive")
    assert all(c.label and c.to_dict()["name"] == c.name for c in verdict.contributions)


def test_v3_failing_text_gets_concrete_advice_first() -> None:
    values = inputs(
        avg_sentence_length=21.0, long_sentence_share=0.33, n_long_sentences=6,
        flag_counts={"passive": 7},
    )  # fmt: skip
    verdict = v3(values)
    assert verdict.b1_pass is False and 1 <= len(verdict.fix_first) <= 3
    text = " ".join(verdict.fix_first)
    assert "Maak zinnen korter: gemiddeld 21,0 woorden per zin" in text
    assert "Schrijf actief: de tekst heeft 7 keer de lijdende vorm" in text
    assert any(r.startswith("Gemiddelde zinslengte: 21,0 woorden") for r in verdict.reasons)
    # only measures that push the text up are given as reasons of a failing text
    assert all("−" not in r for r in verdict.reasons[1:])


def test_v3_every_failing_text_has_advice() -> None:
    """Whatever measure makes a text fail, fix_first names at least one change."""
    for name, value in HARDER.items():
        for factor in (1.0, 1.5, 2.0):
            bumped = value * factor if name != "proportion_concrete" else value / factor
            verdict = v3(inputs(**{name: bumped}))
            if verdict.b1_pass is False:
                assert verdict.fix_first, name
    for kind in ("passive", "officialese", "hard_word"):
        verdict = v3(inputs(flag_counts={kind: 40}))
        if verdict.b1_pass is False:
            assert verdict.fix_first and all(f for f in verdict.fix_first), kind


def test_v3_disabled_flag_kinds_do_not_count() -> None:
    values = inputs(flag_counts={"passive": 9})
    on = v3(values)
    off = v3(values, ReadabilitySettings(disabled_flags=("passive",)))
    plain = v3(inputs())
    assert on.difficulty is not None and off.difficulty is not None
    assert off.difficulty == pytest.approx(plain.difficulty or 0) and off.difficulty < on.difficulty
    passive = next(c for c in off.contributions if c.name == "flag_passive")
    assert passive.points == 0 and passive.value is None


def test_v3_short_text_ignores_word_measures_and_says_so() -> None:
    verdict = v3(inputs(n_words=12, syllables_per_100_words=300.0, mean_word_frequency=2.0))
    assert verdict.b1_pass is True
    assert verdict.reasons[-1].startswith("Korte tekst (12 woorden)")


def test_v3_short_text_advice_rates_are_shrunk_towards_a_typical_b1_text() -> None:
    # one passive in one plain sentence ("Het zwembad wordt in mei opgeknapt.") was B2
    one = inputs(n_words=6, n_sentences=1, n_lines=1, avg_sentence_length=6.0,
                 over_a2_sentence_share=0.0, flag_counts={"passive": 1})  # fmt: skip
    verdict = v3(one)
    assert verdict.b1_pass is True
    assert verdict.reasons[-1].endswith("die laatste wegen minder zwaar dan in een lange tekst.")
    passive = next(c for c in verdict.contributions if c.name == "flag_passive")
    assert passive.value == 1.0  # shown as counted: 1 per sentence
    unshrunk = v3(one, ReadabilitySettings(b1_short_prior_lines=0))
    assert unshrunk.b1_pass is False and (unshrunk.difficulty or 0) > (verdict.difficulty or 0)
    # the same rate in a long text is not shrunk
    long = inputs(flag_counts={"passive": 18})
    assert v3(long).difficulty == v3(long, ReadabilitySettings(b1_short_prior_lines=0)).difficulty


def test_v3_scores_from_a_row_alone() -> None:
    """Without counts (only the readability row), the measures in the row are used."""
    row = scores(avg_sentence_length=25.0, long_sentence_share=0.6, syllables_per_100_words=205.0)
    verdict = b1_verdict(row, 0.2, ReadabilitySettings())
    assert verdict.b1_pass is False and verdict.fix_first


def test_v3_cut_points_are_configurable_and_validated() -> None:
    values = inputs(avg_sentence_length=16.0)
    d = v3(values).difficulty
    assert d is not None
    strict = ReadabilitySettings(b1_max_difficulty=max(1.0, d - 1))
    lenient = ReadabilitySettings(b1_max_difficulty=min(89.0, d + 1))
    assert v3(values, strict).b1_pass is False and v3(values, lenient).b1_pass is True
    assert v3(values, strict).threshold == max(1.0, d - 1)
    assert (
        v3(values, ReadabilitySettings(a2_max_difficulty=d + 1, b1_max_difficulty=d + 2)).level
        == "A2"
    )
    with pytest.raises(ValueError, match="cut points must increase"):
        ReadabilitySettings(b1_max_difficulty=95.0)  # above the model's B2 cut point (90)
    with pytest.raises(ValueError, match=r"a2_max_difficulty=60.*b1_max_difficulty=50 \(model\)"):
        ReadabilitySettings(a2_max_difficulty=60.0)
    with pytest.raises(ConfigError, match="cut points must increase"):
        load_settings(None, {"readability": {"b2_max_difficulty": 40.0}}, environ={})
    with pytest.raises(ValueError):
        ReadabilitySettings(b1_max_difficulty=120.0)


def test_v3_model_file_is_configurable(tmp_path) -> None:
    data = json.loads(DEFAULT_B1_MODEL.read_text(encoding="utf-8"))
    data["cut_points"]["b1_max"] = 1.0
    data["cut_points"]["a2_max"] = 0.5
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    verdict = v3(inputs(), ReadabilitySettings(b1_model_file=path))
    assert verdict.b1_pass is False and verdict.threshold == 1.0
    broken = tmp_path / "broken.json"
    broken.write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.json: not a usable B1 model file"):
        v3(inputs(), ReadabilitySettings(b1_model_file=broken))


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
            assert row["b1_fix_first"], path.name
        else:
            assert row["b1_fix_first"] == [], path.name
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
        assert row["b1_reasons"][0].startswith("Moeilijkheid ")
        assert all("B1" in r for r in row["b1_reasons"])
        assert 1 <= len(row["b1_fix_first"]) <= 3, path.name


HELDOUT_FIGURES = FIXTURES / "real" / "verdict_heldout.json"


@pytest.mark.slow
def test_verdict_v3_heldout_figures_as_measured() -> None:
    """The held-out leveled texts (bench/evaluate/levels_split.json, never fitted on), checked
    as `gemeentetaal check` does, give the figures in docs/evaluation.md (recorded by
    ``python -m bench.evaluate.fit_verdict heldout``). Skipped without the exported texts."""
    import hashlib

    from bench.evaluate.common import eval_dir
    from bench.evaluate.fit_verdict import figures
    from bench.evaluate.verdict_data import level_texts, measure

    if not any((eval_dir() / "levels").glob("*/texts.jsonl")):
        pytest.skip(f"no exported leveled texts in {eval_dir() / 'levels'}")
    expected = json.loads(HELDOUT_FIGURES.read_text(encoding="utf-8"))
    model = hashlib.sha256(DEFAULT_B1_MODEL.read_bytes()).hexdigest()
    assert expected["model_sha256"] == model, "model refitted: measure the held-out texts again"
    records = measure(level_texts("heldout"))  # no cache: every text through check
    checked = [r["verdict_inputs"] for r in records]
    assert {c["b1_rule"] for c in checked} == {"b1_rule.v3"}
    got = figures(records, [c["b1_difficulty"] for c in checked], [c["b1_pass"] for c in checked])
    assert got == expected["v3"]
    assert got["all"]["n_easy"] == 68 and got["all"]["n_normal"] == 423


@pytest.mark.slow
def test_verdict_v3_harder_variant_of_a_real_text_scores_higher(nlp_model, resources) -> None:
    """Joining each pair of sentences of a B1 text into one (longer sentences, same words)
    never lowers the difficulty; the B1 and C1 versions of every calibration topic are
    ordered."""
    import re

    from pipeline.check import InputText, check_texts
    from pipeline.config import load_settings

    nlp, info = nlp_model
    settings = load_settings(None, {}, environ={})
    texts: dict[str, str] = {}
    for path in sorted(LEVELS_DIR.glob("*_b1.txt"))[:4]:
        text = path.read_text(encoding="utf-8")
        texts[path.stem] = text
        joined = re.sub(
            r"([a-z])\. ([A-Z])(.*?)\.", lambda m: f"{m[1]}, en {m[2].lower()}{m[3]}.", text
        )
        assert joined != text
        texts[path.stem + "_joined"] = joined
    for path in sorted(LEVELS_DIR.glob("*_c1.txt")):
        texts[path.stem] = path.read_text(encoding="utf-8")
        b1 = path.with_name(path.name.replace("_c1", "_b1"))
        texts[b1.stem] = b1.read_text(encoding="utf-8")
    inputs = [InputText.from_text(name, text) for name, text in texts.items()]
    results = check_texts(inputs, settings, nlp, info, resources)
    difficulty = {name: r.measures["b1_difficulty"] for name, r in zip(texts, results, strict=True)}
    for name in texts:
        if name.endswith("_joined"):
            assert difficulty[name] >= difficulty[name.removesuffix("_joined")], name
        if name.endswith("_c1"):
            assert difficulty[name] > difficulty[name.replace("_c1", "_b1")], name


def test_verdict_numbers_come_from_babel():
    from babel.numbers import format_decimal

    from pipeline.numbers import nl_decimal, nl_int, nl_percent

    assert nl_number(1234567.891, 2) == format_decimal(1234567.891, "#,##0.00", locale="nl")
    assert (nl_int(12345), nl_percent(0.456), nl_decimal(12.5)) == ("12.345", "46%", "12,5")


def test_documented_terms_match_the_fitted_model():
    """docs/readability.md's table of fitted terms names the file's terms with their weights
    (within 10%: a refit moves the last digits; a stale table after a real change fails)."""
    from conftest import ROOT

    model = load_model(ReadabilitySettings())
    text = (ROOT / "docs" / "readability.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z_0-9]+)`[^|]*\|[^|]*\| ([0-9.]+) \|", text, flags=re.M)
    documented = {name: float(weight) for name, weight in rows}
    fitted = {term.name: term.weight for term in model.terms}
    assert documented.keys() == fitted.keys()
    for name, weight in fitted.items():
        assert documented[name] == pytest.approx(weight, rel=0.1), name
