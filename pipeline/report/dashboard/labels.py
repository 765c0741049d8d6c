"""Dutch labels, colours and constants of the dashboard: ``templates/dashboard_labels.toml``,
the flag titles of the flag registry and the theme names of the taxonomy (each declared once
where it belongs)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import altair as alt

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
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

# Which comments every resident figure counts (dashboard and research notebook), in Dutch.
RESIDENT_BASE = "reacties van inwoners, zonder reacties van de gemeente zelf"


def resident_base(n_left_out: int = 0) -> str:
    """The base of every comment figure, in Dutch: residents' comments, the municipality's own
    replies left out (``n_left_out`` of them, named when there are any)."""
    if not n_left_out:
        return RESIDENT_BASE
    noun = "reactie" if n_left_out == 1 else "reacties"
    return f"reacties van inwoners, zonder de {n_left_out} {noun} van de gemeente zelf"


class DashboardError(RuntimeError):
    """The tables cannot be read or the dashboard cannot be written."""


@dataclass(frozen=True)
class Labels:
    """Dutch labels and colours for the codes in the tables."""

    unknown: str
    no_programme: str
    flag_kinds: Mapping[str, str]
    sentiment: Mapping[str, str]
    sentiment_colors: Mapping[str, str]
    lint_levels: Mapping[str, str]
    lint_colors: Mapping[str, str]
    themes: Mapping[str, str] = field(default_factory=dict)
    document_types: Mapping[str, str] = field(default_factory=dict)
    other_document: str = "overig document"

    def flag_kind(self, kind: str) -> str:
        return self.flag_kinds.get(kind, kind)

    def theme(self, slug: str) -> str:
        return self.themes.get(slug, slug)

    def document_type(self, code: str | None) -> str:
        return self.document_types.get(code, code) if code else self.other_document


def load_labels(path: Path = LABELS_PATH) -> Labels:
    """Read the label file, the flag titles (``pipeline.readability.flags.TITLES``) and the
    theme names of the taxonomy (slugs when it is missing)."""
    from pipeline.readability.flags import TITLES

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return Labels(
            unknown=data["unknown"],
            no_programme=data["no_programme"],
            flag_kinds=dict(TITLES),
            sentiment=data["sentiment"],
            sentiment_colors=data["sentiment_colors"],
            lint_levels=data["lint_levels"],
            lint_colors=data["lint_colors"],
            themes=_theme_names(),
            document_types=data.get("document_types", {}),
            other_document=data.get("other_document", "overig document"),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise DashboardError(f"{path}: cannot read dashboard labels: {exc}") from exc


def _theme_names() -> dict[str, str]:
    from pipeline.themes.taxonomy import TaxonomyError, load_taxonomy

    try:
        return {theme.slug: theme.name for theme in load_taxonomy()}
    except TaxonomyError:
        return {}


__all__ = [
    "DASHBOARD_TABLES", "LABELS_PATH", "LOCALE", "NO_DATA", "OWN_TEXT_KINDS", "RESIDENT_BASE",
    "SENTIMENTS", "TEMPLATES_DIR", "TEMPLATE_NAME", "TIMEZONE", "VEGA_LITE_VERSION",
    "DashboardError", "Labels", "load_labels", "resident_base",
]  # fmt: skip
