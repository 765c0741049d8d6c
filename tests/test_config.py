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


# --- The layers (pydantic-settings sources) and the errors that name their origin ----------


def test_config_each_layer_on_its_own(tmp_path: Path) -> None:
    cfg = tmp_path / "g.toml"
    cfg.write_text('[web]\nport = 8001\n[readability]\ndisabled_flags = ["passive"]\n')
    assert load_settings(None, None, environ={}).web.port == 8000  # defaults
    from_file = load_settings(cfg, None, environ={})
    assert (from_file.web.port, from_file.readability.disabled_flags) == (8001, ("passive",))
    env = {
        "GEMEENTETAAL_WEB__PORT": "8002",
        "GEMEENTETAAL_READABILITY__DISABLED_FLAGS": '["passive", "officialese"]',
        "GEMEENTETAAL_NLP__ALLOW_DOWNLOAD": "false",
        "GEMEENTETAAL_INGEST__EXPORT_COLUMNS": '{"id": ["nr"]}',
    }
    from_env = load_settings(None, None, environ=env)
    assert from_env.web.port == 8002
    assert from_env.readability.disabled_flags == ("passive", "officialese")
    assert from_env.nlp.allow_download is False
    assert from_env.ingest.export_columns == {"id": ("nr",)}  # a table replaces the default
    from_cli = load_settings(None, {"web": {"port": 8003}}, environ={})
    assert from_cli.web.port == 8003


def test_config_precedence_of_all_layers(tmp_path: Path) -> None:
    """defaults < TOML < short names < GEMEENTETAAL_<SECTION>__<KEY> < CLI, key by key."""
    cfg = tmp_path / "g.toml"
    cfg.write_text('[nlp]\nmodel = "file"\nwheelhouse = "/file"\nbatch_size = 8\nn_process = 2\n')
    env = {"GEMEENTETAAL_MODEL": "alias", "GEMEENTETAAL_WHEELHOUSE": "/alias"}
    s = load_settings(cfg, None, environ=env)
    assert (s.nlp.model, s.nlp.wheelhouse, s.nlp.batch_size) == ("alias", Path("/alias"), 8)
    env["GEMEENTETAAL_NLP__MODEL"] = "full"
    env["gemeentetaal_nlp__batch_size"] = "16"  # names are case-insensitive
    s = load_settings(cfg, None, environ=env)
    assert (s.nlp.model, s.nlp.wheelhouse, s.nlp.batch_size) == ("full", Path("/alias"), 16)
    s = load_settings(cfg, {"nlp": {"model": "cli"}}, environ=env)
    assert (s.nlp.model, s.nlp.batch_size, s.nlp.n_process) == ("cli", 16, 2)
    assert s.nlp.max_length == 2_000_000  # untouched keys keep their defaults


def test_config_unrelated_variables_are_ignored() -> None:
    env = {"GEMEENTETAAL_PROCESSED": "/x", "GEMEENTETAAL_EVAL_DIR": "/y", "OTHER__KEY": "1"}
    assert load_settings(None, None, environ=env) == load_settings(None, None, environ={})


def test_config_settings_class_reads_working_directory_and_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``Settings()`` is a pydantic-settings class: gemeentetaal.toml here, then os.environ."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gemeentetaal.toml").write_text("[web]\nport = 8101\nmax_chars = 5000\n")
    monkeypatch.setenv("GEMEENTETAAL_WEB__PORT", "8102")
    s = Settings()
    assert (s.web.port, s.web.max_chars) == (8102, 5000)
    assert load_settings().web.port == 8102  # load_settings reads the same by default
    assert load_settings(None, None, environ={}).web.port == 8101  # its environ replaces
    with pytest.raises(ConfigError, match="GEMEENTETAAL_WEB__NOPE"):
        monkeypatch.setenv("GEMEENTETAAL_WEB__NOPE", "1")
        load_settings()


@pytest.mark.parametrize(
    "text, match",
    [
        ("not toml [", r"^.*bad\.toml: cannot read configuration: Expected '='.*line 1"),
        ("[nlp]\nmodle = 'x'\n", r"bad\.toml: nlp\.modle: Extra inputs are not permitted"),
        ("[nope]\nx = 1\n", r"bad\.toml: nope: Extra inputs are not permitted"),
        ("[web]\nport = 'x'\n", r"bad\.toml: web\.port: Input should be a valid integer"),
        (
            "[readability]\nb1_max_flag_rate = 1.5\n",
            r"bad\.toml: readability: level thresholds out of order: "
            r"a2_max_flag_rate <= b1_max_flag_rate <= b2_max_flag_rate \(got 0\.1, 1\.5, 1\.0\)",
        ),
    ],
)
def test_config_file_errors_name_the_file_and_key(tmp_path: Path, text: str, match: str) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError, match=match):
        load_settings(cfg, None, environ={})


