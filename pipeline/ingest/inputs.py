"""Which files a command reads: folders expanded, special files reported, copies left out.

One policy for every command (``ingest``, ``run``, ``check``, ``themes``):

- A folder is walked recursively in sorted order; hidden files and folders (a name starting
  with "."), ``check``'s own Word reports (``*.advies.docx``) and files of other types are
  passed over, as a folder may hold anything; those
  are listed in ``InputScan.unsupported`` with the reason (``unsupported_reason``), for the
  command to show (``run`` lists them and records them in its errors table).
- What cannot be read is reported, one line each, never skipped in silence: a broken
  symbolic link, a symbolic link that loops back into a folder being walked, a FIFO, socket
  or device, a folder that cannot be listed.
- A file named twice (directly, through a folder, or through a link) is read once.
- Files with the same content (``DuplicateFilter``) are read once: the first in order is
  kept, each later copy is reported as ``same content as <first>; skipped`` (ids are content
  based, so a copy would collide with the first in every table).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.records import IngestError

STAGE = "read"
# The Word copy with advice that ``check`` writes next to its input (``<name>.advies.docx``):
# passed over in folders, so checking a folder twice does not check the reports.
REPORT_SUFFIX = ".advies.docx"


@dataclass
class InputScan:
    """The files to read, in order, and the problems found while looking for them."""

    files: list[Path] = field(default_factory=list)
    problems: list[IngestError] = field(default_factory=list)
    unsupported: list[IngestError] = field(default_factory=list)


# what to do with a file type no reader takes (a suffix missing here gets the general advice)
SAVE_AS = {
    ".doc": "old Word document (.doc): save as .docx",
    ".odt": "OpenDocument text (.odt): save as .docx or .txt",
    ".rtf": "Rich Text Format (.rtf): save as .docx or .txt",
    ".wpd": "WordPerfect document (.wpd): save as .docx or .txt",
    ".pages": "Pages document (.pages): export as .docx or .txt",
}


def unsupported_reason(path: Path | str, suffixes: Iterable[str]) -> str:
    """Why a file found in a folder is not read, with what to do about it (one line).

    Args:
        path: the file.
        suffixes: the file types that are read (lower case, with the dot).
    """
    suffix = Path(path).suffix.lower()
    advice = SAVE_AS.get(suffix)
    if advice is not None:
        return f"file type not supported, {advice}; skipped"
    kinds = ", ".join(sorted(set(suffixes)))
    shown = repr(suffix) if suffix else "(none)"
    return f"file type {shown} not supported (expected {kinds}); skipped"


def _special_kind(mode: int) -> str | None:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return name
    return None


def scan_inputs(
    paths: Iterable[Path | str], suffixes: Iterable[str], skip: Iterable[Path] = ()
) -> InputScan:
    """Expand ``paths`` into the files to read (see the module docstring).

    Args:
        paths: files and folders as the user gave them; a file is kept whatever its type
            (the reader refuses an unsupported one with a clear error), a missing path is a
            problem.
        suffixes: the file types taken from folders (lower case, with the dot).
        skip: files and folders a folder walk passes over without a word (``run``'s own
            output when ``--out`` is inside an input folder).
    """
    wanted = {s.lower() for s in suffixes}
    scan = InputScan()
    seen_files: set[str] = set()
    skipped = {os.path.realpath(p) for p in skip}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            _walk(path, wanted, scan, seen_files, {os.path.realpath(path)}, skipped)
            continue
        if not path.exists() and not path.is_symlink():
            scan.problems.append(IngestError(str(path), STAGE, "file or folder not found"))
            continue
        _add_file(path, scan, seen_files)
    return scan


def _add_file(path: Path, scan: InputScan, seen_files: set[str]) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        scan.problems.append(IngestError(str(path), STAGE, "broken symbolic link; skipped"))
        return
    except OSError as exc:
        message = f"cannot read file ({exc.strerror or exc.__class__.__name__}); skipped"
        scan.problems.append(IngestError(str(path), STAGE, message))
        return
    kind = _special_kind(mode)
    if kind is not None:
        scan.problems.append(IngestError(str(path), STAGE, f"{kind}, not a file; skipped"))
        return
    real = os.path.realpath(path)
    if real in seen_files:
        return
    seen_files.add(real)
    scan.files.append(path)


def _walk(
    top: Path,
    wanted: set[str],
    scan: InputScan,
    seen_files: set[str],
    ancestors: set[str],
    skipped: AbstractSet[str] = frozenset(),
) -> None:
    """Depth first, children in name order (the order of ``sorted(top.rglob("*"))``);
    iterative, so a deep tree cannot exhaust the stack."""
    stack: list[tuple[list[os.DirEntry[str]], set[str]]] = []
    children = _list(top, scan)
    if children is not None:
        stack.append((children, ancestors))
    while stack:
        entries, above = stack[-1]
        if not entries:
            stack.pop()
            continue
        entry = entries.pop()  # the lists are in reverse name order
        if entry.name.startswith(".") or entry.name.lower().endswith(REPORT_SUFFIX):
            continue
        if skipped and os.path.realpath(entry.path) in skipped:
            continue
        child = Path(entry.path)
        try:
            is_link = entry.is_symlink()
            is_dir = entry.is_dir()  # follows links
        except OSError:
            is_link, is_dir = True, False
        if is_link and not child.exists():
            loop = os.path.realpath(child) in above or _loops(child)
            message = "symbolic link loop; skipped" if loop else "broken symbolic link; skipped"
            scan.problems.append(IngestError(str(child), STAGE, message))
        elif is_dir:
            real = os.path.realpath(child)
            if real in above:
                message = "symbolic link loop (points to a folder above it); skipped"
                scan.problems.append(IngestError(str(child), STAGE, message))
            elif (grandchildren := _list(child, scan)) is not None:
                stack.append((grandchildren, above | {real}))
        elif child.suffix.lower() in wanted or _is_special(child):
            _add_file(child, scan, seen_files)
        else:
            reason = unsupported_reason(child, wanted)
            scan.unsupported.append(IngestError(str(child), STAGE, reason))


def _list(folder: Path, scan: InputScan) -> list[os.DirEntry[str]] | None:
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name, reverse=True)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        scan.problems.append(IngestError(str(folder), STAGE, f"cannot list folder ({reason})"))
        return None


def _is_special(path: Path) -> bool:
    try:
        return _special_kind(path.stat().st_mode) is not None
    except OSError:
        return False


def _loops(path: Path) -> bool:
    try:
        path.resolve(strict=True)
    except RuntimeError:  # "Symlink loop from ..."
        return True
    except OSError as exc:
        return exc.errno == 40  # ELOOP
    return False


class DuplicateFilter:
    """Remembers the content hash of each file read; later copies are reported."""

    def __init__(self) -> None:
        self._first: dict[str, str] = {}

    def first_copy(self, path: Path | str, content_hash: str) -> str | None:
        """The path of an earlier file with this content, or None (then ``path`` is kept)."""
        earlier = self._first.setdefault(content_hash, str(path))
        return None if earlier == str(path) else earlier

    @staticmethod
    def error(path: Path | str, first: str) -> IngestError:
        return IngestError(str(path), STAGE, f"same content as {first}; skipped")
