"""Incivility: insults, slurs, curses and threats from a versioned word list.

The list is ``pipeline/data/uncivil_words.csv`` (columns term, category, note; a term ending
in ``*`` matches every word that starts with it; terms of several words match as a phrase).
Matching is case-insensitive and works on whole tokens, so "voertuig" does not match "tuig".
It tolerates stretched letters ("kuttt") and digits or symbols for letters ("k4nker",
"kl0te"). Exceptions and medical context words come from the sentiment rules file.

Context decides for homographs: a bare disease word ("kanker") is a curse only in a curse
construction ("krijg de kanker", "kanker!"), not as the illness; words such as "nazi's" or
"parasieten" count only when aimed at someone ("jij bent een nazi"), not in reporting; "zak"
alone (a bag, "op zak") is not on the list, "vuile zak" is. Threats and dehumanisation that
no single word shows ("ik wil ... doden", "X zijn ongedierte") are found by the patterns in
``pipeline/data/uncivil_patterns.toml`` (``find_patterns``).
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pipeline.ingest.municipalities import fold
from pipeline.sentiment.incivility_aim import UncivilContext
from pipeline.sentiment.text import Token, squeeze_variants

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
UNCIVIL_WORDS_PATH = DATA_DIR / "uncivil_words.csv"
UNCIVIL_PATTERNS_PATH = DATA_DIR / "uncivil_patterns.toml"
_LEET_CHARS = "4@3105$7"
_LEET = str.maketrans(_LEET_CHARS, "aaeioost")
_LETTER_RE = re.compile(r"[^\W\d_]")
_DISEASE_CATEGORY = "disease_curse"
_MACRO = re.compile(r"<<(\w+)>>")


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
    """Tokens ``first`` up to ``end`` (exclusive) match a term of ``category``; ``aimed``:
    the match makes the text uncivil (``incivility_aim``; True without a context);
    ``listed``: False for a match beyond the word list (``incivility_extra``), which only
    the uncivil flag reads, not the sentiment model."""

    first: int
    end: int
    category: str
    aimed: bool = True
    listed: bool = True


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
        *,
        curse_cues: Iterable[str] = (),
        predicative_only: Iterable[str] = (),
        aimed_cues: Iterable[str] = (),
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
        exceptions = [fold(e) for e in exceptions]
        self._exception_exact = {e for e in exceptions if not e.endswith("*")}
        self._exception_prefixes = tuple(e.rstrip("*") for e in exceptions if e.endswith("*"))
        self._medical_context = {w.lower() for w in medical_context}
        self._curse_cues = {w.lower() for w in curse_cues}
        self._predicative = {w.lower() for w in predicative_only}
        self._aimed_cues = {w.lower() for w in aimed_cues}
        self._word_cache: dict[str, UncivilTerm | None] = {}
        # list words with an apostrophe, as written without it ("nazis" -> "nazi's")
        self._unapostrophed = {
            w.replace("'", ""): (w, t.category) for w, t in self._exact.items() if "'" in w
        }
        self._heads: tuple[UncivilContext, dict[str, str], dict[str, str]] | None = None

    def _is_exception(self, variant: str) -> bool:
        """An exception of the list, with or without its accents ("kankerpatienten")."""
        variant = fold(variant)
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

    def find(
        self, tokens: Sequence[Token], text: str = "", context: UncivilContext | None = None
    ) -> list[UncivilMatch]:
        """The tokens that match the list, in text order; with a ``context`` (and the
        ``text`` the tokens come from) each match says whether it is aimed at people."""
        forms = [t.text.lower() if t.kind == "word" else "" for t in tokens]
        found: list[UncivilMatch] = []
        i = 0
        while i < len(tokens):
            if not forms[i]:
                i += 1
                continue
            phrase = self._phrase_at(forms, i) if forms[i] in self._phrases else None
            if phrase is not None:
                end = i + len(phrase.words)
                aimed = context is None or context.aimed(text, tokens, i, end, phrase.category)
                found.append(UncivilMatch(i, end, phrase.category, aimed))
                i = end
                continue
            term = self.match_word(tokens[i].text)
            if (
                term is not None
                and not self._medical(term, forms, i)
                and self._in_context(term, tokens, forms, i)
            ):
                category = term.category
                # a noun of the profanity list that names a person is an insult when aimed
                # at one ("die burgemeester is een lul"; context.v6)
                if (
                    context is not None
                    and context.profane_insult(forms, i)
                    and context.aimed(text, tokens, i, i + 1, "insult")
                ):
                    category = "insult"
                aimed = context is None or (
                    context.aimed(
                        text, tokens, i, i + 1, category, self._head_listed(tokens[i].text)
                    )
                    and not (
                        term.prefix
                        and term.category == _DISEASE_CATEGORY
                        and context.thing_compound(forms[i], term.words[0])
                    )
                )
                found.append(UncivilMatch(i, i + 1, category, aimed))
            i += 1
        if context is not None and context.extension is not None:
            found.extend(self._beyond_list(tokens, forms, text, context, found))
            found.sort()
        return found

    def _insult_words(self, context: UncivilContext) -> tuple[dict[str, str], dict[str, str]]:
        """Single insult words of the list and the flag words (stems of diminutives), and
        those that can head a compound (``[compounds]`` of the context file): at least
        ``min_head`` letters, not describing conduct or a role, not denying humanity, not
        excluded."""
        if self._heads is not None and self._heads[0] is context:
            return self._heads[1], self._heads[2]
        ext = context.extension
        assert ext is not None
        insults = {
            w: t.category
            for w, t in self._exact.items()
            if t.category in context.insult_categories and w.isalpha()
        }
        insults.update((w, "insult") for w in ext.flag_words)
        skip = context.descriptive | context.predicative | ext.excluded_heads
        heads = {w: c for w, c in insults.items() if len(w) >= ext.min_head and w not in skip}
        self._heads = (context, insults, heads)
        return insults, heads

    def _beyond_list(
        self,
        tokens: Sequence[Token],
        forms: Sequence[str],
        text: str,
        context: UncivilContext,
        found: Sequence[UncivilMatch],
    ) -> list[UncivilMatch]:
        """Aimed matches of ``incivility_extra`` on the tokens no list term matched."""
        ext = context.extension
        assert ext is not None
        taken = {k for m in found for k in range(m.first, m.end)}
        extra = []
        insults, heads = self._insult_words(context)
        known = context.nouns.known_other if context.nouns is not None else None
        for c in ext.candidates(forms, taken, self._unapostrophed.get, heads, insults, known):
            if c.kind in ("animal", "conduct"):
                aimed = context.name_calling_aimed(
                    text, tokens, c.first, c.end, plural=c.plural, conduct=c.kind == "conduct"
                )
            else:
                aimed = context.aimed(text, tokens, c.first, c.end, c.category, word=c.word)
            if aimed:
                extra.append(UncivilMatch(c.first, c.end, c.category, True, listed=False))
        return extra

    def _head_listed(self, word: str) -> bool:
        """False for a hyphenated word matched only by a part before its last one
        ("Hitler-groet"); True otherwise."""
        if "-" not in word.strip("-"):
            return True
        low = word.lower()
        last = low.rsplit("-", 1)[-1]
        return any(self._single(v) is not None for v in (*word_variants(low), *word_variants(last)))

    def _in_context(
        self, term: UncivilTerm, tokens: Sequence[Token], forms: Sequence[str], i: int
    ) -> bool:
        """False for a homograph used in its harmless sense (see the module docstring)."""
        word = forms[i]
        if (
            term.category == _DISEASE_CATEGORY
            and word.isalpha()
            and (len(word) <= len(term.words[0]) + 1)
        ):
            # bare disease word: a curse only in a curse construction
            before = [f for f in forms[max(0, i - 4) : i] if f]
            nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
            if "!" in nxt:
                return True
            return (
                bool(before)
                and before[-1] in {"de", "het"}
                and any(f.startswith(tuple(self._curse_cues)) for f in before)
                if self._curse_cues
                else True
            )
        if word in self._predicative:
            before = [f for f in forms[max(0, i - 3) : i] if f]
            # "er is ongedierte", "er zitten kakkerlakken": existence, not aimed at anyone
            if "er" in before[:-1] or (before and before[0] == "er"):
                return False
            return any(f in self._aimed_cues for f in before)
        return True

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


_NEGATORS = frozenset({"niet", "geen", "nooit", "niemand", "nergens", "niets"})
_NOT_NEGATING = re.compile(
    r"\b(?:niet (?:kunnen |kan |kunnen )?wachten"
    r"|(?:geen|niet) (?:echte? )?(?:mensen|mens|menselijk)"
    r"|niet meer dan|niet beter dan)\b"
)
_CLAUSE_END = re.compile(r"[.!?;:,\"“”]")


def _negated(flat: str, start: int, words: str) -> bool:
    """True when a negation is in the match or among the three words before it in the same
    clause: "Geen vrouw verdient het om te sterven", "we mogen ze niet laten lijden"."""
    before = _CLAUSE_END.split(flat[:start])[-1].lower().split()[-3:]
    # phrases with a negation that do not negate: "kan niet wachten om", "geen mensen"
    words = _NOT_NEGATING.sub(" ", words)
    inside = words.split()
    # "niets anders dan ..." and "niets meer dan ..." assert, they do not negate
    if "niets" in inside and re.search(r"\bniets (?:anders|meer|beter) dan\b", words):
        inside = [w for w in inside if w != "niets"]
    return any(w.strip("\"'“”") in _NEGATORS for w in [*before, *inside])


_QUOTE = re.compile(r'"[^"]*"|“[^”]*”|„[^”“]*[”“]')


def _quoted(flat: str, start: int, end: int) -> bool:
    """True when the match lies within double quotes: words quoted to reject or report them
    ('"dood aan alle X" zeggen is strafbaar'), not said by the writer."""
    return any(q.start() < start and end <= q.end() for q in _QUOTE.finditer(flat))


class UncivilPatterns:
    """Regular expressions for threats and dehumanisation (``uncivil_patterns.toml``).

    ``<<name>>`` in a pattern stands for the alternation of the words listed under
    ``[macros] name`` (longest first), so word classes (violent verbs, group nouns) are
    written once.
    """

    def __init__(self, patterns: dict[str, list[re.Pattern[str]]], version: str = "") -> None:
        self.patterns = patterns
        self.version = version

    @staticmethod
    def group_nouns(path: Path = UNCIVIL_PATTERNS_PATH) -> list[str]:
        """The words of the ``person`` macro (nouns for people and groups); [] without it."""
        try:
            macros = tomllib.loads(path.read_text(encoding="utf-8")).get("macros", {})
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UncivilListError(f"{path}: cannot read patterns ({exc})") from exc
        words = macros.get("person", []) if isinstance(macros, dict) else []
        return [w for w in words if isinstance(w, str)]

    @classmethod
    def load(cls, path: Path = UNCIVIL_PATTERNS_PATH) -> UncivilPatterns:
        """Read the patterns file.

        Raises:
            UncivilListError: the file is missing, not TOML, or holds an invalid expression.
        """
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise UncivilListError(f"{path}: cannot read patterns: {exc.strerror}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise UncivilListError(f"{path}: not valid TOML ({exc})") from exc
        macros = data.get("macros", {})
        if not isinstance(macros, dict) or not all(
            isinstance(v, list) and all(isinstance(w, str) for w in v) for v in macros.values()
        ):
            raise UncivilListError(f"{path}: [macros] must map names to lists of strings")
        expanded = {
            name: "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"
            for name, words in macros.items()
        }

        def expand(pattern: str, n: int, category: str) -> str:
            def sub(match: re.Match[str]) -> str:
                if match.group(1) not in expanded:
                    raise UncivilListError(
                        f"{path}: [{category}] pattern {n}: unknown macro <<{match.group(1)}>>"
                    )
                return expanded[match.group(1)]

            return _MACRO.sub(sub, pattern)

        compiled: dict[str, list[re.Pattern[str]]] = {}
        for category, section in data.items():
            if not isinstance(section, dict) or category == "macros":
                continue
            for n, pattern in enumerate(section.get("patterns", []), start=1):
                try:
                    regex = re.compile(expand(pattern, n, category), re.IGNORECASE)
                    compiled.setdefault(category, []).append(regex)
                except re.error as exc:
                    raise UncivilListError(f"{path}: [{category}] pattern {n}: {exc}") from exc
        return cls(compiled, str(data.get("version", "")))

    def find(self, text: str, context: UncivilContext | None = None) -> list[tuple[str, str]]:
        """(matched words, category) for every pattern that matches, in text order; with a
        ``context``, only matches whose clause names a person (``UncivilContext.framed``)."""
        return [(words, category) for words, category, framed in self.find_all(text, context)
                if framed]  # fmt: skip

    def find_all(
        self, text: str, context: UncivilContext | None = None
    ) -> list[tuple[str, str, bool]]:
        """(matched words, category, framed) for every pattern that matches, in text order;
        ``framed``: the match's clause names a person (always True without a ``context``)."""
        flat = " ".join(text.split())
        found: list[tuple[int, str, str, bool]] = []
        for category, patterns in self.patterns.items():
            for pattern in patterns:
                for match in pattern.finditer(flat):
                    words = " ".join(match.group().lower().strip(" .!?").split())
                    if (
                        words
                        and not _negated(flat, match.start(), words)
                        and not _quoted(flat, match.start(), match.end())
                    ):
                        framed = context is None or context.framed(
                            flat, match.start(), match.end(), category
                        )
                        found.append((match.start(), words, category, framed))
        found.sort()
        return [(words, category, framed) for _, words, category, framed in found]
