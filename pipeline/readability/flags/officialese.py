"""Officialese (*ambtelijke taal*): terms of ``officialese.csv`` with a plainer alternative.

Terms match on word forms and lemmas: one-word terms on the form, the lemma, the verb
table's infinitive for the form ("verzocht" -> "verzoeken"), a guessed infinitive for verb
terms only ("faciliteert" -> "faciliteren"), plural nouns ("zienswijzen") and attributive
adjectives ("benodigde"); separable verbs only with their particle ("vindt ... plaats" for
"plaatsvinden", by the parse's ``compound:prt`` of a finite verb); phrases as a sequence of
forms or lemmas, and phrases with a verb also when the verb moved ("draagt zorg voor",
"komt naar voren"), not when the verb is a nominal infinitive ("het instellen van een
beroep"). The longest match wins; matches do not overlap; words inside a capitalised name
("Team Sociaal Domein") and upper-case placeholders ("[PLAATS + INDIEN NODIG]") are left
alone. Some terms are officialese in one reading only (``CONTEXT_RULES``: "mogelijk" as a
sentence adverb, "deze" standing alone, "per" before a date, "voldoen" without "aan").

The advice names the alternatives; when the first one can replace the span as it stands
(``dropin`` in the list; ``start``: only at the start of a sentence) it is inflected to fit
(participle for participle, finite verb for finite verb, also the verb of a phrase: "dient
te" -> "moet"; plural for plural, "-e" for an attributive adjective) and given as the flag's
``replacement``. Without a drop-in the note in the list says how to rewrite.

Over 500 lines on purpose: matching, the one-reading context rules and the inflected
replacement are one concern (each rule decides whether a match stands and what replaces it),
and the context rules are small predicates best read next to the matcher that calls them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from pipeline.cache import SortedTable
from pipeline.readability.doc_arrays import doc_arrays, doc_text, token_children, token_lemmas
from pipeline.readability.flags.base import (
    Example,
    Flag,
    FlagKind,
    SentenceContext,
    alternatives,
    in_proper_name,
    lemma_of,
    make_flag,
    per_token,
    quote,
    register,
)
from pipeline.readability.flags.nominalisation import (
    ADJECTIVE_ENDINGS,
    action_noun_with_object,
    action_verb,
    names_a_verb,
    nominal_infinitive_start,
    one_of,
    suggested_verbs,
)
from pipeline.readability.morphology import (
    SEPARABLE_PARTICLES,
    SG1,
    SG3,
    SHORT_VERBS,
    _verb_table,
    attributive,
    compound_head,
    infinitives_of_form,
    inflect_like,
    inflect_noun_like,
    is_form_of,
    lexeme,
    predicative_candidates,
    separable_particle,
    third_person_forms,
    verb_guesses,
)
from pipeline.readability.resources import (
    DATA_DIR,
    LINT_NOUNS,
    OfficialeseTerm,
    ReadabilityResources,
    phrase_verb,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PARTICIPLE_STARTS = ("ge", "be", "ver", "ont", "her", "er")
# register nouns whose compounds keep the register: on the development sets the annotators
# marked 19 of 26 compounds of "locatie", 7 of 9 of "opgave", every one of the others
# ("woningbouwlocaties", "publicatieportaal", "beleidskaders", "gezinsproblematiek")
COMPOUND_HEADS = frozenset({"werkzaamheden", "locatie", "opgave", "portaal", "kaders",
                            "problematiek"})  # fmt: skip
PLACE_TERMS = frozenset({"locatie"})  # nouns that name a place: "de locatie aan de Dorpsweg"
TE_WINDOW = 12  # tokens between a verb and its "te" ("dient ... mee te sturen")
CLAUSE_ENDS = frozenset({"om", "dat", "die", "omdat", "als", "wanneer", "of", "en", "maar"})
KEYS_CACHE = 50_000  # distinct tokens' keys remembered (bounded: memory stays flat)
SPREAD_WINDOW = 4  # extra tokens a moved verb phrase may span ("draagt hier zorg voor")
# irregular second-person forms the verb table has no slot for ("u bent" of "zijn"), so a
# verb phrase matches them too ("in het bezit bent van" for "in het bezit zijn van")
SECOND_PERSON = {"bent": "zijn", "hebt": "hebben", "kunt": "kunnen", "wilt": "willen",
                 "zult": "zullen"}  # fmt: skip


def _annotations(token: Token) -> tuple[str, str, str, bool, str | None]:
    """What a token's keys depend on: form, lemma, POS, whether it may be a (finite) verb,
    and its separated particle, lower-cased."""
    return _doc_annotations(token.doc)[token.i]


def _keys(token: Token) -> tuple[str, ...]:
    """The form, the lemma and, for a verb, the infinitives the verb table gives for the
    form (the lemmatiser may say "voorkomen" for "komt")."""
    return _key_pair(_annotations(token))[0]


def _keys_of(
    form: str, lemma: str, pos: str, verb_like: bool, particle: str | None
) -> tuple[str, ...]:
    """``_keys`` of a token with these annotations."""
    if verb_like:
        separable = (particle + lemma,) if particle is not None else ()  # "zetten ... in op"
        second = (SECOND_PERSON[form],) if form in SECOND_PERSON else ()
        return (form, lemma, *separable, *second, *infinitives_of_form(form))
    if pos == "ADJ" and form.startswith(PARTICIPLE_STARTS):
        # an attributive participle tagged as an adjective ("beschikbaar gestelde")
        return (form, lemma, *infinitives_of_form(form))
    return form, lemma


def _first_keys(token: Token, verb_guesses_too: bool = True) -> tuple[str, ...]:
    """The form, the lemma, a separable verb's full lemma, then guessed infinitives, in that
    order: when two one-word terms match (*betreffende* and *betreffen*), the earlier key's
    term wins, the same on every run."""
    annotations = _annotations(token)
    if verb_guesses_too:
        return _key_pair(annotations)[1]
    form, lemma, pos, _, prt = annotations
    return _first_keys_of(form, lemma, pos, prt, False)


def _key_pair(
    annotations: tuple[str, str, str, bool, str | None],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``_keys`` and ``_first_keys`` of a token with these ``_annotations``, remembered per
    annotations (words repeat: made once per process, the memo bounded)."""
    found = _KEY_PAIRS.get(annotations)
    if found is None:
        form, lemma, pos, verb_like, prt = annotations
        if len(_KEY_PAIRS) >= KEYS_CACHE:
            _KEY_PAIRS.clear()
        found = _KEY_PAIRS[annotations] = (
            _keys_of(form, lemma, pos, verb_like, prt if verb_like else None),
            _first_keys_of(form, lemma, pos, prt, True),
        )
    return found


_KEY_PAIRS: dict[
    tuple[str, str, str, bool, str | None], tuple[tuple[str, ...], tuple[str, ...]]
] = {}


@functools.lru_cache(maxsize=KEYS_CACHE)
def _first_keys_of(
    form: str, lemma: str, pos: str, particle: str | None, verb_guesses_too: bool
) -> tuple[str, ...]:
    """``_first_keys`` of a token with these annotations (made once per process)."""
    keys = [form, lemma]
    if particle is not None:
        keys.insert(0, particle + lemma)
    participle_like = form.endswith(("d", "t", "en")) and form.startswith(PARTICIPLE_STARTS)
    if verb_guesses_too and (
        not pos or pos in ("VERB", "AUX", "ADJ") or participle_like
    ):  # "verzonden" tagged as a noun
        keys += infinitives_of_form(form)
        guesses = sorted(verb_guesses(form))
        # keep the guesses the form is a form of: "bezit" is no form of "bezien"
        guesses = [g for g in guesses if is_form_of(form, g)]
        keys += guesses
    if pos == "NOUN":
        keys += _noun_stems(form)[1:]  # zienswijzen, bepalingen
    head = _compound_head(form) if pos == "NOUN" else None
    if head is not None:
        keys.append(head[1])  # uitvoeringswerkzaamheden, woningbouwlocaties
    if pos in ("ADJ", "VERB", "") and form.endswith("e"):  # onderstaande, overige
        keys.append(form[:-1])
        keys += [a for a in predicative_candidates(form) if attributive(a) == form]  # optimale
    return tuple(dict.fromkeys(keys))


def _noun_stems(form: str) -> tuple[str, ...]:
    """A noun form and, when it may be a plural, the form without its last one and two
    letters (-en: "zienswijzen" -> "zienswijze", "zienswijz") or its -s ("locaties"): a
    singular is among them ("geschiedenis" is no plural of *geschiede*)."""
    if form.endswith("en"):
        return form, form[:-1], form[:-2]
    if form.endswith("s"):
        return form, form[:-1]
    return (form,)


def _compound_head(form: str) -> tuple[int, str] | None:
    """Where a compound of a ``COMPOUND_HEADS`` noun starts its head, and the head, also in
    the plural ("woningbouwlocaties" -> (10, "locatie")), or None."""
    for stem in _noun_stems(form):
        head = compound_head(stem, COMPOUND_HEADS, min_left=4)
        if head is not None:
            return len(stem) - len(head), head
    return None


