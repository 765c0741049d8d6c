"""Officialese (*ambtelijke taal*): terms of ``officialese.csv`` with a plainer alternative.

Terms match on word forms and lemmas: one-word terms on the form, the lemma or a guessed
infinitive ("faciliteert" -> "faciliteren"); separable verbs also split ("vindt ... plaats"
for "plaatsvinden", by the parse's ``compound:prt`` or, without a parse, a particle later in
the clause); phrases as a sequence of forms or lemmas, and phrases with a verb also when the
verb moved ("draagt zorg voor"). The longest match wins; matches do not overlap; words inside
a capitalised name ("Team Openbare Ruimte") are left alone. Some terms are officialese in one
reading only (``CONTEXT_RULES``: "mogelijk" as an adverb, "deze" standing alone).

The advice names the alternatives; when the first one can replace the span as it stands
(``dropin`` in the list) it is inflected to fit (participle for participle, finite verb for
finite verb, plural for plural, "-e" for an attributive adjective) and given as the flag's
``replacement``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pipeline.readability.flags.base import (
    Example,
    Flag,
    FlagKind,
    SentenceContext,
    alternatives,
    in_proper_name,
    lemma_of,
    make_flag,
    quote,
    register,
)
from pipeline.readability.flags.nominalisation import nominal_infinitive_start
from pipeline.readability.morphology import (
    attributive,
    inflect_like,
    inflect_noun_like,
    verb_guesses,
)
from pipeline.readability.resources import OfficialeseTerm, phrase_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

SPREAD_WINDOW = 4  # extra tokens a moved verb phrase may span ("draagt hier zorg voor")


def _keys(token: Token) -> tuple[str, ...]:
    return token.lower_, lemma_of(token)


def _first_keys(token: Token) -> tuple[str, ...]:
    """The form, the lemma, a separable verb's full lemma, then guessed infinitives, in that
    order: when two one-word terms match (*betreffende* and *betreffen*), the earlier key's
    term wins, the same on every run."""
    keys = [token.lower_, lemma_of(token)]
    particle = _particle(token)
    if particle is not None:
        keys.insert(0, particle.lower_ + lemma_of(token))
    keys += sorted(verb_guesses(token.lower_))
    return tuple(dict.fromkeys(keys))


def _particle(token: Token) -> Token | None:
    """The separated particle of a verb ("vindt ... plaats"), from the parse."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in token.children if c.dep_ == "compound:prt"), None)


def _is_adverb(token: Token) -> bool:
    return token.pos_ == "ADV" or token.dep_ == "advmod"


def _stands_alone(token: Token) -> bool:
    """A demonstrative used as a pronoun ("Wij sturen deze naar u"), not before a noun."""
    if token.pos_:
        return token.pos_ == "PRON" or token.dep_ in ("nsubj", "obj", "obl", "nmod")
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return nxt is None or nxt.is_punct or nxt.lower_ in ("is", "zijn", "wordt", "worden")


# Terms that are officialese in one reading only; the rule must hold for the flag.
CONTEXT_RULES: dict[str, Callable[[Token], bool]] = {
    "mogelijk": _is_adverb,
    "deze": _stands_alone,
    "dit": _stands_alone,
}


def _match_contiguous(tokens: list[Token], k: int, words: tuple[str, ...]) -> int | None:
    if k + len(words) > len(tokens):
        return None
    if len(words) == 1:
        return k if words[0] in _first_keys(tokens[k]) else None
    for offset, word in enumerate(words):
        if word not in _keys(tokens[k + offset]):
            return None
    return k + len(words) - 1


def _match_spread(tokens: list[Token], k: int, words: tuple[str, ...], window: int) -> int | None:
    """Words of a verb phrase in order within ``window`` tokens, the verb anywhere in it
    ("draagt zorg voor" for "zorg dragen voor")."""
    verb = phrase_verb(words)
    if verb is None:
        return None
    rest = list(words)
    rest.remove(verb)
    stop = min(len(tokens), k + window)
    first_keys = _keys(tokens[k])
    if words[0] not in first_keys and verb not in first_keys:
        return None
    found_verb = False
    position = 0
    last = k
    for j in range(k, stop):
        keys = _keys(tokens[j])
        if not found_verb and verb in keys:
            found_verb = True
            last = max(last, j)
        elif position < len(rest) and rest[position] in keys:
            position += 1
            last = max(last, j)
        if found_verb and position == len(rest):
            return last
    return None


