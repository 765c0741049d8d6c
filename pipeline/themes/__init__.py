"""Theme tagging on the BBV task fields (see docs/themes.md).

``ThemeTagger.load(settings.themes)`` then ``tagger.tag(doc)`` gives ``ThemeHit`` objects for
a parsed unit; ``aggregate`` rolls unit hits up to sections, documents and threads;
``theme_rows`` turns hits into rows of the ``themes`` table.
"""

from pipeline.themes.labels import LabelsError, read_labels
from pipeline.themes.lexicon import Lexicon, LexiconError, load_lexicon
from pipeline.themes.model import ThemeModel, ThemeModelError
from pipeline.themes.tagger import (
    DEFAULT_MODEL_PATH,
    ThemeHit,
    ThemeTagger,
    aggregate,
    theme_rows,
    train_tagger,
)
from pipeline.themes.taxonomy import Taxonomy, TaxonomyError, Theme, load_taxonomy

__all__ = [
    "DEFAULT_MODEL_PATH",
    "LabelsError",
    "Lexicon",
    "LexiconError",
    "Taxonomy",
    "TaxonomyError",
    "Theme",
    "ThemeHit",
    "ThemeModel",
    "ThemeModelError",
    "ThemeTagger",
    "aggregate",
    "load_lexicon",
    "load_taxonomy",
    "read_labels",
    "theme_rows",
    "train_tagger",
]
