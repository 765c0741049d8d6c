"""Dutch spaCy pipeline: model resolution, loading and batched parsing.

Resolution at set-up (``gemeentetaal setup-model``), in order: the configured model if
installed -> ``python -m spacy download`` of it -> a wheel from the local wheelhouse
(``GEMEENTETAAL_WHEELHOUSE``, default ``../shared/models``) -> the rule-based fallback.

At run time nothing is downloaded or installed: ``load_pipeline`` loads the configured model,
else the first installed alternative Dutch pipeline, else the rule-based fallback
(``spacy.blank("nl")`` + sentencizer + simplemma lemmas), which warns loudly on every run.
"""

from __future__ import annotations

import importlib.metadata
import logging
import re
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

import spacy
import srsly
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from pipeline.config import NlpSettings

log = logging.getLogger(__name__)
T = TypeVar("T")
C = TypeVar("C")

FALLBACK_NAME = "gemeentetaal_rules_nl"
DEFAULT_MODEL = NlpSettings.model_fields["model"].default  # nl_core_news_md
FALLBACK_WARNING = (
    "WARNING: no trained Dutch spaCy pipeline is installed; using the rule-based fallback "
    "(no POS tags, no dependency parse). Passive voice, nominalisation and LiNT-II scores are "
    "approximate. Run `gemeentetaal setup-model` or install nl_core_news_md."
)


class FallbackModelWarning(UserWarning):
    """Emitted whenever the rule-based fallback pipeline is used."""


@dataclass(frozen=True)
class ModelInfo:
    """Which pipeline is in use and where it came from."""

    name: str
    version: str
    source: str  # installed | download | wheelhouse | alternative | fallback
    lang: str = "nl"
    has_parser: bool = False
    has_morph: bool = False
    has_lemmas: bool = True

    @property
    def is_fallback(self) -> bool:
        return self.source == "fallback"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def describe(self) -> str:
        return f"{self.name} {self.version} ({self.source})"

    def summary(self, configured: str) -> dict[str, Any]:
        """Name, version and source as reports show them, and ``preferred``: whether this
        is the ``configured`` model rather than a substitute."""
        return {
            "name": self.name,
            "version": self.version,
            "source": self.source,
            "preferred": self.name == configured,
        }


@Language.component("gemeentetaal_simplemma")
def simplemma_lemmatizer(doc: Doc) -> Doc:
    """Set ``token.lemma_`` with simplemma's Dutch lemmatiser (fallback pipeline only)."""
    import simplemma

    for token in doc:
        if token.is_alpha:
            lemma = simplemma.lemmatize(token.text, lang="nl")
            token.lemma_ = lemma.lower() if not token.text[:1].isupper() or token.i else lemma
        else:
            token.lemma_ = token.text
    return doc


BARE_TOKENIZER = "gemeentetaal.bare_tokenizer.v1"


@spacy.registry.tokenizers(BARE_TOKENIZER)
def make_bare_tokenizer() -> Callable[[Language], Tokenizer]:
    """An empty tokenizer that ``from_disk`` then fills with the saved rules.

    spaCy's default factory builds the language's ~9,000 special cases, and loading the saved
    tokenizer builds them again; starting empty halves the tokenizer's load time with
    identical tokens (tests/test_nlp.py checks this).
    """

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


def _tokenizer_factory(name: str) -> str | None:
    """The ``@tokenizers`` entry of an installed pipeline's config, or None if unknown."""
    try:
        path = Path(name) if Path(name).is_dir() else spacy.util.get_package_path(name)
        configs = [path / "config.cfg", *path.glob("*/config.cfg")]
        config = spacy.util.load_config(next(c for c in configs if c.is_file()))
        return str(config["nlp"]["tokenizer"]["@tokenizers"])
    except (StopIteration, KeyError, OSError, ValueError, ImportError):
        return None


SUBSET_MAX_CHARS = 20_000


def special_cases_for(rules: dict[str, T], texts: Sequence[str]) -> dict[str, T]:
    """The tokenizer special cases that can apply anywhere in ``texts``.

    A special case only fires where its string occurs in the text. Comparing with all
    whitespace removed also keeps any case whose match could span a space, so the tokens are
    identical to those of the full rule set (tests/test_nlp.py checks this).
    """
    flat = "\x00".join("".join(t.split()) for t in texts)
    return {key: value for key, value in rules.items() if "".join(key.split()) in flat}


