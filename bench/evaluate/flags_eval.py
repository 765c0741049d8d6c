"""Precision and recall of the writing advice ("flags") against the gold annotations of real
municipal sentences (``bench/evaluate/flags_gold.py``; conventions in docs/evaluation.md).

Every unit is parsed on its own and analysed with ``pipeline.analyse.analyse_units`` per
source document (an abbreviation explained anywhere in the document counts as explained), the
same function ``run`` and ``check`` use. A flag matches a gold annotation of the same kind in
the same unit when their spans overlap. For officialese the drop-in replacement is compared
with the annotator's alternative ("drop-in correct": the replacement equals the alternative,
or one of the ``a / b`` alternatives, ignoring case).

Usage::

    python -m bench.evaluate.flags_eval --side dev [--datasets seeds] [--show KIND]
    python -m bench.evaluate.flags_eval --side heldout4 --annotator 2   # second annotation as gold

``dev``, the Amsterdam units of ``heldout`` ("dev2", measured once as held-out on
2026-12-05, then used for development) and ``heldout2`` ("dev3", zoning-plan units measured
once as held-out on 2026-12-05, development data from round 4 on) are development data and
may be shown. ``heldout3`` (budget prose, "dev4", measured once blind on 2026-12-06 with the
round-4 rules) is development data from round 5 on and may be shown too, and so is
``heldout4`` (B&W decision lists and coalition agreement, "dev5", measured blind with the
round-4 and round-5 rules) from round 7 on, and ``heldout5`` (Wassenaar transfer dossier for
the new council, "dev6", measured blind with the round-6 and round-7 rules) from round 8 on.
``heldout6`` (Almere council texts and web pages, "dev7") is development data from round 9
on, ``heldout7`` (Nieuwkoop council proposals and replies, "dev8", measured blind with the
round-8 and round-9 rules) from round 10 on, ``heldout8`` (Utrecht research pages, "dev9",
measured blind with the round-9 and round-10 rules) from round 11 on. ``heldout9`` (Den Haag
research pages on services and "Mijn Omgeving") is a blind held-out set: ``--show`` is refused
(``FIGURES_ONLY``).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bench.evaluate.common import prf
from bench.evaluate.flags_gold import (
    ANNOTATORS,
    DATASETS,
    KINDS,
    SIDES,
    Annotation,
    GoldSet,
    Unit,
    annotations_path,
    load_side,
)

# Blind held-out sets: their figures are reported, their errors never looked at.
# heldout2 is development data ("dev3") since round 4, heldout3 ("dev4") since round 5,
# heldout4 ("dev5") since round 7, heldout5 ("dev6") since round 8, heldout6 ("dev7") since
# round 9, heldout7 ("dev8") since round 10, heldout8 ("dev9") since round 11, heldout9
# ("dev10") since round 12, heldout10 ("dev11") since round 13; heldout11 ("dev12") since
# round 16 (once heldout12 was built to replace it), heldout12 ("dev13") since round 17 (once
# heldout13 was built to replace it), heldout13 ("dev14") since round 18 (measured once, with
# the round-17 and round-16 rules; a fresh blind set replaces it), heldout14 ("dev15", texts of
# regional public bodies of the Flevoland municipalities and of Gemeente Noordoostpolder)
# since round 19 (measured once, with the round-18 rules and the rules before round 18).
# heldout15 ("dev16", zoning-plan explanations of 40 municipalities) since round 20 (measured
# once, with the rules of rounds 18-19 and of the start of session 33). heldout16 ("dev17",
# budget prose of GGD Flevoland) since round 21 (measured once, with the rules of rounds 18-20
# and of the start of session 33). heldout17 (zoning-plan explanations of 40 municipalities:
# the genre and corpus of heldout2 and heldout15, other plans and municipalities) replaces it
# as the blind set (measured once) and is development data ("dev18") since round 22 (session
# 34), once heldout18 (purpose texts of regional public bodies and joint organisations of
# municipalities in the algorithm register: heldout11's genre, other writers) was built to
# replace it as the blind set. heldout18 ("dev19") since round 23 (measured twice blind, with
# the session-34 start and round-22 rules). heldout19 (purpose texts of municipalities no
# other set used in the algorithm register: heldout11's genre and kind of writer) was measured
# once (session-34 start and round-23 rules) and is "dev20" since round 24. heldout20
# (zoning-plan explanations of 40 municipalities: the genre and corpus of heldout2, heldout15
# and heldout17, other plans and municipalities) is the blind set.
FIGURES_ONLY: tuple[str, ...] = ("heldout20",)

# The tool's flag kinds for each gold kind.
TOOL_KIND = {kind: kind for kind in KINDS}


@dataclass
class KindResult:
    """Counts of one kind: flags that matched, flags that did not, gold spans missed."""

    tp_flags: int = 0
    fp_flags: int = 0
    tp_gold: int = 0
    fn_gold: int = 0
    dropin_ok: int = 0
    dropin_n: int = 0
    dropin_offered: int = 0  # of dropin_n: the flag offers a replacement (not None)
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        precision = prf(self.tp_flags, self.fp_flags, 0)["precision"]
        recall = prf(self.tp_gold, 0, self.fn_gold)["recall"]
        return {
            "precision": precision,
            "recall": recall,
            "flags": self.tp_flags + self.fp_flags,
            "false_positives": self.fp_flags,
            "gold": self.tp_gold + self.fn_gold,
            "missed": self.fn_gold,
            "dropin_correct": (self.dropin_ok / self.dropin_n) if self.dropin_n else None,
            "dropin_n": self.dropin_n,
            # how often a replacement the tool offers is the annotator's (None not counted)
            "dropin_offered_correct": (
                self.dropin_ok / self.dropin_offered if self.dropin_offered else None
            ),
            "dropin_offered": self.dropin_offered,
        }


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("‘", "").replace("’", "").split())


def dropin_correct(replacement: str | None, alternative: str) -> bool:
    """The tool's replacement equals the annotator's alternative (or one of ``a / b``)."""
    if replacement is None:
        return False
    options = {_norm(a) for a in alternative.split("/") if a.strip()}
    return _norm(replacement) in options


def same_text_after(text: str, flag: Any, replacement: str | None, annotation: Annotation) -> bool:
    """The unit reads the same with the tool's replacement on its span as with the
    annotator's alternative on theirs: a drop-in whose span is not the annotator's (the tool
    takes the article along, "de werkzaamheden" -> "het werk", where an annotator marked
    "werkzaamheden" -> "het werk" or "de desbetreffende" -> "deze") is right when the two
    texts agree (case and spacing aside)."""
    if replacement is None:
        return False
    mine = _norm(text[: flag.start] + replacement + text[flag.end :])
    return any(
        _norm(text[: annotation.start] + option.strip() + text[annotation.end :]) == mine
        for option in annotation.alternative.split("/")
        if option.strip()
    )


def analyse_gold(gold: GoldSet, settings: Any, nlp: Any, info: Any, resources: Any) -> dict:
    """The tool's flags for every unit of ``gold``: ``{(dataset, unit_id): [Flag, ...]}``."""
    from pipeline.analyse import Unit as PipelineUnit
    from pipeline.analyse import analyse_units
    from pipeline.nlp import parse, unwrap_lines

    by_document: dict[tuple[str, str], list[Unit]] = defaultdict(list)
    for unit in gold.units:
        by_document[unit.dataset, unit.document].append(unit)
    # the unit as the tool reads it: ligature letters folded as every reader does ("ĳ" ->
    # "ij"); the flags' offsets are mapped back to the annotated text
    folded = {(u.dataset, u.unit_id): _folded(u.text) for u in gold.units}
    texts = [(unwrap_lines(folded[u.dataset, u.unit_id][0]), u) for u in gold.units]
    docs = {(u.dataset, u.unit_id): doc for doc, u in parse(nlp, texts, settings.nlp)}
    flags: dict[tuple[str, str], list[Any]] = {}
    for units in by_document.values():
        parsed = [
            (
                docs[u.dataset, u.unit_id],
                PipelineUnit(u.unit_id, "paragraph", folded[u.dataset, u.unit_id][0], u.document),
            )
            for u in units
        ]
        for unit, analysis in zip(
            units, analyse_units(parsed, settings.readability, resources, info), strict=True
        ):
            origin = folded[unit.dataset, unit.unit_id][1]
            flags[unit.dataset, unit.unit_id] = [
                f if origin is None else replace(f, start=origin[f.start], end=origin[f.end])
                for f in analysis.flags
            ]
    return flags


