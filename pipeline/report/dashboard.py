"""The communication-quality dashboard: one self-contained HTML file built from the tables.

The data preparation is a set of pure functions over the tables as pandas DataFrames (pass
rates, the sentences most in need of rewriting, officialese, themes, sentiment); the charts
are Altair (Vega-Lite) specs drawn by Vega-Embed, whose JavaScript (with Vega and
Vega-Lite) comes from the ``vl-convert`` package and is inlined, so the file opens offline.
All text from the tables reaches the page escaped: through Jinja's autoescaping in HTML and
through ``tojson`` inside the chart specs.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import pyarrow as pa

from pipeline.config import DashboardSettings
from pipeline.outputs import atomic_write_text, read_table

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "dashboard.html.j2"
LABELS_PATH = TEMPLATES_DIR / "dashboard_labels.toml"
DASHBOARD_TABLES = (
    "documents", "programmes", "sentences", "flags", "threads", "comments", "themes", "errors",
    "runs",
)  # fmt: skip
# Units written by the municipality itself; comments and news articles are not rewritten.
OWN_TEXT_KINDS = ("paragraph", "item", "text")
SENTIMENTS = ("negatief", "neutraal", "positief")
LOCALE = "nl"
TIMEZONE = "Europe/Amsterdam"
# The Vega-Lite version Altair writes specs for, as vl-convert names it ("6.4").
VEGA_LITE_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
NO_DATA = "Geen gegevens"


class DashboardError(RuntimeError):
    """The tables cannot be read or the dashboard cannot be written."""


@dataclass(frozen=True)
class Labels:
    """Dutch labels and colours for the codes in the tables (``dashboard_labels.toml``)."""

    unknown: str
    no_programme: str
    flag_kinds: Mapping[str, str]
    sentiment: Mapping[str, str]
    sentiment_colors: Mapping[str, str]
    lint_levels: Mapping[str, str]
    lint_colors: Mapping[str, str]
    themes: Mapping[str, str] = field(default_factory=dict)

    def flag_kind(self, kind: str) -> str:
        return self.flag_kinds.get(kind, kind)

    def theme(self, slug: str) -> str:
        return self.themes.get(slug, slug)


def load_labels(path: Path = LABELS_PATH) -> Labels:
    """Read the label file and the theme names from the taxonomy (slugs when it is missing)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return Labels(
            unknown=data["unknown"],
            no_programme=data["no_programme"],
            flag_kinds=data["flag_kinds"],
            sentiment=data["sentiment"],
            sentiment_colors=data["sentiment_colors"],
            lint_levels=data["lint_levels"],
            lint_colors=data["lint_colors"],
            themes=_theme_names(),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise DashboardError(f"{path}: cannot read dashboard labels: {exc}") from exc


def _theme_names() -> dict[str, str]:
    from pipeline.themes.taxonomy import TaxonomyError, load_taxonomy

    try:
        return {theme.slug: theme.name for theme in load_taxonomy()}
    except TaxonomyError:
        return {}


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
    duplicated = series.duplicated(keep=False)
    for document_id in series.index[duplicated]:
        series[document_id] = f"{series[document_id]} [{document_id[:6]}]"
    return series


def with_groups(documents: pd.DataFrame, labels: Labels, max_chars: int = 60) -> pd.DataFrame:
    """Documents with display columns ``municipality_label``, ``programme`` and ``document``."""
    frame = documents.copy()
    frame["municipality_label"] = [_text(m, labels.unknown) for m in frame["municipality"]]
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


def resident_comments(comments: pd.DataFrame) -> pd.DataFrame:
    """Comments by residents: those with ``author_role`` organisation are left out."""
    if "author_role" not in comments.columns or comments.empty:
        return comments
    return comments[comments["author_role"].fillna("resident") != "organisation"]


def compute_kpis(documents: pd.DataFrame, comments: pd.DataFrame) -> Kpis:
    """Documents, B1 pass rate, mean LiNT-II level, comments, share negative, uncivil count."""
    passed = _booleans(documents["b1_pass"]).dropna() if len(documents) else pd.Series()
    sentiment = comments["sentiment"].dropna() if len(comments) else pd.Series()
    uncivil = _booleans(comments["uncivil"]).fillna(False) if len(comments) else pd.Series()
    return Kpis(
        n_documents=len(documents),
        b1_pass_rate=float(passed.mean()) if len(passed) else None,
        lint_level_mean=_mean(documents["lint_level"]) if len(documents) else None,
        n_comments=len(comments),
        negative_share=float((sentiment == "negatief").mean()) if len(sentiment) else None,
        n_uncivil=int(uncivil.sum()),
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

    Returns:
        Columns ``sentence_id``, ``document``, ``text``, ``n_words``, ``n_flags``,
        ``kinds`` (Dutch labels), ``advice`` (dicts with label, show_label, text, message,
        suggestion)
        and ``segments`` (see ``highlight_segments``).
    """
    columns = ["sentence_id", "document", "text", "n_words", "n_flags", "kinds", "advice"]
    columns.append("segments")
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
        sentence_flags = by_sentence[sentence.sentence_id].sort_values(["start", "end", "kind"])
        spans = []
        advice: list[dict[str, Any]] = []
        for flag in sentence_flags.itertuples(index=False):
            label = labels.flag_kind(flag.kind)
            start, end = int(flag.start) - int(sentence.start), int(flag.end) - int(sentence.start)
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


def sentiment_by_month(comments: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """Comments per calendar month (Dutch time) and sentiment, with months without comments.

    Returns:
        Columns ``month`` (``YYYY-MM``), ``month_label`` (``apr 2023``), ``sentiment``,
        ``sentiment_label``, ``n`` and ``share`` (of that month's comments; 0 for an empty
        month). Comments without a time or a sentiment are left out.
    """
    from babel.dates import format_date

    columns = ["month", "month_label", "sentiment", "sentiment_label", "n", "share"]
    known = comments.dropna(subset=["timestamp", "sentiment"])
    known = known[known["sentiment"].isin(SENTIMENTS)]
    if known.empty:
        return pd.DataFrame(columns=columns)
    months = _local_months(known["timestamp"])
    counts = known.groupby([months.rename("month"), "sentiment"]).size()
    every = pd.period_range(months.min(), months.max(), freq="M")
    grid = pd.MultiIndex.from_product([every, SENTIMENTS], names=["month", "sentiment"])
    out = counts.reindex(grid, fill_value=0).rename("n").reset_index()
    totals = out.groupby("month")["n"].transform("sum")
    out["share"] = (out["n"] / totals.where(totals > 0)).fillna(0.0)
    out["month_label"] = [
        format_date(p.to_timestamp().date(), "MMM yyyy", locale=LOCALE) for p in out["month"]
    ]
    out["month"] = out["month"].astype(str)
    out["sentiment_label"] = [labels.sentiment.get(s, s) for s in out["sentiment"]]
    out["n"] = out["n"].astype(int)
    return out[columns]


def sentiment_by_theme(
    comments: pd.DataFrame,
    themes: pd.DataFrame,
    labels: Labels,
    levels: Sequence[str] = ("1", "cross"),
) -> pd.DataFrame:
    """Comments per theme and sentiment (a comment counts once for every theme it has).

    Returns:
        Columns ``theme``, ``sentiment``, ``sentiment_label``, ``n`` and ``share`` (of the
        theme's comments); themes with the most comments first.
    """
    columns = ["theme", "sentiment", "sentiment_label", "n", "share"]
    tagged = themes[(themes["unit_kind"] == "comment") & themes["level"].isin(levels)]
    scored = comments.dropna(subset=["sentiment"])[["comment_id", "sentiment"]]
    joined = tagged.merge(scored, left_on="unit_id", right_on="comment_id", how="inner")
    if joined.empty:
        return pd.DataFrame(columns=columns)
    joined = joined.assign(theme=[labels.theme(s) for s in joined["slug"]])
    out = joined.groupby(["theme", "sentiment"]).size().rename("n").reset_index()
    totals = out.groupby("theme")["n"].transform("sum")
    out["share"] = out["n"] / totals
    out["sentiment_label"] = [labels.sentiment.get(s, s) for s in out["sentiment"]]
    order = {s: i for i, s in enumerate(SENTIMENTS)}
    out = out.assign(_total=totals, _order=out["sentiment"].map(order))
    out = out.sort_values(["_total", "theme", "_order"], ascending=[False, True, True])
    return out[columns].reset_index(drop=True)


def thread_overview(threads: pd.DataFrame, comments: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """Per thread: title, publication time, comments, share negative and uncivil comments."""
    columns = ["title", "published", "n_comments", "negative_share", "n_uncivil"]
    if threads.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for thread in threads.itertuples(index=False):
        mine = comments[comments["thread_id"] == thread.thread_id]
        sentiment = mine["sentiment"].dropna()
        rows.append(
            {
                "title": _text(thread.article_title, labels.unknown),
                "published": thread.published if _present(thread.published) else None,
                "n_comments": len(mine) if len(mine) else int(thread.n_comments),
                "negative_share": float((sentiment == "negatief").mean())
                if len(sentiment)
                else None,
                "n_uncivil": int(_booleans(mine["uncivil"]).fillna(False).sum()),
            }
        )
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["n_comments", "title"], ascending=[False, True], ignore_index=True)


def uncivil_comments(
    comments: pd.DataFrame, threads: pd.DataFrame, labels: Labels, limit: int
) -> pd.DataFrame:
    """The comments flagged as uncivil, newest first, with the title of their thread."""
    columns = ["thread", "timestamp", "text"]
    flagged = comments[_booleans(comments["uncivil"]).fillna(False).astype(bool)]
    if flagged.empty:
        return pd.DataFrame(columns=columns)
    titles = threads.set_index("thread_id")["article_title"] if len(threads) else pd.Series()
    flagged = flagged.sort_values(["timestamp", "index"], ascending=[False, True])
    out = pd.DataFrame(
        {
            "thread": [_text(titles.get(t), labels.unknown) for t in flagged["thread_id"]],
            "timestamp": flagged["timestamp"].to_numpy(),
            "text": flagged["text"].to_numpy(),
        }
    )
    return out.head(limit)


# --- charts --------------------------------------------------------------------------------

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
INK = "#1f2937"
ACCENT = "#0f766e"
LABEL_LIMIT = 260


def _configure(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return (
        chart.configure(font=FONT, background="transparent")
        .configure_axis(
            labelColor=INK, titleColor=INK, labelFontSize=12, titleFontSize=12, gridColor="#e5e7eb"
        )
        .configure_legend(labelFontSize=12, titleFontSize=12, orient="bottom", labelLimit=240)
        .configure_view(stroke=None)
    )


def _count_axis(largest: int) -> alt.Axis:
    """An axis of whole counts: every number up to 10, else about five round ticks."""
    if largest <= 10:
        return alt.Axis(values=list(range(int(largest) + 1)), format="d")
    return alt.Axis(tickMinStep=1, format="d", tickCount=5)


def _month_axis(n_months: int) -> alt.Axis:
    """Month labels level when few, slanted and thinned out when many."""
    if n_months <= 8:
        return alt.Axis(labelAngle=0)
    return alt.Axis(labelAngle=-45, labelOverlap="greedy")


def _bar_height(n: int) -> alt.Step:
    return alt.Step(26 if n < 12 else 20)


def chart_pass_rate(by_municipality: pd.DataFrame) -> alt.TopLevelMixin | None:
    """Bars of the B1 pass rate per municipality, with the mean LiNT-II level as text."""
    data = by_municipality.dropna(subset=["pass_rate"])
    if data.empty:
        return None
    data = data.assign(lint_text=[_lint_text(v) for v in data["lint_level_mean"]])
    y = alt.Y("municipality_label:N", title=None, sort=None, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    tooltip = [
        alt.Tooltip("municipality_label:N", title="Gemeente"),
        alt.Tooltip("pass_rate:Q", title="Voldoet aan B1", format=".0%"),
        alt.Tooltip("n_pass:Q", title="Documenten op B1"),
        alt.Tooltip("n_assessed:Q", title="Beoordeelde documenten"),
        alt.Tooltip("lint_level_mean:Q", title="Gemiddeld LiNT-niveau", format=".1f"),
    ]
    base = alt.Chart(data).encode(y=y, tooltip=tooltip)
    bars = base.mark_bar(color=ACCENT, cornerRadiusEnd=3).encode(
        x=alt.X(
            "pass_rate:Q",
            title="Documenten op taalniveau B1",
            scale=alt.Scale(domain=[0, 1]),
            axis=alt.Axis(format=".0%", tickCount=5),
        )
    )
    text = base.mark_text(align="left", dx=6, color=INK).encode(
        x=alt.X("pass_rate:Q"), text=alt.Text("lint_text:N")
    )
    return _configure(
        alt.layer(bars, text).properties(width="container", height=_bar_height(len(data)))
    )


def _lint_text(value: Any) -> str:
    from babel.numbers import format_decimal

    if not _present(value):
        return ""
    return "LiNT " + format_decimal(float(value), "0.0", locale=LOCALE)


def chart_lint_programmes(by_programme: pd.DataFrame, labels: Labels) -> alt.TopLevelMixin | None:
    """Bars of the mean LiNT-II score per programme, coloured by the level it falls in."""
    data = by_programme.dropna(subset=["lint_score_mean"])
    if data.empty:
        return None
    levels = [str(_lint_level(s) or labels.unknown) for s in data["lint_score_mean"]]
    pairs = zip(data["municipality_label"], data["programme"], strict=True)
    data = data.assign(
        label=[f"{m} · {p}" for m, p in pairs],
        level=[labels.lint_levels.get(level, level) for level in levels],
    )
    order = [labels.lint_levels.get(k, k) for k in sorted(labels.lint_levels)]
    colors = [labels.lint_colors[k] for k in sorted(labels.lint_levels)]
    chart = (
        alt.Chart(data)
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            y=alt.Y("label:N", title=None, sort="-x", axis=alt.Axis(labelLimit=LABEL_LIMIT)),
            x=alt.X("lint_score_mean:Q", title="LiNT-II-score (hoger is moeilijker)",
                    scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("level:N", title="LiNT-niveau",
                            scale=alt.Scale(domain=order, range=colors),
                            legend=alt.Legend(columns=2)),
            tooltip=[
                alt.Tooltip("municipality_label:N", title="Gemeente"),
                alt.Tooltip("programme:N", title="Programma"),
                alt.Tooltip("lint_score_mean:Q", title="LiNT-II-score", format=".0f"),
                alt.Tooltip("level:N", title="LiNT-niveau"),
                alt.Tooltip("pass_rate:Q", title="Voldoet aan B1", format=".0%"),
                alt.Tooltip("n_documents:Q", title="Documenten"),
            ],
        )
        .properties(width="container", height=_bar_height(len(data)))
    )  # fmt: skip
    return _configure(chart)


def _lint_level(score: float) -> int | None:
    """LiNT-II level of a score (the bands of pipeline/readability/formulas.py)."""
    from pipeline.readability.formulas import lint_level

    return lint_level(float(score))


def chart_flag_counts(counts: pd.DataFrame) -> alt.TopLevelMixin | None:
    """Bars of the number of writing flags per kind."""
    if counts.empty:
        return None
    chart = (
        alt.Chart(counts)
        .mark_bar(color="#b45309", cornerRadiusEnd=3)
        .encode(
            y=alt.Y("label:N", title=None, sort="-x", axis=alt.Axis(labelLimit=LABEL_LIMIT)),
            x=alt.X("n:Q", title="Aantal signalen", axis=_count_axis(counts["n"].max())),
            tooltip=[alt.Tooltip("label:N", title="Soort"), alt.Tooltip("n:Q", title="Aantal")],
        )
        .properties(width="container", height=_bar_height(len(counts)))
    )
    return _configure(chart)


def chart_officialese(top: pd.DataFrame) -> alt.TopLevelMixin | None:
    """Bars of the officialese words used most, with their plainer alternative as text."""
    if top.empty:
        return None
    data = top.assign(alternative=[_text(a, "–") for a in top["alternative"]])
    data = data.assign(alternative_text=["→ " + a for a in data["alternative"]])
    base = alt.Chart(data).encode(
        y=alt.Y("term:N", title=None, sort="-x", axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        tooltip=[
            alt.Tooltip("term:N", title="Woord"),
            alt.Tooltip("n:Q", title="Aantal keer"),
            alt.Tooltip("alternative:N", title="Schrijf liever"),
        ],
    )
    bars = base.mark_bar(color="#7c3aed", cornerRadiusEnd=3).encode(
        x=alt.X("n:Q", title="Aantal keer gebruikt", axis=_count_axis(data["n"].max()))
    )
    text = base.mark_text(align="left", dx=6, color=INK, limit=220).encode(
        x="n:Q", text="alternative_text:N"
    )
    return _configure(
        alt.layer(bars, text).properties(width="container", height=_bar_height(len(data)))
    )


def chart_themes(grid: pd.DataFrame) -> alt.TopLevelMixin | None:
    """A documents × themes grid coloured by theme score."""
    if grid.empty:
        return None
    chart = (
        alt.Chart(grid)
        .mark_rect(cornerRadius=2)
        .encode(
            x=alt.X("theme:N", title=None, axis=alt.Axis(labelAngle=-35, labelLimit=180,
                                                        orient="top")),
            y=alt.Y("document:N", title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
            color=alt.Color("score:Q", title="Score", scale=alt.Scale(scheme="teals",
                                                                       domain=[0, 1])),
            tooltip=[
                alt.Tooltip("document:N", title="Document"),
                alt.Tooltip("theme:N", title="Thema"),
                alt.Tooltip("score:Q", title="Score", format=".2f"),
                alt.Tooltip("evidence:N", title="Woorden"),
            ],
        )
        .properties(width="container", height=alt.Step(24))
    )  # fmt: skip
    return _configure(chart)


def _sentiment_scale(labels: Labels) -> alt.Scale:
    return alt.Scale(
        domain=[labels.sentiment.get(s, s) for s in SENTIMENTS],
        range=[labels.sentiment_colors[s] for s in SENTIMENTS],
    )


def chart_sentiment_months(by_month: pd.DataFrame, labels: Labels) -> alt.TopLevelMixin | None:
    """Stacked bars of comments per month by sentiment."""
    if by_month.empty or not by_month["n"].sum():
        return None
    order = {s: i for i, s in enumerate(SENTIMENTS)}
    data = by_month.assign(order=by_month["sentiment"].map(order))
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("month_label:N", title=None, sort=alt.SortField("month"),
                    axis=_month_axis(data["month"].nunique())),
            y=alt.Y("n:Q", title="Reacties", stack="zero",
                    axis=_count_axis(data.groupby("month")["n"].sum().max())),
            color=alt.Color("sentiment_label:N", title="Sentiment",
                            scale=_sentiment_scale(labels)),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("month_label:N", title="Maand"),
                alt.Tooltip("sentiment_label:N", title="Sentiment"),
                alt.Tooltip("n:Q", title="Reacties"),
                alt.Tooltip("share:Q", title="Aandeel", format=".0%"),
            ],
        )
        .properties(width="container", height=240)
    )  # fmt: skip
    return _configure(chart)


def chart_sentiment_themes(by_theme: pd.DataFrame, labels: Labels) -> alt.TopLevelMixin | None:
    """Bars per theme split into the share of negative, neutral and positive comments."""
    if by_theme.empty:
        return None
    order = {s: i for i, s in enumerate(SENTIMENTS)}
    totals = by_theme.groupby("theme")["n"].transform("sum")
    data = by_theme.assign(
        order=by_theme["sentiment"].map(order),
        theme=[f"{t} ({n})" for t, n in zip(by_theme["theme"], totals, strict=True)],
    )
    themes = list(dict.fromkeys(data["theme"]))
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("theme:N", title=None, sort=themes, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
            x=alt.X("share:Q", title="Aandeel van de reacties", stack="zero",
                    scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format=".0%", tickCount=5)),
            color=alt.Color("sentiment_label:N", title="Sentiment",
                            scale=_sentiment_scale(labels)),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("theme:N", title="Thema"),
                alt.Tooltip("sentiment_label:N", title="Sentiment"),
                alt.Tooltip("n:Q", title="Reacties"),
                alt.Tooltip("share:Q", title="Aandeel", format=".0%"),
            ],
        )
        .properties(width="container", height=_bar_height(len(themes)))
    )  # fmt: skip
    return _configure(chart)


def chart_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The Vega-Lite spec of a chart, validated by Altair, with its data inline."""
    return chart.to_dict()


@cache
def vega_javascript() -> str:
    """Vega, Vega-Lite and Vega-Embed as one script that sets ``window.vegaEmbed``.

    The bundle comes from the vl-convert package, so no network is needed.
    """
    import vl_convert

    script = vl_convert.javascript_bundle("window.vegaEmbed = vegaEmbed;", VEGA_LITE_VERSION)
    # A literal "</script" inside the bundle would end the inline <script> element early.
    return re.sub(r"</(script)", r"<\\/\1", script, flags=re.IGNORECASE)


def vega_locale() -> dict[str, Any]:
    """Dutch number formatting for Vega (a d3-format locale), from Babel's CLDR data."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return {
        "decimal": get_decimal_symbol(LOCALE),
        "thousands": get_group_symbol(LOCALE),
        "grouping": [3],
        "currency": ["€\u00a0", ""],
        "percent": "%",
    }


# --- page ----------------------------------------------------------------------------------


@dataclass
class Panel:
    """One chart on the page; ``spec`` is None when there is nothing to draw."""

    id: str
    title: str
    description: str
    spec: dict[str, Any] | None = None
    wide: bool = False


@dataclass
class DashboardResult:
    """What ``write_dashboard`` wrote."""

    path: Path
    n_bytes: int
    n_charts: int
    n_empty: int


def _panel(
    panel_id: str, title: str, description: str, chart: alt.TopLevelMixin | None, wide: bool
) -> Panel:
    spec = chart_spec(chart) if chart is not None else None
    return Panel(panel_id, title, description, spec, wide)


def build_context(
    tables: Mapping[str, pd.DataFrame],
    settings: DashboardSettings,
    labels: Labels,
    generated: datetime | None = None,
) -> dict[str, Any]:
    """Everything the template shows, prepared from the tables."""
    raw_documents = tables["documents"]
    if "programme_number" not in raw_documents:
        raw_documents = with_programme_columns(
            raw_documents, tables.get("programmes", _empty("programmes"))
        )
    documents = with_groups(raw_documents, labels, settings.max_label_chars)
    sentences, flags = tables["sentences"], tables["flags"]
    comments, threads, themes = tables["comments"], tables["threads"], tables["themes"]
    # Resident sentiment and its KPIs leave out the organisation's own replies.
    comments = resident_comments(comments)
    names = dict(zip(documents["document_id"], documents["document"], strict=True))
    own_flags = own_text_flags(flags, sentences)
    by_municipality = pass_rates(documents, ["municipality_label"])
    by_programme = pass_rates(documents, ["municipality_label", "programme"])
    officialese = top_officialese(own_flags, settings.top_officialese)
    levels = settings.theme_levels
    panels = [
        _panel("b1-gemeente", "Taalniveau B1 per gemeente",
               "Aandeel documenten dat op B1 is geschreven, met het gemiddelde LiNT-niveau.",
               chart_pass_rate(by_municipality), False),
        _panel("lint-programma", "LiNT-II per programma",
               "Gemiddelde LiNT-II-score van de documenten per programma (0-100).",
               chart_lint_programmes(by_programme, labels), False),
        _panel("signalen", "Schrijfadviezen per soort",
               "Signalen in de eigen teksten van de gemeente.",
               chart_flag_counts(flag_counts(own_flags, labels)), False),
        _panel("ambtelijk", "Meest gebruikte ambtelijke woorden",
               "Met het gewone woord dat u ervoor kunt schrijven.",
               chart_officialese(officialese), False),
        _panel("themas", "Thema's per programma",
               "Hoe sterk elk thema in een document voorkomt (score 0-1).",
               chart_themes(themes_by_document(themes, documents, labels, levels)), True),
        _panel("sentiment-maand", "Sentiment van reacties per maand",
               "Aantal reacties per maand, verdeeld naar toon.",
               chart_sentiment_months(sentiment_by_month(comments, labels), labels), False),
        _panel("sentiment-thema", "Sentiment per thema",
               "Verdeling van de toon van reacties over de thema's.",
               chart_sentiment_themes(sentiment_by_theme(comments, themes, labels, levels),
                                      labels), False),
    ]  # fmt: skip
    return {
        "generated": generated or datetime.now(UTC),
        "run": _last_run(tables["runs"]),
        "kpis": compute_kpis(documents, comments),
        "panels": panels,
        "by_municipality": by_municipality,
        "by_programme": by_programme,
        "documents": documents.sort_values(["municipality_label", "document"]),
        "rewrite": rewrite_candidates(sentences, flags, names, labels, settings.top_sentences),
        "officialese": officialese,
        "threads": thread_overview(threads, comments, labels),
        "uncivil": uncivil_comments(comments, threads, labels, settings.top_comments),
        "errors": tables["errors"],
        "no_data": NO_DATA,
    }


def _last_run(runs: pd.DataFrame) -> dict[str, Any] | None:
    if runs.empty:
        return None
    row = runs.sort_values("started").iloc[-1]
    return {
        "finished": row["finished"] if _present(row["finished"]) else row["started"],
        "model": f"{row['model_name']} {row['model_version']}",
    }


def render(context: Mapping[str, Any]) -> str:
    """Render the page with the inlined Vega library; every value is escaped by Jinja."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(pct=format_pct, dec=format_dec, num=format_num, date=format_when)
    template = env.get_template(TEMPLATE_NAME)
    # Without any chart the page needs no JavaScript library.
    has_charts = any(panel.spec is not None for panel in context["panels"])
    return template.render(
        **context,
        vega_js=vega_javascript() if has_charts else "",
        vega_locale=vega_locale(),
        present=_present,
    )


def format_pct(value: Any) -> str:
    """A share as a Dutch percentage (``45%``); a dash when unknown."""
    from babel.numbers import format_percent

    return format_percent(float(value), locale=LOCALE) if _present(value) else "–"


def format_dec(value: Any, digits: int = 1) -> str:
    """A number with Dutch decimals (``2,4``); a dash when unknown."""
    from babel.numbers import format_decimal

    pattern = "0." + "0" * digits if digits else "0"
    return format_decimal(float(value), pattern, locale=LOCALE) if _present(value) else "–"


def format_num(value: Any) -> str:
    """A count with Dutch digit grouping (``1.234``)."""
    from babel.numbers import format_decimal

    return format_decimal(int(value), locale=LOCALE) if _present(value) else "–"


def format_when(value: Any, with_time: bool = False) -> str:
    """A timestamp as a Dutch date in Dutch time (``12 apr 2023``); a dash when unknown."""
    from babel.dates import format_date, format_datetime

    if not _present(value):
        return "–"
    stamp = pd.Timestamp(value)
    stamp = stamp.tz_localize(UTC) if stamp.tzinfo is None else stamp
    local = stamp.tz_convert(TIMEZONE)
    if with_time:
        return format_datetime(local.to_pydatetime(), "d MMM yyyy HH:mm", locale=LOCALE)
    return format_date(local.date(), "d MMM yyyy", locale=LOCALE)


def build_dashboard(
    tables: Mapping[str, pd.DataFrame],
    settings: DashboardSettings,
    generated: datetime | None = None,
) -> str:
    """The dashboard HTML for the tables (missing tables are treated as empty)."""
    full = {name: tables.get(name, _empty(name)) for name in DASHBOARD_TABLES}
    return render(build_context(full, settings, load_labels(), generated))


def _empty(name: str) -> pd.DataFrame:
    from pipeline.schemas import TABLES

    return TABLES[name].arrow_schema().empty_table().to_pandas()


def write_dashboard(processed_dir: Path, out: Path, settings: DashboardSettings) -> DashboardResult:
    """Read the tables in ``processed_dir`` and write the dashboard to ``out`` atomically.

    Raises:
        DashboardError: the tables cannot be read or the file cannot be written.
    """
    tables = load_tables(processed_dir)
    context = build_context(tables, settings, load_labels())
    html = render(context)
    try:
        atomic_write_text(out, html)
    except OSError as exc:
        raise DashboardError(f"{out}: cannot write dashboard: {exc}") from exc
    panels: list[Panel] = context["panels"]
    n_charts = sum(p.spec is not None for p in panels)
    return DashboardResult(out, len(html.encode("utf-8")), n_charts, len(panels) - n_charts)
