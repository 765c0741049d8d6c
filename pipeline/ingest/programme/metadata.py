"""Metadata of programme texts: portfolio holders and directors, document type and year."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from pipeline.config import IngestSettings
from pipeline.ingest.municipalities import fold
from pipeline.ingest.programme.vocabulary import DocType, Vocabulary, load_vocabulary, match_fixed
from pipeline.records import Section

TITLE_WEIGHT = 5
TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[-–/.]\d+)*")
YEAR_TOKEN = re.compile(r"((?:19|20)\d{2})(?:[-–/](?:19|20)?\d{2})?")
_IN_YEAR = re.compile(r"\b[Ii]n\s+((?:19|20)\d{2})\b(?![-–/]\d)")
_NAME_SPLIT = re.compile(r"\s*(?:[,;&/]|\s+en\s+)\s*")
_PARENS = re.compile(r"\s*\([^()]*\)")


def words(text: str) -> int:
    return len(text.split())


def parse_metadata_line(line: str, vocab: Vocabulary | None = None) -> tuple[str, str] | None:
    """``("portfolio" | "director", value)`` for a metadata line such as
    ``Portefeuillehouder(s): Hamming, van der Laan``; None for other lines."""
    vocab = vocab or load_vocabulary()
    m = vocab.meta_re.fullmatch(line)
    if m is None:
        return None
    kind = "director" if fold(m.group(1)) in vocab.director_labels else "portfolio"
    return kind, m.group(2).strip()


def split_names(value: str, vocab: Vocabulary | None = None) -> list[str]:
    """Names in a portfolio-holder value: ``"Hamming, van der Laan en Onclin"`` -> 3 names.

    Portfolios in brackets (``"T. Hoekstra-Dijkstra (Wmo, jeugd)"``) are dropped before the
    value is split; office titles in front of a name ("burgemeester", "wethouder", "drs.")
    are dropped too.
    """
    vocab = vocab or load_vocabulary()
    names = []
    for part in _NAME_SPLIT.split(_PARENS.sub("", value)):
        name = part.strip(" .;:-–•*")
        tokens = name.split()
        while len(tokens) > 1 and fold(tokens[0]).rstrip(".") in vocab.name_prefixes:
            tokens.pop(0)
        name = " ".join(tokens)
        if name and any(ch.isalpha() for ch in name):
            names.append(name)
    return names


def document_type_and_year(
    evidence: Iterable[str],
    headings: list[str],
    sections: list[Section],
    vocab: Vocabulary,
    settings: IngestSettings,
) -> tuple[DocType | None, int | None]:
    """Decide the document type and year; explicit title words beat heading signals."""
    title_score: Counter[DocType] = Counter()
    title_first: dict[DocType, int] = {}
    years: dict[DocType, Counter[int]] = {}
    seen_lines: set[str] = set()
    for pos, line in enumerate(evidence):
        if not line or line[-1] in ".;" or words(line) > settings.heading_max_words:
            continue
        if line in seen_lines:  # a label repeated 70 times ("Realisatie / voortgang")
            continue  # is one piece of evidence
        seen_lines.add(line)
        tokens = TOKEN.findall(fold(line))
        seen_here: set[DocType] = set()
        for k, token in enumerate(tokens):
            word_type = vocab.type_words.get(token)
            if word_type is None:
                continue
            if word_type not in seen_here:
                title_score[word_type] += TITLE_WEIGHT
                title_first.setdefault(word_type, pos)
                seen_here.add(word_type)
            for nxt in tokens[k + 1 : k + 5]:
                y = YEAR_TOKEN.fullmatch(nxt)
                if y is not None:
                    years.setdefault(word_type, Counter())[int(y.group(1))] += 1
                    break
    doc_type = _best(title_score, title_first)
    if doc_type is None:
        heading_score: Counter[DocType] = Counter()
        heading_first: dict[DocType, int] = {}
        for pos, heading in enumerate(headings):
            term = match_fixed(heading, vocab, settings.heading_max_words)
            if term is not None and term.doc_type and term.weight:
                heading_score[term.doc_type] += term.weight
                heading_first.setdefault(term.doc_type, pos)
        doc_type = _best(heading_score, heading_first)
    if doc_type is None:
        return None, None
    year = _most_common_unique(years.get(doc_type, Counter()), 1)
    if year is None and doc_type == "jaarverslag":
        found: Counter[int] = Counter()
        for section in sections:
            texts = [p.text for p in section.paragraphs] + [i.text for i in section.items]
            for text in texts:
                found.update(int(y) for y in _IN_YEAR.findall(text))
        year = _most_common_unique(found, settings.year_min_mentions)
    return doc_type, year


def _best(scores: Counter[DocType], first: dict[DocType, int]) -> DocType | None:
    """The highest score; a tie goes to the type seen first."""
    if not scores:
        return None
    return min(scores, key=lambda t: (-scores[t], first[t]))


def _most_common_unique(counts: Counter[int], minimum: int) -> int | None:
    """The most frequent value when it is unique and counted at least ``minimum`` times."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < minimum:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]