@per_token
def _particle(token: Token) -> Token | None:
    """The separated particle of a finite verb ("vindt ... plaats"), from the parse; an
    infinitive never has one ("het te nemen besluit ... voor")."""
    pos = token.pos_
    by_words = _adverb_particle_at(doc_arrays(token.doc).lower, token.i)
    if by_words is not None:
        return token.doc[by_words]
    if pos not in ("VERB", "AUX", "NOUN") or not token.doc.has_annotation("DEP"):
        return None
    if pos == "NOUN" and token.dep_ == "ROOT":
        # a finite verb tagged as a noun with its particle as a loose dependent ("De
        # werkzaamheden vangen aan op ..."): the particle must follow it
        return next(
            (
                c for c in token.children
                if c.dep_ in ("compound:prt", "dep") and c.i > token.i
                and c.lower_ in SEPARABLE_PARTICLES and c.pos_ in ("ADP", "ADV")
            ),
            None,
        )  # fmt: skip
    if token.pos_ not in ("VERB", "AUX") or "Fin" not in token.morph.get("VerbForm", ["Fin"]):
        return None
    found = [
        c for c in token.children
        if c.dep_ == "compound:prt"
        or (c.i > token.i and PARSED_AS_ADVERB.get(c.lower_) == token.lemma_)
    ]  # fmt: skip
    # of two, the one that is a particle ("staat beroep open": "open", not "beroep")
    return next((c for c in found if c.lower_ in SEPARABLE_PARTICLES), found[0] if found else None)


# Particles the parser reads as an adverb, by the verb they belong to: "Wij delen u mede
# dat ..." is *mededelen* (not "mede" = "ook").
PARSED_AS_ADVERB = {"mede": "delen"}


@functools.cache
def _finite_forms(verb: str) -> frozenset[str]:
    """The finite forms of ``verb`` (present and past; the plural is the infinitive)."""
    forms = lexeme(verb)
    return frozenset({verb, forms.sg1, forms.sg3, forms.past_sg, forms.past_pl})


# Words that may stand between a finite form of a verb in ``PARSED_AS_ADVERB`` and its
# particle: "deel ik u mede", "delen wij u mede", "deelt u mede".
BETWEEN_VERB_AND_PARTICLE = frozenset(
    {"ik", "wij", "we", "u", "je", "jullie", "hun", "hen", "hem", "haar", "ons"}
)


def _adverb_particle_at(lower: Sequence[str], i: int) -> int | None:
    """Where the particle in ``PARSED_AS_ADVERB`` of the finite verb at ``i`` is, by the
    words alone: after one to three pronouns ("Hierbij deel ik u mede", where the parser
    may take *deel* for a noun); None for "zij delen mede in de kosten" (= ook)."""
    if lower[i] not in _adverb_particle_verbs():  # most words: one set look-up
        return None
    for particle, verb in PARSED_AS_ADVERB.items():
        if lower[i] not in _finite_forms(verb):
            continue
        j = i + 1
        while j < len(lower) and j <= i + 3 and lower[j] in BETWEEN_VERB_AND_PARTICLE:
            j += 1
        if i + 1 < j < len(lower) and lower[j] == particle:
            return j
    return None


@functools.cache
def _adverb_particle_verbs() -> frozenset[str]:
    """The finite forms of every verb in ``PARSED_AS_ADVERB``."""
    return frozenset(f for verb in PARSED_AS_ADVERB.values() for f in _finite_forms(verb))


def _not_a_separated_particle(token: Token) -> bool:
    """The word as an adverb ("mede" = "ook": "mede namens"), not the separated particle of
    its verb in ``PARSED_AS_ADVERB`` ("deel u mede": *mededelen*), which the parser may hang
    on another verb: no finite form of that verb up to three words before."""
    forms = _finite_forms(PARSED_AS_ADVERB[token.lower_])
    doc = token.doc
    return not any(t.lower_ in forms for t in doc[max(0, token.i - 3) : token.i])


def _neighbour(token: Token, offset: int) -> Token | None:
    j = token.i + offset
    return token.doc[j] if 0 <= j < len(token.doc) else None


def _lower(token: Token | None) -> str:
    return token.lower_ if token is not None else ""


