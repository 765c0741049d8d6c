"""The theme taxonomy: the nine BBV main task fields (level 1), their sub-fields (level 2) and
cross-cutting themes (``cross``), read from ``pipeline/data/taxonomy.csv``."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
TAXONOMY_PATH = DATA_DIR / "taxonomy.csv"
TAXONOMY_COLUMNS = ("code", "level", "slug", "name", "parent")

Level = Literal["1", "2", "cross"]
LEVELS: tuple[Level, ...] = ("1", "2", "cross")


class TaxonomyError(ValueError):
    """The taxonomy file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class Theme:
    """One theme: a BBV task field, a sub-field or a cross-cutting theme."""

    slug: str
    code: str | None
    level: Level
    name: str
    parent: str | None = None  # slug of the level-1 theme of a level-2 theme


class Taxonomy:
    """Themes by slug, in file order, with parent links checked."""

    def __init__(self, themes: list[Theme]) -> None:
        self._themes: dict[str, Theme] = {}
        for theme in themes:
            if theme.slug in self._themes:
                raise TaxonomyError(f"duplicate theme slug {theme.slug!r}")
            self._themes[theme.slug] = theme
        for theme in themes:
            if theme.parent is None:
                if theme.level == "2":
                    raise TaxonomyError(f"level-2 theme {theme.slug!r} has no parent")
                continue
            parent = self._themes.get(theme.parent)
            if parent is None:
                raise TaxonomyError(f"theme {theme.slug!r}: parent {theme.parent!r} does not exist")
            if parent.level != "1":
                raise TaxonomyError(f"theme {theme.slug!r}: parent {parent.slug!r} is not level 1")

    def __contains__(self, slug: object) -> bool:
        return slug in self._themes

    def __getitem__(self, slug: str) -> Theme:
        return self._themes[slug]

    def __iter__(self) -> Iterator[Theme]:
        return iter(self._themes.values())

    def __len__(self) -> int:
        return len(self._themes)

    @property
    def slugs(self) -> list[str]:
        return list(self._themes)

    def at_level(self, level: Level) -> list[Theme]:
        return [t for t in self._themes.values() if t.level == level]

    def with_parents(self, slugs: set[str] | list[str]) -> set[str]:
        """The slugs plus the level-1 parents of any level-2 slugs among them."""
        out = set(slugs)
        for slug in list(out):
            parent = self._themes[slug].parent if slug in self._themes else None
            if parent is not None:
                out.add(parent)
        return out


def _resolve_parent(raw: str, by_code: dict[str, str]) -> str | None:
    raw = raw.strip()
    if not raw:
        return None
    return by_code.get(raw, raw)


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read and validate the taxonomy CSV (columns ``code,level,slug,name,parent``).

    ``parent`` may name the parent's slug or its code. Cross-cutting themes get code None.

    Raises:
        TaxonomyError: the file cannot be read, a column or value is wrong, a slug is repeated
            or a parent does not exist.
    """
    path = path or TAXONOMY_PATH
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = set(TAXONOMY_COLUMNS) - set(reader.fieldnames or ())
            if missing:
                raise TaxonomyError(f"{path}: missing columns {sorted(missing)}")
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise TaxonomyError(f"{path}: cannot read taxonomy: {exc}") from exc
    by_code = {r["code"].strip(): r["slug"].strip() for r in rows if (r["code"] or "").strip()}
    themes: list[Theme] = []
    for n, row in enumerate(rows, start=2):
        slug, level = (row["slug"] or "").strip(), (row["level"] or "").strip()
        if not slug:
            raise TaxonomyError(f"{path}: line {n}: empty slug")
        if level not in LEVELS:
            raise TaxonomyError(f"{path}: line {n}: level {level!r} is not one of {LEVELS}")
        code = (row["code"] or "").strip() or None
        themes.append(
            Theme(
                slug=slug,
                code=None if level == "cross" else code,
                level=level,  # type: ignore[arg-type]
                name=(row["name"] or slug).strip(),
                parent=_resolve_parent(row["parent"] or "", by_code),
            )
        )
    try:
        return Taxonomy(themes)
    except TaxonomyError as exc:
        raise TaxonomyError(f"{path}: {exc}") from exc
