"""Hard word (*moeilijk woord*): a word a B1 reader probably does not know.

Decided from two maintained frequency lists, SUBTLEX-NL (film subtitles: everyday spoken
Dutch, via lint-ii, EUPL-1.2) and wordfreq (written Dutch, several sources), plus compound
analysis:
- *rare*: the word and its lemma are below ``hard_word_zipf`` in wordfreq, unseen or rare in
  SUBTLEX-NL, and not a compound of common parts ("stempas", "ondersteuner" are rare but
  transparent, so not flagged);
- *learned*: a word with a learned (Latin, French or Greek) ending ("-iteit", "-eel",
  "-ief", "-istiek", "-aal") that is rare in everyday speech (SUBTLEX-NL below
  ``hard_word_learned_subtlex``) even when it is common in writing ("substantieel",
  "cruciaal", "continuïteit").
Names, abbreviations, numbers, words of an officialese match (that flag has an alternative)
and inflected forms of known verbs are not hard words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.frequencies import zipf_nl
from pipeline.readability.flags.base import (
    Example,
    Flag,
    FlagKind,
    SentenceContext,
    is_name,
    lemma_of,
    make_flag,
    quote,
    register,
)
from pipeline.readability.morphology import MAX_WORD_CHARS, is_known_word

if TYPE_CHECKING:
    from spacy.tokens import Token

LEARNED_ENDINGS = (
    "iteit", "iteiten", "eel", "ele", "ief", "ieve", "istiek", "istisch", "istische", "aal",
    "ale", "isme", "ant", "ante", "ent", "ente", "ensie", "antie", "atief", "atieve", "icaal",
    "icale", "iek", "ieke", "ologie", "ografie", "ueel", "uele", "air", "aire", "oir", "eus",
    "euze", "isch", "ische",
)  # fmt: skip
CONTENT_POS = frozenset({"NOUN", "ADJ", "VERB", "ADV", ""})
MIN_LENGTH = 5


def _subtlex(ctx: SentenceContext, *words: str) -> float:
    found = [ctx.resources.subtlex_zipf(w) for w in words]
    return max((f for f in found if f is not None), default=0.0)


def why_hard(token: Token, ctx: SentenceContext) -> str | None:
    """``"rare"``, ``"learned"`` or None (see the module docstring)."""
    settings = ctx.settings
    form, lemma = token.lower_, lemma_of(token)
    if len(form) < MIN_LENGTH or len(form) > MAX_WORD_CHARS or not token.is_alpha:
        return None
    if token.pos_ not in CONTENT_POS:
        return None
    written = max(zipf_nl(form), zipf_nl(lemma) if lemma.isalpha() else 0.0)
    spoken = _subtlex(ctx, form, lemma)
    if written < settings.hard_word_zipf and spoken < settings.hard_word_zipf:
        if is_known_word(form, settings.hard_word_zipf) or (
            lemma.isalpha() and is_known_word(lemma, settings.hard_word_zipf)
        ):
            return None
        return "rare"
    if (
        form.endswith(LEARNED_ENDINGS)
        and spoken < settings.hard_word_learned_subtlex
        and (written < settings.hard_word_learned_zipf)
    ):
        return "learned"
    return None


def detect(ctx: SentenceContext) -> list[Flag]:
    """Hard words in one sentence (see the module docstring)."""
    flags: list[Flag] = []
    first_word = next((t.i for t in ctx.tokens if t.is_alpha), ctx.start)
    for token in ctx.tokens:
        if token.text.isupper() or is_name(token, first_word):
            continue
        if why_hard(token, ctx) is None:
            continue
        flags.append(
            make_flag(
                ctx.doc, token.i, token.i, "hard_word",
                f"Moeilijk woord: {quote(token.text)}.",
                "Kies een woord dat meer mensen kennen, of leg het woord uit.",
            )
        )  # fmt: skip
    return flags


KIND = register(
    FlagKind(
        name="hard_word",
        label="moeilijk woord",
        title="Moeilijk woord",
        description=(
            "Niet iedereen kent dit woord. Kies een woord dat meer mensen kennen, of leg het uit."
        ),
        detect=detect,
        priority=0,
        examples=(
            Example("Dit is een substantieel verschil.", ("substantieel",)),
            Example("De continuïteit van de zorg is belangrijk.", ("continuïteit",)),
            Example("U krijgt een stempas voor de verkiezingen."),
            Example("Wij zoeken een ondersteuner voor de buurt."),
        ),
    )
)
