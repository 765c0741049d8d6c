"""Many subordinate clauses (*veel bijzinnen*): more than ``max_subclauses`` in a sentence.

The count comes from the analysis (the parse, or ``count_subclauses_by_rules`` without one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.readability.flags.base import (
    Example,
    Flag,
    FlagKind,
    SentenceContext,
    make_flag,
    register,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from pipeline.readability.resources import ReadabilityResources


def count_subclauses_by_rules(
    doc: Doc, start: int, end: int, resources: ReadabilityResources
) -> int:
    """Subordinate clauses without a parse: subordinating words (``subordinators.csv``);
    ambiguous ones (die, dat, als ...) only after a comma, and *dat* also mid-sentence."""
    n = 0
    tokens = list(doc[start:end])
    for k, token in enumerate(tokens):
        ambiguous = resources.subordinators.get(token.lower_)
        if ambiguous is None:
            continue
        if not ambiguous:
            n += 1
            continue
        prev = tokens[k - 1].text if k > 0 else ""
        if prev == "," or (token.lower_ == "dat" and k > 0 and prev.isalpha()):
            n += 1
    return n


def detect(ctx: SentenceContext) -> list[Flag]:
    limit = ctx.settings.max_subclauses
    if ctx.n_subclauses <= limit:
        return []
    return [
        make_flag(
            ctx.doc, ctx.start, ctx.end - 1, "many_subclauses",
            f"Veel bijzinnen: {ctx.n_subclauses} in één zin (advies: hoogstens {limit}).",
            "Maak van een of meer bijzinnen een aparte zin.",
        )
    ]  # fmt: skip


KIND = register(
    FlagKind(
        name="many_subclauses",
        label="veel bijzinnen",
        title="Veel bijzinnen",
        description="Een zin met veel bijzinnen is moeilijk te volgen. Maak er aparte zinnen van.",
        fix="Maak {n} {sentences} met veel bijzinnen eenvoudiger.",
        detect=detect,
        wide=True,
        examples=(
            Example(
                "Als u denkt dat de aanslag niet klopt, omdat de waarde te hoog is, terwijl "
                "uw buren minder betalen, kunt u bezwaar maken.",
                ("Als",),
            ),
            Example("U kunt bezwaar maken als de aanslag niet klopt."),
        ),
    )
)
