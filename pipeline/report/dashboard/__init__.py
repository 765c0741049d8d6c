"""The communication-quality dashboard: one self-contained HTML file built from the tables.

Modules, one per seam: ``labels`` (Dutch labels, colours, constants), ``data`` (the
municipality's texts: pure functions over the tables as pandas DataFrames: pass rates, the
sentences most in need of rewriting, officialese, themes), ``comments`` (residents: sentiment
per discussion and theme, discussions, comments that need attention), ``charts``
(Altair/Vega-Lite specs, drawn by Vega-Embed, whose JavaScript with Vega and Vega-Lite comes
from the ``vl-convert`` package and is inlined, so the file opens offline) and ``page`` (the
context, the Jinja template, the atomic write). All text from the tables reaches the page
escaped: through Jinja's autoescaping in HTML and through ``tojson`` inside the chart specs.
The public names of all of them are importable from here (for analysis code).
"""

from pipeline.report.dashboard.charts import *  # noqa: F403
from pipeline.report.dashboard.charts import __all__ as _charts
from pipeline.report.dashboard.comments import *  # noqa: F403
from pipeline.report.dashboard.comments import __all__ as _comments
from pipeline.report.dashboard.data import *  # noqa: F403
from pipeline.report.dashboard.data import __all__ as _data
from pipeline.report.dashboard.labels import *  # noqa: F403
from pipeline.report.dashboard.labels import __all__ as _labels
from pipeline.report.dashboard.page import *  # noqa: F403
from pipeline.report.dashboard.page import __all__ as _page
from pipeline.report.dashboard.page import _empty  # noqa: F401  (tests build empty tables)

__all__ = [*_charts, *_comments, *_data, *_labels, *_page]
