"""Judged reliability of word-level drop-ins, and the gate the rewrite proposals pass.

Three blind judgements of the proposals on unseen zoning-plan text stayed at 85-88% ok while
the development parts scored 99-100% (``docs/evaluation.md``, "Rewrite proposals"): fixing the
errors of one round does not reach the sense-dependent words of the next. So a drop-in is
offered only where it has proven reliable: ``officialese_reliability.csv`` holds, per
officialese term, how often its proposals were judged ok on real text (all judged parts,
written by ``python -m bench.evaluate.rewrite_eval reliability``), with the lower bound of the
Wilson score interval (Wilson 1927, "Probable inference, the law of succession, and
statistical inference", JASA 22: 209-212), 95% (z = 1.96). A term passes when that bound is at
least the configured threshold, or when it is in a short reviewed allow-list of context-free
substitutions (``ReadabilitySettings.rewrite_dropin_allow``) and its judged ok share, if any,
is not below the threshold. Other terms keep their flag and
advice (which names the alternatives), without a proposal.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

RELIABILITY_FILE = Path(__file__).resolve().parents[1] / "data" / "officialese_reliability.csv"
Z95 = 1.959964


def wilson_lower(ok: int, judged: int, z: float = Z95) -> float:
    """Lower bound of the Wilson score interval of ``ok / judged`` (0.0 when nothing judged).

    ``(p + z²/2n - z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)``, p = ok/n.
    """
    if judged <= 0:
        return 0.0
    if not 0 <= ok <= judged:
        raise ValueError(f"ok {ok} outside 0..{judged}")
    n, p = judged, ok / judged
    centre = p + z * z / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, (centre - margin) / (1 + z * z / n))


@dataclass(frozen=True)
class TermRecord:
    """Judged proposals of one term: ``judged``, ``ok`` and the Wilson lower bound."""

    term: str
    judged: int
    ok: int
    lower: float


def read_reliability(path: Path) -> dict[str, TermRecord]:
    """The reliability table (comment lines start with ``#``); a clear error on bad rows."""
    out: dict[str, TermRecord] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for number, row in enumerate(csv.DictReader(lines), start=2):
            try:
                judged, ok = int(row["judged"]), int(row["ok"])
                out[row["term"]] = TermRecord(row["term"], judged, ok, wilson_lower(ok, judged))
            except (KeyError, TypeError, ValueError) as error:
                raise ValueError(
                    f"{path.name}: row {number}: bad reliability row ({error})"
                ) from None
    return out


@lru_cache(maxsize=4)
def _cached(path: Path) -> dict[str, TermRecord]:
    return read_reliability(path) if path.exists() else {}


@dataclass(frozen=True)
class DropinGate:
    """Which terms' drop-ins may be offered.

    Attributes:
        min_reliability: the Wilson lower bound a term needs; None lets every drop-in pass.
        allow: reviewed context-free substitutions, offered unless their judged ok share is
            below ``min_reliability``.
        table: the reliability table (term -> record).
    """

    min_reliability: float | None
    allow: frozenset[str] = frozenset()
    table: dict[str, TermRecord] = field(default_factory=dict, compare=False)

    @classmethod
    def from_settings(cls, settings, path: Path = RELIABILITY_FILE) -> DropinGate:
        """From ``ReadabilitySettings`` (``rewrite_min_reliability``, ``rewrite_dropin_allow``)."""
        return cls(
            settings.rewrite_min_reliability,
            frozenset(settings.rewrite_dropin_allow),
            _cached(path),
        )

    def passes(self, term: str | None) -> bool:
        """True when a drop-in of ``term`` may be offered (a flag without a term: True)."""
        if self.min_reliability is None or term is None:
            return True
        record = self.table.get(term)
        if term in self.allow:  # reviewed, unless the judgements show it failing
            return record is None or record.ok >= self.min_reliability * record.judged
        return record is not None and record.lower >= self.min_reliability


def rows_for(counts: Iterable[tuple[str, int, int]]) -> list[dict[str, object]]:
    """Table rows ``term, judged, ok, wilson_lower`` from ``(term, judged, ok)``."""
    return [
        {"term": t, "judged": n, "ok": k, "wilson_lower": f"{wilson_lower(k, n):.3f}"}
        for t, n, k in sorted(counts)
    ]
