"""B1 readability engine: counts, Dutch formulas, LiNT-II, writing flags and the B1 verdict.

Public API (used by the batch stage and ``gemeentetaal check``)::

    resources = ReadabilityResources.load(settings.readability)        # once
    analysis = analyse_doc(doc, settings.readability, resources, model_info)
    row = measures(analysis.counts, settings.readability)             # READABILITY_COLUMNS

``Counts`` are additive, so paragraphs sum to sections and documents. See docs/readability.md
for how every measure is computed.

The names are imported on first use (PEP 562), so a light submodule (``formulas``, the rule
registry in ``verdict``) can be imported, e.g. to validate settings, without spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_WHERE = {
    "SentenceAnalysis": "analysis",
    "TextAnalysis": "analysis",
    "analyse_doc": "analysis",
    "lint_features": "analysis",
    "measures": "analysis",
    "measures_and_verdict": "analysis",
    "style_flag_rate": "analysis",
    "Counts": "counts",
    "FLAG_KINDS": "flags",
    "Flag": "flags",
    "ReadabilityResources": "resources",
    "Verdict": "verdict",
    "b1_verdict": "verdict",
}

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
assert sorted(__all__) == sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
