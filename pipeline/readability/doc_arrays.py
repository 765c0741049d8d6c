"""A parsed Doc's token annotations as plain Python lists, read once per Doc.

Detectors and LiNT-II read the same few annotations of every token many times (its head, its
dependency label, whether it is punctuation). Each ``doc[i]`` or ``token.head`` makes a new
``Token`` object; the lists here are made with one ``Doc.to_array`` call and a few list
comprehensions, and indexing a list costs a fraction of that. Only the latest Doc's arrays
are kept (memory stays flat); the (Doc, arrays) pair is replaced as one tuple, so threads
never mix two Docs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class DocArrays:
    """Per token of a Doc (by index): head index (absolute), dependency label, POS, lower-case
    form, whether it is punctuation or white space, and the hashes of its morphology, lemma,
    fine-grained tag, entity type and verbatim text (keys for lookups that depend on them).
    ``memo`` holds what users derive from them for this Doc."""

    head: list[int]
    dep: list[str]
    pos: list[str]
    lower: list[str]
    punct: list[bool]
    space: list[bool]
    morph: list[int]
    lemma: list[int]
    tag: list[int]
    ent: list[int]
    orth: list[int]
    memo: dict[Any, Any] = field(default_factory=dict, compare=False)  # derived, per Doc


_latest: tuple[object, DocArrays | None] = (None, None)


def doc_arrays(doc: Doc) -> DocArrays:
    """The arrays of ``doc`` (made once per Doc; see the module docstring)."""
    global _latest
    pair = _latest
    if pair[0] is doc and pair[1] is not None:
        return pair[1]
    from spacy.attrs import (
        DEP,
        ENT_TYPE,
        HEAD,
        IS_PUNCT,
        IS_SPACE,
        LEMMA,
        LOWER,
        MORPH,
        ORTH,
        POS,
        TAG,
    )  # fmt: skip

    strings = doc.vocab.strings
    n = len(doc)
    if n:
        attrs = [HEAD, DEP, POS, LOWER, IS_PUNCT, IS_SPACE, MORPH, LEMMA, TAG, ENT_TYPE, ORTH]
        rows = doc.to_array(attrs).tolist()
        # HEAD is relative and unsigned in the array: wrap to a signed offset
        head = [i + (r[0] if r[0] < 1 << 63 else r[0] - (1 << 64)) for i, r in enumerate(rows)]
        cols = list(zip(*rows, strict=True))
        arrays = DocArrays(
            head=head,
            dep=[strings[v] if v else "" for v in cols[1]],
            pos=[strings[v] if v else "" for v in cols[2]],
            lower=[strings[v] for v in cols[3]],
            punct=[bool(v) for v in cols[4]],
            space=[bool(v) for v in cols[5]],
            morph=list(cols[6]),
            lemma=list(cols[7]),
            tag=list(cols[8]),
            ent=list(cols[9]),
            orth=list(cols[10]),
        )
    else:
        arrays = DocArrays([], [], [], [], [], [], [], [], [], [], [])
    _latest = (doc, arrays)
    return arrays


def token_lemmas(doc: Doc) -> list[str]:
    """``flags.base.lemma_of`` of every token by index: its lemma, else its text, lower-cased
    (made once per Doc, kept with its arrays)."""
    arrays = doc_arrays(doc)
    found = arrays.memo.get(_LEMMAS)
    if found is None:
        strings = doc.vocab.strings
        found = arrays.memo[_LEMMAS] = [
            (strings[lemma] if lemma else strings[orth]).lower()
            for lemma, orth in zip(arrays.lemma, arrays.orth, strict=True)
        ]
    return found  # type: ignore[no-any-return]


def token_children(doc: Doc) -> list[list[int]]:
    """The indices of every token's children (``Token.children``, in the same order) by
    index (made once per Doc, kept with its arrays)."""
    arrays = doc_arrays(doc)
    found = arrays.memo.get(_CHILDREN)
    if found is None:
        found = [[] for _ in arrays.head]
        for i, head in enumerate(arrays.head):
            if head != i:
                found[head].append(i)
        arrays.memo[_CHILDREN] = found
    return found  # type: ignore[no-any-return]


_LEMMAS = "doc_arrays.lemmas"
_CHILDREN = "doc_arrays.children"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc (``Doc.text`` joins every token on each call) and
    kept in its ``user_data``."""
    found = doc.user_data.get(_TEXT)
    if found is None:
        found = doc.user_data[_TEXT] = doc.text
    return found  # type: ignore[no-any-return]


_TEXT = "gemeentetaal.text"
