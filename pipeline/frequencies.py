"""Dutch word frequencies from wordfreq's ``nl`` list, without wordfreq's start-up cost.

``zipf_nl(word)`` returns exactly what ``wordfreq.zipf_frequency(word, "nl")`` returns
(tests/test_frequencies.py compares them). Importing wordfreq and its tokenizer, and turning
its 311,000-word list into a dict, takes about 0.4 s, a fifth of a cold ``gemeentetaal check``.
So a single word is looked up in a sorted copy of the list, written once to the user's cache
directory (``pipeline/cache.py``) and searched with ``bisect``; anything the copy cannot
answer exactly (digits, punctuation, several tokens, unnormalised Unicode) goes to wordfreq.
``zipf_en`` reads wordfreq's small English list the same way (to tell English words in Dutch
text; below its Zipf 3 cut-off a word counts as 0.0).
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import unicodedata
from functools import lru_cache
from pathlib import Path

from pipeline.cache import SortedTable, cached_bytes

CACHE_FORMAT = 1


def wordlist_path(name: str = "large_nl") -> Path:
    """A wordfreq list (default the Dutch ``large_nl``), located without importing wordfreq."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / f"{name}.msgpack.gz"


def zipf_of_bucket(index: int) -> float:
    """The Zipf value wordfreq reports for a word in bucket ``index`` (centibels below 1).

    The same steps as ``wordfreq.zipf_frequency`` for one token: ``10 ** (-index / 100)``,
    rounded to three significant digits, then to the Zipf scale with two decimals.
    """
    freq = 1.0 / (1.0 / 10 ** (-index / 100))
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


def build_lines(source: Path) -> list[str]:
    """Sorted ``word<TAB>zipf`` lines of a wordfreq ``.msgpack.gz`` list."""
    import msgpack

    with gzip.open(source, "rb") as handle:
        buckets = msgpack.load(handle, raw=False)[1:]  # the first item is the header
    lines = [
        f"{word}\t{zipf_of_bucket(index)}" for index, words in enumerate(buckets) for word in words
    ]
    lines.sort()
    return lines


class ZipfTable(SortedTable):
    """A wordfreq list (Dutch by default) as sorted ``word<TAB>zipf`` lines (a few ms to
    load). Its rows are not remembered: ``zipf_nl`` and ``zipf_en`` remember their answers."""

    MEMO_SIZE = 0

    @classmethod
    def load(
        cls, source: Path | None = None, cache: Path | None = None, name: str = "zipf_nl"
    ) -> ZipfTable:
        """The table for ``source`` (default: wordfreq's Dutch list), via the cache
        (``cache.py``) under ``name``."""
        source = source or wordlist_path()
        data = cached_bytes(
            f"{name}_v{CACHE_FORMAT}",
            source,
            lambda: "\n".join(build_lines(source)).encode("utf-8"),
            cache,
        )
        return cls(data)

    def zipf(self, word: str) -> float:
        """Zipf value of an exact entry, 0.0 when absent."""
        row = self.get(word)
        return float(row[0]) if row else 0.0


@lru_cache(maxsize=1)
def _table() -> ZipfTable:
    return ZipfTable.load()


def _is_single_token(word: str) -> bool:
    """Words wordfreq keeps as one case-folded, NFC token (letters only)."""
    return word.isalpha() and unicodedata.is_normalized("NFC", word)


WORD_CACHE = 32_768  # words whose Zipf value ``zipf_nl`` / ``zipf_en`` keep (recent ones)


@lru_cache(maxsize=WORD_CACHE)
def zipf_nl(word: str) -> float:
    """Zipf frequency of ``word`` in wordfreq's Dutch list, 0.0 when unknown."""
    folded = word.casefold()
    if _is_single_token(folded):
        return _table().zipf(folded)
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "nl"))


@lru_cache(maxsize=1)
def english_table() -> ZipfTable:
    """wordfreq's small English list (words of Zipf 3 and more), as a sorted table."""
    return ZipfTable.load(wordlist_path("small_en"), name="zipf_en_small")


@lru_cache(maxsize=WORD_CACHE)
def zipf_en(word: str) -> float:
    """Zipf frequency of a common English word (wordfreq's small ``en`` list: Zipf >= 3),
    0.0 for a rarer or unknown word; used to tell English loans in Dutch text."""
    folded = word.casefold()
    return english_table().zipf(folded) if _is_single_token(folded) else 0.0
