"""What the ``gemeentetaal sentiment`` commands do; the CLI only parses options and prints.

Texts echoed in the output are scrubbed of e-mail addresses, phone numbers and @mentions.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any, BinaryIO

from pipeline.config import Settings
from pipeline.ingest.readers import InputError, decode_text, read_input
from pipeline.privacy import Pseudonymiser
from pipeline.sentiment import LABELS, SentimentModel, score_texts
from pipeline.sentiment.model import read_labelled_csv, train_model

PREVIEW_CHARS = 60


def read_source(source: str, settings: Settings, stdin: BinaryIO | None = None) -> str:
    """The text of a file (txt, md, docx, pdf, html ...) or of standard input (``-``).

    Raises:
        InputError: one line naming the file and the problem.
    """
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            return decode_text(stream.read())[0]
        except InputError as exc:
            raise InputError(f"<stdin>: {exc}") from exc
    path = Path(source)
    if not path.exists():
        raise InputError(f"{path}: file not found")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file or - for standard input")
    try:
        return read_input(path, settings.ingest.max_file_mb).text
    except InputError as exc:
        message = str(exc)
        raise InputError(
            message if message.startswith(str(path)) else f"{path}: {message}"
        ) from exc


def split_units(text: str, per_line: bool) -> list[str]:
    """The units to score: each non-empty line, or the whole text as one unit."""
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
        ``{"method": ..., "units": [{"text", "sentiment", "score", "confidence",
        "probabilities", "uncivil", "uncivil_terms", "uncivil_categories"}]}``.
    """
    units = split_units(read_source(source, settings, stdin), per_line)
    results = score_texts(units, settings.sentiment, model)
    scrubber = make_scrubber(settings)
    method = results[0].method if results else settings.sentiment.method
    return {
        "method": method,
        "units": [
            {
                "text": scrubber.scrub(text).text,
                "sentiment": r.sentiment,
                "score": r.score,
                "confidence": r.confidence,
                "probabilities": r.to_dict()["probabilities"],
                "uncivil": r.uncivil,
                "uncivil_terms": list(r.uncivil_terms),
                "uncivil_categories": list(r.uncivil_categories),
            }
            for text, r in zip(units, results, strict=True)
        ],
    }


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"


def format_text(result: dict[str, Any]) -> str:
    """A readable Dutch table of ``score_command``'s result."""
    units = result["units"]
    lines = [f"Sentiment (methode: {result['method']})", ""]
    if not units:
        return "\n".join([*lines, "Geen tekst gevonden."])
    lines.append(f"{'nr':>3}  {'sentiment':<9}  {'score':>6}  {'onbeleefd':<9}  tekst")
    for number, unit in enumerate(units, start=1):
        rude = "ja" if unit["uncivil"] else "nee"
        lines.append(
            f"{number:>3}  {unit['sentiment']:<9}  {unit['score']:>+6.2f}  {rude:<9}  "
            f"{_preview(unit['text'])}"
        )
        if unit["uncivil_terms"]:
            lines.append(f"{'':>36}woorden: {', '.join(unit['uncivil_terms'])}")
    counts = Counter(unit["sentiment"] for unit in units)
    n_rude = sum(unit["uncivil"] for unit in units)
    summary = ", ".join(f"{counts.get(label, 0)} {label}" for label in LABELS)
    noun = "eenheid" if len(units) == 1 else "eenheden"
    lines += ["", f"Totaal: {len(units)} {noun}: {summary}; {n_rude} onbeleefd."]
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
        f"Kruisvalidatie ({cv['folds']} delen): nauwkeurigheid {cv['accuracy']:.3f}, "
        f"macro-F1 {cv['macro_f1']:.3f}.",
        f"{'label':<9}  precisie  recall  F1",
    ]
    for label in LABELS:
        per = cv["per_label"][label]
        lines.append(
            f"{label:<9}  {per['precision']:>8.3f}  {per['recall']:>6.3f}  {per['f1']:.3f}"
        )
    lines.append(f"Gebruik: gemeentetaal sentiment BESTAND --model {meta['path']}")
    return "\n".join(lines)
