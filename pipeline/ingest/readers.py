"""Read input files (.txt, .md, .docx, .pdf, .html, .csv, .json) into text and layout.

Each reader keeps the layout the format has (``pipeline/ingest/layout.py``): PDF positions
(``pdf.py``), Word styles, list numbering and tables (``word.py``), the main content of an
HTML page (``web.py``), pages, tables of contents and hyphenation of text exports
(``layout.text_blocks``). ``RawInput.text`` is the text without furniture.

Every failure raises ``InputError`` with a one-line, user-facing message; the caller records
it with the file name and goes on with the rest of the batch.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.config import DATA_EXTENSIONS, READABLE_EXTENSIONS, IngestSettings
from pipeline.ingest.errors import InputError, describe
from pipeline.ingest.layout import Block, render_text, text_blocks
from pipeline.ingest.limits import check_html, check_text, check_zip, single_byte_encoding

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
DATA_SUFFIXES = set(DATA_EXTENSIONS)
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".pdf"}  # what `check` reads
# A PDF whose text layer is more than this share unmapped glyph codes is refused (needs OCR).
UNREADABLE_PDF_SHARE = 0.2
SUPPORTED_SUFFIXES = DOCUMENT_SUFFIXES | DATA_SUFFIXES
assert set(READABLE_EXTENSIONS) == SUPPORTED_SUFFIXES, "config.READABLE_EXTENSIONS is stale"


__all__ = ["InputError", "RawInput", "decode_text", "extract_text", "read_bytes", "read_input"]


@dataclass(frozen=True)
class RawInput:
    """The decoded text of one input and the bytes it came from."""

    path: str
    suffix: str
    text: str
    data: bytes
    encoding: str
    blocks: tuple[Block, ...] | None = None

    def layout(self, min_repeats: int = 3) -> list[Block]:
        """The input's layout blocks (from the text when the reader kept none)."""
        if self.blocks is not None:
            return list(self.blocks)
        return text_blocks(self.text, min_repeats)


# Letters some sources write as one ligature character: the Dutch "ĳ" (U+0133, "vergelĳking")
# and the f-ligatures of PDF text ("ﬁnanciën"). Word lists, frequency tables and the parser
# know the two-letter spelling, so every reader folds them (NFKC would also fold digits,
# fractions and other compatibility characters the text means as written).
LIGATURES = str.maketrans(
    {"ĳ": "ij", "Ĳ": "IJ", "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st",
     "ﬆ": "st"}
)  # fmt: skip
LIGATURE_RE = re.compile("[" + "".join(map(chr, LIGATURES)) + "]")
# Control characters of a binary file: below U+0020 less tab, newline, form feed and return.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def fold_ligatures(text: str) -> str:
    """``text`` with the ligature letters of ``LIGATURES`` written out (a text without any,
    most of them, is returned after one quick search)."""
    return text.translate(LIGATURES) if LIGATURE_RE.search(text) else text


