"""Data preparation for the residents' side of the dashboard: sentiment per discussion, per
theme and per month, the discussions and the comments that need attention.

Every figure here is over residents' comments: the municipality's own replies
(``author_role`` organisation) are left out (``resident_comments``, ``RESIDENT_BASE``), so
the dashboard and each research notebook count the same comments."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from pipeline.report.dashboard.data import (
    _booleans,
    _local_months,
    _present,
    _text,
    resident_comments,
)
from pipeline.report.dashboard.labels import LOCALE, SENTIMENTS, TIMEZONE, Labels


def sentiment_by_month(comments: pd.DataFrame, labels: Labels) -> pd.DataFrame:
    """Comments per calendar month (Dutch time) and sentiment, with months without comments.

    Returns:
        Columns ``month`` (``YYYY-MM``), ``month_label`` (``apr 2023``), ``sentiment``,
        ``sentiment_label``, ``n`` and ``share`` (of that month's comments; 0 for an empty
        month). Comments without a time or a sentiment are left out.
    """
    from babel.dates import format_date

    columns = ["month", "month_label", "sentiment", "sentiment_label", "n", "share"]
    comments = resident_comments(comments)
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
    min_n: int = 1,
) -> pd.DataFrame:
    """Comments per theme and sentiment (a comment counts once for every theme it has).

    Returns:
        Columns ``theme`` (the full theme name), ``sentiment``, ``sentiment_label``, ``n``,
        ``n_theme`` (the theme's comments: the n of ``share``) and ``share``; themes with
        fewer than ``min_n`` comments are left out; themes with the most comments first.
    """
    columns = ["theme", "sentiment", "sentiment_label", "n", "n_theme", "share"]
    comments = resident_comments(comments)
    tagged = themes[(themes["unit_kind"] == "comment") & themes["level"].isin(levels)]
    scored = comments.dropna(subset=["sentiment"])[["comment_id", "sentiment"]]
    joined = tagged.merge(scored, left_on="unit_id", right_on="comment_id", how="inner")
    if joined.empty:
        return pd.DataFrame(columns=columns)
    joined = joined.assign(theme=[labels.theme(s) for s in joined["slug"]])
    out = joined.groupby(["theme", "sentiment"]).size().rename("n").reset_index()
    out["n_theme"] = out.groupby("theme")["n"].transform("sum").astype(int)
    out = out[out["n_theme"] >= min_n]
    out["share"] = out["n"] / out["n_theme"]
    out["sentiment_label"] = [labels.sentiment.get(s, s) for s in out["sentiment"]]
    order = {s: i for i, s in enumerate(SENTIMENTS)}
    out = out.assign(_order=out["sentiment"].map(order))
    out = out.sort_values(["n_theme", "theme", "_order"], ascending=[False, True, True])
    return out[columns].reset_index(drop=True)


def thread_label(thread: Any, labels: Labels) -> str:
    """A discussion's name: its title, with the municipality and the project where known."""
    title = _text(getattr(thread, "article_title", None), labels.unknown)
    project = _text(getattr(thread, "project", None))
    municipality = _text(getattr(thread, "municipality", None))
    extra = [p for p in (municipality, project if project != title else "") if p]
    return f"{title} ({', '.join(extra)})" if extra else title


def sentiment_by_thread(
    comments: pd.DataFrame, threads: pd.DataFrame, labels: Labels, min_n: int = 1
) -> pd.DataFrame:
    """Comments per discussion and sentiment: every discussion on its own, never pooled.

    Returns:
        Columns ``thread_id``, ``thread`` (see ``thread_label``), ``sentiment``,
        ``sentiment_label``, ``n``, ``n_thread`` (the discussion's scored comments: the n of
        ``share``) and ``share``; discussions with fewer than ``min_n`` scored comments are
        left out; the most commented first.
    """
    columns = ["thread_id", "thread", "sentiment", "sentiment_label", "n", "n_thread", "share"]
    comments = resident_comments(comments)
    scored = comments.dropna(subset=["sentiment"])
    scored = scored[scored["sentiment"].isin(SENTIMENTS)]
    if scored.empty or threads.empty:
        return pd.DataFrame(columns=columns)
    names = {t.thread_id: thread_label(t, labels) for t in threads.itertuples(index=False)}
    counts = scored.groupby(["thread_id", "sentiment"]).size()
    grid = pd.MultiIndex.from_product(
        [counts.index.get_level_values(0).unique(), SENTIMENTS], names=["thread_id", "sentiment"]
    )
    out = counts.reindex(grid, fill_value=0).rename("n").reset_index()
    out["n_thread"] = out.groupby("thread_id")["n"].transform("sum").astype(int)
    out = out[out["n_thread"] >= min_n]
    out["share"] = out["n"] / out["n_thread"]
    out["thread"] = [names.get(t, labels.unknown) for t in out["thread_id"]]
    out["sentiment_label"] = [labels.sentiment.get(s, s) for s in out["sentiment"]]
    order = {s: i for i, s in enumerate(SENTIMENTS)}
    out = out.assign(_order=out["sentiment"].map(order))
    out = out.sort_values(["n_thread", "thread", "_order"], ascending=[False, True, True])
    out["n"] = out["n"].astype(int)
    return out[columns].reset_index(drop=True)


def thread_overview(
    threads: pd.DataFrame, comments: pd.DataFrame, labels: Labels, min_n: int = 1
) -> pd.DataFrame:
    """Per discussion: name, municipality, publication time, comments, share negative (None
    below ``min_n`` scored comments; ``n_scored`` is its n) and uncivil comments."""
    columns = ["title", "municipality", "published", "n_comments", "n_scored", "negative_share",
               "n_uncivil"]  # fmt: skip
    if threads.empty:
        return pd.DataFrame(columns=columns)
    comments = resident_comments(comments)
    rows = []
    for thread in threads.itertuples(index=False):
        mine = comments[comments["thread_id"] == thread.thread_id]
        sentiment = mine["sentiment"].dropna()
        negative = float((sentiment == "negatief").mean()) if len(sentiment) else None
        rows.append(
            {
                "title": thread_label(thread, labels),
                "municipality": _text(getattr(thread, "municipality", None)) or None,
                "published": thread.published if _present(thread.published) else None,
                "n_comments": len(mine) if len(mine) else int(thread.n_comments),
                "n_scored": len(sentiment),
                "negative_share": negative if len(sentiment) >= max(min_n, 1) else None,
                "n_uncivil": int(_booleans(mine["uncivil"]).fillna(False).sum()),
            }
        )
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["n_comments", "title"], ascending=[False, True], ignore_index=True)


