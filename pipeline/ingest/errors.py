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


# The readers' messages in Dutch, for the web page (its whole text is Dutch); a message not
# listed keeps its English text. Patterns match the start of the message; groups carry over.
_DUTCH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), dutch)
    for pattern, dutch in (
        (r"^corrupt \.pdf file \(no PDF header\)$", "beschadigd .pdf-bestand (geen pdf-kop)"),
        (r"^corrupt \.(docx|pdf) file \((.*)\)$", r"beschadigd .\1-bestand (\2)"),
        (r"^corrupt \.(docx|pdf) file$", r"beschadigd .\1-bestand"),
        (r"^corrupt (.*) \((.*)\)$", r"beschadigd bestand: \1 (\2)"),
        (r"^empty file$", "het bestand is leeg"),
        (r"^file contains no text$", "het bestand bevat geen tekst"),
        (r"^binary file, not text$", "dit is geen tekstbestand"),
        (
            r"^PDF has no text layer.*$",
            "de pdf heeft geen tekstlaag (gescand?); tekstherkenning (OCR) kan dit programma niet",
        ),
        (
            r"^PDF text layer is unreadable.*$",
            "de tekstlaag van de pdf is onleesbaar (het lettertype geeft codes in plaats van "
            "letters); tekstherkenning (OCR) kan dit programma niet, sla de pdf opnieuw op "
            "met tekst",
        ),
        (
            r"^the PDF expands beyond pypdf's safety limits \((.*)\)$",
            r"de pdf wordt bij het uitpakken groter dan de veiligheidsgrens (\1)",
        ),
        (r"^the file is nested too deeply to read$", "het bestand is te diep genest om te lezen"),
        (
            r"^file too large \(([\d.]+) MB; limit (.*) MB, setting (ingest\.\w+)\)$",
            r"het bestand is te groot (\1 MB; grens \2 MB, instelling \3)",
        ),
        (
            r"^(.*) \((.*); limit (.*), setting (ingest\.\w+)\)$",
            r"\1 (\2; grens \3, instelling \4)",
        ),
    )
)


def in_dutch(message: str) -> str:
    """A reader's one-line message in Dutch, for user-facing Dutch text (the web page)."""
    for pattern, dutch in _DUTCH:
        if pattern.match(message):
            return pattern.sub(dutch, message, count=1)
    return message
