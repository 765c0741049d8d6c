"""Nominalisation (*naamwoordstijl*): an action named by a noun where a verb is better.

Flagged only where a verb phrasing is clearly better for a B1 reader:
- an action noun (-ing, -atie, -tie, ... from an existing verb, or a listed stem noun such as
  *beheer*, ``nominalisation_stems.txt``) in the singular with a *van* complement ("de
  uitvoering van het plan", "het beheer van de parken");
- the noun of a light-verb construction (``nominalisation_light_verbs.csv``: "gebruik maken
  van" -> gebruiken, "onderhoud plegen" -> onderhouden);
- a nominal infinitive with *van* ("het geven van", "Uitvoeren van artikel 3");
- an action noun that is an action in every reading, also without a complement
  (``nominalisation_always.csv``: "ligt voor besluitvorming" -> besluiten).
Not flagged: established and concrete nouns (``nominalisation_exceptions.txt``: woning,
vergadering, melding, verkiezing; lint-ii's noun list marks concrete nouns and
institutions), plurals (results, sums: "investeringen"), names (capitalised inside a
sentence) and nouns inside an officialese phrase ("met betrekking tot": the officialese flag
takes priority). The suggestion names the verb, or its plain alternative when the verb itself
is officialese ("realisatie" -> "bouwen, maken of bereiken", not "realiseren").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.frequencies import zipf_nl
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
    _verb_table,
    is_infinitive,
    only_prefixes,
    verb_exists,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from pipeline.readability.resources import ReadabilityResources

SUFFIXES = (
    ("isatie", ("iseren",)),
    ("icatie", ("iceren",)),
    ("atie", ("eren",)),
    ("ctie", ("ceren", "cteren")),
    ("tie", ("eren", "ieren")),
    ("ing", ("en", "")),  # "" for verbs in -ien: herziening -> herzien, voorziening
)
INFINITIVE_COMPLEMENTS = frozenset({"van", "met", "op", "voor", "aan", "naar", "over"})
INFINITIVE_PREPOSITIONS = frozenset({"van", "bij", "na", "door", "met", "tot", "zonder"})
# Infinitives too short for the word-list test (``is_infinitive`` needs five letters).
SHORT_INFINITIVES = frozenset({"doen", "zien"})
MEMO_SIZE = 50_000  # words whose exception answer is remembered (memory stays bounded)
ARTICLES = frozenset({"het", "de", "dit", "dat", "deze", "een", "zijn", "haar", "hun", "uw"})


def _derive_base_verb(word: str, resources: ReadabilityResources) -> tuple[str, bool] | None:
    for suffix, replacements in SUFFIXES:
        if not word.endswith(suffix) or len(word) <= len(suffix) + 2:
            continue
        stem = word[: -len(suffix)]
        # the whole word, then shorter heads of a compound (afvalinzameling -> inzamelen)
        for cut in range(0, max(1, len(stem) - 3)):
            head = stem[cut:]
            for replacement in replacements:
                verb = head + replacement
                if not replacement and not verb.endswith(("ien", "ijen")):
                    continue
                if verb_exists(verb, resources):
                    return verb, cut == 0
        return None
    return None


def base_verb(word: str, resources: ReadabilityResources) -> tuple[str, bool] | None:
    """The verb a noun in -ing/-atie/-tie derives from, and whether it is the whole word's
    verb (``uitvoering`` -> ``("uitvoeren", True)``; ``doelstelling`` -> ``("stellen",
    False)``)."""
    if len(word) > MAX_WORD_CHARS:
        return None
    memo = resources.memo("base_verb")
    if word not in memo:
        memo[word] = _derive_base_verb(word, resources)
    result: tuple[str, bool] | None = memo[word]
    return result


def _is_exception(word: str, resources: ReadabilityResources) -> bool:
    """On the exceptions list or the hard-word list (a term of art), or a compound ending in
    an exception (``huurwoning``) - unless a verb prefix makes it another word
    (``inrichting`` is not ``richting``) or the whole word is the noun of its own verb
    (``geheimhouding`` is *geheimhouden*, not a kind of ``houding``)."""
    exceptions = resources.nominalisation_exceptions
    if word in exceptions or word in resources.hard_words:
        return True  # a listed term of art (sanering, dekking) is explained, not rewritten
    return bool(
        resources.remembered(
            "nominalisation_exception", word, MEMO_SIZE, _ends_in_exception, word, resources
        )
    )


def _ends_in_exception(word: str, resources: ReadabilityResources) -> bool:
    """A compound ending in an exception of five or more letters, not a prefixed word and
    not the noun of its own verb (the unlisted part of ``_is_exception``)."""
    exceptions = resources.nominalisation_exceptions
    return (
        any(word[i:] in exceptions and not only_prefixes(word[:i]) for i in range(len(word) - 4))
        and not (base_verb(word, resources) or ("", False))[1]
    )


def _compound_info(word: str, resources: ReadabilityResources) -> tuple[str, str, str] | None:
    """lint-ii noun-list entry of ``word`` or of its longest listed head."""
    info = resources.noun_info(word)
    for cut in range(1, len(word) - 4):
        if info is not None:
            break
        info = resources.noun_info(word[cut:])
    return info


def action_verb(
    token: Token, resources: ReadabilityResources, compound: bool = False
) -> str | None:
    """The verb an action noun names (``uitvoering`` -> ``uitvoeren``, ``beheer`` ->
    ``beheren``), or None for other words. Remembered per form, lemma and tag (words
    repeat)."""
    pos = noun_tag(token)
    if (pos and pos != "NOUN") or len(token.text) > MAX_WORD_CHARS:
        return None
    form, lemma = token.lower_, lemma_of(token)
    found: str | None = resources.remembered(
        "nominalisation.action_verb", (form, lemma, pos, compound), ACTION_VERB_MEMO,
        _action_verb, form, lemma, resources, compound,
    )  # fmt: skip
    return found


def noun_tag(token: Token) -> str:
    """The token's POS, NOUN for a stem noun the tagger read as a verb right after an article
    ("De inzet/VERB van ...": no finite verb or participle follows *de* or *een*, and a
    nominal infinitive after *het* ends in -en) or right before *van* ("door inzet van",
    "de effectieve inzet van": a finite verb or participle rarely does)."""
    pos = token.pos_
    if pos == "VERB" and token.i > 0 and not token.lower_.endswith("en"):
        doc = token.doc
        before = doc[token.i - 1]
        if before.lower_ in ("de", "het", "een") and before.pos_ == "DET":
            return "NOUN"
        if (
            token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "van"
            and before.is_alpha
            and not any(c.dep_.startswith("nsubj") for c in token.children)
        ):
            return "NOUN"  # not "als de gemeente het geld inzet van ...": it has a subject
    return pos


ACTION_VERB_MEMO = 100_000  # distinct (form, lemma, tag) remembered: memory stays bounded


def _action_verb(
    form: str, lemma: str, resources: ReadabilityResources, compound: bool
) -> str | None:
    """``action_verb`` of a noun (or untagged word) of at most ``MAX_WORD_CHARS`` characters
    by its lower-case form and lemma (``lemma_of``)."""
    word = lemma
    if not word.isalpha():  # simplemma: "her_inrichting"
        word = form
    if not word.isalpha():
        return None
    if _is_exception(word, resources) or _is_exception(form, resources):
        return None
    if word in resources.nominalisation_stems:
        return _stem_verb(word, resources)
    if form in resources.nominalisation_stems:  # "inzet" with the lemma "inzetten"
        return _stem_verb(form, resources)
    if not word.endswith(tuple(s for s, _ in SUFFIXES)):
        return None
    info = _compound_info(form, resources) or _compound_info(word, resources)
    event = info is not None and info[1] == "dynamic_conc" and not info[2]
    if info is not None and (
        (info[0] == "concrete" and not event) or info[1].startswith("institut")
    ):
        return None  # a thing or a body; an event (ondertekening) is an action, but not a
        # compound with an event head, which often names a facility (hemelwaterberging)
    derived = base_verb(word, resources)
    return derived[0] if derived is not None and (derived[1] or compound) else None


IRREGULAR_STEMS = {"name": "nemen", "zicht": "zien"}  # opname -> opnemen, toezicht -> toezien


def _stem_verb(word: str, resources: ReadabilityResources) -> str | None:
    """The verb of a stem noun: beheer -> beheren, gebruik -> gebruiken, inzet -> inzetten,
    verkoop -> verkopen, opname -> opnemen."""
    memo = resources.memo("stem_verbs")
    if word in memo:
        return memo[word]
    candidates = [word + "en", word + word[-1] + "en"]
    if len(word) > 3 and word[-2] == word[-3] and word[-2] in "aeou":
        candidates.insert(0, word[:-2] + word[-1] + "en")
    for ending, verb_ending in IRREGULAR_STEMS.items():
        if word.endswith(ending):
            candidates.insert(0, word[: -len(ending)] + verb_ending)
    found = next((v for v in candidates if verb_exists(v, resources)), None)
    memo[word] = found
    return found


def _is_plural(token: Token) -> bool:
    infinitive, number = _number_of(token)
    if infinitive and token.pos_ == "VERB":
        return False  # "instellen van ...": an infinitive, not the plural of a noun
    if number is not None:
        return number
    return token.lower_ != lemma_of(token) and token.lower_.endswith(("en", "s"))


_NUMBERS: dict[int, tuple[bool, bool | None]] = {}  # per morphology: a few hundred at most


def _number_of(token: Token) -> tuple[bool, bool | None]:
    """Whether the morphology says infinitive, and plural (None: no number), read once per
    distinct morphology (``token.morph.get`` parses its string on every call)."""
    key = doc_arrays(token.doc).morph[token.i]
    found = _NUMBERS.get(key)
    if found is None:
        number = token.morph.get("Number", [])
        found = _NUMBERS[key] = (
            "Inf" in token.morph.get("VerbForm", []),
            ("Plur" in number) if number else None,
        )
    return found


def _has_van_complement(token: Token) -> bool:
    """A *van* phrase right after the noun ("de uitvoering van het plan"), not "van" that
    starts another phrase ("de kosten van uitvoering van ...": the first noun is meant)."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("daarvan", "hiervan"):
        return True  # "de beëindiging daarvan"
    if nxt is None or nxt.lower_ != "van":
        return False
    window = [t.lower_ for t in doc[token.i + 2 : token.i + 6]]
    if window and window[0][:1].isdigit() and ("naar" in window or "tot" in window):
        return False  # "de norm voor berging van 60 naar 70 mm": a range, not a complement
    if doc.has_annotation("DEP"):
        return nxt.head.head.i == token.i or nxt.head.i == token.i or nxt.head.dep_ == "nmod"
    return True


