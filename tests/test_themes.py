import csv
import functools
import json
import logging
import math
import re
from pathlib import Path

import numpy as np
import pytest
import spacy
from conftest import FIXTURES, SEED_PROGRAMMES, SEED_THREAD, require_seeds
from spacy.tokens import Doc
from spacy.vocab import Vocab
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import ThemeSettings
from pipeline.schemas import THEMES, validate
from pipeline.themes import (
    LabelsError,
    LexiconError,
    TaxonomyError,
    ThemeHit,
    ThemeModelError,
    ThemeTagger,
    aggregate,
    load_lexicon,
    load_taxonomy,
    read_labels,
    theme_rows,
    train_tagger,
)
from pipeline.themes import tagger as tagger_mod
from pipeline.themes.commands import read_units, tag_units
from pipeline.themes.evaluate import evaluate, predict_sets
from pipeline.themes.model import lemma_tokens, read_meta
from pipeline.themes.tagger import DEFAULT_TRAINING_PATH

EVAL_PATH = FIXTURES / "themes_eval.csv"
CROSS_THEMES = {
    "communicatie",
    "dienstverlening",
    "participatie",
    "samenwerking",
    "privacy",
    "digitalisering",
}
# Measured values are in docs/themes.md; floors sit a little below them.
F1_FLOORS = {
    "lexicon": {"1": 0.72, "2": 0.68, "cross": 0.60},
    "model": {"1": 0.79, "2": 0.72, "cross": 0.66},
}

