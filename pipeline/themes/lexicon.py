"""Transparent lexicon baseline: lexicon terms matched on lemmas, inflections and compounds.

A term from ``pipeline/data/theme_lexicon.csv`` (``slug,term,weight``) matches a token when
the term equals the token's lowercased lemma or text. Terms of at
least ``compound_min_length`` letters also match as a compound part of a lemma
("woningbouwproject" contains "woningbouw"), but only when the rest of the lemma is itself
word-like: empty, a lexicon term, a word in simplemma's Dutch dictionary or with a wordfreq
Zipf frequency of at least ``compound_min_part_zipf``, or two such words. A linking
``s``/``e``/``en``/``-`` between the parts is allowed ("veiligheidsbeleid"). A left rest
needs 3 letters and a right rest 4, so "transport" does not contain "sport" and
"verzorging" does not contain "zorg".
Multi-word terms match on consecutive tokens in the same way, word by word. Capitalised
names of municipalities ("Sluis", "Maassluis", from ``pipeline/data/municipalities.csv``)
never match, so a place name is not read as a lock (*sluis*).

Score per theme: ``1 - exp(-sum(weights) / lexicon_scale)``, summed over non-overlapping
matches, so one clear term gives a moderate score and several give a high one.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.attrs import LEMMA, ORTH
from spacy.tokens import Doc, Token

from pipeline.cache import WORD_MEMO, make_room
from pipeline.config import ThemeSettings
from pipeline.frequencies import zipf_nl
from pipeline.themes.taxonomy import DATA_DIR, Taxonomy

LEXICON_PATH = DATA_DIR / "theme_lexicon.csv"
LEXICON_COLUMNS = ("slug", "term", "weight")
LEFT_LINKERS = ("s", "-", "en", "e")
RIGHT_LINKERS = ("s", "-")
MIN_LEFT_REST = 3
MIN_RIGHT_REST = 4
MIN_SPLIT_PART = 4  # both halves of an unknown rest ("dienst|ver" is not a compound)
PLAN_CACHE = WORD_MEMO  # word/lemma pairs (and lemmas) whose candidates match() remembers


class LexiconError(ValueError):
    """The lexicon file is missing, malformed or names unknown themes."""


@dataclass(frozen=True)
class LexiconEntry:
    """One lexicon term of a theme; ``words`` are its lowercased words."""

    slug: str
    term: str
    weight: float
    words: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    """A lexicon term found in a Doc: token span ``[start, end)`` and its text."""

    slug: str
    weight: float
    start: int
    end: int
    text: str


# a token's keys, its text and the entries it may start (with "multi-word?")
_Plan = tuple[tuple[str, ...], str, tuple[tuple[LexiconEntry, bool], ...]]


@lru_cache(maxsize=65536)
def _known(word: str) -> bool:
    import simplemma

    return bool(simplemma.is_known(word, lang="nl"))


def token_keys(token: Token) -> tuple[str, ...]:
    """The lowercased lemma and text of a token (lemma first; empty lemmas skipped)."""
    lemma = token.lemma_.lower()
    text = token.lower_
    return (lemma, text) if lemma and lemma != text else (text,)


class Lexicon:
    """Lexicon entries indexed for matching on a Doc."""

    def __init__(
        self,
        entries: list[LexiconEntry],
        settings: ThemeSettings,
        path: Path | None = None,
        place_names: frozenset[str] = frozenset(),
    ) -> None:
        self.entries = entries
        self.settings = settings
        self.path = path
        self.place_names = place_names
        self._single: dict[str, list[LexiconEntry]] = defaultdict(list)
        self._multi: dict[str, list[LexiconEntry]] = defaultdict(list)
        for entry in entries:
            index = self._single if len(entry.words) == 1 else self._multi
            for form in self.forms(entry.words[0]):
                index[form].append(entry)
        self._compound_forms = frozenset(
            f
            for f in self._single
            if len(f) >= settings.compound_min_length and f.replace("-", "").isalpha()
        )
        self._compound_prefixes = frozenset(
            f[:k] for f in self._compound_forms for k in range(1, len(f) + 1)
        )
        self._compound_cache: dict[str, tuple[str, ...]] = {}
        self._plan_cache: dict[tuple[int, ...], _Plan] = {}

    @staticmethod
    def forms(word: str) -> set[str]:
        """The forms a term word matches: itself (terms are written as lemmas)."""
        return {word}

    def _wordlike(self, part: str, depth: int = 1) -> bool:
        if part in self._single or zipf_nl(part) >= self.settings.compound_min_part_zipf:
            return True
        if _known(part):
            return True
        if depth <= 0:
            return False
        return any(
            self._wordlike(part[:k], 0) and self._wordlike(part[k:], 0)
            for k in range(MIN_SPLIT_PART, len(part) - MIN_SPLIT_PART + 1)
        )

    def _rest_ok(self, rest: str, left: bool) -> bool:
        if not rest:
            return True
        variants = [rest]
        for linker in LEFT_LINKERS if left else RIGHT_LINKERS:
            stripped = rest.removesuffix(linker) if left else rest.removeprefix(linker)
            if stripped != rest and stripped:
                variants.append(stripped)
        minimum = MIN_LEFT_REST if left else MIN_RIGHT_REST
        return any(len(v) >= minimum and self._wordlike(v) for v in variants)

    def compound_parts(self, lemma: str) -> tuple[str, ...]:
        """Lexicon forms contained in ``lemma`` as a compound part (not the lemma itself)."""
        cached = self._compound_cache.get(lemma)
        if cached is not None:
            return cached
        found: set[str] = set()
        n, shortest = len(lemma), self.settings.compound_min_length
        if n > shortest:
            for start in range(n - shortest + 1):
                for end in range(start + 1, n + 1):
                    form = lemma[start:end]
                    if form not in self._compound_prefixes:
                        break  # no lexicon form starts with it: nor with a longer piece
                    if (
                        end - start < shortest
                        or end - start == n
                        or form in found
                        or form not in self._compound_forms
                    ):
                        continue
                    if self._rest_ok(lemma[:start], left=True) and self._rest_ok(
                        lemma[end:], left=False
                    ):
                        found.add(form)
        result = tuple(sorted(found))
        make_room(self._compound_cache, PLAN_CACHE)
        self._compound_cache[lemma] = result
        return result

    def match(self, doc: Doc) -> list[Match]:
        """All non-overlapping matches per theme, longest and heaviest first."""
        candidates: list[Match] = []
        plans = self._plans(doc)
        for i, (_, text, found) in enumerate(plans):
            for entry, multi in found:
                if not multi:
                    candidates.append(Match(entry.slug, entry.weight, i, i + 1, text))
                    continue
                end = i + len(entry.words)
                if end <= len(doc) and all(
                    not self.forms(w).isdisjoint(plans[j][0])
                    for w, j in zip(entry.words[1:], range(i + 1, end), strict=True)
                ):
                    candidates.append(Match(entry.slug, entry.weight, i, end, doc[i:end].text))
        if not candidates:
            return []
        candidates.sort(key=lambda m: (m.start, -(m.end - m.start), -m.weight))
        kept: list[Match] = []
        taken: dict[str, set[int]] = defaultdict(set)
        for m in sorted(candidates, key=lambda m: (-(m.end - m.start), -m.weight, m.start)):
            span = set(range(m.start, m.end))
            if taken[m.slug] & span:
                continue
            taken[m.slug] |= span
            kept.append(m)
        return sorted(kept, key=lambda m: (m.start, m.slug))

    def _plans(self, doc: Doc) -> list[_Plan]:
        """Each token's ``_Plan``, remembered per word and lemma (keyed by their hashes)."""
        memo = self._plan_cache
        plans: list[_Plan] = []
        for i, key in enumerate(doc.to_array([ORTH, LEMMA]).tolist()):
            plan = memo.get(key := tuple(key))
            if plan is None:
                make_room(memo, PLAN_CACHE)
                plan = memo[key] = self._plan(doc[i])
            plans.append(plan)
        return plans

    def _plan(self, token: Token) -> _Plan:
        """What a token can match: its keys (``token_keys``), its text, and the entries it
        may start, in the order ``match`` tries them: per key the single-word terms then the
        multi-word terms (True: the following words still have to match), then the terms
        that are a compound part of the lemma. A word without letters or a capitalised place
        name starts none."""
        keys = token_keys(token)
        if not any(ch.isalpha() for ch in token.text) or (
            token.text[:1].isupper() and token.lower_ in self.place_names
        ):
            return keys, token.text, ()
        found: list[tuple[LexiconEntry, bool]] = []
        for key in keys:
            found += [(entry, False) for entry in self._single.get(key, ())]
            found += [(entry, True) for entry in self._multi.get(key, ())]
        for form in self.compound_parts(keys[0]):
            found += [(entry, False) for entry in self._single[form]]
        return keys, token.text, tuple(found)

    def score(self, doc: Doc) -> dict[str, tuple[float, list[str]]]:
        """Score in [0, 1] and evidence words per matched theme."""
        return self.score_matches(self.match(doc))

    def score_matches(self, matches: Iterable[Match]) -> dict[str, tuple[float, list[str]]]:
        """Score and evidence per theme from matches (of one or several Docs)."""
        by_slug: dict[str, list[Match]] = defaultdict(list)
        for m in matches:
            by_slug[m.slug].append(m)
        scale = self.settings.lexicon_scale
        return {
            slug: (1.0 - math.exp(-sum(m.weight for m in ms) / scale), rank_evidence(ms))
            for slug, ms in by_slug.items()
        }


