"""Tokens for sentiment and incivility: a regex tokenizer and word normalisation.

Pure functions of the text, no spaCy: sentiment is scored on many short texts (comments and
their sentences) and must be fast. Emoji are found with the ``emoji`` package, so sequences
with skin tones or joiners stay one token.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, NamedTuple

import emoji

TokenKind = Literal["word", "number", "emoji", "emoticon", "punct"]

_EMOTICON = r"(?<![\w:;=])(?:[:;=][\-'^]?[)(\]\[dDpPsSoO/|*3]+|<3+|[xX][dD]+)(?![\w])"
_WORD = r"[^\W_](?:[\w@$]|['’\-](?=[^\W_]))*"
_PUNCT = r"[!?.,;:]+"
TOKEN_RE = re.compile(rf"(?P<emoticon>{_EMOTICON})|(?P<word>{_WORD})|(?P<punct>{_PUNCT})")
# Characters from the arrows block upwards may be emoji; only then is the emoji package asked.
_MAYBE_EMOJI_RE = re.compile("[\u00a9\u00ae\u203c\u2049\u2122\u2139\u2190-\U0010ffff]")
_LETTER_RE = re.compile(r"[^\W\d_]")
_RUN3_RE = re.compile(r"([^\W\d_])\1{2,}")
_SKIN_TONE_RE = re.compile(r"_(?:light|medium-light|medium|medium-dark|dark)_skin_tone")


class Token(NamedTuple):
    """A token: its text as written, its kind and its start offset in the text."""

    text: str
    kind: TokenKind
    start: int


def _plain_tokens(text: str, offset: int) -> list[Token]:
    tokens = []
    for match in TOKEN_RE.finditer(text):
        kind = match.lastgroup
        value = match.group()
        if kind == "word" and _LETTER_RE.search(value) is None:
            kind = "number"
        tokens.append(Token(value, kind, offset + match.start()))  # type: ignore[arg-type]
    return tokens


@lru_cache(maxsize=50_000)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split a text into words, numbers, emoji, emoticons and punctuation runs.

    Args:
        text: any text; empty and whitespace-only texts give no tokens.

    Returns:
        The tokens in text order. Words keep inner apostrophes and hyphens ("zo'n",
        "kut-idee") and digits or ``@``/``$`` inside ("k4nker"). Cached per text, since the
        lexicon, the incivility list and the model all read the same tokens.
    """
    if not _MAYBE_EMOJI_RE.search(text):
        return tuple(_plain_tokens(text, 0))
    tokens: list[Token] = []
    position = 0
    for found in emoji.emoji_list(text):
        start, end = found["match_start"], found["match_end"]
        tokens.extend(_plain_tokens(text[position:start], position))
        tokens.append(Token(found["emoji"], "emoji", start))
        position = end
    tokens.extend(_plain_tokens(text[position:], position))
    return tuple(tokens)


@lru_cache(maxsize=4096)
def emoji_name(char: str) -> str:
    """The CLDR short name of an emoji, lower case, without colons or skin tone.

    Example: "👍🏽" -> "thumbs_up". Unknown characters give "".
    """
    name = emoji.demojize(char, delimiters=("", ""))
    if name == char:
        return ""
    return _SKIN_TONE_RE.sub("", name.lower().replace("\ufe0f", ""))


def squeeze_variants(word: str) -> list[str]:
    """Forms of a word with stretched letters shortened: "superrrr" -> "superr", "super".

    Only runs of three or more equal letters count as stretching, so "kk" or "oo" in normal
    spelling stay.

    Returns:
        The shortened forms (runs to two letters, then to one), or [] if nothing was stretched.
    """
    if not _RUN3_RE.search(word):
        return []
    return [_RUN3_RE.sub(r"\1\1", word), _RUN3_RE.sub(r"\1", word)]


def is_shouted(word: str, min_letters: int) -> bool:
    """True for a word written in capitals with at least ``min_letters`` letters."""
    return word.isupper() and sum(ch.isalpha() for ch in word) >= min_letters