MINI_TAXONOMY = """code,level,slug,name,parent
0,1,bestuur,Bestuur,
8,1,wonen,Wonen,
8.3,2,woningbouw,Woningbouw,8
6,1,sociaal,Sociaal domein,
6.7,2,jeugd,Jeugd,sociaal
,cross,communicatie,Communicatie,
,cross,samenwerking,Samenwerking,
"""
MINI_LEXICON = """slug,term,weight
woningbouw,woningbouw,1.0
wonen,woning,0.5
jeugd,jeugdhulp,1.0
sociaal,zorg,1.0
sociaal,sport,1.0
communicatie,sociale media,1.0
bestuur,raad,1.0
samenwerking,samenwerking,0.5
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def mini(tmp_path: Path):
    taxonomy = load_taxonomy(write(tmp_path / "taxonomy.csv", MINI_TAXONOMY))
    settings = ThemeSettings(method="lexicon")
    lexicon = load_lexicon(settings, taxonomy, write(tmp_path / "lexicon.csv", MINI_LEXICON))
    return settings, taxonomy, lexicon


@functools.cache
def blank_vocab() -> Vocab:
    return spacy.blank("nl").vocab


def make_doc(words: list[str], lemmas: list[str]) -> Doc:
    return Doc(blank_vocab(), words=words, lemmas=lemmas)


# --- taxonomy, lexicon and labels files ---------------------------------------------------


def test_themes_taxonomy_shipped_has_task_fields_and_cross_themes():
    taxonomy = load_taxonomy()
    level1 = taxonomy.at_level("1")
    assert sorted(t.code for t in level1) == [str(i) for i in range(9)]
    assert {t.slug for t in taxonomy.at_level("cross")} == CROSS_THEMES
    assert all(t.code is None for t in taxonomy.at_level("cross"))
    for theme in taxonomy.at_level("2"):
        parent = taxonomy[theme.parent]
        assert parent.level == "1" and theme.code.split(".")[0] == parent.code


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (MINI_TAXONOMY + "9,1,bestuur,Dubbel,\n", "duplicate"),
        (MINI_TAXONOMY + "6.9,2,extra,Extra,7\n", "does not exist"),
        (MINI_TAXONOMY + "6.8,2,los,Los,\n", "no parent"),
        (MINI_TAXONOMY + "9,4,raar,Raar,\n", "level"),
        ("code,slug\n0,bestuur\n", "missing columns"),
    ],
)
def test_themes_taxonomy_rejects_inconsistent_files(tmp_path: Path, text: str, problem: str):
    path = write(tmp_path / "taxonomy.csv", text)
    with pytest.raises(TaxonomyError, match=problem) as err:
        load_taxonomy(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("line", "problem"),
    [("onbekend,term,1\n", "unknown theme slug"), ("wonen,huis,zwaar\n", "not a number"),
     ("wonen,huis,0\n", "weight not above 0")],
)  # fmt: skip
def test_themes_lexicon_rejects_bad_rows(mini, tmp_path: Path, line: str, problem: str):
    settings, taxonomy, _ = mini
    path = write(tmp_path / "bad.csv", MINI_LEXICON + line)
    with pytest.raises(LexiconError, match=problem):
        load_lexicon(settings, taxonomy, path)


def test_themes_shipped_lexicon_and_data_use_known_slugs():
    taxonomy = load_taxonomy()
    lexicon = load_lexicon(ThemeSettings(), taxonomy)
    assert {e.slug for e in lexicon.entries} >= {t.slug for t in taxonomy.at_level("1")}
    train = read_labels(DEFAULT_TRAINING_PATH, taxonomy)
    held_out = read_labels(EVAL_PATH, taxonomy)
    assert len(train) >= 450 and len(held_out) >= 170
    assert not {r.text for r in train} & {r.text for r in held_out}


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "file not found"),
        ("tekst;labels\n", "missing column"),
        ("text,labels\n", "no labelled rows"),
        ('text,labels\n"",wonen\n', "line 2: empty text"),
        ("text,labels\nNieuwe woningen,wonen;kunst\n", "line 2: unknown theme slug"),
    ],
)
def test_themes_labels_errors_name_file_and_problem(mini, tmp_path: Path, content, problem):
    _, taxonomy, _ = mini
    path = tmp_path / "labels.csv"
    if content is not None:
        write(path, content)
    with pytest.raises(LabelsError, match=problem) as err:
        read_labels(path, taxonomy)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_themes_labels_add_level1_parent(mini, tmp_path: Path):
    _, taxonomy, _ = mini
    path = write(tmp_path / "l.csv", "text,labels\nBouwen; wonen,woningbouw ; communicatie\n")
    assert read_labels(path, taxonomy)[0].labels == {"woningbouw", "wonen", "communicatie"}


# --- lexicon matching ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "lemma", "slug"),
    [
        ("woningbouwprojecten", "woningbouwproject", "woningbouw"),
        ("huurwoningen", "huurwoning", "wonen"),
        ("jeugdhulpaanbieders", "jeugdhulpaanbieder", "jeugd"),
        ("zorgverleners", "zorgverlener", "sociaal"),
        ("sportpark", "sportpark", "sociaal"),
        ("gemeenteraad", "gemeenteraad", "bestuur"),
        ("woningen", "woning", "wonen"),
    ],
)
def test_themes_lexicon_matches_inflections_and_compounds(mini, word, lemma, slug):
    _, _, lexicon = mini
    matches = lexicon.match(make_doc(["De", word], ["de", lemma]))
    assert (slug, word) in [(m.slug, m.text) for m in matches]
    assert all(m.start == 1 for m in matches)


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("transport", "transport"),  # "sport" inside an unrelated word
        ("verzorging", "verzorging"),  # "zorg" with a prefix and a derivational suffix
        ("bezorgen", "bezorgen"),
        ("zorgen", "zorgen"),  # the verb, not the noun
        ("raadsel", "raadsel"),  # short term "raad": exact match only
        ("sportief", "sportief"),
    ],
)
def test_themes_lexicon_ignores_unrelated_words(mini, word, lemma):
    _, _, lexicon = mini
    assert lexicon.match(make_doc([word], [lemma])) == []


def test_themes_lexicon_multiword_terms_match_on_lemmas(mini):
    _, _, lexicon = mini
    doc = make_doc(["Via", "Sociale", "Media", "."], ["via", "sociaal", "medium", "."])
    assert [(m.slug, m.text) for m in lexicon.match(doc)] == [("communicatie", "Sociale Media")]


def test_themes_lexicon_remembered_plans_give_the_same_matches(mini, monkeypatch):
    """A word/lemma pair's candidate terms are remembered (bounded): the same matches with a
    warm, a cleared and a tiny cache, and the same word with another lemma is not mixed up."""
    from pipeline.themes import lexicon as lexicon_mod

    _, _, lexicon = mini
    doc = make_doc(
        ["Sociale", "Media", "en", "woningbouwprojecten", "sociale", "zorgen", "huurwoningen"],
        ["sociaal", "medium", "en", "woningbouwproject", "sociaal", "zorg", "huurwoning"],
    )
    first = lexicon.match(doc)
    assert ("sociaal", "zorgen") in [(m.slug, m.text) for m in first]
    assert lexicon.match(doc) == first
    other = make_doc(["zorgen"], ["zorgen"])  # same word, the verb's lemma: no match
    assert lexicon.match(other) == []
    monkeypatch.setattr(lexicon_mod, "PLAN_CACHE", 3)
    lexicon._plan_cache.clear()
    lexicon._compound_cache.clear()
    assert lexicon.match(doc) == first
    assert len(lexicon._plan_cache) <= 3 and len(lexicon._compound_cache) <= 3


def test_themes_lexicon_compound_parts_equal_every_substring_tried():
    """Compound parts found by growing pieces only while a lexicon form starts with them are
    the parts found by trying every substring (the shipped lexicon)."""
    lexicon = load_lexicon(ThemeSettings(), load_taxonomy())

    def every_substring(lemma: str) -> tuple[str, ...]:
        found: set[str] = set()
        n, shortest = len(lemma), lexicon.settings.compound_min_length
        for start in range(max(n - shortest + 1, 0)):
            for end in range(start + shortest, n + 1):
                form = lemma[start:end]
                if end - start == n or form not in lexicon._compound_forms:
                    continue
                if lexicon._rest_ok(lemma[:start], True) and lexicon._rest_ok(lemma[end:], False):
                    found.add(form)
        return tuple(sorted(found))

    lemmas = [
        "woningbouwproject", "jeugdhulpaanbieder", "veiligheidsbeleid", "sportparkbeheer",
        "afvalinzamelingsbeleid", "transport", "verzorging", "onderwijshuisvesting",
        "bestemmingsplanwijziging", "zorg", "e-bikeparkeerplaats", "gemeenteraadsverkiezing",
    ]  # fmt: skip
    for lemma in lemmas:
        assert lexicon.compound_parts(lemma) == every_substring(lemma), lemma
    assert any(lexicon.compound_parts(lemma) for lemma in lemmas)


def test_themes_lexicon_score_and_parent_implication(mini):
    settings, taxonomy, lexicon = mini
    tagger = ThemeTagger(settings, taxonomy, lexicon)
    doc = make_doc(
        ["woningbouw", "en", "woningen", "en", "samenwerking"],
        ["woningbouw", "en", "woning", "en", "samenwerking"],
    )
    hits = {h.slug: h for h in tagger.tag(doc)}
    assert hits["woningbouw"].score == pytest.approx(1 - math.exp(-1.0), abs=1e-4)
    # The parent gets its own term's weight but at least the child's score.
    assert hits["wonen"].score == pytest.approx(1 - math.exp(-1.0), abs=1e-4)
    assert set(hits["wonen"].evidence) == {"woningen", "woningbouw"}
    assert hits["woningbouw"].level == "2" and hits["wonen"].code == "8"
    assert hits["samenwerking"].score == pytest.approx(1 - math.exp(-0.5), abs=1e-4)
    assert all(h.method == "lexicon" for h in hits.values())
    strict = ThemeTagger(settings.model_copy(update={"threshold": 0.5}), taxonomy, lexicon)
    assert "samenwerking" not in {h.slug for h in strict.tag(doc)}


def test_themes_evidence_is_limited_and_deduplicated(mini):
    settings, taxonomy, lexicon = mini
    tagger = ThemeTagger(settings.model_copy(update={"max_evidence": 2}), taxonomy, lexicon)
    words = ["zorg", "Zorg", "sport", "zorgverlener", "sportpark"]
    hits = tagger.tag(make_doc(words, [w.lower() for w in words]))
    assert [(h.slug, h.evidence) for h in hits] == [("sociaal", ["zorg", "sport"])]


# --- aggregation and rows -----------------------------------------------------------------


def hit(slug: str, score: float, evidence: list[str], level: str = "1") -> ThemeHit:
    return ThemeHit(slug, None, level, score, evidence, "model", slug)


def test_themes_aggregate_keeps_themes_that_cover_the_text():
    settings = ThemeSettings(aggregate_coverage=0.2, threshold=0.35)
    children = [[hit("a", 0.8, ["x"]), hit("b", 0.9, ["y"])], [hit("a", 0.6, ["z", "x"])], []]
    weights = [10.0, 30.0, 160.0]
    out = {h.slug: h for h in aggregate(children, weights, settings)}
    # a: present in 40 of 200 words (share 0.2 = coverage), mean score (8 + 18) / 40.
    assert out["a"].score == pytest.approx((0.8 * 10 + 0.6 * 30) / 40, abs=1e-4)
    assert set(out["a"].evidence) == {"x", "z"}
    # b: share 0.05 -> 0.9 * 0.05 / 0.2 = 0.225, below the threshold.
    assert "b" not in out


def test_themes_aggregate_edge_cases():
    assert aggregate([], []) == []
    assert aggregate([[hit("a", 0.9, [])]], [0.0]) == []
    with pytest.raises(ValueError, match="differ in length"):
        aggregate([[hit("a", 0.9, [])]], [1.0, 2.0])


def test_themes_rows_match_table_declaration():
    hits = [hit("veiligheid", 0.71, ["brandweer"]), hit("privacy", 0.5, [], "cross")]
    rows = theme_rows("u1", "paragraph", hits)
    table = validate(THEMES, rows)
    assert table.num_rows == 2 and set(table.column_names) == set(THEMES.column_names)
    assert rows[0]["evidence"] == ["brandweer"] and rows[1]["level"] == "cross"


# --- model, evaluation, seeds (trained spaCy pipeline) --------------------------------------


@pytest.fixture(scope="module")
def eval_set(nlp_model):
    nlp, _ = nlp_model
    taxonomy = load_taxonomy()
    rows = read_labels(EVAL_PATH, taxonomy)
    return taxonomy, list(nlp.pipe(r.text for r in rows)), [set(r.labels) for r in rows]


@pytest.fixture(scope="module")
def model_tagger(nlp_model):
    return ThemeTagger.load(ThemeSettings(), nlp_model[0])


@pytest.mark.slow
def test_themes_model_beats_lexicon_on_held_out_data(eval_set, model_tagger):
    taxonomy, docs, gold = eval_set
    lexicon_tagger = ThemeTagger.load(ThemeSettings(method="lexicon"))
    scores = {
        "lexicon": evaluate(predict_sets(lexicon_tagger, docs), gold, taxonomy),
        "model": evaluate(predict_sets(model_tagger, docs), gold, taxonomy),
    }
    for method, floors in F1_FLOORS.items():
        for level, floor in floors.items():
            assert scores[method][level].micro_f1 >= floor, (method, level, scores[method][level])
    assert scores["model"]["1"].micro_f1 > scores["lexicon"]["1"].micro_f1
    assert scores["model"]["1"].macro_f1 > scores["lexicon"]["1"].macro_f1


@pytest.mark.slow
def test_themes_model_scores_and_evidence_come_from_the_text(nlp_model, model_tagger):
    nlp, _ = nlp_model
    text = (
        "De gemeente bouwt dit jaar 300 nieuwe sociale huurwoningen. Het woningbouwprogramma "
        "loopt vertraging op door stikstof, maar starters krijgen voorrang bij de toewijzing."
    )
    doc = nlp(text)
    hits = model_tagger.tag(doc)
    assert hits and all(0 <= h.score <= 1 and h.method == "model" for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    top = hits[0]
    assert model_tagger.taxonomy[top.slug].code.startswith("8")
    assert top.evidence and all(word in text for word in top.evidence)
    assert len(top.evidence) <= ThemeSettings().max_evidence
    for h in hits:
        parent = model_tagger.taxonomy[h.slug].parent
        assert parent is None or parent in {x.slug for x in hits}


@pytest.mark.slow
def test_themes_model_degrades_gracefully_on_fallback_pipeline(model_tagger):
    from pipeline.nlp import make_fallback_pipeline

    doc = make_fallback_pipeline()(
        "De brandweer en de politie werken aan de veiligheid in de wijk."
    )
    assert "veiligheid" in {h.slug for h in model_tagger.tag(doc)}
    assert model_tagger.tag(make_fallback_pipeline()("")) == []


def seed_record_themes(nlp, tagger, settings, index: int) -> tuple[set[str], dict]:
    require_seeds()
    units, errors = read_units([str(SEED_PROGRAMMES[index])], settings)
    assert not errors and any(u.context for u in units)
    result = tag_units(units, settings, nlp, tagger)
    assert len(result["units"]) == sum(not u.context for u in units)
    (record,) = result["records"]
    return {t["slug"] for t in record["themes"]}, result


@pytest.mark.slow
@pytest.mark.parametrize(
    "index",
    [
        0,
        1,
        2,
        3,
    ],
)
def test_themes_seed_programmes_are_about_governance(nlp_model, model_tagger, settings, index):
    found, _ = seed_record_themes(nlp_model[0], model_tagger, settings, index)
    assert "bestuur_en_ondersteuning" in found, found


@pytest.mark.slow
@pytest.mark.parametrize("index", range(4))
def test_themes_seed_programmes_get_their_cross_themes(nlp_model, model_tagger, settings, index):
    found, _ = seed_record_themes(nlp_model[0], model_tagger, settings, index)
    expected = {
        0: {"communicatie", "participatie", "samenwerking"},
        1: {"communicatie", "dienstverlening", "samenwerking", "veiligheid"},
        2: {"samenwerking", "participatie", "dienstverlening"},
        3: {"samenwerking", "communicatie", "dienstverlening", "privacy"},
    }[index]
    assert expected <= found, (SEED_PROGRAMMES[index].name, found)


@pytest.mark.slow
def test_themes_results_are_stable(nlp_model):
    nlp, _ = nlp_model
    text = "Wij investeren in jeugdhulp en in de aanpak van eenzaamheid onder ouderen."
    rows = [
        theme_rows("u", "paragraph", ThemeTagger.load(ThemeSettings(), nlp).tag(nlp(text)))
        for _ in range(2)
    ]
    assert rows[0] == rows[1] and rows[0]


def small_labels(tmp_path: Path, n: int = 80) -> Path:
    with DEFAULT_TRAINING_PATH.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))[:n]
    path = tmp_path / "labels.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["text", "labels"])
        writer.writeheader()
        writer.writerows({"text": r["text"], "labels": r["labels"]} for r in rows)
    return path


@pytest.mark.slow
def test_themes_retraining_round_trip(nlp_model, tmp_path: Path):
    nlp, _ = nlp_model
    labels = small_labels(tmp_path)
    out = tmp_path / "own_model.joblib"
    model, report = train_tagger(labels, ThemeSettings(), nlp, out)
    meta = read_meta(out)
    assert out.is_file() and meta["training_sha256"] and meta["sklearn_version"]
    assert meta["n_rows"] == 80 and report["labels"] == model.labels
    loaded = ThemeTagger.load(ThemeSettings(model_path=out), nlp)
    doc = nlp(read_labels(labels, loaded.taxonomy)[0].text)
    assert loaded.tag(doc) == ThemeTagger(ThemeSettings(), loaded.taxonomy, loaded.lexicon,
                                          model).tag(doc)  # fmt: skip
    assert {h.slug for h in loaded.tag(doc)} <= set(model.labels) | {
        loaded.taxonomy[s].parent for s in model.labels if loaded.taxonomy[s].parent
    }


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["version", "corrupt"])
def test_themes_unusable_model_is_retrained_once(nlp_model, tmp_path: Path, caplog, damage):
    nlp, _ = nlp_model
    out = tmp_path / "m.joblib"
    train_tagger(small_labels(tmp_path, 60), ThemeSettings(), nlp, out)
    if damage == "version":
        meta = read_meta(out)
        meta["sklearn_version"] = "0.1"
        out.with_suffix(".json").write_text(json.dumps(meta))
    else:
        out.write_bytes(b"not a pickle")
    settings = ThemeSettings(model_path=out)
    with caplog.at_level(logging.WARNING, logger="pipeline.themes.tagger"):
        first = ThemeTagger.load(settings, nlp)
        second = ThemeTagger.load(settings, nlp)
    assert first.model is second.model
    assert sum("retraining" in r.getMessage() for r in caplog.records) == 1
    tagger_mod._RETRAINED.clear()


def test_themes_missing_configured_model_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ThemeModelError, match="theme model not found"):
        ThemeTagger.load(ThemeSettings(model_path=tmp_path / "nope.joblib"))


# --- command line -------------------------------------------------------------------------


@pytest.fixture
def cli_nlp(monkeypatch, nlp_model):
    """Let the CLI reuse the session's loaded pipeline instead of loading it again."""
    import pipeline.nlp

    monkeypatch.setattr(pipeline.nlp, "load_pipeline", lambda settings: nlp_model)
    return nlp_model


