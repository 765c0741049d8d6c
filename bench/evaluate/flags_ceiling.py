"""How far a context-free word list can go: leave-one-side-out over the annotated sets.

For one kind of advice, every annotated span string (lower-cased) of all sides but one is a
candidate list entry with its *annotation rate* on those sides: annotated / occurrences
(whole-word, case-insensitive matches in the unit texts, never fewer than the annotations).
Entries are taken in falling rate order while the list's precision on those sides stays at or
above ``--floor``; the list is then applied to the left-out side (flags = occurrences of the
entries, true flags = min(annotated, occurrences) per entry). This is a *perfect memoriser*:
it knows every span the annotators ever marked and how often they marked it, and uses no
context. Its out-of-side figures bound what any list of words and phrases can reach on new
text annotated by the same conventions (docs/evaluation.md, "How far a word list can go").

Sides in ``flags_eval.FIGURES_ONLY`` (blind) and ``ANNOTATIONS_PENDING`` are never read.

Usage: ``python -m bench.evaluate.flags_ceiling --kind officialese [--floor 0.9]``
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bench.evaluate.flags_eval import FIGURES_ONLY
from bench.evaluate.flags_gold import ANNOTATIONS_PENDING, KINDS, SIDES, load_side


@dataclass(frozen=True)
class SideCounts:
    """One side's unit texts (lower-cased, one blob) and annotated span strings of a kind."""

    blob: str
    annotated: Counter[str]


def occurrences(phrase: str, blob: str) -> int:
    """Whole-word matches of ``phrase`` in ``blob`` (both lower-cased)."""
    return len(re.findall(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", blob))


def learn_list(sides: Iterable[SideCounts], floor: float) -> list[str]:
    """Entries in falling annotation rate while the pooled precision stays >= ``floor``."""
    pool = list(sides)
    annotated: Counter[str] = Counter()
    for side in pool:
        annotated.update(side.annotated)
    rows = []
    for phrase, n in annotated.items():
        seen = max(n, sum(occurrences(phrase, side.blob) for side in pool))
        rows.append((n / seen, n, seen, phrase))
    rows.sort(key=lambda r: (-r[0], -r[1], r[3]))
    chosen: list[str] = []
    true = flagged = 0
    for _rate, n, seen, phrase in rows:
        if (true + n) / (flagged + seen) < floor:
            break
        true, flagged = true + n, flagged + seen
        chosen.append(phrase)
    return chosen


def apply_list(entries: Iterable[str], side: SideCounts) -> tuple[int, int, int]:
    """(true flags, flags, gold spans) of the list on one side."""
    true = flagged = 0
    for phrase in entries:
        seen = occurrences(phrase, side.blob)
        flagged += seen
        true += min(side.annotated.get(phrase, 0), seen)
    return true, flagged, sum(side.annotated.values())


def side_counts(side: str, kind: str) -> SideCounts:
    gold = load_side(side)
    blob = "\n".join(unit.text.lower() for unit in gold.units)
    return SideCounts(blob, Counter(a.span.lower() for a in gold.annotations if a.kind == kind))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", choices=KINDS, required=True)
    parser.add_argument("--floor", type=float, default=0.9)
    args = parser.parse_args(argv)
    names = [s for s in SIDES if s not in FIGURES_ONLY and s not in ANNOTATIONS_PENDING]
    data = {name: side_counts(name, args.kind) for name in names}
    total = Counter[str]()
    print(f"{args.kind}, list learned at P >= {args.floor} on the other {len(names) - 1} sides")
    for name in names:
        entries = learn_list((data[n] for n in names if n != name), args.floor)
        true, flagged, gold = apply_list(entries, data[name])
        total.update({"true": true, "flagged": flagged, "gold": gold})
        print(
            f"{name:10} entries {len(entries):5}  P {true / max(flagged, 1):.2f} "
            f"({true}/{flagged})  R {true / max(gold, 1):.2f} ({true}/{gold})"
        )
    print(
        f"all sides  P {total['true'] / max(total['flagged'], 1):.3f} "
        f"({total['true']}/{total['flagged']})  R {total['true'] / max(total['gold'], 1):.3f} "
        f"({total['true']}/{total['gold']})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
