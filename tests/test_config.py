from pathlib import Path

import pytest
from pydantic import ValidationError

from pipeline.config import ConfigError, Settings, load_settings


def test_config_defaults_are_frozen():
    settings = load_settings(None, None, environ={})
    assert settings.nlp.model == "nl_core_news_md"
    with pytest.raises(ValidationError):
        settings.nlp.model = "x"  # type: ignore[misc]


def test_config_precedence_file_env_cli(tmp_path: Path):
    cfg = tmp_path / "g.toml"
    cfg.write_text(
        '[nlp]\nmodel = "from_file"\nbatch_size = 8\n[readability]\nlong_sentence_words = 18\n'
    )
    s = load_settings(cfg, None, environ={})
    assert (s.nlp.model, s.nlp.batch_size, s.readability.long_sentence_words) == (
        "from_file",
        8,
        18,
    )
    env = {"GEMEENTETAAL_NLP__MODEL": "from_env", "GEMEENTETAAL_NLP__BATCH_SIZE": "16"}
    s = load_settings(cfg, None, environ=env)
    assert (s.nlp.model, s.nlp.batch_size) == ("from_env", 16)
    s = load_settings(cfg, {"nlp": {"model": "from_cli"}}, environ=env)
    assert (s.nlp.model, s.nlp.batch_size) == ("from_cli", 16)


def test_config_env_aliases():
    env = {"GEMEENTETAAL_WHEELHOUSE": "/tmp/wh", "GEMEENTETAAL_SECRET": "s3cret"}
    s = load_settings(None, None, environ=env)
    assert s.nlp.wheelhouse == Path("/tmp/wh")
    assert s.privacy.secret is not None and s.privacy.secret.get_secret_value() == "s3cret"
    assert "s3cret" not in str(s.public_dump())


@pytest.mark.parametrize(
    "text",
    ["[nlp]\nmodle = 'x'\n", "[nlp]\nbatch_size = 0\n", "[nope]\nx = 1\n", "not toml ["],
)
def test_config_invalid_fails_loudly(tmp_path: Path, text: str):
    cfg = tmp_path / "bad.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError):
        load_settings(cfg, None, environ={})


def test_config_fingerprint_ignores_paths_and_secret():
    a = load_settings(
        None, {"paths": {"processed_dir": "/a"}, "privacy": {"secret": "x"}}, environ={}
    )
    b = load_settings(None, {"paths": {"processed_dir": "/b"}}, environ={})
    c = load_settings(None, {"readability": {"long_sentence_words": 25}}, environ={})
    assert a.fingerprint() == b.fingerprint() != c.fingerprint()
    assert isinstance(a, Settings)


@pytest.mark.parametrize(
    "overrides, match",
    [
        ({"readability": {"b1_rule": "v9"}}, r"b1_rule: .*unknown rule .v9.*b1_rule\.v2"),
        ({"readability": {"disabled_flags": ["pasive"]}}, r"unknown flag kinds pasive"),
        ({"readability": {"b1_max_avg_sentence_length": 25}}, r"a2_max_avg_sentence_length <= "),
        ({"readability": {"a2_min_flesch_douma": 50}}, r"a2_min_flesch_douma >= "),
        ({"readability": {"b2_max_lint_level": 1}}, r"b1_max_lint_level <= b2_max_lint_level"),
        ({"ingest": {"extensions": [".xls"]}}, r"ingest\.extensions: .*no reader for \.xls"),
    ],
)
def test_config_names_and_thresholds_are_validated_at_load(overrides, match):
    with pytest.raises(ConfigError, match=match):
        load_settings(None, overrides, environ={})


def test_config_extensions_choose_the_inputs(tmp_path: Path):
    from pipeline.check import read_inputs
    from pipeline.ingest import iter_input_files

    for name in ("a.txt", "b.md", "c.csv"):
        (tmp_path / name).write_text("Dit is een zin.\n", encoding="utf-8")
    settings = load_settings(None, {"ingest": {"extensions": ["TXT", "csv"]}}, environ={})
    assert settings.ingest.extensions == (".txt", ".csv")
    found = {p.name for p in iter_input_files([tmp_path], settings.ingest.extensions)}
    assert found == {"a.txt", "c.csv"}
    checked = {Path(item.path).name for item in read_inputs([str(tmp_path)], settings)}
    assert checked == {"a.txt"}  # check reads documents, not comment exports
