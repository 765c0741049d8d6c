"""The flag registry: what a kind of writing advice is, and the contexts detectors read.

A kind of advice is declared once, in its own module, with ``register(FlagKind(...))``: its
name, Dutch labels, whether it counts towards the B1 verdict (``style``), whether it covers a
whole sentence or paragraph (``wide``), its scope (a sentence or a whole unit of text), its
priority when two word-level flags fall on the same words, its detector, labelled
examples (``examples``, checked by tests/test_readability_flags_registry.py) and the Dutch
line the report puts first (``fix``). Reports, the dashboard and the verdict read the kinds
from here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, TypeVar

from pipeline.readability.doc_arrays import doc_arrays, doc_text
from pipeline.readability.morphology import infinitives_of_form

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from pipeline.config import ReadabilitySettings
    from pipeline.readability.resources import ReadabilityResources


@dataclass(frozen=True)
class Flag:
    """One piece of writing advice on a span of the unit text.

    Attributes:
        kind: a registered kind (``KINDS``).
        start: start character offset in the unit text.
        end: end character offset (exclusive).
        text: the flagged span.
        message: short Dutch explanation.
        suggestion: Dutch advice or plainer alternative, or None.
        replacement: text that can replace the span as it stands (inflected to fit the
            sentence), when the detector is sure of it; a proposal, never applied silently.
        term: the matched entry of a word list (``officialese.csv`` term), for the drop-in
            reliability gate of the rewrite proposals; not part of the output.
    """

    kind: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None
    replacement: str | None = None
    term: str | None = field(default=None, compare=False)

    def words_in(self, text: str, offset: int = 0) -> str:
        """The flag's words as ``text`` has them at its offsets moved by ``offset`` (a wrapped
        line's break, which the parse read as a space, stays a break)."""
        return text[self.start + offset : self.end + offset] or self.text

    def shifted(self, offset: int, text: str | None = None) -> Flag:
        """The same flag with offsets moved by ``offset`` characters; with ``text`` (the text
        the new offsets point into), its words as written there (``words_in``)."""
        words = self.words_in(text, offset) if text is not None else self.text
        return Flag(
            self.kind, self.start + offset, self.end + offset, words, self.message,
            self.suggestion, self.replacement, self.term,
        )  # fmt: skip

    def to_dict(self) -> dict[str, object]:
        out = asdict(self)
        del out["term"]  # internal: the output schema is unchanged
        return out


@dataclass
class SentenceContext:
    """One sentence of a unit, with everything a sentence-level detector may read.

    ``start``/``end`` are token indices into ``doc`` (``sentence``: those tokens, when the
    caller made them already); ``skip`` holds token indices no detector should look at
    (over-long "words"); ``explained`` the acronyms explained in the
    text; ``seen_acronyms`` those already flagged in this unit (detectors update it).
    """

    doc: Doc
    start: int
    end: int
    n_words: int
    n_subclauses: int
    settings: ReadabilitySettings
    resources: ReadabilityResources
    explained: set[str] = field(default_factory=set)
    seen_acronyms: set[str] = field(default_factory=set)
    skip: frozenset[int] = frozenset()
    sentence: list[Token] | None = None  # doc[start:end] as a list, when the caller has it

    @cached_property
    def tokens(self) -> list[Token]:
        """The sentence's tokens (made once: every detector reads them)."""
        source = self.sentence if self.sentence is not None else self.doc[self.start : self.end]
        if not self.skip:
            return list(source)
        return [t for t in source if t.i not in self.skip]

    @cached_property
    def words(self) -> list[Token]:
        """The letter-only tokens of ``tokens`` (``is_alpha``; made once)."""
        return [t for t in self.tokens if t.is_alpha]

    @cached_property
    def first_word(self) -> int:
        """The index of the first of ``words``, else ``start``."""
        return self.words[0].i if self.words else self.start

    @cached_property
    def lemmas(self) -> list[str]:
        """``lemma_of`` each of ``tokens`` (made once)."""
        return [lemma_of(t) for t in self.tokens]

    @cached_property
    def has_parse(self) -> bool:
        return self.doc.has_annotation("DEP")

    @cached_property
    def verb_readings(self) -> list[tuple[int, tuple[str, ...]]]:
        """Each of ``tokens`` (by index) with the verbs it may stand for (made once): its
        lemma, the verb table's infinitives of its form ("levert", lemmatised "levren":
        "leveren"), the lemma with a separated particle of the parse in front ("brengt ...
        uit": "uitbrengen"), and with the word before "te" in front ("uit te brengen")."""
        doc = self.doc
        out: list[tuple[int, tuple[str, ...]]] = []
        for token, lemma in zip(self.tokens, self.lemmas, strict=True):
            verbs = [lemma, *infinitives_of_form(token.lower_)]
            if self.has_parse:
                verbs += [c.lower_ + lemma for c in token.children if c.dep_ == "compound:prt"]
            i = token.i
            if i > 1 and doc[i - 1].lower_ == "te":
                verbs.append(doc[i - 2].lower_ + lemma)
            out.append((i, tuple(verbs)))
        return out