def verb_named(token: Token, resources: ReadabilityResources) -> bool:
    """The whole noun names its verb (``beantwoording`` -> *beantwoorden*), as opposed to a
    stem noun or the head of a compound."""
    word = lemma_of(token)
    if word in resources.nominalisation_stems or not word.isalpha():
        return False
    derived = base_verb(word, resources)
    return derived is not None and derived[1] and action_verb(token, resources) is not None


def action_noun_with_object(token: Token, resources: ReadabilityResources) -> bool:
    """``action_noun_with_van``, or an action noun in telegraphic style followed by its
    object ("Beantwoording schriftelijke vragen"): the verb construction is the advice."""
    return action_noun_with_van(token, resources) or (
        not _is_plural(token)
        and verb_named(token, resources)
        and _telegraphic_object(token, resources)
    )


def action_noun_with_van(token: Token, resources: ReadabilityResources) -> bool:
    """An action noun in the singular with a *van* complement ("de realisatie van
    woningen"): the verb construction is the advice, also when the noun is officialese."""
    return (
        not _is_plural(token)
        and _has_van_complement(token)
        and action_verb(token, resources) is not None
    )


def _light_verb_nouns(resources: ReadabilityResources) -> dict[str, bool]:
    """The nouns of the light-verb table ("gebruik" of "gebruik maken van")."""
    nouns = resources.memo("light_verb_nouns")
    if not nouns:
        nouns.update((n, True) for n, _ in resources.light_verbs)
    return nouns


