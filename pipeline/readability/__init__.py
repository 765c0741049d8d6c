"""B1 readability engine: counts, Dutch formulas, LiNT-II, writing flags and the B1 verdict.

Public API (used by the batch stage and ``gemeentetaal check``)::

    resources = ReadabilityResources.load(settings.readability)        # once
    analysis = analyse_doc(doc, settings.readability, resources, model_info)
    row = measures(analysis.counts, settings.readability)             # READABILITY_COLUMNS

``Counts`` are additive, so paragraphs sum to sections and documents. See docs/readability.md
for how every measure is computed.
"""

from pipeline.readability.analysis import (
    SentenceAnalysis,
    TextAnalysis,
    analyse_doc,
    lint_features,
    measures,
    measures_and_verdict,
    style_flag_rate,
)
from pipeline.readability.counts import Counts
from pipeline.readability.flags import FLAG_KINDS, Flag
from pipeline.readability.resources import ReadabilityResources
from pipeline.readability.verdict import Verdict, b1_verdict

__all__ = [
    "FLAG_KINDS",
    "Counts",
    "Flag",
    "ReadabilityResources",
    "SentenceAnalysis",
    "TextAnalysis",
    "Verdict",
    "analyse_doc",
    "b1_verdict",
    "lint_features",
    "measures",
    "measures_and_verdict",
    "style_flag_rate",
]