DETERMINERS = frozenset(
    {"de", "het", "een", "deze", "die", "dit", "dat", "elk", "elke", "geen", "zijn", "haar",
     "hun", "uw", "ons", "onze", "mijn", "alle"}
)  # fmt: skip
# words before "mogelijk" that make it predicative or part of a fixed phrase ("zo snel
# mogelijk", "waar mogelijk", "het is mogelijk", "niet mogelijk")
MOGELIJK_PREDICATIVE = frozenset(
    {"zo", "zoveel", "waar", "indien", "als", "is", "zijn", "was", "waren", "wordt", "worden",
     "werd", "blijkt", "lijkt", "niet", "nog", "ook", "goed", "snel", "veel", "weinig", "het",
     "een", "alle", "maximaal", "minimaal", "wel", "eerder", "later", "vaak"}
)  # fmt: skip
MAKEN_FORMS = frozenset({"maken", "maakt", "gemaakt", "maakte", "maakten"})
MOGELIJK_AFTER = MAKEN_FORMS | {"te", "om"}
MONTHS = frozenset(
    {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"}
)  # fmt: skip


COPULA_FORMS = frozenset(
    {"is", "zijn", "was", "waren", "wordt", "worden", "werd", "werden", "blijft", "blijven",
     "lijkt", "lijken", "blijkt", "blijken"}
)  # fmt: skip


def _mogelijk_adverb(token: Token) -> bool:
    """ "mogelijk" as a sentence adverb (= misschien), not predicative ("waar nieuwbouw
    mogelijk is", "maakt de bouw mogelijk") or in a fixed phrase."""
    prev, nxt = _neighbour(token, -1), _neighbour(token, 1)
    if token.lower_ != "mogelijk" or _lower(prev) in MOGELIJK_PREDICATIVE:
        return False
    if _lower(nxt) in COPULA_FORMS and _lower(_neighbour(token, 2)) in ("", ".", ",", ";"):
        return False  # "... waar nieuwbouw mogelijk is."
    if _lower(nxt) in COPULA_FORMS and (nxt is not None and nxt.dep_ in ("cop", "aux")):
        return False
    for j in range(token.i - 1, max(-1, token.i - 9), -1):
        if token.doc[j].is_punct:
            break
        if token.doc[j].lower_ in MAKEN_FORMS:
            return False  # "maakt de ontwikkeling mogelijk": predicative of *maken*
    if _lower(_neighbour(token, -2)) in ("zo", "zoveel"):
        return False
    if nxt is None or nxt.is_punct or nxt.lower_ in MOGELIJK_AFTER:
        return False
    if any(_lower(_neighbour(token, k)) in MAKEN_FORMS for k in (2, 3)):
        return False  # "mogelijk wordt gemaakt", "mogelijk zal worden gemaakt": predicative
    return not (nxt.pos_ in ("NOUN", "ADJ") and _lower(prev) in DETERMINERS)


def _stands_alone(token: Token) -> bool:
    """A demonstrative used as a pronoun ("Wij sturen deze naar u", "als deze onvolledig
    is", "Deze maken foto's"), not before a noun ("deze pas", "deze reeds bestaande weg").
    The small tagger calls the pronoun a determiner, so the next words decide: a verb,
    preposition or the end follow a pronoun; a noun (by its tag or the LiNT-II noun list), a
    name, or adverbs and adjectives before a noun follow a determiner."""
    doc = token.doc
    j = token.i + 1
    if j < len(doc) and not doc[j].pos_:  # no tagger: only the plainest cases
        return doc[j].is_punct or doc[j].lower_ in ("is", "zijn", "wordt", "worden")
    prev = _neighbour(token, -1)
    if prev is not None and prev.pos_ == "ADP" and prev.lower_ not in ("om", "te"):
        # after a preposition only right before a verb or the end ("met deze pas": a noun)
        nxt = doc[j] if j < len(doc) else None
        return nxt is None or nxt.is_punct or nxt.pos_ in ("VERB", "AUX")
    while j < len(doc) and doc[j].pos_ == "ADV" and j - token.i <= 2 and not _noun_like(doc[j]):
        j += 1  # "deze reeds bestaande weg", "deze snel worden overgezet"
    if j >= len(doc) or doc[j].is_punct:
        return True
    nxt = doc[j]
    if _noun_like(nxt) or nxt.pos_ in ("PROPN", "NUM"):
        return False
    if _attributive_like(nxt):
        # "als deze onvolledig is", "deze tijdig te vernieuwen"; not "deze grote woning",
        # "deze specifiek opgeleide collega's"
        while j + 1 < len(doc) and _attributive_like(doc[j + 1]):
            j += 1
        after = doc[j + 1] if j + 1 < len(doc) else None
        return after is None or not (_noun_like(after) or after.pos_ == "PROPN")
    return token.pos_ == "PRON" or nxt.pos_ != "NOUN" or _infinitive_read_as_noun(nxt)


FUNCTION_POS = frozenset({"ADP", "AUX", "CCONJ", "SCONJ", "DET", "PRON", "PART", "PUNCT"})


def _noun_like(token: Token) -> bool:
    """A noun by its tag (not an infinitive read as a noun: "kun je deze vergelijken"), by
    a capital inside the sentence, or a noun of the LiNT-II list that is no verb form."""
    pos = token.pos_
    if token.text[:1].isupper() and token.is_alpha:
        return True  # "deze Mijn Omgeving"
    if pos in FUNCTION_POS:
        return False  # "met", "wel" are nouns too, but not here
    if pos == "NOUN":
        return not (_infinitive_read_as_noun(token) or _adjective_read_as_noun(token.lower_))
    if pos == "ADV" and len(token.text) < 6:
        return False  # "niet", "samen" (nouns of the list too); "aanvraag" read as an adverb
    return _noun_or_compound(token.lower_)


@functools.lru_cache(maxsize=KEYS_CACHE)
def _adjective_read_as_noun(form: str) -> bool:
    """A word of an adjective's shape, also compared ("onleesbaar", "duidelijker"), that is no
    noun of the LiNT-II list nor a compound of one ("student", "hoofdkanaal" are nouns)."""
    base = form[:-2] if form.endswith("er") else form
    if not base.endswith(ADJECTIVE_ENDINGS) or not form.isalpha():
        return False
    return not _lint_noun_or_head(form, 6)  # "baar", "ijker" are no heads


def _lint_noun_or_head(form: str, min_head: int) -> bool:
    """A noun of the LiNT-II list, or a word ending in one of at least ``min_head`` letters
    after at least three letters of its own (a compound's head: "informatiebrief")."""
    nouns = _lint_nouns()
    return nouns.get(form) is not None or any(
        nouns.get(form[i:]) is not None for i in range(3, len(form) - min_head + 1)
    )


@functools.lru_cache(maxsize=KEYS_CACHE)
def _noun_or_compound(form: str) -> bool:
    """A noun of the LiNT-II list, or a compound whose head is one ("informatiebrief"), and no
    infinitive or third-person verb form ("vergelijken", "werkt"; "aanvraag" is a noun)."""
    if not form.isalpha() or any(
        form == inf or form in third_person_forms(inf) for inf in infinitives_of_form(form)
    ):
        return False
    return _lint_noun_or_head(form, 4)


def _attributive_like(token: Token) -> bool:
    """An adjective, a participle or verb form with an attributive -e ("opgeleide"), or an
    adjective the tagger read as a noun ("deze onleesbaar", "deze duidelijker")."""
    pos = token.pos_
    return (
        pos == "ADJ"
        or (pos == "VERB" and (token.dep_ == "amod" or token.lower_.endswith("e")))
        or (pos == "NOUN" and token.is_lower and _adjective_read_as_noun(token.lower_))
    )


MODALS = frozenset({"kunnen", "moeten", "mogen", "willen", "zullen", "gaan"})


def _infinitive_read_as_noun(token: Token) -> bool:
    """A lower-case word tagged NOUN that is an infinitive (of the verb table, or its own
    lemma) and either no noun of the LiNT-II list ("bepalen"; not "woningen", "wegen") or
    governs a modal verb ("kun je deze vergelijken")."""
    form = token.lower_
    return (
        token.is_lower
        and form.endswith("en")
        and (form in infinitives_of_form(form) or lemma_of(token) == form)
        and (
            _lint_nouns().get(form) is None
            or any(c.pos_ == "AUX" and lemma_of(c) in MODALS for c in token.children)
        )
    )


REFLEXIVES = frozenset({"zich", "me", "mij", "je", "ons", "u", "zichzelf", "mezelf", "jezelf"})
NOT_USED_BUT_SET = frozenset({"koers", "koerswijziging", "lijn", "trend", "beweging"})


def _inzetten_gebruiken(token: Token) -> bool:
    """ "wordt ingezet", "middelen inzetten" (= gebruiken), not "zich inzetten voor" (= werken
    aan), "een koers inzetten" (= beginnen) nor the noun "de inzet": no reflexive pronoun
    within three words of the verb, no course or trend near it."""
    doc = token.doc
    sent_start, sent_end = token.sent.start, token.sent.end
    near = doc[max(sent_start, token.i - 3) : min(sent_end, token.i + 4)]
    for t in near:
        nxt = _neighbour(t, 1)
        if t.lower_ in REFLEXIVES and (nxt is None or nxt.pos_ not in ("NOUN", "ADJ")):
            return False  # "zich inzetten", not "je beeldmateriaal inzetten"
    if token.lower_ == "inzet":
        # the verb only at the end of a clause ("als de gemeente geld inzet"); else the noun
        # ("de inzet van", "extra inzet", "de expertise en inzet opgenomen")
        prev, nxt = _neighbour(token, -1), _neighbour(token, 1)
        if (
            token.pos_ == "NOUN"
            or prev is None
            or prev.pos_ not in ("NOUN", "PRON", "ADV")
            or not (nxt is None or nxt.is_punct or nxt.pos_ in ("CCONJ", "SCONJ"))
        ):
            return False
    around = doc[max(sent_start, token.i - 4) : min(sent_end, token.i + 3)]
    return not any(lemma_of(t) in NOT_USED_BUT_SET for t in around)


def _geheel_adverb(token: Token) -> bool:
    """ "niet geheel uitvoeren" (= helemaal), not the noun "het geheel", "in zijn geheel"."""
    nxt = _neighbour(token, 1)
    return _lower(_neighbour(token, -1)) not in DETERMINERS | {"als", "in"} and _lower(nxt) != "van"


def _gezamenlijk_adverb(token: Token) -> bool:
    """ "gezamenlijk gemaakte afspraken" (= samen), not "de gezamenlijke belangen"."""
    nxt = _neighbour(token, 1)
    return token.lower_ == "gezamenlijk" and (nxt is None or nxt.pos_ != "NOUN")


def _is_verb(token: Token) -> bool:
    """Tagged a verb, untagged, or a verb the tagger read as a noun or name (the POS of the
    token's ``_annotations``)."""
    return _annotations(token)[2] in ("VERB", "AUX", "")


def _misread_verb(doc: Doc, i: int) -> bool:
    """A verb the tagger read as a noun or a name ("De gemeente wenst ...", "Verstrek uw
    gegevens"): a token tagged NOUN or PROPN whose form is a form of a verb in the verb table
    that the LiNT-II noun list does not know as a noun (not "verzoek", "besluit"); a
    capitalised word only where it opens the sentence (``_opens_sentence``)."""
    token = doc[i]
    if token.pos_ not in ("NOUN", "PROPN") or not _verb_not_noun(token.lower_):
        return False
    return token.text[:1].islower() or _opens_sentence(token)


@functools.lru_cache(maxsize=KEYS_CACHE)
def _verb_not_noun(form: str) -> bool:
    """``form`` is a verb form (``infinitives_of_form``) and no noun of the LiNT-II list."""
    return bool(infinitives_of_form(form)) and _lint_nouns().get(form) is None


@functools.cache
def _lint_nouns() -> SortedTable:
    """The LiNT-II noun list (its lines shared with the readability resources' copy)."""
    return SortedTable.from_gzip(DATA_DIR / "lint_nouns.tsv.gz", LINT_NOUNS)


def _wensen_as_willen(token: Token) -> bool:
    """ "u wenst een afspraak", "Wenst u een afspraak?", "indien u dat wenst" (= willen),
    not "wij wensen u veel succes": "u" is the subject (right before the verb, or right
    after it where the verb opens the sentence), an infinitive follows in the clause, or the
    clause ends at the verb."""
    if not _is_verb(token):
        return False
    nxt = _neighbour(token, 1)
    if nxt is None or nxt.is_punct or _lower(_neighbour(token, -1)) == "u":
        return True
    if nxt.lower_ == "u" and _opens_sentence(token):
        return True
    for j in range(token.i + 1, min(len(token.doc), token.i + 7)):
        other = token.doc[j]
        if other.is_punct:
            break
        if other.lower_ == "te" or "Inf" in other.morph.get("VerbForm", []):
            return True
    return False


# What one pays ("het bedrag voldoen"): "voldoen" means "betalen" only with one of these
PAYMENTS = frozenset({
    "bedrag", "bedragen", "aanslag", "aanslagen", "factuur", "facturen", "rekening",
    "rekeningen", "kosten", "leges", "belasting", "belastingen", "boete", "boetes", "premie",
    "premies", "huur", "nota", "nota's", "termijn", "termijnen", "schuld", "schulden",
    "heffing", "heffingen", "bijdrage", "bijdragen", "vergoeding", "contributie", "tarief",
    "som", "€", "euro",
})  # fmt: skip


def _voldoen_as_betalen(token: Token) -> bool:
    """ "het bedrag voldoen" (= betalen), not "voldoen aan de eisen" nor "documenten die
    voldoen" (= goed genoeg zijn): a payment word (``PAYMENTS``) near it, no "aan"."""
    doc = token.doc
    window = doc[max(0, token.i - 8) : min(len(doc), token.i + 3)]
    return not any(t.lower_ == "aan" for t in window) and any(t.lower_ in PAYMENTS for t in window)


def _words_around(token: Token, back: int, ahead: int, to_punct: bool = False) -> list[str]:
    """The lower-case words of ``token``'s sentence up to ``back`` before and ``ahead`` after
    it (not the token itself); ``to_punct``: each side stops at punctuation (the clause)."""
    doc, sent = token.doc, token.sent
    found: list[str] = []
    for step, n in ((-1, back), (1, ahead)):
        i = token.i + step
        while sent.start <= i < sent.end and abs(i - token.i) <= n:
            if to_punct and doc[i].is_punct:
                break
            found.append(doc[i].lower_)
            i += step
    return found


def _in_clause(token: Token, words: tuple[str, ...]) -> bool:
    """One of ``words`` within eight words of ``token`` in its sentence: the bezwaar
    clause's "staat beroep open", "schorst de werking", "ontslaat ... van de verplichting"."""
    return any(w in words for w in _words_around(token, 8, 8))


def _zich_verenigen_met(token: Token) -> bool:
    """ "u zich niet met dit besluit kunt verenigen" (= het eens zijn), not "de partijen
    verenigen zich in een bond": "zich" and "met" in its clause."""
    near = _words_around(token, 8, 3)
    return "zich" in near and "met" in near


def _gezien_preposition(token: Token) -> bool:
    """ "Gezien de hoogte ..." (= door, omdat), not the participle "heb ik gezien"."""
    prev = _neighbour(token, -1)
    return _lower(_neighbour(token, 1)) in DETERMINERS and (
        prev is None or prev.is_punct or token.is_sent_start is True
    )


def _uiterlijk_deadline(token: Token) -> bool:
    """ "uiterlijk vrijdag 12 maart" (= op zijn laatst), not "het uiterlijk van het gebouw"."""
    nxt = _neighbour(token, 1)
    if nxt is None:
        return False
    days = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
    return nxt.like_num or nxt.lower_ in (*days, "op", "in", "om", "binnen", *MONTHS)


def _mocht_conditional(token: Token) -> bool:
    """ "Mocht u vragen hebben" (= als) at the start of a clause, not "hij mocht komen"."""
    prev = _neighbour(token, -1)
    return prev is None or prev.is_punct or token.is_sent_start is True


def _enkel_alleen(token: Token) -> bool:
    """ "enkel" = alleen ("enkel voor bewoners"), not "enkele voorbeelden", "geen enkel"."""
    return token.lower_ == "enkel" and _lower(_neighbour(token, -1)) not in DETERMINERS | {"één"}


def _before_date(token: Token) -> bool:
    """ "per 1 januari" (= vanaf), not "per jaar", "per persoon"."""
    nxt, after = _neighbour(token, 1), _neighbour(token, 2)
    return nxt is not None and nxt.like_num and _lower(after) in MONTHS


SUBJECT_STARTS = DETERMINERS | frozenset(
    {"dit", "het", "er", "we", "wij", "u", "zij", "ze", "hij", "men", "iedereen"}
)


def _daar_conjunction(token: Token) -> bool:
    """ "daar" = omdat at the start of a clause followed by its subject ("Daar de kosten
    hoger waren, ..."), not the adverb ("Daar staat de school", "wij wonen daar")."""
    prev, nxt = _neighbour(token, -1), _neighbour(token, 1)
    clause_start = prev is None or token.is_sent_start is True or prev.text in (",", ";")
    return (
        token.lower_ == "daar"
        and clause_start
        and nxt is not None
        and (nxt.lower_ in SUBJECT_STARTS or nxt.pos_ == "PROPN")
        and nxt.pos_ not in ("VERB", "AUX")
    )


def _gehouden_verplicht(token: Token) -> bool:
    """ "gehouden zijn" = verplicht zijn ("u bent gehouden de kosten te betalen", "gehouden
    aan"), not the passive of "rekening houden" ("is rekening gehouden met")."""
    doc = token.doc
    for t in doc[token.i : min(len(doc), token.i + SPREAD_WINDOW + 2)]:
        if t.lower_ == "gehouden":
            return _lower(_neighbour(t, -1)) != "rekening" and _lower(_neighbour(t, 1)) in (
                "te", "om", "aan", "tot", "de", "het", "een", "zijn", "hun", "uw",
            )  # fmt: skip
    return False


def _ad_amount(token: Token) -> bool:
    """ "ad" before an amount ("ad € 500", "ad 3%"), not "ad hoc"."""
    nxt = _neighbour(token, 1)
    return nxt is not None and (nxt.like_num or nxt.text in ("€", "EUR"))


def _ex_article(token: Token) -> bool:
    """ "ex" before an article of a law or regulation ("ex art. 36", "ex artikel 4:8")."""
    return _lower(_neighbour(token, 1)).rstrip(".") in ("art", "artikel")


def _bij_deze_alone(token: Token) -> bool:
    """ "Bij deze" as a formula ("Bij deze nodig ik u uit"), not "bij deze brief"."""
    after = _neighbour(token, 2)
    return after is None or after.is_punct or after.pos_ in ("VERB", "AUX", "PRON", "ADV")


PERSONAL_PRONOUNS = frozenset({"ik", "wij", "we", "u", "je", "jij", "jullie"})


def _hierbij_letter(token: Token) -> bool:
    """ "Hierbij sturen wij u ...", "ontvangt u hierbij": the letter formula, with a person
    within three words; not "Hierbij is gekeken naar ...", "speelt hierbij een rol"."""
    doc = token.doc
    window = doc[max(0, token.i - 3) : min(len(doc), token.i + 4)]
    return any(t.lower_ in PERSONAL_PRONOUNS for t in window)


SHOWN_PAPERS = (
    "stuk", "stukken", "document", "documenten", "bewijs", "bewijsstuk", "bewijsstukken",
    "kopie", "kopieën", "verklaring", "uittreksel", "legitimatie", "legitimatiebewijs",
    "paspoort", "identiteitsbewijs", "bescheiden", "contract", "factuur", "facturen", "bon",
    "bonnen", "loonstrook", "loonstroken", "afschrift", "afschriften",
)  # fmt: skip


def _overleggen_as_show(token: Token) -> bool:
    """ "de stukken overleggen" (= laten zien, inleveren), not "overleggen met bewoners" or
    the plural noun "de overleggen": a paper (a compound counts by its head: "bankafschrift")
    within five words before."""
    doc = token.doc
    return any(
        t.lower_.endswith(SHOWN_PAPERS) for t in doc[max(0, token.i - 5) : token.i]
    ) and not any(t.lower_ == "met" for t in doc[token.i + 1 : token.i + 3])


# Terms that are officialese in one reading only; the rule must hold for the flag.
def _welke_relative(token: Token) -> bool:
    """ "welke" as a relative pronoun after a noun or a comma ("het tijdstip, welke ...",
    "de kosten welke u maakt"), not the question word or determiner ("Voor welke kosten?",
    "welke stukken u nodig heeft")."""
    if token.lower_ != "welke":
        return False
    prev, nxt = _neighbour(token, -1), _neighbour(token, 1)
    if prev is None or not (prev.text == "," or prev.pos_ in ("NOUN", "PROPN")):
        return False
    if nxt is not None and nxt.pos_ in ("NOUN", "ADJ") and nxt.lower_ not in DETERMINERS:
        return False  # "de vraag welke kosten ...": a determiner
    return not token.sent.text.rstrip().endswith("?")


MONEY_WORDS = frozenset({"geld", "vermogen", "aandelen", "spaargeld", "reserves", "rente"})


def _beleggen_as_a_task(token: Token) -> bool:
    """ "de taak wordt lokaal belegd" (a task placed somewhere), not "geld beleggen in
    aandelen" (investing): no money word in the sentence."""
    return not any(t.lower_ in MONEY_WORDS for t in token.sent)


def _aanleiding_not_named(token: Token) -> bool:
    """ "geen aanleiding zien", "is aanleiding om" (= reden), not "de aanleiding van dit
    plan" (a heading's word for the plan's background)."""
    return _lower(_neighbour(token, -1)) != "de"


CONTEXT_RULES: dict[str, Callable[[Token], bool]] = {
    "welke": _welke_relative,
    "mogelijk": _mogelijk_adverb,
    "deze": _stands_alone,
    "inzetten": _inzetten_gebruiken,
    "beleggen": _beleggen_as_a_task,
    "aanleiding": _aanleiding_not_named,
    "dit": _stands_alone,
    "geheel": _geheel_adverb,
    "gezamenlijk": _gezamenlijk_adverb,
    "wensen": _wensen_as_willen,
    "voldoen": _voldoen_as_betalen,
    "per": _before_date,
    "enkel": _enkel_alleen,
    "gezien": _gezien_preposition,
    "uiterlijk": _uiterlijk_deadline,
    "mocht": _mocht_conditional,
    "nabij": lambda token: token.lower_ == "nabij",  # not "de nabije toekomst"
    "mochten": _mocht_conditional,
    "bij deze": _bij_deze_alone,
    "hierbij": _hierbij_letter,
    "overleggen": _overleggen_as_show,
    "daar": _daar_conjunction,
    "ad": _ad_amount,
    "ex": _ex_article,
    "gehouden zijn": _gehouden_verplicht,
    "mede": _not_a_separated_particle,
    "verenigen": _zich_verenigen_met,
    "openstaan": lambda token: _in_clause(token, ("beroep", "bezwaar")),
    "schorsen": lambda token: _in_clause(token, ("werking",)),
    "ontslaan": lambda token: _in_clause(token, ("verplichting",)),
}
# Adjective readings that need another alternative than the listed (preposition) one.
ATTRIBUTIVE_ALTERNATIVES = {"betreffende": "deze / die"}
# plural terms whose plain word is a singular "het" word: after "de" the drop-in takes the
# article along; as a subject none is offered (the verb would change too)
WITH_ARTICLE = {"werkzaamheden": "het"}
SUBJECT_ALTERNATIVES = {"deze": "die"}  # the alternatives of a subject (no object pronoun)


def _match_contiguous(
    tokens: list[Token], k: int, words: tuple[str, ...], verb: bool = True
) -> int | None:
    """``verb``: the term may be a verb, so guessed infinitives count as keys (a noun term
    never matches a verb guess: "gemiddelde" is not a form of "middelen")."""
    if k + len(words) > len(tokens):
        return None
    if len(words) == 1:
        keys = _first_keys(tokens[k], verb_guesses_too=verb)
        return k if words[0] in keys else None
    last = len(words) - 1
    for offset, word in enumerate(words):
        token = tokens[k + offset]
        if word in FORM_ONLY:  # "ten minste" is no "te" ("dient ten" matched "dienen te")
            if token.lower_ != word:
                return None
        elif word not in (_first_keys if offset == 0 else _keys)(token) and not (
            offset == last and _pronominal(token.lower_, word)
        ):
            return None
    return k + last


# plain verbs whose perfect takes "zijn" ("is gebeurd"), where the officialese one may take
# "hebben" ("heeft plaatsgevonden")
ZIJN_VERBS = frozenset({
    "gebeuren", "gaan", "komen", "blijken", "ontstaan", "doorgaan", "ingaan", "vastlopen",
    "voorgaan", "worden", "blijven", "zijn", "verdwijnen", "vallen",
})  # fmt: skip
HEBBEN_FORMS = frozenset({"heb", "hebt", "heeft", "hebben", "had", "hadden"})


def _auxiliary_would_change(token: Token, term: OfficialeseTerm) -> bool:
    """A participle with a form of "hebben" in its clause whose plain verb takes "zijn"
    (``ZIJN_VERBS``): the drop-in would need another auxiliary too."""
    words = term.first_alternative.split()
    if not words or words[0] not in ZIJN_VERBS or "Part" not in token.morph.get("VerbForm", []):
        return False
    clause = _words_around(token, len(token.doc), len(token.doc), to_punct=True)
    return not HEBBEN_FORMS.isdisjoint(clause)


# Terms whose drop-in does not fit before a word that follows them in the clause: "toetsen
# aan de regels" (not "controleren aan"), "borgen dat" (= "ervoor zorgen dat", not
# "vastleggen dat")
BLOCKING_NEXT_WORDS = {"toetsen": "aan", "borgen": "dat"}
ATTRIBUTIVE_DROPINS = {"vereiste": "nodige"}  # before a noun: "de vereiste documenten"


def _blocked_by_next_word(token: Token, term: OfficialeseTerm) -> bool:
    """The word of ``BLOCKING_NEXT_WORDS`` follows ``token`` within four words, before a
    comma."""
    word = BLOCKING_NEXT_WORDS.get(term.term)
    return word is not None and word in _words_around(token, 0, 4, to_punct=True)


# Heads of nouns that name a meeting or event: it "is" somewhere, it does not "gebeuren"
EVENT_ENDINGS = (
    "vergadering", "bijeenkomst", "avond", "middag", "ochtend", "spreekuur", "gesprek",
    "overleg", "atelier", "markt", "sessie", "workshop", "excursie", "viering", "opening",
    "festival", "wedstrijd", "cursus", "training", "les", "inloop", "dag", "week", "feest",
    "presentatie", "rondleiding", "concert", "herdenking", "zitting", "hoorzitting",
)  # fmt: skip


def _event_subject(verb: Token, term: OfficialeseTerm) -> bool:
    """The subject of *plaatsvinden* names a meeting or event (``EVENT_ENDINGS``)."""
    if term.term != "plaatsvinden":
        return False
    for c in verb.children:
        if c.dep_.startswith("nsubj"):
            form = c.lower_
            singular = (form, form.removesuffix("en"), form.removesuffix("s"))  # avonden
            if any(f.endswith(EVENT_ENDINGS) for f in singular):
                return True
    return False


def _after_zijn(token: Token) -> bool:
    """A form of "zijn" before ``token`` in its clause ("is een vergunning vereist")."""
    return not {"is", "zijn", "was", "waren"}.isdisjoint(_words_around(token, 8, 0, to_punct=True))


# Phrases whose drop-in fails before a law or regulation ("jeugdhulp bij de Jeugdwet"; it
# is "volgens" or "op grond van" there, which depends on the sentence), and the endings of
# the words that name one
BEFORE_A_RULE = {"in het kader van": "volgens", "op grond van": "volgens"}  # -> there
KEEPS_DROPIN_BEFORE_A_RULE = frozenset({"op grond van"})  # "volgens de Participatiewet"
RULE_ENDINGS = ("wet", "regeling", "verordening", "besluit", "beleid", "reglement")


def _before_a_rule(doc: Doc, last_i: int, term: OfficialeseTerm) -> bool:
    """``term`` (``BEFORE_A_RULE``) is followed by the name of a law or regulation: its
    noun, within three words, ends in ``RULE_ENDINGS`` ("de Wet maatschappelijke
    ondersteuning", "de Subsidieregeling Sociale Samenhang")."""
    if term.term not in BEFORE_A_RULE:
        return False
    following = doc[last_i + 1 : last_i + 4]
    return any(t.lower_.endswith(RULE_ENDINGS) for t in following if t.is_alpha)


CARE_INDICATION = (
    "In de zorg is een indicatie een besluit over de zorg die iemand krijgt: zeg wat het "
    "betekent ('u krijgt zorg in een instelling')"
)


def _care_indication(token: Token) -> bool:
    """ "een indicatie voor verblijf", "medische indicatie": the care sense of *indicatie*."""
    before = _lower(_neighbour(token, -1))
    return _lower(_neighbour(token, 1)) == "voor" or before.startswith(("medisch", "zorg"))


# Compounds whose verb is not their head's: "ter besluitvorming" is "om te besluiten", not
# "om te vormen" (second trial of session 37)
TER_COMPOUND_VERBS = {"besluitvorming": "besluiten", "oordeelsvorming": "oordelen"}


# words of a phrase matched by their form only: the lemmatiser gives "te" for "ten" and "ter"
FORM_ONLY = frozenset({"te"})


PRONOMINAL_STARTS = ("daar", "hier", "waar")
# the prepositions of pronominal adverbs, by the form they take there ("daarmee": "met")
PRONOMINAL_PREPOSITIONS = {
    p: p for p in ("van", "voor", "op", "aan", "over", "in", "uit", "bij", "door", "om", "tegen",
                   "naar")
} | {"mee": "met"}  # fmt: skip


def _pronominal_preposition(form: str) -> str | None:
    """The preposition of a pronominal adverb ("daarvan": "van", "hiermee": "met"), or None."""
    if form[:4] not in PRONOMINAL_STARTS:
        return None
    return PRONOMINAL_PREPOSITIONS.get(form[4:])


def _pronominal_prepositions(tokens: list[Token]) -> set[str]:
    """The prepositions inside the sentence's pronominal adverbs ("daarvan": "van")."""
    if not tokens:
        return set()
    lower = doc_arrays(tokens[0].doc).lower
    found = (_pronominal_preposition(lower[token.i]) for token in tokens)
    return {p for p in found if p is not None}


def _pronominal(form: str, preposition: str) -> bool:
    """ "daarvan", "hiervan", "waarvan" for a phrase's last word "van" ("in afwachting
    daarvan", "naar aanleiding hiervan")."""
    return _pronominal_preposition(form) == preposition


def _match_spread(
    tokens: list[Token],
    k: int,
    words: tuple[str, ...],
    window: int,
    keys_of: list[tuple[str, ...]] | None = None,
) -> int | None:
    """Words of a verb phrase in order within ``window`` tokens, the verb anywhere in it
    ("draagt zorg voor" for "zorg dragen voor"). ``keys_of``: ``_keys`` of each of
    ``tokens``, when the caller made them already."""
    verb = phrase_verb(words)
    if verb is None or words[0] == "te":  # "te weten" only as written, not "weten ... te"
        return None
    if keys_of is None:
        keys_of = [_keys(t) for t in tokens]
    rest = list(words)
    rest.remove(verb)
    stop = min(len(tokens), k + window)
    first_keys = keys_of[k]
    if words[0] not in first_keys and verb not in first_keys:
        return None
    if verb in first_keys and k > 0 and tokens[k - 1].lower_ == "het":
        return None  # "het instellen van een beroep": a nominal infinitive
    if words[0] not in first_keys and _particle_verb(tokens[k], words):
        return None  # "voor te stellen het krediet beschikbaar ...": another verb
    found_verb = False
    position = 0
    last = k
    previous = -1  # the other words stay together ("in werking" in "in mei ... in werking")
    for j in range(k, stop):
        keys = keys_of[j]
        if not found_verb and verb in keys and not _particle_verb(tokens[j], words):
            found_verb = True
            last = max(last, j)
            if position:
                previous = j  # "zorg gedragen voor": the verb may sit between them
        elif (
            position < len(rest)
            and rest[position] in keys
            and (position == 0 or j == previous + 1)
            and (rest[position] != "te" or tokens[j].lower_ == "te")  # not "ter" (lemma "te")
        ):
            position += 1
            previous = j
            last = max(last, j)
        elif 0 < position < len(rest) and rest[0] in keys:
            position, previous = 1, j  # a gap: start the other words again here
            last = max(last, j)
        elif 0 < position < len(rest) and tokens[j].lower_ != "te":
            return None  # "het woord te richten tot": "te" goes with the verb
        if found_verb and position == len(rest):
            if j + 1 < len(tokens) and verb in keys_of[j + 1]:
                return None  # "is een lijst met de van toepassing zijnde regels": the later verb
            return last
    return None


def _match_verb_te(tokens: list[Token], k: int, verb: str) -> int | None:
    """A finite verb and the *te* of its infinitive further on in the same clause ("U dient
    een kopie van uw paspoort mee te sturen"); a comma, a subordinator or *om* ends the
    search (the *te* belongs to another clause)."""
    token = tokens[k]
    if token.pos_ not in ("VERB", "AUX", "") or verb not in _keys(token):
        return None
    for j in range(k + 1, min(len(tokens), k + 1 + TE_WINDOW)):
        other = tokens[j]
        if other.is_punct or other.lower_ in CLAUSE_ENDS:
            return None
        if other.lower_ == "te":
            nxt = _neighbour(other, 1)
            return j if nxt is not None and nxt.pos_ in ("VERB", "AUX", "") else None
    return None


def _particle_verb(token: Token, words: tuple[str, ...]) -> bool:
    """A te-infinitive of a separable verb ("voor te stellen") is another verb than the
    phrase's ("beschikbaar stellen"), unless the phrase has that particle."""
    before, particle = _neighbour(token, -1), _neighbour(token, -2)
    return (
        _lower(before) == "te"
        and particle is not None
        and particle.lower_ in SEPARABLE_PARTICLES
        and particle.lower_ not in words
    )


def _sentence_keys(
    tokens: list[Token], resources: ReadabilityResources
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]], list[tuple[OfficialeseTerm, ...]]]:
    """``_keys``, ``_first_keys`` and the ``_candidates`` of every token of a sentence: the
    tokens' ``_annotations`` are read from the Doc's arrays (``_doc_annotations``) once, the
    candidates remembered per annotations for the resources (words repeat)."""
    if not tokens:
        return [], [], []
    annotations = _doc_annotations(tokens[0].doc)
    memo = resources.memo(CANDIDATES)
    keys_of: list[tuple[str, ...]] = []
    first_keys_of: list[tuple[str, ...]] = []
    candidates_of: list[tuple[OfficialeseTerm, ...]] = []
    for token in tokens:
        key = annotations[token.i]
        keys, first_keys = _key_pair(key)
        candidates = memo.get(key)
        if candidates is None:
            candidates = resources.remembered(
                CANDIDATES, key, KEYS_CACHE, _candidates, first_keys, keys, resources
            )
        keys_of.append(keys)
        first_keys_of.append(first_keys)
        candidates_of.append(candidates)
    return keys_of, first_keys_of, candidates_of