def _light_verb(token: Token, ctx: SentenceContext) -> str | None:
    """The plain verb when the noun forms a light-verb construction with a verb in the
    sentence ("gebruik maken van": gebruiken)."""
    noun = lemma_of(token)
    light_verbs = ctx.resources.light_verbs
    if noun not in _light_verb_nouns(ctx.resources):
        return None
    here = token.i
    for i, verbs in ctx.verb_readings:  # "levert", "brengt ... uit", "uit te brengen"
        if i == here or abs(i - here) > 6:
            continue
        form = ctx.doc[i].lower_  # an infinitive the lemmatiser got wrong ("te nemen")
        for verb in (*verbs, form) if form.endswith("en") else verbs:
            plain = light_verbs.get((noun, verb))
            if plain is not None:
                return plain
    return None


BARE_PREPOSITIONS = frozenset({"bij", "na", "tijdens", "zonder"})


def _after_bare_preposition(token: Token) -> bool:
    """An action noun without an article right after a preposition: "bij goedkeuring",
    "na verzending" (= als het is goedgekeurd, nadat het is verstuurd)."""
    prev = token.doc[token.i - 1] if token.i > 0 else None
    return prev is not None and prev.lower_ in BARE_PREPOSITIONS


ORDINAL_RE = re.compile(r"^(\d+(e|ste|de)|eerste|tweede|derde|vierde|vijfde|laatste)$")


