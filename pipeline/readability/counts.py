"""Count once, from the spaCy Doc: sentences, words, syllables and the LiNT-II sums.

``Counts`` is additive: ``Counts + Counts`` aggregates paragraphs into sections and
documents, and every measure (``measures()``) and the B1 verdict can be recomputed from the
sums at any level. The LiNT-II features are kept as sums and counts, so the document-level
means equal lint-ii's document-level computation.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from spacy.tokens import Doc, Token

BULLETS = frozenset("-•*–·▪")


@dataclass
class Counts:
    """Additive counts of a unit of text (paragraph, section, document, comment ...)."""

    n_words: int = 0
    n_sentences: int = 0
    n_syllables: int = 0
    n_characters: int = 0
    n_long_sentences: int = 0
    n_over_a2_sentences: int = 0
    n_long_words: int = 0
    n_flags: int = 0
    n_flagged_sentences: int = 0
    n_style_problems: int = 0
    n_subclauses: int = 0
    n_units: int = 0
    n_fragments: int = 0  # heading-like lines: read for flags, not measured (is_fragment)
    # LiNT-II ingredients (sums and counts; None-able means are derived in measures())
    lint_freq_sum: float = 0.0
    lint_freq_n: int = 0
    lint_sdl_sum: float = 0.0
    lint_sdl_n: int = 0
    lint_cwc_sum: float = 0.0
    lint_cwc_n: int = 0
    n_content_words: int = 0
    n_clauses: int = 0
    n_concrete_nouns: int = 0
    n_classified_nouns: int = 0
    n_unparsed_sentences: int = 0
    # words checked for the language (lower-case letters only) and those known as Dutch
    n_language_words: int = 0
    n_dutch_words: int = 0
    flag_counts: dict[str, int] = field(default_factory=dict)

    def __add__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        values: dict[str, Any] = {
            name: getattr(self, name) + getattr(other, name) for name in _ADDED_FIELDS
        }
        merged = dict(self.flag_counts)
        for kind, n in other.flag_counts.items():
            merged[kind] = merged.get(kind, 0) + n
        # as Counter + Counter: in first-seen order, only positive counts
        values["flag_counts"] = {kind: n for kind, n in merged.items() if n > 0}
        return Counts(**values)

    def __radd__(self, other: object) -> Counts:
        if other == 0:  # lets sum(list_of_counts) work
            return self
        return NotImplemented  # type: ignore[return-value]

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


_ADDED_FIELDS = tuple(f.name for f in fields(Counts) if f.name != "flag_counts")


@functools.lru_cache(maxsize=8192)
def alnum_count(text: str) -> int:
    """Letters and digits in a token's text (the recent texts remembered: words repeat;
    ``analyse_doc`` keeps every token's count with its syllables)."""
    return sum(ch.isalnum() for ch in text)


def is_word(token: Token) -> bool:
    """A word is a token with a letter or a digit."""
    return alnum_count(token.text) > 0


def n_characters(token: Token) -> int:
    """Letters and digits in a token."""
    return alnum_count(token.text)


def _first_content(doc: Doc, start: int, end: int) -> Token | None:
    for token in doc[start:end]:
        if not token.is_space and token.text not in BULLETS and not token.is_punct:
            return token
    return None


def _last_tokens(doc: Doc, start: int, end: int, keep: Callable[[Token], bool]) -> list[Token]:
    """The last two tokens of ``doc[start:end]`` that ``keep`` accepts, the last first
    (fewer when the span has fewer): read backwards from the end."""
    found: list[Token] = []
    for j in range(end - 1, start - 1, -1):
        token = doc[j]
        if keep(token):
            found.append(token)
            if len(found) == 2:
                break
    return found


def _ends_with_abbreviation(doc: Doc, start: int, end: int, abbreviations: frozenset[str]) -> bool:
    tokens = _last_tokens(doc, start, end, lambda t: not t.is_space)
    if not tokens:
        return False
    last = tokens[0].lower_
    if last in abbreviations:
        return True
    # the tokenizer may split "mln." into "mln" + "."
    return last == "." and len(tokens) > 1 and tokens[1].lower_ + "." in abbreviations


# Abbreviations of a preposition that always has a complement after it ("t.n.v. Gemeente
# Deventer", "t.a.v. De Directeur"): a boundary after one is undone whatever follows
NEVER_FINAL = frozenset({"t.n.v.", "t.a.v.", "o.v.v.", "i.s.m.", "i.o.m.", "i.p.v.", "m.b.t."})


def _continues(token: Token | None) -> bool:
    return token is not None and (token.text[:1].islower() or token.text[:1].isdigit())


