"""Word lists and frequency tables for the readability analysis, loaded once.

Everything comes from versioned files in ``pipeline/data/`` (see ``LINT_II_ATTRIBUTION.md``
for the LiNT-II files). The two large LiNT-II tables are kept as sorted lines and searched with
``bisect`` instead of being turned into dicts, decompressed once into the user cache
(``pipeline/cache.py``), which keeps the cold start of ``gemeentetaal check`` short.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.cache import WORD_MEMO, SortedTable, make_room
from pipeline.config import ReadabilitySettings
from pipeline.readability.morphology import SHORT_VERBS

_MISSING = object()  # ``remembered``: no answer yet (None is an answer)

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
LINT_NOUNS = "lint_nouns_v1"  # the cache name of the LiNT-II noun list (lint_nouns.tsv.gz)


@dataclass(frozen=True)
class OfficialeseTerm:
    """One row of ``officialese.csv``: a term, its plainer alternative(s) and how to use them.

    ``pos``: verb, noun, adj, adv, prep, conj, pron or phrase; ``dropin``: the first
    alternative can replace the term once inflected (else it needs a rewrite);
    ``start_only``: only at the start of a sentence ("Echter, ..." -> "Maar ...").
    """

    term: str
    words: tuple[str, ...]
    alternative: str
    pos: str = ""
    dropin: bool = True
    note: str = ""
    start_only: bool = False

    @property
    def kind(self) -> str:
        return "phrase" if len(self.words) > 1 else "word"

    @property
    def first_alternative(self) -> str:
        return self.alternative.split("/")[0].strip()


NOUN_DETERMINERS = frozenset({"uw", "ons", "onze", "dit", "het", "een"})


@functools.lru_cache(maxsize=8192)
def phrase_verb(words: tuple[str, ...]) -> str | None:
    """The (last) infinitive in a multiword officialese term, e.g. ``dragen`` in
    ``zorg dragen voor``; None for one-word terms and phrases without a verb (cached: the
    detector asks for each candidate term at each word)."""
    if len(words) < 2:
        return None
    verbs = [
        w
        for i, w in enumerate(words)
        if ((w.endswith("en") and len(w) > 3) or w in SHORT_VERBS)
        and (i == 0 or words[i - 1] not in NOUN_DETERMINERS)  # "uw schrijven" is a noun
    ]
    return verbs[-1] if verbs else None


def _read_pairs(path: Path) -> dict[str, str]:
    """A file of "key | value" lines (a line without " | " gives the value "")."""
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(" | ") for line in _read_lines(path))
    }


def _read_lines(path: Path) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def _by_last_word(phrases: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases as word tuples, grouped by their last word."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        grouped.setdefault(words[-1], []).append(words)
    return {last: tuple(group) for last, group in grouped.items()}


def _read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file; lines starting with ``#`` before the header are comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def load_officialese(path: Path) -> tuple[OfficialeseTerm, ...]:
    """Read ``term,alternative,pos,dropin,note`` rows (conventions in the file's comment
    header); terms are lowercased and split on spaces; ``dropin`` is yes, no or start. The
    older ``term,alternative,kind,note`` form is read too (every term then counts as a
    drop-in)."""
    terms = []
    for row in _read_csv(path):
        term = (row.get("term") or "").strip().lower()
        if not term:
            continue
        words = tuple(term.split())
        pos = (row.get("pos") or "").strip() or ("phrase" if len(words) > 1 else "")
        terms.append(
            OfficialeseTerm(
                term=term,
                words=words,
                alternative=(row.get("alternative") or "").strip(),
                pos=pos,
                dropin=(row.get("dropin") or "yes").strip().lower() != "no",
                note=(row.get("note") or "").strip(),
                start_only=(row.get("dropin") or "").strip().lower() == "start",
            )
        )
    return tuple(terms)


@dataclass
class ReadabilityResources:
    """Every word list and table the readability analysis needs.

    Build it once with :meth:`load` and pass it to every ``analyse_doc`` call.
    """

    subtlex: SortedTable
    nouns: SortedTable
    subtlex_skiplist: frozenset[str]
    manner_adverbs: frozenset[str]
    measurement_units: frozenset[str]
    syllable_exceptions: dict[str, int]
    abbreviations: frozenset[str]
    abbreviation_full_forms: dict[str, str]  # "i.v.m." -> "vanwege"
    known_acronyms: frozenset[str]
    mixed_case_abbreviations: frozenset[str]
    nominalisation_exceptions: frozenset[str]
    nominalisation_stems: frozenset[str]
    nominalisation_always: dict[str, str]
    light_verbs: dict[tuple[str, str], str]
    passive_exceptions: frozenset[str]
    passive_exception_forms: frozenset[str]
    passive_stative: frozenset[str]
    passive_adverbials: dict[str, tuple[tuple[str, ...], ...]]  # by last word (a participle)
    hard_words: frozenset[str]
    hard_word_explanations: dict[str, str]
    subordinators: dict[str, bool]
    officialese: tuple[OfficialeseTerm, ...]
    officialese_by_first: dict[str, tuple[OfficialeseTerm, ...]] = field(default_factory=dict)
    officialese_spread_index: dict[str, tuple[OfficialeseTerm, ...]] = field(default_factory=dict)
    _syllables: Callable[[str], int] | None = field(default=None, repr=False)
    _memo: dict[str, dict[Any, Any]] = field(default_factory=dict, repr=False)

    def memo(self, name: str) -> dict[Any, Any]:
        """A named cache for derived lookups (per resources object)."""
        return self._memo.setdefault(name, {})

    def remembered(
        self, name: str, key: Any, size: int, compute: Callable[..., Any], *args: Any
    ) -> Any:
        """``compute(*args)`` remembered under ``key`` in the named cache (``memo``), which
        keeps at most ``size`` answers, and never more than ``cache.WORD_MEMO``: when full, it
        forgets the newer half (``cache.make_room``), so the frequent words stay remembered
        and memory stays flat on a long run."""
        memo = self.memo(name)
        found = memo.get(key, _MISSING)
        if found is _MISSING:
            make_room(memo, min(size, WORD_MEMO))
            found = memo[key] = compute(*args)
        return found

    @classmethod
    def load(cls, settings: ReadabilitySettings, data_dir: Path = DATA_DIR) -> ReadabilityResources:
        """Load all files from ``data_dir`` (default: the package's ``pipeline/data``).

        Raises:
            FileNotFoundError: a data file is missing (a broken installation).
        """
        del settings  # the file set is fixed; thresholds are applied at analysis time
        officialese = load_officialese(data_dir / "officialese.csv")
        hard_words = _read_pairs(data_dir / "hard_words.txt").items()
        by_first: dict[str, list[OfficialeseTerm]] = {}
        by_verb: dict[str, list[OfficialeseTerm]] = {}
        for term in officialese:
            by_first.setdefault(term.words[0], []).append(term)
            verb = phrase_verb(term.words)
            if verb is not None and verb != term.words[0]:
                by_verb.setdefault(verb, []).append(term)
        return cls(
            subtlex=SortedTable.from_gzip(
                data_dir / "lint_subtlex_zipf.tsv.gz", "lint_subtlex_zipf_v1"
            ),
            nouns=SortedTable.from_gzip(data_dir / "lint_nouns.tsv.gz", LINT_NOUNS),
            subtlex_skiplist=frozenset(_read_lines(data_dir / "lint_subtlex_skiplist.txt")),
            manner_adverbs=frozenset(_read_lines(data_dir / "lint_manner_adverbs.txt")),
            measurement_units=frozenset(_read_lines(data_dir / "lint_measurement_units.txt")),
            syllable_exceptions={
                row["word"].strip().lower(): int(row["syllables"])
                for row in _read_csv(data_dir / "syllable_exceptions.csv")
            },
            abbreviations=frozenset(_read_lines(data_dir / "dutch_abbreviations.txt")),
            abbreviation_full_forms=_read_pairs(data_dir / "abbreviation_full_forms.txt"),
            known_acronyms=frozenset(_read_lines(data_dir / "known_acronyms.txt")),
            mixed_case_abbreviations=frozenset(
                _read_lines(data_dir / "mixed_case_abbreviations.txt")
            ),
            nominalisation_exceptions=frozenset(
                _read_lines(data_dir / "nominalisation_exceptions.txt")
            ),
            nominalisation_stems=frozenset(_read_lines(data_dir / "nominalisation_stems.txt")),
            nominalisation_always={
                row["noun"].strip(): row["verb"].strip()
                for row in _read_csv(data_dir / "nominalisation_always.csv")
            },
            light_verbs={
                (row["noun"].strip(), row["verb"].strip()): row["plain"].strip()
                for row in _read_csv(data_dir / "nominalisation_light_verbs.csv")
            },
            passive_exceptions=frozenset(_read_lines(data_dir / "passive_exceptions.txt")),
            passive_exception_forms=frozenset(
                _read_lines(data_dir / "passive_exceptions_forms.txt")
            ),
            passive_stative=frozenset(_read_lines(data_dir / "passive_stative.txt")),
            passive_adverbials=_by_last_word(_read_lines(data_dir / "passive_adverbials.txt")),
            hard_words=frozenset(term for term, _ in hard_words),
            hard_word_explanations={term: text for term, text in hard_words if text},
            subordinators={
                row["word"].strip().lower(): row["ambiguous"].strip() == "1"
                for row in _read_csv(data_dir / "subordinators.csv")
            },
            officialese=officialese,
            officialese_by_first={k: tuple(v) for k, v in by_first.items()},
            officialese_spread_index={k: tuple(v) for k, v in by_verb.items()},
        )

    def syllables(self, token: str) -> int:
        """Syllables in one token (see ``syllables.py``)."""
        if self._syllables is None:
            from pipeline.readability.syllables import SyllableCounter

            # the counter remembers its recent answers; ``analyse_doc`` keeps every token's
            # (``analysis.WORD_COUNTS``), so a second cache of all of them here would only
            # hold the same answers twice
            self._syllables = SyllableCounter(self.syllable_exceptions).count
        return self._syllables(token)

    def subtlex_zipf(self, word: str) -> float | None:
        """SUBTLEX-NL Zipf frequency of a lowercase word form, or None when unseen."""
        row = self.subtlex.get(word)
        return float(row[0]) if row else None

    def noun_info(self, word: str) -> tuple[str, str, str] | None:
        """``(super_sem_type, sem_type, head)`` of a lowercase noun from the LiNT-II list."""
        row = self.nouns.get(word)
        if row is None:
            return None
        super_type, sem_type, head = [*row, "", "", ""][:3]
        return super_type, sem_type, head

    def officialese_alternative(self, lemma: str) -> str | None:
        """The plainer alternative for a one-word officialese term, if listed."""
        for term in self.officialese_by_first.get(lemma, ()):
            if len(term.words) == 1 and term.alternative:
                return term.alternative
        return None


def fill_user_cache(settings: ReadabilitySettings) -> None:
    """Build the derived data ``check`` reads from the user cache (``pipeline/cache.py``):
    the LiNT-II tables, wordfreq's Dutch and small English lists and pyphen's patterns."""
    from pipeline.frequencies import ZipfTable, english_table
    from pipeline.readability.syllables import dutch_hyphenator

    ReadabilityResources.load(settings)
    ZipfTable.load()
    english_table()
    dutch_hyphenator()