def test_config_file_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"missing\.toml: cannot read configuration: no such"):
        load_settings(tmp_path / "missing.toml", None, environ={})
    with pytest.raises(ConfigError, match=r"cannot read configuration: not a file"):
        load_settings(tmp_path, None, environ={})
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe[nlp]")
    with pytest.raises(ConfigError, match=r"binary\.toml: cannot read configuration: 'utf-8'"):
        load_settings(binary, None, environ={})


@pytest.mark.parametrize(
    "env, match",
    [
        ({"GEMEENTETAAL_NLP__MODLE": "x"}, r"GEMEENTETAAL_NLP__MODLE: nlp\.modle: Extra inputs"),
        ({"GEMEENTETAAL_NOPE__X": "1"}, r"GEMEENTETAAL_NOPE__X: no settings section 'nope'"),
        ({"GEMEENTETAAL_WEB__PORT": "abc"}, r"GEMEENTETAAL_WEB__PORT: web\.port: Input should"),
        ({"GEMEENTETAAL_WEB__PORT": "0"}, r"GEMEENTETAAL_WEB__PORT: web\.port: .*greater than"),
        (
            {"GEMEENTETAAL_READABILITY__DISABLED_FLAGS": "passive"},
            r"GEMEENTETAAL_READABILITY__DISABLED_FLAGS: not valid JSON",
        ),
        (
            {"GEMEENTETAAL_READABILITY__B1_RULE": "v9"},
            r"GEMEENTETAAL_READABILITY__B1_RULE: readability\.b1_rule: unknown rule 'v9'",
        ),
        (
            {"GEMEENTETAAL_NLP": '{"batch_size": 0}'},
            r"GEMEENTETAAL_NLP: nlp\.batch_size: Input should be greater than or equal to 1",
        ),
    ],
)
def test_config_environment_errors_name_the_variable(env: dict[str, str], match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        load_settings(None, None, environ=env)


def test_config_section_errors_name_every_layer_that_set_the_section(tmp_path: Path) -> None:
    """Ordered thresholds are a check across keys: each layer that set one is named."""
    cfg = tmp_path / "levels.toml"
    cfg.write_text("[readability]\nb2_max_avg_sentence_length = 18.0\n")
    env = {"GEMEENTETAAL_READABILITY__B1_MAX_AVG_SENTENCE_LENGTH": "19"}
    with pytest.raises(ConfigError) as caught:
        load_settings(cfg, {"readability": {"a2_max_avg_sentence_length": 9}}, environ=env)
    message = str(caught.value)
    assert message.startswith(
        "invalid configuration: command line, GEMEENTETAAL_READABILITY__B1_MAX_AVG_SENTENCE_LENGTH"
        f", {cfg}: readability: level thresholds out of order"
    )
    assert "(got 9.0, 19.0, 18.0)" in message


def test_config_cli_errors_name_the_command_line() -> None:
    with pytest.raises(ConfigError, match=r"command line: nlp\.batch_size: Input should be"):
        load_settings(None, {"nlp": {"batch_size": 0}}, environ={"GEMEENTETAAL_NLP__MODEL": "x"})


def test_config_fingerprint_is_the_same_from_every_layer(tmp_path: Path) -> None:
    """The cache key depends on the values, not on where they were set."""
    cfg = tmp_path / "g.toml"
    cfg.write_text('[readability]\nlong_sentence_words = 25\ndisabled_flags = ["passive"]\n')
    env = {
        "GEMEENTETAAL_READABILITY__LONG_SENTENCE_WORDS": "25",
        "GEMEENTETAAL_READABILITY__DISABLED_FLAGS": '["passive"]',
    }
    cli = {"readability": {"long_sentence_words": 25, "disabled_flags": ("passive",)}}
    prints = {
        load_settings(cfg, None, environ={}).fingerprint(),
        load_settings(None, None, environ=env).fingerprint(),
        load_settings(None, cli, environ={}).fingerprint(),
    }
    assert len(prints) == 1
    assert prints != {load_settings(None, None, environ={}).fingerprint()}


def test_config_secret_is_masked_everywhere() -> None:
    s = load_settings(None, None, environ={"GEMEENTETAAL_PRIVACY__SECRET": "geheim-123"})
    assert s.privacy.secret is not None
    assert s.privacy.secret.get_secret_value() == "geheim-123"
    assert "geheim-123" not in repr(s) + str(s.public_dump()) + s.model_dump_json()