def _split_lines(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span at line breaks that start a new line of text (heading, list item)."""
    spans: list[tuple[int, int]] = []
    current = start
    for token in doc[start:end]:
        if not (token.is_space and "\n" in token.text) or token.i == start:
            continue
        before = doc[current : token.i].text.rstrip()
        after = _first_content(doc, token.i + 1, end)
        if not before or after is None:
            continue
        raw_next = doc[token.i + 1].text[:1] if token.i + 1 < end else ""
        if before.endswith("-") or (_continues(after) and raw_next not in BULLETS):
            continue
        spans.append((current, token.i))
        current = token.i + 1
    spans.append((current, end))
    return spans


SENTENCE_END = frozenset(".!?:;…")
# A longer "sentence" is text without punctuation, cut up (``sentence_spans``, rule 4): the
# longest sentences of real municipal and legal prose stay far below it.
MAX_SENTENCE_TOKENS = 300


def _split_mid_line(doc: Doc, prev: tuple[int, int], start: int) -> bool:
    """True when the parser ended a sentence on a line, without end punctuation."""
    tokens = _last_tokens(doc, prev[0], start, lambda t: not t.is_space or "\n" in t.text)
    if not tokens or tokens[0].is_space:
        return False
    last = tokens[0].text
    closing = last in {")", "'", '"', "’", "”"} and len(tokens) > 1
    end_char = tokens[1].text[-1:] if closing else last[-1:]
    return end_char not in SENTENCE_END


def sentence_spans(doc: Doc, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Token ranges of the sentences of ``doc``, repaired for Dutch.

    Starts from the Doc's own sentence boundaries (parser or sentencizer) and
    1. undoes a boundary inside a line after a part without end punctuation ("... (PMD) |
       wordt ...", "In het kader van het programma | Duurzame Bereikbaarheid heeft ...": a
       sentence is what the writer punctuated), and a boundary right after a Dutch
       abbreviation with a full stop ("o.a.", "mln.") when the next part starts with a
       lowercase letter or a digit, and after one that always has a complement
       (``NEVER_FINAL``: "t.n.v. Gemeente Deventer");
    2. splits after a word whose full stop the tokenizer kept ("uw DigiD. U vult ...") and at
       a line break when the next line starts a new unit (capital letter, digit or
       bullet) and the line before does not end in a hyphen: headings and list items are not
       glued to the next sentence;
    3. drops parts without any word (blank lines, lone bullets);
    4. cuts a part of more than ``MAX_SENTENCE_TOKENS`` tokens (text without punctuation, a
       table read as one line) back at the Doc's own boundaries inside it, and what is still
       too long into pieces of that many tokens: no "sentence" of thousands of words.
    The Doc itself is not changed.
    """
    if len(doc) == 0:
        return []
    if doc.has_annotation("SENT_START"):
        base = [(s.start, s.end) for s in doc.sents]
    else:
        base = [(0, len(doc))]
    merged: list[tuple[int, int]] = []
    for start, end in base:
        if merged and (
            _split_mid_line(doc, merged[-1], start)
            or (
                _ends_with_abbreviation(doc, *merged[-1], abbreviations)
                and _continues(_first_content(doc, start, end))
            )
            or _ends_with_abbreviation(doc, *merged[-1], NEVER_FINAL)
        ):
            merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    spans: list[tuple[int, int]] = []
    for start, end in (piece for span in merged for piece in _split_glued_stops(doc, span)):
        for s, e in _split_lines(doc, start, end):
            while s < e and (doc[s].is_space or doc[s].text in BULLETS):
                s += 1
            while e > s and doc[e - 1].is_space:
                e -= 1
            if any(is_word(t) for t in doc[s:e]):
                spans.append((s, e))
    if any(e - s > MAX_SENTENCE_TOKENS for s, e in spans):
        starts = [b[0] for b in base]
        spans = [piece for span in spans for piece in _cut_overlong(span, starts)]
    return spans


GLUED_STOP_RE = re.compile(r"[^\W\d_]*[a-z][^\W\d_]*[A-Z]\.")


def _split_glued_stops(doc: Doc, span: tuple[int, int]) -> list[tuple[int, int]]:
    """``span`` split after a word whose full stop the tokenizer kept because the word ends
    in a capital ("uw DigiD. U vult ...": spaCy keeps the stop of "U.S." and so of "DigiD.")
    when a capitalised word follows."""
    start, end = span
    pieces: list[tuple[int, int]] = []
    for i in range(start, end - 1):
        nxt = doc[i + 1]
        if GLUED_STOP_RE.fullmatch(doc[i].text) and nxt.text[:1].isupper() and nxt.text.isalpha():
            pieces.append((start, i + 1))
            start = i + 1
    pieces.append((start, end))
    return pieces


def _cut_overlong(span: tuple[int, int], starts: list[int]) -> list[tuple[int, int]]:
    """``span`` cut at the given sentence starts into pieces of at most
    ``MAX_SENTENCE_TOKENS`` tokens where it can, then every ``MAX_SENTENCE_TOKENS`` tokens."""
    s, e = span
    if e - s <= MAX_SENTENCE_TOKENS:
        return [span]
    cuts = [s]
    inside = [b for b in starts if s < b < e]
    for k, b in enumerate(inside):  # the last boundary that keeps the piece short enough
        after = inside[k + 1] if k + 1 < len(inside) else e
        if after - cuts[-1] > MAX_SENTENCE_TOKENS and b - cuts[-1] > 0:
            cuts.append(b)
    cuts.append(e)
    pieces: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(cuts):
        pieces += [(x, min(x + MAX_SENTENCE_TOKENS, b)) for x in range(a, b, MAX_SENTENCE_TOKENS)]
    return pieces
