from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from pipeline import nlp as nlp_mod
from pipeline.config import NlpSettings

TRICKY = (
    "O.a. m.b.t. de OZB: bijv. 12,5 mln. euro (ca. € 3.000,-) via https://x.nl/a?b=c of "
    "info@x.nl; 's-Hertogenbosch en Sint-Laureins, d.w.z. z.s.m. :) 😀 t.a.v. het college. "
    "Zie blz. 4 e.v., art. 2 lid 3 sub a Wmo, nr. 7; i.p.v. 1 jan. om 9.00 u. (z.o.z.) "
    "Mr. drs. ir. De Vries-o.a. A.s. dinsdag, d.d. 3-4-'24, e.e.a. ca.5 km. o.i.d.?"
)


def corpus() -> list[str]:
    """The seed inputs, the bundled text samples and a string dense with abbreviations."""
    paths = sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "data" / "raw").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths] + [TRICKY]


def tokens(nlp, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in nlp.tokenizer(text)]


def test_nlp_fallback_pipeline_segments_and_lemmatises():
    nlp = nlp_mod.make_fallback_pipeline()
    doc = nlp("De gemeenten faciliteren bewoners. Zij werkten hard.")
    assert len(list(doc.sents)) == 2
    lemmas = [t.lemma_ for t in doc]
    assert "gemeente" in lemmas and "werken" in lemmas


def test_nlp_load_falls_back_with_loud_warning(tmp_path: Path):
    settings = NlpSettings(model="nl_does_not_exist", alternatives=(), wheelhouse=tmp_path)
    with pytest.warns(nlp_mod.FallbackModelWarning, match="rule-based fallback"):
        nlp, info = nlp_mod.load_pipeline(settings)
    assert info.is_fallback and info.source == "fallback"
    assert nlp.lang == "nl"


def test_nlp_no_fallback_raises(tmp_path: Path):
    settings = NlpSettings(
        model="nl_does_not_exist", alternatives=(), wheelhouse=tmp_path, allow_fallback=False
    )
    with pytest.raises(RuntimeError, match="not installed"):
        nlp_mod.load_pipeline(settings)


def test_nlp_setup_model_order_ends_in_fallback_offline(tmp_path: Path, caplog):
    settings = NlpSettings(
        model="nl_does_not_exist", alternatives=(), wheelhouse=tmp_path, allow_download=False
    )
    info = nlp_mod.setup_model(settings)
    assert info.source == "fallback"
    # it says where it looked (user trial: a missing wheelhouse went unmentioned)
    assert f"wheelhouse {tmp_path.resolve()}: no pipeline wheel in it" in caplog.text
    settings = NlpSettings(
        model="nl_does_not_exist",
        alternatives=(),
        wheelhouse=tmp_path / "nowhere",
        allow_download=False,
    )
    assert nlp_mod.setup_model(settings).source == "fallback"
    assert "nowhere: no such folder" in caplog.text