def _folded_block(block: Block) -> Block:
    if not block.text and not block.rows:
        return block
    rows = tuple(tuple(fold_ligatures(c) for c in row) for row in block.rows)
    return replace(block, text=fold_ligatures(block.text), rows=rows)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, cp1252 or ISO-8859-15.

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
                text, encoding = data.decode(enc := single_byte_encoding(data)), enc
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
    control = len(CONTROL_RE.findall(text, 0, 10000))
    if control > max(5, len(text[:10000]) // 100):
        raise InputError("binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return fold_ligatures(unicodedata.normalize("NFC", text)), encoding


def _read_docx(data: bytes, limits: IngestSettings) -> list[Block]:
    import docx  # python-docx

    from pipeline.ingest.word import read_docx_blocks

    check_zip(data, limits, ".docx file")
    try:
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise InputError("corrupt .docx file (not a valid zip archive)") from exc
    except KeyError as exc:  # a zip archive without the parts of a Word document
        raise InputError("corrupt .docx file (no Word document inside the zip archive)") from exc
    except Exception as exc:  # python-docx raises ValueError and several lxml/opc errors
        raise InputError(f"corrupt .docx file ({describe(exc)})") from exc
    return read_docx_blocks(document)


def _read_pdf(data: bytes, limits: IngestSettings) -> list[Block]:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    from pipeline.ingest.pdf import read_pdf_blocks, unreadable_share

    # pypdf reports repairable damage through its logger and warnings; the outcome is what
    # counts here, and a failure becomes one InputError line, so keep them off stderr.
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            blocks = read_pdf_blocks(reader, limits=limits)
    except InputError:
        raise
    except LimitReachedError as exc:  # a stream or tree beyond pypdf's own safety limits
        raise InputError(f"the PDF expands beyond pypdf's safety limits ({describe(exc)})") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(f"corrupt .pdf file ({describe(exc)})") from exc
    except Exception as exc:  # pypdf raises a wide range of errors on broken files
        raise InputError(f"corrupt .pdf file ({exc.__class__.__name__})") from exc
    finally:
        pypdf_log.setLevel(level)
    if not any(b.kind in ("line", "table") and (b.text.strip() or b.rows) for b in blocks):
        raise InputError("PDF has no text layer (scanned?); OCR is not supported")
    text = "\n".join(
        [b.text for b in blocks if b.kind == "line"]
        + [cell for b in blocks if b.kind == "table" for row in b.rows for cell in row]
    )
    if unreadable_share(text) > UNREADABLE_PDF_SHARE:
        raise InputError(
            "PDF text layer is unreadable: its fonts give glyph codes instead of letters "
            "(no Unicode mapping); OCR is not supported, export the PDF again with text"
        )
    return blocks


def _is_metadata_line(line: str) -> bool:
    from pipeline.ingest.programme import parse_metadata_line

    return parse_metadata_line(line) is not None


def html_blocks(html: str, limits: IngestSettings | None = None) -> list[Block]:
    """Layout blocks of an HTML page: main content, site chrome as furniture."""
    from pipeline.ingest.web import read_html_blocks

    limits = limits or IngestSettings()
    check_html(html, limits)
    return read_html_blocks(html, _is_metadata_line, limits.html_detect_max_chars)


def html_to_text(html: str, limits: IngestSettings | None = None) -> str:
    """The main content of an HTML page as text, one line per block."""
    return render_text(html_blocks(html, limits)).strip()


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
        raise InputError(
            f"file too large ({size / 1024 / 1024:.1f} MB; limit {max_mb:g} MB, "
            "setting ingest.max_file_mb)"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})") from exc


def extract_layout(
    data: bytes, suffix: str, limits: IngestSettings | None = None
) -> tuple[str, str, list[Block] | None]:
    """Text, encoding and layout blocks of ``data`` read as a file with ``suffix`` (blocks
    are None for plain text and Markdown: the parser makes them from the text), within
    ``limits`` (``pipeline/ingest/limits.py``; the defaults when None)."""
    limits = limits or IngestSettings()
    suffix = suffix.lower()
    try:
        if suffix == ".docx":
            blocks = [_folded_block(b) for b in _read_docx(data, limits)]
            return check_text(render_text(blocks), limits), "docx", blocks
        if suffix == ".pdf":
            if not data.startswith(b"%PDF"):
                raise InputError("corrupt .pdf file (no PDF header)")
            blocks = [_folded_block(b) for b in _read_pdf(data, limits)]
            return check_text(render_text(blocks), limits), "pdf", blocks
        text, encoding = decode_text(data)
        if suffix in HTML_SUFFIXES:
            blocks = html_blocks(text, limits)
            return render_text(blocks).strip(), encoding, blocks
    except RecursionError as exc:  # markup nested deeper than a reader can walk
        raise InputError("the file is nested too deeply to read") from exc
    return text, encoding, None


def extract_text(data: bytes, suffix: str, limits: IngestSettings | None = None) -> tuple[str, str]:
    """Text and encoding of ``data`` read as a file with ``suffix``, within ``limits``."""
    text, encoding, _ = extract_layout(data, suffix, limits)
    return text, encoding


def read_input(
    path: Path,
    max_mb: float = 20.0,
    limits: IngestSettings | None = None,
    data: bytes | None = None,
) -> RawInput:
    """Read one input file into text, within ``limits`` (the defaults when None).

    ``data``: the file's bytes when the caller has read them already (``read_bytes``), so a
    file is read once.

    Raises:
        InputError: unknown extension, empty, binary, corrupt, too large, or no text.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"unsupported file type {suffix or '(none)'!r}; "
            f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )
    if data is None:
        data = read_bytes(path, max_mb)
    text, encoding, blocks = extract_layout(data, suffix, limits)
    if not text.strip():
        raise InputError("file contains no text")
    return RawInput(
        str(path), suffix, text, data, encoding, None if blocks is None else tuple(blocks)
    )
