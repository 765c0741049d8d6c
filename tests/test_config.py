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