def _after_ordinal(token: Token) -> bool:
    """A numbered instance names a document or a version, not an action: "de 3e herziening
    van het bestemmingsplan", "de tweede wijziging"."""
    prev = token.doc[token.i - 1] if token.i > 0 else None
    return prev is not None and ORDINAL_RE.match(prev.lower_) is not None


def _coordinated_with_van(token: Token, resources: ReadabilityResources) -> bool:
    """One of coordinated action nouns sharing a *van* complement: "opbouw en opname van
    spaaruren", "het gebruik, het beheer en onderhoud van de steiger" (up to four nouns
    joined by commas and a last "en" / "of", each with or without an article)."""
    doc = token.doc
    j, joined = token.i + 1, False
    for _ in range(3):
        if j >= len(doc) or doc[j].lower_ not in (",", "en", "of"):
            return False
        joined = joined or doc[j].lower_ != ","
        j += 1
        if j < len(doc) and doc[j].lower_ in ("het", "de"):
            j += 1
        if j >= len(doc) or action_verb(doc[j], resources) is None:
            return False
        if _has_van_complement(doc[j]):
            return joined
        j += 1
    return False


DETERMINERS = ARTICLES | {"die", "ons", "onze", "mijn", "jouw", "elke", "iedere", "geen"}


def _telegraphic_object(token: Token, resources: ReadabilityResources) -> bool:
    """An action noun without an article, directly followed by what it acts on, as in the
    telegraphic style of decision lists and headings: "Beantwoording schriftelijke vragen",
    "Definitieve weigering aanvraag omgevingsvergunning", "Vervanging piket burgemeester"
    ("van" left out). Only where the noun starts its phrase (first word, after a number, an
    adjective, a preposition or a bracket): not after an article ("de uitvoering volgende
    week"), a noun or a comma (part of a name or a list of document types: "Wet
    verduidelijking voorschriften", "project uitbreiding Lyceum", "brief, beantwoording
    klacht"), not inside quotes (a title), not before a time word, a verb or a preposition."""
    doc = token.doc
    prev = doc[token.i - 1] if token.i > token.sent.start else None
    if prev is not None and not (
        prev.like_num
        or (prev.pos_ in ("ADJ", "ADP") and prev.lower_ not in DETERMINERS)
        or (prev.is_punct and prev.text not in ",‘“\"'")
    ):
        return False
    if _inside_quotes(token):
        return False
    j = token.i + 1
    if j < len(doc) and doc[j].like_num and j + 1 < len(doc) and doc[j + 1].is_alpha:
        j += 1  # "Beantwoording 379 Schriftelijke vragen"
    if j < len(doc) and doc[j].pos_ == "ADJ" and j + 1 < len(doc):
        j += 1  # "Beantwoording schriftelijke vragen"
    if j >= len(doc) or not doc[j].is_alpha:
        return False
    info = resources.noun_info(doc[j].lower_)
    if doc[j].pos_ not in ("NOUN", "PROPN") and (info is None or doc[j].pos_ in CLOSED_POS):
        return False  # a listed noun the parse took for an adverb ("weigering aanvraag") counts
    return info is None or info[1] != "time"


