"""LiNT-II sentence features from a spaCy parse (Pander Maat et al. 2023; lint-ii 0.1.3).

Re-implemented after lint-ii 0.1.3 (``core/word_features.py``, ``core/sentence_analysis.py``)
with its data files (``pipeline/data/lint_*``), for any Dutch spaCy pipeline with UD POS,
morphology and a dependency parse:

- content word: POS NOUN, PROPN, VERB or ADJ, not a copula (dep ``cop``), not a numeral; or a
  manner adverb from lint-ii's list;
- word frequency: SUBTLEX-NL Zipf of the lowercased word form of content words except proper
  nouns; nouns use the compound head from the noun list; words on lint-ii's skiplist are left
  out; unseen words get lint-ii's zero-count value 1.359;
- finite verb (= clause): ``VerbForm=Fin`` in the morphology (lint-ii reads the Lassy tag
  ``WW|pv``, which nl_core_news_lg has and UD-only pipelines such as nl_ud_sm lack);
- dependency length: words between a word and its head, punctuation not counted; a conjunct
  takes the head of the first conjunct, a subject of a coordinated verb also counts to the
  other conjuncts; max per sentence, None for one-word sentences;
- concreteness: nouns looked up (form, then lemma) in lint-ii's noun list; concrete /
  (concrete + abstract + undefined); unknown nouns are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.readability.doc_arrays import DocArrays, doc_arrays
from pipeline.readability.resources import ReadabilityResources

ZERO_COUNT_ZIPF = 1.359228547196266  # lint-ii: log10(1 / total_count * 1e9)
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
SUBORDINATE_DEPS = frozenset({"acl:relcl", "advcl", "ccomp", "csubj", "csubj:pass", "acl"})


@dataclass(frozen=True)
class LintSentence:
    """LiNT-II ingredients of one sentence; None where the pipeline lacks the annotation."""

    freq_sum: float
    freq_n: int
    max_sdl: int | None
    n_content_words: int | None
    n_clauses: int | None
    n_concrete: int
    n_classified: int

    @property
    def content_words_per_clause(self) -> float | None:
        if not self.n_clauses or self.n_content_words is None:
            return None
        return self.n_content_words / self.n_clauses


def is_numeral(token: Token) -> bool:
    return bool(token.morph.get("NumType", [])) or "TW" in token.tag_


def is_content_word(token: Token, resources: ReadabilityResources) -> bool:
    """lint-ii's content-word test (see module docstring)."""
    if is_numeral(token) or token.dep_ == "cop":
        return False
    return token.pos_ in CONTENT_POS or token.lower_ in resources.manner_adverbs


def is_finite_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm", [])


def word_frequency(
    token: Token, resources: ReadabilityResources, content: bool | None = None
) -> float | None:
    """SUBTLEX-NL Zipf of a content word (not a proper noun), as lint-ii computes it.
    ``content``: ``is_content_word`` of the token, when the caller knows it."""
    if content is None:
        content = is_content_word(token, resources)
    if token.pos_ == "PROPN" or not content:
        return None
    lemma = token.lemma_.lower()
    if lemma in resources.subtlex_skiplist or token.lower_ in resources.subtlex_skiplist:
        return None
    text = token.lower_
    if token.pos_ == "NOUN":
        info = resources.noun_info(text)
        if info is not None and info[2]:
            text = info[2]
    zipf = resources.subtlex_zipf(text)
    return ZERO_COUNT_ZIPF if zipf is None else zipf


def noun_type(token: Token, resources: ReadabilityResources) -> str | None:
    """``concrete``, ``abstract``, ``undefined`` or ``unknown`` for nouns, else None."""
    if token.pos_ in ("NOUN", "PROPN"):
        info = resources.noun_info(token.lower_) or resources.noun_info(token.lemma_.lower())
        if info is not None:
            return info[0]
        if token.ent_type_ in ("PERSON", "GPE"):
            return "concrete"
        if token.ent_type_ == "ORG":
            return "abstract"
        return "unknown"
    is_spec = "SPEC" in token.tag_ or (not token.tag_ and token.pos_ in ("SYM", "X"))
    if is_spec and token.lower_ in resources.measurement_units:
        return "concrete"
    return None


def _conjuncts(doc: Doc, arrays: DocArrays, i: int) -> tuple[int, ...]:
    """``doc[i].conjuncts`` as token indices (remembered with the Doc's arrays)."""
    found = arrays.memo.get(("conjuncts", i))
    if found is None:
        found = arrays.memo[("conjuncts", i)] = tuple(t.i for t in doc[i].conjuncts)
    return found  # type: ignore[no-any-return]


def _heads(doc: Doc, arrays: DocArrays, i: int) -> list[int]:
    """The heads a word's dependency length is measured to (see the module docstring)."""
    head, dep = arrays.head, arrays.dep
    current = i
    while dep[current] == "conj" and head[current] != current:
        current = head[current]
    if dep[current] == "nsubj":
        conjuncts = _conjuncts(doc, arrays, head[current])
        if conjuncts:
            return [head[current], *conjuncts]
    return [head[current]]


