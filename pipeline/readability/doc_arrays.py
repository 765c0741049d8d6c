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

import numpy

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class DocArrays:
    """Per token of a Doc (by index): head index (absolute), dependency label, POS, lower-case
    form, whether it is punctuation or white space, the hashes of its morphology, lemma,
    fine-grained tag, entity type and verbatim text (keys for lookups that depend on them), and
    its character offset and length in the Doc's text. ``memo`` holds what users derive from
    them for this Doc."""

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
    idx: list[int]
    length: list[int]
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
        IDX,
        IS_PUNCT,
        IS_SPACE,
        LEMMA,
        LENGTH,
        LOWER,
        MORPH,
        ORTH,
        POS,
        TAG,
    )  # fmt: skip

    strings = doc.vocab.strings
    n = len(doc)
    if n:
        attrs = [HEAD, DEP, POS, LOWER, IS_PUNCT, IS_SPACE, MORPH, LEMMA, TAG, ENT_TYPE, ORTH, IDX,
                 LENGTH]  # fmt: skip
        table = doc.to_array(attrs)
        # one list per column (no list per token); HEAD is a relative offset stored unsigned
        cols = table.T.tolist()
        head = (table[:, 0].view(numpy.int64) + numpy.arange(n)).tolist()
        arrays = DocArrays(
            head=head,
            dep=[strings[v] if v else "" for v in cols[1]],
            pos=[strings[v] if v else "" for v in cols[2]],
            lower=[strings[v] for v in cols[3]],
            punct=[v == 1 for v in cols[4]],
            space=[v == 1 for v in cols[5]],
            morph=cols[6],
            lemma=cols[7],
            tag=cols[8],
            ent=cols[9],
            orth=cols[10],
            idx=cols[11],
            length=cols[12],
        )
    else:
        arrays = DocArrays([], [], [], [], [], [], [], [], [], [], [], [], [])
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
