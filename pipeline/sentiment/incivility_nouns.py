"""Whether a noun names a thing rather than a person, from the LiNT-II noun types.

Insults and curses are also said of things: a curse word as a separate prefix or an
insulting adjective before a noun ("een hoeren maandag", "die achterlijke kutmoskee"), a
curse compound ("kankerstad"), a call for violence against a thing ("mogen alle toeslagen
dood"). Such a match is profanity about the thing, not aimed at people (issue #13, context.v6).
The semantic types of ``pipeline/data/lint_nouns.tsv.gz`` (LiNT-II, ``LINT_II_ATTRIBUTION.md``)
tell which nouns are things: a noun is a thing when every type the list gives it is one of
the thing types of ``[things]`` in ``uncivil_context.toml`` (time, place, artefact,
institution, abstract ...). Persons (``human``), animals (``nonhuman``, used of people in
name-calling), body parts (``concrother``: "kankerbek" is said to someone), nouns the list
does not type (``undefined``) and words it does not know are never things.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.cache import SortedTable

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LINT_NOUNS_PATH = DATA_DIR / "lint_nouns.tsv.gz"
_DIMINUTIVES = ("etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je")


@dataclass
class NounTypes:
    """Thing or not for a noun, read from the LiNT-II noun list (loaded on first use).

    Attributes:
        thing_types: semantic types that name things (``sem_type`` of the list).
        persons: nouns that count as persons whatever their type: institutions whose
            members are meant ("partij": a party counts as its politicians, "politie").
        function_words: words the list also has as nouns ("is", "om", "maar"): never
            looked up.
        person_suffixes: endings of nouns for people ("-ers", "-aars"): an unknown word with
            one is not looked up by its last part ("bonusgraaiers").
        min_head: the shortest last part of a word looked up as its head ("kutmoskee" ->
            "moskee").
        path: the noun list (word, super type, semantic types, head; sorted).
    """

    thing_types: frozenset[str]
    persons: frozenset[str] = frozenset()
    function_words: frozenset[str] = frozenset()
    person_suffixes: tuple[str, ...] = ()
    min_head: int = 3
    path: Path = LINT_NOUNS_PATH
    _table: SortedTable | None = field(default=None, init=False, repr=False)

    def _types(self, word: str) -> frozenset[str] | None:
        if self._table is None:
            self._table = SortedTable.from_gzip(self.path, "lint_nouns_v1")
        row = self._table.get(word)
        if row is None or len(row) < 2:
            return None
        return frozenset(t.strip() for t in row[1].split(";") if t.strip())

    def types(self, word: str) -> frozenset[str] | None:
        """The semantic types of ``word`` (lower case), also of its diminutive's stem
        ("maandagje" -> "maandag"); None when the list does not know it."""
        word = word.lower()
        if word in self.function_words:
            return None
        found = self._types(word)
        if found is None:
            for suffix in _DIMINUTIVES:
                if word.endswith(suffix) and len(word) - len(suffix) >= self.min_head:
                    found = self._types(word[: -len(suffix)])
                    if found is not None:
                        break
        return found

    def known(self, word: str) -> bool:
        """``word`` is on the noun list (or the stem of its diminutive is)."""
        return self.types(word) is not None

    def known_other(self, word: str) -> bool:
        """``word`` is on the noun list and is no person ("lettertje"; not
        "verkeersidioot")."""
        found = self.types(word)
        return found is not None and "human" not in found

    def thing(self, word: str) -> bool:
        """``word`` names a thing: every type the list gives it is a thing type."""
        if word.lower() in self.persons:
            return False
        found = self.types(word)
        return bool(found) and found <= self.thing_types  # type: ignore[operator]

    def head(self, word: str) -> str | None:
        """The word itself when the list knows it, else the longest last part of at least
        ``min_head`` letters that it knows ("kutmoskee" -> "moskee"); None otherwise, and
        for an unknown word with a person suffix ("bonusgraaiers")."""
        word = word.lower()
        if self.known(word):
            return word
        if self.person_suffixes and word.endswith(self.person_suffixes):
            return None
        for k in range(1, len(word) - self.min_head + 1):
            if self.known(word[k:]):
                return word[k:]
        return None

    def thing_head(self, word: str) -> bool:
        """The head of ``word`` (the word, or its longest known last part) is a thing."""
        head = self.head(word)
        return head is not None and self.thing(head)
