"""Export the units of the third, blind held-out writing-advice gold set ("heldout3").

Source: running-text paragraphs of the programme chapters of two real municipal budget
documents of Wassenaar (benjosb/beleidsbibliotheek at ``COMMIT``, read from the mirror):
Begroting 2024 (programmes P1-P5, pages 11-63) and Jaarstukken 2023 (pages 19-86). Paragraph
rule (fixed before annotating, ``prose_paragraphs``), on pypdf's plain ``extract_text``:

* the page-number line at the top of each page and blank lines at the end of a page are
  dropped; pages are joined, so a paragraph runs on over a page break;
* blocks are separated by blank lines; a block is cut again after a line that ends in
  ``. ! ?`` when the next line starts with a capital or a digit, and before a list item (a
  bullet line, or a line with a list marker after a line ending in ``. ! ? : ;``);
* heading lines are dropped: every line of a piece up to and including the last line that
  does not end in punctuation, is shorter than ``HEADING_MAX_CHARS`` or ends in ")", and is
  followed by a line that starts with a capital, a digit or a list marker ("1.1 Uitgevoerd
  jaarplan ...", "Realisatie / voortgang", "Capaciteit Planologie (hogere baten ...)");
* pieces that start with a list marker (bullet, dash, "1.", "a.", "1.2", "1.2.01") are list
  items or numbered headings and are dropped;
* line ends are rejoined: a line-end hyphen stays as written ("onderwijs-jeugdzorg"; before
  "en", "of", "tot" or with a space after it: "welzijns- en zorgvoorzieningen"), otherwise the
  lines are joined with one space; runs of white space become one space;
* a paragraph is kept when it has >= ``MIN_WORDS`` words, ends in ``. ! ?`` (a closing quote
  or bracket may follow), has no run of three numbers or dashes ("83.379 45.689 37.690",
  "- - -") and at most ``MAX_DIGIT_SHARE`` of its words contain a digit (no table rows).

Each paragraph is cut into consecutive units of at most ``MAX_SENTENCES`` sentences
(``flags_heldout2_export.split_sentences``); a unit whose text was already taken (the vision
texts repeat between the two documents) is skipped. Selection: the candidate paragraphs of
both documents in document order are shuffled with ``random.Random(SEED)``; paragraphs are
taken in that order until ``TARGET_UNITS`` units are reached, then put back in document
order. Units are not picked for what they contain.

Writes ``<eval dir>/flags/heldout3_units.csv`` (dataset, unit_id, document, path, text,
text_sha256) and ``heldout3_PROVENANCE.json`` beside it. The texts are not committed.

Usage: ``python -m bench.evaluate.flags_heldout3_export``
"""

from __future__ import annotations

import io
import json
import os
import random
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from bench.evaluate.common import (
    ENDS_SENTENCE,
    NUMBER_RUN,
    STARTS_UPPER,
    Provenance,
    eval_dir,
    git_show,
    sha256_text,
    write_csv,
)
from bench.evaluate.flags_heldout2_export import COLUMNS, split_sentences

DATASET = "budget_prose_heldout3"
REPO = "benjosb/beleidsbibliotheek"
COMMIT = "33a829196473e7c3dfaf624575b9a6f6b6cff607"
BUDGETS = "wassenaar/analyse-begrotingen/"
# (document key, repository path, programme -> (first page, last page), 1-based PDF pages,
# which equal the printed page numbers in both documents; from their tables of contents)
DOCUMENTS: tuple[tuple[str, str, dict[str, tuple[int, int]]], ...] = (
    ("wassenaar_begroting_2024", BUDGETS + "begroting_2024.pdf",
     {"P1": (11, 16), "P2": (17, 32), "P3": (33, 42), "P4": (43, 52), "P5": (53, 63)}),
    ("wassenaar_jaarstukken_2023", BUDGETS + "_fetched/Jaarstukken_2023.pdf",
     {"P1": (19, 24), "P2": (25, 40), "P3": (41, 49), "P4": (50, 65), "P5": (66, 86)}),
)  # fmt: skip
SEED = 20261206
TARGET_UNITS = 240
MIN_WORDS = 12
MAX_SENTENCES = 2
MAX_DIGIT_SHARE = 0.25
HEADING_MAX_CHARS = 75

_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_LIST_MARKER = re.compile(r"^(?:[•\-–—▪◦*·]|\d+\.(?:\d+\.?)*\s|[a-zA-Z][.)]\s|\(\w\)\s)")
_BULLET = re.compile(r"^[•▪◦·*]")
_KEEP_SPACE_AFTER_HYPHEN = re.compile(r"^(?:en|of|tot|en/of)\b|^[,;]")


@dataclass(frozen=True)
class Paragraph:
    """One running-text paragraph of a document."""

    document: str
    programme: str
    page: int
    index: int
    text: str


def pdf_pages(data: bytes) -> list[str]:
    """Plain text of each page (pypdf ``extract_text``)."""
    import pypdf

    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def join_lines(lines: Sequence[str]) -> str:
    """Rejoin the lines of one paragraph (line-end hyphens kept as written)."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-") and out[-2:-1].isalpha():
            hyphen_space = _KEEP_SPACE_AFTER_HYPHEN.search(line)
            out = f"{out} {line}" if hyphen_space else out + line
        else:
            out = f"{out} {line}"
    return re.sub(r"\s+", " ", out).strip()


def _pieces(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Blocks between blank lines, cut again after a sentence-final line end."""
    pieces: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for page, raw in lines:
        line = raw.strip()
        if not line:
            if current:
                pieces.append(current)
            current = []
            continue
        if current:
            previous = current[-1][1].strip()
            sentence_then_capital = ENDS_SENTENCE.search(previous) and STARTS_UPPER.match(line)
            list_item = _BULLET.match(line) or (
                _LIST_MARKER.match(line) and re.search(r"[.!?:;]$", previous)
            )
            if sentence_then_capital or list_item:
                pieces.append(current)
                current = []
        current.append((page, raw))
    if current:
        pieces.append(current)
    return pieces


