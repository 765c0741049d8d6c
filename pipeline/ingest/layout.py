"""The layout of a read input: blocks of text, tables and page furniture.

Readers (``readers.py``, ``pdf.py``, ``word.py``, ``web.py``) turn a file into ``Block``s:
lines of text (with a heading level or list label when the source says so), blank lines
(paragraph breaks), tables (rows of cells) and furniture (running headers and footers, page
numbers, table-of-contents lines, site chrome), which is dropped from the text but kept for
the audit. The parsers read blocks, never the file. This module also holds what the
readers share: finding running headers and footers over pages, tables of contents, and
rejoining words hyphenated at a line end. Every function here is linear in its input.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

TERMS_TOML = Path(__file__).resolve().parents[1] / "data" / "layout_terms.toml"

BlockKind = Literal["line", "blank", "table", "furniture"]


@dataclass(frozen=True)
class Block:
    """One block of a read input.

    Attributes:
        kind: ``line`` (text), ``blank`` (a paragraph break), ``table`` or ``furniture``.
        text: the line's text; for furniture the dropped text.
        style_level: heading level the source gives (Word heading style, HTML ``h1``-``h6``,
            PDF font size), 0 for none.
        label: list label the source gives outside the text (Word numbering, HTML ``ol``):
            ``"A."``, ``"a)"``, ``"1."``, or ``"•"`` for a bullet.
        list_level: nesting of a list item, 0 for the top level.
        rows: table rows (cells as text); the first ``header_rows`` rows are the header.
        reason: why furniture was dropped (``running header``, ``page number``,
            ``table of contents``, ``site chrome``).
    """

    kind: BlockKind
    text: str = ""
    style_level: int = 0
    label: str | None = None
    list_level: int = 0
    rows: tuple[tuple[str, ...], ...] = ()
    header_rows: int = 0
    reason: str = ""


BLANK = Block("blank")
# Between the blocks of two documents of one file (a bundle, ``bundles.py``): the programme
# parser reads each part on its own; every other reader sees a paragraph break.
PART_BREAK = Block("blank", reason="document part")


def split_parts(blocks: Sequence[Block]) -> list[list[Block]]:
    """The blocks of every document part (one list when the file holds one document)."""
    parts: list[list[Block]] = [[]]
    for block in blocks:
        if block == PART_BREAK:
            parts.append([])
        else:
            parts[-1].append(block)
    return parts


@dataclass(frozen=True)
class LayoutTerms:
    toc_headings: frozenset[str]
    hyphen_first_parts: frozenset[str]
    hyphen_conjunctions: frozenset[str]
    html_chrome_patterns: tuple[str, ...]
    html_chrome_roles: frozenset[str]


@lru_cache(maxsize=2)
def load_terms(path: Path = TERMS_TOML) -> LayoutTerms:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return LayoutTerms(
        toc_headings=frozenset(data["toc_headings"]),
        hyphen_first_parts=frozenset(data["hyphen_first_parts"]),
        hyphen_conjunctions=frozenset(data["hyphen_conjunctions"]),
        html_chrome_patterns=tuple(data["html_chrome_patterns"]),
        html_chrome_roles=frozenset(data["html_chrome_roles"]),
    )


# page furniture -----------------------------------------------------------------------

PAGE_NUMBER = re.compile(
    r"(?:pagina|page|blz\.?|p\.)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:van|of|/)\s*\d{1,4})?",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
TOC_LINE = re.compile(r"([^\t]*?[^\W\d_][^\t]*?)\s*(?:\.{3,}|…+|(?:\. ){3,}|_{3,}|\t+)\s*(\d{1,4})")
_ENDS_NUMBER = re.compile(r"\S.*?\s(\d{1,4})")
_LEADER = re.compile(r"\.{5,}")  # a dotted leader, shortened before the length test
_ENDS_LEADER = re.compile(r"[^\W\d_][^.]*?\s*\.{4}")


def furniture_key(text: str) -> str:
    """A line with its numbers masked, so "Pagina 3" and "Pagina 4" count as one."""
    return _DIGITS.sub("#", " ".join(text.split()).lower())


def is_page_number(text: str) -> bool:
    return bool(text) and PAGE_NUMBER.fullmatch(text.strip()) is not None


def _longest_run(pages: set[int]) -> int:
    """Length of the longest run of consecutive page numbers."""
    best = 0
    for p in pages:
        if p - 1 not in pages:
            n = 1
            while p + n in pages:
                n += 1
            best = max(best, n)
    return best


def running_furniture(
    pages: Sequence[Sequence[str]],
    min_repeats: int,
    edge: int = 2,
    positions: Sequence[Sequence[int]] | None = None,
) -> set[tuple[int, int]]:
    """(page, line) positions of running headers, footers and page numbers.

    Only the first and last ``edge`` non-empty lines of a page are candidates. A candidate is
    furniture when it is a page number, or when the same line (numbers masked; at the same
    height on the page when ``positions`` gives heights) stands at a page edge on at least
    ``min_repeats`` pages (and on more than half of them when a document has few pages).
    """
    candidates: list[tuple[int, int, str]] = []
    for p, lines in enumerate(pages):
        filled = [i for i, line in enumerate(lines) if line.strip()]
        for i in {*filled[:edge], *filled[-edge:]}:
            key = furniture_key(lines[i])
            if positions is not None:
                key = f"{key}@{positions[p][i]}"
            candidates.append((p, i, key))
    pages_with: dict[str, set[int]] = {}
    texts: dict[str, set[str]] = {}
    offsets: dict[str, set[int]] = {}
    for p, i, key in candidates:
        pages_with.setdefault(key, set()).add(p)
        text = " ".join(pages[p][i].split())
        texts.setdefault(key, set()).add(text)
        numbers = _DIGITS.findall(text)
        offsets.setdefault(key, set()).add(int(numbers[-1]) - p if numbers else 0)
    # The same line on every page, or one whose number follows the page number: a chapter
    # heading whose number changes otherwise ("Programma 1", "Programma 2") is no header.
    for key in list(pages_with):
        if len(texts[key]) > 1 and len(offsets[key]) > 1:
            del pages_with[key]
    needed = max(min_repeats, 2) if len(pages) >= 2 * min_repeats else max(2, len(pages) // 2 + 1)
    # A line at the top of a few scattered pages of a long document is a heading that
    # happens to start a page ("Wat gaan we daarvoor doen?" in every programme), not a
    # running header: those stand on a fifth of the pages or on consecutive pages.
    for key in list(pages_with):
        seen = pages_with[key]
        if len(seen) * 5 < len(pages) and _longest_run(seen) < needed:
            del pages_with[key]
    found: set[tuple[int, int]] = set()
    repeated: set[str] = set()
    for p, i, key in candidates:
        text = pages[p][i].strip()
        if is_page_number(text):
            found.add((p, i))
        elif key in pages_with and len(pages_with[key]) >= needed and len(text) <= 120:
            found.add((p, i))
            repeated.add(furniture_key(text))
    if positions is None and repeated:  # the same header away from a page edge
        for p, lines in enumerate(pages):
            for i, line in enumerate(lines):
                if line.strip() and furniture_key(line) in repeated:
                    found.add((p, i))
    return found


def toc_lines(lines: Sequence[str]) -> set[int]:
    """Indices of table-of-contents lines: an "Inhoud(sopgave)" heading and the entries
    after it, and anywhere a line with a dotted leader and a page number."""
    terms = load_terms()
    found: set[int] = set()
    in_toc = False
    for i, raw in enumerate(lines):
        text = _LEADER.sub("....", " ".join(raw.replace("\t", " \t ").split(" ")).strip())
        plain = _LEADER.sub("....", " ".join(raw.split()))
        if plain.lower().rstrip(":") in terms.toc_headings:
            found.add(i)
            in_toc = True
            continue
        if not plain:
            continue
        if in_toc and len(plain) <= 120 and _ENDS_LEADER.fullmatch(plain) is not None:
            found.add(i)  # a group line of the contents without a page ("Paragrafen .....")
            continue
        if len(plain) > 160 or not plain[-1].isdigit():  # cheap test first: keeps it linear
            in_toc = False
            continue
        if TOC_LINE.fullmatch(text) is not None:
            found.add(i)
            continue
        if in_toc and _ENDS_NUMBER.fullmatch(plain) is not None and len(plain) <= 120:
            found.add(i)
            continue
        in_toc = False
    return found


# hyphenation --------------------------------------------------------------------------

_FIRST_WORD = re.compile(r"(\S+)(.*)", re.DOTALL)  # anchored: linear
_DIGRAPHS = {"aa", "ee", "oo", "uu", "ie", "ei", "eu", "au", "ou", "oe", "ui", "ij"}


def word_evidence(texts: Iterable[str]) -> tuple[set[str], set[str]]:
    """Lower-cased words of a document, and those of them written with a hyphen."""
    words: set[str] = set()
    for text in texts:
        words.update(w.strip(".,;:()'\"").lower() for w in text.split())
    return words, {w for w in words if "-" in w.strip("-")}


def hyphenates(lines: Sequence[str], words: set[str]) -> bool:
    """Whether a document breaks words at line ends (automatic hyphenation): most of its
    line-end hyphens are followed by a piece that is no word of the document ("gemeente-" /
    "lijke"). A document without it (most Word exports) ends lines with real hyphens only:
    "onderwijs-" / "jeugdzorg" is the compound "onderwijs-jeugdzorg"."""
    counts: Counter[str] = Counter(
        w.strip(".,;:()'\"!?").lower() for line in lines for w in line.split()
    )
    splits = syllables = 0
    for a, b in itertools.pairwise(lines):
        a, b = a.rstrip(), b.lstrip()
        if len(a) > 2 and a.endswith("-") and a[-2].isalpha() and b[:1].islower():
            tail = b.split(" ", 1)[0].strip(".,;:()'\"!?").lower()
            if tail in load_terms().hyphen_conjunctions:
                continue
            splits += 1
            syllables += tail not in words or counts[tail] < 2  # the piece itself aside
    return splits == 0 or syllables * 2 >= splits


def join_hyphenated(
    first: str, second: str, words: set[str] | None = None, *, keep_hyphen: bool = False
) -> tuple[str, str] | None:
    """Rejoin a word split over two lines: ``("… gemeente-", "lijke taken")`` gives
    ``("… gemeentelijke", "taken")``. None when ``first`` does not end in a split word.

    The hyphen stays when Dutch spelling needs it: before a capital or digit
    (``Noord-Holland``), after an acronym (``GALA-middelen``), between vowels that would
    otherwise merge (``zee-egel``), after a listed first part (``sociaal-economisch``), or
    when the document writes the word with a hyphen elsewhere; before a conjunction it also
    keeps its space (``zorg- en welzijn``).
    """
    if not first.endswith(("-", "\u00ad")) or len(first) < 2:
        return None
    start = max(first.rfind(" "), first.rfind("\t")) + 1
    head = first[start:-1]
    if not head or not head[-1].isalpha():
        return None
    rest = second.lstrip()
    n = _FIRST_WORD.match(rest)
    if n is None:
        return None
    tail_word, after = n.group(1), n.group(2)
    terms = load_terms()
    core = tail_word.rstrip(".,;:!?)'\"")
    if core.lower() in terms.hyphen_conjunctions:
        return None
    keep = (
        keep_hyphen
        or not tail_word[0].isalpha()
        or tail_word[0].isupper()
        or head[-2:].isupper()  # after an acronym: "GALA-middelen", "COVID-vaccinatie"
        or (head[-1].lower() + tail_word[0].lower()) in _DIGRAPHS
        or head.lower() in terms.hyphen_first_parts
    )
    if words is not None and not keep:
        hyphenated, joined = f"{head}-{core}".lower(), f"{head}{core}".lower()
        keep = hyphenated in words and joined not in words
    joined_word = f"{head}-{tail_word}" if keep else f"{head}{tail_word}"
    new_first = first[:start] + joined_word
    return new_first, after.lstrip()


def rejoin_lines(lines: list[str], words: set[str] | None = None) -> list[str]:
    """Rejoin words hyphenated at the end of consecutive lines (a line emptied by moving its
    only word up is dropped)."""
    out: list[str] = []
    for line in lines:
        if out and out[-1] and line.strip():
            joined = join_hyphenated(out[-1], line, words)
            if joined is not None:
                out[-1] = joined[0]
                if joined[1]:
                    out.append(joined[1])
                continue
        out.append(line)
    return out


# plain text and Markdown --------------------------------------------------------------

_SENTENCE_END = (".", "!", "?", ":", ";")
_NUMERIC = re.compile(r"[-−–(€\s]*\d[\d.,\s]*\)?%?")
_MD_TABLE_SEPARATOR = re.compile(r"\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?")


def _cells(line: str, sep: str) -> list[str]:
    if sep == "|":
        line = line.strip()
        line = line[1:] if line.startswith("|") else line
        line = line[:-1] if line.endswith("|") else line
    return [" ".join(c.split()) for c in line.split(sep)]


def _is_md_row(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 3


def _is_tab_row(line: str) -> bool:
    """A tab-separated row: some text after a tab (a table flattened to text)."""
    cells = line.split("\t")
    return len(cells) >= 2 and any(c.strip() for c in cells[1:])


# The line boundaries of str.splitlines other than "\n" and the form feed (a page break here).
LINE_BREAKS = re.compile("[\r\v\x1c\x1d\x1e\x85\u2028\u2029]")


def text_blocks(text: str, min_repeats: int = 3) -> list[Block]:
    """Blocks of a plain-text or Markdown input.

    Pages (separated by form feeds) lose their running headers, footers and page numbers;
    tables of contents are dropped; a paragraph broken by a page break is joined again;
    words hyphenated at a line end are rejoined; Markdown tables (``| a | b |``) and
    tab-separated rows become tables.
    """
    text = LINE_BREAKS.sub("\n", text.replace("\r\n", "\n"))
    pages = [page.split("\n") for page in text.split("\f")]
    furniture: dict[tuple[int, int], str] = {}
    if len(pages) > 1:
        for pos in running_furniture(pages, min_repeats):
            furniture[pos] = "running header"
    flat: list[tuple[str, str | None, bool]] = []  # (line, furniture reason, page start)
    for p, lines in enumerate(pages):
        for i, line in enumerate(lines):
            flat.append((line, furniture.get((p, i)), i == 0 and p > 0))
    toc = toc_lines([line for line, _, _ in flat])
    words, _ = word_evidence(line for line, _, _ in flat)
    blocks: list[Block] = []
    content: list[str] = []
    i = 0
    n = len(flat)
    while i < n:
        line, reason, _ = flat[i]
        if reason is None and i in toc:
            reason = "table of contents"
        if reason is not None:
            _flush(content, blocks, words)
            blocks.append(Block("furniture", " ".join(line.split()), reason=reason))
            i += 1
            continue
        if _is_md_row(line) or _is_tab_row(line):
            sep = "|" if _is_md_row(line) else "\t"
            rows: list[tuple[str, ...]] = []
            while (
                i < n
                and flat[i][1] is None
                and i not in toc
                and (_is_md_row(flat[i][0]) if sep == "|" else _is_tab_row(flat[i][0]))
            ):
                if not (sep == "|" and _MD_TABLE_SEPARATOR.fullmatch(flat[i][0].strip())):
                    rows.append(tuple(_cells(flat[i][0], sep)))
                i += 1
            _flush(content, blocks, words)
            header = (
                1
                if len(rows) > 1
                and (
                    not rows[0][0]
                    or sep == "|"
                    or (
                        not any(_NUMERIC.fullmatch(c) for c in rows[0][1:])
                        and any(_NUMERIC.fullmatch(c) for row in rows[1:] for c in row[1:])
                    )
                )
                else 0
            )
            blocks.append(Block("table", rows=tuple(rows), header_rows=header))
            continue
        if not line.strip():
            if content and _continues_after_break(flat, i, content[-1], toc):
                i += 1
                continue
            _flush(content, blocks, words)
            blocks.append(BLANK)
            i += 1
            continue
        content.append(line.replace("\f", ""))
        i += 1
    _flush(content, blocks, words)
    return blocks


def _continues_after_break(
    flat: list[tuple[str, str | None, bool]], i: int, last: str, toc: set[int]
) -> bool:
    """True when the blank lines at ``i`` are page residue inside a paragraph: a page break
    lies between ``last`` (which ends mid-sentence) and the next line (lower case)."""
    j = i
    crossed = False
    while j < len(flat) and (not flat[j][0].strip() or flat[j][1] is not None or j in toc):
        crossed = crossed or flat[j][2] or flat[j][1] is not None
        j += 1
    if j < len(flat) and flat[j][2]:
        crossed = True
    if not crossed or j >= len(flat):
        return False
    nxt = flat[j][0].strip()
    stripped = last.rstrip()
    return bool(nxt) and (
        stripped.endswith("-") or (not stripped.endswith(_SENTENCE_END) and nxt[0].islower())
    )


def _flush(content: list[str], blocks: list[Block], words: set[str]) -> None:
    if content:
        blocks.extend(Block("line", line) for line in rejoin_lines(content, words))
        content.clear()


def render_text(blocks: Iterable[Block]) -> str:
    """The text of the blocks without furniture: one line per line, table rows with ``|``."""
    out: list[str] = []
    for block in blocks:
        if block.kind == "line":
            out.append(f"{block.label} {block.text}" if block.label else block.text)
        elif block.kind == "blank":
            out.append("")
        elif block.kind == "table":
            out += [" | ".join(row) for row in block.rows]
            out.append("")
    return "\n".join(out)
