"""Writing flags: sentence-level advice with exact character spans and Dutch messages.

Each detector takes the Doc and one sentence (token range) and returns ``Flag`` objects whose
``start``/``end`` are character offsets into ``doc.text``. Detectors use the dependency parse,
POS and morphology when the Doc has them and fall back to rules on word forms and lemmas when
it does not (the rule-based fallback pipeline). Thresholds come from ``ReadabilitySettings``;
word lists from ``pipeline/data`` via ``ReadabilityResources``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from pipeline.config import ReadabilitySettings
from pipeline.frequencies import zipf_nl
from pipeline.readability.counts import is_word
from pipeline.readability.resources import (
    SHORT_VERBS,
    OfficialeseTerm,
    ReadabilityResources,
    phrase_verb,
)

FLAG_KINDS = (
    "long_sentence",
    "passive",
    "nominalisation",
    "officialese",
    "rare_word",
    "abbreviation",
    "many_subclauses",
    "long_paragraph",
    "overlong_word",
)
# Flags that count towards the B1 verdict's flag rate; sentence and paragraph length have
# criteria of their own.
STYLE_FLAG_KINDS = frozenset(FLAG_KINDS) - {"long_sentence", "long_paragraph", "overlong_word"}

WORDEN_FORMS = frozenset({"word", "wordt", "worden", "werd", "werden", "geworden"})
ZIJN_FORMS = frozenset({"ben", "bent", "is", "zijn", "was", "waren", "geweest"})
# fmt: off
# Present participles of short verbs: voorafgaand, staande (-gaan, -staan + d(e)).
SHORT_VERB_ENDINGS = tuple(sorted(SHORT_VERBS))
SEPARABLE_PARTICLES = (
    "aan", "achter", "af", "bij", "binnen", "door", "in", "los", "mee", "na", "neer", "om",
    "onder", "op", "over", "rond", "samen", "terug", "toe", "tegen", "uit", "vast", "voor",
    "voort", "weg", "bekend", "vrij", "schoon", "stop", "open", "dicht", "goed", "klaar",
)
# fmt: on
INSEPARABLE_PREFIXES = ("be", "ver", "ont", "her", "er", "ge")
DEGREE_ADVERBS = frozenset({"erg", "zeer", "heel", "te", "zo", "nogal", "best", "echt", "vrij"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "en", "maar", "want", "of", "dus"})
NOMINALISATION_SUFFIXES = (
    ("isatie", ("iseren",)),
    ("icatie", ("iceren",)),
    ("atie", ("eren",)),
    ("ctie", ("ceren", "cteren")),
    ("tie", ("eren", "ieren")),
    ("ing", ("en",)),
)
MIN_VERB_ZIPF = 1.0
MAX_NOUN_CHARS = 60  # longer tokens are no nouns to analyse (compound splitting is quadratic)
MIN_COMPOUND_PART = 4
DIAERESIS_BASE = {"ä": "a", "ë": "e", "ï": "i", "ö": "o", "ü": "u"}
# One hyphen-separated part of a token that is an acronym (JOGG in JOGG-aanpak, GGZ in POH-GGZ).
ACRONYM_PART_RE = re.compile(r"^[A-Z]{2,6}$")
ROMAN_RE = re.compile(r"^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")


@dataclass(frozen=True)
class Flag:
    """One piece of writing advice on a span of the unit text.

    Attributes:
        kind: one of ``FLAG_KINDS``.
        start: start character offset in the unit text.
        end: end character offset (exclusive).
        text: the flagged span.
        message: short Dutch explanation.
        suggestion: Dutch suggestion or plainer alternative, or None.
    """

    kind: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None = None

    def shifted(self, offset: int) -> Flag:
        """The same flag with offsets moved by ``offset`` characters."""
        return Flag(
            self.kind,
            self.start + offset,
            self.end + offset,
            self.text,
            self.message,
            self.suggestion,
        )

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def make_flag(
    doc: Doc, first: int, last: int, kind: str, message: str, suggestion: str | None
) -> Flag:
    """A flag covering tokens ``first``..``last`` (inclusive)."""
    start = doc[first].idx
    end = doc[last].idx + len(doc[last].text)
    return Flag(kind, start, end, doc[first : last + 1].text, message, suggestion)


def quote(text: str) -> str:
    return f"‘{text}’"


def alternatives(text: str) -> str:
    """``"a / b"`` from officialese.csv as ``‘a’ of ‘b’``."""
    parts = [p.strip() for p in text.split("/") if p.strip()]
    return " of ".join(quote(p) for p in parts)


# --- passive -------------------------------------------------------------------------------


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _is_participle(token: Token, resources: ReadabilityResources) -> bool:
    if "Part" in token.morph.get("VerbForm", []):
        return True
    return looks_like_participle(token.lower_, _lemma(token), resources)


def _infinitives_of(stem: str) -> list[str]:
    """Infinitives a weak participle stem can come from: verhoog -> verhogen, verstrek ->
    verstrekken, verhuis -> verhuizen, bezorg -> bezorgen."""
    finals = {stem[-1], {"f": "v", "s": "z"}.get(stem[-1], stem[-1])}
    out = []
    for final in finals:
        base = stem[:-1] + final
        out.append(base + "en")
        if len(base) > 3 and base[-2] == base[-3] and base[-2] in "aeou":
            out.append(base[:-3] + base[-2] + base[-1] + "en")  # verhoog -> verhogen
        if len(base) > 2 and base[-2] in "aeiou" and base[-3] not in "aeiou":
            out.append(base + base[-1] + "en")  # verstrek -> verstrekken
    return out


def looks_like_participle(
    form: str, lemma: str, resources: ReadabilityResources, after_worden: bool = False
) -> bool:
    """A past participle by its shape, for parses and pipelines that miss it.

    ``ge-``, particle + ``ge-`` (``opgeknapt``) or ``be-/ver-/ont-/her-/er-`` forms; those in
    -d/-t need an existing infinitive (``verhoogd`` -> ``verhogen``), those in -en need a
    lemma that is a different infinitive (``gesloten`` -> ``sluiten``; not ``gemeenten``).
    Right after *worden* a prefixed -en form equal to its infinitive also counts
    (``worden vervangen``): there it cannot be an infinitive.
    """
    if len(form) < 5 or not form.isalpha() or not form.endswith(("d", "t", "en")):
        return False
    particle, core = "", form
    for candidate in SEPARABLE_PARTICLES:
        if form.startswith(candidate + "ge") and len(form) > len(candidate) + 4:
            particle, core = candidate, form[len(candidate) :]
            break
    if core.startswith("ge") and len(core) > 4:
        stem = core[2:]
        stem = DIAERESIS_BASE.get(stem[0], stem[0]) + stem[1:]  # geïnformeerd
    elif not particle and core.startswith(INSEPARABLE_PREFIXES):
        stem = core
    else:
        return False
    if form.endswith("en"):
        if after_worden and lemma == form and stem is core:
            return _verb_exists(form, resources)
        return lemma != form and lemma.endswith("en") and len(lemma) > 3
    if lemma != form and lemma.endswith("en") and len(lemma) > 3:
        return True
    candidates = _infinitives_of(stem[:-1])
    if stem is not core:
        candidates += _infinitives_of(stem)  # gezet -> zetten: a stem in t/d keeps it
    return any(_verb_exists(particle + inf, resources) for inf in candidates)


def _listed_with_particle(word: str, listed: frozenset[str]) -> bool:
    """``word`` is listed, or a separable particle plus a listed word (*opgroeien*,
    *opgegroeid*)."""
    return word in listed or any(
        word.startswith(particle) and word[len(particle) :] in listed
        for particle in SEPARABLE_PARTICLES
    )


def _unaccusative(token: Token, resources: ReadabilityResources) -> bool:
    """A participle of a verb that takes *zijn* in the perfect (``passive_exceptions.txt``),
    by the pipeline's lemma or by its form (``passive_exceptions_forms.txt``, from simplemma's
    dictionary: lemmatisers miss strong forms such as *versleten*), also after a particle."""
    return _listed_with_particle(_lemma(token), resources.passive_exceptions) or (
        _listed_with_particle(token.lower_, resources.passive_exception_forms)
    )


def _is_present_participle(token: Token) -> bool:
    """``lopende``, ``voorafgaand``: the infinitive plus -d(e), by the lemma or, for verbs
    such as *voorafgaan* whose participle the lemmatiser keeps, by a short verb at the end."""
    form, lemma = token.lower_, _lemma(token)
    if lemma.endswith("n") and form in (lemma + "d", lemma + "de"):
        return True
    base = form[:-2] if form.endswith("nde") else form[:-1] if form.endswith("nd") else ""
    return base.endswith(SHORT_VERB_ENDINGS)


def _past_participle_after(
    doc: Doc, i: int, end: int, resources: ReadabilityResources
) -> Token | None:
    """The first past participle after token ``i`` in the same sentence, before ``end``."""
    sentence_end = min(end, doc[i].sent.end)
    return next(
        (
            t
            for t in doc[i + 1 : sentence_end]
            if t.pos_ in ("VERB", "AUX")
            and t.dep_ != "amod"  # "de desbetreffende werkzaamheden"
            and not t.lower_.endswith(("de", "te"))
            and not _is_present_participle(t)
            and _is_participle(t, resources)
        ),
        None,
    )


def _passive_flag(doc: Doc, aux: Token, participle: Token) -> Flag:
    first, last = sorted((aux.i, participle.i))
    agent = next((c for c in participle.children if c.dep_ == "obl:agent"), None)
    if agent is not None:
        actor = " ".join(t.text for t in agent.subtree if t.lower_ != "door")
        suggestion = f"Schrijf actief en begin met wie het doet: {quote(actor)} …"
    else:
        suggestion = "Schrijf actief: zeg wie het doet (bijvoorbeeld ‘wij’ of ‘de gemeente’)."
    span = doc[first : last + 1]
    words = f"{aux.text} … {participle.text}" if last - first > 1 else span.text
    return make_flag(doc, first, last, "passive", f"Lijdende vorm: {quote(words)}.", suggestion)


def _passive_parsed(doc: Doc, start: int, end: int, resources: ReadabilityResources) -> list[Flag]:
    flags: list[Flag] = []
    seen: set[int] = set()
    unresolved: list[Token] = []
    for token in doc[start:end]:
        lemma = _lemma(token)
        if lemma not in ("worden", "zijn") or token.pos_ not in ("AUX", "VERB"):
            continue
        participle: Token | None = None
        if token.dep_ in ("aux", "aux:pass", "cop") and token.head.i != token.i:
            head = token.head
            if head.pos_ in ("VERB", "ADJ", "AUX") and (
                token.dep_ == "aux:pass" or _is_participle(head, resources)
            ):
                participle = head
        if participle is not None and _is_present_participle(participle):
            # a misparse such as "wordt u ... voorafgaand aan ... in kennis gesteld"
            participle = _past_participle_after(doc, participle.i, end, resources) or participle
        if participle is None and lemma == "worden":
            participle = next(
                (
                    c
                    for c in token.children
                    if c.dep_ in ("xcomp", "ccomp", "obj", "acl", "conj", "parataxis")
                    and _is_participle(c, resources)
                ),
                None,
            )
        if participle is None or participle.i in seen:
            if participle is None and lemma == "worden":
                unresolved.append(token)
            continue
        if lemma == "zijn":
            evidence = token.dep_ == "aux:pass" or any(
                c.dep_ in ("nsubj:pass", "obl:agent", "csubj:pass") for c in participle.children
            )
            agentive = any(c.dep_ == "obl:agent" for c in participle.children)
            if not evidence or not _is_participle(participle, resources):
                continue
            if _unaccusative(participle, resources) and not agentive:
                continue
            if any(c.lower_ in DEGREE_ADVERBS for c in participle.children):
                continue
        seen.add(participle.i)
        flags.append(_passive_flag(doc, token, participle))
    for token in unresolved:
        # the parse missed the participle of "worden": fall back to the word-order rule
        for flag in _passive_rules(doc, token.i, end, resources, only_first=True):
            if not any(f.start <= flag.start < f.end for f in flags):
                flags.append(flag)
    return sorted(flags, key=lambda f: f.start)


def _passive_rules(
    doc: Doc, start: int, end: int, resources: ReadabilityResources, only_first: bool = False
) -> list[Flag]:
    tokens = list(doc[start:end])
    flags: list[Flag] = []
    used: set[int] = set()
    for k, token in enumerate(tokens):
        if only_first and k > 0:
            break
        form = token.lower_
        if form not in WORDEN_FORMS and form not in ZIJN_FORMS:
            continue
        candidates: list[Token] = []
        for other in tokens[k + 1 : k + 8]:  # main clause: aux ... participle
            if other.lower_ in CLAUSE_BREAKS or other.is_punct:
                break
            candidates.append(other)
        for other in reversed(tokens[max(0, k - 2) : k]):  # subclause: participle aux
            if other.is_punct:
                break
            candidates.append(other)
        for other in candidates:
            if other.i in used or not looks_like_participle(
                other.lower_, _lemma(other), resources, after_worden=form in WORDEN_FORMS
            ):
                continue
            if other.i > 0 and doc[other.i - 1].lower_ == "te":
                continue
            if form in ZIJN_FORMS:
                if form == "geweest" or _unaccusative(other, resources):
                    continue
                prev = doc[other.i - 1] if other.i > 0 else None
                if prev is not None and prev.lower_ in DEGREE_ADVERBS:
                    continue
            used.add(other.i)
            flags.append(_passive_flag(doc, token, other))
            break
    return flags


def detect_passive(doc: Doc, start: int, end: int, resources: ReadabilityResources) -> list[Flag]:
    """Passive voice: a form of *worden*/*zijn* with a participle in passive meaning.

    With a parse: ``aux:pass`` (or *worden* as ``aux`` of a participle); *zijn* counts only as
    ``aux:pass`` or with a *door*-agent, and not with verbs that take *zijn* in the perfect
    (``passive_exceptions.txt``: "is gegaan") or degree adverbs ("erg geïnteresseerd").
    Without a parse: the same forms followed (or, in a subclause, preceded) by a
    participle-shaped word in the same clause.
    """
    if doc.has_annotation("DEP"):
        return _passive_parsed(doc, start, end, resources)
    return _passive_rules(doc, start, end, resources)


# --- nominalisation ------------------------------------------------------------------------


def _verb_exists(verb: str, resources: ReadabilityResources) -> bool:
    return len(verb) > 4 and (
        resources.subtlex_zipf(verb) is not None or zipf_nl(verb) >= MIN_VERB_ZIPF
    )


def _derive_base_verb(word: str, resources: ReadabilityResources) -> tuple[str, bool] | None:
    for suffix, replacements in NOMINALISATION_SUFFIXES:
        if not word.endswith(suffix) or len(word) <= len(suffix) + 2:
            continue
        stem = word[: -len(suffix)]
        # the whole word, then shorter heads of a compound (afvalinzameling -> inzamelen)
        for cut in range(0, max(1, len(stem) - 3)):
            head = stem[cut:]
            for replacement in replacements:
                verb = head + replacement
                if _verb_exists(verb, resources):
                    return verb, cut == 0
        return None
    return None


def base_verb(word: str, resources: ReadabilityResources) -> tuple[str, bool] | None:
    """The verb a noun in -ing/-atie/-tie derives from, and whether it is the whole word's
    verb (``uitvoering`` -> ``("uitvoeren", True)``; ``doelstelling`` -> ``("stellen",
    False)``)."""
    memo = resources.memo("base_verb")
    if word not in memo:
        memo[word] = _derive_base_verb(word, resources)
    return memo[word]


def _third_person_forms(infinitive: str) -> set[str]:
    """Candidate present-tense 3rd person forms: verbeteren -> verbetert, aanvragen ->
    aanvraagt, invullen -> invult, leven -> leeft."""
    stem = infinitive[:-2]
    if len(stem) < 2:
        return set()
    stems = {stem}
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        stems.add(stem[:-1])  # invull -> invul
    vowel, before = stem[-2:-1], stem[-3:-2]
    if vowel in ("a", "e", "o", "u") and before and before not in "aeiouij":
        stems.add(stem[:-1] + vowel + stem[-1])  # aanvrag -> aanvraag
    out = set()
    for st in stems:
        st = st[:-1] + {"v": "f", "z": "s"}.get(st[-1], st[-1])
        out.add(st if st.endswith("t") else st + "t")
    return out


def is_infinitive(form: str, resources: ReadabilityResources) -> bool:
    """True when ``form`` is a verb infinitive: it is attested and one of its present-tense
    3rd person forms is too (``kenteken``, ``examen`` have none)."""
    if not _verb_exists(form, resources):
        return False
    return any(
        resources.subtlex_zipf(f) is not None or zipf_nl(f) >= MIN_VERB_ZIPF
        for f in _third_person_forms(form)
    )


def _is_exception(word: str, resources: ReadabilityResources) -> bool:
    """On the exceptions list, or a compound ending in a listed word (``huurwoning``) -
    unless a verb prefix makes it another word (``inrichting`` is not ``richting``)."""
    if word in resources.nominalisation_exceptions:
        return True
    for exception in resources.nominalisation_exceptions:
        if (
            len(exception) >= 5
            and word.endswith(exception)
            and not _only_prefixes(word[: -len(exception)])
        ):
            return True
    return False


def _only_prefixes(left: str) -> bool:
    """True when ``left`` is a chain of verb prefixes/particles (``herin``, ``bege``)."""
    if not left:
        return True
    return any(
        left.startswith(p) and _only_prefixes(left[len(p) :])
        for p in SEPARABLE_PARTICLES + INSEPARABLE_PREFIXES
    )


def is_nominalisation(token: Token, resources: ReadabilityResources) -> tuple[str, bool] | None:
    """The base verb (see ``base_verb``) when ``token`` is a deverbal action noun."""
    if len(token.text) > MAX_NOUN_CHARS:
        return None
    word = _lemma(token)
    if not word.isalpha():  # simplemma: "her_inrichting"
        word = token.lower_
    if token.pos_ and token.pos_ != "NOUN":
        return None
    if not word.isalpha() or not word.endswith(tuple(s for s, _ in NOMINALISATION_SUFFIXES)):
        return None
    if not token.pos_ and token.text[:1].isupper() and not doc_is_sentence_start(token):
        return None  # capitalised mid-sentence: a name
    if _is_exception(word, resources) or _is_exception(token.lower_, resources):
        return None
    info = compound_noun_info(token.lower_, resources) or compound_noun_info(word, resources)
    if info is not None and (info[0] == "concrete" or info[1].startswith("institut")):
        return None
    return base_verb(word, resources)


def compound_noun_info(word: str, resources: ReadabilityResources) -> tuple[str, str, str] | None:
    """lint-ii noun-list entry of ``word`` or, for an unlisted compound, of its longest listed
    head (``parkeervergunning`` -> ``vergunning``)."""
    info = resources.noun_info(word)
    for cut in range(1, len(word) - 4):
        if info is not None:
            break
        info = resources.noun_info(word[cut:])
    return info


def doc_is_sentence_start(token: Token) -> bool:
    return token.is_sent_start is True or token.i == 0


def _nominal_infinitive(
    tokens: list[Token], k: int, resources: ReadabilityResources
) -> tuple[int, int, str] | None:
    """``het`` + infinitive (+ ``en het`` + infinitive ...) + ``van``: (first, last, verb)."""
    token = tokens[k]
    if token.lower_ != "het" or k + 2 >= len(tokens):
        return None
    verb = tokens[k + 1]
    form = verb.lower_
    if not form.endswith("en") or len(form) < 6 or not form.isalpha():
        return None
    if verb.pos_ and verb.pos_ not in ("VERB", "NOUN"):
        return None
    if form in resources.nominalisation_exceptions or not is_infinitive(form, resources):
        return None
    j = k + 2
    while j + 2 < len(tokens) and tokens[j].lower_ == "en" and tokens[j + 1].lower_ == "het":
        j += 3  # "het organiseren en het uitvoeren van"
    if j < len(tokens) and tokens[j].lower_ == "van":
        return tokens[k].i, tokens[j].i, form
    return None


def detect_nominalisation(
    doc: Doc, start: int, end: int, resources: ReadabilityResources
) -> list[Flag]:
    """Nouns made from verbs: *-ing/-atie/-tie* action nouns (``uitvoering``,
    ``implementatie``) and nominal infinitives with article + *van* (``het verbeteren van``).

    A noun counts when the verb it derives from exists (SUBTLEX-NL or wordfreq), it is not on
    ``nominalisation_exceptions.txt`` (``woning``, ``vergadering`` ...) and lint-ii's noun list
    does not mark it as concrete or an institution. POS is used when available.
    """
    tokens = list(doc[start:end])
    flags: list[Flag] = []
    covered: set[int] = set()
    for k in range(len(tokens)):
        found = _nominal_infinitive(tokens, k, resources)
        if found is not None:
            first, last, verb = found
            covered.update(range(first, last + 1))
            flags.append(
                make_flag(
                    doc,
                    first,
                    last,
                    "nominalisation",
                    f"Werkwoord als zelfstandig naamwoord: {quote(doc[first : last + 1].text)}.",
                    f"Gebruik het werkwoord: schrijf wie er gaat {quote(verb)}.",
                )
            )
    first_word = next((t.i for t in tokens if is_word(t)), start)
    for token in tokens:
        if token.i in covered or _is_name(token, first_word):
            continue
        derived = is_nominalisation(token, resources)
        if derived is not None:
            verb, whole = derived
            suggestion = (
                f"Gebruik het werkwoord {quote(verb)}: schrijf wie wat doet."
                if whole
                else "Gebruik een werkwoord: schrijf wie wat doet."
            )
            flags.append(
                make_flag(
                    doc,
                    token.i,
                    token.i,
                    "nominalisation",
                    f"Zelfstandig naamwoord van een werkwoord: {quote(token.text)}.",
                    suggestion,
                )
            )
    return flags


# --- officialese ---------------------------------------------------------------------------


def verb_guesses(form: str) -> set[str]:
    """Infinitives a finite verb or participle form may belong to (``monitort`` ->
    ``monitoren``), for when the lemmatiser gets a rare verb wrong."""
    out: set[str] = set()
    for suffix in ("t", "d", "de", "te", "den", "ten"):
        if form.endswith(suffix) and len(form) - len(suffix) >= 3 and form.isalpha():
            stem = form[: -len(suffix)]
            for base in {stem, stem[2:] if stem.startswith("ge") and len(stem) > 4 else stem}:
                out.update(_infinitives_of(base))
    return out


def _keys(token: Token) -> tuple[str, ...]:
    return token.lower_, _lemma(token)


def _first_keys(token: Token) -> tuple[str, ...]:
    """The form, the lemma, then guessed infinitives, in that order: when two one-word terms
    match (*betreffende* and *betreffen*), the earlier key's term wins, the same on every run
    (a set's order changes with Python's hash seed)."""
    return tuple(dict.fromkeys((token.lower_, _lemma(token), *sorted(verb_guesses(token.lower_)))))


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


def _in_proper_name(doc: Doc, first: int, last: int) -> bool:
    """Capitalised words inside a sentence ("Team Beheer Openbare Ruimte", "de Verordening
    Afvalstoffen") are part of a name: the writer cannot replace them."""
    span = doc[first : last + 1]
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(t.text[:1].isupper() for t in words) and first > span.sent.start


def detect_officialese(
    doc: Doc, start: int, end: int, resources: ReadabilityResources
) -> list[Flag]:
    """Terms from ``officialese.csv`` matched on word forms and lemmas.

    One-word terms match the lowercased form or the lemma ("faciliteert" -> "faciliteren");
    phrases match as a sequence of forms or lemmas; phrases with a verb also match when the
    verb moved ("draagt zorg voor"). Longest match wins; matches do not overlap.
    """
    tokens = list(doc[start:end])
    flags: list[Flag] = []
    k = 0
    while k < len(tokens):
        best: tuple[int, OfficialeseTerm] | None = None
        candidates: list[OfficialeseTerm] = []
        for key in _first_keys(tokens[k]):
            candidates.extend(resources.officialese_by_first.get(key, ()))
        candidates.extend(resources.officialese_spread_index.get(tokens[k].lower_, ()))
        candidates.extend(resources.officialese_spread_index.get(_lemma(tokens[k]), ()))
        for term in candidates:
            last = _match_contiguous(tokens, k, term.words)
            if last is None and len(term.words) > 1:
                last = _match_spread(tokens, k, term.words, window=len(term.words) + 4)
            if last is not None and (best is None or last > best[0]):
                best = (last, term)
        if best is None:
            k += 1
            continue
        last, term = best
        first_i, last_i = tokens[k].i, tokens[last].i
        if _in_proper_name(doc, first_i, last_i):
            k = last + 1
            continue
        alt = term.alternative
        suggestion = f"Schrijf liever {alternatives(alt)}." if alt else None
        flags.append(
            make_flag(
                doc,
                first_i,
                last_i,
                "officialese",
                f"Ambtelijke taal: {quote(doc[first_i : last_i + 1].text)}.",
                suggestion,
            )
        )
        k = last + 1
    return flags


# --- rare words and abbreviations ----------------------------------------------------------


def _known(word: str, threshold: float, depth: int = 0) -> bool:
    """A word is known when it is frequent, or a compound of known parts (with linking s/e/en)."""
    if zipf_nl(word) >= threshold:
        return True
    if depth > 2 or len(word) < 7:
        return False
    for i in range(len(word) - MIN_COMPOUND_PART, MIN_COMPOUND_PART - 1, -1):
        head = word[i:]
        if zipf_nl(head) < threshold:
            continue
        left = word[:i]
        for link in ("", "s", "e", "en", "-"):
            if link and not left.endswith(link):
                continue
            part = left[: len(left) - len(link)] if link else left
            if len(part) >= MIN_COMPOUND_PART and _known(part, threshold, depth + 1):
                return True
    return False


@lru_cache(maxsize=100_000)
def is_known_word(word: str, threshold: float) -> bool:
    """Frequent in wordfreq's Dutch list, directly or as a compound of frequent parts."""
    return _known(word, threshold)


def _is_name(token: Token, sentence_start: int) -> bool:
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


def detect_rare_words(
    doc: Doc,
    start: int,
    end: int,
    resources: ReadabilityResources,
    settings: ReadabilitySettings,
    skip: Iterable[int] = (),
) -> list[Flag]:
    """Alphabetic words below ``settings.rare_word_zipf`` in wordfreq's Dutch list.

    Names (PROPN, or capitalised mid-sentence), abbreviations, numbers, tokens in ``skip``
    (officialese matches) and compounds of common parts are not rare.
    """
    skipped = set(skip)
    flags: list[Flag] = []
    first_word = next((t.i for t in doc[start:end] if is_word(t)), start)
    for token in doc[start:end]:
        if token.i in skipped or not token.is_alpha or len(token.text) < 4:
            continue
        if token.text.isupper() or _is_name(token, first_word):
            continue
        word = token.lower_
        if is_known_word(word, settings.rare_word_zipf):
            continue
        if zipf_nl(_lemma(token)) >= settings.rare_word_zipf:
            continue
        alt = resources.officialese_alternative(_lemma(token))
        suggestion = (
            f"Schrijf liever {alternatives(alt)}."
            if alt
            else "Kies een woord dat meer mensen kennen, of leg het woord uit."
        )
        flags.append(
            make_flag(
                doc,
                token.i,
                token.i,
                "rare_word",
                f"Weinig gebruikt woord: {quote(token.text)}.",
                suggestion,
            )
        )
    return flags


def explained_acronyms(text: str) -> set[str]:
    """Acronyms explained in ``text`` with parentheses: ``voluit (ABC)`` or ``ABC (voluit)``."""
    acronym = r"[A-Z]{2,6}|[A-Z][a-z]{1,5}"  # ABC, or a mixed-case one such as Wmo
    found = set(re.findall(rf"\(\s*({acronym})\s*\)", text))
    found.update(re.findall(r"\b([A-Z]{2,6})\s*\((?!\s*[A-Z]{2,6}\s*\))", text))
    return found


def detect_abbreviations(
    doc: Doc,
    start: int,
    end: int,
    resources: ReadabilityResources,
    explained: set[str],
    seen: set[str],
) -> list[Flag]:
    """All-caps words of 2-6 letters (also as any part of a compound: "JOGG-aanpak",
    "POH-GGZ", "wijk-CJG") and the mixed-case abbreviations of ``mixed_case_abbreviations.txt``
    ("Wmo"), not on ``known_acronyms.txt`` and not explained with parentheses in the text; only
    the first use in a unit is flagged (``seen`` is updated)."""
    words = [t for t in doc[start:end] if t.is_alpha]
    if words and sum(t.text.isupper() for t in words) > len(words) / 2:
        return []  # a heading in capitals
    flags: list[Flag] = []
    for token in doc[start:end]:
        new = [
            acronym
            for acronym in token_abbreviations(token.text, resources)
            if acronym not in resources.known_acronyms
            and acronym not in explained
            and acronym not in seen
            and not ROMAN_RE.match(acronym)
        ]
        if not new:
            continue
        seen.update(new)
        label = "Afkorting" if len(new) == 1 else "Afkortingen"
        flags.append(
            make_flag(
                doc,
                token.i,
                token.i,
                "abbreviation",
                f"{label} zonder uitleg: {' en '.join(quote(a) for a in new)}.",
                "Schrijf de afkorting de eerste keer voluit, met de afkorting tussen haakjes.",
            )
        )
    return flags


def token_abbreviations(text: str, resources: ReadabilityResources) -> list[str]:
    """The abbreviations in one token: each hyphenated part that is an all-caps acronym of
    2-6 letters (a possessive ``'s`` removed) or a listed mixed-case abbreviation."""
    found = []
    for part in text.split("-"):
        part = re.sub(r"['’]s$", "", part)
        is_abbreviation = ACRONYM_PART_RE.match(part) or part in resources.mixed_case_abbreviations
        if is_abbreviation and part not in found:
            found.append(part)
    return found


def count_subclauses_by_rules(
    doc: Doc, start: int, end: int, resources: ReadabilityResources
) -> int:
    """Subordinate clauses without a parse: subordinating words (``subordinators.csv``);
    ambiguous ones (die, dat, als ...) only after a comma, and *dat* also mid-sentence."""
    n = 0
    tokens = list(doc[start:end])
    for k, token in enumerate(tokens):
        ambiguous = resources.subordinators.get(token.lower_)
        if ambiguous is None:
            continue
        if not ambiguous:
            n += 1
            continue
        prev = tokens[k - 1].text if k > 0 else ""
        if prev == "," or (token.lower_ == "dat" and k > 0 and prev.isalpha()):
            n += 1
    return n
