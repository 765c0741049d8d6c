"""Would a term filter learned across sides make the rules' flags more precise?

Each flag of the current rules on the annotated development sides is keyed by its term (the
matched list entry, else its lower-cased text). For each side, the term's precision on all
*other* sides (true flags + 1) / (flags + 2) decides whether the side's flags of that term are
kept: a term with at least ``--min-flags`` flags elsewhere and a precision below the
threshold is dropped. The figures are pooled over the sides (a gold span counts as found when
a kept flag overlaps it). A development analysis (docs/evaluation.md, "A term filter learned
across sides"); sides in ``flags_eval.FIGURES_ONLY`` and ``ANNOTATIONS_PENDING`` are never
read.

Usage: ``python -m bench.evaluate.flags_term_filter [--kind officialese] [--min-flags 2 3 5]``
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bench.evaluate.flags_eval import FIGURES_ONLY, TOOL_KIND, analyse_gold
from bench.evaluate.flags_gold import ANNOTATIONS_PENDING, KINDS, SIDES, load_side


@dataclass(frozen=True)
class FlagRow:
    """One flag: its side, term, whether it overlaps a gold span, and the spans it covers."""

    side: str
    term: str
    true: bool
    covers: tuple[tuple[str, int, int], ...]  # (unit, start, end) of the gold spans


def filtered(
    rows: Sequence[FlagRow], gold: dict[str, int], threshold: float, min_flags: int
) -> tuple[float, float, int]:
    """Pooled (precision, recall, flags kept) of the leave-one-side-out term filter;
    ``gold``: annotated spans per side."""
    kept = kept_true = found = 0
    for side in gold:
        elsewhere: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row in rows:
            if row.side != side:
                elsewhere[row.term][0] += row.true
                elsewhere[row.term][1] += 1
        covered: set[tuple[str, int, int]] = set()
        for row in rows:
            if row.side != side:
                continue
            true, n = elsewhere.get(row.term, (0, 0))
            if n >= min_flags and (true + 1) / (n + 2) < threshold:
                continue
            kept += 1
            kept_true += row.true
            covered.update(row.covers)
        found += len(covered)
    total = sum(gold.values())
    return kept_true / max(kept, 1), found / max(total, 1), kept


def flag_rows(kind: str, sides: Sequence[str]) -> tuple[list[FlagRow], dict[str, int]]:
    """The current rules' flags of ``kind`` on ``sides`` and the gold spans per side."""
    from pipeline.config import load_settings
    from pipeline.nlp import load_pipeline
    from pipeline.readability import ReadabilityResources

    settings = load_settings(None, {}, environ={})
    nlp, info = load_pipeline(settings.nlp)
    resources = ReadabilityResources.load(settings.readability)
    rows: list[FlagRow] = []
    gold: dict[str, int] = {}
    for side in sides:
        annotated = load_side(side)
        flags = analyse_gold(annotated, settings, nlp, info, resources)
        gold[side] = 0
        for key, spans in annotated.by_unit().items():
            theirs = [a for a in spans if a.kind == kind]
            gold[side] += len(theirs)
            for flag in flags.get(key, []):
                if flag.kind != TOOL_KIND[kind]:
                    continue
                hits = tuple(
                    (key[1], a.start, a.end)
                    for a in theirs
                    if a.start < flag.end and flag.start < a.end
                )
                term = flag.term or flag.text.lower()
                rows.append(FlagRow(side, term, bool(hits), hits))
    return rows, gold


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", choices=KINDS, default="officialese")
    parser.add_argument("--min-flags", type=int, nargs="+", default=[2, 3, 5])
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.3, 0.4, 0.5, 0.6, 0.7])
    args = parser.parse_args(argv)
    sides = [s for s in SIDES if s not in FIGURES_ONLY and s not in ANNOTATIONS_PENDING]
    rows, gold = flag_rows(args.kind, sides)
    p, r, n = filtered(rows, gold, threshold=-1.0, min_flags=1)
    print(f"{args.kind}, {len(sides)} sides: rules as they are P {p:.3f} R {r:.3f} ({n} flags)")
    print("| min flags elsewhere | threshold | P | R | flags kept |\n|---|---|---|---|---|")
    for min_flags in args.min_flags:
        for threshold in args.thresholds:
            p, r, n = filtered(rows, gold, threshold, min_flags)
            print(f"| {min_flags} | {threshold:.1f} | {p:.3f} | {r:.3f} | {n} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