def test_nlp_setup_model_stamp_only_with_a_trained_pipeline(tmp_path: Path, monkeypatch):
    """`make` re-runs `setup-model` until a trained pipeline is in place: the stamp is not
    written on the fallback (user trial: a fresh clone stayed on the fallback for good)."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    monkeypatch.setenv("GEMEENTETAAL_WHEELHOUSE", str(tmp_path))
    monkeypatch.setattr(nlp_mod, "setup_model", lambda settings: nlp_mod.fallback_info())
    stamp = tmp_path / "stamps" / "model"
    result = CliRunner().invoke(app, ["setup-model", "--stamp", str(stamp)])
    assert result.exit_code == 0 and not stamp.exists()
    monkeypatch.setattr(
        nlp_mod, "setup_model", lambda settings: nlp_mod._info_for("nl_ud_sm", "installed")
    )
    result = CliRunner().invoke(app, ["setup-model", "--stamp", str(stamp)])
    assert result.exit_code == 0 and stamp.exists()


def test_nlp_resolution_prefers_configured_then_alternatives(tmp_path: Path):
    wheelhouse = Path(__file__).resolve().parents[2] / "shared" / "models"
    settings = NlpSettings(model="nl_does_not_exist", wheelhouse=wheelhouse)
    found = nlp_mod.resolve_installed(settings)
    assert found is not None and found[0] in settings.alternatives
    if found[0] == "nl_ud_sm":
        assert found[1] == "wheelhouse"
    assert nlp_mod.wheelhouse_models(tmp_path) == []


@pytest.mark.slow
def test_nlp_trained_pipeline_parses_with_ids(nlp_model):
    nlp, info = nlp_model
    assert not info.is_fallback and info.has_parser
    units = [("De brief wordt verstuurd.", "u1"), ("Wij sturen de brief.", "u2")]
    out = list(nlp_mod.parse(nlp, units, NlpSettings()))
    assert [ctx for _, ctx in out] == ["u1", "u2"]
    assert any(t.dep_ == "aux:pass" for t in out[0][0])


@pytest.mark.slow
def test_nlp_parse_honours_n_process_with_one_stream(nlp_model, monkeypatch):
    """``n_process`` reaches ``nlp.pipe`` once for the whole stream (not once per batch of
    units), with the same Docs, in order, as one process; long units are still pieced."""
    nlp, _ = nlp_model
    texts = [f"Zin {i}. De gemeente wil dat iedereen prettig kan wonen." for i in range(150)]
    texts.append("Een hele lange alinea zonder einde. " * 300)
    units = [(t, i) for i, t in enumerate(texts)]
    one = list(nlp_mod.parse(nlp, units, NlpSettings()))
    calls: list[int] = []
    pipe = nlp.pipe

    def counting_pipe(*args, **kwargs):
        calls.append(kwargs.get("n_process", 1))
        return pipe(*args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counting_pipe)
    two = list(nlp_mod.parse(nlp, units, NlpSettings(n_process=2)))
    assert set(calls) == {2} and len(calls) <= 2  # spaCy's as_tuples calls pipe once more
    assert [ctx for _, ctx in two] == list(range(len(texts)))
    assert [d.to_json() for d, _ in two] == [d.to_json() for d, _ in one]


@pytest.mark.slow
def test_nlp_fast_load_gives_identical_tokens(nlp_model):
    import spacy

    nlp, info = nlp_model
    reference = spacy.load(info.name, exclude=["ner"])
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == nlp_mod.BARE_TOKENIZER
    text = (
        "O.a. m.b.t. de OZB: bijv. 12,5 mln. euro (ca. € 3.000,-) via https://x.nl/a?b=c of "
        "info@x.nl; 's-Hertogenbosch en Sint-Laureins, d.w.z. z.s.m. :) 😀 t.a.v. het college."
    )
    assert [t.text for t in nlp(text)] == [t.text for t in reference(text)]
    assert len(nlp.tokenizer.rules) == len(reference.tokenizer.rules) > 1000


def test_nlp_special_case_subset_keeps_only_cases_in_the_text():
    rules = {"a.s.": 1, "m.b.t.": 2, " ": 3, "a. s.": 4, "zzz.": 5}
    assert nlp_mod.special_cases_for(rules, ["Dat is m.b.t. a.s. dinsdag."]) == {
        "a.s.": 1,
        "m.b.t.": 2,
        " ": 3,
        "a. s.": 4,
    }
    assert nlp_mod.special_cases_for(rules, ["ab", "c"]).keys() == {" "}


def test_nlp_fallback_subset_tokenizer_gives_identical_tokens():
    full = nlp_mod.make_fallback_pipeline()
    texts = corpus()
    assert len(texts) > 10
    for text in texts:
        small = nlp_mod.make_fallback_pipeline([text[:20_000]])
        assert len(small.tokenizer.rules) < len(full.tokenizer.rules) / 10
        assert tokens(small, text[:20_000]) == tokens(full, text[:20_000])
    assert len(nlp_mod.make_fallback_pipeline(["x" * 20_001]).tokenizer.rules) == len(
        full.tokenizer.rules
    )


@pytest.mark.slow
def test_nlp_trained_subset_tokenizer_gives_identical_tokens(nlp_model):
    from spacy.tokenizer import Tokenizer

    nlp, info = nlp_model
    assert nlp_mod.load_trained(info.name, [TRICKY]).tokenizer.rules.keys() == (
        nlp_mod.special_cases_for(nlp.tokenizer.rules, [TRICKY]).keys()
    )
    saved = nlp.tokenizer.to_bytes(exclude=["vocab"])
    for text in corpus():
        small = Tokenizer(nlp.vocab)
        small.from_bytes(saved, exclude=["vocab"])
        small.rules = nlp_mod.special_cases_for(nlp.tokenizer.rules, [text])
        assert [(t.text, t.whitespace_) for t in small(text)] == tokens(nlp, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("plastic (PMD)\nwordt opgehaald.", "plastic (PMD) wordt opgehaald."),
        ("Eerste zin.\nTweede zin.", "Eerste zin.\nTweede zin."),
        ("Zie hieronder:\n- een lijst", "Zie hieronder:\n- een lijst"),
        ("Titel\nDe tekst begint.", "Titel\nDe tekst begint."),
        ("twee\n\nalinea's", "twee\n\nalinea's"),
        ("", ""),
    ],
)
def test_nlp_unwrap_lines_joins_only_wrapped_sentences(text, expected):
    out = nlp_mod.unwrap_lines(text)
    assert out == expected and len(out) == len(text)


def test_char_batches_bound_count_and_characters() -> None:
    from pipeline.nlp import char_batches

    items = [("a" * n, i) for i, n in enumerate([10, 10, 10, 60, 5, 5, 200, 1])]
    groups = list(char_batches(items, max_items=3, max_chars=50))
    assert [[c for _, c in g] for g in groups] == [[0, 1, 2], [3], [4, 5], [6], [7]]
    assert [item for g in groups for item in g] == items  # order and content kept


def test_nlp_a_chosen_pipeline_that_is_missing_is_named_in_a_warning(nlp_model, caplog):
    """``--model nl_fake`` (or ``nlp.model`` in the configuration) when it is not installed:
    another installed Dutch pipeline is used, and the log says which instead of which; the
    default model missing (as on this machine) is the documented order and not warned."""
    import logging

    with caplog.at_level(logging.WARNING, logger="pipeline.nlp"):
        nlp, info = nlp_mod.load_pipeline(NlpSettings(model="nl_fake_model"))
    assert "'nl_fake_model' is not installed; using" in caplog.text
    assert info.name in caplog.text and nlp.lang == "nl"
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="pipeline.nlp"):
        nlp_mod.load_pipeline(NlpSettings())
    assert "is not installed; using" not in caplog.text
