"""Whether an incivility match is aimed at people, which is what makes a text uncivil.

A word of the incivility list or a threat pattern alone over-flags real text: book titles
("Dagboek van een Hufter"), fictional or historical figures ("de twee zijn losers", "regeert
als dictator"), insects ("kakkerlakken"), typos ("daken hoer dan 3 m") and reports about
animals or plots ("kunnen dieren worden gedood", "na de dood van zijn vader"). The checks here
ask for a target, with the words in ``pipeline/data/uncivil_context.toml``:

- an insult (list category ``insult``) counts when the writer addresses someone (a
  second-person word shortly before it), calls someone names right before it ("wat een",
  "stelletje", "vuile", "die"), predicates it of a person ("de wethouder is een idioot") or
  uses it as a vocative ("Idioot!"); not inside double quotes, not capitalised inside a
  sentence (a title or name), not as the first part of a compound ("Hitler-groet"), and
  never for a word that describes conduct or a role ("dictator", "oplichter");
- a word that denies humanity, a political label or an ethnonym that is also a slur
  ("kakkerlakken", "nazi's", "zigeuners") counts only when predicated of people or aimed at a
  listener ("jullie kakkerlakken");
- an insult, slur or curse in quotation marks or capitalised inside a sentence is mentioned
  (a reported shout, a title, a name such as "Mietje"), not used; "kankeren" (to grumble) is
  not the curse;
- a threat pattern counts when its clause names a person: a first or second person, a
  pronoun or a noun for people or groups; and not when it ends in "doden" used as the noun
  (the dead: "150 doden", "alle doden", "met doden");
- an insult opening a clause is a vocative, unless a clause it judges follows ("Idioot dat
  ...");
- name-calling with an adjective of dirt and an animal or dirt noun ("vuile hond",
  ``incivility_extra``, context.v4) counts as a vocative or apposition (a singular noun with
  no article or possessive before it), after a second person, a copula with a person or a
  pronoun before it, "stelletje", or before "van een" + noun; a literal animal ("een vieze
  hond", "vieze ratten bij de containers") does not.

Context.v6 (issue #13, round 6, from the false flags of the DALC v1.0 pool):

- a curse prefix or an insulting adjective on a noun for a thing ("kankerstad", "een hoeren
  maandag", "die achterlijke kutmoskee") is profanity about the thing (``incivility_nouns``:
  LiNT-II noun types); a call for violence against a thing ("mogen alle toeslagen dood") is
  no threat;
- a word talked about is not used: next to "woord" ("het woord neger"), before a participle
  or modal + infinitive of saying or calling ("voor sukkel uitgemaakt", "neger kunnen
  zeggen"), as the historical name of the enslaved ("neger kindslaafjes");
- accusations of conduct ("hypocriet", "leugenaar", "asociaal") flag only after an
  insulting adjective or "stelletje"; nouns of the profanity list that name a person ("lul")
  are insults when aimed;
- a verb of violence of the list that no one calls for, wishes or says they will do
  describes what others do ("soldaten die betogers doodschieten"); "mensen zijn dieren" with
  nothing restricting "mensen" is about humankind;
- @-mentions are the addressees, not words of the sentence ("@USER Idioot!"); "het" with a
  plural copula is a group of people ("het zijn klootzakken"); "ik flikker" is the verb.

Curses, profanity and slurs need no target. The sentiment model's count of list words is
not affected: only the uncivil flag uses these checks.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.sentiment.incivility_extra import ExtensionError, UncivilExtension
from pipeline.sentiment.incivility_nouns import NounTypes
from pipeline.sentiment.text import Token

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
UNCIVIL_CONTEXT_PATH = DATA_DIR / "uncivil_context.toml"
_CLAUSE_PUNCT = re.compile(r"[.!?;:,()\"“”„]")
_SENTENCE_END = re.compile(r"[.!?:]")
_QUOTE_MARK = re.compile(r"[\"“”„]")
_QUOTE = re.compile(
    r'"[^"]*"|“[^”]*”|„[^”“]*[”“]|‘[^’]*’'
    # single quotes around words, not an apostrophe inside one ("zo'n", "nazi's")
    r"|(?<!\w)'(?:[^'\n]|(?<=\w)'(?=\w))*?'(?!\w)"
)
_ARTICLES = frozenset({"een", "de", "het"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NUMBER_OR_WORD = re.compile(r"\w[\w'’-]*")


def _mention(text: str, token: Token) -> bool:
    """The token is an @-mention (the tokenizer drops the "@")."""
    return token.start > 0 and text[token.start - 1 : token.start] == "@"


class UncivilContextError(ValueError):
    """The context file cannot be read; the message names the file and the problem."""


def _words(section: dict, key: str, path: Path) -> frozenset[str]:
    value = section.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise UncivilContextError(f"{path}: '{key}' must be a list of strings")
    return frozenset(w.lower() for w in value)


@dataclass(frozen=True)
class UncivilContext:
    """The target checks and their word lists (see the module docstring)."""

    insult_categories: frozenset[str]
    descriptive: frozenset[str]
    group_slurs: frozenset[str]
    address: frozenset[str]
    address_window: int
    attributive: frozenset[str]
    copula: frozenset[str]
    copula_window: int
    agent_suffixes: tuple[str, ...]
    demonstratives: frozenset[str]
    persons: frozenset[str]
    predicative: frozenset[str]
    predicative_attributive: frozenset[str]
    harmless: frozenset[str]
    mention_categories: frozenset[str]
    threat_categories: frozenset[str]
    threat_persons: frozenset[str]
    clause_after: frozenset[str] = frozenset()
    dead_noun_before: frozenset[str] = frozenset()
    dead_noun_coordinated: frozenset[str] = frozenset()
    # context.v5 (empty in older files: the checks are then off)
    clause_openers: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    speech_window: int = 3
    speakers: frozenset[str] = frozenset()
    generic_objects: frozenset[str] = frozenset()
    generic_subjects: frozenset[str] = frozenset()
    permission_modals: frozenset[str] = frozenset()
    # context.v6 (empty in older files: the checks are then off)
    conduct: frozenset[str] = frozenset()
    profane_insults: frozenset[str] = frozenset()
    conduct_cues: frozenset[str] = frozenset()
    group_subjects: frozenset[str] = frozenset()
    plural_copulas: frozenset[str] = frozenset()
    verb_homographs: frozenset[str] = frozenset()
    verb_subjects: frozenset[str] = frozenset()
    verb_objects: frozenset[str] = frozenset()
    metalinguistic: frozenset[str] = frozenset()
    metalinguistic_window: int = 4
    said_participles: frozenset[str] = frozenset()
    said_infinitives: frozenset[str] = frozenset()
    said_window: int = 8
    infinitive_cues: frozenset[str] = frozenset()
    historical_heads: tuple[str, ...] = ()
    call_words: frozenset[str] = frozenset()
    question_openers: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    humankind: frozenset[str] = frozenset()
    kind_nouns: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    modifier_determiners: frozenset[str] = frozenset()
    verb_parts: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    nouns: NounTypes | None = None
    version: str = ""
    # context.v4: matches beyond the word list (incivility_extra); None in older files
    extension: UncivilExtension | None = None

    @classmethod
    def load(
        cls, path: Path = UNCIVIL_CONTEXT_PATH, group_nouns: Sequence[str] = ()
    ) -> UncivilContext:
        """Read the context file; ``group_nouns`` (the patterns' ``person`` words) are added
        to its person nouns.

        Raises:
            UncivilContextError: the file is missing, not TOML or has a wrong value.
        """
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise UncivilContextError(f"{path}: cannot read: {exc.strerror}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise UncivilContextError(f"{path}: not valid TOML ({exc})") from exc
        insult, threat = data.get("insult", {}), data.get("threat", {})
        mention = data.get("mention", {})
        dehum, things = data.get("dehumanisation", {}), data.get("things", {})
        if not all(isinstance(t, dict) for t in (insult, threat, mention, dehum, things)):
            names = "[insult], [threat], [mention], [dehumanisation], [things]"
            raise UncivilContextError(f"{path}: {names} must be tables")
        try:
            windows = int(insult.get("address_window", 4)), int(insult.get("copula_window", 4))
            speech_window = int(mention.get("speech_window", 3))
            meta_window = int(mention.get("metalinguistic_window", 4))
            said_window = int(mention.get("said_window", 8))
        except (TypeError, ValueError) as exc:
            raise UncivilContextError(f"{path}: windows must be whole numbers") from exc
        nouns = None
        if things:
            nouns = NounTypes(
                thing_types=_words(things, "types", path),
                persons=_words(things, "persons", path),
                function_words=_words(things, "function_words", path),
                person_suffixes=tuple(_words(things, "person_suffixes", path)),
            )
        persons = _words(insult, "person_nouns", path) | {w.lower() for w in group_nouns}
        try:
            extension = UncivilExtension.from_data(data, path)
        except ExtensionError as exc:
            raise UncivilContextError(str(exc)) from exc
        return cls(
            insult_categories=_words(insult, "categories", path),
            descriptive=_words(insult, "descriptive", path),
            group_slurs=_words(insult, "group_slurs", path),
            address=_words(insult, "address", path),
            address_window=windows[0],
            attributive=_words(insult, "attributive", path),
            copula=_words(insult, "copula", path),
            copula_window=windows[1],
            agent_suffixes=tuple(_words(insult, "agent_suffixes", path)),
            demonstratives=_words(insult, "demonstratives", path),
            persons=persons,
            predicative=_words(insult, "predicative", path)
            | _words(insult, "predicative_slurs", path),
            harmless=_words(insult, "harmless", path),
            mention_categories=_words(mention, "categories", path),
            predicative_attributive=_words(insult, "predicative_attributive", path),
            threat_categories=_words(threat, "categories", path),
            threat_persons=_words(threat, "pronouns", path) | persons,
            clause_after=_words(insult, "clause_after", path),
            dead_noun_before=_words(threat, "dead_noun_before", path),
            dead_noun_coordinated=_words(threat, "dead_noun_coordinated", path),
            clause_openers=_words(insult, "clause_openers", path),
            speech_verbs=_words(mention, "speech_verbs", path),
            speech_window=speech_window,
            speakers=_words(mention, "speakers", path),
            generic_objects=_words(threat, "generic_objects", path),
            generic_subjects=_words(threat, "generic_subjects", path),
            permission_modals=_words(threat, "permission_modals", path),
            conduct=_words(insult, "conduct", path),
            profane_insults=_words(insult, "profane_insults", path),
            conduct_cues=_words(insult, "conduct_cues", path),
            group_subjects=_words(insult, "group_subjects", path),
            plural_copulas=_words(insult, "plural_copulas", path),
            verb_homographs=_words(insult, "verb_homographs", path),
            verb_subjects=_words(insult, "verb_subjects", path),
            verb_objects=_words(insult, "verb_objects", path),
            metalinguistic=_words(mention, "metalinguistic", path),
            metalinguistic_window=meta_window,
            said_participles=_words(mention, "said_participles", path),
            said_infinitives=_words(mention, "said_infinitives", path),
            said_window=said_window,
            infinitive_cues=_words(mention, "infinitive_cues", path),
            historical_heads=tuple(sorted(_words(mention, "historical_heads", path))),
            call_words=_words(threat, "call_words", path),
            question_openers=_words(threat, "question_openers", path),
            relatives=_words(mention, "relatives", path),
            humankind=_words(dehum, "humankind", path),
            kind_nouns=_words(dehum, "kind_nouns", path),
            modifiers=_words(things, "modifiers", path),
            modifier_determiners=_words(things, "determiners", path),
            verb_parts=_words(threat, "verb_parts", path),
            prepositions=_words(threat, "prepositions", path),
            nouns=nouns,
            version=str(data.get("version", "")),
            extension=extension,
        )

    # -- words of the list ----------------------------------------------------------------

    def aimed(self, text: str, tokens: Sequence[Token], first: int, end: int, category: str,
              last_part_listed: bool = True, word: str | None = None) -> bool:  # fmt: skip
        """True when the list match ``tokens[first:end]`` makes the text uncivil.

        Args:
            text: the text the tokens come from (for quotes).
            tokens: its tokens.
            first: index of the first token of the match; ``end``: one past the last.
            category: the list category of the match.
            last_part_listed: False when the match is a hyphenated word whose last part is
                not on the list ("Hitler-groet": the list word only modifies another noun).
            word: the word whose checks apply, when not the token as written: the head of a
                compound ("prutser" in "tweetprutser"), the listed spelling ("nazi's").
        """
        word = (word or tokens[first].text).lower()
        if word in self.harmless:
            return False
        clause = self._clause_before(tokens, first, text)
        before = [t.text.lower() for t in clause]
        if category in self.mention_categories and (
            self._quoted(text, tokens[first].start)
            or self._title(tokens, first, text)
            or self._reported(before)
            or self._discussed(tokens, first, end, before)
        ):
            return False
        if category in self.threat_categories and (
            self._generic_permission(before) or self._reported_violence(tokens, first, end, before)
        ):
            return False
        if end - first == 1 and category in self.mention_categories:
            written = tokens[first].text.lower()
            if self._modifies_thing(tokens, end, before, written) or self._verb_reading(
                tokens, end, before, written
            ):
                return False
        predicative = word in self.predicative
        if category not in self.insult_categories and not predicative:
            return True
        if end - first > 1 or word in self.group_slurs:
            return True  # phrases on the list are name-calling already ("vuile zak")
        if word in self.descriptive or not last_part_listed:
            return False
        if self._quoted(text, tokens[first].start) or self._title(tokens, first, text):
            return False
        if word in self.conduct:
            # an accusation of conduct ("hypocriet", "leugenaar"), abuse only with an
            # insulting adjective or "stelletje" before it ("smerige leugenaar"; context.v6)
            return bool(before) and before[-1] in self.conduct_cues
        if predicative:
            return (
                bool(before) and before[-1] in self.address | self.predicative_attributive
            ) or self._copula_person(before)
        if self._vocative(tokens, first, before) and not self._judges_clause(tokens, end):
            return True
        if any(w in self.address for w in before[-self.address_window :]):
            return True
        if self._attributive(before):
            return True
        return self._copula_person(before, groups=True)

    def _discussed(self, tokens: Sequence[Token], first: int, end: int, before: list[str]) -> bool:
        """The word is talked about, not used (context.v6): right after a noun such as
        "woord" ("het woord neger") or before a copula and such a noun ("neger is een prima
        woord"); a participle of saying or calling after it in its sentence ("voor hypocriet
        uitgemaakt", "als fascist neergezet"), or an infinitive after a modal or "te"
        ("neger kunnen zeggen", "om me een ... te noemen"), with no first person before it
        and no clause opener or relative pronoun between ("debielen die zich rechter mogen
        noemen"); or a slur as the historical name of enslaved people ("negerslaven", "neger
        kindslaafjes")."""
        clause_after: list[str] = []
        sentence_after: list[str] = []
        in_clause = True
        for t in tokens[end:]:
            if t.kind == "punct":
                if _SENTENCE_END.search(t.text) or _QUOTE_MARK.search(t.text):
                    break
                in_clause = in_clause and not _CLAUSE_PUNCT.search(t.text)
            elif t.kind == "word":
                low = t.text.lower()
                sentence_after.append(low)
                if in_clause:
                    clause_after.append(low)
        window = self.metalinguistic_window
        if (before and before[-1] in self.metalinguistic) or (
            clause_after[:1]
            and clause_after[0] in self.copula
            and any(w in self.metalinguistic for w in clause_after[1 : window + 1])
        ):
            return True
        if sentence_after and sentence_after[0].endswith(self.historical_heads):
            return True
        if any(w in self.speakers for w in before):
            return False
        for n, w in enumerate(sentence_after[: self.said_window]):
            if w in self.speakers or w in self.clause_openers or w in self.relatives:
                return False  # the writer's own words, or the verb of another clause
            if w in self.said_participles or (
                w in self.said_infinitives
                and n > 0
                and sentence_after[n - 1] in self.infinitive_cues
            ):
                return True
        return False

    def _reported_violence(
        self, tokens: Sequence[Token], first: int, end: int, before: list[str]
    ) -> bool:
        """A verb of violence of the list ("doodschieten", "in de fik steken") that no one
        calls for, wishes or says they will do: no first or second person, modal or verb of
        wishing before it in its clause, and not opening the clause (an exclamation or
        command). It describes what others do or did ("soldaten die betogers martelen en
        doodschieten", "dat ze winkels plunderen en in de fik steken", "het in elkaar
        trappen van mensen"); context.v6."""
        if not self.call_words or not before or not tokens[end - 1].text.lower().endswith("en"):
            return False
        # an embedded question has its own subject ("heb je enig idee hoeveel mannen elkaar
        # doodschieten"): the words before its opener are not in the clause
        start = next(
            (n + 1 for n in range(len(before) - 1, -1, -1) if before[n] in self.question_openers),
            0,
        )
        inside = [t.text.lower() for t in tokens[first:end] if t.kind == "word"]
        return bool(before[start:]) and not any(
            w in self.call_words for w in [*before[start:], *inside]
        )

    def _modifies_thing(
        self, tokens: Sequence[Token], end: int, before: list[str], word: str
    ) -> bool:
        """A curse word written as a separate prefix or an insulting adjective right before
        a noun that names a thing ("een hoeren maandag", "hoeren NS", "die achterlijke
        kutmoskee"): profanity about the thing, not aimed at people (context.v6). A plural
        noun in -en after a noun-like curse word needs a determiner before the pair ("een
        kanker regen"), since "hoeren leven" can be a subject and its verb; an adjective
        that opens its clause or has a second person shortly before it calls the listener
        names with a metaphor ("achterlijke zaadcel!", "wat zoek je hier, achterlijke
        ...")."""
        if self.nouns is None or word not in self.modifiers or end >= len(tokens):
            return False
        nxt = tokens[end]
        if nxt.kind != "word":
            return False
        noun = nxt.text.lower()
        if not self.nouns.thing_head(noun):
            return False
        if word.endswith("e"):
            # an adjective opening its clause or after a second person calls the listener
            # names with a metaphor ("achterlijke zaadcel, ...", "jij achterlijke kuttenkop")
            return bool(before) and not any(
                w in self.address for w in before[-self.address_window :]
            )
        return not noun.endswith("en") or (bool(before) and before[-1] in self.modifier_determiners)

    def _verb_reading(
        self, tokens: Sequence[Token], end: int, before: list[str], word: str
    ) -> bool:
        """A slur that is also a verb form read as the verb (context.v6): after a first
        person ("ik flikker het lijk in de rivier", flikkeren: to throw) or before an object
        pronoun ("flikker het weg")."""
        if word not in self.verb_homographs:
            return False
        if before and before[-1] in self.verb_subjects:
            return True
        nxt = next((t for t in tokens[end:] if t.kind != "emoji"), None)
        return nxt is not None and nxt.kind == "word" and nxt.text.lower() in self.verb_objects

    def profane_insult(self, forms: Sequence[str], i: int) -> bool:
        """``forms[i]`` is a noun of the profanity list that names a person ("lul"), not in
        the idiom "de lul zijn" (to be the one who pays: "je bent de lul"); context.v6."""
        before = next((f for f in reversed(forms[:i]) if f), "")
        return forms[i] in self.profane_insults and before != "de"

    def thing_compound(self, word: str, stem: str) -> bool:
        """A curse or insult prefix of the list on a noun that names a thing ("kankerstad",
        "tyfusdag"): profanity about the thing, not aimed at people (context.v6)."""
        if self.nouns is None:
            return False
        rest = word.lower().replace("-", "")
        if not rest.startswith(stem) or len(rest) - len(stem) < 3:
            return False
        return self.nouns.thing_head(rest[len(stem) :])

    def _attributive(self, before: list[str]) -> bool:
        one = before[-1:]
        two = " ".join(before[-2:])
        three = before[-3:-1]
        return bool(
            (one and one[0] in self.attributive)
            or two in self.attributive
            # one adjective between: "die domme sukkels", not "de man die een eikel is"
            or (len(before) >= 2 and before[-2] in self.attributive and before[-1] not in _ARTICLES)
            or " ".join(three) in self.attributive
        )

    def _copula_person(
        self, before: list[str], pronouns: frozenset[str] = frozenset(), groups: bool = False
    ) -> bool:
        """A copula shortly before the insult and a person (or one of ``pronouns``) before
        that copula; with ``groups``, also "het" next to a plural copula ("het zijn
        klootzakken", "ook al zijn het idioten": they are; context.v6)."""
        window = before[-self.copula_window :]
        for k in range(len(window) - 1, -1, -1):
            if window[k] in self.copula:
                at = len(before) - len(window) + k
                if (
                    groups
                    and window[k] in self.plural_copulas
                    and self.group_subjects
                    & {*before[max(0, at - 1) : at], *before[at + 1 : at + 2]}
                ):
                    return True
                # the copula's own clause: after the last word that opens a clause ("ik denk
                # dat het slim is, wel asociaal": the subject is "het", not a person named
                # before "dat"; context.v5)
                start = next(
                    (n + 1 for n in range(at - 1, -1, -1) if before[n] in self.clause_openers),
                    0,
                )
                # "de wethouder is een idioot"; "is die wethouder een idioot?"
                around = before[start:at] + before[at + 1 :]
                return any(
                    w in self.persons
                    or w in self.address
                    or w in pronouns
                    or (len(w) > 5 and w.endswith(self.agent_suffixes))
                    or (n > 0 and around[n - 1] in self.demonstratives and w.isalpha())
                    for n, w in enumerate(around)
                )
        return False

    def name_calling_aimed(
        self,
        text: str,
        tokens: Sequence[Token],
        first: int,
        end: int,
        *,
        plural: bool,
        conduct: bool = False,
    ) -> bool:
        """True when an adjective of dirt + animal or dirt noun ``tokens[first:end]`` ("vuile
        hond", ``incivility_extra``) calls a person names (see the module docstring); with
        ``conduct`` (the noun is one of conduct, "vuile verrader") whenever it is used, not
        mentioned (in quotes or capitalised as a title)."""
        ext = self.extension
        if (
            ext is None
            or self._quoted(text, tokens[first].start)
            or self._title(tokens, first, text)
        ):
            return False
        before = [t.text.lower() for t in self._clause_before(tokens, first, text)]
        if self._reported(before):
            return False
        if conduct:
            return True
        if before and before[-1] in ext.group_cues:
            return True  # "stelletje vuile ratten"
        if any(w in ("jij", "jou") for w in before[-self.address_window :]):
            return True  # "jij vuile rat"; not "je"/"jullie", also possessives ("je hond")
        if self._copula_person(before, ext.subject_pronouns):
            return True  # "hij is een vuile hond", "politici zijn smerige ratten"
        after = [t.text.lower() for t in tokens[end : end + 4] if t.kind == "word"]
        if after[:2] in (["van", "een"], ["van", "n"]) and len(after) > 2:
            return True  # "die vuile rat van een wethouder"
        # a bare singular: a vocative or apposition ("verrader van zijn volk vuile hond")
        return not plural and (not before or before[-1] not in ext.determiners)

    @staticmethod
    def _vocative(tokens: Sequence[Token], first: int, before: list[str]) -> bool:
        """The insult opens a sentence or clause: a vocative or exclamation ("Idioot!",
        "Klootzakken die hier scheuren", "Achterlijke gladjanussen van het projectbureau")."""
        return not before

    def _judges_clause(self, tokens: Sequence[Token], end: int) -> bool:
        """The word after the match opens a clause the insult judges ("Idioot dat ...")."""
        after = next((t for t in tokens[end:] if t.kind == "word"), None)
        return after is not None and after.text.lower() in self.clause_after

    def _reported(self, before: list[str]) -> bool:
        """A verb of saying shortly before the match, said by someone other than the writer:
        reported or suggested speech ("misschien moeten ze ook gaan roepen Rutte krijg de
        tering", "hij noemde haar een trut"), not the writer's own words ("ik zeg: krijg de
        tering", "zeg ik je, sukkel"); context.v5. Quoted speech is caught by the quotes."""
        window = before[-self.speech_window :]
        for k in range(len(window) - 1, -1, -1):
            if window[k] in self.speech_verbs:
                at = len(before) - len(window) + k
                near = before[max(0, at - self.speech_window) : at] + before[at + 1 :]
                return not any(w in self.speakers for w in near)
        return False

    def _generic_permission(self, before: list[str]) -> bool:
        """A verb of violence right after a generic object ("mensen", "iemand") with a
        generic subject and a modal of permission or possibility before it: a statement of
        what one may or can do ("je mag mensen neerschieten", "kun je zomaar iemand
        neersteken?"), not a threat against anyone (context.v5)."""
        if not before or before[-1] not in self.generic_objects:
            return False
        near = before[-5:-1]
        return any(w in self.generic_subjects for w in near) and any(
            w in self.permission_modals for w in near
        )

    @staticmethod
    def _clause_before(tokens: Sequence[Token], first: int, text: str = "") -> list[Token]:
        """The words before ``tokens[first]`` in its clause; @-mentions (the addressees of a
        reply, "@USER Idioot!") are not words of the sentence (context.v6)."""
        words: list[Token] = []
        for t in reversed(tokens[:first]):
            if t.kind == "punct" and _CLAUSE_PUNCT.search(t.text):
                break
            if t.kind == "word" and not _mention(text, t):
                words.append(t)
        return words[::-1]

    @staticmethod
    def _title(tokens: Sequence[Token], first: int, text: str = "") -> bool:
        """Capitalised inside a sentence: part of a title or a name ("van een Hufter"); an
        @-mention before it does not count ("@USER Idioot!"; context.v6)."""
        word = tokens[first].text
        if not word[:1].isupper() or word.isupper():
            return False
        for t in reversed(tokens[:first]):
            if t.kind == "punct" and _SENTENCE_END.search(t.text):
                return False
            if t.kind == "word" and not _mention(text, t):
                return True
        return False

    @staticmethod
    def _quoted(text: str, start: int) -> bool:
        return any(q.start() < start < q.end() for q in _QUOTE.finditer(text))

    # -- threat patterns ------------------------------------------------------------------

    def framed(self, flat: str, start: int, end: int, category: str) -> bool:
        """True when a pattern match ``flat[start:end]`` of ``category`` has a person in its
        clause (the text between the punctuation marks around it)."""
        if category not in self.threat_categories:
            return not self._humankind(flat, start, end)
        if self._dead_noun(flat, start, end) or self._against_thing(flat, start, end):
            return False
        left = max((m.end() for m in _CLAUSE_PUNCT.finditer(flat, 0, start)), default=0)
        right = next((m.start() for m in _CLAUSE_PUNCT.finditer(flat, end)), len(flat))
        clause = flat[left:right].lower()
        if self._generic_permission(_WORD.findall(flat[left:end].lower())[:-1]):
            return False
        return any(w in self.threat_persons for w in _WORD.findall(clause))

    def _humankind(self, flat: str, start: int, end: int) -> bool:
        """A statement about humankind, not dehumanisation (context.v6): "mensen" with no
        word that restricts it (only a conjunction, "ook" or "alle" before it in its clause)
        said to be animals ("maar mensen zijn dieren, gedreven door emoties"); "die mensen
        zijn dieren", "moslims zijn dieren" still count."""
        words = _WORD.findall(flat[start:end].lower())
        if not words or words[0] not in self.humankind:
            return False
        if not any(" ".join(words).endswith(" " + k) for k in self.kind_nouns):
            return False
        left = max((m.end() for m in _CLAUSE_PUNCT.finditer(flat, 0, start)), default=0)
        prior = _WORD.findall(flat[left:start].lower())
        return not prior or prior[-1] in self.clause_openers | {"en", "ook", "of", "alle"}

    def _against_thing(self, flat: str, start: int, end: int) -> bool:
        """A call for violence against a thing, not a person (context.v6): the word before
        the verb ending the match (past "te", "worden" ...) is a noun for a thing and the
        match names no person other than a first-person speaker ("mogen alle toeslagen
        dood", "wij trappen deze maand af" = kick off)."""
        if self.nouns is None:
            return False
        words = _WORD.findall(flat[start:end].lower())
        if len(words) < 2:
            return False
        speakers = {"ik", "we", "wij", "me", "mij", "mijn", "ons", "onze", "die", "deze"}
        for w in words:
            types = self.nouns.types(w)
            if (w in self.threat_persons and w not in speakers) or (types and "human" in types):
                return False
        rest = words[:-1]
        while rest and rest[-1] in self.verb_parts:
            rest.pop()
        # the object stands between the modal or subject and the verb: "dood aan ..." has
        # its object after the match
        if len(rest) < 2 or not self.nouns.thing(rest[-1]):
            return False
        # a noun after a preposition is a place or means, not the object ("ze verdienen in
        # Syrië te sterven")
        return not any(w in self.prepositions for w in rest[-3:-1])

    def _dead_noun(self, flat: str, start: int, end: int) -> bool:
        """The match ends in "doden" used as the noun, the dead ("ca 150 doden", "alle
        doden", "het aantal doden", "besmettingen en doden"), not the verb."""
        words = _NUMBER_OR_WORD.findall(flat[:end].lower())
        if len(words) < 2 or words[-1] != "doden":
            return False
        before = words[-2]
        if before[0].isdigit() or before in self.dead_noun_before:
            return True
        return (
            before in ("en", "of") and len(words) > 2 and (words[-3] in self.dead_noun_coordinated)
        )
