"""Fast-loading lookup data: a per-user cache and sorted tables searched in place.

Both keep the cold start of ``gemeentetaal check`` short.

Files live in ``$XDG_CACHE_HOME/gemeentetaal`` (default ``~/.cache/gemeentetaal``). Each is
named after what it was built from (the source file's size and modification time and a format
version), so an upgraded package gets a fresh file; writes are atomic, and a cache that cannot
be written is skipped with an info message.
"""

from __future__ import annotations

import bisect
import gzip
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "gemeentetaal"


def cached_bytes(
    name: str, source: Path, build: Callable[[], bytes], directory: Path | None = None
) -> bytes:
    """``build()``'s result for ``source``, read from the cache when it is there.

    Args:
        name: the file name's stem, including a format version (``zipf_nl_v1``).
        source: the file the data is derived from; its size and mtime key the cache entry.
        build: makes the data when it is not cached.
        directory: the cache directory (default ``cache_dir()``).
    """
    stat = source.stat()
    path = (directory or cache_dir()) / f"{name}_{stat.st_size}_{int(stat.st_mtime)}"
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


class SortedTable:
    """A read-only table of UTF-8, tab-separated lines sorted by their first column.

    Lookups use binary search on the raw lines (UTF-8 bytes sort like code points), so
    loading is one read and one split instead of building a dict.
    """

    def __init__(self, lines: list[bytes]) -> None:
        self._lines = lines

    @classmethod
    def from_gzip(cls, path: Path, name: str) -> SortedTable:
        """A gzipped table with a header line, decompressed once into the cache as ``name``."""
        data = cached_bytes(name, path, lambda: gzip.decompress(path.read_bytes()))
        lines = data.split(b"\n")[1:]
        if lines and not lines[-1]:
            lines.pop()
        return cls(lines)

    def get(self, key: str) -> list[str] | None:
        """The other columns of ``key``'s row, or None."""
        probe = key.encode("utf-8") + b"\t"
        i = bisect.bisect_left(self._lines, probe)
        if i < len(self._lines) and self._lines[i].startswith(probe):
            return self._lines[i][len(probe) :].decode("utf-8").split("\t")
        return None

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def __len__(self) -> int:
        return len(self._lines)