@dataclass
class UnitContext:
    """A whole unit of text (paragraph, item, comment) after its sentences were analysed."""

    doc: Doc
    text: str
    sentence_spans: list[tuple[int, int]]  # character offsets of the measured sentences
    n_words: int
    n_sentences: int
    settings: ReadabilitySettings
    resources: ReadabilityResources


Detector = Callable[[Any], list[Flag]]


@dataclass(frozen=True)
class Example:
    """A labelled example: ``text`` must (``flagged`` non-empty) or must not give the kind;
    ``flagged`` lists the expected spans."""

    text: str
    flagged: tuple[str, ...] = ()
    needs_parse: bool = False


@dataclass(frozen=True)
class FlagKind:
    """A kind of writing advice (see the module docstring)."""

    name: str
    label: str  # lower case, inside running text: "lijdende vorm"
    title: str  # capitalised, as a heading: "Lijdende vorm"
    description: str  # one Dutch sentence for readers: what it is and why it matters
    detect: Detector
    scope: Literal["sentence", "unit"] = "sentence"
    style: bool = True  # counts towards the verdict's flag rate
    wide: bool = False  # covers a whole sentence or paragraph (shown as a background)
    priority: int = 0  # higher wins when two word-level flags cover the same words
    examples: tuple[Example, ...] = ()
    # What to do first, for the report's "Eerst aanpakken" (Dutch, with {n} the count and
    # {words}, {sentences}, {abbreviations}, {paragraphs} in singular or plural); None: the
    # kind gives no such line.
    fix: str | None = None
    fix_one: str | None = None  # the same for one, where more than the noun changes


KINDS: dict[str, FlagKind] = {}


def register(kind: FlagKind) -> FlagKind:
    """Add a kind to the registry (once per name)."""
    if kind.name in KINDS:
        raise ValueError(f"flag kind {kind.name!r} is registered twice")
    KINDS[kind.name] = kind
    return kind


# --- helpers shared by detectors -----------------------------------------------------------

P = ParamSpec("P")
R = TypeVar("R")


def per_token(fn: Callable[P, R]) -> Callable[P, R]:
    """Remember a function of a token (and hashable arguments) for the Doc being read.

    Detectors ask for the same keys of a token many times (once per candidate term and
    window); the answers depend only on the token's annotations, which do not change while a
    Doc is analysed. Only the latest Doc's answers are kept (so memory stays flat); the
    (Doc, answers) pair is replaced as one tuple, so threads never mix two Docs' answers.
    """
    latest: tuple[Any, dict[Any, Any]] = (None, {})

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        nonlocal latest
        token: Any = args[0]
        doc = token.doc
        pair = latest
        if pair[0] is not doc:
            pair = latest = (doc, {})
        memo = pair[1]
        key = (token.i, args[1:], tuple(kwargs.items())) if kwargs else (token.i, args[1:])
        found = memo.get(key, memo)
        if found is memo:
            found = memo[key] = fn(*args, **kwargs)
        return found  # type: ignore[no-any-return]

    return wrapper


def doc_contains(doc: Doc, text: str) -> bool:
    """Whether ``text`` occurs in the Doc's text (found once per Doc and text): lets a
    detector skip a search that cannot succeed (no "[" anywhere: no placeholder)."""
    key = f"gemeentetaal.contains.{text}"
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = text in doc_text(doc)
    return bool(found)


def make_flag(
    doc: Doc,
    first: int,
    last: int,
    kind: str,
    message: str,
    suggestion: str | None,
    replacement: str | None = None,
    term: str | None = None,
) -> Flag:
    """A flag covering tokens ``first``..``last`` (inclusive), its text as the Doc has it
    there (``Span.text``), offsets and text read from the Doc's arrays and text."""
    arrays = doc_arrays(doc)
    start = arrays.idx[first]
    end = arrays.idx[last] + arrays.length[last]
    return Flag(kind, start, end, doc_text(doc)[start:end], message, suggestion, replacement, term)


def quote(text: str) -> str:
    return f"‘{text}’"


def alternatives(text: str) -> str:
    """``"a / b"`` from a word list as ``‘a’ of ‘b’``."""
    parts = [p.strip() for p in text.split("/") if p.strip()]
    return " of ".join(quote(p) for p in parts)


def lemma_of(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def is_name(token: Token, sentence_start: int) -> bool:
    """PROPN, or capitalised inside a sentence, or capitalised first word after a colon or
    comma ("Wethouder: Keuning", where the parser starts a new sentence at the name)."""
    if token.pos_ == "PROPN":
        return True
    if not token.text[:1].isupper():
        return False
    if token.i != sentence_start:
        return True
    # the character before the token, skipping spaces and tabs (not line breaks)
    doc, j = token.doc, token.i - 1
    if j >= 0 and doc[j].whitespace_:
        return doc[j].text[-1:] in ":,"
    while j >= 0 and doc[j].is_space and not doc[j].text.strip(" \t"):
        j -= 1
    return j >= 0 and not doc[j].is_space and doc[j].text[-1:] in ":,"


def in_proper_name(doc: Doc, first: int, last: int) -> bool:
    """Capitalised words inside a sentence ("Team Beheer Openbare Ruimte", "de Verordening
    Afvalstoffen") are part of a name: the writer cannot replace them."""
    span = doc[first : last + 1]
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(t.text[:1].isupper() for t in words) and first > span.sent.start