def _inside_quotes(token: Token) -> bool:
    """Between an opening and a closing quotation mark of its sentence (a quoted title)."""
    inside = False
    for t in token.doc[token.sent.start : token.i]:
        if t.text in ("“", "‘", "„"):
            inside = True
        elif t.text in ("”", "’"):
            inside = False
        elif t.text in ('"', "'"):
            inside = not inside
    return inside


CLOSED_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "NUM"})


def first_content_word(ctx: SentenceContext) -> int:
    """The first word of a sentence or list item, after a list label ("A.", "b)")."""
    words = ctx.words
    if len(words) > 1 and len(words[0].text) == 1:
        doc = words[0].doc
        after = doc[words[0].i + 1] if words[0].i + 1 < len(doc) else None
        if after is not None and after.text in (".", ")"):
            return words[1].i
    return words[0].i if words else ctx.start


def infinitive_shaped(form: str) -> bool:
    """A lower-case form that may be an infinitive: letters ending in -en or -aan ("het
    aangaan van"), five or more, or one of the ``SHORT_INFINITIVES`` ("het doen van")."""
    return form in SHORT_INFINITIVES or (
        form.endswith(("en", "aan")) and len(form) >= 5 and form.isalpha()
    )


def nominal_infinitive_start(token: Token, ctx: SentenceContext) -> int | None:
    """``het`` (or the start of the unit) + infinitive (+ ``en het`` + infinitive ...) +
    ``van``: the index of the first token of the span, or None."""
    doc = token.doc
    form = token.lower_
    if not infinitive_shaped(form):
        return None
    opens_as_name = token.pos_ == "PROPN" and token.i == first_content_word(ctx)
    # tagged as an adjective, only as "het (...) doden van" ("het daadwerkelijk doden van")
    as_adjective = token.pos_ == "ADJ"
    if token.pos_ and token.pos_ not in ("VERB", "NOUN") and not (opens_as_name or as_adjective):
        return None  # a name; "Verbeteren van teksten" opening a sentence is no name
    if form in ctx.resources.nominalisation_exceptions or not (
        form in SHORT_INFINITIVES
        or is_infinitive(form, ctx.resources)
        # a verb whose finite forms are rare ("prioriteert"), tagged as an infinitive: a
        # verb of the verb table or in -eren ("weerstandsvermogen", "kenteken" are nouns)
        or (
            "Inf" in token.morph.get("VerbForm", [])
            and (form in _verb_table() or form.endswith("eren"))
            and verb_exists(form, ctx.resources)
        )
    ):
        return None
    j = token.i + 1
    while j + 2 < len(doc) and doc[j].lower_ == "en" and doc[j + 1].lower_ == "het":
        j += 3  # "het organiseren en het uitvoeren van"
    if j >= len(doc) or doc[j].lower_ not in INFINITIVE_COMPLEMENTS:
        return None
    left = coordinated_start(token, ctx)  # "het behouden en versterken van"
    prev = doc[left - 1] if left > 0 else None
    if doc[j].lower_ != "van" and (prev is None or prev.lower_ != "het"):
        return None  # "het experimenteren met webcare"; other prepositions only after "het"
    j, phrase = left - 1, False
    while j >= ctx.start and doc[j].lower_ != "het":
        if (
            j > ctx.start
            and doc[j].pos_ in ("NOUN", "ADJ")
            and doc[j - 1].pos_ == "ADP"
            and doc[j - 1].lower_ != "van"
        ):
            j, phrase = j - 2, True  # "het op tijd betalen van", "het op orde houden van"
        elif _modifier(doc[j]) or (
            j - 2 >= ctx.start
            and doc[j - 1].lower_ == "en"
            and doc[j].is_lower
            and doc[j].is_alpha
            and _modifier(doc[j - 2])
        ):
            j -= 1  # "het effectief inzetten van", "het objectief en uniform vaststellen van"
        elif doc[j].lower_ == "en" and j - 1 >= ctx.start and _modifier(doc[j - 1]):
            j -= 1
        elif (
            j == left - 1
            and j > ctx.start
            and doc[j - 1].lower_ == "het"
            and doc[j].pos_ == "NOUN"
            and doc[j].is_lower
            and doc[j].is_alpha
            and ctx.resources.noun_info(doc[j].lower_) is None
        ):
            j -= 1  # an adjective tagged as a noun (not in LiNT-II's list): "het concreet invullen"
        else:
            break
    if (
        j >= ctx.start
        and doc[j].lower_ == "het"
        and (j == left - 1 or doc[j].pos_ == "DET" or phrase)
    ):
        return doc[j].i
    if as_adjective:
        return None
    if j + 1 < left and j + 1 == first_content_word(ctx) and not doc[j + 1].is_punct:
        return j + 1  # an item opening with its modifiers: "Automatisch detecteren van ..."
    if prev is not None and prev.lower_ in INFINITIVE_PREPOSITIONS and token.pos_ == "VERB":
        return left  # "in geval van onthouden van de instemming"
    if left == first_content_word(ctx) and (
        not _is_plural(doc[left]) or lemma_of(doc[left]) == doc[left].lower_
    ):
        # a list item or goal: "Uitvoeren van artikel 3", not "Pakken van melk en sap"
        return left
    if left != token.i and prev is not None and prev.pos_ == "ADP":
        return left  # "op het gebied van heffen en innen van belastingen"
    return None


