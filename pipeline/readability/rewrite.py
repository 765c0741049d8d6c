"""Rewrite proposals: concrete, rule-based rewrites of flagged sentences, never applied silently.

Pure functions over one parsed sentence (a spaCy ``Doc`` and the token range of the sentence)
and its flags. Each rule fires only where it is reliable and otherwise proposes nothing:

- ``officialese`` / ``abbreviation``: the flag's ``replacement`` (a drop-in, inflected to fit
  the sentence by the detector), capitalised at the start of a sentence.
- ``passive``: a present-tense passive main clause with one finite verb and the participle
  last (``De plannen worden door de raad vastgesteld.`` -> ``De raad stelt de plannen
  vast.``). Without a *door*-agent only when the text speaks as "we" elsewhere
  (``first_person``) and the subject is not "we" itself: ``In 2020 wordt de communicatie
  verder op orde gebracht.`` -> ``In 2020 brengen we de communicatie verder op orde.`` The
  verb forms come from the verb table of ``morphology`` (participle -> infinitive).
- ``split`` (long sentences only): two main clauses joined by ", en" / ", maar" / ";" become two
  sentences; a non-restrictive relative clause at the end (", die/dat/waar ...") or a clause
  joined by ", waarna/waarbij/waardoor/waarmee/hetgeen" becomes a sentence of its own with
  main-clause word order (``..., dat elke dag open is.`` -> ``... Dat is elke dag open.``;
  ``..., waarna de leges direct dienen te worden voldaan.`` -> ``... Daarna dienen de leges
  direct te worden voldaan.``).
- ``nominalisation``: a sentence-initial "Voor het/de <action> van <object>" becomes "Om
  <object> te <verb>" (``Voor het aanvragen van een paspoort betaalt u ...`` -> ``Om een
  paspoort aan te vragen betaalt u ...``).

The module is longer than 500 lines on purpose: the rules share one sentence representation
and the verb helpers, and each rule is short; split up, one small grammar would be spread over
several modules.

Each proposal makes one change: a sentence-level proposal (passive, split, nominalisation)
leaves the words of the word-level ones as they are, so each can be accepted on its own. The
share of proposals judged grammatical with the same meaning is in
``docs/evaluation.md`` ("Rewrite proposals").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pipeline.frequencies import zipf_nl
from pipeline.readability.flags.passive import (
    agent_phrase,
    agent_words,
    door_oblique,
    names_a_means,
)
from pipeline.readability.morphology import (
    INSEPARABLE_PREFIXES,
    SEPARABLE_PARTICLES,
    _regular_lexeme,
    _verb_table,
    attributive,
    lexeme,
    separable_particle,
)
from pipeline.readability.reliability import DropinGate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

WORD_KINDS = ("officialese", "abbreviation")
PRESENT_PASSIVE = frozenset({"wordt", "worden"})
FIRST_PERSON = frozenset({"we", "wij", "ons", "onze"})
SPLIT_CONJUNCTIONS = {"en": "", "maar": "Maar "}
RELATIVES = {"die": "Die", "dat": "Dat", "waar": "Daar"}
# a clause joined by one of these at the end becomes a sentence starting with its "daar-" form
CONNECTIVES = {
    "waarna": "Daarna", "waarbij": "Daarbij", "waardoor": "Daardoor", "waarmee": "Daarmee",
    "hetgeen": "Dat",
}  # fmt: skip
NO_SPACE_BEFORE = re.compile(r"\s+([.,;:!?)\]])")
NO_SPACE_AFTER = re.compile(r"([(\[])\s+")
QUOTED = re.compile(r"‘([^’]+)’")
MIN_PART_WORDS = 5
GENDERED_DETERMINERS = frozenset(
    {"de", "het", "dit", "deze", "dat", "die", "welk", "welke", "elk", "elke", "ieder", "iedere"}
)
COMMON_SUFFIXES = ("ing", "heid", "tie", "sie", "teit", "ij", "nis", "st", "schap")
CLAUSE_WORDS = frozenset({"maar", "want", "omdat", "als", "alleen als", "doordat", "zodat"})
# Grammar classes the word-level checks need (closed classes, not term lists):
# pronominal adverbs, which fuse with a following preposition ("daar van" is not Dutch)
PRONOMINAL_ADVERBS = frozenset({"daar", "hier", "er", "waar"})
# adverbs that cannot stand as a predicate ("de bouw is mogelijk" -> not "is misschien")
ADVERBS_ONLY = frozenset({"misschien", "daar", "hier", "zo", "nu", "vroeger", "ook", "al"})
# case-marked prepositions of fixed phrases ("ten grondslag", "ter plaatse"): the noun stays
FIXED_CASE_PREPOSITIONS = frozenset({"ten", "ter"})
# parts of speech that are never the verb (the parse may tag a verb as NUM or X)
NOT_VERBS = frozenset({"ADJ", "NOUN", "ADV", "ADP", "SCONJ", "CCONJ", "DET", "PRON"})
DETERMINER_WORDS = frozenset({"de", "het", "een", "die", "dat", "deze", "dit"})
# quantifiers that take no -e ("te weinig geld", not "te weinige")
INDECLINABLE = frozenset({"weinig", "veel", "genoeg", "extra", "meer", "minder", "vaak"})
MIN_ATTRIBUTIVE_ZIPF = 2.0  # an -e form rarer than this is not a word ("voorale", "extrae")
MODALS = frozenset(
    {"mag", "mogen", "moet", "moeten", "kan", "kunnen", "kunt", "wil", "willen", "wilt",
     "zal", "zullen", "zult"}
)  # fmt: skip
MODAL_INFINITIVES = frozenset({"willen", "kunnen", "mogen", "moeten", "zullen"})
# participles of verbs that form the perfect with "zijn", not "hebben"
ZIJN_PARTICIPLES = frozenset(
    {"geweest", "gebeurd", "gegaan", "gekomen", "gebleven", "ontstaan", "verdwenen",
     "geworden", "gevolgd"}
)  # fmt: skip
HEBBEN_FORMS = frozenset({"heb", "hebt", "heeft", "hebben", "had", "hadden"})
# determiners after which an attributive adjective takes -e in any gender
E_DETERMINERS = frozenset(
    {"de", "het", "dit", "deze", "dat", "die", "welke", "elke", "iedere", "mijn", "je",
     "jouw", "uw", "zijn", "haar", "ons", "onze", "hun", "hetzelfde", "dezelfde"}
)  # fmt: skip
# words that make a replacement of a noun a clause, not a noun phrase
CLAUSE_MARKERS = frozenset(
    {"u", "je", "we", "wij", "het", "hij", "zij", "ze", "die", "dat", "waarin", "waar", "wat",
     "niet"}
)  # fmt: skip
PREPOSITIONS = frozenset(
    {"over", "voor", "met", "door", "bij", "na", "tijdens", "volgens", "om", "naar", "van", "op",
     "in", "aan", "uit"}
)  # fmt: skip
# Grammar facts the checks of round 5 need (closed classes, not term lists):
# "al" first in a clause reads as concessive "although" ("Al is het pand gesloopt")
CONCESSIVE_ADVERBS = frozenset({"al"})
# words after which "al" reads wrong: a negation ("al niet meer") or a restricting focus
# particle ("al slechts zeven")
NOT_AFTER_AL = frozenset({"niet", "geen", "nooit", "nergens", "niemand", "slechts", "pas", "maar"})
# adjectives that only stand before a noun ("het plan is huidig" is not Dutch)
NON_PREDICATIVE = frozenset(
    {"huidig", "huidige", "vorig", "vorige", "voormalig", "voormalige", "toenmalig",
     "toenmalige", "eventueel", "eventuele", "zogenaamd", "zogenaamde"}
)  # fmt: skip
# attributive forms with an idiomatic second reading ("de nodige onderzoeken": quite a few)
IDIOMATIC_ATTRIBUTIVES = frozenset({"nodige"})
# capitalised first words of the names of laws, rules and plans ("Wet algemene bepalingen
# omgevingsrecht", "Besluit ruimtelijke ordening"): the lower-case words after them belong
# to the name
NAME_HEADS = frozenset(
    {"wet", "besluit", "regeling", "verordening", "beleidsregel", "beleidsregels", "nota",
     "structuurvisie", "omgevingsvisie", "omgevingsverordening", "omgevingsplan",
     "bestemmingsplan", "programma", "reglement", "richtlijn", "verdrag", "nationaal",
     "provinciaal", "provinciale", "algemene", "gemeentelijke", "landelijke"}
)  # fmt: skip
NAME_WINDOW = 6
QUOTE_MARKS = frozenset({'"', "'", "‘", "’", "“", "”", "„"})
QUOTE_WINDOW = 20  # tokens: a title in quotes is short
# a preposition that reads as a place before a name ("bij de Wro" for "in het kader van")
LOCATIVE_PREPOSITIONS = frozenset({"bij"})
PASSIVE_OR_PERFECT_AUX = frozenset({"worden", "zijn", "hebben"})
HOEVEN_FORMS = frozenset({"hoeven", "hoef", "hoeft", "hoefde", "hoefden"})
NOTES = {
    "officialese": "Gewoner woord",
    "abbreviation": "Afkorting voluit",
    "passive": "Actief: zeg wie het doet",
    "split": "In twee zinnen",
    "nominalisation": "Werkwoord in plaats van zelfstandig naamwoord",
}


@dataclass(frozen=True)
class Proposal:
    """A proposed rewrite of ``text[start:end]`` (``original``) into ``replacement``.

    ``kind``: the rule (``officialese``, ``abbreviation``, ``passive``, ``split``,
    ``nominalisation``); ``note``: a short Dutch description for the reader.
    """

    kind: str
    start: int
    end: int
    original: str
    replacement: str
    note: str

    def shifted(self, offset: int) -> Proposal:
        return Proposal(
            self.kind, self.start + offset, self.end + offset, self.original,
            self.replacement, self.note,
        )  # fmt: skip

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


# --- words ------------------------------------------------------------------------------------


STRAIGHT_QUOTED = re.compile(r'(^|\s)"\s+([^"]*?)\s+"')


def _tidy(words: Sequence[str]) -> str:
    text = " ".join(w for w in words if w)
    text = NO_SPACE_BEFORE.sub(r"\1", text)
    text = STRAIGHT_QUOTED.sub(r'\1"\2"', text)  # 'het plan " Driessen "' -> '"Driessen"'
    text = re.sub(r"([‘“„])\s+", r"\1", text)
    text = re.sub(r"\s+([’”])", r"\1", text)
    return NO_SPACE_AFTER.sub(r"\1", text).strip()


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _uncap(token: Token, text: str) -> str:
    """Lower-case a word that only starts the sentence (not a name, not "U", not an acronym)."""
    if token.pos_ == "PROPN" or text[1:2].isupper() or not text[:1].isupper():
        return text
    return text[:1].lower() + text[1:]


class _Sentence:
    """A sentence's tokens, with optional replacements of single tokens' text."""

    def __init__(self, doc: Doc, start: int, end: int, overrides: dict[int, str]) -> None:
        self.doc = doc
        self.tokens = [t for t in doc[start:end] if not t.is_space]
        self.overrides = overrides

    def word(self, token: Token) -> str:
        return self.overrides.get(token.i, token.text)

    def words(self, tokens: Sequence[Token]) -> list[str]:
        return [self.word(t) for t in tokens]

    @property
    def n_words(self) -> int:
        return sum(1 for t in self.tokens if not t.is_punct)


def _finite(tokens: Sequence[Token]) -> list[Token]:
    return [t for t in tokens if "Fin" in t.morph.get("VerbForm", [])]


def _subtree(token: Token) -> list[Token]:
    return sorted(token.subtree, key=lambda t: t.i)


def _contiguous(tokens: Sequence[Token]) -> bool:
    return bool(tokens) and tokens[-1].i - tokens[0].i + 1 == len(tokens)


# --- verbs ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _participles() -> dict[str, str]:
    """Participle -> infinitive, from the verb table (the first verb listed wins)."""
    out: dict[str, str] = {}
    for inf, lex in _verb_table().items():
        out.setdefault(lex.part, inf)
    return out


def verb_of_participle(form: str) -> tuple[str, str | None] | None:
    """``(base infinitive, separable particle)`` of a past participle, from the verb table:
    ``vastgesteld`` -> ``("stellen", "vast")``, ``beoordeeld`` -> ``("beoordelen", None)``;
    None when the participle is not in the table (no guessing)."""
    form = form.lower()
    table = _participles()
    inf = table.get(form)
    if inf is not None:
        particle = separable_particle(inf)
        if particle is None:
            k = form.find("ge", 2)  # "weergegeven": a particle the list lacks, then "ge-"
            if k > 1 and not form[:k].startswith(INSEPARABLE_PREFIXES) and form[k:] in table:
                return table[form[k:]], form[:k]
            split = _particle_split(form, table)  # "uitbetaald": uit + betaald (no ge-)
            if split is not None and inf == split[1] + split[0]:
                return split
            return inf, None
        return inf[len(particle) :], particle
    return _particle_split(form, table)


def _particle_split(form: str, table: dict[str, str]) -> tuple[str, str] | None:
    """``(base infinitive, particle)`` when ``form`` is a separable particle followed by a
    participle of the table (with ge- or an inseparable prefix: "opgeruimd", "uitbetaald")."""
    for particle in sorted(SEPARABLE_PARTICLES, key=len, reverse=True):
        if " " in particle or not form.startswith(particle):
            continue
        rest = form[len(particle) :]
        base = table.get(rest)
        if base is not None and (rest.startswith("ge") or rest.startswith(INSEPARABLE_PREFIXES)):
            return base, particle
    return None


def present(inf: str, plural: bool) -> str:
    """The present-tense form of a (base) infinitive: ``stellen`` -> ``stelt`` / ``stellen``."""
    return inf if plural else lexeme(inf).sg3


# --- word-level replacements ------------------------------------------------------------------


def _first_alternative(flag: Any) -> str | None:
    found = QUOTED.findall(flag.suggestion or "")
    return found[0] if found else None


def _as_participle(token: Token, flag: Any) -> str | None:
    """The alternative verb as a participle, for a participle the detector's replacement
    got as a finite form ("wordt ... verstrekt" -> "gegeven", not "geeft")."""
    alternative = _first_alternative(flag)
    if not alternative or " " in alternative or not alternative.endswith("en"):
        return None
    part = lexeme(alternative).part
    if token.lower_.endswith("e") and not part.endswith("en"):
        part += "e"  # attributive: "verstrekte toeslagen" -> "gegeven toeslagen"
    return part


def _uninflected(form: str) -> str:
    """A participle without the attributive -e ("verstrekte" -> "verstrekt")."""
    return form[:-1] if form.endswith(("de", "te")) and len(form) > 4 else form


def _looks_plural(text: str) -> bool:
    return " " not in text and text.endswith(("en", "s")) and not text.endswith(("ijs", "us"))


def _noun_fits(span: Any, text: str) -> bool:
    """Whether a replacement noun fits the determiner and adjectives of the original: the
    gender of the replacement is unknown, so a gendered determiner (de/het/dit/deze/...) or
    an adjective in front is only kept with a plural for a plural, the same compound head,
    or a suffix that is always common gender (-ing, -heid, ...)."""
    head = span.root
    words = text.split()
    children = list(head.children)
    gendered = [c for c in children if c.dep_ == "det" and c.lower_ in GENDERED_DETERMINERS]
    adjectives = [c for c in children if c.dep_ == "amod" and c.i < head.i]
    complements = [c for c in children if c.dep_ in ("nmod", "acl") and c.i > head.i]
    if len(words) > 1 and (complements or adjectives or gendered):
        return False
    if head.dep_.startswith("nsubj") and len(words) == 1:
        plural = "Plur" in head.morph.get("Number", [])
        if plural != _looks_plural(text) and not text.endswith(("ing", "heid")):
            return False  # the finite verb agrees with the subject: "de problematiek is"
    before = head.doc[head.i - 1] if head.i > 0 else None
    bare = (
        len(span) == 1
        and before is not None
        and before.pos_ == "ADP"  # "de resultaten van inventarisatie"
        and not any(c.dep_ in ("det", "nmod:poss") for c in children)
        and "Plur" not in head.morph.get("Number", [])
    )
    if bare and head.lower_.endswith(COMMON_SUFFIXES) and not text.endswith(COMMON_SUFFIXES):
        return False  # an abstract noun stands without an article, its replacement may not
    if not gendered and not adjectives:
        return True
    if "Plur" in head.morph.get("Number", []):
        return _looks_plural(text)
    if len(words) > 1:
        return False
    original = head.lower_
    if len(text) >= 4 and any(original.endswith(text[-k:]) for k in range(4, len(text) + 1)):
        return True  # the same compound head: legitimatiebewijs -> identiteitsbewijs
    return "Com" in head.morph.get("Gender", []) and text.endswith(COMMON_SUFFIXES)


def _ambiguous_t_form(token: Token) -> bool:
    """A form that is both a participle and a present-tense verb ("verstrekt", "verschaft"):
    only an auxiliary attached to it shows that it is the participle."""
    verb = verb_of_participle(token.lower_)
    if verb is None:
        return False
    base, particle = verb
    return particle is None and lexeme(base).sg3 == token.lower_


def _needs_e(token: Token) -> bool | None:
    """Whether an attributive adjective before its noun takes -e: True after a definite or
    possessive determiner, before a plural or a common-gender noun; False for a neuter
    singular noun after "een"/"geen" or nothing; None when unknown or not attributive."""
    head = token.head
    if token.dep_ != "amod" and token.pos_ == "ADJ":  # "geen (significant) effecten"
        following = [t for t in token.doc[token.i + 1 : token.i + 3] if not t.is_punct]
        head = following[0] if following else token
    elif token.dep_ != "amod":
        return None
    if head.pos_ not in ("NOUN", "PROPN") or token.i > head.i:
        return None
    dets = [c.lower_ for c in head.children if c.dep_ in ("det", "nmod:poss") and c.i < token.i]
    if any(d in E_DETERMINERS for d in dets) or "Plur" in head.morph.get("Number", []):
        return True
    gender = head.morph.get("Gender", [])
    if "Com" in gender:
        return True
    if "Neut" in gender and all(d in ("een", "geen") for d in dets):
        return False
    return None


def _agree_adjective(token: Token, text: str) -> str | None:
    """A one-word adjective replacement inflected to agree with its noun ("het vigerend
    bestemmingsplan" -> "het huidige"), also where the original did not agree; None when
    the noun wants no -e but the replacement has one."""
    if " " in text or token.pos_ not in ("ADJ", "VERB"):
        return text
    if "Plur" in token.morph.get("Number", []) or (
        token.lower_.endswith("en") and verb_of_participle(token.lower_) is None
    ):
        return text  # a plural noun tagged as an adjective ("uitvoering werkzaamheden"): no -e
    need = _needs_e(token)
    if need is True and not text.endswith("e") and not text.endswith("en"):
        inflected = attributive(text)
        if zipf_nl(inflected) < MIN_ATTRIBUTIVE_ZIPF:
            return None  # "momenteel" before a noun is an adverb: not "nue"
        return inflected
    if need is False and text.endswith("e") and not token.lower_.endswith("e"):
        return None
    return text


def _attributive_ok(text: str, alternative: str | None) -> bool:
    """An alternative given the attributive -e must be an adjective phrase that inflects:
    not a prepositional phrase ("op tijd" -> "op tijde"), not a quantifier ("genoege"), and
    the -e form must be a word at all ("vooral" -> "voorale")."""
    words = text.lower().split()
    base = (alternative or "").lower().split()
    if not words or not words[-1].endswith("e") or (base and base[-1] == words[-1]):
        return True
    stem = base[-1] if base else words[-1][:-1]
    if stem in INDECLINABLE or (
        len(words) > 1 and words[0] in PREPOSITIONS | {"zonder", "tussen", "volgens"}
    ):
        return False
    return zipf_nl(words[-1]) >= MIN_ATTRIBUTIVE_ZIPF


def _clause_is_elliptic(token: Token) -> bool:
    """A subordinating conjunction whose clause has no finite verb and no "te"-infinitive
    in the rest of the sentence ("indien juridisch noodzakelijk"): "als" there reads as
    "as". Before a colon (a list follows) it is not elliptic."""
    rest = token.doc[token.i + 1 : token.sent.end]
    if len(rest) and rest[0].text == ":":
        return False
    return not any("Fin" in t.morph.get("VerbForm", []) or t.lower_ == "te" for t in rest)


def _prepositional_object(token: Token) -> bool:
    """A finite verb or infinitive with an "aan" object and no direct object ("voldoen
    aan de eisen"): the preposition belongs to the verb, another verb needs another one.
    Read from the parse, and from the words when the parse missed the verb ("voldoen niet
    meer aan": only adverbs between the verb and "aan")."""
    if token.dep_ in ("amod", "acl"):
        return False
    children = list(token.children)
    if _stranded_aan(token):
        return True  # before the object check: the parse may read the subject as an object
    if any(c.dep_ == "obj" for c in children):
        return False
    if any(
        c.dep_ == "obl" and any(g.dep_ == "case" and g.lower_ == "aan" for g in c.children)
        for c in children
    ):
        return True
    for t in token.doc[token.i + 1 : token.sent.end]:
        if t.lower_ == "aan" and t.pos_ == "ADP":
            return True
        if t.is_punct or t.pos_ not in ("ADV", "CCONJ", "PART", "AUX"):
            return False
    return False


def _te_follows(span: Any) -> bool:
    """A "te" after the span in the same stretch of the sentence (up to punctuation or
    "om")."""
    for t in span.doc[span[-1].i + 1 : span.sent.end]:
        if t.is_punct or t.lower_ == "om":
            return False
        if t.lower_ == "te":
            return True
    return False


def _plural_noun_reading(token: Token) -> bool:
    """A verb form used as a plural noun: with a numeral, a quantifier or "de" in front
    ("twee verzoeken", "meerdere verzoeken", "de verzoeken"); a nominal infinitive takes
    "het" ("het benutten") and stays a verb."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is None or before.lower_ == "het":
        return False
    return (
        before.pos_ == "NUM"
        or (before.dep_ in ("det", "nummod") and before.head.i == token.i)
        or (token.pos_ == "NOUN" and before.pos_ in ("DET", "PRON") and before.lower_ != "het")
    )


def _clause_start(token: Token) -> bool:
    """The first word of a sentence or clause (after punctuation or a conjunction)."""
    if token.i == token.sent.start:
        return True
    before = token.doc[token.i - 1]
    return before.is_punct or before.pos_ in ("CCONJ", "SCONJ")


def _quote_mark(token: Token) -> bool:
    """A quotation mark; not the apostrophe of "'s-Hertogenbosch"."""
    if token.text not in QUOTE_MARKS:
        return False
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return not (token.text == "'" and nxt is not None and nxt.text.startswith("s-"))


def _in_quotes(span: Any) -> bool:
    """A span between an opening quotation mark (a curly opener, or a straight one attached
    to the next word) and a closing one, on the same line, within ``QUOTE_WINDOW`` tokens."""
    doc, first, last = span.doc, span[0], span[-1]
    opener = None
    for t in reversed(doc[max(0, first.i - QUOTE_WINDOW) : first.i]):
        if "\n" in t.text_with_ws:
            return False
        if _quote_mark(t):
            opener = t
            break
    if opener is None:
        return False
    straight = opener.text in ('"', "'")
    before = doc[opener.i - 1] if opener.i > 0 else None
    if straight and (opener.whitespace_ or (before is not None and not before.whitespace_)):
        return False  # a closing mark: the span is after a quotation, not in one
    if not straight and opener.text not in "‘“„":
        return False
    for t in doc[last.i + 1 : min(len(doc), last.i + 1 + QUOTE_WINDOW)]:
        if _quote_mark(t):
            return True
        if "\n" in t.text_with_ws:
            return False
    return False


def _in_name(span: Any) -> bool:
    """A span inside a quoted title ("bestemmingsplan 'Kern, herziening'") or inside the
    name of a law, rule or plan that starts with a capitalised name head and goes on in lower
    case ("Wet algemene bepalingen omgevingsrecht"): a name is never rewritten."""
    first = span[0]
    before = list(first.doc[first.sent.start : first.i])
    if _in_quotes(span):
        return True
    if any(t.text[:1].isupper() for t in span) or span.root.pos_ not in ("NOUN", "ADJ", "PROPN"):
        return False
    for t in reversed(before[-NAME_WINDOW:]):
        if t.text[:1].isupper():
            return t.lower_ in NAME_HEADS and t.pos_ in ("NOUN", "PROPN", "ADJ")
        if not t.is_alpha or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ"):
            return False
    return False


def _term_in_compound(span: Any) -> bool:
    """A noun that also starts a compound of the same sentence ("een wijziging" next to
    "wijzigingsbevoegdheid"): the term is the legal word both refer to; replacing one breaks
    the link."""
    if len(span) != 1 or span[0].pos_ != "NOUN":
        return False
    stem = span[0].lemma_.lower() or span[0].lower_
    if len(stem) < 5:
        return False
    return any(
        t.i != span[0].i
        and t.text.islower()
        and t.lower_.startswith(stem)
        and len(t.lower_) > len(stem) + 2
        for t in span[0].sent
    )


def _stranded_aan(token: Token) -> bool:
    """An "aan" at the end of the verb's clause ("Hier voldoet dit plan aan."): the
    preposition of a prepositional object whose pronoun moved to the front."""
    rest = token.doc[token.i + 1 : token.sent.end]
    for k, t in enumerate(rest):
        if t.is_punct or t.pos_ in ("SCONJ", "CCONJ"):
            return False
        nxt = rest[k + 1] if k + 1 < len(rest) else None
        if t.lower_ == "aan" and (nxt is None or nxt.is_punct or nxt.pos_ == "CCONJ"):
            return True
    return False


def _quotes_balanced(s: _Sentence) -> bool:
    """Every quotation mark of the sentence has its partner ("de bestemming 'Woondoeleinden;"
    has none): a split of a sentence with an open quote cuts a title or a quotation."""
    marks = [t.text for t in s.tokens if _quote_mark(t)]
    straight = sum(m in ('"', "'") for m in marks)
    opening = sum(m in "‘“„" for m in marks)
    closing = sum(m in "’”" for m in marks)
    return straight % 2 == 0 and opening == closing


def _sentence_tokens(token: Token) -> list[Token]:
    """The tokens of the sentence around ``token``, bounded by sentence-final punctuation or
    a line break (the parser's own sentence may be shorter: it may start at "alsmede")."""
    doc, start, end = token.doc, token.i, token.i + 1
    while (
        start > 0
        and doc[start - 1].text not in (".", "!", "?")
        and "\n" not in doc[start - 1].text_with_ws
    ):
        start -= 1
    while (
        end < len(doc)
        and doc[end - 1].text not in (".", "!", "?")
        and ("\n" not in doc[end - 1].text_with_ws)
    ):
        end += 1
    return list(doc[start:end])


def _context_blocks(first: Token, last: Token, words: list[str]) -> bool:
    """Round-7 checks of a drop-in against its neighbours (closed word classes, no term
    lists): a reason to make no proposal."""
    doc = first.doc
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    sent = _sentence_tokens(first)
    head = next((t for t in sent if t.is_alpha), None)
    if head is not None and head.text[:1].islower() and head.lower_ in ("en", "of", "van", "voor"):
        return True  # "en programmatische kaders deelgebied D": the tail of a cut-off title
    if words == ["en"] and any(t.lower_ == "en" for t in sent if t.i < first.i):
        return True  # "A, en B alsmede C" -> not "A, en B en C" (the list becomes ambiguous)
    if (words[0] == "hoeven" or (words[0] in HOEVEN_FORMS and first.pos_ in ("VERB", "AUX"))) and (
        not any(t.lower_ == "te" for t in sent if t.i > last.i)
    ):
        return True  # "behoeft een herziening" -> not "hoeft een herziening"
    if (
        first.pos_ in ("ADJ", "ADV")
        and after is not None
        and after.lower_ == "te"
        and before is not None
        and before.lower_ in DETERMINER_WORDS
    ):
        return True  # "een nader te bepalen detaillering": a fixed "te"-phrase
    if (
        before is not None
        and before.lower_ == "het"
        and first.i >= 2
        and doc[first.i - 2].pos_ == "ADP"
        and first.i == last.i
        and len(words) == 1
        and first.pos_ == "ADJ"
        and (after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ"))
    ):
        return True  # "voor het overige" (otherwise): a nominalised adjective in a phrase
    if (
        after is not None
        and after.lower_ in ("aan", "van")
        and any("Fin" in t.morph.get("VerbForm", []) for t in (first, last))
        and len(words) == 1
    ):
        return True  # "bevindt zich aan" -> not "is aan"; "plaatsvindt van X" -> not "gebeurt van"
    if (
        first.pos_ == "NOUN"
        and after is not None
        and after.lower_ in ("aan", "op", "van")
        and len(words) == 1
        and first.i == sent[0].i
    ):
        return True  # "Toetsing aan de voorwaarden" -> not "Controle aan"
    if (
        words == ["misschien"]
        and before is not None
        and not any(
            t is not None and t.pos_ in ("AUX", "VERB") and "Fin" in t.morph.get("VerbForm", [])
            for t in (before, after)
        )
        and any(t.lemma_.lower() in ("zijn", "worden", "blijken", "lijken") for t in sent)
    ):
        return True  # "is het opstellen van een plan mogelijk" (possible) -> not "misschien"
    if (
        before is not None
        and before.lower_ == "te"
        and len(words) == 1
        and words[0] not in _verb_table()
        and separable_particle(words[0]) is None
        and any(words[0][k:] in _verb_table() for k in range(2, len(words[0]) - 3))
    ):
        return True  # "te verwezenlijken" -> not "te waarmaken" (a separable verb: "waar te maken")
    if after is not None and after.pos_ in ("NOUN", "PROPN") and first.pos_ in ("ADJ", "VERB"):
        noun = after.lower_
        if len(noun) >= 4 and any(noun in w or w.startswith(noun[:4]) for w in words):
            return True  # "het voorgenomen plan" -> not "het geplande plan" (tautology)
    if (
        before is not None
        and before.pos_ == "VERB"
        and "Inf" in before.morph.get("VerbForm", [])
        and first.i >= 2
        and doc[first.i - 2].pos_ == "NOUN"
        and words == ["met"]
        and first.pos_ == "ADP"
    ):
        return True  # "medewerking verlenen middels X" -> not "verlenen met X" (with whom)
    # "om aan de eisen te voldoen": the "aan"-object before a te-infinitive
    return (
        first.pos_ in ("VERB", "AUX")
        and any(t.lower_ == "aan" for t in sent if first.i - 10 <= t.i < first.i)
        and any(t.lower_ == "te" for t in sent if first.i - 2 <= t.i < first.i)
    )


def _fits_context(doc: Doc, span: Any, text: str) -> bool:
    """Generic checks of a word-level replacement against the words around it (see
    ``word_replacement``)."""
    first, last = span[0], span[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    words = text.lower().split()
    if not words:
        return False
    if (
        words[0] in DETERMINER_WORDS
        and before is not None
        and (before.pos_ == "DET" or before.lower_ in DETERMINER_WORDS)
    ):
        return False  # "het desbetreffende deelgebied" -> not "het die deelgebied"
    if words[0] in CONCESSIVE_ADVERBS and (
        (_clause_start(first) and after is not None and "Fin" in after.morph.get("VerbForm", []))
        or (after is not None and after.lower_ in NOT_AFTER_AL)
    ):
        return False  # "Inmiddels is ..." -> not "Al is ..." (although); not "al niet meer"
    if (
        len(words) == 1
        and words[0] in NON_PREDICATIVE
        and first.dep_ != "amod"
        and not (after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ"))
    ):
        return False  # "het plan is vigerend" -> not "is huidig"
    if words[-1] in IDIOMATIC_ATTRIBUTIVES and (
        (before is not None and before.pos_ == "DET") or first.dep_ == "amod"
    ):
        return False  # "(de) noodzakelijke kosten" -> not "(de) nodige" (quite a few)
    if (
        len(span) == 1
        and len(words) == 1
        and words[0].endswith(("end", "ende"))
        and first.lower_.endswith(("end", "ende"))
        and zipf_nl(words[0]) < MIN_ATTRIBUTIVE_ZIPF
    ):
        return False  # a present participle that is no word in use ("bijwerkend")
    if (
        first.i == first.sent.start
        and verb_of_participle(first.lower_) is not None
        and after is not None
        and after.lemma_.lower() in ("zijn", "worden")
    ):
        return False  # a fronted participle ("Geconstateerd is dat ...") stays as it is
    if _in_name(span) or _term_in_compound(span):
        return False
    if _context_blocks(first, last, words):
        return False
    if len(span) > 1 and words == [w for w in words if w in LOCATIVE_PREPOSITIONS] and after:
        name = after if after.pos_ != "DET" or after.i + 1 >= len(doc) else doc[after.i + 1]
        if name.text[:1].isupper():
            return False  # "in het kader van de Wro" -> not "bij de Wro" (a place)
    if words[-1] in PRONOMINAL_ADVERBS and after is not None and after.pos_ == "ADP":
        return False  # "ter plaatse van" -> not "daar van"
    if before is not None and before.lower_ in FIXED_CASE_PREPOSITIONS:
        return False  # "ten grondslag liggen": the noun belongs to a fixed phrase
    if (
        len(span) == 1
        and words[-1] in ADVERBS_ONLY
        and (first.dep_ in ("ROOT", "xcomp") or any(c.dep_ == "cop" for c in first.children))
    ):
        return False  # "is mogelijk", "maakt ... mogelijk": a predicate, not an adverb
    if words[-1] in MODALS and _te_follows(span):
        return False  # "is bevoegd ... te adviseren" -> not "mag ... te adviseren"
    if len(span) == 1 and first.pos_ == "SCONJ" and _clause_is_elliptic(first):
        return False
    if words[-1] in ZIJN_PARTICIPLES and any(t.lower_ in HEBBEN_FORMS for t in span.sent):
        return False  # "heeft plaatsgevonden" -> not "heeft gebeurd"
    if span.root.pos_ == "NOUN" and len(words) > 1 and CLAUSE_MARKERS & set(words):
        return False  # a clause or a verb phrase in place of a noun
    # a verb phrase in place of a noun ("re-integratie" -> "weer aan het werk gaan")
    return not (span.root.pos_ == "NOUN" and len(words) > 1 and words[-1] in _verb_table())


def _separable_ok(first: Token, text: str, alternative: str | None) -> bool:
    """A separable alternative verb ("vastleggen" for "borgen") keeps its particle only in a
    participle or a clause-final infinitive: not as a finite verb ("wij vastleggen"), not
    after "te" (``separable_te`` moves the particle), and a participle must be one the verb
    table knows ("voorgeuitgelopen" is no word)."""
    word = text.lower()
    if " " in word:
        return True
    bare = _uninflected(word)
    if verb_of_participle(bare) is not None:
        return True  # a participle the verb table knows
    prefixed = [p for p in SEPARABLE_PARTICLES if " " not in p and word.startswith(p + "ge")]
    if prefixed and len(word) > 6:
        return False
    if alternative and " " not in alternative:
        particle = separable_particle(alternative.lower())
        if particle and word.startswith(particle) and "Fin" in first.morph.get("VerbForm", []):
            return False
    return True


def separable_te(doc: Doc, flag: Any, text: str) -> tuple[int, str, str] | None:
    """ "te borgen" -> "vast te leggen": ``(start, original, replacement)`` covering "te"
    when the replacement is a separable infinitive after "te", else None."""
    span = doc.char_span(flag.start, flag.end)
    if span is None or len(span) != 1 or span[0].i == 0 or " " in text:
        return None
    before = doc[span[0].i - 1]
    particle = separable_particle(text.lower())
    if before.lower_ != "te" or not particle:
        return None
    original = doc.text[before.idx : flag.end]
    return before.idx, original, f"{text[: len(particle)]} te {text[len(particle) :]}"


def _u_agreement(doc: Doc, span: Any, text: str) -> str:
    """ "u" takes "bent", not "is" ("Verkeert u" -> "Bent u", not "Is u")."""
    if text.lower() != "is":
        return text
    first = span[0]
    neighbours = [doc[i].lower_ for i in (first.i - 1, first.i + 1) if 0 <= i < len(doc)]
    if "u" in neighbours:
        return "Bent" if text[:1].isupper() else "bent"
    return text


def word_replacement(doc: Doc, flag: Any) -> str | None:
    """The drop-in replacement of a word-level flag as a proposal, or None where it would not
    fit the sentence: a span inside a word (part of a compound), a participle the detector
    inflected as a finite verb (re-inflected here from the alternative), a conjunction that
    needs a clause in place of an adverb or a preposition ("echter" -> "maar", "gelet op" ->
    "omdat"), a preposition in place of an adjective ("de betreffende maand" -> "de over
    maand"), or a noun whose gender may not fit its determiner or adjectives."""
    span = doc.char_span(flag.start, flag.end)
    if span is None or len(span) == 0:
        return None
    text = flag.replacement
    first = span[0]
    has_aux = any(c.dep_ in ("aux", "aux:pass") for c in first.children)  # "is ... verstrekt"
    used_as_participle = (
        ("Part" in first.morph.get("VerbForm", []) and (has_aux or not _ambiguous_t_form(first)))
        or has_aux
        or (first.dep_ == "amod" and first.lower_.endswith(("de", "te")))  # "verstrekte"
    )
    if (
        len(span) == 1
        and used_as_participle
        and verb_of_participle(_uninflected(first.lower_)) is not None
        and verb_of_participle(_uninflected(text)) is None
    ):
        own = verb_of_participle(_uninflected(first.lower_))
        if own is not None and (own[1] or "") + own[0] == first.lower_:
            return text  # "ontvangen" is a participle and an infinitive: the parse decides
        text = _as_participle(first, flag) or ""
        if not text:
            return None
    alternative = _first_alternative(flag)
    if (
        len(span) == 1
        and not used_as_participle
        and _ambiguous_t_form(first)
        and verb_of_participle(_uninflected(text.lower())) is not None
        and alternative
        and " " not in alternative
        and alternative.endswith("en")
    ):
        text = lexeme(alternative).sg3  # "De instelling verstrekt ..." -> "geeft", not "gegeven"
    words = text.split()
    if (
        len(span) > 1
        and alternative
        and verb_of_participle(words[0].lower()) is not None
        and any(
            _ambiguous_t_form(t) and not any(c.dep_ in ("aux", "aux:pass") for c in t.children)
            for t in span
        )
    ):  # "Gennep beschikt over" -> "heeft", not "gehad"
        text = " ".join([lexeme(alternative.split()[0]).sg3, *words[1:]])
    passive_aux = [
        c
        for c in first.children
        if c.dep_ in ("aux", "aux:pass") and c.lemma_.lower() in PASSIVE_OR_PERFECT_AUX
    ]
    if (
        len(span) > 1
        and passive_aux
        and alternative
        and words[0].lower() == alternative.split()[0].lower()
        and words[0].lower() in _verb_table()
    ):  # "wordt voorzien in" -> "wordt gezorgd voor", not "wordt zorgen voor"
        text = " ".join([lexeme(words[0].lower()).part, *words[1:]])
    if (
        len(span) == 1
        and _plural_noun_reading(first)
        and alternative
        and alternative.lower() in _verb_table()
        and text.lower() == alternative.lower()
    ):
        return None  # "de verzoeken tot ..." (requests) -> not "vragen" (questions)
    if text.lower() in CLAUSE_WORDS and first.pos_ not in ("SCONJ", "CCONJ"):
        return None
    if first.pos_ in ("ADJ", "VERB") and first.dep_ in ("amod", "acl") and text in PREPOSITIONS:
        return None
    if span.root.pos_ == "NOUN" and not _noun_fits(span, text):
        return None
    if len(span) == 1 and used_as_participle:
        alternative = _first_alternative(flag)
        if alternative and alternative.lower() in MODAL_INFINITIVES:
            return None  # "gewenste" -> not "gewilde" (popular)
    if first.dep_ == "amod" and not _attributive_ok(text, alternative):
        return None
    if len(span) == 1:
        agreed = _agree_adjective(first, text)
        if agreed is None:
            return None
        text = agreed
    if not _fits_context(doc, span, text):
        return None
    if (
        len(span) == 1
        and first.pos_ not in NOT_VERBS
        and (alternative or "").lower() in _verb_table()
        and _prepositional_object(first)
    ):
        return None  # "voldoen aan de eisen" -> not "betalen aan"
    if not _separable_ok(first, text, _first_alternative(flag)):
        return None
    if text.split()[0].lower() in MODALS and _te_infinitive_follows(span):
        return None  # "Gelieve ... in te vullen" -> not "Wilt u ... in te vullen"
    return _u_agreement(doc, span, text)


def _te_infinitive_follows(span: Any) -> bool:
    """A "te" before an infinitive later in the sentence ("Gelieve het formulier in te
    vullen"): a modal in place of the span would take a bare infinitive."""
    if span[-1].lower_ == "te":  # "dient te" -> "moet": the span takes its own "te"
        return False
    sent = span[0].sent
    for t in sent:
        if t.i <= span[-1].i:
            continue
        if t.text in (",", ";", ":"):
            return False  # another stretch of the sentence
        if t.lower_ == "te" and t.i + 1 < sent.end and t.doc[t.i + 1].pos_ in ("VERB", "AUX"):
            return True
    return False


def modal_question(s: _Sentence, flag: Any) -> list[str] | None:
    """ "Gelieve <object> <particle> te <verb> ..." -> "Wilt u <object> <particle+verb>
    ...?" for a sentence-initial term whose alternative is a modal with "u" ("wilt u"): the
    te-infinitive becomes a bare infinitive, the sentence a question. None for anything
    else (a comma, a clause, a second verb)."""
    tokens = s.tokens
    words = (flag.replacement or "").split()
    if len(words) != 2 or words[0].lower() not in MODALS or words[1].lower() != "u":
        return None
    if not tokens or tokens[0].idx != flag.start or flag.end != tokens[0].idx + len(tokens[0]):
        return None
    body = tokens[1:-1] if tokens[-1].text in (".", "!") else None
    if not body:
        return None
    tes = [t for t in body if t.lower_ == "te"]
    if len(tes) != 1 or any(t.text in (",", ";", ":") or t.pos_ == "SCONJ" for t in body):
        return None
    te = tes[0]
    verb = te.doc[te.i + 1] if te.i + 1 < tokens[-1].i else None
    if verb is None or verb.pos_ not in ("VERB", "AUX") or not verb.lower_.endswith("n"):
        return None
    before = [t for t in body if t.i < te.i]
    particle = ""
    if before and before[-1].lower_ in SEPARABLE_PARTICLES and before[-1].dep_ == "compound:prt":
        particle = before[-1].lower_
        before = before[:-1]
    after = [t for t in body if t.i > verb.i]
    if any(t.pos_ in ("VERB", "AUX") for t in before + after):
        return None
    return [_cap(words[0]), "u", *s.words(before), particle + verb.lower_, *s.words(after), "?"]


# --- rules -----------------------------------------------------------------------------------


def _agent_words(s: _Sentence, agent: Token, we: str = "we") -> tuple[list[str], bool] | None:
    """The agent of a passive without *door*, and whether it is plural; None for a pronoun
    that would change case ("door hem"); "door ons" is ``we``."""
    tokens = agent_phrase(agent)
    phrase = agent_words(agent)
    if not phrase or not _contiguous(tokens):
        return None
    if agent.lower_ == "ons":
        return [we], True
    if agent.pos_ == "PRON":
        return None
    plural = "Plur" in agent.morph.get("Number", []) or any(
        t.dep_ == "conj" for t in agent.children
    )
    return s.words(phrase), plural


def _stranded_preposition(token: Token) -> bool:
    """A preposition without its noun ("er ... mee gedaan", "er ... over gesproken"): it
    belongs to a pronominal "er"."""
    if token.lower_ not in PREPOSITIONS | {"mee", "toe", "tegen", "achter", "onder"}:
        return False
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return nxt is None or nxt.is_punct or nxt.pos_ in ("VERB", "AUX")


def passive_to_active(s: _Sentence, first_person: bool, we: str = "we") -> list[str] | None:
    """The words of the active sentence, or None (see the module docstring)."""
    tokens = s.tokens
    finite = _finite(tokens)
    if len(finite) != 1 or finite[0].lower_ not in PRESENT_PASSIVE:
        return None
    aux = finite[0]
    participle = aux.head
    if (
        aux.dep_ not in ("aux:pass", "aux")
        or participle.dep_ != "ROOT"
        or "Part" not in participle.morph.get("VerbForm", [])
    ):
        return None
    after = [t for t in tokens if t.i > participle.i]
    if after and after[-1].is_punct:
        after = after[:-1]
    if any(t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ") for t in after):
        return None  # an extraposed phrase may follow the participle, a clause may not
    if any(t.pos_ == "SCONJ" or t.lower_ in ("te", "om") for t in tokens):
        return None
    verb = verb_of_participle(participle.text)
    if verb is None:
        return None
    base, particle = verb
    subjects = [c for c in participle.children if c.dep_ in ("nsubj:pass", "nsubj")]
    if len(subjects) > 1:
        return None
    subject = _subtree(subjects[0]) if subjects else []
    if subjects and (not _contiguous(subject) or subjects[0].lower_ in FIRST_PERSON | {"er"}):
        return None
    agents = [
        c for c in participle.children if c.dep_ == "obl:agent" or door_oblique(c) is not None
    ]
    if len(agents) > 1:
        return None
    if any(t.dep_ == "fixed" for a in agents for t in _subtree(a)):
        return None  # "door middel van", "door toedoen van": a preposition, not the agent
    if agents and names_a_means(agents[0]):
        return None  # "door onder andere meerdere bijeenkomsten": a means, not the agent
    agent_ids = {t.i for a in agents for t in _subtree(a)}
    if any(t.lower_ == "door" and t.i not in agent_ids for t in tokens):
        return None  # a door-phrase the parse did not attach: the agent is unclear
    if agents:
        found = _agent_words(s, agents[0], we)
        if found is None:
            return None
        agent_words, plural = found
        agent_span = {t.i for t in agent_phrase(agents[0])}
    elif first_person:
        agent_words, plural, agent_span = [we], True, set()
    else:
        return None
    prefield = [t for t in tokens if t.i < aux.i and t.i not in agent_span]
    middle = [t for t in tokens if aux.i < t.i < participle.i and t.i not in agent_span]
    if not subjects:  # impersonal: "Er wordt ... samengewerkt", "Daarna wordt er ..."
        if any(_stranded_preposition(t) for t in tokens if t.i > aux.i):
            return None  # "Er wordt veel mee gedaan": "er" goes with "mee"
        if [t.lower_ for t in prefield] == ["er"]:
            prefield = []
        elif middle and middle[0].lower_ == "er":
            middle = middle[1:]
        else:
            return None
        if any(t.lower_ == "er" for t in prefield + middle):
            return None
    if subjects:  # "wordt er een avond georganiseerd": existential "er" has no active
        expletive = [t for t in prefield + middle if t.lower_ == "er"]
        if expletive and (
            ([t.lower_ for t in prefield] not in (["er"], []) and expletive[0] in prefield)
            or any(_stranded_preposition(t) for t in tokens if t.i > expletive[0].i)
        ):
            return None  # "er ... mee": a pronominal adverb, not the existential "er"
        if [t.lower_ for t in prefield] == ["er"]:
            prefield = []
        middle = [t for t in middle if t.lower_ != "er"]
    if prefield and prefield[0].lower_ == "er":
        return None
    tail = [t for t in tokens if t.i > participle.i and t.i not in agent_span]
    finite_word = present(base, plural)
    end = [particle] if particle else []
    subject_ids = {t.i for t in subject}
    if not prefield or [t.i for t in prefield] == sorted(subject_ids):
        first = [_uncap(subject[0], s.word(subject[0])), *s.words(subject[1:])] if subject else []
        middle = [t for t in middle if t.i not in subject_ids]
        return [
            _cap(agent_words[0]), *agent_words[1:], finite_word, *first,
            *s.words(middle), *end, *s.words(tail),
        ]  # fmt: skip
    if subject_ids & {t.i for t in prefield}:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in prefield):
        return None
    return [*s.words(prefield), finite_word, *agent_words, *s.words(middle), *end, *s.words(tail)]


def _clause_ok(tokens: Sequence[Token]) -> bool:
    words = [t for t in tokens if not t.is_punct]
    return len(words) >= MIN_PART_WORDS and len(_finite(tokens)) >= 1


def split_coordination(s: _Sentence) -> list[str] | None:
    """Two main clauses joined by ", en", ", maar" or ";" as two sentences."""
    tokens = s.tokens
    for k, token in enumerate(tokens):
        if token.lower_ == ";":
            left, right, lead = tokens[:k], tokens[k + 1 :], ""
        elif (
            token.lower_ in SPLIT_CONJUNCTIONS
            and k > 0
            and tokens[k - 1].text == ","
            and token.dep_ == "cc"
            and token.head.dep_ == "conj"
            and any(c.dep_.startswith("nsubj") and c.i > token.i for c in token.head.children)
        ):
            left, right, lead = tokens[: k - 1], tokens[k + 1 :], SPLIT_CONJUNCTIONS[token.lower_]
        else:
            continue
        if not left or not right:  # a ";" at the start or the end of the sentence
            continue
        if any(t.pos_ == "SCONJ" or t.dep_ == "acl:relcl" for t in left + right[:1]):
            continue
        if right[0].lower_ in RELATIVES or right[0].lower_ in ("wier", "wie", "wat", "welke"):
            continue
        if any(t.lower_ in RELATIVES and t.i > 0 and t.doc[t.i - 1].text == "," for t in left):
            continue  # a relative clause before the conjunction may be what it continues
        if not (_clause_ok(left) and _clause_ok(right)):
            continue
        ending = tokens[-1].text if tokens[-1].is_punct else "."
        first = _uncap(right[0], s.word(right[0])) if lead else _cap(s.word(right[0]))
        right_words = [first, *s.words(right[1:])]
        if not tokens[-1].is_punct:
            right_words.append(".")
        left_words = s.words(left)
        return [*left_words, ending if ending in ".!?" else ".", lead.strip(), *right_words]
    return None


def split_relative(s: _Sentence) -> list[str] | None:
    """A non-restrictive relative clause (or a "waarna ..." clause) at the end as a sentence
    of its own."""
    tokens = s.tokens
    for k, token in enumerate(tokens):
        word = token.lower_
        if word not in RELATIVES and word not in CONNECTIVES:
            continue
        if k < 2 or tokens[k - 1].text != ",":
            continue
        antecedent = tokens[k - 2]
        if word in RELATIVES and antecedent.pos_ not in ("NOUN", "PROPN"):
            continue
        gender = antecedent.morph.get("Gender", [])
        number = antecedent.morph.get("Number", [])
        if word == "dat" and ("Neut" not in gender or "Plur" in number):
            continue
        if word == "die" and "Neut" in gender and "Plur" not in number:
            continue
        left, clause = tokens[: k - 1], tokens[k + 1 :]
        final = clause[-1] if clause and clause[-1].is_punct else None
        body = clause[:-1] if final is not None else clause
        if any(t.is_punct for t in body) or any(t.pos_ in ("SCONJ", "CCONJ") for t in body):
            continue
        if any(t.lower_ in {*RELATIVES, *CONNECTIVES, "om"} for t in body):
            continue
        finite = _finite(body)
        if len(finite) != 1 or len([t for t in body if not t.is_punct]) < 3:
            continue
        verb = finite[0]
        if any(t.lower_ == "te" and t.i < verb.i for t in body):
            continue  # "te" before the finite verb: not a plain verb-final clause
        if any(t.pos_ in ("VERB", "AUX") and t.i < verb.i for t in body):
            continue  # the verbs of a subclause come last; anything else is a misparse
        if verb.lower_.startswith(SEPARABLE_PARTICLES) and (
            separable_particle(verb.lemma_.lower()) or len(verb.lower_) > 7
        ):
            continue  # "die de raad vaststelt": the particle would have to move
        if len([t for t in left if not t.is_punct]) < MIN_PART_WORDS or not _finite(left):
            continue
        rest = [t for t in body if t.i != verb.i]
        return [
            *s.words(left), ".", {**RELATIVES, **CONNECTIVES}[word], s.word(verb),
            *s.words(rest),
            final.text if final is not None else ".",
        ]  # fmt: skip
    return None


def _separable_particle(verb: str) -> str | None:
    """The separable particle of an infinitive, also for a verb the verb table lacks when its
    participle with the particle in front is a word in use ("inzamelen": "ingezameld")."""
    particle = separable_particle(verb)
    if particle is not None or verb in _verb_table():
        return particle
    for candidate in sorted(SEPARABLE_PARTICLES, key=len, reverse=True):
        rest = verb[len(candidate) :]
        if " " in candidate or not verb.startswith(candidate) or len(rest) <= 3:
            continue
        participle = _regular_lexeme(rest).part
        if zipf_nl(candidate + participle) >= MIN_ATTRIBUTIVE_ZIPF:
            return candidate
    return None


def _te_infinitive(verb: str) -> str:
    particle = _separable_particle(verb)
    if particle:
        return f"{particle} te {verb[len(particle) :]}"
    return f"te {verb}"


def nominalisation_to_verb(s: _Sentence, flags: Sequence[Any]) -> list[str] | None:
    """ "Voor het/de <action> van <object> <finite verb> ..." -> "Om <object> te <verb> ..."."""
    tokens = s.tokens
    if len(tokens) < 6 or tokens[0].lower_ != "voor" or tokens[1].lower_ not in ("het", "de"):
        return None
    noun, van = tokens[2], tokens[3]
    if van.lower_ != "van":
        return None
    flag = next(
        (
            f for f in flags
            if f.kind == "nominalisation" and f.start <= noun.idx < f.end and f.suggestion
        ),
        None,
    )  # fmt: skip
    if flag is None:
        return None
    quoted = QUOTED.findall(flag.suggestion or "")
    if not quoted or " " in quoted[-1] or not quoted[-1].endswith("en"):
        return None
    verb = quoted[-1]
    finite = _finite(tokens)
    if not finite:
        return None
    main = finite[0]
    obj = [t for t in tokens if van.i < t.i < main.i and t.text != ","]
    if not obj or any(t.pos_ in ("VERB", "AUX", "SCONJ") for t in obj):
        return None
    root = main if main.dep_ == "ROOT" else main.head
    if tokens[1].lower_ == "de" and any(
        c.dep_.startswith("nsubj") and c.pos_ == "PRON" for c in root.children
    ):
        return None  # "Voor de behandeling ... betaalt u": "u" does not do the action
    after_main = main.doc[main.i + 1] if main.i + 1 < len(main.doc) else None
    if after_main is not None and after_main.lower_ == "dat" and after_main.pos_ == "SCONJ":
        return None  # "Voor de inzameling van afval geldt dat ...": a clause as subject
    comma = [","] if any(t.text == "," and van.i < t.i < main.i for t in tokens) else []
    rest = [t for t in tokens if t.i >= main.i]
    return ["Om", *s.words(obj), _te_infinitive(verb), *comma, *s.words(rest)]


def propose(
    doc: Doc,
    start: int,
    end: int,
    flags: Sequence[Any],
    first_person: bool = False,
    gate: DropinGate | None = None,
    we: str = "we",
) -> list[Proposal]:
    """Proposals for one sentence.

    Args:
        doc: the parsed unit.
        start: first token of the sentence.
        end: token after the sentence.
        flags: the sentence's flags, offsets in ``doc.text``.
        first_person: the text speaks as "we" ("wij", "ons", "onze") somewhere, so "we" may
            be the agent of a passive that names none.
        gate: which terms' word-level drop-ins are reliable enough to offer
            (``pipeline/readability/reliability.py``); None offers every drop-in.
        we: the form of "we" the text uses ("wij" in a letter that writes "wij"; ``we_form``).

    Returns:
        Word-level proposals (one per drop-in replacement), then at most one sentence-level
        proposal, in the order passive, nominalisation, split.
    """
    if start >= end:
        return []
    sentence = _Sentence(doc, start, end, {})
    if not sentence.tokens:
        return []
    first, last = sentence.tokens[0], sentence.tokens[-1]
    s_start, s_end = first.idx, last.idx + len(last.text)
    original = doc[first.i : last.i + 1].text  # not doc.text: that joins the whole Doc
    out: list[Proposal] = []
    for flag in flags:
        if flag.kind in WORD_KINDS and flag.replacement:
            if gate is not None and not gate.passes(getattr(flag, "term", None)):
                continue  # not proven reliable: the flag's advice names the alternatives
            text = word_replacement(doc, flag)
            if text is None:
                continue
            w_start, w_original = flag.start, flag.text
            moved = separable_te(doc, flag, text)
            if moved is not None:
                w_start, w_original, text = moved
            if w_start == s_start and w_original[:1].isupper():
                text = _cap(text)
            out.append(Proposal(flag.kind, w_start, flag.end, w_original, text, NOTES[flag.kind]))
    kinds = {f.kind for f in flags}
    has_parse = doc.has_annotation("DEP")
    if has_parse and not any(p.start == s_start for p in out):
        for flag in flags:
            words = modal_question(sentence, flag) if flag.kind == "officialese" else None
            if words:
                text = _tidy(words)
                out.append(
                    Proposal("officialese", s_start, s_end, original, text, NOTES[flag.kind])
                )
                break
    candidates: list[tuple[str, Any]] = []
    if has_parse and "passive" in kinds:
        candidates.append(("passive", lambda: passive_to_active(sentence, first_person, we)))
    if has_parse and "nominalisation" in kinds:
        candidates.append(("nominalisation", lambda: nominalisation_to_verb(sentence, flags)))
    if has_parse and kinds & {"long_sentence", "many_subclauses"} and _quotes_balanced(sentence):
        candidates.append(
            ("split", lambda: split_coordination(sentence) or split_relative(sentence))
        )
    word_level = list(out)
    for kind, rule in candidates:
        words = rule()
        if words is None:
            continue
        text = _with_word_proposals(_cap(_tidy(words)), word_level)
        if text and text != original:
            out.append(Proposal(kind, s_start, s_end, original, text, NOTES[kind]))
            break
    return out


def _with_word_proposals(text: str, words: Sequence[Proposal]) -> str:
    """A sentence rewrite with the sentence's word-level proposals applied where their words
    stand unchanged in it, so accepting the rewrite does not bring back a word other advice
    replaces ("We sluiten de straat tijdens de werkzaamheden af" -> "... tijdens het werk
    af", "z.s.m." -> "zo snel mogelijk"). A word found more than once is left alone."""
    for proposal in words:
        pattern = re.compile(rf"(?<!\w){re.escape(proposal.original)}(?!\w)", re.IGNORECASE)
        found = list(pattern.finditer(text))
        if len(found) != 1:
            continue
        match, new = found[0], proposal.replacement
        if match.start() == 0:
            new = _cap(new)
        elif match.group(0)[:1].islower():
            new = new[:1].lower() + new[1:]
        text = text[: match.start()] + new + text[match.end() :]
    return text


def speaks_as_we(texts: Sequence[str]) -> bool:
    """True when the text uses "we", "wij", "ons" or "onze" as a word."""
    pattern = re.compile(r"\b(we|wij|ons|onze)\b", re.IGNORECASE)
    return any(pattern.search(t) for t in texts)


def we_form(texts: Sequence[str]) -> str:
    """ "wij" when the text writes "wij" more often than "we" (a formal letter), else "we"."""
    words = [w.lower() for t in texts for w in re.findall(r"\b(?:we|wij)\b", t, re.IGNORECASE)]
    return "wij" if words.count("wij") > words.count("we") else "we"


def apply_proposals(text: str, proposals: Sequence[Proposal]) -> str:
    """``text`` with the proposals applied; where proposals overlap, the one covering more
    text (a sentence-level rewrite) wins and the word-level ones inside it are skipped."""
    chosen: list[Proposal] = []
    ranked = sorted(proposals, key=lambda p: (-(p.end - p.start), p.start))
    for p in ranked:
        if not any(p.start < c.end and c.start < p.end for c in chosen):
            chosen.append(p)
    out = text
    for p in sorted(chosen, key=lambda p: -p.start):
        out = out[: p.start] + p.replacement + out[p.end :]
    return out
