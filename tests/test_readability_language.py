"""Is a text Dutch (``pipeline.readability.language``): a text in another language gets no
B1 verdict, and Dutch text always gets one. Own sentences, our texts in ``data/raw`` and the
real seed texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from pipeline.readability.language import DUTCH, FOREIGN, NOT_COUNTED, language_mark, looks_dutch

LETTERS = {
    "en": "The municipality will repair the road in front of your house next week. Please park "
    "your car elsewhere during this time. Thank you for your understanding and patience.",
    "de": "Die Gemeinde repariert nächste Woche die Straße vor Ihrem Haus. Bitte parken Sie Ihr "
    "Auto in dieser Zeit woanders. Wir danken Ihnen für Ihr Verständnis und Ihre Geduld, und "
    "wir informieren Sie, wenn die Arbeiten fertig sind. Falls Sie noch Fragen haben, rufen "
    "Sie uns bitte an oder schreiben Sie uns eine kurze Nachricht.",  # German nouns have
    # capitals and are not counted: a German text needs more words to reach 20 counted ones
    "fr": "La commune va réparer la route devant votre maison la semaine prochaine. Veuillez "
    "garer votre voiture ailleurs pendant cette période. Merci de votre compréhension.",
}


@pytest.mark.parametrize(
    ("word", "mark"),
    [("gemeente", DUTCH), ("repareert", DUTCH), ("municipality", FOREIGN), ("Jansen", NOT_COUNTED),
     ("AVG", NOT_COUNTED), ("2024", NOT_COUNTED), ("u", NOT_COUNTED)],
)  # fmt: skip
def test_language_mark_counts_lower_case_words_only(word: str, mark: int) -> None:
    assert language_mark(word) == mark


def test_looks_dutch_needs_enough_words_before_it_says_no() -> None:
    assert looks_dutch(19, 0, 20, 0.45)  # too few words to tell
    assert not looks_dutch(20, 8, 20, 0.45)
    assert looks_dutch(20, 9, 20, 0.45)


@pytest.fixture
def use_model(monkeypatch, nlp_model):
    """Let the CLI reuse the session's loaded model instead of loading it per call."""
    import pipeline.nlp

    monkeypatch.setattr(pipeline.nlp, "load_pipeline", lambda settings, **_: nlp_model)
    return nlp_model


@pytest.mark.parametrize("language", sorted(LETTERS))
def test_a_letter_in_another_language_gets_no_verdict(use_model, tmp_path, language):
    from typer.testing import CliRunner

    from pipeline.cli import app

    path = tmp_path / f"brief_{language}.txt"
    path.write_text(LETTERS[language], encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["b1_pass"] is None and data["level"] is None
    assert data["reasons"] == [
        "De tekst lijkt niet in het Nederlands geschreven: het taalniveau is niet beoordeeld."
    ]
    text = CliRunner().invoke(app, ["check", str(path)])
    assert "Geen oordeel: de tekst lijkt niet in het Nederlands geschreven." in text.stdout
    assert "Eerst aanpakken" not in text.stdout  # no Dutch writing advice to act on first


def dutch_texts() -> list[Path]:
    found = sorted((ROOT / "data" / "raw").glob("*.txt"))
    return found + sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else found


@pytest.mark.parametrize("path", dutch_texts(), ids=lambda p: p.name)
def test_dutch_texts_keep_their_verdict(nlp_model, settings, path: Path) -> None:
    from pipeline.check import check_texts, read_inputs

    [inputs] = list(read_inputs([str(path)], settings))
    [result] = check_texts([inputs], settings, *nlp_model)
    counts = result.counts
    assert counts.n_language_words >= 50
    assert counts.n_dutch_words / counts.n_language_words > 0.85
    assert result.measures["b1_pass"] is not None
