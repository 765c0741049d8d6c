"""The dashboard's charts: Altair (Vega-Lite) specs, and the Vega JavaScript inlined in the
page (from the ``vl-convert`` package, so the file opens offline).

Every bar chart comes in a wide and a narrow (phone) variant (``narrow=True``: labels above
the bars) built by the same function from the same prepared data; that keeps the two in step
and is why this module is longer than 500 lines."""

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


# --- narrow screens ------------------------------------------------------------------------
# Below about 480 px a label beside each bar leaves the bars no room ("1000%"), so every chart
# with bars has a narrow variant: the label on its own line(s) above the bar, the bar across
# the whole width. The page picks the variant by the width of the chart's box.
NARROW_CHARS = 38  # characters per label line on a 360 px screen (12 px text)
NARROW_BAR = 14  # bar thickness in px


def _narrow_step(labels: Sequence[str]) -> alt.Step:
    """Room per row for a bar with its label (``lines`` lines of 15 px) above it."""
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    return alt.Step(15 * lines + NARROW_BAR + 12)


def _label_above(data: pd.DataFrame, field: str, order: Sequence[str]) -> alt.Chart:
    """The text layer of a narrow chart: ``field`` left-aligned just above each bar, one text
    item per line, each moved up by its offset in pixels (Vega's multi-line text would grow
    downwards, over the bar)."""
    # With an offset channel Vega-Lite places an item at the start of its band, not the middle.
    middle = _narrow_step(order).step / 2
    lines = []
    for label in dict.fromkeys(data[field]):
        parts = str(label).split("\n")
        for i, part in enumerate(parts):
            offset = middle - (NARROW_BAR // 2 + 2) - 15 * (len(parts) - 1 - i)
            lines.append({field: label, "line": part, "offset": offset})
    return (
        alt.Chart(pd.DataFrame(lines))
        .mark_text(align="left", baseline="bottom", color=INK, fontSize=12)
        .encode(y=alt.Y(f"{field}:N", sort=list(order), axis=None, title=None),
                yOffset=alt.YOffset("offset:Q", scale=None),
                x=alt.datum(0), text=alt.Text("line:N"))
    )  # fmt: skip


def _bar_thickness(narrow: bool) -> Any:
    """The bar height of a narrow chart; Vega-Lite's own (the band) otherwise."""
    return NARROW_BAR if narrow else alt.Undefined


def _narrow_label(*parts: str) -> str:
    """A label of a narrow chart: each part wrapped to the width of a small screen."""
    return "\n".join(_wrap(p, NARROW_CHARS) for p in parts if p)


def shares_shown(by_group: pd.DataFrame, min_n: int) -> bool:
    """Whether any group has ``min_n`` or more assessed documents (else the B1 chart shows
    counts, since no share may be shown)."""
    return bool(len(by_group)) and bool((by_group["n_assessed"] >= max(min_n, 1)).any())


def chart_pass_rate(
    by_group: pd.DataFrame, min_n: int = 1, narrow: bool = False
) -> alt.TopLevelMixin | None:
    """Bars of the B1 pass rate per municipality and document kind (type and year), with n
    and the mean LiNT-II level as text; a group with fewer than ``min_n`` assessed documents
    gets no bar, only its counts. When no group reaches ``min_n``, the chart shows counts
    instead (``chart_pass_counts``): a first chart without a single bar tells nothing."""
    if not shares_shown(by_group, min_n):
        return chart_pass_counts(by_group, narrow)
    data = by_group[by_group["n_assessed"] > 0]
    shown = data["n_assessed"] >= min_n
    data = data.assign(
        group=_group_labels(data),
        pass_rate=data["pass_rate"].where(shown),
        note=[
            f"n = {n}"
            + (f" · {_lint_text(m)}" if _present(m) else "")
            + ("" if ok else f" · {p} op B1 · te weinig voor een percentage")
            for n, p, m, ok in zip(
                data["n_assessed"], data["n_pass"], data["lint_level_mean"], shown, strict=True
            )
        ],
    )
    tooltip = [
        alt.Tooltip("group:N", title="Gemeente en soort document"),
        alt.Tooltip("pass_rate:Q", title="Voldoet aan B1", format=".0%"),
        alt.Tooltip("n_pass:Q", title="Documenten op B1"),
        alt.Tooltip("n_assessed:Q", title="Beoordeelde documenten (n)"),
        alt.Tooltip("lint_level_mean:Q", title="Gemiddeld LiNT-niveau", format=".1f"),
    ]
    x = alt.X(
        "pass_rate:Q",
        title="Documenten op taalniveau B1",
        scale=alt.Scale(domain=[0, 1]),
        axis=alt.Axis(format=".0%", tickCount=4 if narrow else 5),
    )
    if narrow:
        data = data.assign(
            row=[_narrow_label(g, n) for g, n in zip(data["group"], data["note"], strict=True)]
        )
        order = list(data["row"])
        y = alt.Y("row:N", title=None, sort=order, axis=None)
        bars = (
            alt.Chart(data)
            .mark_bar(color=ACCENT, cornerRadiusEnd=3, height=NARROW_BAR)
            .encode(y=y, x=x, tooltip=tooltip)
        )
        layer = alt.layer(bars, _label_above(data, "row", order))
        return _configure(layer.properties(width="container", height=_narrow_step(order)))
    y = alt.Y("group:N", title=None, sort=None, axis=alt.Axis(labelLimit=0))
    base = alt.Chart(data).encode(y=y, tooltip=tooltip)
    bars = base.mark_bar(color=ACCENT, cornerRadiusEnd=3).encode(x=x)
    # The note goes after a short bar and inside a long one, so it is never cut off at the
    # chart's right edge.
    inside = f"isValid(datum.pass_rate) && datum.pass_rate >= {INSIDE_FROM}"
    after = (
        base.mark_text(align="left", dx=6, color=INK)
        .encode(x=alt.X("x:Q"), text=alt.Text("note:N"))
        .transform_filter(f"!({inside})")
        .transform_calculate(x="isValid(datum.pass_rate) ? datum.pass_rate : 0")
    )
    within = (
        base.mark_text(align="right", dx=-6, color="#ffffff")
        .encode(x=alt.X("pass_rate:Q"), text=alt.Text("note:N"))
        .transform_filter(inside)
    )
    return _configure(
        alt.layer(bars, after, within).properties(width="container", height=_bar_height(len(data)))
    )


# A bar at least this share of the axis long carries its text inside (white), not after it.
INSIDE_FROM = 0.55

# The parts of a count bar, in order, with their colours.
VERDICTS = (
    ("voldoet aan B1", ACCENT),
    ("voldoet niet", "#c2410c"),
    ("geen oordeel", "#a8a29e"),
)


def chart_pass_counts(by_group: pd.DataFrame, narrow: bool = False) -> alt.TopLevelMixin | None:
    """Stacked bars of the number of documents per group that are at B1, are not, or have no
    verdict: the B1 chart when every group is too small for a share."""
    data = by_group[by_group["n_documents"] > 0]
    if data.empty:
        return None
    groups = _group_labels(data)
    rows = []
    for group, row in zip(groups, data.itertuples(), strict=True):
        counts = (row.n_pass, row.n_assessed - row.n_pass, row.n_documents - row.n_assessed)
        note = _count_note(row.n_pass, row.n_assessed, row.n_documents, row.lint_level_mean)
        label = _narrow_label(group, note)
        for position, ((verdict, _), n) in enumerate(zip(VERDICTS, counts, strict=True)):
            if n:
                rows.append({"group": group, "row": label, "note": note, "verdict": verdict,
                             "n": int(n),
                             "order": position, "n_documents": int(row.n_documents),
                             "lint_level_mean": row.lint_level_mean})  # fmt: skip
    long = pd.DataFrame(rows)
    color = alt.Color(
        "verdict:N",
        title="Documenten",
        scale=alt.Scale(domain=[v for v, _ in VERDICTS], range=[c for _, c in VERDICTS]),
        legend=alt.Legend(columns=3 if not narrow else 1),
    )
    x = alt.X("n:Q", title="Aantal documenten", stack="zero",
              axis=_count_axis(int(data["n_documents"].max())))  # fmt: skip
    tooltip = [
        alt.Tooltip("group:N", title="Gemeente en soort document"),
        alt.Tooltip("verdict:N", title="B1"),
        alt.Tooltip("n:Q", title="Documenten"),
        alt.Tooltip("n_documents:Q", title="Documenten in totaal (n)"),
        alt.Tooltip("lint_level_mean:Q", title="Gemiddeld LiNT-niveau", format=".1f"),
    ]
    # The counts in words under each label: on a narrow screen above the bar, else beside it.
    field = "row" if narrow else "label"
    long = long.assign(label=[f"{g}\n{n}" for g, n in zip(long["group"], long["note"],
                                                           strict=True)])  # fmt: skip
    order = list(dict.fromkeys(long[field]))
    y = alt.Y(f"{field}:N", title=None, sort=order, axis=None if narrow else _WRAPPED)
    bars = (
        alt.Chart(long)
        .mark_bar(height=_bar_thickness(narrow))
        .encode(y=y, x=x, color=color, order=alt.Order("order:Q"), tooltip=tooltip)
    )
    if narrow:
        chart = alt.layer(bars, _label_above(long, "row", order))
        return _configure(chart.properties(width="container", height=_narrow_step(order)))
    return _configure(bars.properties(width="container", height=_bar_height(len(order), order)))


def _count_note(n_pass: int, n_assessed: int, n_documents: int, lint: Any) -> str:
    """The counts of a group in words, so that no colour alone carries the verdict."""
    note = f"{n_pass} van {n_assessed} op B1"
    if n_documents > n_assessed:
        note += f" · {n_documents - n_assessed} zonder oordeel"
    lint_text = _lint_text(lint)
    return note + (f" · {lint_text}" if lint_text else "")


def _group_labels(data: pd.DataFrame) -> list[str]:
    keys = [c for c in ("municipality_label", "kind_label") if c in data.columns]
    return [" · ".join(str(v) for v in row if str(v)) for row in data[keys].to_numpy()]


def _lint_text(value: Any) -> str:
    from babel.numbers import format_decimal

    if not _present(value):
        return ""
    return "LiNT " + format_decimal(float(value), "0.0", locale=LOCALE)


def chart_lint_programmes(
    by_programme: pd.DataFrame, labels: Labels, narrow: bool = False
) -> alt.TopLevelMixin | None:
    """Bars of the mean LiNT-II score per programme, coloured by the level it falls in."""
    data = by_programme.dropna(subset=["lint_score_mean"])
    if data.empty:
        return None
    data = data.sort_values("lint_score_mean", ascending=False, kind="stable")
    levels = [str(_lint_level(s) or labels.unknown) for s in data["lint_score_mean"]]
    kinds = data["kind_label"] if "kind_label" in data.columns else [""] * len(data)
    heads = [
        " · ".join(x for x in (m, k) if x)
        for m, k in zip(data["municipality_label"], kinds, strict=True)
    ]
    width = NARROW_CHARS if narrow else 44
    data = data.assign(
        label=[
            "\n".join(_wrap(p, width) for p in (h, g) if p)
            for h, g in zip(heads, data["programme"], strict=True)
        ],
        level=[labels.lint_levels.get(level, level) for level in levels],
    )
    order = [labels.lint_levels.get(k, k) for k in sorted(labels.lint_levels)]
    colors = [labels.lint_colors[k] for k in sorted(labels.lint_levels)]
    rows = list(dict.fromkeys(data["label"]))
    bars = (
        alt.Chart(data)
        .mark_bar(cornerRadiusEnd=3, height=_bar_thickness(narrow))
        .encode(
            y=alt.Y("label:N", title=None, sort=rows, axis=None if narrow else _WRAPPED),
            x=alt.X("lint_score_mean:Q", title="LiNT-II-score (hoger is moeilijker)",
                    scale=alt.Scale(domain=[0, 100]),
                    axis=alt.Axis(values=[0, 25, 50, 75, 100]) if narrow else alt.Axis()),
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
    )  # fmt: skip
    if narrow:
        chart = alt.layer(bars, _label_above(data, "label", rows))
        return _configure(chart.properties(width="container", height=_narrow_step(rows)))
    return _configure(bars.properties(width="container", height=_bar_height(len(rows), rows)))


def _lint_level(score: float) -> int | None:
    """LiNT-II level of a score (the bands of pipeline/readability/formulas.py)."""
    from pipeline.readability.formulas import lint_level

    return lint_level(float(score))


def chart_flag_counts(counts: pd.DataFrame, narrow: bool = False) -> alt.TopLevelMixin | None:
    """Bars of the number of writing flags per kind."""
    if counts.empty:
        return None
    counts = counts.sort_values("n", ascending=False, kind="stable")
    rows = list(dict.fromkeys(counts["label"]))
    bars = (
        alt.Chart(counts)
        .mark_bar(color="#b45309", cornerRadiusEnd=3, height=_bar_thickness(narrow))
        .encode(
            y=alt.Y("label:N", title=None, sort=rows,
                    axis=None if narrow else alt.Axis(labelLimit=LABEL_LIMIT)),
            x=alt.X("n:Q", title="Aantal signalen", axis=_count_axis(counts["n"].max())),
            tooltip=[alt.Tooltip("label:N", title="Soort"), alt.Tooltip("n:Q", title="Aantal")],
        )
    )  # fmt: skip
    if narrow:
        chart = alt.layer(bars, _label_above(counts, "label", rows))
        return _configure(chart.properties(width="container", height=_narrow_step(rows)))
    return _configure(bars.properties(width="container", height=_bar_height(len(counts))))


def chart_officialese(top: pd.DataFrame, narrow: bool = False) -> alt.TopLevelMixin | None:
    """Bars of the officialese words used most, with their plainer alternative as text."""
    if top.empty:
        return None
    data = top.sort_values("n", ascending=False, kind="stable")
    data = data.assign(alternative=[_text(a, "–") for a in data["alternative"]])
    data = data.assign(alternative_text=["→ " + a for a in data["alternative"]])
    tooltip = [
        alt.Tooltip("term:N", title="Woord"),
        alt.Tooltip("n:Q", title="Aantal keer"),
        alt.Tooltip("alternative:N", title="Schrijf liever"),
    ]
    x = alt.X("n:Q", title="Aantal keer gebruikt", axis=_count_axis(data["n"].max()))
    if narrow:
        data = data.assign(
            row=[_narrow_label(f"{t} {a}") for t, a in zip(data["term"], data["alternative_text"],
                                                            strict=True)]
        )  # fmt: skip
        rows = list(dict.fromkeys(data["row"]))
        bars = (
            alt.Chart(data)
            .mark_bar(color="#7c3aed", cornerRadiusEnd=3, height=NARROW_BAR)
            .encode(y=alt.Y("row:N", title=None, sort=rows, axis=None), x=x, tooltip=tooltip)
        )
        chart = alt.layer(bars, _label_above(data, "row", rows))
        return _configure(chart.properties(width="container", height=_narrow_step(rows)))
    base = alt.Chart(data).encode(
        y=alt.Y("term:N", title=None, sort=list(data["term"]),
                axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        tooltip=tooltip,
    )  # fmt: skip
    bars = base.mark_bar(color="#7c3aed", cornerRadiusEnd=3).encode(x=x)
    text = base.mark_text(align="left", dx=6, color=INK, limit=220).encode(
        x="n:Q", text="alternative_text:N"
    )
    return _configure(
        alt.layer(bars, text).properties(width="container", height=_bar_height(len(data)))
    )


THEME_CHARS = 24  # longer theme names are abbreviated on the heat map's axis


def abbreviate(name: str, max_chars: int = THEME_CHARS) -> str:
    """A theme name of at most ``max_chars`` characters, cut at a word with "…"."""
    if len(name) <= max_chars:
        return name
    cut = name[: max_chars - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return (cut or name[: max_chars - 1]) + "…"


def theme_abbreviations(grid: pd.DataFrame) -> list[tuple[str, str]]:
    """The themes of the heat map whose names the axis abbreviates: (abbreviation, full
    name), for the legend under the chart (hover is no place for the only full name)."""
    if grid.empty:
        return []
    names = dict.fromkeys(grid["theme"])
    return [(abbreviate(n), n) for n in names if abbreviate(n) != n]


def chart_themes(grid: pd.DataFrame, narrow: bool = False) -> alt.TopLevelMixin | None:
    """A documents × themes grid coloured by theme score; long theme names are abbreviated
    on the axis (``theme_abbreviations`` gives them in full). On a narrow screen the grid
    keeps a fixed cell size and scrolls sideways inside its box."""
    if grid.empty:
        return None
    data = grid.assign(theme_short=[abbreviate(t) for t in grid["theme"]])
    chart = (
        alt.Chart(data)
        .mark_rect(cornerRadius=2)
        .encode(
            x=alt.X("theme_short:N", title=None, axis=alt.Axis(labelAngle=-35, labelLimit=0,
                                                              orient="top")),
            y=alt.Y("document:N", title=None,
                    axis=alt.Axis(labelLimit=200 if narrow else 0)),
            color=alt.Color("score:Q", title="Score", scale=alt.Scale(scheme="teals",
                                                                       domain=[0, 1])),
            tooltip=[
                alt.Tooltip("document:N", title="Document"),
                alt.Tooltip("theme:N", title="Thema"),
                alt.Tooltip("score:Q", title="Score", format=".2f"),
                alt.Tooltip("evidence:N", title="Woorden"),
            ],
        )
        .properties(width=alt.Step(24) if narrow else "container", height=alt.Step(24))
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
    data: pd.DataFrame, row: str, n_column: str, labels: Labels, title: str, narrow: bool = False
) -> alt.TopLevelMixin:
    """Bars per ``row`` split into the shares of negative, neutral and positive comments,
    labelled with their n."""
    order = {s: i for i, s in enumerate(SENTIMENTS)}
    width = NARROW_CHARS if narrow else 38
    data = data.assign(
        order=data["sentiment"].map(order),
        row_label=[
            _wrap(f"{r} (n = {n})", width) for r, n in zip(data[row], data[n_column], strict=True)
        ],
    )
    rows = list(dict.fromkeys(data["row_label"]))
    chart = (
        alt.Chart(data)
        .mark_bar(height=_bar_thickness(narrow))
        .encode(
            y=alt.Y("row_label:N", title=None, sort=rows, axis=None if narrow else _WRAPPED),
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
    )  # fmt: skip
    if narrow:
        layer = alt.layer(chart, _label_above(data, "row_label", rows))
        return _configure(layer.properties(width="container", height=_narrow_step(rows)))
    return _configure(chart.properties(width="container", height=_bar_height(len(rows), rows)))


def chart_sentiment_themes(
    by_theme: pd.DataFrame, labels: Labels, narrow: bool = False
) -> alt.TopLevelMixin | None:
    """Bars per theme split into the share of negative, neutral and positive comments."""
    if by_theme.empty:
        return None
    if "n_theme" not in by_theme.columns:
        by_theme = by_theme.assign(n_theme=by_theme.groupby("theme")["n"].transform("sum"))
    return _sentiment_shares(by_theme, "theme", "n_theme", labels, "Thema", narrow)


def chart_sentiment_threads(
    by_thread: pd.DataFrame, labels: Labels, narrow: bool = False
) -> alt.TopLevelMixin | None:
    """Bars per discussion split into the share of negative, neutral and positive comments."""
    if by_thread.empty:
        return None
    return _sentiment_shares(by_thread, "thread", "n_thread", labels, "Discussie", narrow)


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
    "INSIDE_FROM",
    "abbreviate",
    "chart_flag_counts",
    "chart_lint_programmes",
    "chart_officialese",
    "chart_pass_counts",
    "chart_pass_rate",
    "chart_sentiment_months",
    "chart_sentiment_themes",
    "chart_sentiment_threads",
    "chart_spec",
    "chart_themes",
    "shares_shown",
    "theme_abbreviations",
    "vega_javascript",
    "vega_locale",
]  # fmt: skip
