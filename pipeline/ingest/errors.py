"""The error every reader and parser raises for an input it cannot take, and how a library's
error is told to the user without quoting the input."""

from __future__ import annotations

import re


class InputError(ValueError):
    """An input cannot be read; the message is one line for the user."""


_QUOTED = re.compile(r"""b?'[^']*'|b?"[^"]*\"""")


def describe(exc: BaseException, max_chars: int = 120) -> str:
    """An exception as one line that quotes nothing from the input.

    Library errors often quote what they choked on (pypdf: ``Invalid Elementary Object
    starting with b'...'``), which may be a resident's name; quoted parts become ``'…'``.
    """
    detail = _QUOTED.sub("'…'", " ".join(str(exc).split()))
    if len(detail) > max_chars:
        detail = detail[: max_chars - 1] + "…"
    return f"{exc.__class__.__name__}: {detail}" if detail else exc.__class__.__name__


# The readers' messages in Dutch, for the web page (its whole text is Dutch). Each gives a
# whole Dutch reason: a library's own (English) detail is left out. Patterns match the start
# of the message; a message not listed gets the caller's default (``in_dutch``).
_DUTCH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), dutch)
    for pattern, dutch in (
        (r"^corrupt \.docx file\b", "geen geldig Word-bestand"),
        (r"^corrupt \.pdf file\b", "geen geldig pdf-bestand"),
        (r"^corrupt ", "het bestand is beschadigd"),
        (r"^empty file$", "het bestand is leeg"),
        (r"^file too large\b", "het bestand is te groot"),
        (r"^file contains no text$", "er staat geen tekst in"),
        (r"^no text on standard input$", "er is geen tekst"),
        (r"^binary file, not text$", "dit is geen tekstbestand"),
        (
            r"^PDF has no text layer",
            "de pdf heeft geen tekstlaag (gescand?); tekstherkenning (OCR) kan dit programma niet",
        ),
        (
            r"^PDF text layer is unreadable",
            "de tekstlaag van de pdf is onleesbaar: het lettertype geeft codes in plaats van "
            "letters; tekstherkenning (OCR) kan dit programma niet, sla de pdf opnieuw op "
            "met tekst",
        ),
        (
            r"^the PDF expands beyond pypdf's safety limits",
            "de pdf wordt bij het uitpakken groter dan de veiligheidsgrens",
        ),
        (r"^(the file|input) is nested too deeply", "het bestand is te diep genest om te lezen"),
        (
            r"^no comments found in a known thread layout$",
            "de tekst lijkt een reactiedraad, maar er zijn geen reacties in gevonden",
        ),
    )
)
# What a limit (``pipeline.ingest.limits.LimitError``) refuses, by its setting.
_LIMITS = {
    "max_zip_entries": "te veel onderdelen",
    "max_unzipped_mb": "uitgepakt te groot",
    "max_xml_elements": "te veel XML-elementen",
    "max_pdf_pages": "te veel pagina's",
    "max_text_chars": "te veel tekst",
    "max_html_elements": "te veel HTML-elementen",
}
_UNITS = {"MB": " MB", "characters": " tekens", "": ""}
UNREADABLE = "het bestand is beschadigd of de opbouw is onbekend"


def in_dutch(message: str, default: str | None = None) -> str:
    """A reader's one-line message in Dutch, for user-facing Dutch text (the web page);
    ``default`` (the English message when None) for a message not listed."""
    for pattern, dutch in _DUTCH:
        if pattern.match(message):
            return dutch
    return message if default is None else default


def dutch_reason(exc: BaseException, default: str = UNREADABLE) -> str:
    """Why an input cannot be read, in Dutch and without nested brackets: a reader's
    ``InputError`` (``in_dutch``) or a ``LimitError`` with its figures in Dutch notation."""
    setting = getattr(exc, "setting", "")
    if setting in _LIMITS:
        from pipeline.numbers import nl_int, nl_number

        def fmt(n: float) -> str:
            return nl_int(n) if float(n).is_integer() or n >= 100 else nl_number(n, 1)

        unit = _UNITS.get(getattr(exc, "unit", ""), "")
        value, limit = getattr(exc, "value", 0), getattr(exc, "limit", 0)
        return (
            f"{_LIMITS[setting]} ({fmt(value)}{unit}; grens {fmt(limit)}{unit}, "
            f"instelling ingest.{setting})"
        )
    return in_dutch(str(exc), default)