def _drop_headings(piece: list[tuple[int, str]]) -> list[tuple[int, str]]:
    last_heading = -1
    for i in range(len(piece) - 1):
        line = piece[i][1].strip()
        following = piece[i + 1][1].strip()
        if (
            (len(line) < HEADING_MAX_CHARS or line.endswith(")"))
            and not re.search(r"[.!?:;,]$", line)
            and (STARTS_UPPER.match(following) or _LIST_MARKER.match(following))
        ):
            last_heading = i
    return piece[last_heading + 1 :]


def _is_prose(text: str) -> bool:
    words = text.split()
    if len(words) < MIN_WORDS or not ENDS_SENTENCE.search(text):
        return False
    if NUMBER_RUN.search(text):
        return False
    with_digit = sum(any(ch.isdigit() for ch in w) for w in words)
    return with_digit / len(words) <= MAX_DIGIT_SHARE


def prose_paragraphs(
    document: str, pages: Sequence[str], programmes: dict[str, tuple[int, int]]
) -> list[Paragraph]:
    """The running-text paragraphs of the programme pages of one document, in order."""
    lines: list[tuple[int, str]] = []
    page_programme: dict[int, str] = {}
    for programme, (first, last) in programmes.items():
        for number in range(first, last + 1):
            page_programme[number] = programme
            page_lines = pages[number - 1].split("\n")
            if page_lines and _PAGE_NUMBER.match(page_lines[0]):
                page_lines = page_lines[1:]
            while page_lines and not page_lines[-1].strip():
                page_lines.pop()  # a page break is not a paragraph break
            lines.extend((number, line) for line in page_lines)
    out: list[Paragraph] = []
    for piece in _pieces(lines):
        piece = _drop_headings(piece)
        if not piece or _LIST_MARKER.match(piece[0][1].strip()):
            continue
        text = join_lines([line for _, line in piece])
        if _is_prose(text):
            page = piece[0][0]
            out.append(Paragraph(document, page_programme[page], page, len(out), text))
    return out


def cut_units(paragraph: str, max_sentences: int = MAX_SENTENCES) -> list[str]:
    """Consecutive groups of at most ``max_sentences`` sentences."""
    sents = split_sentences(paragraph)
    return [" ".join(sents[i : i + max_sentences]) for i in range(0, len(sents), max_sentences)]


def select(paragraphs: Sequence[Paragraph]) -> list[tuple[Paragraph, list[str]]]:
    """Seeded sample of paragraphs up to ``TARGET_UNITS`` units, back in document order."""
    order = list(range(len(paragraphs)))
    random.Random(SEED).shuffle(order)
    seen: set[str] = set()
    chosen: dict[int, list[str]] = {}
    n_units = 0
    for i in order:
        if n_units >= TARGET_UNITS:
            break
        units = []
        for unit in cut_units(paragraphs[i].text):
            digest = sha256_text(unit)
            if digest not in seen:
                seen.add(digest)
                units.append(unit)
        if units:
            chosen[i] = units
            n_units += len(units)
    return [(paragraphs[i], chosen[i]) for i in sorted(chosen)]


def build_units() -> tuple[list[dict], int]:
    """Unit rows and the number of candidate paragraphs."""
    paragraphs: list[Paragraph] = []
    paths = {key: path for key, path, _ in DOCUMENTS}
    for key, path, programmes in DOCUMENTS:
        paragraphs.extend(prose_paragraphs(key, pdf_pages(git_show(REPO, path, COMMIT)),
                                           programmes))  # fmt: skip
    rows: list[dict] = []
    for para, units in select(paragraphs):
        for u_i, unit in enumerate(units):
            unit_id = f"{para.document}-{para.programme}-p{para.page}-c{para.index}-u{u_i}"
            rows.append(dict(dataset=DATASET, unit_id=unit_id, document=para.document,
                             path=paths[para.document], text=unit,
                             text_sha256=sha256_text(unit)))  # fmt: skip
    return rows, len(paragraphs)


def main(argv: Sequence[str] | None = None) -> int:
    rows, n_candidates = build_units()
    out = eval_dir() / "flags"
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "heldout3_units.csv", rows, COLUMNS)  # atomic
    prov = Provenance(
        dataset=DATASET,
        repository=REPO,
        commit=COMMIT,
        paths=[path for _, path, _ in DOCUMENTS],
        licence="Works made public by a public authority (municipality of Wassenaar budget "
        "documents), Auteurswet art. 15b; no licence file. Texts not committed.",
        note=(
            f"Programme-chapter running-text paragraphs (>= {MIN_WORDS} words, ending in "
            f". ! ?; no headings, lists or table rows); {n_candidates} candidates; seeded "
            f"sample (seed {SEED}) up to {TARGET_UNITS} units of <= {MAX_SENTENCES} "
            "sentences, in document order."
        ),
        n_items=len(rows),
        excluded_reserved=0,
    )
    tmp_prov = out / "heldout3_PROVENANCE.json.tmp"
    tmp_prov.write_text(json.dumps(asdict(prov), indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")  # fmt: skip
    os.replace(tmp_prov, out / "heldout3_PROVENANCE.json")
    docs = {r["document"] for r in rows}
    print(f"{len(rows)} units from {n_candidates} candidate paragraphs of {len(docs)} "
          f"documents -> {out}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
