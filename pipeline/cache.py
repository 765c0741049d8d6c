"""Fast-loading lookup data: a per-user cache and sorted tables searched in place.

Both keep the cold start of ``gemeentetaal check`` short.

Files live in ``$XDG_CACHE_HOME/gemeentetaal`` (default ``~/.cache/gemeentetaal``). Each is
named after what it was built from (a hash of the source file's content and a format version),
so an upgraded package gets a fresh file and two checkouts of the same version share one.
Writes are atomic, and a cache that cannot be written is skipped with an info message.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import hashlib
import itertools
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/gemeentetaal``, else ``~/.cache/gemeentetaal``, else a temp folder."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory (some containers)
            base = tempfile.gettempdir()
    return Path(base) / "gemeentetaal"


def cached_bytes(
    name: str, source: Path, build: Callable[[], bytes], directory: Path | None = None
) -> bytes:
    """``build()``'s result for ``source``, read from the cache when it is there.

    Args:
        name: the file name's stem, including a format version (``zipf_nl_v1``).
        source: the file the data is derived from; a hash of its content keys the entry.
        build: makes the data when it is not cached.
        directory: the cache directory (default ``cache_dir()``).
    """
    digest = hashlib.blake2b(source.read_bytes(), digest_size=8).hexdigest()
    path = (directory or cache_dir()) / f"{name}_{digest}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}.")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError as exc:  # e.g. a read-only home directory: use the data uncached
        log.info("cache file %s not written: %s", path, exc)
    return data


WORD_MEMO = 16_384  # entries a cache of answers per word form keeps (``make_room``)


def make_room(memo: dict[Any, Any], size: int = WORD_MEMO) -> None:
    """Before adding an entry to ``memo``: when it holds ``size`` entries, forget the newer
    half of them (in insertion order).

    The entries kept are the ones added first, and a text's frequent words come early, so
    they stay remembered while the rare words of a long run come and go: memory stays flat
    at ``size`` entries, and (unlike an LRU) a lookup that finds its entry costs nothing
    extra. Forgetting half at a time keeps the cost per added entry constant.
    """
    if len(memo) >= size:
        for key in list(itertools.islice(memo, size // 2, None)):
            del memo[key]


class SortedTable:
    """A read-only table of UTF-8, tab-separated lines sorted by their first column.

    The lines stay one ``bytes`` buffer and lookups binary-search it by byte position (UTF-8
    bytes sort like code points), so loading is a single read: no split, no dict, and a
    300,000-line table costs its file size in memory instead of ~20 MB of objects.
    """

    MEMO_SIZE = WORD_MEMO  # rows remembered after a lookup (words repeat in a text); 0: none
    INDEX_STEP = 1024  # bytes between two sampled lines (``_index``)

    def __init__(self, data: bytes) -> None:
        self._data = data.rstrip(b"\n")
        self._memo: dict[str, tuple[str, ...] | None] = {}
        self._sampled: tuple[list[bytes], list[int], list[int]] | None = None

    @classmethod
    def from_gzip(cls, path: Path, name: str) -> SortedTable:
        """A gzipped table with a header line, decompressed once into the cache as ``name``.
        Its lines are read once per process (per file, cache and name): the readability
        resources and the incivility checks read the same LiNT-II noun list, and share it."""
        return cls(_gzip_table_lines(path, name, cache_dir()))

    def _index(self) -> tuple[list[bytes], list[int], list[int]]:
        """Every ``INDEX_STEP`` bytes the next line (made on the first lookup): its text,
        start and end, so a lookup narrows the search to one step with ``bisect`` first."""
        data = self._data
        lines: list[bytes] = []
        starts: list[int] = []
        ends: list[int] = []
        at = 0
        while at < len(data):
            end = data.find(b"\n", at)
            end = len(data) if end < 0 else end
            lines.append(data[at:end])
            starts.append(at)
            ends.append(end)
            at = data.find(b"\n", max(end, at + self.INDEX_STEP)) + 1
            if at == 0:
                break
        self._sampled = lines, starts, ends
        return self._sampled

    def _row(self, probe: bytes) -> bytes | None:
        """The line starting with ``probe``, found as ``bisect_left`` would on the lines."""
        data = self._data
        lines, starts, ends = self._sampled or self._index()
        # the sampled lines before the probe's place bound it: it can only start a line from
        # just after the one before (lo, a line start) up to the next sampled one (hi)
        k = bisect.bisect_left(lines, probe)
        lo = ends[k - 1] + 1 if k else 0
        hi = starts[k] if k < len(starts) else len(data)
        if data.startswith(probe, lo):
            at = lo
        else:  # the first line in the window that starts with it (the lines are sorted)
            at = data.find(b"\n" + probe, lo, hi + len(probe)) + 1
            if not at:
                return None
        end = data.find(b"\n", at)
        return data[at : len(data) if end < 0 else end]

    def get(self, key: str) -> list[str] | None:
        """The other columns of ``key``'s row, or None."""
        try:
            found = self._memo[key]
        except KeyError:
            probe = key.encode("utf-8") + b"\t"
            row = self._row(probe)
            found = None if row is None else tuple(row[len(probe) :].decode("utf-8").split("\t"))
            if self.MEMO_SIZE:
                make_room(self._memo, self.MEMO_SIZE)
                self._memo[key] = found
        return None if found is None else list(found)

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __len__(self) -> int:
        return self._data.count(b"\n") + 1 if self._data else 0


@functools.lru_cache(maxsize=16)
def _gzip_table_lines(path: Path, name: str, directory: Path) -> bytes:
    """The lines of a gzipped table without its header and last newline (``from_gzip``)."""
    data = cached_bytes(name, path, lambda: gzip.decompress(path.read_bytes()), directory)
    return data.partition(b"\n")[2].rstrip(b"\n")