def _subset_for(texts: Sequence[str] | None) -> bool:
    """Whether to build only the special cases ``texts`` need.

    Building the ~4,700 Dutch special cases is most of a model's load time and a 500-word
    text needs a few dozen; above ``SUBSET_MAX_CHARS`` the search costs more than it saves.
    """
    return texts is not None and sum(len(t) for t in texts) <= SUBSET_MAX_CHARS


def load_trained(name: str, texts: Sequence[str] | None = None) -> Language:
    """``spacy.load`` without the entity recogniser, skipping the tokenizer's double build.

    With ``texts``, the tokenizer may get only the special cases that can occur in them
    (``special_cases_for``): a pipeline loaded that way is for those texts only.
    """
    if _tokenizer_factory(name) != "spacy.Tokenizer.v1":
        return spacy.load(name, exclude=["ner"])
    override = {"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}}
    if not _subset_for(texts):
        return spacy.load(name, exclude=["ner"], config=override)
    assert texts is not None
    nlp = spacy.load(name, exclude=["ner", "tokenizer"], config=override)
    data = srsly.msgpack_loads((Path(nlp.path or "") / "tokenizer").read_bytes())
    data["exceptions"] = special_cases_for(data.get("exceptions") or {}, texts)
    tokenizer: Any = nlp.tokenizer  # a Tokenizer (the type says: any callable)
    tokenizer.from_bytes(srsly.msgpack_dumps(data), exclude=["vocab"])
    return nlp


def make_fallback_pipeline(texts: Sequence[str] | None = None) -> Language:
    """A rule-based Dutch pipeline: tokenizer, sentencizer and simplemma lemmas.

    With ``texts``, the tokenizer may get only the special cases that can occur in them.
    """
    if _subset_for(texts):
        assert texts is not None
        nlp = spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}})
        defaults = nlp.Defaults
        nlp.tokenizer = Tokenizer(
            nlp.vocab,
            rules=special_cases_for(defaults.tokenizer_exceptions, texts),
            prefix_search=spacy.util.compile_prefix_regex(defaults.prefixes or ()).search,
            suffix_search=spacy.util.compile_suffix_regex(defaults.suffixes or ()).search,
            infix_finditer=spacy.util.compile_infix_regex(defaults.infixes or ()).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )
    else:
        nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("gemeentetaal_simplemma")
    nlp.meta["name"] = FALLBACK_NAME.removeprefix("nl_")
    return nlp


def is_installed(name: str) -> bool:
    """True when a spaCy pipeline package ``name`` can be loaded."""
    return spacy.util.is_package(name) or Path(name).is_dir()


def _wheel_for(wheelhouse: Path, name: str | None = None) -> Path | None:
    if not wheelhouse.is_dir():
        return None
    wheels = sorted(wheelhouse.glob("*.whl"))
    for wheel in wheels:
        dist = wheel.name.split("-")[0]
        if name is None or dist == name:
            return wheel
    return None


def wheelhouse_models(wheelhouse: Path) -> list[str]:
    """Names of the pipeline wheels found in ``wheelhouse``."""
    if not wheelhouse.is_dir():
        return []
    return sorted({w.name.split("-")[0] for w in wheelhouse.glob("*.whl")})


