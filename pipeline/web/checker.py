"""The one place where the web app meets the check job and the report.

Texts and uploads are turned into plain text with the ingest readers (within the ingest
limits), checked with the same function as ``gemeentetaal check`` and rendered with the same
report, so the page and the API always agree with the command line. The cheap checks
(``check_upload``, the length of pasted text) run in the event loop; reading and checking run
in a worker process (``pipeline/web/pool.py``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from pipeline.check import check_suffixes
from pipeline.config import Settings, WebSettings
from pipeline.ingest.errors import dutch_reason
from pipeline.ingest.limits import LimitError
from pipeline.ingest.readers import InputError, decode_text, read_input
from pipeline.nlp import ModelInfo, load_pipeline
from pipeline.numbers import nl_decimal, nl_int, nl_number

if TYPE_CHECKING:
    from pipeline.check import CheckResult, InputText

PASTED_PATH = "-"


class RequestError(Exception):
    """A request the app refuses, with its HTTP status and a Dutch message for the user."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def _format_int(n: int) -> str:
    return nl_int(n)


def format_mb(mb: float) -> str:
    """A size limit in MB as the page shows it: ``10``, ``0,5``."""
    return nl_decimal(mb)


def size_mb(n_bytes: int, limit_mb: float) -> str:
    """The size of a file over ``limit_mb`` in MB, with the decimals that tell it from the
    limit (``10,2``; ``10,04``, not ``10,0`` against ``10``)."""
    mb = n_bytes / 1024 / 1024
    decimals = 1
    while decimals < 3 and round(mb, decimals) <= limit_mb:
        decimals += 1
    return nl_number(mb, decimals)


def display_name(filename: str | None) -> str:
    """The base name of an uploaded file (browsers may send a full path), at most 80 chars;
    a longer name is shortened before its file type (``lange-naam....docx``), which
    ``check_upload`` reads from it."""
    name = PureWindowsPath(PurePosixPath(filename or "").name).name.strip()
    if len(name) <= 80:
        return name or "bestand"
    suffix = PurePosixPath(name).suffix
    suffix = suffix if len(suffix) <= 10 else ""
    return name[: 77 - len(suffix)] + "..." + suffix


def check_text_limits(text: str, web: WebSettings, name: str | None = None) -> str:
    """Return ``text`` if it can be checked.

    Raises:
        RequestError: 422 when there is no text, 413 when it is longer than ``web.max_chars``.
    """
    where = f"Bestand '{name}': " if name else ""
    if not text.strip():
        raise RequestError(422, f"{where}Er is geen tekst om te controleren.")
    if len(text) > web.max_chars:
        raise RequestError(
            413,
            f"{where}De tekst is te lang: {_format_int(len(text))} tekens "
            f"(maximaal {_format_int(web.max_chars)}). Controleer de tekst in delen.",
        )
    return text


def text_from_paste(text: str, web: WebSettings) -> str:
    """Pasted text, normalised as ``gemeentetaal check -`` normalises standard input.

    Raises:
        RequestError: 422 when empty or binary, 413 when too long.
    """
    if len(text) > 2 * web.max_chars:  # don't normalise what will be refused anyway
        check_text_limits(text, web)
    try:
        normalised, _ = decode_text(text.encode("utf-8", errors="replace"))
    except InputError as exc:
        raise RequestError(422, f"De tekst kan niet worden gelezen: {dutch_reason(exc)}.") from exc
    return check_text_limits(normalised, web)


def file_types_nl(suffixes: tuple[str, ...]) -> str:
    """The file types in Dutch, for the page and its messages: ``.txt-, .md- of .pdf-bestand``."""
    names = [f"{suffix}-" for suffix in suffixes]
    listed = ", ".join(names[:-1]) + " of " + names[-1] if len(names) > 1 else "".join(names)
    return f"{listed}bestand"


def check_upload(filename: str | None, data: bytes, settings: Settings) -> tuple[str, str]:
    """The display name and suffix of an upload, after the checks that need no reading. The
    file types are those ``gemeentetaal check`` reads (``pipeline.check.check_suffixes``).

    Raises:
        RequestError: 415 for another file type, 422 when empty, 413 when too large.
    """
    web = settings.web
    name = display_name(filename)
    suffix = PurePosixPath(name).suffix.lower()
    suffixes = check_suffixes(settings)
    if suffix not in suffixes:
        raise RequestError(
            415,
            f"Bestand '{name}': dit bestandstype wordt niet ondersteund. "
            f"Kies een {file_types_nl(suffixes)}.",
        )
    if not data:
        raise RequestError(422, f"Bestand '{name}': het bestand is leeg.")
    if len(data) > web.max_upload_mb * 1024 * 1024:
        raise RequestError(
            413,
            f"Bestand '{name}': het bestand is te groot "
            f"({size_mb(len(data), web.max_upload_mb)} MB; maximaal "
            f"{format_mb(web.max_upload_mb)} MB).",
        )
    return name, suffix