def max_dependency_length(doc: Doc, start: int, end: int) -> int | None:
    """Longest dependency in the sentence ``doc[start:end]``, in intervening words."""
    arrays = doc_arrays(doc)
    punct, space = arrays.punct, arrays.space
    words = [i for i in range(start, end) if not (punct[i] or space[i])]
    if len(words) < 2:
        return None
    heads = [(i, _heads(doc, arrays, i)) for i in words]
    lo = min(start, *(h for _, hs in heads for h in hs))
    hi = max(end, *(h + 1 for _, hs in heads for h in hs))
    # prefix[i]: tokens before doc index lo + i that are not punctuation (lint-ii: dep != punct)
    prefix = [0]
    dep = arrays.dep
    for i in range(lo, hi):
        prefix.append(prefix[-1] + (0 if dep[i] == "punct" or space[i] else 1))
    longest = 0
    for i, hs in heads:
        for h in hs:
            a, b = (i, h) if i <= h else (h, i)
            longest = max(longest, prefix[b - lo] - prefix[a - lo] - 1)
    return longest


def _own_subordinator(token: Token) -> bool:
    """A subordinating ``mark`` or a relative pronoun among the token's children."""
    return any(c.dep_ == "mark" or "Rel" in c.morph.get("PronType", []) for c in token.children)


def count_subclauses(doc: Doc, start: int, end: int) -> int:
    """Subordinate clauses in a parsed sentence.

    As lint-ii: tokens whose dependency (a conjunct takes its first conjunct's) is acl:relcl,
    advcl, ccomp, csubj or acl with a verb in the subtree; plus verbs with a subordinating
    ``mark`` or a relative pronoun child that the parser attached with another label.
    Unlike lint-ii, a conjunct counts only with its own subordinator: "als u hier woont,
    18 jaar of ouder bent en een laag inkomen heeft" is one subordinate clause with three
    coordinated predicates ("omdat ... en omdat ..." stays two).
    """
    arrays = doc_arrays(doc)
    head, dep, pos = arrays.head, arrays.dep, arrays.pos
    n = 0
    for i in range(start, end):
        resolved = i
        while dep[resolved] == "conj" and head[resolved] != resolved:
            resolved = head[resolved]
        if dep[resolved] in SUBORDINATE_DEPS:
            token = doc[i]
            if resolved != i and not _own_subordinator(token):
                continue  # "als u hier woont, 18 jaar bent en ... heeft": one clause
            if any(t.pos_ in ("VERB", "AUX") for t in token.subtree):
                n += 1
            continue
        if pos[i] in ("VERB", "AUX") and dep[i] not in ("ROOT", "conj", "aux", "cop"):
            n += _own_subordinator(doc[i])
    return n


WORD_FEATURES_MEMO = 100_000  # distinct (form, lemma, tags) remembered; words repeat
FEATURES = "lint_word_features"  # the memo's name in the resources


def _word_features(
    token: Token, resources: ReadabilityResources
) -> tuple[bool, float | None, bool, str | None]:
    """What LiNT-II counts of one word: content word, frequency, finite verb, noun type. They
    depend only on the token's form, lemma, tags, morphology, entity type and copula label."""
    content = is_content_word(token, resources)
    return (
        content,
        word_frequency(token, resources, content),
        is_finite_verb(token),
        noun_type(token, resources),
    )


def lint_sentence(doc: Doc, start: int, end: int, resources: ReadabilityResources) -> LintSentence:
    """LiNT-II ingredients of ``doc[start:end]``; POS/morph/parse features are None when the
    Doc has no such annotation (rule-based fallback pipeline)."""
    has_pos = doc.has_annotation("POS")
    has_morph = doc.has_annotation("MORPH")
    has_dep = doc.has_annotation("DEP")
    freq_sum, freq_n, n_content, n_finite, n_concrete, n_classified = 0.0, 0, 0, 0, 0, 0
    if has_pos:
        arrays = doc_arrays(doc)
        punct, space = arrays.punct, arrays.space
        memo = resources.memo(FEATURES)  # read first: most words were seen before
        at = slice(start, end)
        keys = zip(
            arrays.lower[at], arrays.lemma[at], arrays.pos[at], arrays.tag[at],
            [dep == "cop" for dep in arrays.dep[at]], arrays.ent[at], arrays.morph[at],
            strict=True,
        )  # fmt: skip
        for i, key in enumerate(keys, start):
            if punct[i] or space[i]:
                continue
            features = memo.get(key)
            if features is None:
                features = resources.remembered(
                    FEATURES, key, WORD_FEATURES_MEMO, _word_features, doc[i], resources
                )
            content, freq, finite, kind = features
            if freq is not None:
                freq_sum += freq
                freq_n += 1
            n_content += content
            n_finite += finite
            if kind in ("concrete", "abstract", "undefined"):
                n_classified += 1
                n_concrete += kind == "concrete"
    return LintSentence(
        freq_sum=freq_sum,
        freq_n=freq_n,
        max_sdl=max_dependency_length(doc, start, end) if has_dep else None,
        n_content_words=n_content if has_pos else None,
        n_clauses=n_finite if has_pos and has_morph else None,
        n_concrete=n_concrete,
        n_classified=n_classified,
    )
