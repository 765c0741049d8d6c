"""Hostile and degenerate inputs of at most 20 MB, made on the fly (issue #14).

Shared by ``bench/bench_hardening.py`` (wall time and peak memory of every command on every
shape) and ``tests/test_hardening.py`` (bounded-cost regression tests). Every input is
synthetic; nothing here is real text. Zip bombs are written by hand: one deflate block of
repeated XML, flushed so it can be repeated byte for byte, so a 1 GB ``document.xml`` costs
a second to make and a few MB on disk.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PARAGRAPH_XML = (
    b"<w:p><w:r><w:t>De gemeente zorgt voor schone straten en veilige wegen.</w:t></w:r></w:p>"
)
# Planted personal data: tests scan every error line, table and report for these.
PLANTED_NAME = "Gerarda Schoonhoven-Piekema"
PLANTED_EMAIL = "g.schoonhoven@voorbeeldmail.nl"
PLANTED_PHONE = "06-48213377"


@dataclass(frozen=True)
class ZipEntry:
    """One stored member of a hand-written zip: its raw deflate data and declared sizes."""

    name: str
    chunks: tuple[bytes, ...] | list[bytes]
    repeat: int  # how often the middle chunk is written
    crc: int
    size: int  # declared uncompressed size
    compressed_size: int


def stored_entry(name: str, data: bytes) -> ZipEntry:
    """A normally deflated member."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    raw = compressor.compress(data) + compressor.flush()
    return ZipEntry(name, [b"", raw, b""], 1, zlib.crc32(data), len(data), len(raw))


def write_zip(path: Path, entries: Iterable[ZipEntry]) -> Path:
    """Write a zip (no zip64) member by member, streaming repeated deflate bodies."""
    central = io.BytesIO()
    count = 0
    with path.open("wb") as out:
        for entry in entries:
            offset = out.tell()
            name = entry.name.encode()
            sizes = (entry.crc, entry.compressed_size, entry.size)
            out.write(
                struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, *sizes, len(name), 0)
            )
            out.write(name)
            head, body, tail = entry.chunks
            out.write(head)
            per_block = max(1, (1 << 20) // max(1, len(body)))
            block = body * per_block
            left = entry.repeat
            while left > 0 and body:
                take = min(left, per_block)
                out.write(block if take == per_block else body * take)
                left -= take
            out.write(tail)
            central.write(
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    20,
                    20,
                    0,
                    8,
                    0,
                    0x21,
                    *sizes,
                    len(name),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
            )
            central.write(name)
            count += 1
        start = out.tell()
        directory = central.getvalue()
        out.write(directory)
        out.write(
            struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), start, 0)
        )
    return path


def _docx_parts() -> dict[str, bytes]:
    """The members of an empty .docx made by python-docx."""
    import zipfile

    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _document_xml(body: bytes) -> bytes:
    parts = _docx_parts()
    xml = parts["word/document.xml"]
    start = xml.index(b"<w:body>") + len(b"<w:body>")
    return xml[:start] + body + xml[start:]


def docx_bomb(path: Path, expanded_mb: int = 1024, declared_mb: int | None = None) -> Path:
    """A .docx whose ``word/document.xml`` inflates to ``expanded_mb`` MB of paragraphs.

    With ``declared_mb`` the zip directory declares that size instead (a lying directory).
    """
    parts = _docx_parts()
    xml = parts.pop("word/document.xml")
    start = xml.index(b"<w:body>") + len(b"<w:body>")
    head, end = xml[:start], xml[start:]
    unit = PARAGRAPH_XML * (65536 // len(PARAGRAPH_XML))
    copies = max(1, expanded_mb * 1024 * 1024 // len(unit))
    # head + unit * copies + end: the head and end are tiny, so store them as a prefix and
    # suffix of one deflate stream by deflating (head + unit) first and (unit + end) last.
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head + unit) + compressor.flush(zlib.Z_FULL_FLUSH)
    body = compressor.compress(unit) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.compress(end) + compressor.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head + unit)
    for _ in range(copies - 1):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(end, crc)
    size = len(head) + len(unit) * copies + len(end)
    declared = declared_mb * 1024 * 1024 if declared_mb is not None else size
    compressed = len(first) + len(body) * (copies - 1) + len(last)
    document = ZipEntry(
        "word/document.xml", [first, body, last], copies - 1, crc, declared, compressed
    )
    entries = [stored_entry(name, data) for name, data in parts.items()]
    return write_zip(path, [*entries, document])


def docx_many_entries(path: Path, n_entries: int = 60_000) -> Path:
    """A .docx with ``n_entries`` tiny extra members (an entry-count bomb; no zip64, < 65,536)."""
    parts = _docx_parts()
    entries = [stored_entry(name, data) for name, data in parts.items()]
    empty = stored_entry("x", b"")
    extra = (
        ZipEntry(f"customXml/item{i}.xml", empty.chunks, 1, empty.crc, 0, empty.compressed_size)
        for i in range(n_entries)
    )
    return write_zip(path, [*entries, *extra])


def docx_paragraphs(path: Path, n_paragraphs: int = 20_000, text: str = "Ja.") -> Path:
    """A small .docx with ``n_paragraphs`` short paragraphs (issue #14 item 6: 93 KB)."""
    import zipfile

    parts = _docx_parts()
    paragraph = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()
    parts["word/document.xml"] = _document_xml(paragraph * n_paragraphs)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def html_blocks(n_blocks: int = 20_000) -> str:
    """A page with ``n_blocks`` sibling paragraphs (issue #14 item 3)."""
    paragraph = "<p>De gemeente zorgt voor schone straten.</p>\n"
    return f"<html><body>{paragraph * n_blocks}</body></html>"