def _candidates(token: Token, ctx: SentenceContext) -> list[OfficialeseTerm]:
    resources = ctx.resources
    out: list[OfficialeseTerm] = []
    for key in _first_keys(token):
        out.extend(resources.officialese_by_first.get(key, ()))
    out.extend(resources.officialese_spread_index.get(token.lower_, ()))
    out.extend(resources.officialese_spread_index.get(lemma_of(token), ()))
    return out


def _capitalised_like(text: str, replacement: str) -> str:
    if text[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def replacement_for(token: Token, term: OfficialeseTerm, span_text: str) -> str | None:
    """The first alternative inflected to replace the one-token span, or None when that is
    not reliable (a rewrite is needed, or the form is not recognised)."""
    if not term.dropin or not term.alternative:
        return None
    alternative = term.first_alternative
    form = token.lower_
    if len(term.words) > 1:
        verb = phrase_verb(term.words)
        if verb is not None and span_text.lower().split() != list(term.words):
            return None  # the verb of the phrase is inflected or moved
        return _capitalised_like(span_text, alternative)
    if form == term.term:
        result: str | None = alternative
    elif term.pos == "verb" or (not term.pos and term.term.endswith("en")):
        result = inflect_like(form, term.term, alternative) if " " not in alternative else None
    elif term.pos == "noun":
        result = inflect_noun_like(form, term.term, alternative)
    elif term.pos == "adj" and form in (term.term + "e", attributive(term.term)):
        result = " ".join([*alternative.split()[:-1], attributive(alternative.split()[-1])])
    else:
        result = None
    return _capitalised_like(span_text, result) if result else None


def detect(ctx: SentenceContext) -> list[Flag]:
    """Officialese terms in one sentence (see the module docstring)."""
    doc = ctx.doc
    tokens = ctx.tokens
    flags: list[Flag] = []
    k = 0
    while k < len(tokens):
        best: tuple[int, OfficialeseTerm] | None = None
        for term in _candidates(tokens[k], ctx):
            last = _match_contiguous(tokens, k, term.words)
            if last is None and len(term.words) > 1:
                last = _match_spread(tokens, k, term.words, window=len(term.words) + SPREAD_WINDOW)
            if last is None:
                continue
            rule = CONTEXT_RULES.get(term.term)
            if rule is not None and not rule(tokens[k]):
                continue
            if best is None or last > best[0]:
                best = (last, term)
        if best is None:
            k += 1
            continue
        last, term = best
        first_i, last_i = tokens[k].i, tokens[last].i
        if in_proper_name(doc, first_i, last_i) or (
            len(term.words) == 1 and nominal_infinitive_start(tokens[k], ctx) is not None
        ):  # "het realiseren van": the nominalisation is the advice (one word, one kind)
            k = last + 1
            continue
        particle = _particle(tokens[k]) if len(term.words) == 1 else None
        if particle is not None and particle.i > last_i and term.term.startswith(particle.lower_):
            last_i = particle.i  # "vindt ... plaats"
        span_text = doc[first_i : last_i + 1].text
        contiguous = last_i - first_i + 1 == len(term.words)
        replacement = replacement_for(tokens[k], term, span_text) if contiguous else None
        alt = term.alternative
        suggestion = f"Schrijf liever {alternatives(alt)}." if alt else None
        if alt and not term.dropin and term.note:
            suggestion = f"{suggestion} {term.note}" if suggestion else term.note
        shown = span_text if last_i - first_i < 4 else f"{doc[first_i].text} … {doc[last_i].text}"
        flags.append(
            make_flag(
                doc,
                first_i,
                last_i,
                "officialese",
                f"Ambtelijke taal: {quote(shown)}.",
                suggestion,
                replacement,
            )
        )
        k = last + 1
    return flags


KIND = register(
    FlagKind(
        name="officialese",
        label="ambtelijke taal",
        title="Ambtelijke taal",
        description=(
            "Ambtelijke woorden maken een tekst stijf en moeilijk. Kies het gewone woord."
        ),
        detect=detect,
        priority=2,
        examples=(
            Example("Indien u vragen heeft, bel ons.", ("Indien",)),
            Example("Wij verstrekken u een nieuwe pas.", ("verstrekken",)),
            Example("In het kader van de wet betaalt u minder.", ("In het kader van",)),
            Example("U krijgt een nieuwe pas als u vragen heeft."),
            Example("Bel het Team Openbare Ruimte."),
        ),
    )
)
