"""Tests for pipeline/progress.py: the run's progress bar and summary."""

from __future__ import annotations

import pytest

from pipeline.progress import file_progress
from pipeline.run import FileResult


def test_progress_bar_counts_words_in_dutch_notation(capsys: pytest.CaptureFixture[str]) -> None:
    with file_progress(2) as on_file:
        on_file(FileResult("a.txt", n_words=1234))
        on_file(FileResult("b.txt", n_words=1000))
    shown = capsys.readouterr().err
    assert "2/2 bestanden · 2.234 woorden" in shown
    assert "2,234" not in shown
