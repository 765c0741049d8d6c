"""What the ``gemeentetaal themes`` commands do: read inputs into units, tag, train, discover.

The CLI only parses options and calls ``tag_inputs``, ``train_command`` or
``discover_command``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.ingest import InputError, ingest_paths, ingest_raw
from pipeline.ingest.readers import RawInput
from pipeline.numbers import nl_number
from pipeline.privacy import Pseudonymiser
from pipeline.records import Document, IngestError, Record, make_id
from pipeline.themes.tagger import ThemeHit, ThemeTagger

EXCERPT_CHARS = 160


@dataclass(frozen=True)
class TextUnit:
    """A unit of text to tag, with the input and record it came from."""

    unit_id: str
    unit_kind: str  # paragraph | item | article | comment
    text: str
    source: str
    record_id: str
    record_kind: str  # document | thread
    context: bool = False  # a title or heading: read with the record, not tagged on its own


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def units_of_record(record: Record) -> list[TextUnit]:
    """Units of a record, as ``run`` cuts them (``pipeline.analyse.units_of``: paragraphs and
    items of a document, the article and comments of a thread), after its titles and
    headings as context units."""
    from pipeline.analyse import units_of

    if isinstance(record, Document):
        rid, kind = record.document_id, "document"
        titles = [*(p.title for p in record.programmes), *record.section_headings]
    else:
        rid, kind = record.thread_id, "thread"
        titles = [record.article_title]
    seen: set[str] = set()
    context = []
    for n, title in enumerate(t.strip() for t in titles if t and t.strip()):
        if title.lower() not in seen:
            seen.add(title.lower())
            context.append(
                TextUnit(make_id(rid, "title", n), "heading", title, _source(record), rid, kind,
                         context=True)
            )  # fmt: skip
    return context + [
        TextUnit(u.unit_id, u.unit_kind, u.text, _source(record), rid, kind)
        for u in units_of(record)
        if u.text.strip()
    ]


def _source(record: Record) -> str:
    return record.source_path


def read_units(
    paths: Sequence[str], settings: Settings, stdin: str | None = None
) -> tuple[list[TextUnit], list[IngestError]]:
    """Read every input through the ingest path of ``run`` (``ingest_paths``: folders
    expanded, special files and copies reported; ``-`` is standard input) and cut the records
    into units as ``run`` does; a broken file is an error, not the end of the batch."""
    pseudonymiser = Pseudonymiser.for_scrubbing(settings.privacy)
    units: list[TextUnit] = []
    errors: list[IngestError] = []
    files = [Path(name) for name in paths if name != "-"]
    for name in paths:
        if name != "-":
            continue
        text = stdin if stdin is not None else sys.stdin.read()
        try:
            if not text.strip():
                raise InputError("no text on standard input")
            raw = RawInput("-", ".txt", text, text.encode("utf-8"), "utf-8")
            for record in ingest_raw(raw, settings, pseudonymiser):
                units += units_of_record(record)
        except InputError as exc:
            errors.append(IngestError("-", "ingest", str(exc)))
    for item in ingest_paths(files, settings, pseudonymiser) if files else []:
        if isinstance(item, IngestError):
            errors.append(item)
        else:
            units += units_of_record(item)
    return units, errors


def hit_json(hit: ThemeHit) -> dict[str, Any]:
    return {
        "slug": hit.slug,
        "name": hit.name,
        "level": hit.level,
        "code": hit.code,
        "score": hit.score,
        "evidence": hit.evidence,
    }


def tag_units(
    units: Sequence[TextUnit], settings: Settings, nlp: Any, tagger: ThemeTagger
) -> dict[str, Any]:
    """Parse all units in one ``nlp.pipe`` pass, tag them and roll them up per input record.

    Titles and headings (context units) are not tagged on their own; they are read with the
    rest of their record for the record's themes (``ThemeTagger.rollup``).

    Returns:
        ``{"method", "units": [{"id", "kind", "source", "text", "themes"}],
        "records": [{"id", "kind", "source", "themes"}]}``.
    """
    from pipeline.nlp import parse

    parsed = list(parse(nlp, ((u.text, u) for u in units), settings.nlp))
    per_record: dict[str, tuple[TextUnit, list[Any], list[list[ThemeHit]], list[float]]] = {}
    for doc, unit in parsed:
        per_record.setdefault(unit.record_id, (unit, [], [], []))[1].append(doc)
    parsed = [(doc, unit) for doc, unit in parsed if not unit.context]
    hits = tagger.tag_docs([doc for doc, _ in parsed])
    out_units: list[dict[str, Any]] = []
    for (doc, unit), unit_hits in zip(parsed, hits, strict=True):
        out_units.append(
            {
                "id": unit.unit_id,
                "kind": unit.unit_kind,
                "source": unit.source,
                "text": unit.text,
                "themes": [hit_json(h) for h in unit_hits],
            }
        )
        n_words = sum(1 for t in doc if not (t.is_punct or t.is_space))
        entry = per_record[unit.record_id]
        entry[2].append(unit_hits)
        entry[3].append(float(max(n_words, 1)))
    records = [
        {
            "id": rid,
            "kind": first.record_kind,
            "source": first.source,
            "themes": [hit_json(h) for h in tagger.rollup(docs, children, weights)],
        }
        for rid, (first, docs, children, weights) in per_record.items()
    ]
    return {"method": tagger.method, "units": out_units, "records": records}


def _theme_lines(themes: list[dict[str, Any]], indent: str) -> list[str]:
    if not themes:
        return [f"{indent}(geen thema boven de drempel)"]
    lines = []
    for t in themes:
        niveau = "dwarsdoorsnijdend" if t["level"] == "cross" else f"niveau {t['level']}"
        bewijs = ", ".join(t["evidence"]) or "-"
        lines.append(
            f"{indent}{nl_number(t['score'], 2)}  {t['name']} ({t['slug']}, {niveau}) — "
            f"bewijs: {bewijs}"
        )
    return lines


def format_text(result: dict[str, Any]) -> str:
    """The tagging result as readable Dutch text."""
    lines: list[str] = [f"Thema's (methode: {result['method']})"]
    for record in result["records"]:
        soort = "document" if record["kind"] == "document" else "discussie"
        lines += ["", f"== {record['source']} ({soort})"]
        lines += _theme_lines(record["themes"], "   ")
        for n, unit in enumerate(
            (u for u in result["units"] if u["source"] == record["source"]), start=1
        ):
            lines.append(f"  [{n}] {unit['kind']}: {excerpt(unit['text'], 100)}")
            lines += _theme_lines(unit["themes"], "      ")
    return "\n".join(lines)


def train_command(labels: Path, settings: Settings, out: Path | None) -> tuple[Path, dict]:
    """Train a model on a labels CSV and save it. Returns the path and the training report."""
    from pipeline.nlp import load_pipeline
    from pipeline.themes.labels import read_labels
    from pipeline.themes.tagger import train_tagger
    from pipeline.themes.taxonomy import load_taxonomy

    read_labels(labels, load_taxonomy())  # report a bad file before loading the pipeline
    nlp, _ = load_pipeline(settings.nlp)
    target = out or settings.paths.processed_dir / "themes_model.joblib"
    if target.suffix != ".joblib":
        target = target.with_suffix(".joblib")
    _, report = train_tagger(labels, settings.themes, nlp, target)
    return target, report


def format_train_report(path: Path, report: dict[str, Any]) -> str:
    dropped = ", ".join(report["dropped_labels"]) or "geen"
    return "\n".join(
        [
            f"Themamodel opgeslagen in {path} (metadata: {path.with_suffix('.json')})",
            f"  rijen: {report['n_rows']}, thema's: {len(report['labels'])}, "
            f"weggelaten (te weinig voorbeelden): {dropped}",
            f"  kruisvalidatie micro-F1: {nl_number(report['cv_micro_f1'], 3)} "
            f"(C={report['C']}, lexicon-aandeel={report['blend']})",
            f'  Gebruik het met [themes] model_path = "{path}" in gemeentetaal.toml.',
        ]
    )


def discover_command(
    paths: Sequence[Path], settings: Settings, n_topics: int, out: Path | None
) -> tuple[Path, list[dict[str, Any]], int, list[IngestError]]:
    """Discover topics over the units of the inputs and write them as CSV and JSON.

    Returns:
        The output folder, the topics as dicts, the number of units and the failed inputs.
    """
    from pipeline.nlp import load_pipeline, parse
    from pipeline.outputs import atomic_write_text
    from pipeline.themes.discover import DiscoveryError, discover_topics
    from pipeline.themes.model import lemma_text

    units, errors = read_units([str(p) for p in paths], settings)
    units = [u for u in units if not u.context]
    if not units:
        raise DiscoveryError("no text found in the inputs")
    nlp, _ = load_pipeline(settings.nlp)
    texts = [lemma_text(doc) for doc, _ in parse(nlp, ((u.text, u) for u in units), settings.nlp)]
    topics = discover_topics(texts, n_topics)
    target = out or settings.paths.processed_dir / "topics"
    target.mkdir(parents=True, exist_ok=True)
    data: list[dict[str, Any]] = [
        {
            "topic": t.index,
            "label": t.label,
            "terms": [{"term": term, "weight": w} for term, w in t.terms],
            "units": [
                {
                    "unit_id": units[i].unit_id,
                    "unit_kind": units[i].unit_kind,
                    "source": units[i].source,
                    "weight": w,
                    "excerpt": excerpt(units[i].text),
                }
                for i, w in t.units
            ],
        }
        for t in topics
    ]
    atomic_write_text(target / "topics.json", json.dumps(data, ensure_ascii=False, indent=2))
    atomic_write_text(
        target / "topic_terms.csv",
        _csv(
            ["topic", "rank", "term", "weight"],
            [
                [t["topic"], r, x["term"], x["weight"]]
                for t in data
                for r, x in enumerate(t["terms"])
            ],
        ),
    )
    atomic_write_text(
        target / "topic_units.csv",
        _csv(
            ["topic", "rank", "unit_id", "unit_kind", "source", "weight", "excerpt"],
            [
                [
                    t["topic"],
                    r,
                    u["unit_id"],
                    u["unit_kind"],
                    u["source"],
                    u["weight"],
                    u["excerpt"],
                ]
                for t in data
                for r, u in enumerate(t["units"])
            ],
        ),
    )
    return target, data, len(units), errors


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def format_topics(target: Path, topics: list[dict[str, Any]], n_units: int) -> str:
    lines = [f"{len(topics)} onderwerpen gevonden in {n_units} tekstdelen; opgeslagen in {target}"]
    for t in topics:
        lines.append(f"  {t['topic'] + 1}. {', '.join(x['term'] for x in t['terms'][:8])}")
    return "\n".join(lines)


__all__ = [
    "TextUnit",
    "discover_command",
    "format_text",
    "format_topics",
    "format_train_report",
    "read_units",
    "tag_units",
    "train_command",
    "units_of_record",
]