DEGREE_WORDS = frozenset({"meer", "minder", "niet", "beter", "zo"})  # "het meer inzetten van"
ADJECTIVE_ENDINGS = ("isch", "ief", "aal", "eel", "lijk", "baar", "ig", "ent", "ënt", "iek")


def _modifier(token: Token) -> bool:
    """An adjective, adverb or participle before a nominal infinitive ("het snel",
    "het geautomatiseerd verwerken"), also one the tagger read as a noun ("het digitaal
    handhaven", "Efficiënt en uniform innemen")."""
    pos = token.pos_
    form = token.lower_
    if pos in ("ADJ", "ADV") or form in DEGREE_WORDS:
        return True
    if not token.is_alpha:
        return False
    if pos == "VERB":  # a participle used as an adverb: "geautomatiseerd", "gericht"
        return form.startswith("ge") and form.endswith(("d", "t"))
    return pos in ("NOUN", "PROPN", "ADP", "") and form.endswith(ADJECTIVE_ENDINGS)


def _bare_infinitive(token: Token, ctx: SentenceContext) -> bool:
    form = token.lower_
    return (
        form.endswith(("en", "aan"))
        and len(form) >= 5
        and form.isalpha()
        and token.pos_ in ("VERB", "NOUN", "")
        and form not in ctx.resources.nominalisation_exceptions
        and is_infinitive(form, ctx.resources)
    )


def coordinated_start(token: Token, ctx: SentenceContext) -> int:
    """The first of infinitives coordinated before ``token`` by "en" / "of" ("het behouden
    en versterken van", "heffen en innen van"), or ``token``'s own index."""
    doc = token.doc
    left = token.i
    while (
        left - 2 >= ctx.start
        and doc[left - 1].lower_ in ("en", "of")
        and _bare_infinitive(doc[left - 2], ctx)
    ):
        left -= 2
    return left


RARE_VERB_ZIPF = 2.5  # "completeren" (2.3), "actualiseren" (2.0): no verb to point a reader to


def suggested_verbs(verb: str, resources: ReadabilityResources) -> list[str]:
    """The verbs to suggest: the verb itself, or its plain alternatives when it is
    officialese (so the advice never contradicts the officialese flag): "realisatie" ->
    bouwen, maken or bereiken, as the sentence decides. None for a rare verb (wordfreq Zipf
    below ``RARE_VERB_ZIPF``): the advice then asks for a verb without naming one."""
    for term in resources.officialese_by_first.get(verb, ()):
        if len(term.words) == 1 and term.alternative:
            return [p.strip() for p in term.alternative.split("/") if p.strip()]
    return [verb] if zipf_nl(verb) >= RARE_VERB_ZIPF else []


