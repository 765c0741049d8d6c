"""The official list of Dutch municipalities and a matcher that finds the one a text is about.

Data: ``pipeline/data/municipalities.csv`` (name, cbs_code, province, aliases separated by
``;``) and ``municipalities_former.csv`` (merged-away municipalities: name, merged_into,
year). Matching is case- and accent-tolerant and works on word sequences, so "Sluis" never
matches inside "Maassluis" and "Súdwest-Fryslân" matches "Sudwest Fryslan".

Names that are also ordinary Dutch words ("Best", "Buren", "Sluis", "Goes", "Epe") count
only when capitalised and not at the start of a sentence or line, and then only after
"gemeente" or when mentioned at least ``min_mentions`` times. A word counts as ordinary when
simplemma knows it as a Dutch word form, or when it has at most three letters.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
MUNICIPALITIES_CSV = DATA_DIR / "municipalities.csv"
FORMER_CSV = DATA_DIR / "municipalities_former.csv"

_WORD_RE = re.compile(r"[^\W_]+")
_SENTENCE_START = set(".!?:\n\"'“‘„•*-–—")
STRONG_WEIGHT = 3


@dataclass(frozen=True)
class Municipality:
    """One current municipality from the official list."""

    name: str
    cbs_code: str
    province: str
    aliases: tuple[str, ...] = ()


@dataclass
class MunicipalityScore:
    """Evidence for one municipality in a text."""

    name: str
    n_strong: int = 0
    n_mentions: int = 0
    first_offset: int = -1
    ambiguous: bool = False

    @property
    def score(self) -> int:
        return STRONG_WEIGHT * self.n_strong + self.n_mentions


@dataclass(frozen=True)
class _Entry:
    tokens: tuple[str, ...]
    target: str
    alias: str
    former: bool

    @cached_property
    def ambiguous(self) -> bool:
        """The name is also an ordinary word (decided when first met: loading the
        lemmatizer's dictionary costs 0.4 s of a cold `check`)."""
        return is_common_word(self.alias)


def fold(text: str) -> str:
    """Casefold and strip accents: ``"Súdwest-Fryslân"`` -> ``"sudwest-fryslan"``."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_tokens(name: str) -> tuple[str, ...]:
    """Folded word tokens of a name (punctuation, hyphens and apostrophes dropped)."""
    return tuple(_WORD_RE.findall(fold(name)))


def load_municipalities(path: Path = MUNICIPALITIES_CSV) -> list[Municipality]:
    """Read the official list of current municipalities."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Municipality(
                name=row["name"].strip(),
                cbs_code=(row.get("cbs_code") or "").strip(),
                province=(row.get("province") or "").strip(),
                aliases=tuple(
                    a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()
                ),
            )
            for row in csv.DictReader(handle)
            if (row.get("name") or "").strip()
        ]


def load_former(path: Path = FORMER_CSV) -> dict[str, tuple[str, ...]]:
    """Merged-away municipalities mapped to their successor(s) (``;``-separated in the file)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["name"].strip(): tuple(
                s.strip() for s in (row.get("merged_into") or "").split(";") if s.strip()
            )
            for row in csv.DictReader(handle)
            if (row.get("name") or "").strip()
        }


COMMON_WORDS_TXT = DATA_DIR / "municipality_common_words.txt"


def is_common_word(name: str) -> bool:
    """True when a one-word name is also an ordinary Dutch word (simplemma knows it) or
    very short. The shipped names are answered from ``municipality_common_words.txt``
    (``build_common_words``): loading simplemma's dictionary costs ~0.5 s of a cold check."""
    tokens = name_tokens(name)
    if len(tokens) != 1:
        return False
    word = tokens[0]
    if len(word) <= 3:
        return True
    known = _shipped_common_words()
    if word in known:
        return known[word]
    import simplemma

    return bool(simplemma.is_known(word, lang="nl"))


@lru_cache(maxsize=1)
def _shipped_common_words() -> dict[str, bool]:
    """The one-word names of the shipped lists (longer than three letters), each with
    whether simplemma knows it as a word (the file lists those it knows)."""
    if not COMMON_WORDS_TXT.exists():
        return {}
    listed = set(COMMON_WORDS_TXT.read_text(encoding="utf-8").split())
    return {word: word in listed for word in shipped_name_words()}


def shipped_name_words() -> set[str]:
    """The one-word names and aliases (folded, longer than three letters) of the shipped
    lists of current and former municipalities."""
    names = [n for m in load_municipalities() for n in (m.name, *m.aliases)]
    names += list(load_former())
    return {t[0] for t in map(name_tokens, names) if len(t) == 1 and len(t[0]) > 3}


