"""Resource bounds for untrusted input files: what a reader may expand a file into.

A 5 MB .docx can hold a 1 GB ``document.xml``, a small PDF thousands of pages, an HTML page
millions of elements; the 20 MB file-size limit counts none of that. Each reader calls one
function from here, with the ``IngestSettings`` in force, before (or while) it expands a file:

- ``check_zip``: entry count and total unpacked size, read from the zip's central directory
  before anything is decompressed; then the XML members are inflated 1 MB at a time (nothing
  kept) to count their bytes and elements. A directory that lies about sizes cannot get past
  this: the count stops at the limit. (Python's ``zipfile`` does stop a member at its declared
  size, but only after inflating a whole read, so ``ZipFile.read`` of a lying 5 MB member
  still takes 1 GB of memory: python-docx must not be the first to read a zip.)
- ``bounded_pages``: the page count of a PDF, then the characters extracted, page by page.
- ``check_html``: the number of elements, counted in one pass over the markup before parsing.
- ``check_text``: the characters of any extracted text.
- ``single_byte_encoding``: cp1252 or ISO-8859-15 for text that is not UTF-8 (a "€" saved
  by an ISO-8859-15 editor is byte 0xA4, which cp1252 reads as "¤").

A refusal is a ``LimitError`` (an ``InputError``) with one line that names the limit and the
setting that raises it; the caller adds the file name, as for every other unreadable input.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Sequence
from typing import TypeVar

from pipeline.config import IngestSettings
from pipeline.ingest.errors import InputError

Page = TypeVar("Page")
Read = TypeVar("Read")
MB = 1024 * 1024
_START_TAG = re.compile(r"<[A-Za-z]")
# Bytes that are printable characters in cp1252 but C1 controls in ISO-8859-15 (the curly
# quotes, dashes, ellipsis and "€" of Windows text).
_CP1252_ONLY = re.compile(rb"[\x80-\x9f]")


class LimitError(InputError):
    """An input would expand beyond a configured limit: ``value`` against ``limit`` (in
    ``unit``) of the setting ``ingest.<setting>``, kept apart so the message can be told in
    Dutch too (``pipeline.ingest.errors.dutch_reason``)."""

    def __init__(
        self, message: str, value: float = 0, limit: float = 0, setting: str = "", unit: str = ""
    ) -> None:
        super().__init__(message)
        self.value, self.limit, self.setting, self.unit = value, limit, setting, unit


def _fmt(n: float) -> str:
    return f"{n:,.0f}" if float(n).is_integer() or n >= 100 else f"{n:,.1f}"


def limit_error(what: str, value: float, limit: float, setting: str, unit: str = "") -> LimitError:
    """The one-line refusal: what is too large, by how much, and which setting allows more."""
    shown = f" {unit}" if unit else ""
    return LimitError(
        f"{what} ({_fmt(value)}{shown}; limit {_fmt(limit)}{shown}, setting ingest.{setting})",
        value, limit, setting, unit,
    )  # fmt: skip


# what a failed zip check means, for the one-line message (no exception class names)
ZIP_PROBLEMS: dict[type[BaseException], str] = {
    zipfile.BadZipFile: "not a valid zip archive",
    zipfile.LargeZipFile: "zip archive too large",
    zlib.error: "damaged compressed data",
    NotImplementedError: "unknown compression method",
    RuntimeError: "encrypted",
    EOFError: "truncated zip archive",
}


def check_zip(data: bytes, limits: IngestSettings, kind: str = "zip archive") -> None:
    """Refuse a zip (.docx) with too many members, too much unpacked data or XML elements.

    First the central directory: member count and declared unpacked size, before anything
    is decompressed. Then the XML members are inflated in 1 MB chunks, without keeping them,
    counting bytes (never more than the limit, whatever the directory says) and elements
    (a parsed element costs ~120 bytes of memory, whatever its size on disk).

    Raises:
        LimitError: more than ``max_zip_entries`` members, ``max_unzipped_mb`` unpacked
            bytes or ``max_xml_elements`` XML elements.
        InputError: not a readable zip file.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > limits.max_zip_entries:
                raise limit_error(
                    f"the {kind} holds too many files", len(infos), limits.max_zip_entries,
                    "max_zip_entries",
                )  # fmt: skip
            declared = sum(info.file_size for info in infos)
            if declared > limits.max_unzipped_mb * MB:
                raise limit_error(
                    f"the {kind} unpacks to too much data", declared / MB,
                    limits.max_unzipped_mb, "max_unzipped_mb", "MB",
                )  # fmt: skip
            _count_xml(archive, infos, limits, kind)
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError,
            RuntimeError, EOFError, OSError, ValueError) as exc:  # fmt: skip
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression.
        reason = ZIP_PROBLEMS.get(type(exc), "unreadable zip archive")
        raise InputError(f"corrupt {kind} ({reason})") from exc


