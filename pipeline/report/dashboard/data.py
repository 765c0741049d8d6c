"""Data preparation for the dashboard: pure functions over the tables as pandas DataFrames
(pass rates, the sentences most in need of rewriting, officialese, themes, sentiment)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from pipeline.outputs import read_table
from pipeline.report.dashboard.labels import (
    DASHBOARD_TABLES,
    OWN_TEXT_KINDS,
    RESIDENT_BASE,
    TIMEZONE,
    DashboardError,
    Labels,
    resident_base,
)

# --- reading -------------------------------------------------------------------------------


def load_tables(processed_dir: Path) -> dict[str, pd.DataFrame]:
    """Read the tables the dashboard uses; a missing table is an empty one.

    Raises:
        DashboardError: the folder does not exist or a table file cannot be read.
    """
    if not processed_dir.is_dir():
        raise DashboardError(
            f"{processed_dir}: folder with tables not found (run `gemeentetaal run` first)"
        )
    tables: dict[str, pd.DataFrame] = {}
    for name in DASHBOARD_TABLES:
        try:
            tables[name] = read_table(processed_dir, name).to_pandas()
        except (OSError, pa.ArrowException) as exc:
            path = processed_dir / f"{name}.parquet"
            raise DashboardError(f"{path}: cannot read table: {exc}") from exc
    tables["documents"] = with_programme_columns(tables["documents"], tables["programmes"])
    return tables


def with_programme_columns(documents: pd.DataFrame, programmes: pd.DataFrame) -> pd.DataFrame:
    """Documents with ``programme_number`` and ``programme_title``: those of a document's
    only programme; for a document with several programmes, no number and its title."""
    frame = documents.copy()
    numbers: dict[str, Any] = {}
    titles: dict[str, Any] = {}
    if not programmes.empty:
        for doc_id, group in programmes.groupby("document_id"):
            if len(group) == 1:
                numbers[doc_id] = group["programme_number"].iloc[0]
                titles[doc_id] = group["programme_title"].iloc[0]
    fallback = frame["title"] if "title" in frame else pd.Series([None] * len(frame))
    ids = frame["document_id"] if "document_id" in frame else pd.Series([], dtype=object)
    frame["programme_number"] = [numbers.get(d) for d in ids]
    frame["programme_title"] = [
        titles.get(d, t if numbers.get(d) is None else None)
        for d, t in zip(ids, fallback, strict=True)
    ]
    return frame


# --- small helpers -------------------------------------------------------------------------


def shorten(text: str, max_chars: int) -> str:
    """``text`` cut to ``max_chars`` characters with an ellipsis when it was longer."""
    text = " ".join(str(text).split())
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "…"


def _present(value: Any) -> bool:
    if value is None:
        return False
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


def _text(value: Any, default: str = "") -> str:
    return str(value).strip() if _present(value) and str(value).strip() else default


def _mean(values: pd.Series) -> float | None:
    values = pd.to_numeric(values, errors="coerce").dropna()
    return float(values.mean()) if len(values) else None


def _booleans(values: pd.Series) -> pd.Series:
    return values.astype("boolean")


def _local_months(timestamps: pd.Series) -> pd.Series:
    stamps = pd.to_datetime(timestamps, utc=True)
    return stamps.dt.tz_convert(TIMEZONE).dt.tz_localize(None).dt.to_period("M")


# --- data preparation ----------------------------------------------------------------------


def programme_label(number: Any, title: Any, labels: Labels) -> str:
    """``Programma 2: Wonen`` from the programme number and title, whichever are known."""
    number, title = _text(number), _text(title)
    if number and title:
        return f"Programma {number}: {title}"
    if number:
        return f"Programma {number}"
    return title or labels.no_programme


def document_labels(documents: pd.DataFrame, labels: Labels, max_chars: int = 60) -> pd.Series:
    """A short, unique Dutch label per document, indexed by ``document_id``.

    The label names the municipality, the programme and the document type and year; a
    document without a programme is named by its file.
    """
    out: dict[str, str] = {}
    for row in documents.itertuples(index=False):
        parts = [_text(row.municipality, labels.unknown)]
        if _present(row.programme_number) or _present(row.programme_title):
            parts.append(programme_label(row.programme_number, row.programme_title, labels))
        else:
            parts.append(Path(_text(row.source_path, labels.unknown)).name)
        year = str(int(row.year)) if _present(row.year) else ""
        kind = " ".join(p for p in (_text(row.document_type), year) if p)
        if kind:
            parts.append(kind)
        out[row.document_id] = shorten(" · ".join(parts), max_chars)
    series = pd.Series(out, dtype=object, name="document")
    # Two documents with the same label are told apart by their file names, never by ids.
    files = dict(zip(documents["document_id"], documents["source_path"], strict=True))
    duplicated = series.duplicated(keep=False)
    for document_id in series.index[duplicated]:
        name = Path(_text(files.get(document_id), labels.unknown)).name
        series[document_id] = f"{series[document_id]} ({name})"
    return series


def with_groups(documents: pd.DataFrame, labels: Labels, max_chars: int = 60) -> pd.DataFrame:
    """Documents with display columns ``municipality_label``, ``programme``, ``document``,
    ``type_label`` (document type), ``year_label`` and ``kind_label`` (type and year: the
    dashboard compares like with like, a budget with budgets of the same year)."""
    frame = documents.copy()
    frame["municipality_label"] = [_text(m, labels.unknown) for m in frame["municipality"]]
    frame["type_label"] = [labels.document_type(_text(t) or None) for t in frame["document_type"]]
    frame["year_label"] = [str(int(y)) if _present(y) else "" for y in frame["year"]]
    frame["kind_label"] = [
        f"{t} {y}".strip() for t, y in zip(frame["type_label"], frame["year_label"], strict=True)
    ]
    frame["programme"] = [
        shorten(programme_label(n, t, labels), max_chars)
        for n, t in zip(frame["programme_number"], frame["programme_title"], strict=True)
    ]
    names = document_labels(frame, labels, max_chars)
    frame["document"] = frame["document_id"].map(names)
    return frame


def pass_rates(documents: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """B1 pass rate and mean LiNT-II level and score per group of documents.

    Args:
        documents: rows of the ``documents`` table (plus any grouping columns).
        by: columns to group by.

    Returns:
        One row per group with ``n_documents``, ``n_assessed`` (documents with a verdict),
        ``n_pass``, ``pass_rate`` (NaN when nothing was assessed), ``lint_level_mean`` and
        ``lint_score_mean``; sorted by the group columns.
    """
    columns = [*by, "n_documents", "n_assessed", "n_pass", "pass_rate"]
    columns += ["lint_level_mean", "lint_score_mean"]
    if documents.empty:
        return pd.DataFrame(columns=columns)
    frame = documents.assign(
        b1_pass=_booleans(documents["b1_pass"]),
        lint_level=pd.to_numeric(documents["lint_level"], errors="coerce"),
        lint_score=pd.to_numeric(documents["lint_score"], errors="coerce"),
    )
    grouped = frame.groupby(list(by), dropna=False, sort=True)
    out = grouped.agg(
        n_documents=("document_id", "size"),
        n_assessed=("b1_pass", "count"),
        n_pass=("b1_pass", "sum"),
        lint_level_mean=("lint_level", "mean"),
        lint_score_mean=("lint_score", "mean"),
    ).reset_index()
    out["n_pass"] = out["n_pass"].astype(int)
    assessed = out["n_assessed"].where(out["n_assessed"] > 0)
    out["pass_rate"] = (out["n_pass"] / assessed).astype(float)
    return out[columns]


@dataclass(frozen=True)
class Kpis:
    """The headline figures at the top of the dashboard; None where nothing is known."""

    n_documents: int
    b1_pass_rate: float | None
    lint_level_mean: float | None
    n_comments: int
    negative_share: float | None
    n_uncivil: int
    n_assessed: int = 0  # documents with a B1 verdict (the n of b1_pass_rate)
    n_scored: int = 0  # comments with a sentiment (the n of negative_share)
    n_left_out: int = 0  # the organisation's own comments, not counted
    base: str = RESIDENT_BASE  # which comments the figures are over, in Dutch


def resident_comments(comments: pd.DataFrame) -> pd.DataFrame:
    """Comments by residents: those with ``author_role`` organisation are left out."""
    if "author_role" not in comments.columns or comments.empty:
        return comments
    return comments[comments["author_role"].fillna("resident") != "organisation"]


def compute_kpis(
    documents: pd.DataFrame, comments: pd.DataFrame, min_n: int = 1, residents_only: bool = True
) -> Kpis:
    """Documents, B1 pass rate, mean LiNT-II level, comments, share negative, uncivil count;
    a share of fewer than ``min_n`` cases is None (its n is kept). Comment figures are over
    residents' comments (``resident_comments``) unless ``residents_only`` is False; the
    number left out is ``n_left_out``, ``base`` says the base in Dutch."""
    n_all = len(comments)
    if residents_only:
        comments = resident_comments(comments)
    n_left_out = n_all - len(comments)
    passed = _booleans(documents["b1_pass"]).dropna() if len(documents) else pd.Series()
    sentiment = comments["sentiment"].dropna() if len(comments) else pd.Series()
    uncivil = _booleans(comments["uncivil"]).fillna(False) if len(comments) else pd.Series()
    return Kpis(
        n_documents=len(documents),
        b1_pass_rate=float(passed.mean()) if len(passed) >= max(min_n, 1) else None,
        lint_level_mean=_mean(documents["lint_level"]) if len(documents) else None,
        n_comments=len(comments),
        negative_share=(
            float((sentiment == "negatief").mean()) if len(sentiment) >= max(min_n, 1) else None
        ),
        n_uncivil=int(uncivil.sum()),
        n_assessed=len(passed),
        n_scored=len(sentiment),
        n_left_out=n_left_out,
        base=resident_base(n_left_out) if residents_only else "alle reacties, ook van de gemeente",
    )


def own_text_flags(
    flags: pd.DataFrame, sentences: pd.DataFrame, unit_kinds: Sequence[str] = OWN_TEXT_KINDS
) -> pd.DataFrame:
    """The flags on sentences of the municipality's own texts (not on comments or articles)."""
    own = sentences.loc[sentences["unit_kind"].isin(unit_kinds), "sentence_id"]
    return flags[flags["sentence_id"].isin(own)]


