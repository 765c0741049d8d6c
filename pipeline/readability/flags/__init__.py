"""Writing advice ("flags"): a registry of kinds, one module per kind.

Each kind's module declares it with ``register(FlagKind(...))`` (``base.py``); this package
imports them all, runs the enabled detectors on a sentence or a unit and resolves overlaps:
no two word-level flags cover the same words (the higher ``priority`` wins: abbreviation >
officialese > nominalisation > hard word), so one word never gets two pieces of advice.
Passive constructions and wide flags (sentence, paragraph) may contain word-level flags.

Adding a kind: a new module here with its detector and labelled examples; every module of
the package but ``base`` is imported and the kinds are kept in the order of their names
(the order of the reports), so nothing else changes (as
tests/test_readability_flags_registry.py shows).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable

from pipeline.readability.flags.abbreviation import explained_acronyms
from pipeline.readability.flags.base import (
    KINDS,
    Example,
    Flag,
    FlagKind,
    SentenceContext,
    UnitContext,
    register,
)
from pipeline.readability.flags.many_subclauses import count_subclauses_by_rules

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "base":
        importlib.import_module(f"{__name__}.{_module.name}")  # registers its kind
_ordered = sorted(KINDS.items())  # the reports' order: by name, whatever was imported first
KINDS.clear()
KINDS.update(_ordered)

FLAG_KINDS: tuple[str, ...] = tuple(KINDS)
STYLE_FLAG_KINDS = frozenset(k.name for k in KINDS.values() if k.style)
WIDE_KINDS = frozenset(k.name for k in KINDS.values() if k.wide)
LABELS: dict[str, str] = {k.name: k.label for k in KINDS.values()}
TITLES: dict[str, str] = {k.name: k.title for k in KINDS.values()}
CONSTRUCTION_KINDS = frozenset({"passive"})  # spans that may contain word-level flags


def resolve_overlaps(flags: Iterable[Flag]) -> list[Flag]:
    """Keep one flag per word: where word-level flags of different kinds overlap, a flag on
    a whole phrase wins over one on a word inside it (the hard word "sociaal domein", not
    the officialese "domein" -> "gebied"), else the kind with the higher priority (then the
    longer span); duplicates are dropped."""
    ordered = sorted(flags, key=lambda f: (f.start, f.end, f.kind))
    word_level = [
        f for f in ordered if f.kind not in WIDE_KINDS and f.kind not in CONSTRUCTION_KINDS
    ]

    def contains_another(flag: Flag) -> bool:  # a phrase of several words around another flag
        return " " in flag.text and any(
            f is not flag and flag.start <= f.start and f.end <= flag.end
            and (f.end - f.start) < (flag.end - flag.start)
            for f in word_level
        )  # fmt: skip

    ranked = sorted(
        word_level,
        key=lambda f: (
            not contains_another(f),
            -KINDS[f.kind].priority,
            -(f.end - f.start),
            f.start,
        ),
    )
    kept: list[Flag] = []
    for flag in ranked:
        if not any(flag.start < k.end and k.start < flag.end for k in kept):
            kept.append(flag)
    keep = {id(f) for f in kept}
    word_ids = {id(f) for f in word_level}
    out: list[Flag] = []
    seen: set[tuple[str, int, int]] = set()
    for flag in ordered:
        key = (flag.kind, flag.start, flag.end)
        if key in seen or (id(flag) in word_ids and id(flag) not in keep):
            continue
        seen.add(key)
        out.append(flag)
    return out


def enabled(scope: str, disabled: Iterable[str] = ()) -> list[FlagKind]:
    """The registered kinds of a scope ("sentence" or "unit") that are not switched off."""
    off = set(disabled)
    return [k for k in KINDS.values() if k.scope == scope and k.name not in off]


def detect_sentence(ctx: SentenceContext, disabled: Iterable[str] = ()) -> list[Flag]:
    """Every enabled sentence-level kind on one sentence, overlaps resolved, in text order."""
    found: list[Flag] = []
    for kind in enabled("sentence", disabled):
        found += kind.detect(ctx)
    return resolve_overlaps(found)


def detect_unit(ctx: UnitContext, disabled: Iterable[str] = ()) -> list[Flag]:
    """Every enabled unit-level kind (long paragraph) on one unit."""
    found: list[Flag] = []
    for kind in enabled("unit", disabled):
        found += kind.detect(ctx)
    return found


__all__ = [
    "FLAG_KINDS",
    "KINDS",
    "LABELS",
    "STYLE_FLAG_KINDS",
    "TITLES",
    "WIDE_KINDS",
    "Example",
    "Flag",
    "FlagKind",
    "SentenceContext",
    "UnitContext",
    "count_subclauses_by_rules",
    "detect_sentence",
    "detect_unit",
    "explained_acronyms",
    "register",
    "resolve_overlaps",
]
