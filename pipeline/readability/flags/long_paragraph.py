"""Long paragraph (*lange alinea*): more than ``long_paragraph_words`` words or
``long_paragraph_sentences`` sentences in one unit of text."""

from __future__ import annotations

from pipeline.readability.flags.base import Example, Flag, FlagKind, UnitContext, register


def detect(ctx: UnitContext) -> list[Flag]:
    s = ctx.settings
    if not ctx.n_sentences or (
        ctx.n_words <= s.long_paragraph_words and ctx.n_sentences <= s.long_paragraph_sentences
    ):
        return []
    start, end = ctx.sentence_spans[0][0], ctx.sentence_spans[-1][1]
    return [
        Flag(
            "long_paragraph", start, end, ctx.text[start:end],
            f"Lange alinea: {ctx.n_words} woorden in {ctx.n_sentences} zinnen (advies: "
            f"hoogstens {s.long_paragraph_words} woorden of {s.long_paragraph_sentences} zinnen).",
            "Verdeel de tekst in kortere alinea's, met één onderwerp per alinea.",
        )
    ]  # fmt: skip


KIND = register(
    FlagKind(
        name="long_paragraph",
        label="lange alinea",
        title="Lange alinea",
        description="Een lange alinea schrikt af. Geef elke alinea één onderwerp.",
        fix="Verdeel {n} lange {paragraphs} in kortere.",
        detect=detect,
        scope="unit",
        style=False,
        wide=True,
        examples=(
            Example(" ".join(["De gemeente haalt het afval op."] * 9), ("De gemeente",)),
            Example("De gemeente haalt het afval op. U zet de bak buiten."),
        ),
    )
)
