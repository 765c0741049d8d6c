"""The vocabulary of programme texts (``pipeline/data/programme_terms.toml``), compiled once."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pipeline.ingest.municipalities import fold

TERMS_TOML = Path(__file__).resolve().parents[2] / "data" / "programme_terms.toml"

Role = Literal["goal", "action"]
DocType = Literal["begroting", "jaarverslag", "voortgangsrapportage", "bestemmingsplan",
                  "besluitenlijst"]  # fmt: skip
BUDGET_TYPES: frozenset[str] = frozenset({"begroting", "jaarverslag", "voortgangsrapportage"})


@dataclass(frozen=True)
class HeadingTerm:
    """A fixed heading and what it says about roles and the document type."""

    text: str
    role: Role | None
    doc_type: DocType | None
    weight: int


@dataclass(frozen=True)
class Vocabulary:
    """The contents of ``programme_terms.toml``, compiled."""

    programme_re: re.Pattern[str]
    headings_by_first_word: dict[str, tuple[HeadingTerm, ...]]
    type_words: dict[str, DocType]
    meta_re: re.Pattern[str]
    director_labels: frozenset[str]
    no_title_final_words: frozenset[str]
    boilerplate_re: re.Pattern[str]
    running_header_words: frozenset[str]
    name_prefixes: frozenset[str]
    part_prefixes: frozenset[str]
    part_headings: frozenset[str]
    labelled_re: re.Pattern[str]
    goal_labels: frozenset[str]
    status_re: re.Pattern[str]
    status_suffix_re: re.Pattern[str]
    goal_columns: frozenset[str]
    action_columns: frozenset[str]
    indicator_columns: dict[str, frozenset[str]]
    row_kinds: frozenset[str] = frozenset()
    joint_arrangement_re: re.Pattern[str] | None = None


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def load_vocabulary(path: Path = TERMS_TOML) -> Vocabulary:
    """Read and compile the programme vocabulary (once per process)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    keywords = "|".join(re.escape(k) for k in data["programme_keywords"])
    programme_re = re.compile(
        rf"(?:(?:{keywords})(?:\s+(\d{{1,2}}[a-z]?|[IVX]{{1,4}}|[A-Z])\b)?|P(\d{{1,2}})\b)"
        r"\s*[:.\-–—]?\s*(.*)",
        re.IGNORECASE,
    )
    by_first: dict[str, list[HeadingTerm]] = {}
    for h in data["headings"]:
        term = HeadingTerm(fold(h["text"]), h["role"] or None, h["type"] or None, h["weight"])
        by_first.setdefault(term.text.split()[0], []).append(term)
    type_words = {
        fold(word): doc_type for doc_type, words in data["document_types"].items() for word in words
    }
    labels = sorted((*data["portfolio_labels"], *data["director_labels"]), key=len, reverse=True)
    meta_re = re.compile(
        rf"({'|'.join(re.escape(label) for label in labels)})\s*:\s*(.*)", re.IGNORECASE
    )
    boiler = "|".join(f"(?:{p})" for p in data["boilerplate_patterns"])
    goal_action = _alternatives([*data["goal_labels"], *data["action_labels"]])
    labelled_re = re.compile(
        rf"({goal_action})\s+(\d{{1,2}}(?:\.\d{{1,2}}){{0,3}}|[A-Z])\s*[:.\-–—]?\s+(\S.*)",
        re.IGNORECASE,
    )
    statuses = _alternatives(data["statuses"])
    status_re = re.compile(
        rf"(?:{_alternatives(data['status_labels'])})\s*:\s*[●•○◉■▲▼◆★\s]*(\S.*)", re.IGNORECASE
    )
    status_suffix_re = re.compile(
        rf"(.*?)\s*[*_]{{0,2}}\(\s*({statuses})\s*\)[*_]{{0,2}}\s*[.;]?", re.IGNORECASE
    )
    return Vocabulary(
        programme_re=programme_re,
        headings_by_first_word={
            k: tuple(sorted(v, key=lambda t: -len(t.text))) for k, v in by_first.items()
        },
        type_words=type_words,
        meta_re=meta_re,
        director_labels=frozenset(fold(x) for x in data["director_labels"]),
        no_title_final_words=frozenset(fold(x) for x in data["no_title_final_words"]),
        boilerplate_re=re.compile(boiler, re.IGNORECASE),
        running_header_words=frozenset(fold(x) for x in data["running_header_words"]),
        name_prefixes=frozenset(fold(x).rstrip(".") for x in data["name_prefixes"]),
        part_prefixes=frozenset(fold(x) for x in data["part_prefixes"]),
        part_headings=frozenset(fold(x) for x in data["part_headings"]),
        labelled_re=labelled_re,
        goal_labels=frozenset(fold(x) for x in data["goal_labels"]),
        status_re=status_re,
        status_suffix_re=status_suffix_re,
        goal_columns=frozenset(fold(x) for x in data["goal_columns"]),
        action_columns=frozenset(fold(x) for x in data["action_columns"]),
        indicator_columns={
            k: frozenset(fold(x) for x in v) for k, v in data["indicator_columns"].items()
        },
        row_kinds=frozenset(fold(x) for x in data.get("row_kinds", [])),
        joint_arrangement_re=re.compile(
            rf"\b(?:{_alternatives([fold(x) for x in data.get('joint_arrangement_words', [])])})\b"
        )
        if data.get("joint_arrangement_words")
        else None,
    )


def match_fixed(text: str, vocab: Vocabulary, max_words: int) -> HeadingTerm | None:
    """The fixed heading ``text`` starts with (at a word boundary), or None."""
    if text.count(" ") >= max_words:
        return None
    f = fold(text).rstrip(" :?.!").strip()
    words = f.split()
    if not words or len(words) > max_words:
        return None
    for term in vocab.headings_by_first_word.get(words[0].rstrip(":?"), ()):
        if f == term.text or (
            f.startswith(term.text)
            and not f[len(term.text)].isalnum()
            and len(words) - len(term.text.split()) <= 6
        ):
            return term
    return None


def heading_role(text: str, term: HeadingTerm, vocab: Vocabulary) -> Role | Literal["pair"] | None:
    """The role of items under a fixed heading; ``pair`` when it names goals and actions."""
    if term.role is None:
        return None
    f = fold(text)
    other = "action" if term.role == "goal" else "goal"
    for terms in vocab.headings_by_first_word.values():
        for t in terms:
            if t.role == other and t.text in f:
                return "pair"
    return term.role
