"""Dutch syllable counting.

A vowel-group counter with Dutch orthographic rules, applied to the pieces that pyphen's Dutch
hyphenation dictionary gives (so compound boundaries such as ``ge|uit`` are respected), plus a
small exceptions file for loanwords (``pipeline/data/syllable_exceptions.csv``). Numbers are
counted as they are spoken (num2words). See docs/readability.md for the rules, the measured
accuracy and the differences from pyphen/textstat (which undercount ``idee``, ``energie``,
``economie``, ``agenda``: the hyphenation dictionary never splits off a single letter at the
edge of a word).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

VOWELS = frozenset("aeiouy")
DIAERESIS = {"ä": "a", "ë": "e", "ï": "i", "ö": "o", "ü": "u"}
# One syllable each, longest first (greedy left-to-right matching inside a vowel group).
VOWEL_UNITS = (
    "eeu", "ieu", "oei", "aai", "ooi", "eau",
    "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ei", "ij", "ou", "au",
    "oi", "ai", "ay", "ey", "oy", "uy",
)  # fmt: skip
_UNITS_BY_LEN = sorted(VOWEL_UNITS, key=len, reverse=True)
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_ORDINAL = re.compile(r"^(\d+)(?:e|ste|de)$")
_RUNS = re.compile(r"\d+|[^\W\d_]+")
MIN_AFFIX_EXCEPTION = 4
BREAKING_PREFIXES = frozenset({"ge", "be"})


def _strip_accents(word: str) -> str:
    """Lowercase; keep the diaeresis (it marks a syllable break), drop other accents."""
    if word.isascii():
        return word.lower()
    out = []
    for ch in unicodedata.normalize("NFC", word.lower()):
        if ch in DIAERESIS:
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base)
    return "".join(out)


def _is_vowel(word: str, i: int) -> bool:
    ch = word[i]
    if ch in DIAERESIS:
        return True
    if ch == "j":
        return i > 0 and word[i - 1] == "i" and (i == 1 or word[i - 2] not in VOWELS)
    if ch == "y":
        # consonant before a vowel at the start of a word or syllable (yoghurt, royaal)
        nxt = word[i + 1] if i + 1 < len(word) else ""
        return not (nxt in VOWELS and (i == 0 or word[i - 1] not in VOWELS))
    if ch == "u" and i > 0 and word[i - 1] == "q":
        return False
    return ch in VOWELS


@lru_cache(maxsize=4096)
def _count_group(group: str) -> int:
    """Syllables in one run of vowel letters (no diaeresis inside)."""
    n, i = 0, 0
    while i < len(group):
        for unit in _UNITS_BY_LEN:
            if group.startswith(unit, i):
                i += len(unit)
                break
        else:
            i += 1
        n += 1
    return n


@lru_cache(maxsize=65_536)
def count_by_rules(piece: str) -> int:
    """Syllables in a lowercase piece of a word by Dutch vowel-group rules (may be 0);
    remembered per piece (hyphenation pieces repeat across words: ge, ver, ning)."""
    n, i = 0, 0
    while i < len(piece):
        if not _is_vowel(piece, i):
            i += 1
            continue
        j = i
        while j < len(piece) and _is_vowel(piece, j):
            j += 1
        group = piece[i:j]
        # a diaeresis starts a new syllable: ideeën = i-dee-ën, coördinatie = co-ör-...
        parts = re.split(r"(?=[äëïöü])", group)
        for part in parts:
            if part:
                plain = DIAERESIS.get(part[0], part[0]) + part[1:]
                n += _count_group(plain)
        i = j
    # loanwords in -eum are two syllables in Dutch (museum, jubileum, lyceum)
    n += len(re.findall(r"eum(?=s?$)", piece))
    return n


def number_words(digits: str, year_style: bool = True) -> str:
    """A digit string as spoken Dutch, e.g. ``"2019"`` -> ``"tweeduizendnegentien"``.

    With ``year_style``, 1100-1999 are read in hundreds as years are
    (``"1998"`` -> ``"negentienhonderdachtennegentig"``).
    """
    from num2words import num2words

    value = int(digits)
    if year_style and 1100 <= value <= 1999 and value % 100:
        # years and amounts: negentienhonderdachtennegentig
        return num2words(value // 100, lang="nl") + "honderd" + num2words(value % 100, lang="nl")
    return str(num2words(value, lang="nl"))


NUMBER_CACHE = 20_000  # digit strings whose syllables are remembered


@lru_cache(maxsize=NUMBER_CACHE)
def _run_syllables(digits: str, year_style: bool) -> int:
    """Syllables of a digit string read aloud (``number_words``), remembered per digits:
    the same numbers (years, days, small counts) recur in many tokens."""
    return count_by_rules(_strip_accents(number_words(digits, year_style)))


def _count_number(token: str) -> int:
    ordinal = _ORDINAL.match(token)
    if ordinal:
        from num2words import num2words

        spoken = num2words(int(ordinal.group(1)), lang="nl", to="ordinal")
        return count_by_rules(_strip_accents(spoken))
    grouped = bool(_THOUSANDS.match(token))
    if grouped:
        token = token.replace(".", "")
    total = 0
    for run in re.findall(r"\d+", token):
        total += _run_syllables(run[:15], not grouped)
    # a decimal comma is read aloud ("drie komma vijf")
    if re.search(r"\d,\d", token):
        total += 2
    return total


def dutch_hyphenator() -> Any:
    """pyphen's Dutch hyphenator, its parsed patterns kept in the user cache (``cache.py``).

    Parsing the 16,000 patterns takes about 0.15 s of every cold start; unpickling them 10 ms.
    """
    import pickle

    import pyphen

    from pipeline.cache import cached_bytes

    path = pyphen.LANGUAGES[pyphen.language_fallback("nl_NL")]
    if path not in pyphen.hdcache:
        data = cached_bytes(
            f"pyphen_{pyphen.__version__}_nl_v1",
            path,
            lambda: pickle.dumps(pyphen.HyphDict(path), protocol=pickle.HIGHEST_PROTOCOL),
        )
        try:
            pyphen.hdcache[path] = pickle.loads(data)
        except Exception:  # an unreadable cache file: parse the dictionary again
            pyphen.hdcache[path] = pyphen.HyphDict(path)
    patterns = pyphen.hdcache[path]
    if not isinstance(patterns.cache, RecentWords):  # pyphen's own cache has no bound
        patterns.cache = RecentWords(HYPHENATION_CACHE, patterns.cache)
    return pyphen.Pyphen(filename=path)


HYPHENATION_CACHE = 4096  # words whose hyphenation points pyphen keeps (``RecentWords``)
COUNT_CACHE = 1024  # tokens whose syllables a ``SyllableCounter`` keeps (its callers keep them)


class RecentWords(dict):  # type: ignore[type-arg]
    """A dict emptied when it holds ``size`` entries and another is added: pyphen keeps the
    hyphenation points of every word it was asked for (``HyphDict.cache``, a plain dict) and
    so grew with every new word of a long run; ``SyllableCounter``'s callers remember their
    answers per token, so pyphen's copy only needs the recent words."""

    def __init__(self, size: int, entries: Mapping[str, Any] | None = None) -> None:
        super().__init__(entries or {})
        self.size = size

    def __setitem__(self, key: str, value: Any) -> None:
        if len(self) >= self.size:
            self.clear()
        super().__setitem__(key, value)