PLAIN_TEXT = (
    "Beste bewoner,\n\nWe vervangen in uw straat de riolering en leggen nieuwe stoepen aan.\n\n"
    "Tijdens de werkzaamheden is de straat afgesloten voor auto's. Heeft u vragen? Bel de "
    "gemeente of kijk op de website.\n"
)


@pytest.mark.slow
def test_themes_cli_tags_plain_text_paragraphs(cli_nlp, tmp_path: Path):
    path = write(tmp_path / "brief.txt", PLAIN_TEXT)
    result = CliRunner().invoke(app, ["themes", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [u["text"] for u in data["units"]] == [p.strip() for p in PLAIN_TEXT.split("\n\n")]
    for unit in data["units"]:
        for theme in unit["themes"]:
            assert {"slug", "name", "level", "score", "evidence"} <= set(theme)
    assert len(data["records"]) == 1
    stdin = CliRunner().invoke(app, ["themes", "-", "--format", "text"], input=PLAIN_TEXT)
    assert stdin.exit_code == 0 and "Thema's" in stdin.stdout and "bewijs" in stdin.stdout
    scores = re.findall(r"^ +(\S+)  .* — bewijs:", stdin.stdout, flags=re.M)
    assert scores and all(re.fullmatch(r"\d,\d\d", s) for s in scores), scores  # Dutch comma


@pytest.mark.slow
def test_themes_cli_units_of_thread_are_comments(cli_nlp):
    require_seeds()
    result = CliRunner().invoke(app, ["themes", str(SEED_THREAD), "--method", "lexicon"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    kinds = {u["kind"] for u in data["units"]}
    assert "comment" in kinds and data["records"][0]["kind"] == "thread"


@pytest.mark.slow
def test_themes_cli_broken_input_does_not_stop_the_batch(cli_nlp, tmp_path: Path):
    good = write(tmp_path / "a.txt", PLAIN_TEXT)
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(app, ["themes", str(good), str(bad)])
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)["units"]) == 3
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and str(bad) in errors[0]


@pytest.mark.parametrize("format", ["json", "text"])
def test_themes_cli_missing_file_is_only_an_error(tmp_path: Path, format: str):
    """Nothing could be read: the error on stderr, nothing on stdout, exit 1."""
    missing = tmp_path / "nope.txt"
    result = CliRunner().invoke(app, ["themes", str(missing), "--format", format])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"gemeentetaal: error: {missing}: file or folder not found"
    ]


@pytest.mark.slow
def test_themes_cli_train_writes_a_usable_model(cli_nlp, tmp_path: Path):
    out = tmp_path / "eigen.joblib"
    result = CliRunner().invoke(
        app, ["themes", "train", str(small_labels(tmp_path, 60)), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.is_file() and "model_path" in result.stdout
    assert re.search(r"kruisvalidatie micro-F1: \d,\d{3} ", result.stdout)
    config = write(tmp_path / "g.toml", f'[themes]\nmodel_path = "{out}"\n')
    tagged = CliRunner().invoke(app, ["themes", "-", "--config", str(config)], input=PLAIN_TEXT)
    assert tagged.exit_code == 0, tagged.output


@pytest.mark.parametrize(
    ("content", "message"),
    [("text;labels\n", "missing column"), ("text,labels\nEen zin,onbekend_thema\n", "unknown")],
)
def test_themes_cli_train_bad_labels_give_one_line_error(tmp_path: Path, content, message):
    path = write(tmp_path / "labels.csv", content)
    result = CliRunner().invoke(app, ["themes", "train", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and str(path) in lines[0]


def test_themes_cli_rejects_bad_format():
    result = CliRunner().invoke(app, ["themes", "-", "--format", "xml"], input="tekst")
    assert result.exit_code == 2 and "--format" in result.stderr


@pytest.mark.slow
def test_themes_cli_discover_writes_topics(cli_nlp, tmp_path: Path):
    require_seeds()
    out = tmp_path / "topics"
    args = ["themes", "discover", *map(str, SEED_PROGRAMMES), "--topics", "3", "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    topics = json.loads((out / "topics.json").read_text(encoding="utf-8"))
    assert len(topics) == 3 and all(t["terms"] and t["units"] for t in topics)
    with (out / "topic_terms.csv").open(encoding="utf-8") as fh:
        terms = list(csv.DictReader(fh))
    assert {int(r["topic"]) for r in terms} == {0, 1, 2}
    assert (out / "topic_units.csv").is_file() and "3 onderwerpen" in result.stdout
    stop = {"de", "het", "een", "en", "van", "we", "wij"}
    assert not stop & {r["term"] for r in terms}


def test_themes_discover_needs_enough_units():
    from pipeline.themes.discover import DiscoveryError, discover_topics

    with pytest.raises(DiscoveryError, match="too few"):
        discover_topics(["woning bouwen", "brandweer"], 5)


def test_themes_lemma_tokens_drop_stop_words_and_numbers():
    words = ["De", "300", "Woningen", "en", "www.zaanstad.nl", "."]
    doc = make_doc(words, ["de", "300", "woning", "en", "www.zaanstad.nl", "."])
    assert [(lemma, t.text) for lemma, t in lemma_tokens(doc)] == [("woning", "Woningen")]


def test_themes_lemma_tokens_drop_privacy_placeholders():
    """Walkthrough s36: "[e-mail]" was evidence for digitalisering and `themes discover`
    made topics of "naam],(mensenkenner": a placeholder, alone or glued, is no content."""
    words = ["Mail", "[", "e-mail", "]", "over", "TL-licht-[naam", "]", "en", "[", "naam",
             "],(mensenkenner", "lantaarn"]  # fmt: skip
    doc = make_doc(words, [w.lower() for w in words])
    assert [lemma for lemma, _ in lemma_tokens(doc)] == ["mail", "lantaarn"]


@pytest.mark.slow
def test_themes_short_units_are_tagged_by_the_lexicon_only(nlp_model, model_tagger):
    nlp, _ = nlp_model
    hits = model_tagger.tag(nlp("Meer brandweer!"))
    assert "veiligheid" in {h.slug for h in hits}
    assert {h.method for h in hits} == {"lexicon"}
    long_hits = model_tagger.tag(nlp("De brandweer oefent met de politie een grote brand."))
    assert {h.method for h in long_hits} == {"model"}


@pytest.mark.slow
def test_themes_fast_probabilities_equal_scikit_learn(nlp_model, model_tagger):
    """The stacked linear fast path gives scikit-learn's own predict_proba."""
    model = model_tagger.model
    assert model is not None and model._stacked() is not None
    texts = [
        "woningbouw huurwoning bestemmingsplan",
        "jeugdhulp wmo bijstand mantelzorg",
        "brandweer politie veiligheid",
        "",
    ]
    features = model.features(texts)
    expected = np.asarray(model.classifier.predict_proba(features), dtype=float)
    assert np.array_equal(model.probabilities(features), expected)  # to the last bit


@pytest.mark.slow
def test_themes_rollups_equal_one_by_one(nlp_model, model_tagger):
    nlp = nlp_model[0]
    groups = []
    for texts in (["Wij bouwen 200 huurwoningen.", "De brandweer oefent."], ["Jeugdhulp."]):
        docs = list(nlp.pipe(texts))
        groups.append((docs, model_tagger.tag_docs(docs), [5.0] * len(docs)))
    docs, hits, _ = groups[0]
    groups.append((docs, hits, [1.0, 9.0]))  # the same Docs (read once), other weights
    groups.append(([], [], []))
    together = model_tagger.rollups(groups)
    apart = [model_tagger.rollup(*group) for group in groups]
    assert together == apart and together[0] and together[-1] == []


def test_themes_read_units_is_the_run_segmentation(tmp_path: Path):
    """One segmentation (issue 11): ``themes`` cuts every file of data/raw (programmes, letters,
    threads, exports) into the units ``run`` analyses (``ingest_paths`` + ``units_of``), and
    reports a broken file and a copy as ``run`` does."""
    from pipeline.analyse import units_of
    from pipeline.config import Settings
    from pipeline.ingest import ingest_paths
    from pipeline.privacy import Pseudonymiser
    from pipeline.records import IngestError

    settings = Settings()
    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    units, errors = read_units([str(raw)], settings)
    expected, expected_errors = [], []
    for item in ingest_paths([raw], settings, Pseudonymiser.for_scrubbing(settings.privacy)):
        if isinstance(item, IngestError):
            expected_errors.append(item.path)
        else:
            expected += [(u.unit_id, u.text) for u in units_of(item) if u.text.strip()]
    assert [(u.unit_id, u.text) for u in units if not u.context] == expected
    assert len(expected) > 100 and [e.path for e in errors] == expected_errors
    copy = tmp_path / "kopie.txt"
    copy.write_bytes((raw / "brief_b1_rioolvervanging.txt").read_bytes())
    _, errors = read_units([str(raw / "brief_b1_rioolvervanging.txt"), str(copy)], settings)
    assert len(errors) == 1 and "same content" in errors[0].message


def _explain_by_loop(model, row, lemmas, label):
    """The per-lemma loop ``explain_labels`` replaced (reference for identical evidence)."""
    from collections import Counter, defaultdict

    from scipy import sparse

    row = sparse.csr_matrix(row)
    counts = Counter(lemmas)
    names = list(counts)
    word_vec, char_vec = (t for _, t in model.vectorizer.transformer_list)
    analyse = char_vec.build_analyzer()
    feats = []
    for lemma in names:
        grams = Counter(g for g in analyse(lemma) if g in char_vec.vocabulary_)
        cols = [(len(word_vec.vocabulary_) + char_vec.vocabulary_[g], k) for g, k in grams.items()]
        feats.append((word_vec.vocabulary_.get(lemma), cols))
    totals: dict[int, int] = defaultdict(int)
    for lemma, (_, grams) in zip(names, feats, strict=True):
        for j, k in grams:
            totals[j] += counts[lemma] * k
    present = {j: p for p, j in enumerate(row.indices.tolist())}
    r_idx, c_idx, share = [], [], []
    for i, (lemma, (word, grams)) in enumerate(zip(names, feats, strict=True)):
        if word is not None and word in present:
            r_idx.append(i)
            c_idx.append(present[word])
            share.append(1.0)
        for j, k in grams:
            if j in present:
                r_idx.append(i)
                c_idx.append(present[j])
                share.append(counts[lemma] * k / totals[j])
    shares = sparse.csr_matrix((share, (r_idx, c_idx)), shape=(len(names), len(row.indices)))
    scores = shares @ (row.data * model._coef(label)[row.indices])
    ranked = sorted(
        ((float(scores[i]), names[i]) for i in np.flatnonzero(scores > 0)),
        key=lambda x: (-x[0], x[1]),
    )
    return [(lemma, score) for score, lemma in ranked]


@pytest.mark.slow
def test_themes_explain_labels_equal_the_per_lemma_loop(nlp_model, model_tagger):
    """The vectorised evidence ranking gives the loop's lemmas in the loop's order
    (repeated lemmas, unknown words, an empty text), for every label."""
    model = model_tagger.model
    assert model is not None
    texts = [
        "woningbouw huurwoning bestemmingsplan woningbouw huurwoningen woningbouw",
        "jeugdhulp wmo bijstand mantelzorg xqzv jeugdhulp zorgverlening",
        "brandweer politie veiligheid handhaving toezicht cameratoezicht",
        "",
    ]
    features = model.features(texts)
    for i, text in enumerate(texts):
        lemmas = text.split()
        labels = list(range(len(model.labels)))
        got = model.explain_labels(features[i], lemmas, labels)
        for label, lemmas_got in zip(labels, got, strict=True):
            expected = _explain_by_loop(model, features[i], lemmas, label)
            assert lemmas_got == [lemma for lemma, _ in expected]
        assert any(got) or not text


@pytest.mark.slow
def test_themes_lemma_features_equal_the_vectorizer(nlp_model, model_tagger):
    """Features summed from per-lemma counts are the vectorizer's matrix to the last bit
    (layout and values): repeated lemmas, shared n-grams, unknown words, an empty text, a
    text made of the others (as a roll-up is), and the fallback for a lemma with a space."""
    model = model_tagger.model
    assert model is not None
    lists = [
        ["woningbouw", "huurwoning", "bestemmingsplan", "woningbouw", "huurwoningen", "woningbouw"],
        [
            "jeugdhulp",
            "wmo",
            "bijstand",
            "mantelzorg",
            "xqzv",
            "jeugdhulp",
            "zorgverlening",
            "é-bike",
        ],
        [],
        ["de", "gemeente", "wil", "het", "park", "en", "de", "speeltuin", "opknappen"],
    ]
    lists.append([lemma for lemmas in lists for lemma in lemmas])
    lists.append(["beïnvloeden\xa0helder", "park\n", "Park"])  # other white space, capitals
    calls = []
    original = model.features
    model.features = lambda texts: calls.append(texts) or original(texts)  # type: ignore[method-assign]
    try:
        spaced = [["park"], ["in het kader", "woningbouw"], ["park", "speeltuin"], ["a b"]]
        for batch in (lists, spaced, [["a b"]]):  # a spaced lemma: the vectorizer counts it
            expected = original([" ".join(lemmas) for lemmas in batch])
            got = model.lemma_features(batch)
            assert got.shape == expected.shape
            assert np.array_equal(got.indptr, expected.indptr)
            assert np.array_equal(got.indices, expected.indices)
            assert np.array_equal(got.data, expected.data)  # exact, not approximately
    finally:
        del model.features
    assert calls == [["in het kader woningbouw", "a b"], ["a b"]]  # only texts with a space


@pytest.mark.slow
def test_themes_explain_bags_equal_the_loop_for_each_text(nlp_model, model_tagger):
    """Evidence rankings of several texts at once are the per-text loop's, for features
    summed from the lemmas, for the vectorizer's (a spaced lemma: another layout) and for a
    row stored out of column order; labels repeated or absent."""
    from scipy import sparse

    model = model_tagger.model
    assert model is not None
    lists = [
        ["woningbouw", "huurwoning", "bestemmingsplan", "woningbouw", "huurwoningen"],
        ["jeugdhulp", "wmo", "bijstand", "mantelzorg", "xqzv", "jeugdhulp"],
        [],
        ["brandweer", "politie", "veiligheid", "in het kader", "toezicht"],
        ["park", "speeltuin", "sport", "sportpark", "park"],
    ]
    n_labels = len(model.labels)
    labels = [[0, 3, 3, n_labels - 1], list(range(n_labels)), [1], [], list(range(0, n_labels, 2))]
    bags = model.bags(lists)
    summed = model.bag_features(bags)
    texts = [" ".join(lemmas) for lemmas in lists]
    shuffled = sparse.csr_matrix(model.features(texts))
    for i in range(shuffled.shape[0]):  # the same values, each row stored back to front
        a, b = shuffled.indptr[i], shuffled.indptr[i + 1]
        shuffled.indices[a:b] = shuffled.indices[a:b][::-1].copy()
        shuffled.data[a:b] = shuffled.data[a:b][::-1].copy()
    shuffled.has_sorted_indices = False
    for features in (summed, model.features(texts), shuffled):
        got = model.explain_bags(features, model.bags(lists), labels)
        assert [len(g) for g in got] == [len(ls) for ls in labels]
        for i, (lemmas, ls) in enumerate(zip(lists, labels, strict=True)):
            for label, ranked in zip(ls, got[i], strict=True):
                expected = _explain_by_loop(model, features[i], lemmas, label)
                assert ranked == [lemma for lemma, _ in expected], (i, label)
    assert any(got[0]) and any(got[1]) and got[3] == []


@pytest.mark.slow
def test_themes_lemma_rows_equal_the_analyser(model_tagger, monkeypatch):
    """Each lemma's cached word and n-gram counts (counted for many lemmas in one call) are
    the analyser's, in column order; the cache stays within its bound."""
    from collections import Counter

    from pipeline.themes import model as model_mod

    model = model_tagger.model
    assert model is not None
    word_vec, char_vec = (t for _, t in model.vectorizer.transformer_list)
    analyse = char_vec.build_analyzer()
    lemmas = ["woningbouw", "xqzv", "é-bike", "woningbouw", "park\n", "Park", "a"]
    model._features.clear()
    rows = model._lemma_rows(lemmas)
    for lemma, (cols, ks) in zip(lemmas, rows, strict=True):
        grams = Counter(g for g in analyse(lemma) if g in char_vec.vocabulary_)
        expected = sorted((len(word_vec.vocabulary_) + char_vec.vocabulary_[g], k)
                          for g, k in grams.items())  # fmt: skip
        if lemma in word_vec.vocabulary_:
            expected.insert(0, (word_vec.vocabulary_[lemma], 1))
        assert list(zip(cols.tolist(), ks.tolist(), strict=True)) == expected
    monkeypatch.setattr(model_mod, "FEATURE_CACHE", 4)
    model._features.clear()
    model._lemma_rows(lemmas[:3])
    again = model._lemma_rows(["sport", "sportpark", "speeltuin", "woningbouw"])
    assert len(model._features) <= 4
    assert np.array_equal(again[3][0], rows[0][0]) and np.array_equal(again[3][1], rows[0][1])
    model._features.clear()
