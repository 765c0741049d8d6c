"""Passive voice (*lijdende vorm*): a form of *worden* or *zijn* with a past participle in
passive meaning.

With a parse: *worden* as ``aux:pass``/``aux`` of a participle, or a participle found after
it in the clause when the parse missed it; *zijn* + participle is a passive perfect ("De
regels zijn in 2020 gewijzigd") unless the participle describes a state
(``passive_stative.txt``: "is gebaseerd op", "is gesloten op zondag"), belongs to a verb
that takes *zijn* in the perfect or reads intransitively (``passive_exceptions.txt``: "is
gegaan", "is verbeterd"), or has a degree adverb ("erg geïnteresseerd"); a *door*-phrase
(agent) always makes it passive. Without a parse: the same forms followed (or, in a
subclause, preceded) by a participle-shaped word in the same clause. The span runs from the
first verb of the cluster (a modal or tense auxiliary included) to the participle.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pipeline.readability.doc_arrays import doc_arrays, token_lemmas
from pipeline.readability.flags.base import (
    Example,
    Flag,
    FlagKind,
    SentenceContext,
    lemma_of,
    make_flag,
    quote,
    register,
)
from pipeline.readability.morphology import (
    INSEPARABLE_PREFIXES,
    SHORT_VERBS,
    _verb_table,
    infinitives_of,
    infinitives_of_form,
    listed_with_particle,
    looks_like_participle,
    verb_exists,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from pipeline.readability.resources import ReadabilityResources

WORDEN_FORMS = frozenset({"word", "wordt", "worden", "werd", "werden", "geworden"})
ZIJN_FORMS = frozenset({"ben", "bent", "is", "zijn", "was", "waren", "geweest", "wezen"})
# participles that also say how something is done ("is uitgebreid met u gesproken"): with a
# later participle in the clause, that one is the passive's
MANNER_PARTICIPLES = frozenset({"uitgebreid", "gedetailleerd", "gericht", "versneld", "gefaseerd"})
DEGREE_ADVERBS = frozenset({"erg", "zeer", "heel", "te", "zo", "nogal", "best", "echt", "vrij"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "en", "maar", "want", "of", "dus"})
SHORT_VERB_ENDINGS = tuple(sorted(SHORT_VERBS))
AGENT_DEPS = ("obl:agent",)
NEW_CLAUSE = frozenset(
    {"dat", "die", "om", "omdat", "als", "wanneer", "waar", "wat", "indien", "tenzij", "zodat",
     "nadat", "voordat", "terwijl", "zodra", "hoewel",
     # relative pronominal adverbs ("het puntensysteem waarmee men ... berekent")
     "waarmee", "waarin", "waarbij", "waarop", "waarvoor", "waardoor", "waaraan", "waarover",
     "waaruit", "waarna", "waarvan", "waartoe", "waaronder", "waartegen", "waarom"}
)  # fmt: skip
DETERMINERS = frozenset({"de", "het", "een", "deze", "die", "dit", "dat", "geen", "uw", "onze"})
MAX_MIDDLE_FIELD = 14  # tokens between the auxiliary and the participle in the rule path


# Verbs of ``passive_exceptions.txt`` that also take an object: with a door-phrase their
# perfect with *zijn* is a passive ("is door de gemeente verbeterd"); for the others a
# door-phrase names a cause ("Door de vertraging zijn de kosten toegenomen").
ALSO_TRANSITIVE = frozenset({
    "afnemen", "beginnen", "bevriezen", "eindigen", "halveren", "lopen", "ontdooien",
    "ophouden", "rijden", "smelten", "starten", "stoppen", "trouwen", "uitdrogen", "varen",
    "verbeteren", "verdampen", "verdubbelen", "verhuizen", "veranderen", "verslechteren",
    "vliegen",
})  # fmt: skip

# A Dutch past participle has ge- (also after a particle: "opgesteld") or starts with an
# inseparable prefix ("verzocht", "onderzocht", "overschreden", "aanvaard"); "worden
# antwoorden professioneler" has no participle.
PARTICIPLE_PREFIXES = (
    *INSEPARABLE_PREFIXES, "onder", "over", "achter", "door", "om", "voor", "weer", "mis", "vol",
    "aan",
)  # fmt: skip
PARTICIPLE_ENDINGS = ("d", "t", "n", "de", "te", "ne")  # gewijzigd, gezet, gedaan, -e


def _tagged_participle(token: Token) -> bool:
    """Tagged as a past participle, and shaped like one: the tagger also tags a comparative
    ("wordt breder") and a plural noun in -ingen ("zijn mogelijk ontwikkelingen")
    ``VerbForm=Part``."""
    form = token.lower_
    return (
        "Part" in token.morph.get("VerbForm", [])
        and "Pres" not in token.morph.get("Tense", [])
        and form.endswith(PARTICIPLE_ENDINGS)
        and not form.endswith("ingen")
        and ("ge" in form or form.startswith(PARTICIPLE_PREFIXES))
    )


def is_participle(token: Token, resources: ReadabilityResources) -> bool:
    """A past participle by the parse (``_tagged_participle``) or, untagged, by its shape."""
    if "Part" in token.morph.get("VerbForm", []):
        return _tagged_participle(token)
    return looks_like_participle(token.lower_, lemma_of(token), resources)


def _is_present_participle(token: Token, resources: ReadabilityResources) -> bool:
    """``lopende``, ``voorafgaand``: the infinitive plus -d(e), by the lemma or, for verbs
    such as *voorafgaan* whose participle the lemmatiser keeps, by a short verb at the end.
    A past participle in -end whose lemma the lemmatiser cut short (``verleend`` ->
    "verleen", infinitive *verlenen*) is not one."""
    form, lemma = token.lower_, lemma_of(token)
    if form == lemma + "d" and any(verb_exists(v, resources) for v in infinitives_of(lemma)):
        return False
    if lemma.endswith("n") and form in (lemma + "d", lemma + "de"):
        return True
    base = form[:-2] if form.endswith("nde") else form[:-1] if form.endswith("nd") else ""
    if base.endswith(SHORT_VERB_ENDINGS):
        return True
    table = _verb_table()
    entry = table.get(base) if base else None  # "passend": the table's present participle
    if entry is not None:
        return entry.pres_part == form.removesuffix("e")
    # a compound on a verb's present participle: "verliesgevend" (geven), "richtinggevend"
    for i in range(1, len(base) - 4):
        entry = table.get(base[i:])
        if entry is not None and base[i:].endswith("en"):
            return entry.pres_part == form[i:].removesuffix("e")
    return False


def _unaccusative(token: Token, resources: ReadabilityResources) -> bool:
    """A participle of a verb that takes *zijn* in the perfect (``passive_exceptions.txt``),
    by the pipeline's lemma or by its form (``passive_exceptions_forms.txt``), also after a
    particle."""
    form = token.lower_
    return (
        listed_with_particle(lemma_of(token), resources.passive_exceptions)
        or listed_with_particle(form, resources.passive_exception_forms)
        # a participle equal to its listed infinitive whose lemma the lemmatiser cut short
        # ("is succesvol verlopen", lemma "verlo")
        or (
            form.endswith(("en", "aan"))
            and listed_with_particle(form, resources.passive_exceptions)
        )
    )


def _listed_participle(form: str) -> bool:
    """``form`` is the past participle of a verb in the verb table: of the infinitive it
    equals ("voorkomen") or of one it is a form of ("voldaan" -> *voldoen*)."""
    table = _verb_table()
    entry = table.get(form)
    if entry is not None and entry.part == form:
        return True
    return any(
        (lexeme := table.get(verb)) is not None and lexeme.part == form
        for verb in infinitives_of_form(form)
    )


def _stative(token: Token, resources: ReadabilityResources) -> bool:
    form = token.lower_
    return form in resources.passive_stative or form.removesuffix("e") in resources.passive_stative


def _has_agent(participle: Token) -> bool:
    if any(c.dep_ in AGENT_DEPS for c in participle.children):
        return True
    # "door" + noun phrase inside the clause, for parses that attach it elsewhere (read
    # from the Doc's arrays: no Token per word of the sentence)
    sent = participle.sent
    arrays = doc_arrays(participle.doc)
    lower, dep, head = arrays.lower, arrays.dep, arrays.head
    return any(
        lower[j] == "door" and dep[j] == "case" and dep[head[j]] in ("obl", "obl:agent", "nmod")
        and head[head[j]] == participle.i
        for j in range(sent.start, sent.end)
    )  # fmt: skip


def _is_state(aux: Token, participle: Token, resources: ReadabilityResources) -> bool:
    """*zijn* + participle read as a state, an active perfect or an adjective."""
    unaccusative = _unaccusative(participle, resources)
    if unaccusative and lemma_of(participle) not in ALSO_TRANSITIVE:
        return True  # "Door de differentiatie is er een woongebied ontstaan": a cause
    if _has_agent(participle):
        return False
    if unaccusative or _stative(participle, resources):
        return True
    children = list(participle.children)
    # also the "te" of "dient te zijn ondertekend": a required state, as the annotation
    # conventions read it (tried in session 37: two development false flags, no hit)
    if any(c.lower_ in DEGREE_ADVERBS for c in children):
        return True
    window = participle.doc[min(aux.i, participle.i) : max(aux.i, participle.i)]
    # "is als volgt opgebouwd"
    return any(t.lower_ == "volgt" and t.i > 0 and t.doc[t.i - 1].lower_ == "als" for t in window)


def _attributive_state(
    doc: Doc, participle: Token, end: int, resources: ReadabilityResources
) -> bool:
    """A state participle (``passive_stative.txt``) right before a noun it describes ("de in
    het plan begrepen gronden")."""
    return (
        participle.i + 1 < end
        and doc[participle.i + 1].pos_ == "NOUN"
        and _tagged_participle(participle)
        and _stative(participle, resources)
    )


def _in_adverbial(doc: Doc, participle: Token, resources: ReadabilityResources) -> bool:
    """The participle ends a fixed adverbial (``passive_adverbials.txt``: "over het geheel
    genomen", "kort gezegd"), so it is no part of a passive."""
    for phrase in resources.passive_adverbials.get(participle.lower_, ()):
        first = participle.i - len(phrase) + 1
        if first >= 0 and tuple(t.lower_ for t in doc[first : participle.i + 1]) == phrase:
            return True
    return False


def _is_noun_use(token: Token, aux: Token) -> bool:
    """A participle-shaped word used as a noun: the subject, or after a determiner. A verb
    after its auxiliary that the parse calls the subject ("is er ... een hoorzitting
    gehouden") is a misparse, not a noun."""
    subject = token.dep_ in ("nsubj", "nsubj:pass") and (token.pos_ != "VERB" or token.i < aux.i)
    j = token.i - 1
    if j > aux.i + 1 and token.doc[j].pos_ == "ADJ":
        j -= 1  # "is geen statisch gegeven": a determiner, an adjective, then the noun
    if (
        token.dep_ == "nmod"
        and token.head.pos_ in ("NOUN", "PROPN")
        and (
            (token.i > 0 and token.doc[token.i - 1].pos_ == "ADP")
            or not _listed_participle(token.lower_)
        )
    ):
        return True  # "een instrument voor grondverzet", "voor beschermd wonen"
    return subject or (j >= 0 and j != aux.i and token.doc[j].lower_ in DETERMINERS)


def _first_of_cluster(doc: Doc, aux: Token, participle: Token) -> int:
    """The first verb of the cluster: a modal or tense auxiliary of the participle or of
    the passive auxiliary ("moet worden aangevraagd", "zal ... worden gebouwd")."""
    first = min(aux.i, participle.i)
    for head in (participle, aux):
        for child in head.children:
            if (
                child.dep_ == "aux"
                and child.i != aux.i
                and child.pos_ in ("AUX", "VERB")
                and abs(child.i - first) <= MAX_MIDDLE_FIELD
                # not across a comma: "Indien u een partner heeft, wordt ..." ("heeft" is
                # the verb of the clause before)
                and not any(t.is_punct for t in doc[min(child.i, first) : max(child.i, first)])
            ):
                first = min(first, child.i)
    return first


def _joins_clauses(conjunction: Token, agent: Token) -> bool:
    """A conjunction that does not coordinate the agent's own noun ("burgemeester en
    wethouders"): its conjunct is a verb, has a prepositional object of its own, or hangs
    on another word of the phrase ("in opdracht van de gemeente en vangen aan op ...")."""
    conjunct = conjunction.head
    return (
        conjunct.pos_ in ("VERB", "AUX")
        or conjunct.head.i != agent.i
        or any(c.dep_ == "obl" for c in conjunct.children)
    )


def agent_phrase(agent: Token) -> list[Token]:
    """The door-phrase of the agent (with "door"), for the flag's advice and the active
    rewrite alike. From the agent's subtree it leaves out a phrase the parser hung on the
    agent that says when or where ("door de gemeente | binnen twee weken"; any preposition but
    "van", which stays: "door de inwoners van de wijk"), and it cuts where the parse lets the
    subtree run on: at a conjunction that joins clauses, a verb after the agent or a comma
    ("door de aannemer en beginnen op maandag" -> "de aannemer"), or at a gap. A participle
    before the agent is part of it ("door de door de gemeente gecontracteerde aannemer")."""
    loose = {
        t.i
        for c in agent.children
        if c.i > agent.i
        and c.dep_ == "nmod"
        and any(g.dep_ == "case" and g.lower_ != "van" for g in c.children)
        for t in c.subtree
    }
    phrase: list[Token] = []
    for t in agent.subtree:
        if phrase and (
            t.i in loose
            or t.i != phrase[-1].i + 1
            or (t.i > agent.i and t.pos_ in ("SCONJ", "VERB", "AUX"))
            or (t.pos_ == "CCONJ" and _joins_clauses(t, agent))
            or t.text in (",", ";", ":")
        ):
            break
        phrase.append(t)
    return phrase


def agent_words(agent: Token) -> list[Token]:
    """``agent_phrase`` without its "door": the subject of the active sentence. A "door"
    inside it stays ("de door de gemeente gecontracteerde aannemer")."""
    phrase = agent_phrase(agent)
    return phrase[1:] if phrase and phrase[0].lower_ == "door" else phrase


# "door ons" -> "wij": the agent as the subject of the active sentence
SUBJECT_PRONOUNS = {
    "mij": "ik", "me": "ik", "jou": "jij", "je": "jij", "u": "u", "hem": "hij",
    "haar": "zij", "ons": "wij", "jullie": "jullie", "hen": "zij", "hun": "zij",
}  # fmt: skip


def _actor(agent: Token) -> str:
    """The agent as the subject of the active sentence: "de gemeente", "wij" for "door ons"."""
    words = [t.text for t in agent_words(agent)]
    if len(words) == 1 and words[0].lower() in SUBJECT_PRONOUNS:
        return SUBJECT_PRONOUNS[words[0].lower()]
    return " ".join(words)


# A door-phrase that starts so names a means or examples, not who does it ("is geïnvesteerd
# in ..., door onder andere meerdere bijeenkomsten"): no actor to propose.
MEANS_STARTS = ("onder andere ", "onder meer ", "o.a. ", "middel van ", "bijvoorbeeld ")


def names_a_means(agent: Token) -> bool:
    """The door-phrase of ``agent`` starts with a hedge or "middel van" (``MEANS_STARTS``),
    or its head is an infinitive: "door het uitvragen van documenten" says how, not who. A
    phrase without "door" is none either (a parse's "worden op diverse aspecten
    gecontroleerd")."""
    if "Inf" in agent.morph.get("VerbForm", []):
        return True
    if not any(c.lower_ == "door" for c in agent.children if c.i < agent.i):
        return True
    return f"{_actor(agent).lower()} ".startswith(MEANS_STARTS)


def door_oblique(token: Token) -> Token | None:
    """The "door" of an oblique the parse did not call the agent ("is door de regio een
    indexering toegepast"), or None; "door middel van" is a preposition, not an agent. The
    passive advice and the active rewrite both read agents so."""
    if token.dep_ != "obl" or token.lower_ == "middel":
        return None
    return next((c for c in token.children if c.lower_ == "door" and c.dep_ == "case"), None)


def _flag(doc: Doc, aux: Token, participle: Token, first: int | None = None) -> Flag:
    first = min(aux.i, participle.i) if first is None else first
    last = max(aux.i, participle.i)
    agent = next((c for c in participle.children if c.dep_ == "obl:agent"), None)
    if agent is None and aux.i < participle.i:
        # a door-phrase between the auxiliary and the participle (``door_oblique``); in front
        # it usually names a cause ("Door een tekort ... is de termijn overschreden"), after
        # the participle as often a cause or a border ("begrensd door de Kerkstraat")
        agent = next(
            (
                c
                for c in doc[aux.i + 1 : participle.i]
                if (door := door_oblique(c)) is not None
                and door.i > aux.i
                # not inside an attributive phrase: "het door Ordito opgestelde plan"
                and not any(t.pos_ == "VERB" for t in doc[c.i + 1 : participle.i])
            ),
            None,
        )
    if agent is not None and names_a_means(agent):
        agent = None
    if agent is not None:
        suggestion = f"Schrijf actief en begin met wie het doet: {quote(_actor(agent))} …"
    else:
        suggestion = "Schrijf actief: zeg wie het doet (bijvoorbeeld ‘wij’, ‘u’ of ‘de gemeente’)."
    left, right = (aux, participle) if aux.i < participle.i else (participle, aux)
    words = f"{left.text} … {right.text}" if last - first > 1 else doc[first : last + 1].text
    return make_flag(doc, first, last, "passive", f"Lijdende vorm: {quote(words)}.", suggestion)


def _participle_after(
    doc: Doc, i: int, end: int, resources: ReadabilityResources, after_worden: bool
) -> Token | None:
    """The first past participle after token ``i`` in the same clause."""
    for other in _middle_field(doc, i, end):
        noun_participle = _noun_tagged_participle(doc, other)
        if other.lower_ in CLAUSE_BREAKS or other.is_punct:
            return None
        if other.lower_ in NEW_CLAUSE:
            return None  # a new clause begins
        if not after_worden and _stative(other, resources):
            if _attributive_state(doc, other, end, resources):
                continue  # "de in het plan begrepen gronden": attributive
            return None  # "is bevoegd ... ongevraagd te adviseren": the state is the predicate
        if (
            other.pos_
            and other.pos_ not in ("VERB", "AUX", "ADJ")
            and not (
                other.pos_ in ("NOUN", "PROPN")
                and (after_worden or other.dep_ == "ROOT")
                and _bare_word(doc, other)
            )
            and not noun_participle
        ):
            continue  # a noun; "worden ... de smartvallen uitgerold" has the participle a noun
        if other.i > 0 and doc[other.i - 1].lower_ == "te":
            continue
        if other.dep_ == "amod" and other.head.i > other.i and other.head.pos_ == "NOUN":
            continue  # "is er minder onverwacht onderhoud": describes a noun
        if other.lower_.endswith(("de", "te")) or _is_present_participle(other, resources):
            continue
        if (
            looks_like_participle(other.lower_, lemma_of(other), resources, after_worden)
            or _tagged_participle(other)
            or noun_participle
        ):
            return other
    return None


def _middle_field(doc: Doc, i: int, end: int) -> Iterator[Token]:
    """The tokens after ``i`` that may hold the participle, at most ``MAX_MIDDLE_FIELD`` of
    them, passing over what does not end the clause: a parenthesis ("het Besluit
    geluidhinder (Bg) van toepassing verklaard"), "voor wat betreft" and a compound's
    truncated first part ("in het inrichtings- en beeldkwaliteitsplan versterkt")."""
    j, taken = i + 1, 0
    while j < end and taken < MAX_MIDDLE_FIELD:
        token = doc[j]
        if token.text == "(":
            close = next((k for k in range(j + 1, end) if doc[k].text == ")"), None)
            if close is not None and close - j <= MAX_MIDDLE_FIELD:
                j = close + 1
                continue
        if (
            token.lower_ == "wat"
            and 0 < j < end - 1
            and doc[j - 1].lower_ == "voor"
            and doc[j + 1].lower_ == "betreft"
        ):
            j += 2
            continue
        if token.lower_ in ("en", "of") and j > 0 and doc[j - 1].text.endswith("-"):
            j += 1
            continue
        yield token
        j, taken = j + 1, taken + 1


def _noun_tagged_participle(doc: Doc, token: Token) -> bool:
    """A participle of the verb table the tagger read as a noun ("mogen worden
    afgetrokken", "is de pilot afgerond"), bare and not after a preposition ("regels van
    geluid": *geluid* is also the participle of *luiden*)."""
    return (
        token.pos_ == "NOUN"
        and _listed_participle(token.lower_)
        and _bare_word(doc, token)
        and doc[token.i - 1].pos_ != "ADP"
    )


def _bare_word(doc: Doc, token: Token) -> bool:
    """A lower-case word without a determiner before it (also not before an adjective before
    it: "een belangrijk gegeven"): a word the tagger called a noun or a name may be a verb
    ("worden ... de smartvallen uitgerold", "is ... nader toegelicht")."""
    if not token.is_lower or token.i == 0:
        return False
    j = token.i - 1
    if doc[j].pos_ in ("ADJ", "VERB") and j > 0:
        j -= 1  # "nader toegelicht", but "het betreffende gebied"
    return doc[j].lower_ not in DETERMINERS and doc[j].pos_ != "DET"


def _compared(doc: Doc, participle: Token) -> bool:
    """The participle ends a comparison: "zoals verwacht", "groter dan gedacht" (a
    comparative before "dan"; not "dan" = then: "naar welke taal ze dan vertaald wordt")."""
    i = participle.i
    if i < 2:
        return False
    before = doc[i - 1].lower_
    if before == "zoals":
        return True
    comparative = doc[i - 2]
    return before == "dan" and (
        "Cmp" in comparative.morph.get("Degree", []) or comparative.lower_ in ("meer", "minder")
    )


CLUSTER_VERBS = frozenset({"dienen", "moeten", "kunnen", "zullen", "mogen", "hoeven", "willen"})


def _participle_before(
    doc: Doc, aux: Token, start: int, resources: ReadabilityResources
) -> Token | None:
    """The participle right before a form of *worden* or its verb cluster, where the parse
    missed it: fronted ("Voorgesteld wordt", "Verwacht wordt dat ...", the participle often
    tagged as a noun) or before a modal cluster in a subclause ("waarna ze vervangen dienen te
    worden", "beschreven dient te worden")."""
    j = aux.i - 1
    if j >= start and doc[j].lower_ == "te":
        j -= 1
        if j < start or lemma_of(doc[j]) not in CLUSTER_VERBS:
            return None
        j -= 1
    if j < start or not doc[j].is_alpha:
        return None
    word = doc[j]
    fronted = j == start and word.is_title
    if not fronted and word.i - 1 >= start and doc[word.i - 1].lower_ in DETERMINERS:
        return None  # "het beschreven ..." : a noun phrase
    if j != aux.i - 1 or fronted or _tagged_participle(word):  # "waarom dat genoemd wordt"
        form = word.lower_
        if looks_like_participle(form, lemma_of(word).lower(), resources, True) or (
            fronted  # "Verwacht wordt": a prefixed stem in -t is its own participle
            and form.startswith(INSEPARABLE_PREFIXES)
            and form.endswith(("t", "d"))
            and verb_exists(form + "en", resources)
        ):
            return word
    return None


def _parsed(ctx: SentenceContext) -> list[Flag]:
    doc, resources = ctx.doc, ctx.resources
    flags: list[Flag] = []
    seen: set[int] = set()
    lemmas = token_lemmas(doc)  # lemma_of of every token
    for token in ctx.tokens:
        lemma = lemmas[token.i]
        if lemma not in ("worden", "zijn") or not (
            token.pos_ in ("AUX", "VERB") or (token.pos_ == "DET" and token.dep_.startswith("aux"))
        ):
            continue  # "zijn" tagged as a determiner but parsed as the auxiliary counts
        form = token.lower_
        if lemma == "zijn" and form not in ZIJN_FORMS:
            continue  # the possessive "zijn" mis-tagged
        participle: Token | None = None
        head = token.head
        if token.dep_ in ("aux", "aux:pass", "cop") and head.i != token.i:
            if head.pos_ in ("VERB", "ADJ") and _is_present_participle(head, resources):
                # a misparse such as "wordt u ... voorafgaand aan ... in kennis gesteld"
                participle = _participle_after(doc, head.i, ctx.end, resources, True)
            elif head.pos_ in ("VERB", "ADJ", "AUX") and is_participle(head, resources):
                participle = head
            elif (
                token.dep_ == "aux:pass"
                and head.pos_ == "VERB"
                and head.lower_ == lemma_of(head)
                and _listed_participle(head.lower_)
            ):  # "wordt ... voorkomen", "is ontvangen": a participle equal to its infinitive;
                # "wordt voldaan aan": a participle the tagger reads as an infinitive
                participle = head
            elif (
                token.dep_ == "aux:pass"
                and head.pos_ in ("NOUN", "PROPN")
                and (
                    looks_like_participle(head.lower_, lemma_of(head), resources, True)
                    or _listed_participle(head.lower_)
                )
            ):  # "zullen ... worden afgerond" with the participle tagged as a noun
                participle = head
        if participle is None and lemma == "worden":
            participle = next(
                (
                    c
                    for c in token.children
                    if c.dep_ in ("xcomp", "ccomp", "obj", "acl", "conj", "parataxis")
                    and is_participle(c, resources)
                ),
                None,
            )
        if lemma == "worden" and (participle is None or participle.i in seen):
            # fronted ("Voorgesteld wordt"); or a second "worden" the parse hung on the
            # first one's participle ("die worden verwijderd worden ... ingezet")
            participle = _participle_before(doc, token, ctx.start, resources)
        if participle is None or (lemma == "worden" and participle.i in seen):
            participle = _participle_after(
                doc, token.i, ctx.end, resources, after_worden=lemma == "worden"
            )
        if participle is not None and (
            _in_adverbial(doc, participle, resources) or participle.lower_ in MANNER_PARTICIPLES
        ):
            # "is kort gezegd ... goedgekeurd", "is uitgebreid met u gesproken": the
            # participle of the clause comes later (if none does, "is uitgebreid" stays)
            later = _participle_after(
                doc, participle.i, ctx.end, resources, after_worden=lemma == "worden"
            )
            if later is not None or participle.lower_ not in MANNER_PARTICIPLES:
                participle = later
        if participle is not None and _compared(doc, participle):
            continue  # "wordt groter dan gedacht", "is zoals verwacht": a comparison
        if participle is None or participle.i in seen or participle.i in ctx.skip:
            continue
        if participle.i > 0 and doc[participle.i - 1].lower_ == "te":
            continue
        if lemma == "zijn":
            if _attributive_state(doc, participle, ctx.end, resources):
                # "zijn de in het plan begrepen percelen aangegeven": the clause's
                # participle comes later
                later = _participle_after(doc, participle.i, ctx.end, resources, False)
                if later is not None and later.i not in seen:
                    participle = later
            if form == "geweest" or _is_state(token, participle, resources):
                continue
            if _is_noun_use(participle, token):
                # "De inzet is om ...", "er (veel) achtergrondgeluid is"; "is een eerste opzet
                # voor ... opgenomen": the participle of the clause may come later
                later = _participle_after(doc, participle.i, ctx.end, resources, False)
                if later is None or later.i in seen or _is_state(token, later, resources):
                    continue
                participle = later
            if any(
                lemma_of(c) == "worden" and c.i != token.i for c in participle.children
            ):  # "is ... gemaakt geworden": counted once, at worden
                continue
        elif (
            lemma == "worden"
            and _unaccusative(participle, resources)
            and (lemma_of(participle) in ("worden", "zijn"))
        ):
            continue
        seen.add(participle.i)
        flags.append(_flag(doc, token, participle, _first_of_cluster(doc, token, participle)))
    return sorted(flags, key=lambda f: f.start)


def _rules(ctx: SentenceContext) -> list[Flag]:
    doc, resources = ctx.doc, ctx.resources
    tokens = ctx.tokens
    flags: list[Flag] = []
    used: set[int] = set()
    for k, token in enumerate(tokens):
        form = token.lower_
        if form not in WORDEN_FORMS and form not in ZIJN_FORMS:
            continue
        candidates: list[Token] = []
        for other in tokens[k + 1 : k + 1 + MAX_MIDDLE_FIELD]:  # main clause: aux ... participle
            if other.lower_ in CLAUSE_BREAKS or other.is_punct:
                break
            candidates.append(other)
        for other in reversed(tokens[max(0, k - 2) : k]):  # subclause: participle aux
            if other.is_punct:
                break
            candidates.append(other)
        for other in candidates:
            if other.i in used or not looks_like_participle(
                other.lower_, lemma_of(other), resources, after_worden=form in WORDEN_FORMS
            ):
                continue
            if other.i > 0 and doc[other.i - 1].lower_ == "te":
                continue
            if _in_adverbial(doc, other, resources):
                continue
            if form in ZIJN_FORMS:
                if form == "geweest" or _unaccusative(other, resources):
                    break
                if _stative(other, resources):
                    break
                prev = doc[other.i - 1] if other.i > 0 else None
                if prev is not None and prev.lower_ in DEGREE_ADVERBS:
                    break
            used.add(other.i)
            flags.append(_flag(doc, token, other))
            break
    return flags


def detect(ctx: SentenceContext) -> list[Flag]:
    """Passive constructions in one sentence (see the module docstring)."""
    return _parsed(ctx) if ctx.has_parse else _rules(ctx)


KIND = register(
    FlagKind(
        name="passive",
        label="lijdende vorm",
        title="Lijdende vorm",
        description=(
            "In een lijdende zin staat niet wie iets doet. Schrijf actief: begin met wie het doet."
        ),
        fix="Schrijf {n} {sentences} in de lijdende vorm actief: zeg wie het doet.",
        detect=detect,
        priority=0,
        examples=(
            Example(
                "De weg wordt door de gemeente vernieuwd.", ("wordt door de gemeente vernieuwd",)
            ),
            Example(
                "De aanvraag moet binnen zes weken worden ingediend.",
                ("moet binnen zes weken worden ingediend",),
            ),
            Example("De regels zijn in 2020 gewijzigd.", ("zijn in 2020 gewijzigd",)),
            Example("Hij is gisteren naar huis gegaan."),
            Example("Het wordt morgen koud."),
            Example("Het onderzoek is gebaseerd op twee enquêtes."),
            Example("De winkel is op zondag gesloten."),
            Example("Mijn zoon is erg geïnteresseerd in sport."),
        ),
    )
)