def flag_counts(flags: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """Number of flags per kind, most frequent first, with the Dutch label of each kind."""
    if flags.empty:
        return pd.DataFrame(columns=["kind", "label", "n"])
    out = flags.groupby("kind").size().rename("n").reset_index()
    out["label"] = [labels.flag_kind(k) for k in out["kind"]]
    return out.sort_values(["n", "kind"], ascending=[False, True], ignore_index=True)[
        ["kind", "label", "n"]
    ]


def top_officialese(flags: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The officialese words flagged most often, with the plainer alternative suggested.

    Words are compared in lower case with spaces normalised. The alternative is the
    suggestion given most often for the word (None when there was none).

    Returns:
        Columns ``term``, ``n`` (flags), ``n_units`` (paragraphs/items it occurs in) and
        ``alternative``; at most ``limit`` rows, most frequent first.
    """
    columns = ["term", "n", "n_units", "alternative"]
    found = flags[flags["kind"] == "officialese"]
    if found.empty:
        return pd.DataFrame(columns=columns)
    found = found.assign(term=[" ".join(str(t).lower().split()) for t in found["text"]])
    grouped = found.groupby("term")
    out = pd.DataFrame(
        {
            "n": grouped.size(),
            "n_units": grouped["unit_id"].nunique(),
            "alternative": grouped["suggestion"].agg(_most_common),
        }
    ).reset_index()
    out = out.sort_values(["n", "term"], ascending=[False, True], ignore_index=True)
    out["alternative"] = _objects(out["alternative"])
    return out[columns].head(limit)


def _objects(values: pd.Series) -> pd.Series:
    """Values as an object column with None (not NaN) for missing ones."""
    return pd.Series([v if _present(v) else None for v in values], index=values.index, dtype=object)


def _most_common(values: pd.Series) -> str | None:
    values = values.dropna()
    values = values[values.astype(str).str.strip() != ""]
    return None if values.empty else str(values.value_counts(sort=True).index[0])


def highlight_segments(
    text: str, spans: Iterable[tuple[int, int, str]]
) -> list[tuple[str, str | None]]:
    """Split ``text`` into plain and highlighted pieces.

    Args:
        text: the sentence.
        spans: ``(start, end, label)`` with offsets in ``text``; spans that fall outside the
            text, cover all of it or overlap an earlier span are left out.

    Returns:
        ``(piece, label)`` pairs in order, label None for plain text; the pieces join to
        ``text``.
    """
    kept: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans):
        if start < 0 or end > len(text) or start >= end or (start == 0 and end == len(text)):
            continue
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, label))
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for start, end, label in kept:
        if start > position:
            pieces.append((text[position:start], None))
        pieces.append((text[start:end], label))
        position = end
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces


def rewrite_candidates(
    sentences: pd.DataFrame,
    flags: pd.DataFrame,
    names: Mapping[str, str],
    labels: Labels,
    limit: int,
    unit_kinds: Sequence[str] = OWN_TEXT_KINDS,
    document_kinds: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The sentences of the municipality's own texts most in need of rewriting.

    Sentences are ranked by their number of flags, then by the number of different kinds of
    flag, then by length.

    Args:
        sentences: the ``sentences`` table.
        flags: the ``flags`` table.
        names: display name per document id (see ``document_labels``).
        labels: Dutch labels.
        limit: most rows returned.
        unit_kinds: kinds of unit that count as the municipality's own text.
        document_kinds: document type and year per document id (``kind_label``), for the
            page's filter.

    Returns:
        Columns ``sentence_id``, ``document``, ``text``, ``n_words``, ``n_flags``,
        ``kinds`` (Dutch labels), ``advice`` (dicts with label, show_label, text, message,
        suggestion)
        ``segments`` (see ``highlight_segments``) and ``kind_label``.
    """
    columns = ["sentence_id", "document", "text", "n_words", "n_flags", "kinds", "advice"]
    columns += ["segments", "kind_label"]
    document_kinds = document_kinds or {}
    own = sentences[sentences["unit_kind"].isin(unit_kinds)]
    found = flags[flags["sentence_id"].isin(own["sentence_id"])]
    if found.empty:
        return pd.DataFrame(columns=columns)
    counts = found.groupby("sentence_id").agg(
        n_flags=("flag_id", "size"), n_kinds=("kind", "nunique")
    )
    ranked = own.join(counts, on="sentence_id", how="inner").assign(
        n_words=lambda f: pd.to_numeric(f["n_words"], errors="coerce").fillna(0).astype(int)
    )
    ranked = ranked.sort_values(
        ["n_flags", "n_kinds", "n_words", "sentence_id"], ascending=[False, False, False, True]
    ).head(limit)
    by_sentence = {sid: rows for sid, rows in found.groupby("sentence_id")}
    rows = []
    for sentence in ranked.itertuples(index=False):
        sentence_flags = by_sentence[sentence.sentence_id].sort_values(
            ["start_char", "end_char", "kind"]
        )
        spans = []
        advice: list[dict[str, Any]] = []
        for flag in sentence_flags.itertuples(index=False):
            label = labels.flag_kind(flag.kind)
            offset = int(sentence.start_char)
            start, end = int(flag.start_char) - offset, int(flag.end_char) - offset
            if sentence.text[max(start, 0) : max(end, 0)] == flag.text:
                spans.append((start, end, label))
            message = _text(flag.message)
            advice.append(
                {
                    "label": label,
                    # Messages that start with the kind's name need no label in front.
                    "show_label": not message.casefold().startswith(label.casefold()),
                    "text": _text(flag.text),
                    "message": message,
                    "suggestion": _text(flag.suggestion) or None,
                }
            )
        rows.append(
            {
                "sentence_id": sentence.sentence_id,
                "document": names.get(_text(sentence.document_id), labels.unknown),
                "text": sentence.text,
                "n_words": int(sentence.n_words),
                "n_flags": int(sentence.n_flags),
                "kinds": sorted({str(a["label"]) for a in advice}),
                "advice": advice,
                "segments": highlight_segments(sentence.text, spans),
                "kind_label": document_kinds.get(_text(sentence.document_id), ""),
            }
        )
    return pd.DataFrame(rows, columns=columns)


def themes_by_document(
    themes: pd.DataFrame,
    documents: pd.DataFrame,
    labels: Labels,
    levels: Sequence[str] = ("1", "cross"),
) -> pd.DataFrame:
    """Theme scores of each document (its programme), for the documents × themes grid.

    Args:
        themes: the ``themes`` table.
        documents: documents with a ``document`` display column (see ``with_groups``).
        labels: Dutch labels, including theme names.
        levels: theme levels to keep.

    Returns:
        Columns ``document``, ``theme``, ``slug``, ``level``, ``score``, ``evidence`` (text).
    """
    columns = ["document", "theme", "slug", "level", "score", "evidence"]
    rows = themes[(themes["unit_kind"] == "document") & themes["level"].isin(levels)]
    names = documents.set_index("document_id")["document"] if len(documents) else pd.Series()
    rows = rows[rows["unit_id"].isin(names.index)]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame(
        {
            "document": rows["unit_id"].map(names).to_numpy(),
            "theme": [labels.theme(s) for s in rows["slug"]],
            "slug": rows["slug"].to_numpy(),
            "level": rows["level"].to_numpy(),
            "score": rows["score"].astype(float).to_numpy(),
            "evidence": [", ".join(_as_list(e)) for e in rows["evidence"]],
        }
    )
    return out.sort_values(["document", "score"], ascending=[True, False], ignore_index=True)


def _as_list(value: Any) -> list[str]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    return [str(v) for v in value]


__all__ = [
    "Kpis",
    "compute_kpis",
    "document_labels",
    "flag_counts",
    "highlight_segments",
    "load_tables",
    "own_text_flags",
    "pass_rates",
    "programme_label",
    "resident_comments",
    "rewrite_candidates",
    "shorten",
    "themes_by_document",
    "top_officialese",
    "with_groups",
    "with_programme_columns",
]  # fmt: skip
