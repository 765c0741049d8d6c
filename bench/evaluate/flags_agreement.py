"""Inter-annotator agreement on the writing-advice gold ("flags"): two annotations of the same
units compared per kind with the span matching of ``flags_eval.score``.

Annotator 1 is taken as gold and annotator 2's spans as the "flags": precision is the share of
annotator 2's spans that overlap a span of the same kind by annotator 1 in the same unit,
recall the share of annotator 1's spans that annotator 2 overlaps. With overlap matching the
comparison is symmetric (swapping the annotators swaps P and R), so F1 is the agreement figure.
For officialese, "drop-in agree" is the share of annotator 2's matched spans whose alternative
equals annotator 1's drop-in (``flags_eval.dropin_correct``: same text or one of ``a / b``,
ignoring case; annotator 2's "" counts as a disagreement), over the matches where annotator 1
gave one. Conventions: docs/evaluation.md, "Writing-advice annotations".

Usage::

    python -m bench.evaluate.flags_agreement --side heldout4 [--datasets D ...] [--json]
        [--show KIND ...]

``--show`` lists the spans only one annotator marked (never the tool's output), to summarise
disagreements by category.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench.evaluate.flags_eval import KindResult, score
from bench.evaluate.flags_gold import (
    DATASETS,
    KINDS,
    SECOND_ANNOTATION_SIDES,
    Annotation,
    GoldSet,
    load_side,
)


@dataclass(frozen=True)
class AnnotatedSpan:
    """An annotation seen as a flag by ``flags_eval.score`` (kind, span, replacement)."""

    kind: str
    start: int
    end: int
    text: str
    replacement: str | None

    @classmethod
    def of(cls, annotation: Annotation) -> AnnotatedSpan:
        return cls(
            annotation.kind, annotation.start, annotation.end, annotation.span,
            annotation.alternative or None,
        )  # fmt: skip


def as_flags(annotations: GoldSet) -> dict[tuple[str, str], list[AnnotatedSpan]]:
    """An annotator's spans per unit, in the shape ``flags_eval.score`` takes for the tool."""
    return {
        key: [AnnotatedSpan.of(a) for a in spans] for key, spans in annotations.by_unit().items()
    }


def _check_same_units(first: GoldSet, second: GoldSet) -> None:
    mine = [(u.dataset, u.unit_id, u.text_sha256) for u in first.units]
    theirs = [(u.dataset, u.unit_id, u.text_sha256) for u in second.units]
    if mine != theirs:
        raise ValueError("the two annotations must cover the same units (ids and texts)")


def compare(first: GoldSet, second: GoldSet, kinds: Sequence[str] = KINDS) -> dict[str, KindResult]:
    """``flags_eval.score`` of annotator 2's spans against annotator 1's as gold."""
    _check_same_units(first, second)
    return score(first, as_flags(second), kinds)


def agreement(
    first: GoldSet, second: GoldSet, kinds: Sequence[str] = KINDS
) -> dict[str, dict[str, Any]]:
    """Per kind: precision and recall of annotator 2 against annotator 1, F1 (agreement), the
    span counts of both annotators and, for officialese, the drop-in agreement."""
    out: dict[str, dict[str, Any]] = {}
    for kind, result in compare(first, second, kinds).items():
        f = result.figures()
        p, r = f["precision"], f["recall"]
        out[kind] = {
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / (p + r) if p is not None and r is not None and p + r else None,
            "first": f["gold"],
            "first_matched": f["gold"] - f["missed"],
            "second": f["flags"],
            "second_matched": f["flags"] - f["false_positives"],
            "dropin_agree": f["dropin_correct"],
            "dropin_n": f["dropin_n"],
        }
    return out


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--side", choices=SECOND_ANNOTATION_SIDES, default="heldout4")
    parser.add_argument("--datasets", nargs="+", choices=DATASETS, default=list(DATASETS))
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--show", nargs="*", default=(), choices=KINDS,
        help="list the spans of these kinds that only one annotator marked",
    )  # fmt: skip
    args = parser.parse_args(argv)
    first = load_side(args.side, tuple(args.datasets), annotator=1)
    second = load_side(args.side, tuple(args.datasets), annotator=2)
    figures = agreement(first, second)
    if args.json:
        print(json.dumps({"side": args.side, "units": len(first.units), "kinds": figures}))
    else:
        print(f"side {args.side}: {len(first.units)} units, annotator 2 against annotator 1")
        for kind, f in figures.items():
            line = (
                f"{kind:15} P {_fmt(f['precision'])} ({f['second_matched']}/{f['second']})  "
                f"R {_fmt(f['recall'])} ({f['first_matched']}/{f['first']})  "
                f"F1 {_fmt(f['f1'])}"
            )
            if f["dropin_n"]:
                line += f"  drop-in agree {_fmt(f['dropin_agree'])} (n={f['dropin_n']})"
            print(line)
    if args.show:
        results = compare(first, second, args.show)
        for kind in args.show:
            print(f"\n== {kind}: only annotator 2")
            print("\n".join(results[kind].false_positives))
            print(f"\n== {kind}: only annotator 1 (and drop-in disagreements)")
            print("\n".join(results[kind].misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
