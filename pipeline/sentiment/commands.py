"""What the ``gemeentetaal sentiment`` commands do; the CLI only parses options and prints.

Inputs are read and cut into units as ``run`` reads and cuts them (``read_units``): the
ingest readers and parsers, then ``pipeline.analyse.units_of``, so a file gets the same
paragraphs and comments here as in the tables.

Texts echoed in the output are scrubbed of e-mail addresses, phone numbers and @mentions.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from pipeline.config import Settings
from pipeline.ingest.readers import InputError, RawInput, decode_text, read_input
from pipeline.numbers import nl_number
from pipeline.privacy import Pseudonymiser
from pipeline.sentiment import LABELS, SentimentModel, score_texts
from pipeline.sentiment.training import read_labelled_csv, train_model

PREVIEW_CHARS = 60


@dataclass(frozen=True)
class ScoreUnit:
    """A unit to score: its id, kind (heading, paragraph, item, article, comment, line), text
    and, for a comment, ``author_role`` (resident or organisation)."""

    unit_id: str
    kind: str
    text: str
    author_role: str | None = None


def read_raw(source: str, settings: Settings, stdin: BinaryIO | None = None) -> RawInput:
    """A file (txt, md, docx, pdf, html, json, csv ...) or standard input (``-``), read by the
    ingest readers as ``run`` reads it.

    Raises:
        InputError: one line naming the file and the problem.
    """
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read()
        try:
            text = decode_text(data)[0]
        except InputError as exc:
            raise InputError(f"<stdin>: {exc}") from exc
        return RawInput("-", ".txt", text, text.encode("utf-8"), "utf-8")
    path = Path(source)
    if not path.exists():
        raise InputError(f"{path}: file not found")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file or - for standard input")
    try:
        return read_input(path, settings.ingest.max_file_mb, settings.ingest)
    except InputError as exc:
        raise InputError(_named(path, exc)) from exc


def _named(path: Path | str, exc: Exception) -> str:
    message = str(exc)
    return message if message.startswith(str(path)) else f"{path}: {message}"


def read_units(
    source: str, settings: Settings, *, per_line: bool = False, stdin: BinaryIO | None = None
) -> list[ScoreUnit]:
    """The units to score, cut as ``run`` cuts them: the input goes through the ingest
    readers and parsers (``ingest_raw``) and ``pipeline.analyse.units_of`` (paragraphs and
    list items of a text, the article and comments of a thread), with the title and section
    headings of a document as units of their own (``run`` keeps them as headings; a one-line
    comment on top of a file is scored, not dropped). With ``per_line`` every non-empty line
    of the text as read is a unit (a list of comments, one per line), except in a comment
    thread: its header lines (author, date, "12 reacties") are no text to score and would
    show commenters' names, so a thread is scored per comment all the same
    (``score_command`` then adds a ``notice``).

    Raises:
        InputError: the input cannot be read or parsed (one line naming it).
    """
    from pipeline.analyse import units_of
    from pipeline.ingest import ingest_raw
    from pipeline.records import Document, make_id

    raw = read_raw(source, settings, stdin)
    try:
        records = ingest_raw(raw, settings, make_scrubber(settings))
    except (InputError, RecursionError) as exc:
        if per_line:  # a list of comments need not parse as anything
            records = []
        else:
            name = "<stdin>" if source == "-" else source
            raise InputError(_named(name, exc if isinstance(exc, InputError) else
                                    InputError("input is nested too deeply"))) from exc  # fmt: skip
    if per_line and all(isinstance(r, Document) for r in records):
        lines = [line.strip() for line in raw.text.splitlines() if line.strip()]
        return [ScoreUnit(make_id(raw.path, "line", n), "line", t) for n, t in enumerate(lines)]
    units: list[ScoreUnit] = []
    for record in records:
        roles: dict[str, str | None] = {}
        if isinstance(record, Document):
            rid = record.document_id
            titles = [*(p.title for p in record.programmes), *record.section_headings]
        else:
            rid = record.thread_id
            titles = [record.article_title]
            roles = {c.comment_id: c.author_role for c in record.comments}
        seen: set[str] = set()
        for n, title in enumerate(t.strip() for t in titles if t and t.strip()):
            if title.casefold() not in seen:
                seen.add(title.casefold())
                units.append(ScoreUnit(make_id(rid, "title", n), "heading", title))
        units += [
            ScoreUnit(u.unit_id, u.unit_kind, u.text, roles.get(u.unit_id))
            for u in units_of(record)
            if u.text.strip()
        ]
    return units


THREAD_PER_COMMENT = (
    "Dit is een reactiedraad: per reactie gescoord, niet per regel (kopregels met naam en "
    "datum zijn geen tekst)."
)


def split_units(text: str, per_line: bool) -> list[str]:
    """The units of a plain string: each non-empty line, or the whole text as one unit."""
    if per_line:
        return [line.strip() for line in text.splitlines() if line.strip()]
    return [text.strip()]


def make_scrubber(settings: Settings) -> Pseudonymiser:
    """The privacy scrubber; only its scrubbing is used, so a missing secret is no problem."""
    return Pseudonymiser.for_scrubbing(settings.privacy)


def score_command(
    source: str,
    settings: Settings,
    *,
    per_line: bool = False,
    model: SentimentModel | None = None,
    stdin: BinaryIO | None = None,
) -> dict[str, Any]:
    """Score a file or standard input; the result as printed by ``--format json``.

    Returns:
        ``{"method": ..., "units": [{"unit_id", "kind", "author_role", "text", "sentiment",
        "score", "confidence", "probabilities", "uncivil", "uncivil_terms",
        "uncivil_categories"}]}``.
    """
    units = read_units(source, settings, per_line=per_line, stdin=stdin)
    results = score_texts([u.text for u in units], settings.sentiment, model)
    scrubber = make_scrubber(settings)
    method = results[0].method if results else settings.sentiment.method
    notice = (
        {"notice": THREAD_PER_COMMENT} if per_line and any(u.kind != "line" for u in units) else {}
    )
    return {
        "method": method,
        **notice,
        "units": [
            {
                "unit_id": unit.unit_id,
                "kind": unit.kind,
                "author_role": unit.author_role,
                "text": scrubber.scrub(unit.text).text,
                "sentiment": r.sentiment,
                "score": r.score,
                "confidence": r.confidence,
                "probabilities": r.to_dict()["probabilities"],
                "uncivil": r.uncivil,
                "uncivil_terms": list(r.uncivil_terms),
                "uncivil_categories": list(r.uncivil_categories),
            }
            for unit, r in zip(units, results, strict=True)
        ],
    }


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


def _signed(score: float) -> str:
    """A score with its sign and a decimal comma, as the check report writes points:
    ``+0,84``, ``−0,49``, ``0,00``."""
    shown = nl_number(abs(score), 2)
    if shown == nl_number(0, 2):
        return shown
    return ("+" if score > 0 else "−") + shown


def format_text(result: dict[str, Any]) -> str:
    """A readable Dutch table of ``score_command``'s result. Replies by the organisation
    (``author_role`` organisation) are marked and left out of the totals, as in the
    resident KPIs of the dashboard; so are a thread's title and article (the totals of a
    thread are its residents' comments)."""
    units = result["units"]
    lines = [f"Sentiment (methode: {result['method']})", ""]
    if not units:
        return "\n".join([*lines, "Geen tekst gevonden."])
    thread = any(unit["kind"] == "comment" for unit in units)
    lines.append(f"{'nr':>3}  {'sentiment':<9}  {'score':>6}  {'onbeschoft':<10}  tekst")
    for number, unit in enumerate(units, start=1):
        rude = "ja" if unit["uncivil"] else "nee"
        own = "[organisatie] " if unit.get("author_role") == "organisation" else ""
        if thread and unit["kind"] != "comment":
            own = "[artikel] "
        lines.append(
            f"{number:>3}  {unit['sentiment']:<9}  {_signed(unit['score']):>6}  {rude:<10}  "
            f"{own}{_preview(unit['text'])}"
        )
        if unit["uncivil_terms"]:
            lines.append(f"{'':>36}woorden: {', '.join(unit['uncivil_terms'])}")
    counted = [
        u
        for u in units
        if u.get("author_role") != "organisation" and (not thread or u["kind"] == "comment")
    ]
    counts = Counter(unit["sentiment"] for unit in counted)
    n_rude = sum(unit["uncivil"] for unit in counted)
    summary = ", ".join(f"{counts.get(label, 0)} {label}" for label in LABELS)
    noun = "eenheid" if len(counted) == 1 else "eenheden"
    lines += ["", f"Totaal: {len(counted)} {noun}: {summary}; {n_rude} onbeschoft."]
    n_own = sum(u.get("author_role") == "organisation" for u in units)
    if n_own:
        reacties = "reactie" if n_own == 1 else "reacties"
        lines.append(f"({n_own} {reacties} van de organisatie niet meegeteld.)")
    if thread and any(u["kind"] != "comment" for u in units):
        lines.append("(Titel en artikel niet meegeteld: alleen de reacties.)")
    return "\n".join(lines)