def html_page(target_bytes: int = 1_600_000) -> str:
    """A 1.6 MB page of mixed blocks: headings, paragraphs, lists and a long table."""
    section = (
        "<h2>Wat willen we bereiken?</h2>\n<p>Inwoners zijn tevreden over de dienstverlening.</p>\n"
        "<ul><li>Vragen binnen vijf dagen beantwoord.</li><li>Een loket in elke wijk.</li></ul>\n"
        "<table><tr><td>Lasten</td><td>1.234</td></tr><tr><td>Baten</td><td>567</td></tr></table>\n"
        "<div><span>Lees meer</span><br></div>\n"
    )
    copies = target_bytes // len(section) + 1
    return f"<html><head><title>Begroting</title></head><body>{section * copies}</body></html>"


def html_elements(target_bytes: int = 19_000_000) -> str:
    """About 20 MB of empty inline elements: an element flood."""
    return "<html><body>" + "<b></b>" * (target_bytes // 7) + "</body></html>"


def html_deep(depth: int = 100_000) -> str:
    """``depth`` nested ``<div>`` elements around one sentence."""
    return "<div>" * depth + "De gemeente helpt." + "</div>" * depth


def pdf_pages(path: Path, n_pages: int = 5_000) -> Path:
    """A PDF with ``n_pages`` short pages (fpdf2)."""
    from fpdf import FPDF

    sentences = (
        "De gemeente zorgt voor schone straten.", "Wij helpen ouderen die thuis willen wonen.",
        "Het afval wordt op dinsdag opgehaald.", "Jongeren kunnen terecht in het buurthuis.",
        "In 2025 komen er nieuwe fietspaden.",
    )  # fmt: skip
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=11)
    for n in range(n_pages):  # different lines on every page: no running header to drop
        pdf.add_page()
        text = f"{sentences[n % 5]} {sentences[(n + 2) % 5]} Dit is pagina {n + 1}."
        pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    return path


def pdf_content_bomb(path: Path, n_pages: int = 40, ops_per_page: int = 1_500_000) -> Path:
    """A PDF whose pages carry compressed content streams of ``ops_per_page`` text operators."""
    unit = b"BT /F1 1 Tf 10 10 Td (a) Tj ET\n"
    stream = zlib.compress(unit * ops_per_page, 9)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # pages, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    kids = []
    for _ in range(n_pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % n_pages
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    path.write_bytes(out.getvalue())
    return path


def headerless_csv() -> str:
    """A comment export without a header row; its first row holds planted personal data."""
    rows = [
        f'1,,{PLANTED_NAME},2024-03-01 10:00,"Mail me op {PLANTED_EMAIL} of bel {PLANTED_PHONE}."',
        "2,1,Jan Modaal,2024-03-01 11:00,Goed plan.",
    ]
    return "\n".join(rows) + "\n"


def duplicate_id_csv() -> str:
    """A comment export where two comments share an id."""
    return (
        "id,parent_id,author,created_at,text\n"
        "1,,Anna,2024-03-01 10:00,Eerste reactie.\n"
        "2,1,Bram,2024-03-01 11:00,Antwoord op de eerste.\n"
        "2,,Chris,2024-03-01 12:00,Nog een reactie met hetzelfde nummer.\n"
    )


def long_token(n_chars: int = 150_000) -> str:
    """One word of ``n_chars`` letters (issue #14 item 2)."""
    return "a" * n_chars + "\n"


def long_paragraph(n_chars: int = 200_000) -> str:
    """One paragraph of ``n_chars`` characters of ordinary sentences (issue #14 item 7)."""
    sentence = "De gemeente zorgt voor schone straten en veilige wegen in elke wijk. "
    return (sentence * (n_chars // len(sentence) + 1))[: n_chars - 1] + "\n"


def overlong_paragraph(n_chars: int = 2_100_000) -> str:
    """One paragraph longer than spaCy's default ``nlp.max_length`` (issue #14 item 5)."""
    return long_paragraph(n_chars)


def iso_8859_15_text() -> bytes:
    """Dutch text with a euro sign, encoded as ISO-8859-15 (issue #14 item 10)."""
    return "De kosten zijn € 1.250 per jaar; café en ideeën blijven.\n".encode("iso-8859-15")


@dataclass
class Measurement:
    """Wall time and peak memory of one command, and how it ended."""

    seconds: float
    peak_rss_mb: float
    returncode: int | None
    stdout: str
    stderr: str
    killed: str | None = None  # "time" or "memory" when stopped by the limits


def run_bounded(
    argv: list[str],
    *,
    timeout: float = 120.0,
    max_rss_mb: float = 4096.0,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
) -> Measurement:
    """Run ``argv`` and measure its wall time and the peak RSS of its whole process tree.

    The tree's RSS is sampled every 50 ms; the process is killed when it passes ``timeout``
    seconds or ``max_rss_mb``, so a regression cannot take the machine down.
    """
    import os
    import signal
    import subprocess
    import tempfile
    import time

    import psutil

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdout=out, stderr=err, stdin=subprocess.PIPE if stdin is not None else None,
            cwd=cwd, env=env, start_new_session=True,
        )  # fmt: skip
        if stdin is not None:
            assert proc.stdin is not None
            proc.stdin.write(stdin)
            proc.stdin.close()
        peak = 0.0
        killed = None
        parent = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                tree = [parent, *parent.children(recursive=True)]
                rss = sum(p.memory_info().rss for p in tree) / 1024 / 1024
            except psutil.Error:
                rss = 0.0
            peak = max(peak, rss)
            elapsed = time.perf_counter() - started
            if elapsed > timeout or rss > max_rss_mb:
                killed = "time" if elapsed > timeout else "memory"
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                break
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return Measurement(
            seconds,
            peak,
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            killed,
        )