def setup_model(settings: NlpSettings) -> ModelInfo:
    """Make a Dutch pipeline available, trying each source in order; log what was chosen.

    This is the only place that may reach the network (``spacy download``) or install a
    wheel. Returns the model that ``load_pipeline`` will then use.
    """
    if is_installed(settings.model):
        return _info_for(settings.model, "installed")
    if settings.allow_download:
        log.info("trying `spacy download %s`", settings.model)
        result = subprocess.run(
            [sys.executable, "-m", "spacy", "download", settings.model],
            capture_output=True,
            text=True,
            timeout=300,
        )
        importlib.invalidate_caches()
        if result.returncode == 0 and is_installed(settings.model):
            return _info_for(settings.model, "download")
        log.warning("spacy download %s failed (offline?)", settings.model)
    for name in [settings.model, *settings.alternatives, None]:
        wheel = _wheel_for(settings.wheelhouse, name)
        if wheel is None:
            continue
        dist = wheel.name.split("-")[0]
        if not is_installed(dist):
            log.info("installing %s from wheelhouse %s", wheel.name, settings.wheelhouse)
            subprocess.run(
                [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
                check=True,
            )
            importlib.invalidate_caches()
        return _info_for(dist, "wheelhouse")
    if not settings.wheelhouse.is_dir():
        log.warning(
            "wheelhouse %s: no such folder (set nlp.wheelhouse or GEMEENTETAAL_WHEELHOUSE to a "
            "folder of pipeline wheels)",
            settings.wheelhouse.resolve(),
        )
    else:
        log.warning("wheelhouse %s: no pipeline wheel in it", settings.wheelhouse.resolve())
    log.warning(FALLBACK_WARNING)
    return fallback_info()


def fallback_info() -> ModelInfo:
    return ModelInfo(
        name=FALLBACK_NAME,
        version=spacy.__version__,
        source="fallback",
        has_parser=False,
        has_morph=False,
        has_lemmas=True,
    )


def _info_for(name: str, source: str, nlp: Language | None = None) -> ModelInfo:
    try:
        version = importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        version = nlp.meta.get("version", "unknown") if nlp is not None else "unknown"
    pipes = set(nlp.pipe_names) if nlp is not None else set()
    return ModelInfo(
        name=name,
        version=version,
        source=source,
        lang=(nlp.lang or "nl") if nlp is not None else "nl",
        has_parser="parser" in pipes,
        has_morph=bool(pipes & {"morphologizer", "tagger"}),
        has_lemmas=bool(pipes & {"lemmatizer", "trainable_lemmatizer"}),
    )


def resolve_installed(settings: NlpSettings) -> tuple[str, str] | None:
    """The (name, source) of the pipeline to load without installing anything, or None."""
    if is_installed(settings.model):
        return settings.model, "installed"
    in_wheelhouse = set(wheelhouse_models(settings.wheelhouse))
    for name in settings.alternatives:
        if is_installed(name):
            return name, "wheelhouse" if name in in_wheelhouse else "alternative"
    return None


def load_pipeline(
    settings: NlpSettings, texts: Sequence[str] | None = None
) -> tuple[Language, ModelInfo]:
    """Load the Dutch pipeline to use; never downloads.

    ``texts``: when given, the pipeline may be specialised to them (a faster tokenizer load
    for short texts, see ``load_trained``) and must not be used for other texts.

    Raises:
        RuntimeError: no Dutch pipeline is installed and the fallback is disabled, or the
            loaded pipeline is not Dutch.
    """
    found = resolve_installed(settings)
    if found is None:
        if not settings.allow_fallback:
            raise RuntimeError(
                f"spaCy pipeline {settings.model!r} is not installed and the fallback is "
                "disabled; run `gemeentetaal setup-model`"
            )
        warnings.warn(FALLBACK_WARNING, FallbackModelWarning, stacklevel=2)
        log.warning(FALLBACK_WARNING)
        nlp = make_fallback_pipeline(texts)
        info = fallback_info()
    else:
        name, source = found
        if name != settings.model and settings.model != DEFAULT_MODEL:
            # a pipeline the user chose is missing: say so, the results differ from theirs
            log.warning(
                "spaCy pipeline %r is not installed; using %r (%s) instead "
                "(install it with `python -m spacy download %s` or `gemeentetaal setup-model`)",
                settings.model, name, source, settings.model,
            )  # fmt: skip
        nlp = load_trained(name, texts)
        if nlp.lang != "nl":
            raise RuntimeError(f"spaCy pipeline {name!r} is for {nlp.lang!r}, not Dutch (nl)")
        info = _info_for(name, source, nlp)
    nlp.max_length = settings.max_length
    log.info("spaCy pipeline: %s", info.describe())
    return nlp, info


_WRAPPED_LINE = re.compile(r"(?<![.!?:;\n])\n(?=[ \t]*[a-zà-ÿ(])")


def unwrap_lines(text: str) -> str:
    """Replace a line break inside a sentence (hard-wrapped text) by a space.

    A break counts as wrapping when the line does not end a sentence or clause and the next
    line starts in lower case. The result has the same length, so character offsets into it
    are offsets into ``text``.
    """
    return _WRAPPED_LINE.sub(" ", text)


_CHUNK_BREAK = re.compile(r"(?<=[.!?;:])\s+|\n\s*")


def chunk_bounds(text: str, max_chars: int) -> list[int]:
    """Cut points that split ``text`` into pieces of at most ``max_chars`` characters.

    A piece ends after sentence punctuation and its whitespace where possible, else after
    any whitespace, else (one unbroken run of characters) at ``max_chars``. Concatenating the
    pieces gives ``text`` back, so character offsets are kept.
    """
    bounds = [0]
    while len(text) - bounds[-1] > max_chars:
        start, stop = bounds[-1], bounds[-1] + max_chars
        window = text[start + max_chars // 2 : stop]
        cut = None
        for match in _CHUNK_BREAK.finditer(window):
            cut = start + max_chars // 2 + match.end()
        if cut is None:
            space = max(window.rfind(" "), window.rfind("\t"))
            cut = start + max_chars // 2 + space + 1 if space >= 0 else stop
        bounds.append(cut)
    return [*bounds, len(text)]


def char_batches(
    items: Iterable[tuple[str, C]], max_items: int, max_chars: int
) -> Iterator[list[tuple[str, C]]]:
    """Consecutive groups of at most ``max_items`` texts and about ``max_chars`` characters
    (a single longer text forms a group of its own)."""
    group: list[tuple[str, C]] = []
    size = 0
    for item in items:
        if group and (len(group) >= max_items or size + len(item[0]) > max_chars):
            yield group
            group, size = [], 0
        group.append(item)
        size += len(item[0])
    if group:
        yield group


def _pipe(
    nlp: Language, pieces: Iterable[tuple[str, C]], settings: NlpSettings
) -> Iterator[tuple[Doc, C]]:
    """``nlp.pipe`` over ``pieces``, in batches bounded by count and by characters: the
    parser's memory grows with the characters of a batch, so 64 pieces of a long paragraph
    (5,000 characters each) would cost about 700 MB where 64 short paragraphs cost 30 MB."""
    if settings.n_process > 1:  # one pool of processes for the whole stream
        yield from nlp.pipe(
            pieces, as_tuples=True, batch_size=settings.batch_size, n_process=settings.n_process
        )
        return
    for group in char_batches(pieces, settings.batch_size, settings.batch_max_chars):
        yield from nlp.pipe(group, as_tuples=True, batch_size=len(group))


def parse(
    nlp: Language,
    units: Iterable[tuple[str, T]],
    settings: NlpSettings,
) -> Iterator[tuple[Doc, T]]:
    """Parse ``(text, context)`` pairs in batches, keeping each context with its Doc.

    A text longer than ``settings.max_chunk_chars`` is parsed in pieces cut at sentence ends
    (``chunk_bounds``) and joined into one Doc with the same text, so one very long paragraph
    costs what its pieces cost and never reaches ``nlp.max_length``.
    """
    limit = settings.max_chunk_chars
    # One nlp.pipe stream for all units (one process pool when n_process > 1); each unit's
    # context waits here until its last piece comes back (nlp.pipe keeps the order).
    contexts: dict[int, T] = {}

    def pieces() -> Iterator[tuple[str, tuple[int, int, int]]]:
        for n, (text, context) in enumerate(units):
            contexts[n] = context
            bounds = chunk_bounds(text, limit) if len(text) > limit else [0, len(text)]
            for k in range(len(bounds) - 1):
                yield text[bounds[k] : bounds[k + 1]], (n, k, len(bounds) - 1)

    parts: list[Doc] = []
    for doc, (n, k, total) in _pipe(nlp, pieces(), settings):
        parts.append(doc)
        if k == total - 1:
            joined = Doc.from_docs(parts, ensure_whitespace=False) if len(parts) > 1 else None
            whole = joined if joined is not None else parts[0]
            parts = []
            yield whole, contexts.pop(n)