def train_command(labels: Path, settings: Settings, out: Path | None = None) -> SentimentModel:
    """Train a model on a municipality's own labelled comments and save it.

    Args:
        labels: CSV with columns text and label (negatief / neutraal / positief).
        settings: settings; ``sentiment.min_train_rows*`` set the minimum size.
        out: model file (``.joblib``); default ``sentiment_model.joblib`` in the processed
            data folder. The metadata goes beside it (``.json``).

    Returns:
        The trained model; ``meta["path"]`` is where it was saved.

    Raises:
        SentimentModelError: the labelled file is unusable (one line naming it).
    """
    data = read_labelled_csv(
        labels,
        min_rows=settings.sentiment.min_train_rows,
        min_rows_per_label=settings.sentiment.min_train_rows_per_label,
    )
    model = train_model(data, name="custom")
    path = out or settings.paths.processed_dir / "sentiment_model.joblib"
    if path.suffix != ".joblib":
        path = path.with_suffix(".joblib")
    model.save(path)
    model.meta["path"] = str(path)
    return model


def format_train_report(model: SentimentModel) -> str:
    """A Dutch summary of a training run: where the model is and its cross-validated scores."""
    meta, cv = model.meta, model.meta["cv"]
    data = meta["training_data"]
    lines = [
        f"Model opgeslagen: {meta['path']} (metadata: {Path(meta['path']).with_suffix('.json')})",
        f"Methode: {model.method}; getraind op {data['n_rows']} regels "
        f"({', '.join(f'{n} {label}' for label, n in data['label_counts'].items())}).",
        f"Instellingen (gekozen met kruisvalidatie): C={meta['params']['C']}, "
        f"gewicht lexicon={meta['params']['lexicon_weight']}.",
        f"Kruisvalidatie ({cv['folds']} delen): nauwkeurigheid {nl_number(cv['accuracy'], 3)}, "
        f"macro-F1 {nl_number(cv['macro_f1'], 3)}.",
        f"{'label':<9}  precisie  recall  F1",
    ]
    for label in LABELS:
        per = cv["per_label"][label]
        lines.append(
            f"{label:<9}  {nl_number(per['precision'], 3):>8}  {nl_number(per['recall'], 3):>6}  "
            f"{nl_number(per['f1'], 3)}"
        )
    lines.append(f"Gebruik: gemeentetaal sentiment BESTAND --model {meta['path']}")
    return "\n".join(lines)