def rank_evidence(matches: Iterable[Match], limit: int | None = None) -> list[str]:
    """Matched texts, deduplicated case-insensitively, heaviest total weight first."""
    totals: dict[str, float] = defaultdict(float)
    first: dict[str, tuple[int, str]] = {}
    for m in matches:
        key = m.text.lower()
        totals[key] += m.weight
        first.setdefault(key, (m.start, m.text))
    order = sorted(totals, key=lambda k: (-totals[k], first[k][0]))
    return [first[k][1] for k in order][:limit]


@lru_cache(maxsize=1)
def load_place_names() -> frozenset[str]:
    """Lowercased one-word names of current and former municipalities (and aliases)."""
    from pipeline.ingest.municipalities import load_former, load_municipalities

    names: set[str] = set()
    for m in load_municipalities():
        names.update(n.lower() for n in (m.name, *m.aliases))
    names.update(n.lower() for n in load_former())
    return frozenset(n for n in names if n.isalpha())


def load_lexicon(settings: ThemeSettings, taxonomy: Taxonomy, path: Path | None = None) -> Lexicon:
    """Read and validate the lexicon CSV (``slug,term,weight``).

    Raises:
        LexiconError: the file cannot be read, a column is missing, a weight is not a positive
            number or a slug is not in the taxonomy.
    """
    path = path or LEXICON_PATH
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = set(LEXICON_COLUMNS) - set(reader.fieldnames or ())
            if missing:
                raise LexiconError(f"{path}: missing columns {sorted(missing)}")
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LexiconError(f"{path}: cannot read lexicon: {exc}") from exc
    entries: list[LexiconEntry] = []
    for n, row in enumerate(rows, start=2):
        slug, term = (row["slug"] or "").strip(), (row["term"] or "").strip()
        if slug not in taxonomy:
            raise LexiconError(f"{path}: line {n}: unknown theme slug {slug!r}")
        try:
            weight = float(row["weight"])
        except (TypeError, ValueError):
            raise LexiconError(
                f"{path}: line {n}: weight {row['weight']!r} is not a number"
            ) from None
        if not term or not weight > 0:
            raise LexiconError(f"{path}: line {n}: empty term or weight not above 0")
        entries.append(LexiconEntry(slug, term, weight, tuple(term.lower().split())))
    return Lexicon(entries, settings, path, load_place_names())
