"""Resource bounds on what an input may expand into (pipeline/ingest/limits.py)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from bench import adversarial as adv
from pipeline.config import IngestSettings, Settings, load_settings
from pipeline.ingest import ingest_paths
from pipeline.ingest.limits import (
    LimitError,
    bounded_pages,
    check_html,
    check_text,
    check_zip,
    count_elements,
    single_byte_encoding,
)
from pipeline.ingest.readers import InputError, decode_text, extract_text, read_input
from pipeline.privacy import Pseudonymiser
from pipeline.records import IngestError

LIMITS = IngestSettings()


def one_line(error: BaseException, setting: str) -> str:
    message = str(error)
    assert "\n" not in message and f"setting ingest.{setting}" in message
    return message


def test_limits_zip_bomb_refused_from_the_directory(tmp_path: Path):
    data = adv.docx_bomb(tmp_path / "bom.docx", expanded_mb=300).read_bytes()
    with pytest.raises(LimitError) as info:
        check_zip(data, LIMITS, ".docx file")
    message = one_line(info.value, "max_unzipped_mb")
    assert "unpacks to too much data" in message and "limit 200 MB" in message


def test_limits_zip_lying_directory_is_stopped_while_reading(tmp_path: Path):
    # The directory says 1 MB; the member inflates to 300 MB. Reading stops at the declared
    # size, in 1 MB steps, never after inflating everything (see test_hardening for memory).
    data = adv.docx_bomb(tmp_path / "leugen.docx", expanded_mb=300, declared_mb=1).read_bytes()
    with pytest.raises(InputError, match=r"corrupt \.docx file \(not a valid zip archive\)"):
        check_zip(data, LIMITS, ".docx file")


def test_limits_zip_entry_count(tmp_path: Path):
    data = adv.docx_many_entries(tmp_path / "veel.docx", n_entries=6_000).read_bytes()
    with pytest.raises(LimitError) as info:
        check_zip(data, LIMITS, ".docx file")
    assert "too many files (6,0" in one_line(info.value, "max_zip_entries")
    check_zip(data, LIMITS.model_copy(update={"max_zip_entries": 10_000}), ".docx file")


def test_limits_zip_xml_elements_counted_exactly_across_chunks(tmp_path: Path):
    from lxml import etree

    data = adv.docx_paragraphs(tmp_path / "veel.docx", n_paragraphs=60_000).read_bytes()
    n_elements = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.getinfo("word/document.xml").file_size > 2 * 1024 * 1024
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                events = etree.iterparse(archive.open(name), events=("start",))
                n_elements += sum(1 for _ in events)
    check_zip(data, LIMITS.model_copy(update={"max_xml_elements": n_elements}))
    tight = LIMITS.model_copy(update={"max_xml_elements": n_elements - 1})
    with pytest.raises(LimitError) as info:
        check_zip(data, tight)
    one_line(info.value, "max_xml_elements")


def test_limits_zip_not_a_zip():
    with pytest.raises(InputError, match=r"corrupt .docx file \(not a valid zip archive\)"):
        check_zip(b"PK\x03\x04 no zip here", LIMITS, ".docx file")


def test_limits_pdf_pages_and_characters():
    pages = ["a" * 100] * 30
    assert bounded_pages(pages, str, LIMITS) == pages
    with pytest.raises(LimitError) as info:
        bounded_pages(pages, str, LIMITS.model_copy(update={"max_pdf_pages": 29}))
    one_line(info.value, "max_pdf_pages")
    calls: list[str] = []

    def extract(page: str) -> str:
        calls.append(page)
        return page

    with pytest.raises(LimitError) as info:
        bounded_pages(
            ["a" * 6_000] * 30, extract, LIMITS.model_copy(update={"max_text_chars": 10_000})
        )
    assert len(calls) == 2  # stopped at the page that went over, not after all of them
    one_line(info.value, "max_text_chars")


def test_limits_pdf_page_limit_through_the_reader(tmp_path: Path):
    data = adv.pdf_pages(tmp_path / "p.pdf", n_pages=12).read_bytes()
    text, _ = extract_text(data, ".pdf", LIMITS)
    assert text.count("Dit is pagina") >= 6
    with pytest.raises(LimitError, match="too many pages"):
        extract_text(data, ".pdf", LIMITS.model_copy(update={"max_pdf_pages": 10}))


def test_limits_html_elements():
    html = adv.html_blocks(1_500)
    assert count_elements(html) == 1_502
    assert count_elements(html, stop_after=100) == 101
    check_html(html, LIMITS)
    with pytest.raises(LimitError) as info:
        check_html(html, LIMITS.model_copy(update={"max_html_elements": 1_000}))
    one_line(info.value, "max_html_elements")
    assert count_elements("a < b en c <= d") == 0


def test_limits_text_characters():
    assert check_text("kort", LIMITS) == "kort"
    with pytest.raises(LimitError) as info:
        check_text("a" * 10_001, LIMITS.model_copy(update={"max_text_chars": 10_000}))
    one_line(info.value, "max_text_chars")


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("De kosten zijn € 1.250; café.", "iso-8859-15", "iso-8859-15"),
        ("De kosten zijn € 1.250; “café”.", "cp1252", "cp1252"),
        ("Wij zijn één gemeente, geïnteresseerd in elk café.", "cp1252", "cp1252"),
        ("Een ½ liter en ¼ kilo.", "cp1252", "cp1252"),
    ],
)
def test_limits_single_byte_encoding(text: str, encoding: str, expected: str):
    data = text.encode(encoding)
    assert single_byte_encoding(data) == expected
    assert decode_text(data) == (text, expected)


def test_limits_iso_8859_15_euro_through_read_input(tmp_path: Path):
    path = tmp_path / "kosten.txt"
    path.write_bytes(adv.iso_8859_15_text())
    raw = read_input(path)
    assert "€ 1.250" in raw.text and "¤" not in raw.text and raw.encoding == "iso-8859-15"


def test_limits_configurable_from_toml(tmp_path: Path, settings: Settings):
    page = tmp_path / "in" / "pagina.html"
    page.parent.mkdir()
    page.write_text(adv.html_blocks(50), encoding="utf-8")
    config = tmp_path / "gemeentetaal.toml"
    config.write_text("[ingest]\nmax_html_elements = 1000\n")
    assert load_settings(config, None, environ={}).ingest.max_html_elements == 1000
    strict = settings.model_copy(
        update={"ingest": settings.ingest.model_copy(update={"max_html_elements": 1_000})}
    )
    page.write_text(adv.html_blocks(1_200), encoding="utf-8")
    [result] = list(ingest_paths([page], strict, Pseudonymiser(strict.privacy)))
    assert isinstance(result, IngestError)
    line = str(result)
    assert line.startswith(f"{page}: the HTML page has too many elements") and "\n" not in line
    assert "setting ingest.max_html_elements" in line