def names_a_verb(token: Token, resources: ReadabilityResources) -> bool:
    """The nominalisation advice on ``token`` can name a verb (``suggested_verbs``): for
    "een indicatie van" (*indiceren*, rare) it cannot, and the officialese advice
    ('schatting') is the useful one."""
    verb = action_verb(token, resources)
    return verb is not None and bool(suggested_verbs(verb, resources))


def one_of(verbs: list[str]) -> str:
    """‘a’, ‘b’ of ‘c’."""
    quoted = [quote(v) for v in verbs]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} of {quoted[-1]}"


def detect(ctx: SentenceContext) -> list[Flag]:
    """Nominalisations in one sentence (see the module docstring)."""
    doc, resources = ctx.doc, ctx.resources
    tokens = ctx.tokens
    flags: list[Flag] = []
    covered: set[int] = set()
    first_word = first_content_word(ctx)
    arrays = doc_arrays(doc)
    lower, pos_of, lemmas = arrays.lower, arrays.pos, token_lemmas(doc)
    for token in tokens:
        form = lower[token.i]
        if not infinitive_shaped(form):
            continue  # the first test of nominal_infinitive_start, before any Token access
        first = nominal_infinitive_start(token, ctx)
        if first is None:
            continue
        covered.update(range(first, token.i + 1))
        left = coordinated_start(token, ctx)
        for i in range(left, token.i + 1, 2):  # each of "behouden en versterken"
            verbs = suggested_verbs(doc[i].lower_, resources) or [doc[i].lower_]
            flags.append(
                make_flag(
                    doc, i, i, "nominalisation",
                    f"Werkwoord als zelfstandig naamwoord: {quote(doc[first : token.i + 2].text)}.",
                    f"Gebruik het werkwoord {one_of(verbs)} in een zin die zegt wie het doet.",
                )
            )  # fmt: skip
    light_nouns = _light_verb_nouns(resources)
    for token in tokens:
        tagged_noun = pos_of[token.i] in ("NOUN", "") or (
            pos_of[token.i] == "VERB" and noun_tag(token) == "NOUN"
        )
        if not tagged_noun and lemmas[token.i] not in light_nouns:
            continue  # neither an action noun nor the noun of a light-verb construction
        if token.i in covered or is_name(token, first_word) or _is_plural(token):
            continue
        if _after_ordinal(token):
            continue
        plain = _light_verb(token, ctx) or resources.nominalisation_always.get(lemma_of(token))
        found = plain or action_verb(token, resources)
        if found is None and _has_van_complement(token):
            found = action_verb(token, resources, compound=True)  # kwaliteitsverbetering van
        if found is None or (
            plain is None
            and not _has_van_complement(token)
            and not _after_bare_preposition(token)
            and not _coordinated_with_van(token, resources)
            and not (verb_named(token, resources) and _telegraphic_object(token, resources))
        ):
            continue
        verbs = suggested_verbs(found, resources)
        if not verbs:
            advice = "Gebruik een werkwoord"
        elif len(verbs) == 1:
            advice = f"Gebruik het werkwoord {one_of(verbs)}"
        else:
            advice = f"Gebruik een werkwoord ({one_of(verbs)})"
        flags.append(
            make_flag(
                doc, token.i, token.i, "nominalisation",
                f"Zelfstandig naamwoord van een werkwoord: {quote(token.text)}.",
                f"{advice}: schrijf wie wat doet.",
            )
        )  # fmt: skip
    return flags


KIND = register(
    FlagKind(
        name="nominalisation",
        label="naamwoordstijl",
        title="Naamwoordstijl",
        description=(
            "Een werkwoord dat als zelfstandig naamwoord is geschreven, maakt een zin abstract. "
            "Zeg wie wat doet, met een werkwoord."
        ),
        fix="Gebruik werkwoorden in plaats van zelfstandige naamwoorden ({n}×).",
        detect=detect,
        priority=1,
        examples=(
            Example("De uitvoering van het plan begint in mei.", ("uitvoering",)),
            Example("Wij maken gebruik van uw gegevens.", ("gebruik",)),
            Example("Het verbeteren van de dienstverlening is ons doel.", ("verbeteren",)),
            Example("De vergadering begint om acht uur."),
            Example("De investeringen zijn hoog."),
            Example("U krijgt een vergoeding."),
        ),
    )
)