CANDIDATES = "officialese.candidates"  # the memo of ``_candidates`` in the resources
_ANNOTATIONS = "officialese.annotations"


def _phrase_particle_end(matched: list[Token], term: OfficialeseTerm, last_i: int) -> int:
    """Where a phrase's span ends when its separable verb left the particle behind ("trekken
    samen op" for *samen optrekken*): the particle's index, or ``last_i``."""
    for token in matched:
        particle = _particle(token)
        if (
            particle is not None
            and particle.i > last_i
            and particle.lower_ + lemma_of(token) in term.words
        ):
            return particle.i
    return last_i


def _spread_shown(doc: Doc, first_i: int, last_i: int, term: OfficialeseTerm) -> str:
    """A verb phrase spread over the clause as the advice quotes it: its first word, then
    the phrase's words at its end ("stellen … in kennis", "dient … te"), not the words
    between."""
    words = set(term.words[1:]) if first_i == last_i else set(term.words)
    start = last_i
    while start - 1 > first_i and not words.isdisjoint(_keys(doc[start - 1])):
        start -= 1
    return f"{doc[first_i].text} … {doc[start : last_i + 1].text}"


def _doc_annotations(doc: Doc) -> list[tuple[str, str, str, bool, str | None]]:
    """``_annotations`` of every token of ``doc`` by index, from the Doc's arrays (made once
    per Doc): only a verb with a ``compound:prt`` child and a noun at the root need their
    Token for the particle (``_particle``)."""
    arrays = doc_arrays(doc)
    found = arrays.memo.get(_ANNOTATIONS)
    if found is not None:
        return found  # type: ignore[no-any-return]
    lemmas = token_lemmas(doc)
    has_dep = doc.has_annotation("DEP")
    children = token_children(doc) if has_dep else []
    lower, dep_of = arrays.lower, arrays.dep
    out: list[tuple[str, str, str, bool, str | None]] = []
    for i, (form, lemma, pos, dep) in enumerate(
        zip(lower, lemmas, arrays.pos, dep_of, strict=True)
    ):
        prt: str | None = None
        if pos in ("NOUN", "PROPN") and _misread_verb(doc, i):
            pos = "VERB"  # keyed as the verb it is ("wenst" -> wensen)
        elif (pos == "ADP" or (pos == "NOUN" and dep == "amod")) and form.endswith("e"):
            pos = "ADJ"  # an attributive -e word read as a noun or preposition ("transparante")
        by_words = _adverb_particle_at(lower, i)
        if by_words is not None:  # "Hierbij deel ik u mede", "deel" read as a noun
            pos, lemma = "VERB", PARSED_AS_ADVERB[lower[by_words]]
        verb_like = pos in ("VERB", "AUX") or (pos == "NOUN" and dep == "ROOT")
        if (
            verb_like
            and has_dep
            and (
                pos == "NOUN"
                or by_words is not None
                or any(
                    dep_of[j] == "compound:prt"
                    or (j > i and PARSED_AS_ADVERB.get(lower[j]) == lemma)
                    for j in children[i]
                )
            )
        ):
            particle = _particle(doc[i])
            prt = particle.lower_ if particle is not None else None
        out.append((form, lemma, pos, verb_like, prt))
    arrays.memo[_ANNOTATIONS] = out
    return out