def extract_upload(name: str, suffix: str, data: bytes, settings: Settings) -> InputText:
    """An upload that passed ``check_upload``, read as ``gemeentetaal check`` reads a file
    (``read_input``: the text with its layout, such as Word heading styles and PDF
    positions, so the upload gets the same sentences and scores as the file), within
    ``settings.ingest``'s limits (a worker process does this: a .docx or .pdf may take a
    while).

    Raises:
        RequestError: 413 beyond a limit or too long, 422 when corrupt or without text.
    """
    from pipeline.check import InputText

    path = PurePosixPath(name)
    if path.suffix.lower() != suffix:  # the reader picks its format by the name's suffix
        path = path.with_name(f"upload{suffix}")
    try:
        raw = read_input(Path(path), settings.ingest.max_file_mb, settings.ingest, data)
    except LimitError as exc:
        raise RequestError(
            413, f"Bestand '{name}': het bestand is te groot om te lezen: {dutch_reason(exc)}."
        ) from exc
    except InputError as exc:
        raise RequestError(
            422, f"Bestand '{name}': het bestand kan niet worden gelezen: {dutch_reason(exc)}."
        ) from exc
    check_text_limits(raw.text, settings.web, name)
    return InputText(name, raw)


def text_from_upload(filename: str | None, data: bytes, settings: Settings) -> InputText:
    """An uploaded file of a type ``check`` reads, read like ``check`` reads it.

    Raises:
        RequestError: 415 for another file type, 413 when too large, 422 when empty, corrupt
            or without text.
    """
    name, suffix = check_upload(filename, data, settings)
    return extract_upload(name, suffix, data, settings)


def officialese_terms(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Officialese words flagged in a check result (its JSON form), once each, with counts."""
    terms: dict[str, dict[str, Any]] = {}
    for sentence in result.get("sentences", []):
        for flag in sentence.get("flags", []):
            if flag.get("kind") != "officialese":
                continue
            key = str(flag.get("text") or "").lower()
            entry = terms.setdefault(
                key, {"term": key, "suggestion": flag.get("suggestion"), "count": 0}
            )
            entry["count"] += 1
    return list(terms.values())


@dataclass
class Checker:
    """The model, loaded once at start-up, and the check of one text."""

    settings: Settings
    nlp: Language
    model: ModelInfo
    resources: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def load(
        cls, settings: Settings, nlp_model: tuple[Language, ModelInfo] | None = None
    ) -> Checker:
        """Load the spaCy pipeline (unless given)."""
        from pipeline.readability import ReadabilityResources

        nlp, model = nlp_model if nlp_model is not None else load_pipeline(settings.nlp)
        return cls(settings, nlp, model, ReadabilityResources.load(settings.readability))

    def warm_up(self) -> None:
        """Check one short text, so lazily loaded word lists are ready for the first user."""
        self.check("De gemeente helpt inwoners. Het plan wordt in 2025 uitgevoerd.")

    def check(self, text: str | InputText, path: str = PASTED_PATH) -> CheckResult:
        """Check one text (pasted, named ``path``) or one read upload (``extract_upload``)
        with the function behind ``gemeentetaal check``."""
        from pipeline.check import InputFailure, InputText, check_texts

        item = InputText.from_text(path, text) if isinstance(text, str) else text
        # One analysis at a time: the pipeline is shared and the work is CPU-bound anyway.
        with self._lock:
            [result] = check_texts(
                [item],
                self.settings,
                self.nlp,
                self.model,
                self.resources,
            )
        if isinstance(result, InputFailure):
            reason = dutch_reason(InputError(result.message))
            raise RequestError(422, f"De tekst kan niet worden gelezen: {reason}.")
        return result

    @staticmethod
    def to_json(result: CheckResult) -> str:
        """The JSON line ``gemeentetaal check --format json`` prints for this result."""
        from pipeline.report.check import render_json_line

        return render_json_line(result)

    def render_fragment(self, result: CheckResult, ignored: frozenset[str] = frozenset()) -> str:
        """The report's HTML fragment for a result, with the controls of the page (ignore,
        apply); all text escaped by the report."""
        from pipeline.report.check import render_html_fragment

        return render_html_fragment(
            result, self.settings.report.language, interactive=True, ignored=ignored
        )
