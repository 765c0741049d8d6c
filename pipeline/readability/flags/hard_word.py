"""Hard word (*moeilijk woord*): a word a B1 reader probably does not know.

Decided in this order:
- *listed*: learned words and jargon of government, law, housing and care from
  ``pipeline/data/hard_words.txt`` (lemmas and fixed phrases: "criterium", "volmacht",
  "schorsende werking"), which frequency alone does not catch because they are common in
  official writing;
- *rare*: the word and its lemma are below ``hard_word_zipf`` in both maintained frequency
  lists, SUBTLEX-NL (film subtitles: everyday spoken Dutch, via lint-ii, EUPL-1.2) and
  wordfreq (written Dutch, several sources), and it is not a compound of common parts,
  where the left part may be a verb stem ("stempas", "inspreekavond": transparent);
- *learned*: a word with a learned (Latin, French or Greek) ending ("-iteit", "-eel",
  "-ief", "-aal") that is rare in speech (SUBTLEX-NL below ``hard_word_learned_subtlex``)
  and not common in writing (below ``hard_word_learned_zipf``);
- *english*: an English word (not a name) that is common in wordfreq's English list
  (``ENGLISH_MIN_ZIPF``) and clearly more common there than in its Dutch list
  (``ENGLISH_MARGIN``): "device", "sticky", "overall"; loans Dutch has taken in ("website",
  "team", "online", "service") are not flagged. The advice asks for a Dutch word.
Not hard words: names (also inside a law's name, "Wet medezeggenschap cliënten"),
abbreviations, numbers, verbs and participles, agent nouns of common verbs
("ondersteuner"), action nouns in -ing/-atie (the nominalisation advice covers them) and
words of an officialese match (that flag has an alternative and wins the overlap).
Thresholds were set on the development half of the annotated Amsterdam sentences
(docs/evaluation.md): fewer, surer flags.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from pipeline.frequencies import zipf_en, zipf_nl
from pipeline.readability.doc_arrays import doc_arrays, token_lemmas
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
from pipeline.readability.morphology import (
    MAX_WORD_CHARS,
    attributive,
    is_known_word,
    looks_like_participle,
    predicative_candidates,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LEARNED_ENDINGS = (
    "iteit", "iteiten", "eel", "ele", "ief", "ieve", "istiek", "istisch", "istische", "aal",
    "ale", "isme", "ant", "ante", "ent", "ente", "ensie", "antie", "atief", "atieve", "icaal",
    "icale", "iek", "ieke", "ologie", "ografie", "ueel", "uele", "air", "aire", "oir", "eus",
    "euze", "isch", "ische",
)  # fmt: skip
CONTENT_POS = frozenset({"NOUN", "ADJ", ""})  # verbs, adverbs and names are not judged
MIN_LENGTH = 5
PART_ZIPF = 3.0  # a compound part every reader knows
LINKS = ("", "s", "e", "en", "-")
VERB_NOUN_SUFFIXES = ("ing", "ingen", "atie", "aties")  # left to the nominalisation advice


def _subtlex(ctx: SentenceContext, *words: str) -> float:
    found = [ctx.resources.subtlex_zipf(w) for w in words]
    return max((f for f in found if f is not None), default=0.0)


def _common(word: str) -> bool:
    return len(word) >= 3 and zipf_nl(word) >= PART_ZIPF


def transparent_compound(word: str) -> bool:
    """A compound of common parts, where the left part may be a verb stem:
    "afwijzingsbrief", "waterkwaliteit", "inspreekavond" (inspreken + avond),
    "aanspreekvorm"."""
    if len(word) > MAX_WORD_CHARS:
        return False
    for i in range(len(word) - 4, 2, -1):
        head = word[i:]
        if not _common(head) and not (len(head) > 6 and is_known_word(head, PART_ZIPF)):
            continue
        left = word[:i]
        for link in LINKS:
            if link and not left.endswith(link):
                continue
            part = left[: len(left) - len(link)] if link else left
            if len(part) < 3:
                continue
            if _common(part) or _common(part + "en") or is_known_word(part, PART_ZIPF):
                return True
    return False


AGENT_SUFFIXES = ("ers", "er", "sters", "ster")
VERB_ZIPF = 2.0


def _verb_form_or_agent(form: str) -> bool:
    """A finite verb the tagger took for a noun ("aanga" of *aangaan*, "struin") or an agent
    noun of a common verb ("ondersteuner" of *ondersteunen*): the reader knows the verb."""
    if zipf_nl(form + "en") >= VERB_ZIPF or zipf_nl(form + "n") >= VERB_ZIPF:
        return True
    return any(
        form.endswith(suffix) and _common(form[: -len(suffix)] + "en") for suffix in AGENT_SUFFIXES
    )


@functools.lru_cache(maxsize=50_000)
def _listed(form: str, lemma: str, listed: frozenset[str]) -> bool:
    """Whether a word with this form and lemma is on the list (``_listed_keys``); made once
    per distinct word (words repeat)."""
    return any(key in listed for key in _listed_keys(form, lemma))


def _listed_keys(form: str, lemma: str) -> tuple[str, ...]:
    keys = [form, lemma]
    for ending in ("e", "en", "s"):
        if form.endswith(ending):
            keys.append(form[: -len(ending)])
    if form.endswith(("ve", "ven")):
        keys.append(form[: form.rindex("v")] + "f")  # constructieve -> constructief
    if form.endswith("heden"):
        keys.append(form[: -len("heden")] + "heid")  # wooneenheden -> wooneenheid
    if form.endswith(("ze", "zen")):
        keys.append(form[: form.rindex("z")] + "s")
    if form.endswith("e"):  # structurele -> structureel
        keys += [a for a in predicative_candidates(form) if attributive(a) == form]
    return tuple(dict.fromkeys(keys))


PREPOSITION_NEXT = frozenset({"de", "het", "een", "btw"})


@functools.lru_cache(maxsize=4)
def _phrase_starts(listed: frozenset[str]) -> frozenset[str]:
    """The first words of the listed phrases (up to the first space)."""
    return frozenset(entry.partition(" ")[0] for entry in listed if " " in entry)


def _why_hard_memo(ctx: SentenceContext) -> dict[Any, Any]:
    """The run's memo of ``why_hard`` answers, emptied when the settings object changes (the
    answers hold for one settings object)."""
    memo: dict[Any, Any] = ctx.resources.memo("hard_word.why_hard")
    if memo.get(_SETTINGS) is not ctx.settings:
        memo.clear()
        memo[_SETTINGS] = ctx.settings
    return memo


def why_hard(
    memo: dict[Any, Any], form: str, lemma: str, is_alpha: bool, pos: str, ctx: SentenceContext
) -> str | None:
    """``"rare"``, ``"learned"``, ``"english"`` or None (see the module docstring) of a token
    by its lower-case form, lemma, ``is_alpha`` and tag; remembered in ``memo``
    (``_why_hard_memo``: words repeat in a text)."""
    key = (form, lemma, is_alpha, pos)
    found = memo.get(key, memo)
    if found is memo:
        if len(memo) > MEMO_SIZE:
            memo.clear()
            memo[_SETTINGS] = ctx.settings
        found = memo[key] = _why_hard(form, lemma, is_alpha, pos, ctx)
    return found  # type: ignore[no-any-return]


_SETTINGS = "\0settings"  # the memo's entry naming the settings its answers hold for
MEMO_SIZE = 200_000  # words remembered (memory stays bounded on a long run)


def _why_hard(form: str, lemma: str, is_alpha: bool, pos: str, ctx: SentenceContext) -> str | None:
    """``why_hard`` without the memo."""
    settings = ctx.settings
    if len(form) < MIN_LENGTH or len(form) > MAX_WORD_CHARS or not is_alpha:
        return None
    if pos not in CONTENT_POS or form.endswith(VERB_NOUN_SUFFIXES):
        return None
    if looks_like_participle(form, lemma, ctx.resources) or (
        form[:-1] != lemma and looks_like_participle(form[:-1], lemma, ctx.resources)
    ):  # "ingeroosterd", "gewerkte": a verb form
        return None
    if _verb_form_or_agent(form):
        return None
    written = max(zipf_nl(form), zipf_nl(lemma) if lemma.isalpha() else 0.0)
    spoken = _subtlex(ctx, form, lemma)
    if written < settings.hard_word_zipf and spoken < settings.hard_word_zipf:
        if is_known_word(form, settings.hard_word_zipf) or (
            lemma.isalpha() and is_known_word(lemma, settings.hard_word_zipf)
        ):
            return None
        if transparent_compound(form) or (lemma.isalpha() and transparent_compound(lemma)):
            return None
        return "rare"
    if (
        form.endswith(LEARNED_ENDINGS)
        and spoken < settings.hard_word_learned_subtlex
        and written < settings.hard_word_learned_zipf
        and not transparent_compound(form)
    ):
        return "learned"
    if pos != "PROPN" and english_loan(form, written):
        return "english"
    return None


ENGLISH_MIN_ZIPF = 3.5  # a common English word ...
ENGLISH_MARGIN = 0.9  # ... clearly more common in English than in Dutch text


def english_loan(form: str, dutch_zipf: float) -> bool:
    """An English word in Dutch text ("device", "quick fix", "user"): common in wordfreq's
    English list and clearly more common there than in its Dutch one; loans Dutch has taken
    in ("website", "team", "app", "online") are as common in Dutch and are not flagged."""
    english = zipf_en(form)
    return english >= ENGLISH_MIN_ZIPF and english - dutch_zipf >= ENGLISH_MARGIN


def _flag(ctx: SentenceContext, first: int, last: int, english: bool = False) -> Flag:
    span = ctx.doc[first : last + 1]
    if english:
        return make_flag(
            ctx.doc, first, last, "hard_word", f"Engels woord: {quote(span.text)}.",
            "Gebruik een Nederlands woord, of leg het Engelse woord uit.",
        )  # fmt: skip
    explanations = ctx.resources.hard_word_explanations
    keys = (span.text.lower(), " ".join(lemma_of(t) for t in span))
    explanation = next((explanations[k] for k in keys if k in explanations), None)
    advice = (
        f"Leg het woord uit of schrijf bijvoorbeeld {quote(explanation)}."
        if explanation
        else "Kies een woord dat meer mensen kennen, of leg het woord uit."
    )
    return make_flag(
        ctx.doc, first, last, "hard_word", f"Moeilijk woord: {quote(span.text)}.", advice
    )


NAME_TITLES = frozenset({"Wet", "Besluit", "Regeling", "Verordening", "Reglement"})


def title_name_marks(doc: Doc) -> list[bool]:
    """Per token of ``doc``: a word inside the name of a law or rule ("de Wet
    medezeggenschap cliënten zorginstellingen"): up to four words after a capitalised title
    word, no punctuation. Found for the whole Doc once, kept in its ``user_data``."""
    inside = doc.user_data.get(_TITLE_NAMES)
    if inside is None:
        inside = doc.user_data[_TITLE_NAMES] = _in_title_names(doc)
    return inside  # type: ignore[no-any-return]


_TITLE_NAMES = "gemeentetaal.hard_word.in_title_name"


def _in_title_names(doc: Doc) -> list[bool]:
    """``title_name_marks`` without the memo, in one pass: a token is inside a name when a
    title word stands at most four tokens before it with no punctuation in between."""
    arrays = doc_arrays(doc)
    titles = {doc.vocab.strings[title] for title in NAME_TITLES}
    out: list[bool] = []
    last_title = -5  # the latest title word since the latest punctuation
    for i, (punct, orth) in enumerate(zip(arrays.punct, arrays.orth, strict=True)):
        out.append(i - last_title <= 4)
        if punct:
            last_title = -5
        elif orth in titles:
            last_title = i
    return out


def detect(ctx: SentenceContext) -> list[Flag]:
    """Hard words in one sentence (see the module docstring). The tokens' forms, lemmas and
    tags are read from the Doc's arrays."""
    flags: list[Flag] = []
    tokens = ctx.tokens
    listed = ctx.resources.hard_words
    first_word = ctx.first_word
    doc = ctx.doc
    arrays = doc_arrays(doc)
    lower, pos_of, lemmas = arrays.lower, arrays.pos, token_lemmas(doc)
    inside = title_name_marks(doc)
    starts = _phrase_starts(listed)
    memo = _why_hard_memo(ctx)
    n = len(tokens)
    k = 0
    while k < n:
        token = tokens[k]
        i = token.i
        text = token.text
        pos = pos_of[i]
        if (
            text.isupper()
            or pos == "PROPN"
            or (text[:1].isupper() and is_name(token, first_word))
            or inside[i]
        ):
            k += 1
            continue
        form, lemma = lower[i], lemmas[i]
        last = listed_span(tokens, k, listed, starts, lower, pos_of, lemmas)
        if last is not None:
            flags.append(_flag(ctx, i, tokens[last].i))
            k = last + 1
            continue
        reason = why_hard(memo, form, lemma, token.is_alpha, pos, ctx)
        if reason is not None:
            flags.append(_flag(ctx, i, i, english=reason == "english"))
        k += 1
    return flags


def listed_span(
    tokens: list[Token],
    k: int,
    listed: frozenset[str],
    starts: frozenset[str],
    lower: list[str],
    pos_of: list[str],
    lemmas: list[str],
) -> int | None:
    """The index of the last token of a listed hard word or phrase starting at ``k``, by the
    Doc's forms, tags and lemmas per token index (``starts``: ``_phrase_starts(listed)``)."""
    i = tokens[k].i
    form = lower[i]
    if form.partition(" ")[0] in starts:  # else no phrase can match
        for length in (3, 2):
            if k + length <= len(tokens):
                words = " ".join(lower[t.i] for t in tokens[k : k + length])
                if words in listed:
                    return k + length - 1
    pos, lemma = pos_of[i], lemmas[i]
    if (
        pos in ("VERB", "AUX", "ADP", "PROPN")
        and not form.startswith("ge")
        and not (pos == "VERB" and lemma in listed)  # a listed verb: herijken
    ):
        return None  # "inclusief btw" (a preposition), but "geprefereerde" (participle)
    if k + 1 < len(tokens) and lower[tokens[k + 1].i] in PREPOSITION_NEXT and form == lemma:
        return None  # "inclusief de btw": used as a preposition
    if _listed(form, lemma, listed):
        return k
    return None


KIND = register(
    FlagKind(
        name="hard_word",
        label="moeilijk woord",
        title="Moeilijk woord",
        description=(
            "Niet iedereen kent dit woord. Kies een woord dat meer mensen kennen, of leg het uit."
        ),
        fix="Vervang of leg {n} moeilijke {words} uit.",
        fix_one="Vervang of leg {n} moeilijk woord uit.",
        detect=detect,
        priority=0,
        examples=(
            Example("Het middensegment wordt verdeeld over koop en huur.", ("middensegment",)),
            Example("De molen geeft slagschaduw op uw huis.", ("slagschaduw",)),
            Example("Wij gebruiken een heuristiek voor de planning.", ("heuristiek",)),
            Example("U krijgt een stempas voor de verkiezingen."),
            Example("Wij zoeken een ondersteuner voor de buurt."),
            Example("Kom naar de inspreekavond in het stadhuis."),
            Example("De Wet medezeggenschap cliënten zorginstellingen geldt voor u."),
        ),
    )
)