class SyllableCounter:
    """Counts syllables of Dutch words; caches results per word.

    Args:
        exceptions: lowercase word -> syllables, for loanwords the rules get wrong; also
            applied to the first or last part of a compound (``teamleider``, ``projectwebsite``).
    """

    def __init__(self, exceptions: Mapping[str, int] | None = None) -> None:
        self.exceptions = {_strip_accents(k): v for k, v in (exceptions or {}).items()}
        affixes = sorted(
            (k for k in self.exceptions if len(k) >= MIN_AFFIX_EXCEPTION and k.isalpha()),
            key=len,
            reverse=True,
        )
        # an affix's rank in that order: of two that fit a word, the earlier one is used
        self._affix_rank = {affix: n for n, affix in enumerate(affixes)}
        self._affix_lengths = sorted({len(a) for a in affixes}, reverse=True)
        self._hyphenator: Any = None
        self.count = lru_cache(maxsize=COUNT_CACHE)(self._count)

    def _pieces(self, word: str) -> list[str]:
        """Pyphen's hyphenation pieces, rejoined where a break falls between two vowels.

        Such breaks are kept only after the prefixes ``ge``/``be`` (``ge-uit``), where the
        vowels belong to different syllables; elsewhere pyphen may split one vowel
        (``mi-li-eu``), so the vowel-group rules decide.
        """
        if self._hyphenator is None:
            self._hyphenator = dutch_hyphenator()
        hyphenated: str = self._hyphenator.inserted(word, hyphen="\x00")
        pieces: list[str] = []
        for piece in hyphenated.split("\x00"):
            if (
                pieces
                and piece[:1] in VOWELS
                and pieces[-1][-1:] in VOWELS
                and not (len(pieces) == 1 and pieces[0] in BREAKING_PREFIXES)
            ):
                pieces[-1] += piece
            else:
                pieces.append(piece)
        return pieces

    def _affix(self, word: str) -> str | None:
        """The longest exception that ends the word (leaving at least 2 letters) or starts it
        (leaving at least 3); of two of one length, the one first in the exceptions file."""
        rank = self._affix_rank
        for length in self._affix_lengths:
            if len(word) - length < 2:
                continue
            fits = [word[-length:]]
            if len(word) - length >= 3:
                fits.append(word[:length])
            found = [a for a in fits if a in rank]
            if found:
                return min(found, key=rank.__getitem__)
        return None

    def _count_letters(self, word: str) -> int:
        if word in self.exceptions:
            return self.exceptions[word]
        affix = self._affix(word)
        if affix is not None:
            if word.endswith(affix) and len(word) - len(affix) >= 2:
                return self._count_letters(word[: -len(affix)]) + self.exceptions[affix]
            return self.exceptions[affix] + self._count_letters(word[len(affix) :])
        total = 0
        for piece in self._pieces(word):
            total += self.exceptions.get(piece) or count_by_rules(piece)
        return total

    def _count(self, token: str) -> int:
        """Syllables in one token (word, number, abbreviation); 0 when it has no letter/digit."""
        if not any(ch.isalnum() for ch in token):
            return 0
        word = _strip_accents(token)
        if word in self.exceptions:
            return self.exceptions[word]
        if re.search(r"\d", token):
            letters = "".join(re.findall(r"[^\W\d_]+", token))
            if _ORDINAL.match(word) or not letters:
                return max(1, _count_number(word))
            return max(1, _count_number(re.sub(r"[^\d.,]", " ", word)) + self._count(letters))
        total = 0
        for run in _RUNS.findall(token):
            letters = _strip_accents(run)
            if run.isupper() and len(run) > 1 and (len(run) <= 3 or count_by_rules(letters) == 0):
                total += len(run)  # spelled out: PGB = pee-gee-bee
            else:
                total += max(1, self._count_letters(letters))
        return max(1, total)


def pyphen_count(word: str) -> int:
    """Syllables as pyphen (and so textstat) counts them, for comparison in tests and docs."""
    import pyphen

    return len(pyphen.Pyphen(lang="nl_NL").positions(word)) + 1