def _folded(text: str) -> tuple[str, list[int] | None]:
    """``text`` with its ligature letters folded (``readers.fold_ligatures``) and, when that
    changed it, the offset in ``text`` of every offset of the folded text (and of its end)."""
    from pipeline.ingest.readers import fold_ligatures

    out = fold_ligatures(text)
    if out == text:
        return text, None
    origin: list[int] = []
    for i, ch in enumerate(text):
        origin.extend([i] * len(fold_ligatures(ch)))
    origin.append(len(text))
    return out, origin


def score(gold: GoldSet, flags: dict, kinds: Sequence[str] = KINDS) -> dict[str, KindResult]:
    """Match flags to gold annotations by kind, unit and overlapping span."""
    results = {kind: KindResult() for kind in kinds}
    texts = {(u.dataset, u.unit_id): u.text for u in gold.units}
    for key, gold_spans in gold.by_unit().items():
        found = flags.get(key, [])
        text = texts[key]
        for kind in kinds:
            result = results[kind]
            mine = [f for f in found if f.kind == TOOL_KIND[kind]]
            theirs: list[Annotation] = [a for a in gold_spans if a.kind == kind]
            for flag in mine:
                hits = [a for a in theirs if a.start < flag.end and flag.start < a.end]
                if hits:
                    result.tp_flags += 1
                    if kind == "officialese" and hits[0].alternative:
                        result.dropin_n += 1
                        replacement = getattr(flag, "replacement", None)
                        result.dropin_offered += replacement is not None
                        ok = dropin_correct(replacement, hits[0].alternative) or same_text_after(
                            text, flag, replacement, hits[0]
                        )
                        result.dropin_ok += ok
                        if not ok:
                            result.misses.append(
                                f"DROP-IN {key[1]}: {flag.text!r} -> "
                                f"{getattr(flag, 'replacement', None)!r}, "
                                f"gold {hits[0].alternative!r}"
                            )
                else:
                    result.fp_flags += 1
                    result.false_positives.append(f"{key[1]}: {flag.text!r} in {text!r}")
            for annotation in theirs:
                if any(annotation.start < f.end and f.start < annotation.end for f in mine):
                    result.tp_gold += 1
                else:
                    result.fn_gold += 1
                    result.misses.append(f"{key[1]}: {annotation.span!r} in {text!r}")
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--side", choices=SIDES, default="dev")
    parser.add_argument("--datasets", nargs="+", default=list(DATASETS))
    parser.add_argument("--show", nargs="*", default=(), help="print errors of these kinds")
    parser.add_argument(
        "--annotator", type=int, choices=ANNOTATORS, default=1,
        help="gold annotation to score against (2: the second annotation, where there is one)",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.side in FIGURES_ONLY and args.show:
        parser.error(
            f"--show is not allowed on {args.side}: figures only, never look at its errors"
        )
    try:
        annotations_path(args.side, args.annotator)
    except ValueError as exc:
        parser.error(str(exc))

    from pipeline.config import load_settings
    from pipeline.nlp import load_pipeline
    from pipeline.readability import ReadabilityResources

    settings = load_settings(None, {}, environ={})
    nlp, info = load_pipeline(settings.nlp)
    resources = ReadabilityResources.load(settings.readability)
    gold = load_side(args.side, tuple(args.datasets), annotator=args.annotator)
    results = score(gold, analyse_gold(gold, settings, nlp, info, resources))
    figures = {kind: r.figures() for kind, r in results.items()}
    if args.json:
        print(json.dumps({"side": args.side, "annotator": args.annotator,
                          "units": len(gold.units), "kinds": figures}))  # fmt: skip
    else:
        by = f" (gold: annotator {args.annotator})" if args.annotator != 1 else ""
        print(f"side {args.side}{by}: {len(gold.units)} units, model {info.describe()}")
        for kind, f in figures.items():
            p = "–" if f["precision"] is None else f"{f['precision']:.2f}"
            r = "–" if f["recall"] is None else f"{f['recall']:.2f}"
            line = (
                f"{kind:15} P {p} ({f['flags'] - f['false_positives']}/{f['flags']})  "
                f"R {r} ({f['gold'] - f['missed']}/{f['gold']})"
            )
            if f["dropin_correct"] is not None:
                line += f"  drop-in {f['dropin_correct']:.2f} (n={f['dropin_n']})"
                if f["dropin_offered_correct"] is not None:
                    line += f"; offered {f['dropin_offered_correct']:.2f} (n={f['dropin_offered']})"
            print(line)
    for kind in args.show:
        print(f"\n== {kind}: false positives")
        print("\n".join(results[kind].false_positives))
        print(f"\n== {kind}: misses")
        print("\n".join(results[kind].misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
