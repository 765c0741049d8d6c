"""A per-user cache for data derived from installed packages, to keep cold starts short.

Files live in ``$XDG_CACHE_HOME/gemeentetaal`` (default ``~/.cache/gemeentetaal``). Each is
named after what it was built from (the source file's size and modification time and a format
version), so an upgraded package gets a fresh file; writes are atomic, and a cache that cannot
be written is skipped with an info message.
"""

from __future__ import annotations

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
