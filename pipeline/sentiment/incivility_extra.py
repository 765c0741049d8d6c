"""Matches the uncivil flag reads beyond the word list (``context.v4``, issue #13).

Real abuse is mostly name-calling in words the list lacks or in forms it does not match
(docs/evaluation.md, "Incivility precision on real text", round 3). Five kinds, each
configured in ``pipeline/data/uncivil_context.toml``:

- ``[flag_words]``: common name-calling nouns the list lacks ("griezel", "nietsnut");
- ``[compounds]``: a word whose head is an insult noun ("tweetvaccinatieprutser",
  "verkeersidioot"), except compounds with a neutral sense ("vakidioot");
- ``[diminutives]``: a diminutive of an insult noun ("sukkeltje", "klootzakje");
- list words written without their apostrophe ("nazis", "klojos");
- ``[name_calling]``: an adjective of dirt before an animal or dirt noun ("vuile hond",
  "smerige ratten") or before a noun of conduct ("vuile verrader").

They pass the target checks of ``incivility_aim`` like list words. The sentiment model does
not count them (its features are fingerprinted with the word list, and the shipped model is
kept as trained), so they only set the uncivil flag and, with it, the negatief label.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

_VOWELS = frozenset("aeiouyáéíóúäëïöüàèìòù")


class ExtensionError(ValueError):
    """A section of the context file for these matches has a wrong value."""


class Candidate(NamedTuple):
    """Tokens ``first`` up to ``end`` (exclusive) may call someone names.

    ``word`` is what the target checks read: the word itself, the head of a compound, the
    stem of a diminutive or the spelling on the list; ``kind`` is ``word``, ``compound``,
    ``diminutive``, ``spelling``, ``animal`` (adjective + animal or dirt noun) or
    ``conduct`` (adjective + noun of conduct).
    """

    first: int
    end: int
    category: str
    word: str
    kind: str
    plural: bool = False


def _list(section: Mapping[str, object], key: str, path: Path) -> frozenset[str]:
    value = section.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise ExtensionError(f"{path}: '{key}' must be a list of strings")
    return frozenset(w.lower() for w in value)


def _table(data: Mapping[str, object], key: str, path: Path) -> Mapping[str, object]:
    section = data.get(key, {})
    if not isinstance(section, dict):
        raise ExtensionError(f"{path}: [{key}] must be a table")
    return section


@dataclass(frozen=True)
class UncivilExtension:
    """The word lists of the four kinds of matches (see the module docstring)."""

    flag_words: frozenset[str]
    min_head: int
    min_left: int
    excluded_heads: frozenset[str]
    compound_exceptions: frozenset[str]
    excluded_first_parts: tuple[str, ...]
    diminutive_suffixes: tuple[str, ...]
    diminutive_exceptions: frozenset[str]
    adjectives: frozenset[str]
    animals: frozenset[str]
    animals_plural: frozenset[str]
    conduct: frozenset[str]
    determiners: frozenset[str]
    group_cues: frozenset[str]
    subject_pronouns: frozenset[str]
    # context.v5: a first part made of these prefixes only is a derivation ("onbeschoft")
    derivation_prefixes: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, data: Mapping[str, object], path: Path) -> UncivilExtension | None:
        """Read the sections ``[flag_words]``, ``[compounds]``, ``[diminutives]`` and
        ``[name_calling]`` of the context file; None when it has none of them (a context
        file before ``context.v4``).

        Raises:
            ExtensionError: a section is not a table or holds a wrong value.
        """
        if not any(
            key in data for key in ("flag_words", "compounds", "diminutives", "name_calling")
        ):
            return None
        words = _table(data, "flag_words", path)
        compounds = _table(data, "compounds", path)
        diminutives = _table(data, "diminutives", path)
        calling = _table(data, "name_calling", path)
        try:
            min_head = int(compounds.get("min_head", 6))  # type: ignore[call-overload]
            min_left = int(compounds.get("min_left", 3))  # type: ignore[call-overload]
        except (TypeError, ValueError) as exc:
            raise ExtensionError(f"{path}: min_head and min_left must be whole numbers") from exc
        return cls(
            flag_words=_list(words, "insult", path),
            min_head=min_head,
            min_left=min_left,
            excluded_heads=_list(compounds, "excluded_heads", path),
            compound_exceptions=_list(compounds, "exceptions", path),
            excluded_first_parts=tuple(sorted(_list(compounds, "excluded_first_parts", path))),
            diminutive_suffixes=tuple(
                sorted(_list(diminutives, "suffixes", path), key=len, reverse=True)
            ),
            diminutive_exceptions=_list(diminutives, "exceptions", path),
            adjectives=_list(calling, "adjectives", path),
            animals=_list(calling, "animals", path),
            animals_plural=_list(calling, "animals_plural", path),
            conduct=_list(calling, "conduct", path),
            determiners=_list(calling, "determiners", path),
            group_cues=_list(calling, "group_cues", path),
            subject_pronouns=_list(calling, "subject_pronouns", path),
            derivation_prefixes=tuple(
                sorted(_list(compounds, "derivation_prefixes", path), key=len, reverse=True)
            ),
        )

    def _prefixes_only(self, left: str) -> bool:
        """``left`` is one or more derivational prefixes and nothing else ("onbe" in
        "onbeschoft", un- + be-): the word is a derivation, not a compound."""
        ends = {0}
        for k in range(len(left)):
            if k in ends:
                ends.update(k + len(p) for p in self.derivation_prefixes if left.startswith(p, k))
        return len(left) in ends

    def compound_head(
        self, word: str, heads: Mapping[str, str], known: Callable[[str], bool] | None = None
    ) -> str | None:
        """The insult noun that ends ``word`` as its head ("tweetprutser" -> "prutser"), or
        None: not a compound, an exception ("vakidioot"), a first part without a vowel or
        one made of derivational prefixes only ("onbeschoft": on- + be- + schoft), or a
        longer noun that ``known`` knows ends the word and holds the insult by chance
        ("chocolaadelettertje" ends in "lettertje", not "ettertje"; context.v6)."""
        if (
            not word.isalpha()
            or word in self.compound_exceptions
            or len(word) < self.min_head + self.min_left
        ):
            return None
        for k in range(self.min_left, len(word) - self.min_head + 1):
            if word[k:] in heads:
                left = word[:k]
                if (
                    _VOWELS.isdisjoint(left)
                    or left.startswith(self.excluded_first_parts)
                    or self._prefixes_only(left)
                    or (known is not None and any(known(word[j:]) for j in range(1, k)))
                ):
                    return None
                return word[k:]
        return None

    def diminutive_stem(
        self,
        word: str,
        insults: Mapping[str, str],
        heads: Mapping[str, str],
        known: Callable[[str], bool] | None = None,
    ) -> tuple[str, str] | None:
        """(stem whose checks apply, category) when ``word`` is a diminutive of an insult
        noun ("sukkeltje" -> "sukkel") or of a compound with an insult head
        ("tweetprutsertje" -> "prutser"); None otherwise."""
        if not word.isalpha() or word in self.diminutive_exceptions:
            return None
        for suffix in self.diminutive_suffixes:
            if not word.endswith(suffix) or len(word) - len(suffix) < 3:
                continue
            stem = word[: -len(suffix)]
            stems = [stem]
            if stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                stems.append(stem[:-1])  # "mannetje" -> "man"
            for form in stems:
                if form in insults:
                    return form, insults[form]
                head = self.compound_head(form, heads, known)
                if head is not None:
                    return head, heads[head]
        return None

    def candidates(
        self,
        forms: Sequence[str],
        taken: set[int],
        unapostrophed: Callable[[str], tuple[str, str] | None],
        heads: Mapping[str, str],
        insults: Mapping[str, str],
        known: Callable[[str], bool] | None = None,
    ) -> list[Candidate]:
        """The possible name-calling in a token sequence, in text order.

        Args:
            forms: the tokens in lower case, "" for tokens that are not words.
            taken: indices of tokens a list term matched already (left alone here).
            unapostrophed: maps a word to (listed spelling, category) when it is a list word
                written without its apostrophe ("nazis" -> ("nazi's", "insult")).
            heads: insult nouns that can head a compound, with their category.
            insults: single insult words of the list and the flag words, with their
                category (stems of diminutives).
        """
        found: list[Candidate] = []
        i = 0
        while i < len(forms):
            word = forms[i]
            if not word or i in taken:
                i += 1
                continue
            if word in self.adjectives:
                j = i + 1
                while j < len(forms) and forms[j] in self.adjectives and j not in taken:
                    j += 1  # "vuile vieze hond"
                noun = forms[j] if j < len(forms) and j not in taken else ""
                kind = (
                    "animal"
                    if noun in self.animals or noun in self.animals_plural
                    else "conduct"
                    if noun in self.conduct
                    else ""
                )
                if kind:
                    plural = noun in self.animals_plural
                    found.append(Candidate(i, j + 1, "insult", noun, kind, plural))
                    i = j + 1
                    continue
            if word in self.flag_words:
                found.append(Candidate(i, i + 1, "insult", word, "word"))
            elif (spelled := unapostrophed(word)) is not None:
                found.append(Candidate(i, i + 1, spelled[1], spelled[0], "spelling"))
            elif (head := self.compound_head(word, heads, known)) is not None:
                found.append(Candidate(i, i + 1, heads[head], head, "compound"))
            elif (stem := self.diminutive_stem(word, insults, heads, known)) is not None:
                found.append(Candidate(i, i + 1, stem[1], stem[0], "diminutive"))
            i += 1
        return found
