"""Analyses as registered plug-ins: one protocol, one shared segmentation.

Every analysis reads the same segmentation of a batch of records (``Segmented``: the units of
text of each record, their parsed Docs and their sentences, made once in
``pipeline/analyse.py``) and follows one protocol (``Analysis``), named and versioned like a
spaCy component:

- ``load(settings, nlp, model)``: the analysis's resources, loaded once per process;
- ``analyse(batch, earlier)``: one result per unit of every record of the batch, computed for
  the whole batch at once (one model call across files, not one per file);
- ``roll_up(batch, results)``: one result per record for its larger units (sections,
  programmes, documents, threads), again for the whole batch at once;
- ``rows(item, results, rolled, rows)``: the analysis's tables and columns for one record.

Analyses run in registration order (``ANALYSES``); a later one may read an earlier one's unit
results (``Results.of``), e.g. themes weigh units by the words readability counted. A new
analysis is a module with a class decorated ``@register`` and imported below; its name and
version enter the cache key of ``gemeentetaal run`` (``fingerprint``), so a new version makes
every input be processed again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.config import Settings
from pipeline.nlp import ModelInfo
from pipeline.records import Record

Row = dict[str, Any]
Rows = dict[str, list[Row]]
U = TypeVar("U")
R = TypeVar("R")


@dataclass(frozen=True)
class Unit:
    """A piece of text parsed on its own, with the ids it belongs to."""

    unit_id: str
    unit_kind: str  # paragraph | item | article | comment
    text: str
    document_id: str | None  # the document of a paragraph or item
    section_id: str | None = None
    programme_id: str | None = None
    thread_id: str | None = None  # the thread of an article or comment


@dataclass(frozen=True)
class Sentence:
    """One sentence of a unit: token range in the Doc, character range in the unit text."""

    sentence_id: str
    order: int
    start_token: int
    end_token: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ParsedUnit:
    """A unit with its Doc and its sentences (the shared segmentation)."""

    unit: Unit
    doc: Doc
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Segmented:
    """One record and its parsed units, in reading order."""

    record: Record
    units: tuple[ParsedUnit, ...]


class Results:
    """Unit results of the analyses that ran before, by analysis (per record, per unit)."""

    def __init__(self) -> None:
        self._by_name: dict[str, Sequence[list[Any]]] = {}

    def put(self, name: str, results: Sequence[list[Any]]) -> None:
        self._by_name[name] = results

    def of(self, analysis: type[Any]) -> Sequence[list[Any]]:
        """The unit results of ``analysis`` (KeyError when it has not run)."""
        return self._by_name[analysis.name]


class Analysis(Protocol[U, R]):
    """What every analysis provides (see the module docstring)."""

    name: ClassVar[str]
    version: ClassVar[str]

    @classmethod
    def load(cls, settings: Settings, nlp: Language, model: ModelInfo) -> Analysis[U, R]: ...

    def analyse(self, batch: Sequence[Segmented], earlier: Results) -> list[list[U]]: ...

    def roll_up(
        self, batch: Sequence[Segmented], results: Sequence[list[U]], earlier: Results
    ) -> list[R]: ...

    def rows(self, item: Segmented, results: list[U], rolled: R, rows: Rows) -> None: ...


_ANALYSES: dict[str, type[Analysis[Any, Any]]] = {}
A = TypeVar("A", bound=type)


def register(cls: A) -> A:
    """Class decorator: add an analysis to ``ANALYSES`` under its ``name``.

    Raises:
        ValueError: another analysis already has that name.
    """
    name: str = cls.name  # type: ignore[attr-defined]
    if name in _ANALYSES and _ANALYSES[name] is not cls:
        raise ValueError(f"two analyses named {name!r}")
    _ANALYSES[name] = cls  # type: ignore[assignment]
    return cls


def analyses() -> dict[str, type[Analysis[Any, Any]]]:
    """The registered analyses in run order, the built-in ones loaded on first use (they
    import scikit-learn and SciPy, which `check` never needs)."""
    _register_builtins()
    return _ANALYSES


def __getattr__(name: str) -> Any:
    if name == "ANALYSES":  # PEP 562: ``from pipeline.analyses import ANALYSES`` still works
        return analyses()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def fingerprint() -> str:
    """Names and versions of the registered analyses, e.g. ``readability@1,themes@1``."""
    return ",".join(f"{name}@{cls.version}" for name, cls in analyses().items())


BUILTIN = ("readability", "themes", "sentiment")  # run order: themes read readability's counts


def _register_builtins() -> None:
    import importlib

    for name in BUILTIN:
        importlib.import_module(f"pipeline.analyses.{name}")
    # run order: the built-in analyses first, whatever was imported before
    ordered = {name: _ANALYSES[name] for name in BUILTIN}
    ordered.update({name: cls for name, cls in _ANALYSES.items() if name not in ordered})
    _ANALYSES.clear()
    _ANALYSES.update(ordered)