def build_common_words() -> str:
    """The content of ``municipality_common_words.txt``: the shipped one-word names that
    simplemma knows as Dutch words, one per line, sorted (``python -m
    pipeline.ingest.municipalities`` writes it; a test checks it is current)."""
    import simplemma

    known = sorted(w for w in shipped_name_words() if simplemma.is_known(w, lang="nl"))
    return "".join(f"{w}\n" for w in known)


@dataclass
class MunicipalityMatcher:
    """Finds the municipality a text is about.

    Args:
        municipalities: the current municipalities.
        former: merged-away names mapped to successors; a former name counts only after
            "gemeente" and resolves to its successor when there is exactly one.
        min_mentions: capitalised mentions needed for a name that is also a common word when
            "gemeente" never precedes it.
        max_chars: only this many characters from the start are read; a municipality names
            itself on every page, so a long text needs no full scan.
    """

    municipalities: Iterable[Municipality]
    former: dict[str, tuple[str, ...]] = field(default_factory=dict)
    min_mentions: int = 2
    max_chars: int = 500_000

    def __post_init__(self) -> None:
        self._index: dict[str, list[_Entry]] = {}
        for m in self.municipalities:
            for alias in (m.name, *m.aliases):
                self._add(alias, m.name, former=False)
            if m.cbs_code:
                self._add(m.cbs_code, m.name, former=False)
        for name, successors in self.former.items():
            if len(successors) == 1:
                self._add(name, successors[0], former=True)
        for entries in self._index.values():
            entries.sort(key=lambda e: -len(e.tokens))

    def _add(self, alias: str, target: str, *, former: bool) -> None:
        tokens = name_tokens(alias)
        if not tokens:
            return
        entry = _Entry(tokens, target, alias, former)
        self._index.setdefault(tokens[0], []).append(entry)

    def scores(self, text: str) -> list[MunicipalityScore]:
        """Evidence per municipality mentioned in ``text``, best first.

        Only municipalities that pass the rules for common-word names are returned.
        """
        text = text[: self.max_chars]
        words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]
        cache: dict[str, str] = {}
        folded: list[str] = []
        for _, _, word in words:
            f = cache.get(word)
            if f is None:
                f = cache[word] = fold(word)
            folded.append(f)
        found: dict[str, MunicipalityScore] = {}
        i = 0
        n = len(words)
        while i < n:
            entries = self._index.get(folded[i])
            if entries is None:
                i += 1
                continue
            for entry in entries:
                k = len(entry.tokens)
                if tuple(folded[i : i + k]) != entry.tokens:
                    continue
                start = words[i][0]
                strong = i > 0 and folded[i - 1] == "gemeente"
                capitalised = words[i][2][:1].isupper()
                if entry.former and not strong:
                    break
                if entry.ambiguous and (not capitalised or self._sentence_initial(text, start)):
                    break
                score = found.setdefault(entry.target, MunicipalityScore(entry.target))
                score.ambiguous = score.ambiguous or entry.ambiguous
                if strong:
                    score.n_strong += 1
                else:
                    score.n_mentions += 1
                if score.first_offset < 0:
                    score.first_offset = start
                i += k - 1
                break
            i += 1
        eligible = [
            s
            for s in found.values()
            if s.n_strong or not s.ambiguous or s.n_mentions >= self.min_mentions
        ]
        return sorted(eligible, key=lambda s: (-s.score, s.first_offset))

    @staticmethod
    def _sentence_initial(text: str, start: int) -> bool:
        j = start - 1
        while j >= 0 and text[j] in " \t\xa0":
            j -= 1
        return j < 0 or text[j] in _SENTENCE_START

    def lookup(self, name: str) -> str | None:
        """The official name when ``name`` is exactly a municipality name or alias."""
        tokens = name_tokens(name)
        for entry in self._index.get(tokens[0] if tokens else "", ()):
            if entry.tokens == tokens and not entry.former:
                return entry.target
        return None

    def match(self, text: str) -> str | None:
        """The official name of the municipality the text is about, or None."""
        ranked = self.scores(text)
        return ranked[0].name if ranked else None


@lru_cache(maxsize=8)
def default_matcher(min_mentions: int = 2) -> MunicipalityMatcher:
    """The matcher over the bundled official lists (loaded once per process)."""
    return MunicipalityMatcher(load_municipalities(), load_former(), min_mentions)


if __name__ == "__main__":
    COMMON_WORDS_TXT.write_text(build_common_words(), encoding="utf-8")
