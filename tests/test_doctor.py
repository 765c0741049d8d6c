"""`gemeentetaal doctor`: versions, the model in use, data files, the user cache, the config."""

from pydantic import SecretStr
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Settings
from pipeline.doctor import collect


def test_doctor_reports_model_data_cache_and_config(settings: Settings, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    report = collect(settings)
    for heading in ("Versions:", "spaCy pipeline:", "Data files:", "User cache", "Configuration"):
        assert heading in report
    assert "officialese.csv" in report and "deduce" in report
    assert f"{tmp_path / 'gemeentetaal'}: empty" in report
    (tmp_path / "gemeentetaal").mkdir()
    (tmp_path / "gemeentetaal" / "zipf_nl_v1_abc").write_bytes(b"x" * 1234)
    assert "zipf_nl_v1_abc" in collect(settings) and "1,234 bytes" in collect(settings)
    with_key = settings.model_copy(
        update={"privacy": settings.privacy.model_copy(update={"secret": SecretStr("hunter2-key")})}
    )
    assert "hunter2-key" not in collect(with_key)


def test_doctor_command_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    result = CliRunner().invoke(app, ["doctor"])
    assert result.exit_code == 0 and "in use" in result.stdout


def test_doctor_says_which_layer_set_each_value(tmp_path, monkeypatch):
    import os

    for name in [n for n in os.environ if n.upper().startswith("GEMEENTETAAL_")]:
        monkeypatch.delenv(name)  # make test sets GEMEENTETAAL_WHEELHOUSE
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gemeentetaal.toml").write_text("[web]\nport = 8001\nmax_chars = 5000\n")
    monkeypatch.setenv("GEMEENTETAAL_WEB__PORT", "8005")
    monkeypatch.setenv("GEMEENTETAAL_SECRET", "hunter2-key")
    monkeypatch.setenv("GEMEENTETAAL_PROCESSED", str(tmp_path))  # not a setting: not listed
    result = CliRunner().invoke(app, ["doctor", "--model", "nl_ud_sm"])
    assert result.exit_code == 0, result.output
    block = result.stdout.split("Configuration set by")[1].split("Configuration in force")[0]
    rows = [line.split() for line in block.splitlines()[1:] if line.strip()]
    assert rows == [
        ["nlp.model", "command", "line"],
        ["privacy.secret", "GEMEENTETAAL_SECRET"],
        ["web.max_chars", "gemeentetaal.toml"],
        ["web.port", "GEMEENTETAAL_WEB__PORT"],
    ]
    assert "hunter2-key" not in result.stdout
