"""Tests for pipeline/progress.py: the run's progress bar and summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.progress import file_progress, format_summary
from pipeline.records import IngestError
from pipeline.run import FileResult, RunSummary


def test_progress_bar_is_english_and_counts_analysed_words_only(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with file_progress(3) as on_file:
        on_file(FileResult("a.txt", n_words=1234))
        on_file(FileResult("b.txt", n_words=1000))
        on_file(FileResult("c.txt", n_words=5000, skipped=True))  # unchanged: not analysed
    shown = capsys.readouterr().err
    assert "Processing" in shown and "3/3 files · 2,234 words analysed" in shown
    for dutch in ("Verwerken", "bestanden", "woorden", "nog"):
        assert dutch not in shown


def test_progress_bar_in_a_log_is_one_whole_line(capsys: pytest.CaptureFixture[str]) -> None:
    # written to a file or pipe, the final bar was cut at 80 columns: "16/… files", "0:00…"
    with file_progress(16) as on_file:
        for n in range(16):
            on_file(FileResult(f"{n}.txt", n_words=250_000))
    (line,) = [x for x in capsys.readouterr().err.splitlines() if x.strip()]
    assert "16/16 files · 4,000,000 words analysed" in line and "…" not in line
    # both clocks say what they are (walkthrough s36: "0:00:47 left 0:00:00" read as 47 s left)
    assert re.search(r"· elapsed \d+:\d\d:\d\d · left", line), line


def _summary(**fields: object) -> RunSummary:
    summary = RunSummary(run_id="r1", out_dir=Path("out"), model="m (installed)")
    for name, value in fields.items():
        setattr(summary, name, value)
    return summary


def test_summary_of_a_run_with_everything_unchanged_says_no_words_analysed() -> None:
    copy = IngestError("in/b_kopie.txt", "read", "same content as in/a.txt; skipped")
    text = format_summary(_summary(n_inputs=4, n_skipped=3, duplicates=[copy], seconds=7.8))
    first = text.splitlines()[0]
    assert first == (
        "Run r1: 4 files: 0 analysed, 3 unchanged since the last run, 1 duplicate, 0 failed."
    )
    assert "No words analysed" in text and "words/s" not in text
    assert "  duplicate: in/b_kopie.txt: same content as in/a.txt; skipped" in text
    assert "failed:" not in text


def test_summary_counts_words_per_second_over_analysed_words_and_lists_unsupported() -> None:
    odt = IngestError("in/c.odt", "read", "file type not supported, ...: save as .docx; skipped")
    broken = IngestError("in/d.docx", "ingest", "not a valid .docx")
    text = format_summary(
        _summary(n_inputs=3, n_processed=1, n_skipped=1, n_words=1000, seconds=2.0,
                 errors=[broken], unsupported=[odt])
    )  # fmt: skip
    assert text.splitlines()[0] == (
        "Run r1: 4 files: 1 analysed, 1 unchanged since the last run, 0 duplicates, 1 failed; "
        "unsupported: 1 (listed below)."
    )
    assert "Words analysed: 1,000 in 2.0 s (500 words/s)." in text
    assert "  failed: in/d.docx [ingest]: not a valid .docx" in text
    assert "  unsupported: in/c.odt: file type not supported" in text
    assert "Nothing was analysed" not in text


def test_summary_with_no_supported_input_says_nothing_was_analysed() -> None:
    xlsx = IngestError("in/t.xlsx", "read", "file type '.xlsx' not supported; skipped")
    summary = _summary(unsupported=[xlsx])
    assert summary.nothing_supported
    assert "Nothing was analysed" in format_summary(summary)
    missing = _summary(errors=[IngestError("nope", "read", "file or folder not found")])
    assert not missing.nothing_supported  # a failure, exit 1 as before


def test_summary_ends_with_how_to_make_the_dashboard() -> None:
    """`run` writes no dashboard (only `make run` does): the summary says how to make one."""
    text = format_summary(_summary(n_inputs=1, n_processed=1, out_dir=Path("uit map")))
    assert text.splitlines()[-1] == (
        "Dashboard: gemeentetaal dashboard --processed 'uit map' (writes uit map/dashboard.html)"
    )
    xlsx = IngestError("in/t.xlsx", "read", "file type '.xlsx' not supported; skipped")
    assert "Dashboard:" not in format_summary(_summary(unsupported=[xlsx]))
    assert "Dashboard:" not in format_summary(_summary(n_inputs=1, tables_kept=True))
