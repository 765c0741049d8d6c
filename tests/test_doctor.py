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
