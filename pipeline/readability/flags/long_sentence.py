"""Long sentence (*lange zin*): more than ``long_sentence_words`` words."""

from __future__ import annotations

from pipeline.readability.flags.base import (
    Example,
    Flag,
    FlagKind,
    SentenceContext,
    make_flag,
    register,
)


def detect(ctx: SentenceContext) -> list[Flag]:
    limit = ctx.settings.long_sentence_words
    if ctx.n_words <= limit:
        return []
    return [
        make_flag(
            ctx.doc, ctx.start, ctx.end - 1, "long_sentence",
            f"Lange zin: {ctx.n_words} woorden (advies: hoogstens {limit}).",
            "Splits de zin in twee of meer kortere zinnen.",
        )
    ]  # fmt: skip


KIND = register(
    FlagKind(
        name="long_sentence",
        label="lange zin",
        title="Lange zin",
        description="Lange zinnen zijn moeilijk te volgen. Houd zinnen kort: hoogstens 20 woorden.",
        fix="Splits {n} lange {sentences}.",
        detect=detect,
        style=False,  # the verdict has sentence-length measures of its own
        wide=True,
        examples=(
            Example(
                "Omdat de gemeente in het voorjaar van 2026 in de hele wijk nieuwe riolering "
                "aanlegt, is de straat vanaf maart een aantal weken dicht voor alle auto's.",
                ("Omdat",),
            ),
            Example("De straat is in maart een paar weken dicht."),
        ),
    )
)