def uncivil_comments(
    comments: pd.DataFrame, threads: pd.DataFrame, labels: Labels, limit: int
) -> pd.DataFrame:
    """The comments flagged as uncivil, newest first, with the title of their thread; the
    time in Dutch time, as the dashboard shows it (the tables keep UTC)."""
    columns = ["thread", "timestamp", "text"]
    flagged = comments[_booleans(comments["uncivil"]).fillna(False).astype(bool)]
    if flagged.empty:
        return pd.DataFrame(columns=columns)
    titles = (
        pd.Series({t.thread_id: thread_label(t, labels) for t in threads.itertuples(index=False)})
        if len(threads)
        else pd.Series(dtype=object)
    )
    flagged = flagged.sort_values(["timestamp", "comment_number"], ascending=[False, True])
    out = pd.DataFrame(
        {
            "thread": [_text(titles.get(t), labels.unknown) for t in flagged["thread_id"]],
            "timestamp": pd.to_datetime(flagged["timestamp"], utc=True)
            .dt.tz_convert(TIMEZONE)
            .to_numpy(),
            "text": flagged["text"].to_numpy(),
        }
    )
    return out.head(limit)


__all__ = [
    "sentiment_by_month", "sentiment_by_theme", "sentiment_by_thread", "thread_label",
    "thread_overview", "uncivil_comments",
]  # fmt: skip
