"""The dashboard's charts: Altair (Vega-Lite) specs, and the Vega JavaScript inlined in the
page (from the ``vl-convert`` package, so the file opens offline)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

import altair as alt
import pandas as pd

from pipeline.report.dashboard.data import _present, _text
from pipeline.report.dashboard.labels import LOCALE, SENTIMENTS, VEGA_LITE_VERSION, Labels

# --- charts --------------------------------------------------------------------------------

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
INK = "#1f2937"
ACCENT = "#0f766e"
LABEL_LIMIT = 260


def _wrap(text: str, width: int = 38) -> str:
    """A long axis label on several lines (``_WRAPPED`` splits it), never cut off."""
    import textwrap

    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


# Axis labels made by ``_wrap``: one line per part, each whole.
_WRAPPED = alt.Axis(labelExpr="split(datum.label, '\\n')", labelLimit=0, labelPadding=6)


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


def _bar_height(n: int, labels: Sequence[str] = ()) -> alt.Step:
    """Room per bar: more when there are few bars, and for labels on several lines."""
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    return alt.Step(max(26 if n < 12 else 20, 15 * lines + 8))


def chart_pass_rate(by_group: pd.DataFrame, min_n: int = 1) -> alt.TopLevelMixin | None:
    """Bars of the B1 pass rate per municipality and document kind (type and year), with n
    and the mean LiNT-II level as text; a group with fewer than ``min_n`` assessed documents
    gets no bar, only its n."""
    data = by_group[by_group["n_assessed"] > 0]
    if data.empty:
        return None
    shown = data["n_assessed"] >= min_n
    keys = [c for c in ("municipality_label", "kind_label") if c in data.columns]
    data = data.assign(
        group=[" · ".join(str(v) for v in row if str(v)) for row in data[keys].to_numpy()],
        pass_rate=data["pass_rate"].where(shown),
        note=[
            f"n = {n}"
            + (f" · {_lint_text(m)}" if _present(m) else "")
            + ("" if ok else " · te weinig voor een percentage")
            for n, m, ok in zip(data["n_assessed"], data["lint_level_mean"], shown, strict=True)
        ],
    )
    y = alt.Y("group:N", title=None, sort=None, axis=alt.Axis(labelLimit=0))
    tooltip = [
        alt.Tooltip("group:N", title="Gemeente en soort document"),
        alt.Tooltip("pass_rate:Q", title="Voldoet aan B1", format=".0%"),
        alt.Tooltip("n_pass:Q", title="Documenten op B1"),
        alt.Tooltip("n_assessed:Q", title="Beoordeelde documenten (n)"),
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
    text = (
        base.mark_text(align="left", dx=6, color=INK)
        .encode(x=alt.X("x:Q"), text=alt.Text("note:N"))
        .transform_calculate(x="isValid(datum.pass_rate) ? datum.pass_rate : 0")
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
    kinds = data["kind_label"] if "kind_label" in data.columns else [""] * len(data)
    parts = zip(data["municipality_label"], kinds, data["programme"], strict=True)
    data = data.assign(
        label=[
            "\n".join(_wrap(p, 44) for p in (" · ".join(x for x in (m, k) if x), g) if p)
            for m, k, g in parts
        ],
        level=[labels.lint_levels.get(level, level) for level in levels],
    )
    order = [labels.lint_levels.get(k, k) for k in sorted(labels.lint_levels)]
    colors = [labels.lint_colors[k] for k in sorted(labels.lint_levels)]
    chart = (
        alt.Chart(data)
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            y=alt.Y("label:N", title=None, sort="-x", axis=_WRAPPED),
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
                alt.Tooltip("n_documents:Q", title="Documenten (n)"),
            ],
        )
        .properties(width="container", height=_bar_height(len(data), list(data["label"])))
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
            x=alt.X("theme:N", title=None, axis=alt.Axis(labelAngle=-35, labelLimit=0,
                                                        orient="top")),
            y=alt.Y("document:N", title=None, axis=alt.Axis(labelLimit=0)),
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


def _sentiment_shares(
    data: pd.DataFrame, row: str, n_column: str, labels: Labels, title: str
) -> alt.TopLevelMixin:
    """Bars per ``row`` split into the shares of negative, neutral and positive comments,
    labelled with their n."""
    order = {s: i for i, s in enumerate(SENTIMENTS)}
    data = data.assign(
        order=data["sentiment"].map(order),
        row_label=[_wrap(f"{r} (n = {n})") for r, n in zip(data[row], data[n_column], strict=True)],
    )
    rows = list(dict.fromkeys(data["row_label"]))
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("row_label:N", title=None, sort=rows, axis=_WRAPPED),
            x=alt.X("share:Q", title="Aandeel van de reacties", stack="zero",
                    scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format=".0%", tickCount=5)),
            color=alt.Color("sentiment_label:N", title="Sentiment",
                            scale=_sentiment_scale(labels)),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip(f"{row}:N", title=title),
                alt.Tooltip("sentiment_label:N", title="Sentiment"),
                alt.Tooltip("n:Q", title="Reacties"),
                alt.Tooltip(f"{n_column}:Q", title="Reacties in totaal (n)"),
                alt.Tooltip("share:Q", title="Aandeel", format=".0%"),
            ],
        )
        .properties(width="container", height=_bar_height(len(rows), rows))
    )  # fmt: skip
    return _configure(chart)


def chart_sentiment_themes(by_theme: pd.DataFrame, labels: Labels) -> alt.TopLevelMixin | None:
    """Bars per theme split into the share of negative, neutral and positive comments."""
    if by_theme.empty:
        return None
    if "n_theme" not in by_theme.columns:
        by_theme = by_theme.assign(n_theme=by_theme.groupby("theme")["n"].transform("sum"))
    return _sentiment_shares(by_theme, "theme", "n_theme", labels, "Thema")


def chart_sentiment_threads(by_thread: pd.DataFrame, labels: Labels) -> alt.TopLevelMixin | None:
    """Bars per discussion split into the share of negative, neutral and positive comments."""
    if by_thread.empty:
        return None
    return _sentiment_shares(by_thread, "thread", "n_thread", labels, "Discussie")


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


__all__ = [
    "chart_flag_counts", "chart_lint_programmes", "chart_officialese", "chart_pass_rate",
    "chart_sentiment_months", "chart_sentiment_themes", "chart_sentiment_threads", "chart_spec",
    "chart_themes", "vega_javascript", "vega_locale",
]  # fmt: skip
