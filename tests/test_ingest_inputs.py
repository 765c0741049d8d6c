"""Tests for pipeline/ingest/inputs.py: files of other types found in a folder are listed."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.inputs import scan_inputs, unsupported_reason


def test_scan_lists_unsupported_files_of_a_folder_with_what_to_do(tmp_path: Path) -> None:
    for name in ("a.txt", "b.doc", "c.odt", "d.rtf", "e.xlsx", ".verborgen.doc"):
        (tmp_path / name).write_text("x")
    scan = scan_inputs([tmp_path], (".txt", ".docx"))
    assert [p.name for p in scan.files] == ["a.txt"]
    reasons = {Path(e.path).name: e.message for e in scan.unsupported}
    assert set(reasons) == {"b.doc", "c.odt", "d.rtf", "e.xlsx"}  # hidden files passed over
    assert reasons["b.doc"].endswith("save as .docx; skipped")
    assert reasons["c.odt"].endswith("save as .docx or .txt; skipped")
    assert reasons["d.rtf"].endswith("save as .docx or .txt; skipped")
    assert reasons["e.xlsx"] == "file type '.xlsx' not supported (expected .docx, .txt); skipped"
    assert all(e.stage == "read" for e in scan.unsupported) and not scan.problems


def test_unsupported_reason_of_a_file_without_suffix() -> None:
    assert unsupported_reason("LEESMIJ", [".txt"]).startswith("file type (none) not supported")


def test_scan_passes_over_checks_own_word_reports(tmp_path: Path) -> None:
    """``check --format docx`` writes ``<name>.advies.docx`` next to its input: a second
    check (or a run) of that folder reads the letter, not the report."""
    for name in ("brief.docx", "brief.advies.docx", "Brief.ADVIES.docx"):
        (tmp_path / name).write_bytes(b"PK")
    scan = scan_inputs([tmp_path], (".docx",))
    assert [p.name for p in scan.files] == ["brief.docx"]
    assert not scan.unsupported and not scan.problems