def _count_xml(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: IngestSettings, kind: str
) -> None:
    max_bytes = limits.max_unzipped_mb * MB
    n_bytes = n_elements = 0
    for info in infos:
        if not info.filename.lower().endswith((".xml", ".rels")):
            n_bytes += info.file_size
            continue
        previous = b""
        with archive.open(info) as member:
            while chunk := member.read(MB):
                n_bytes += len(chunk)
                # "<" opens a tag; "</" closes one; "<?" and "<!" are not elements.
                n_elements += chunk.count(b"<") - chunk.count(b"</") - chunk.count(b"<?")
                n_elements -= chunk.count(b"<!")
                if previous == b"<" and chunk[:1] in (b"/", b"?", b"!"):
                    n_elements -= 1
                previous = chunk[-1:]
                if n_bytes > max_bytes:
                    raise limit_error(
                        f"the {kind} unpacks to too much data",
                        n_bytes / MB, limits.max_unzipped_mb, "max_unzipped_mb", "MB",
                    )  # fmt: skip
                if n_elements > limits.max_xml_elements:
                    raise limit_error(
                        f"the {kind} holds too many XML elements (counted up to the limit)",
                        n_elements, limits.max_xml_elements, "max_xml_elements",
                    )  # fmt: skip


def bounded_pages(
    pages: Sequence[Page],
    extract: Callable[[Page], Read],
    limits: IngestSettings,
    n_chars: Callable[[Read], int] = len,  # type: ignore[assignment]  # Read is str or list
) -> list[Read]:
    """What ``extract`` reads from each page (its text, or its lines with ``n_chars`` to
    count their characters), refusing too many pages or too much text as soon as it shows.

    Raises:
        LimitError: more than ``max_pdf_pages`` pages, or more than ``max_text_chars``
            characters extracted so far.
    """
    if len(pages) > limits.max_pdf_pages:
        raise limit_error(
            "the PDF has too many pages", len(pages), limits.max_pdf_pages, "max_pdf_pages"
        )
    texts: list[Read] = []
    total = 0
    for page in pages:
        text = extract(page)
        total += n_chars(text)
        if total > limits.max_text_chars:
            raise limit_error(
                f"the PDF holds too much text (more than {_fmt(total)} characters in the first "
                f"{len(texts) + 1} pages)",
                total, limits.max_text_chars, "max_text_chars", "characters",
            )  # fmt: skip
        texts.append(text)
    return texts


def count_elements(html: str, stop_after: int | None = None) -> int:
    """Number of start tags in ``html`` (one regular-expression pass; stops early when asked)."""
    if stop_after is not None and html.count("<") <= stop_after:
        return html.count("<")  # an upper bound, and already within the limit
    n = 0
    for _ in _START_TAG.finditer(html):
        n += 1
        if stop_after is not None and n > stop_after:
            break
    return n


def check_html(html: str, limits: IngestSettings) -> None:
    """Refuse an HTML page with more than ``max_html_elements`` elements, before parsing it."""
    n = count_elements(html, stop_after=limits.max_html_elements)
    if n > limits.max_html_elements:
        raise limit_error(
            "the HTML page has too many elements (counted up to the limit)", n,
            limits.max_html_elements, "max_html_elements",
        )  # fmt: skip


def check_text(text: str, limits: IngestSettings) -> str:
    """Return ``text`` unless it is longer than ``max_text_chars`` characters."""
    if len(text) > limits.max_text_chars:
        raise limit_error(
            "the text is too long", len(text), limits.max_text_chars, "max_text_chars",
            "characters",
        )  # fmt: skip
    return text


def single_byte_encoding(data: bytes) -> str:
    """``iso-8859-15`` or ``cp1252`` for bytes that are not UTF-8.

    Windows text (cp1252) uses bytes 0x80-0x9F for curly quotes, dashes and "€"; ISO-8859-15
    puts "€" at 0xA4 and leaves 0x80-0x9F to control characters. Bytes with 0xA4 and nothing
    in 0x80-0x9F are read as ISO-8859-15 (0xA4 is "¤" in cp1252, a sign no Dutch text uses);
    everything else as cp1252, as before.
    """
    if b"\xa4" in data and _CP1252_ONLY.search(data) is None:
        return "iso-8859-15"
    return "cp1252"
