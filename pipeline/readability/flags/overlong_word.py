"""A "word" longer than ``max_word_chars`` characters (a pasted URL fragment, a broken
export): reported and left out of every other analysis."""

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
    from pipeline.readability.verdict import nl_number

    return [
        make_flag(
            ctx.doc, i, i, "overlong_word",
            f"Geen woord: {nl_number(len(ctx.doc[i].text), 0)} tekens zonder spatie; "
            "niet beoordeeld.",
            "Controleer of de tekst goed is overgenomen.",
        )
        for i in sorted(ctx.skip)
    ]  # fmt: skip


KIND = register(
    FlagKind(
        name="overlong_word",
        label="geen woord",
        title="Geen woord",
        description="Een reeks letters zonder spatie die te lang is voor een woord.",
        detect=detect,
        style=False,
        examples=(Example("Dit is " + "a" * 150 + " fout.", ("a" * 150,)), Example("Dit is goed.")),
    )
)
