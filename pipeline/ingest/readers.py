"""Read input files (.txt, .md, .docx, .pdf, .html, .csv, .json) into text.

Every failure raises ``InputError`` with a one-line, user-facing message; the caller records
it with the file name and goes on with the rest of the batch.
"""

from __future__ import annotations

import io
import logging
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
DATA_SUFFIXES = {".csv", ".json", ".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DATA_SUFFIXES | {".docx", ".pdf"}


class InputError(ValueError):
    """An input cannot be read; the message is one line for the user."""


@dataclass(frozen=True)
class RawInput:
    """The decoded text of one input and the bytes it came from."""

    path: str
    suffix: str
    text: str
    data: bytes
    encoding: str


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252.

    Returns:
        The text (NFC-normalised, newlines as ``\\n``) and the encoding used.

    Raises:
        InputError: the bytes look binary.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16"), "utf-16"
    else:
        if b"\x00" in data[:8192]:
            raise InputError("binary file, not text")
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
    control = sum(1 for ch in text[:10000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > max(5, len(text[:10000]) // 100):
        raise InputError("binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), encoding


def _read_docx(data: bytes) -> str:
    import docx  # python-docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"corrupt .docx file ({exc.__class__.__name__})") from exc
    except Exception as exc:  # python-docx raises several lxml/opc errors
        detail = " ".join(str(exc).split())
        raise InputError(f"corrupt .docx file ({exc.__class__.__name__}: {detail})") from exc
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = docx.text.paragraph.Paragraph(block, document)
            text = para.text.strip()
            style = (para.style.name or "").lower() if para.style is not None else ""
            if text and style.startswith(("list", "lijst")):
                text = f"- {text}"
            if text and (style.startswith(("heading", "kop", "title"))):
                lines.append("")
            lines.append(text)
        elif tag == "tbl":
            table = docx.table.Table(block, document)
            for row in table.rows:
                cells = [c.text.strip() for c in row.cells]
                lines.append(" | ".join(cells))
    return "\n".join(lines)


def _read_pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf reports repairable damage through its logger and warnings; the outcome is what
    # counts here, and a failure becomes one InputError line, so keep them off stderr.
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(f"corrupt .pdf file ({' '.join(str(exc).split())})") from exc
    except Exception as exc:  # pypdf raises a wide range of errors on broken files
        raise InputError(f"corrupt .pdf file ({exc.__class__.__name__})") from exc
    finally:
        pypdf_log.setLevel(level)
    text = "\n\n".join(pages)
    if not text.strip():
        raise InputError("PDF has no text layer (scanned?); OCR is not supported")
    return text


BLOCK_TAGS = (
    "p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "br", "blockquote", "pre", "header", "footer", "dd", "dt",
)  # fmt: skip


def html_to_text(html: str) -> str:
    """Visible text of an HTML page with one line per block; headings on their own line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "nav"]):
        tag.decompose()
    for li in soup.find_all("li"):
        li.insert(0, "- ")
    for cell in soup.find_all(["td", "th"]):
        cell.append(" | ")
    for tag in soup.find_all(BLOCK_TAGS):
        if tag.name.startswith("h"):
            tag.insert_before("\n\n")
            tag.insert_after("\n")
        elif tag.name == "p":
            tag.insert_before("\n\n")
            tag.insert_after("\n\n")
        else:
            tag.insert_before("\n")
            tag.insert_after("\n")
    text = soup.get_text()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line.removesuffix(" |"))
    return "\n".join(out).strip()


def read_bytes(path: Path, max_mb: float) -> bytes:
    """Read a file's bytes, refusing missing, empty and oversized files."""
    if not path.exists():
        raise InputError("file not found")
    if not path.is_file():
        raise InputError("not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise InputError("empty file")
    if size > max_mb * 1024 * 1024:
        raise InputError(f"file too large ({size / 1024 / 1024:.1f} MB; limit {max_mb:g} MB)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})") from exc


def extract_text(data: bytes, suffix: str) -> tuple[str, str]:
    """Text and encoding of ``data`` read as a file with ``suffix``."""
    suffix = suffix.lower()
    if suffix == ".docx":
        return _read_docx(data), "docx"
    if suffix == ".pdf":
        if not data.startswith(b"%PDF"):
            raise InputError("corrupt .pdf file (no PDF header)")
        return _read_pdf(data), "pdf"
    text, encoding = decode_text(data)
    if suffix in HTML_SUFFIXES:
        return html_to_text(text), encoding
    return text, encoding


def read_input(path: Path, max_mb: float = 20.0) -> RawInput:
    """Read one input file into text.

    Raises:
        InputError: unknown extension, empty, binary, corrupt, too large, or no text.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"unsupported file type {suffix or '(none)'!r}; "
            f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )
    data = read_bytes(path, max_mb)
    text, encoding = extract_text(data, suffix)
    if not text.strip():
        raise InputError("file contains no text")
    return RawInput(str(path), suffix, text, data, encoding)
