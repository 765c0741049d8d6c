"""The dashboard page: panels and tables prepared from the data, rendered with Jinja into one
self-contained HTML file, and written atomically."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd

from pipeline.config import DashboardSettings
from pipeline.outputs import atomic_write_text
from pipeline.report.dashboard.charts import (
    chart_flag_counts,
    chart_lint_programmes,
    chart_officialese,
    chart_pass_rate,
    chart_sentiment_themes,
    chart_sentiment_threads,
    chart_spec,
    chart_themes,
    shares_shown,
    theme_abbreviations,
    vega_javascript,
    vega_locale,
)
from pipeline.report.dashboard.comments import (
    sentiment_by_theme,
    sentiment_by_thread,
    thread_overview,
    uncivil_comments,
)
from pipeline.report.dashboard.data import (
    _present,
    compute_kpis,
    flag_counts,
    load_tables,
    own_text_flags,
    pass_rates,
    resident_comments,
    rewrite_candidates,
    themes_by_document,
    top_officialese,
    with_groups,
    with_programme_columns,
)
from pipeline.report.dashboard.labels import (
    DASHBOARD_TABLES,
    LOCALE,
    NO_DATA,
    TEMPLATE_NAME,
    TEMPLATES_DIR,
    TIMEZONE,
    DashboardError,
    Labels,
    load_labels,
    resident_base,
)


@dataclass
class Panel:
    """One chart on the page; ``spec`` is None when there is nothing to draw.

    ``spec_narrow`` is the same chart for a box narrower than about 480 px (labels above the
    bars, or a fixed cell size for the heat map, which then ``scrolls``); ``legend`` lists
    (short, full) names the chart abbreviates, shown under it.
    """

    id: str
    title: str
    description: str
    spec: dict[str, Any] | None = None
    wide: bool = False
    spec_narrow: dict[str, Any] | None = None
    legend: list[tuple[str, str]] = field(default_factory=list)
    scrolls: bool = False  # on a narrow screen the chart scrolls sideways inside its box
    note: str = ""  # under the chart: what it leaves out and why


@dataclass
class DashboardResult:
    """What ``write_dashboard`` wrote."""

    path: Path
    n_bytes: int
    n_charts: int
    n_empty: int


def _panel(
    panel_id: str,
    title: str,
    description: str,
    draw: Callable[[bool], alt.TopLevelMixin | None],
    wide: bool,
) -> Panel:
    """A panel with the chart ``draw(narrow)`` in its wide and its narrow variant."""
    chart = draw(False)
    if chart is None:
        return Panel(panel_id, title, description, None, wide)
    narrow = draw(True)
    return Panel(
        panel_id, title, description, chart_spec(chart), wide,
        chart_spec(narrow) if narrow is not None else None,
    )  # fmt: skip


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
    all_comments = comments
    n_left_out = len(comments) - len(resident_comments(comments))
    comments = resident_comments(comments)
    min_n = settings.min_n
    names = dict(zip(documents["document_id"], documents["document"], strict=True))
    kinds = dict(zip(documents["document_id"], documents["kind_label"], strict=True))
    own_flags = own_text_flags(flags, sentences)
    # Like with like: municipalities are compared per document type and year.
    by_municipality = pass_rates(documents, ["municipality_label", "kind_label"])
    by_programme = pass_rates(documents, ["municipality_label", "kind_label", "programme"])
    officialese = top_officialese(own_flags, settings.top_officialese)
    levels = settings.theme_levels
    few = f"Aandelen van minder dan {min_n} gevallen worden niet getoond; n staat erbij."
    if shares_shown(by_municipality, min_n):
        b1_text = (
            "Aandeel documenten dat op B1 is geschreven, per soort document en jaar, met "
            "n en het gemiddelde LiNT-niveau. " + few
        )
    else:
        b1_text = (
            f"Aantal documenten op B1, per soort document en jaar. Geen groep heeft "
            f"{min_n} of meer beoordeelde documenten; een percentage van zo weinig "
            f"documenten zegt niets, daarom staan hier de aantallen (grens: instelling "
            f"[dashboard] min_n = {min_n})."
        )
    grid = themes_by_document(themes, documents, labels, levels)
    sentiment_threads = sentiment_by_thread(comments, threads, labels, min_n)
    sentiment_themes = sentiment_by_theme(comments, themes, labels, levels, min_n)
    base = resident_base(n_left_out)
    panels = [
        _panel("b1-gemeente", "Taalniveau B1 per gemeente en soort document", b1_text,
               lambda narrow: chart_pass_rate(by_municipality, min_n, narrow), False),
        _panel("lint-programma", "LiNT-II per programma",
               "Gemiddelde LiNT-II-score van de documenten per programma (0-100), per soort "
               "document en jaar.",
               lambda narrow: chart_lint_programmes(by_programme, labels, narrow), False),
        _panel("signalen", "Schrijfadviezen per soort",
               "Signalen in de eigen teksten van de gemeente.",
               lambda narrow: chart_flag_counts(flag_counts(own_flags, labels), narrow), False),
        _panel("ambtelijk", "Meest gebruikte ambtelijke woorden",
               "Met het gewone woord dat u ervoor kunt schrijven.",
               lambda narrow: chart_officialese(officialese, narrow), False),
        _panel("themas", "Thema's per programma",
               "Hoe sterk elk thema in een document voorkomt (score 0-1); bij elk thema de "
               "inhoudswoorden die het aanwijzen.",
               lambda narrow: chart_themes(grid, narrow), True),
        _panel("sentiment-discussie", "Sentiment per discussie",
               f"De toon van de reacties, per artikel of pagina apart. Basis: {base}. " + few,
               lambda narrow: chart_sentiment_threads(sentiment_threads, labels, narrow), False),
        _panel("sentiment-thema", "Sentiment per thema",
               f"Verdeling van de toon van reacties over de thema's. Basis: {base}. " + few,
               lambda narrow: chart_sentiment_themes(sentiment_themes, labels, narrow), False),
    ]  # fmt: skip
    panels[4].legend, panels[4].scrolls = theme_abbreviations(grid), True
    panels[5].note = threads_left_out_note(threads, sentiment_threads, min_n)
    shown = by_municipality["n_assessed"] >= min_n
    by_municipality = by_municipality.assign(pass_rate=by_municipality["pass_rate"].where(shown))
    shown = by_programme["n_assessed"] >= min_n
    by_programme = by_programme.assign(pass_rate=by_programme["pass_rate"].where(shown))
    return {
        "generated": generated or datetime.now(UTC),
        "run": _last_run(tables["runs"]),
        "kpis": compute_kpis(documents, all_comments, min_n),
        "min_n": min_n,
        "panels": panels,
        "by_municipality": by_municipality,
        "by_programme": by_programme,
        "documents": documents.sort_values(["municipality_label", "document"]),
        "filters": _filters(documents),
        "rewrite": rewrite_candidates(
            sentences, flags, names, labels, settings.top_sentences, document_kinds=kinds
        ),
        "officialese": officialese,
        "threads": thread_overview(threads, comments, labels, min_n),
        "uncivil": uncivil_comments(comments, threads, labels, settings.top_comments),
        "errors": tables["errors"],
        "no_data": NO_DATA,
    }


def threads_left_out_note(threads: pd.DataFrame, shown: pd.DataFrame, min_n: int) -> str:
    """A Dutch note on the discussions that "Sentiment per discussie" leaves out (fewer than
    ``min_n`` resident comments with a sentiment); empty when it shows them all."""
    n = len(set(threads["thread_id"]) - set(shown["thread_id"]))
    if not n:
        return ""
    left_out, has = ("discussie staat", "heeft") if n == 1 else ("discussies staan", "hebben")
    return (
        f"{format_num(n)} {left_out} er niet in: die {has} minder dan {min_n} reacties met een "
        "toon. De tabel Discussies hieronder noemt alle discussies."
    )


def _filters(documents: pd.DataFrame) -> dict[str, list[str]]:
    """The document types and years the page's filter offers."""
    return {
        "types": sorted({t for t in documents["type_label"] if t}),
        "years": sorted({y for y in documents["year_label"] if y}, reverse=True),
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


__all__ = [
    "DashboardResult", "Panel", "build_context", "build_dashboard", "format_dec", "format_num",
    "format_pct", "format_when", "render", "write_dashboard",
]  # fmt: skip
