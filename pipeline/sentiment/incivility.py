"""Incivility: insults, slurs, curses and threats from a versioned word list.

The list is ``pipeline/data/uncivil_words.csv`` (columns term, category, note; a term ending
in ``*`` matches every word that starts with it; terms of several words match as a phrase).
Matching is case-insensitive and works on whole tokens, so "voertuig" does not match "tuig".
It tolerates stretched letters ("kuttt") and digits or symbols for letters ("k4nker",
"kl0te"). Exceptions and medical context words come from the sentiment rules file.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pipeline.sentiment.text import Token, squeeze_variants

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
UNCIVIL_WORDS_PATH = DATA_DIR / "uncivil_words.csv"
_LEET_CHARS = "4@3105$7"
_LEET = str.maketrans(_LEET_CHARS, "aaeioost")
_LETTER_RE = re.compile(r"[^\W\d_]")
_DISEASE_CATEGORY = "disease_curse"


class UncivilListError(ValueError):
    """The incivility word list cannot be read; the message names the file and the row."""


@dataclass(frozen=True, slots=True)
class UncivilTerm:
    """One entry of the incivility list."""

    words: tuple[str, ...]
    prefix: bool
    category: str

    @property
    def text(self) -> str:
        return " ".join(self.words) + ("*" if self.prefix else "")


class UncivilMatch(NamedTuple):
    """Tokens ``first`` up to ``end`` (exclusive) match a term of ``category``."""

    first: int
    end: int
    category: str


def word_variants(word: str) -> list[str]:
    """Lower-case spellings of a token to look up: as written, de-leeted and unstretched."""
    low = word.lower()
    variants = [low]
    if _LETTER_RE.search(low) and any(ch in _LEET_CHARS for ch in low):
        variants.append(low.translate(_LEET))
    for variant in list(variants):
        variants.extend(squeeze_variants(variant))
    return variants


def load_uncivil_terms(path: Path = UNCIVIL_WORDS_PATH) -> list[UncivilTerm]:
    """Read the incivility list.

    Raises:
        UncivilListError: the file is missing, lacks the ``term`` column or has an empty term.
    """
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise UncivilListError(f"{path}: cannot read incivility list: {exc.strerror}") from exc
    if rows and "term" not in rows[0]:
        raise UncivilListError(f"{path}: incivility list has no 'term' column")
    terms = []
    for line, row in enumerate(rows, start=2):
        raw = (row.get("term") or "").strip().lower()
        prefix = raw.endswith("*")
        words = tuple(raw.rstrip("*").split())
        if not words:
            raise UncivilListError(f"{path}: line {line}: empty term")
        terms.append(UncivilTerm(words, prefix, (row.get("category") or "").strip()))
    return terms


class UncivilMatcher:
    """Finds terms of the incivility list in token sequences."""

    def __init__(
        self,
        terms: Iterable[UncivilTerm],
        exceptions: Iterable[str] = (),
        medical_context: Iterable[str] = (),
    ) -> None:
        self.terms = list(terms)
        self._exact: dict[str, UncivilTerm] = {}
        self._prefixes: list[tuple[str, UncivilTerm]] = []
        self._phrases: dict[str, list[UncivilTerm]] = {}
        for term in self.terms:
            if len(term.words) > 1:
                self._phrases.setdefault(term.words[0], []).append(term)
            elif term.prefix:
                self._prefixes.append((term.words[0], term))
            else:
                self._exact.setdefault(term.words[0], term)
        for first in self._phrases:
            self._phrases[first].sort(key=lambda t: len(t.words), reverse=True)
        self._prefixes.sort(key=lambda item: len(item[0]), reverse=True)
        exceptions = [e.lower() for e in exceptions]
        self._exception_exact = {e for e in exceptions if not e.endswith("*")}
        self._exception_prefixes = tuple(e.rstrip("*") for e in exceptions if e.endswith("*"))
        self._medical_context = {w.lower() for w in medical_context}
        self._word_cache: dict[str, UncivilTerm | None] = {}

    def _is_exception(self, variant: str) -> bool:
        return variant in self._exception_exact or variant.startswith(self._exception_prefixes)

    def _single(self, variant: str) -> UncivilTerm | None:
        if self._is_exception(variant):
            return None
        term = self._exact.get(variant)
        if term is not None:
            return term
        for stem, prefix_term in self._prefixes:
            if variant.startswith(stem):
                return prefix_term
        return None

    def match_word(self, word: str) -> UncivilTerm | None:
        """The list term a single token matches (also via its hyphen parts), or None."""
        cached = self._word_cache.get(word, False)
        if cached is not False:
            return cached  # type: ignore[return-value]
        found = None
        for variant in word_variants(word):
            parts = [variant, *variant.split("-")] if "-" in variant else [variant]
            found = next((t for t in map(self._single, parts) if t is not None), None)
            if found is not None:
                break
        if len(self._word_cache) > 100_000:
            self._word_cache.clear()
        self._word_cache[word] = found
        return found

    def _phrase_at(self, forms: Sequence[str], i: int) -> UncivilTerm | None:
        for term in self._phrases.get(forms[i], ()):
            n = len(term.words)
            window = forms[i : i + n]
            if len(window) < n or any(w == "" for w in window):
                continue
            head, last = window[:-1], window[-1]
            if list(head) == list(term.words[:-1]) and (
                last == term.words[-1] or (term.prefix and last.startswith(term.words[-1]))
            ):
                return term
        return None

    def find(self, tokens: Sequence[Token]) -> list[UncivilMatch]:
        """The tokens that match the list, in text order."""
        forms = [t.text.lower() if t.kind == "word" else "" for t in tokens]
        found: list[UncivilMatch] = []
        i = 0
        while i < len(tokens):
            if not forms[i]:
                i += 1
                continue
            phrase = self._phrase_at(forms, i) if forms[i] in self._phrases else None
            if phrase is not None:
                found.append(UncivilMatch(i, i + len(phrase.words), phrase.category))
                i += len(phrase.words)
                continue
            term = self.match_word(tokens[i].text)
            if term is not None and not self._medical(term, forms, i):
                found.append(UncivilMatch(i, i + 1, term.category))
            i += 1
        return found

    def _medical(self, term: UncivilTerm, forms: Sequence[str], i: int) -> bool:
        """A bare disease word after a medical context word ("overleden aan kanker")."""
        return (
            term.category == _DISEASE_CATEGORY
            and i > 0
            and forms[i - 1] in self._medical_context
            and forms[i].startswith(term.words[0])
            and forms[i].isalpha()
            and len(forms[i]) <= len(term.words[0]) + 1
        )