def _candidates(
    first_keys: tuple[str, ...], keys: tuple[str, ...], resources: ReadabilityResources
) -> tuple[OfficialeseTerm, ...]:
    """The terms that may start at a token with these ``_first_keys`` and ``_keys``."""
    out: list[OfficialeseTerm] = []
    by_first, by_verb = resources.officialese_by_first, resources.officialese_spread_index
    for key in first_keys:
        out.extend(by_first.get(key, ()))
    for key in keys:
        out.extend(by_verb.get(key, ()))
    return tuple(out)


def _capitalised_like(text: str, replacement: str) -> str:
    if text[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _infinitive_shaped(word: str) -> bool:
    """An alternative a verb form can be inflected into: an infinitive ("-en", or one of the
    short ones), not an adjective or noun ("nodig")."""
    return word.endswith("en") or word in SHORT_VERBS


def _phrase_replacement(tokens: list[Token], term: OfficialeseTerm) -> str | None:
    """A contiguous phrase whose verb is inflected ("dient te" -> "moet", "komt naar voren"
    -> "blijkt", "draagt zorg voor" -> "zorgt voor"): the alternative's verb in the same form,
    when the alternative is one verb, or starts with its verb and the span starts with the
    phrase's verb."""
    verb = phrase_verb(term.words)
    alt_words = term.first_alternative.split()
    if verb is None or not alt_words:
        return None
    verb_tokens = [t for t in tokens if verb in _keys(t) or verb in verb_guesses(t.lower_)]
    if len(verb_tokens) != 1:
        return None
    token = verb_tokens[0]
    head = alt_words[0]
    if not _infinitive_shaped(head):
        return None
    if len(alt_words) > 1 and token.i != tokens[0].i:
        return None
    # "beschikt over" is finite ("heeft"), not the participle it also spells
    form = inflect_like(token.lower_, verb, head, finite_person(token))
    if form is None:
        return None
    return _capitalised_like(tokens[0].text, " ".join([form, *alt_words[1:]]))


def replacement_for(
    token: Token, term: OfficialeseTerm, span_text: str, span: list[Token] | None = None
) -> str | None:
    """The first alternative inflected to replace the span, or None when that is not
    reliable (a rewrite is needed, or the form is not recognised)."""
    if not term.dropin or not term.alternative:
        return None
    alternative = term.first_alternative
    form = token.lower_
    if len(term.words) > 1:
        verb = phrase_verb(term.words)
        if verb is not None and span_text.lower().split() != list(term.words):
            return _phrase_replacement(span, term) if span else None
        if _pronominal(span_text.lower().split()[-1], term.words[-1]):
            return None  # "in afwachting daarvan": the object moved into "daarvan"
        return _capitalised_like(span_text, alternative)
    if form == term.term:
        result: str | None = alternative
    elif term.pos == "verb" or (not term.pos and term.term.endswith("en")):
        if " " in alternative or not _infinitive_shaped(alternative):
            result = None  # "vereisten" must not become "nodiden" (alternative "nodig")
        else:
            result = inflect_like(form, term.term, alternative, finite_person(token))
    elif term.pos == "noun" and (head := _compound_head(form)) and head[1] == term.term:
        # uitvoeringswerkzaamheden -> uitvoeringswerk, woningbouwlocaties -> woningbouwplekken
        rest = inflect_noun_like(form[head[0] :], term.term, alternative)
        result = form[: head[0]] + rest if rest else None
    elif term.pos == "noun":
        result = inflect_noun_like(form, term.term, alternative)
    elif term.pos == "adj" and form in (term.term + "e", attributive(term.term)):
        result = " ".join([*alternative.split()[:-1], attributive(alternative.split()[-1])])
    else:
        result = None
    return _capitalised_like(span_text, result) if result else None


# A verb term without a drop-in of its own gets one when its sentence names what it acts on:
# "woningen realiseren" is "woningen bouwen" (the annotators' drop-in for every building).
BUILDING_HEADS = (
    "woning", "woningen", "appartement", "appartementen", "gebouw", "gebouwen", "bebouwing",
    "nieuwbouw", "huis", "huizen", "kapper", "woningbouw", "wijk",
)  # fmt: skip
CONTEXT_DROPINS = {"realiseren": ("bouwen", BUILDING_HEADS)}


def _context_dropin(
    token: Token, term: OfficialeseTerm, ctx: SentenceContext, span_text: str
) -> str | None:
    """The drop-in of ``CONTEXT_DROPINS`` when the sentence has one of its nouns (a compound
    counts by its head: "seniorenwoningen", "appartementengebouw")."""
    found = CONTEXT_DROPINS.get(term.term)
    if found is None:
        return None
    verb, heads = found
    if not any(t.pos_ in ("NOUN", "PROPN", "") and t.lower_.endswith(heads) for t in ctx.tokens):
        return None
    form = token.lower_
    result = (
        verb if form == term.term else inflect_like(form, term.term, verb, finite_person(token))
    )
    return _capitalised_like(span_text, result) if result else None


DEMONSTRATIVE = "dit / deze"  # the alternative of onderhavig, voorliggend
# after an article, these point back as "deze" and "dit" do (the annotators' drop-in)
POINTING_TERMS = frozenset({"desbetreffend", "betreffende"})
ARTICLES = frozenset({"de", "het"})


def _attributive_use(token: Token) -> bool:
    """Before its noun ("onderhavig plan", "de voorliggende nota"), not predicative."""
    nxt = _neighbour(token, 1)
    return nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ")


def _demonstrative(doc: Doc, first: int, token: Token) -> tuple[int, str]:
    """The span start and the demonstrative that replaces a term such as *onderhavig*: with
    its article ("het voorliggende plan" -> "dit plan", "de onderhavige regeling" -> "deze
    regeling"), or alone ("onderhavig bestemmingsplan": an uninflected adjective before a
    neuter noun -> "dit"; "onderhavige actualisatie" -> "deze")."""
    before = doc[first - 1].lower_ if first > 0 else ""
    if before in ("het", "de"):
        return first - 1, "dit" if before == "het" else "deze"
    return first, "deze" if token.lower_.endswith("e") else "dit"


def finite_person(token: Token) -> str | None:
    """``SG3`` (or ``SG1`` with "ik", or before an inverted "je"/"jij") when the parse reads
    the verb as a finite present form without an auxiliary of its own; else None (a
    participle or unknown: "heeft ... verstrekt"). A verb that opens its sentence is an
    imperative ("Vermeld uw naam" -> "Noem", not the participle "genoemd") and takes the stem
    (``SG1``) too: the small parsers tag these as nouns or names."""
    if _opens_sentence(token):
        return SG1
    if "Fin" not in token.morph.get("VerbForm", []) or "Past" in token.morph.get("Tense", []):
        return None
    if any(c.dep_ in ("aux", "aux:pass") for c in token.children):
        return None
    doc = token.doc
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    if after in ("ik", "je", "jij") or any(
        c.lower_ == "ik" and c.dep_.startswith("nsubj") for c in token.children
    ):
        return SG1  # "ik verstrek", "verstrek je": the stem
    return SG3


def _opens_sentence(token: Token) -> bool:
    """The first word of its sentence (after a bullet or quote), capitalised."""
    if not token.text[:1].isupper():
        return False
    doc = token.doc
    start = token.sent.start if doc.has_annotation("SENT_START") else 0
    return all(t.is_punct or t.is_space for t in doc[start : token.i])


# Verbs whose participle is their infinitive next to another infinitive ("heeft laten
# weten", "is blijven wonen"): the *infinitivus pro participio*.
IPP_VERBS = frozenset(
    {"laten", "blijven", "gaan", "komen", "zien", "horen", "helpen", "leren", "doen"}
)


def _fitted_form(
    token: Token, term: OfficialeseTerm, alt: str, replacement: str | None
) -> str | None:
    """The first alternative in the form the verb, noun or adjective has in the sentence, for
    the advice ("Het betreft" -> "gaat over", "heeft ... verstrekt" -> "gegeven",
    "noodzakelijke kosten" -> "nodige", "calamiteiten" -> "rampen"); None when its form is not
    known or it is the listed form. The advice names it after the
    listed alternatives, which stay first (the rewrite reads the first as the infinitive)."""
    if alt != term.alternative or len(term.words) > 1:
        return None
    if term.pos in ("noun", "adj"):  # "noodzakelijke kosten" -> "nodige", "rampen"
        fitted_word = replacement.lower() if replacement else None
        return fitted_word if fitted_word and fitted_word != term.first_alternative else None
    if term.pos != "verb":
        return None
    parts = [p.strip() for p in alt.split("/")]
    head, *rest = parts[0].split()
    form = token.lower_
    fitted = replacement.lower() if replacement else None
    finite = "Fin" in token.morph.get("VerbForm", []) and not any(
        c.dep_ in ("aux", "aux:pass") for c in token.children
    )
    if finite and lexeme(term.term).sg3 == form and head in _verb_table():
        fitted = " ".join([lexeme(head).sg3, *rest])  # "De instelling verstrekt" -> "geeft"
    elif fitted is None and rest and head in _verb_table():
        inflected = inflect_like(form, term.term, head)
        if inflected == lexeme(head).part and head in IPP_VERBS and _infinitive_shaped(rest[0]):
            inflected = head  # "heeft ... laten weten", not "gelaten weten"
        fitted = " ".join([inflected, *rest]) if inflected else None
    return fitted if fitted and fitted != parts[0] else None


@functools.lru_cache(maxsize=1024)
def _sentence(note: str) -> str:
    """A note as a sentence: capital first letter (after a quote), full stop (made once per
    note of the list)."""
    if not note:
        return note
    note = QUOTED_RE.sub(r"‘\1’", note)  # the list's 'plain quotes' as in the rest of the advice
    i = 1 if note[0] in "'‘" and len(note) > 1 else 0
    note = note[:i] + note[i].upper() + note[i + 1 :]
    return note if note.endswith((".", "!", "?")) else note + "."


QUOTED_RE = re.compile(r"(?<!\w)'([^']+)'(?!\w)")


def _placeholder(token: Token) -> bool:
    """An upper-case word, as in anonymisation placeholders ("[PLAATS + INDIEN NODIG]")."""
    text = token.text
    return len(text) > 1 and text.isupper() and token.is_alpha


def _separable_without_particle(token: Token, term: OfficialeseTerm) -> bool:
    """A separable verb term ("plaatsvinden") matched on a lemma while the particle is
    missing ("vindt u" lemmatised as "plaatsvinden")."""
    if len(term.words) > 1 or term.pos not in ("verb", ""):
        return False
    particle = separable_particle(term.term)
    if particle is None or token.lower_.startswith(particle):
        return False
    return _particle(token) is None


def _noun_of_verb_term(token: Token, term: OfficialeseTerm) -> bool:
    """A verb term matched on a plural noun of the same form ("de verzoeken die zijn
    ingediend" is not the verb *verzoeken* = vragen)."""
    if len(term.words) > 1 or term.pos != "verb" or token.lower_ != term.term:
        return False
    if token.pos_ != "NOUN" or "Plur" not in token.morph.get("Number", []):
        return False
    prev = _neighbour(token, -1)
    return _lower(_neighbour(token, 1)) == "die" or (
        prev is not None and (prev.pos_ in ("DET", "ADJ", "NUM") or prev.lower_ in DETERMINERS)
    )


def _names_a_place(token: Token, term: OfficialeseTerm) -> bool:
    """A noun term followed by the name or address of what it names ("de locatie
    Westerweg 60", "de locatie aan de Larenseweg 56"): the noun is part of a reference the
    writer cannot simply swap."""
    if len(term.words) > 1 or term.pos != "noun":
        return False
    nxt, after = _neighbour(token, 1), _neighbour(token, 3)
    if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
        return True
    return (
        term.term in PLACE_TERMS  # "werkzaamheden aan de Hofcampweg" is work, not a name
        and _lower(nxt) == "aan"
        and _lower(_neighbour(token, 2)) in ("de", "het")
        and after is not None
        and after.text[:1].isupper()
    )


def _name_after_a_word(doc: Doc, first: int, last: int) -> bool:
    """Capitalised words right after a word, where the parser started a new sentence inside
    a name ("de Adviesraad Sociaal Domein", "het uitvoeringsplan Integraal Beleid")."""
    words = [t for t in doc[first : last + 1] if t.is_alpha]
    if not words or not all(t.text[:1].isupper() for t in words) or first < 2:
        return False
    prev, before = doc[first - 1], doc[first - 2]
    # after a number, or after a capitalised word that does not start the sentence itself
    # ("Aangepaste Zienswijze ...": the first capital is the sentence's)
    return prev.like_num or (prev.is_alpha and prev.text[:1].isupper() and before.is_alpha)


def _ter_phrases(ctx: SentenceContext, found: list[Flag]) -> list[Flag]:
    """ "ter" + a noun (+ "van") that no listed term covers: "ter verificatie van uw
    identiteit", "ter bevordering van", "ter illustratie" (every such phrase the development
    annotators met is marked, 18 of 18): a purpose said with a noun; "om ... te" + the verb
    says it plainly. Not in a name ("Ter Apel")."""
    doc, resources = ctx.doc, ctx.resources
    flags: list[Flag] = []
    for token in ctx.tokens:
        if token.lower_ != "ter" or (token.text != "ter" and token.i != ctx.first_word):
            continue
        if any(f.start <= token.idx < f.end for f in found):
            continue  # a listed term: "ter plaatse", "ter beschikking stellen"
        noun = doc[token.i + 1] if token.i + 1 < ctx.end else None
        if noun is None or not noun.is_alpha or not noun.is_lower or noun.pos_ in ("VERB", "ADP"):
            continue
        last = noun.i + 1 if noun.i + 1 < ctx.end and doc[noun.i + 1].lower_ == "van" else noun.i
        verb = TER_COMPOUND_VERBS.get(noun.lower_) or action_verb(noun, resources, compound=True)
        if verb == "vormen" and noun.lower_ != "vorming":
            verb = None  # "ter meningsvorming": the compound's head verb says too little
        verbs = suggested_verbs(verb, resources) if verb is not None else []
        advice = "Zeg met een werkwoord waarvoor het is: ‘om … te …’"
        advice += f" (hier: {one_of(verbs)})." if verbs else "."
        shown = doc[token.i : last + 1].text
        flags.append(
            make_flag(
                doc, token.i, last, "officialese", f"Ambtelijke taal: {quote(shown)}.", advice
            )
        )
    return flags


def detect(ctx: SentenceContext) -> list[Flag]:
    """Officialese terms in one sentence (see the module docstring)."""
    doc = ctx.doc
    tokens = ctx.tokens
    first_word = ctx.first_word
    # Every key of every token, made once: a phrase none of whose matches can succeed
    # (one of its words is nowhere in the sentence) is not tried at each position.
    keys_of, first_keys_of, candidates_of = _sentence_keys(tokens, ctx.resources)
    if not any(candidates_of):
        return []  # no term starts at any token
    in_sentence = set().union(*keys_of, *first_keys_of)
    in_sentence.update(_pronominal_prepositions(tokens))
    flags: list[Flag] = []
    k = 0
    while k < len(tokens):
        best: tuple[int, bool, OfficialeseTerm] | None = None
        if not candidates_of[k] or _placeholder(tokens[k]):
            k += 1
            continue
        for term in candidates_of[k]:
            if len(term.words) > 1 and not in_sentence.issuperset(term.words):
                continue  # cannot match, contiguous or spread (same result, less work)
            last = _match_contiguous(tokens, k, term.words, term.pos in ("verb", ""))
            if last is None and len(term.words) > 1:
                last = _match_spread(
                    tokens, k, term.words, len(term.words) + SPREAD_WINDOW, keys_of
                )
            if last is None and len(term.words) == 2 and term.words[1] == "te":
                last = _match_verb_te(tokens, k, term.words[0])
            if last is None:
                continue
            rule = CONTEXT_RULES.get(term.term)
            if rule is not None and not rule(tokens[k]):
                continue
            if _separable_without_particle(tokens[k], term):
                continue
            if _noun_of_verb_term(tokens[k], term) or _names_a_place(tokens[k], term):
                continue
            # the longest match; of two as long, one written as listed ("van toepassing
            # zijnde" before the verb phrase "van toepassing zijn")
            as_listed = last - k + 1 == len(term.words) and all(
                t.lower_ == w for t, w in zip(tokens[k : last + 1], term.words, strict=True)
            )
            if best is None or (last, as_listed) > best[:2]:
                best = (last, as_listed, term)
        if best is None:
            k += 1
            continue
        last, _, term = best
        first_i, last_i = tokens[k].i, tokens[last].i
        if (
            in_proper_name(doc, first_i, last_i)
            or _name_after_a_word(doc, first_i, last_i)
            or (
                len(term.words) == 1
                and (
                    nominal_infinitive_start(tokens[k], ctx) is not None
                    or (
                        action_noun_with_object(tokens[k], ctx.resources)
                        and names_a_verb(tokens[k], ctx.resources)
                    )
                )
            )
        ):  # "het realiseren van", "de realisatie van": the nominalisation is the advice
            k = last + 1
            continue
        particle = _particle(tokens[k]) if len(term.words) == 1 else None
        if particle is not None and particle.i > last_i and term.term.startswith(particle.lower_):
            last_i = particle.i  # "vindt ... plaats"
        elif len(term.words) > 1:
            last_i = _phrase_particle_end(tokens[k : last + 1], term, last_i)
        span_text = doc[first_i : last_i + 1].text
        contiguous = last_i - first_i + 1 == len(term.words)
        alt, note, dropin = term.alternative, term.note, term.dropin
        if (
            term.term in ATTRIBUTIVE_ALTERNATIVES
            and _lower(_neighbour(tokens[k], -1)) in DETERMINERS
        ):
            alt, dropin = ATTRIBUTIVE_ALTERNATIVES[term.term], False  # "de betreffende ..."
        if term.start_only and tokens[k].i != first_word:
            dropin = False  # "echter" inside the sentence: rewrite with "maar" in front
        replacement = (
            replacement_for(tokens[k], term, span_text, list(doc[first_i : last_i + 1]))
            if contiguous and dropin and alt == term.alternative
            else None
        )
        if (
            particle is not None
            and last_i == first_i + 1
            and dropin
            and " " not in alt.split("/")[0].strip()
        ):
            # "vindt plaats" -> "gebeurt", or "is" for a meeting ("De vergadering is op
            # dinsdag", not "gebeurt"): the base verb's form, the particle drops
            target = "zijn" if _event_subject(tokens[k], term) else term.first_alternative
            result = inflect_like(tokens[k].lower_, term.term[len(particle.lower_) :], target)
            replacement = _capitalised_like(span_text, result) if result else None
        if replacement is None and contiguous and len(term.words) == 1:
            replacement = _context_dropin(tokens[k], term, ctx, span_text)
        if replacement is not None and _auxiliary_would_change(tokens[k], term):
            replacement = None  # "heeft plaatsgevonden" -> not "heeft gebeurd"
        if replacement is not None and _blocked_by_next_word(tokens[k], term):
            replacement = None  # "getoetst aan" -> not "gecontroleerd aan"; "borgen dat"
        if term.term in ATTRIBUTIVE_DROPINS and contiguous and _attributive_use(tokens[k]):
            alt = ATTRIBUTIVE_DROPINS[term.term]  # "de vereiste documenten" -> "nodige"
            replacement = _capitalised_like(span_text, alt)
        elif term.term == "vereisen" and tokens[k].lower_ == "vereist" and _after_zijn(tokens[k]):
            replacement = _capitalised_like(span_text, "nodig")  # "is ... vereist" -> "nodig"
        if _before_a_rule(doc, last_i, term):
            # "in het kader van de Jeugdwet" -> not "bij de Jeugdwet"; "op grond van de
            # Participatiewet" -> "volgens", not "door"
            alt = BEFORE_A_RULE[term.term]
            if term.term not in KEEPS_DROPIN_BEFORE_A_RULE:
                replacement = None
        # "de desbetreffende werkzaamheden" -> "deze werkzaamheden", not "de die ..."
        pointing = term.term in POINTING_TERMS and _lower(_neighbour(tokens[k], -1)) in ARTICLES
        if (
            (term.alternative == DEMONSTRATIVE or pointing)
            and contiguous
            and _attributive_use(tokens[k])
        ):
            first_i, plain = _demonstrative(doc, first_i, tokens[k])
            span_text = doc[first_i : last_i + 1].text
            replacement = _capitalised_like(span_text, plain)
        elif term.term in WITH_ARTICLE and contiguous and replacement is not None:
            if tokens[k].dep_.startswith("nsubj"):
                replacement = None  # "De werkzaamheden duren" -> not "het werk duren"
            elif _lower(_neighbour(tokens[k], -1)) == "de":  # "de werkzaamheden" -> "het werk"
                first_i -= 1
                span_text = doc[first_i : last_i + 1].text
                plain = f"{WITH_ARTICLE[term.term]} {replacement.lower()}"  # het onderhoudswerk
                replacement = _capitalised_like(span_text, plain)
        if (
            replacement is not None
            and len(term.words) == 1
            and _lower(_neighbour(tokens[k], -1)) == "te"
        ):
            split = separable_particle(replacement.lower())
            if split is not None:  # "om te participeren" -> "om mee te doen", not "te meedoen"
                first_i -= 1
                span_text = doc[first_i : last_i + 1].text
                replacement = f"{split} te {replacement.lower()[len(split) :]}"
        if replacement is not None and " " in replacement.strip():
            head, tail = replacement.split(" ", 1)
            after = doc_text(doc)[doc[last_i].idx + len(doc[last_i].text) :].lstrip().lower()
            if after.startswith(tail.lower()):  # "keukentafelgesprek bij u thuis": no repeat
                replacement = head
        if term.term in SUBJECT_ALTERNATIVES and tokens[k].dep_.startswith("nsubj"):
            alt = SUBJECT_ALTERNATIVES[term.term]  # "Deze wordt bezorgd": not "hem", "haar"
        if term.term == "indicatie" and _care_indication(tokens[k]):
            alt, note = "", CARE_INDICATION  # not "aanwijzing" for "een indicatie voor zorg"
        note = _sentence(note)
        if alt:
            fitted = _fitted_form(tokens[k], term, alt, replacement)
            here = f" (hier: {quote(fitted)})" if fitted else ""
            suggestion: str | None = f"Schrijf liever {alternatives(alt)}{here}."
            if not dropin and note:
                suggestion = f"{suggestion} {note}"
            last_word = doc[last_i].lower_
            if (
                len(term.words) > 1
                and last_word != term.words[-1]
                and _pronominal(last_word, term.words[-1])
            ):
                suggestion = f"{suggestion} Zeg zelf waar {quote(last_word)} naar verwijst."
        else:
            suggestion = note or None
        # a phrase as written ("in aanmerking te komen voor"); a verb phrase spread over the
        # clause by its first word and the phrase's words at the end ("dient … te",
        # "stellen … ter beschikking")
        written = last_i - first_i < max(4, len(term.words) + 1)
        shown = span_text if written else _spread_shown(doc, first_i, last_i, term)
        flags.append(
            make_flag(
                doc,
                first_i,
                last_i,
                "officialese",
                f"Ambtelijke taal: {quote(shown)}.",
                suggestion,
                replacement,
                term=term.term,  # the rewrite's gate
            )
        )
        k = last + 1
    return flags + _ter_phrases(ctx, flags)


KIND = register(
    FlagKind(
        name="officialese",
        label="ambtelijke taal",
        title="Ambtelijke taal",
        description=(
            "Ambtelijke woorden maken een tekst stijf en moeilijk. Kies het gewone woord."
        ),
        fix="Vervang {n} ambtelijke {words} door gewone woorden (zie de tabel).",
        fix_one="Vervang {n} ambtelijk woord door een gewoon woord (zie de tabel).",
        detect=detect,
        priority=2,
        examples=(
            Example("Indien u vragen heeft, bel ons.", ("Indien",)),
            Example("Wij verstrekken u een nieuwe pas.", ("verstrekken",)),
            Example("In het kader van de wet betaalt u minder.", ("In het kader van",)),
            Example(
                "De werkzaamheden vinden plaats in mei.",
                ("werkzaamheden", "vinden plaats"),
                needs_parse=True,
            ),
            Example("U heeft mogelijk geen geldige pas.", ("mogelijk",), needs_parse=True),
            Example("Echter, de kosten zijn hoog.", ("Echter",)),
            Example("U krijgt een nieuwe pas als u vragen heeft."),
            Example("Wij doen dit zo snel mogelijk."),
            Example("Dit is nodig als nieuwbouw mogelijk wordt gemaakt.", needs_parse=True),
            Example("U kunt bezwaar indienen binnen de termijn."),
            Example("Wij wensen u veel succes."),
            Example("Bel het Team Sociaal Domein."),
        ),
    )
)
