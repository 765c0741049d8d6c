"""Theme tagging of parsed units, roll-up to sections/documents/threads, and table rows.

``ThemeTagger.load(settings.themes)`` loads the taxonomy, the lexicon and (for
``method = "model"``) the trained model; ``tag(doc)`` returns every theme whose score reaches
``settings.threshold``. A level-2 hit implies its level-1 parent (the parent's score is at
least the child's). ``aggregate`` rolls unit hits up to a larger unit, see its docstring.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

from pipeline.config import ThemeSettings
from pipeline.themes.labels import read_labels
from pipeline.themes.lexicon import Lexicon, Match, load_lexicon
from pipeline.themes.model import (
    ThemeModel,
    ThemeModelError,
    content_words,
    fit_model,
    lemma_text,
    read_meta,
    sha256_file,
)
from pipeline.themes.taxonomy import DATA_DIR, Taxonomy, load_taxonomy

log = logging.getLogger(__name__)

DEFAULT_MODEL_PATH = DATA_DIR / "themes_model.joblib"
DEFAULT_TRAINING_PATH = DATA_DIR / "themes_train.csv"
_RETRAINED: dict[tuple[str, str], ThemeModel] = {}


@dataclass(frozen=True)
class ThemeHit:
    """A theme found in a unit of text."""

    slug: str
    code: str | None
    level: str  # "1" | "2" | "cross"
    score: float
    evidence: list[str] = field(default_factory=list)
    method: str = "model"  # "model" | "lexicon"
    name: str = ""


class ThemeTagger:
    """Tags parsed Docs with themes, by the trained model or the lexicon."""

    def __init__(
        self,
        settings: ThemeSettings,
        taxonomy: Taxonomy,
        lexicon: Lexicon,
        model: ThemeModel | None = None,
    ) -> None:
        if settings.method == "model" and model is None:
            raise ThemeModelError("method 'model' needs a trained theme model")
        self.settings = settings
        self.taxonomy = taxonomy
        self.lexicon = lexicon
        self.model = model if settings.method == "model" else None

    @property
    def method(self) -> str:
        return "model" if self.model is not None else "lexicon"

    @classmethod
    def load(cls, settings: ThemeSettings, nlp: Language | None = None) -> ThemeTagger:
        """Load the taxonomy, lexicon and (for method "model") the model.

        The model is ``settings.model_path`` or the shipped default. When it was saved with
        another scikit-learn version or cannot be unpickled, it is retrained from its training
        data (once per process, with a warning), lemmatising with ``nlp`` or, when None, the
        rule-based fallback pipeline.

        Raises:
            ThemeModelError: a configured model is missing, or it is unusable and its training
                data cannot be found.
        """
        taxonomy = load_taxonomy()
        lexicon = load_lexicon(settings, taxonomy)
        model = None
        if settings.method == "model":
            model = load_model(settings, taxonomy, lexicon, nlp)
        return cls(settings, taxonomy, lexicon, model)

    def lexicon_matrix(self, docs: Sequence[Doc], labels: Sequence[str]) -> np.ndarray:
        """Lexicon scores, shape (n_docs, n_labels)."""
        index = {s: j for j, s in enumerate(labels)}
        out = np.zeros((len(docs), len(labels)))
        for i, doc in enumerate(docs):
            for slug, (score, _) in self.lexicon.score(doc).items():
                if slug in index:
                    out[i, index[slug]] = score
        return out

    def tag(self, doc: Doc) -> list[ThemeHit]:
        """Themes of one parsed unit, best first."""
        return self.tag_docs([doc])[0]

    def tag_docs(self, docs: Sequence[Doc]) -> list[list[ThemeHit]]:
        """Themes of several parsed units (one vectorisation for all), best first."""
        return self._tag_groups([[doc] for doc in docs])

    def tag_whole(self, docs: Sequence[Doc]) -> list[ThemeHit]:
        """Themes of several parsed units read as one text (e.g. a whole document), without
        parsing it again: their lemmas and lexicon matches are pooled."""
        return self._tag_groups([docs])[0] if docs else []

    def _tag_groups(self, groups: Sequence[Sequence[Doc]]) -> list[list[ThemeHit]]:
        threshold = self.settings.threshold
        if not groups:
            return []
        lexicon_scores = [
            self.lexicon.score_matches(m for doc in group for m in self._matches(doc))
            for group in groups
        ]
        if self.model is None:
            return [self._hits(scored, "lexicon") for scored in lexicon_scores]
        model = self.model
        words_of = [[self._words(doc) for doc in group] for group in groups]
        bags = model.bags(
            [ws[0].lemmas if len(ws) == 1 else [x for w in ws for x in w.lemmas] for ws in words_of]
        )
        features = model.bag_features(bags)
        column = {slug: j for j, slug in enumerate(model.labels)}
        lex = np.zeros((len(groups), len(model.labels)))
        for i, scored in enumerate(lexicon_scores):
            for slug, (score, _) in scored.items():
                if slug in column:
                    lex[i, column[slug]] = score
        scores = model.rescale(model.probabilities(features, lex), threshold)
        least = self.settings.min_model_words
        enough = [sum(len(w.lemmas) for w in ws) >= least for ws in words_of]
        selected = [
            np.flatnonzero(row >= threshold).tolist() if ok else []
            for row, ok in zip(scores, enough, strict=True)
        ]
        explained = model.explain_bags(features, bags, selected)
        limit = self.settings.max_evidence
        results: list[list[ThemeHit]] = []
        for i, ws in enumerate(words_of):
            if not enough[i]:
                results.append(self._hits(lexicon_scores[i], "lexicon"))
                continue
            surface = ws[0].surface if len(ws) == 1 else _first_wins([w.surface for w in ws])
            raw: dict[str, tuple[float, list[str]]] = {}
            for j, lemmas in zip(selected[i], explained[i], strict=True):
                slug = model.labels[j]
                # shown are the first max_evidence distinct words of the evidence lists a
                # theme (and its parent) collects: the rest of this one is never reached
                evidence = _dedupe((surface[x] for x in lemmas if x in surface), limit)
                if model.blend and slug in lexicon_scores[i]:
                    evidence += lexicon_scores[i][slug][1]
                raw[slug] = (float(scores[i, j]), evidence)
            results.append(self._hits(raw, "model"))
        return results

    def _matches(self, doc: Doc) -> list[Match]:
        """Lexicon matches of a Doc, found once per Doc (a unit is read again by each
        larger unit it belongs to)."""
        key = f"gemeentetaal.themes.matches.{id(self.lexicon)}"
        found = doc.user_data.get(key)
        if found is None:
            found = doc.user_data[key] = self.lexicon.match(doc)
        return found

    def _words(self, doc: Doc) -> _Words:
        """The model's words of a Doc (``_Words``), found once per Doc."""
        key = "gemeentetaal.themes.words"
        found = doc.user_data.get(key)
        if found is None:
            words = content_words(doc)
            strings = doc.vocab.strings
            surface: dict[str, str] = {}
            for lemma, _, orth, pos in words:
                # Evidence is shown to readers: content words only (not "langs", "komt").
                if (not pos or pos in _EVIDENCE_POS_IDS) and lemma not in surface:
                    surface[lemma] = strings[orth]
            found = doc.user_data[key] = _Words([w[0] for w in words], surface)
        return found

    def rollups(
        self, groups: Sequence[tuple[Sequence[Doc], Sequence[list[ThemeHit]], Sequence[float]]]
    ) -> list[list[ThemeHit]]:
        """``rollup`` for several larger units at once (one model call for all of them).

        Larger units made of the same Docs (a document of one section) are read once."""
        keys = [tuple(map(id, docs)) for docs, _, _ in groups]
        distinct = {key: docs for key, (docs, _, _) in zip(keys, groups, strict=True) if docs}
        wholes = dict(zip(distinct, self._tag_groups(list(distinct.values())), strict=True))
        return [
            self._merge(self.aggregate(children, weights), wholes[key] if docs else [])
            for key, (docs, children, weights) in zip(keys, groups, strict=True)
        ]

    def _merge(self, aggregated: list[ThemeHit], whole: list[ThemeHit]) -> list[ThemeHit]:
        merged = {h.slug: h for h in aggregated}
        for h in whole:
            old = merged.get(h.slug)
            if old is None or h.score > old.score:
                evidence = h.evidence + (old.evidence if old else [])
                merged[h.slug] = replace(h, evidence=_dedupe(evidence, self.settings.max_evidence))
        return sorted(merged.values(), key=lambda h: (-h.score, h.slug))

    def rollup(
        self,
        docs: Sequence[Doc],
        children: Sequence[list[ThemeHit]],
        weights: Sequence[float],
    ) -> list[ThemeHit]:
        """Themes of a larger unit (section, document, thread) from its parsed child units.

        A theme belongs to the larger unit when it runs through enough of the children
        (``aggregate``) or when the children read as one text are about it (``tag_whole``);
        the score is the higher of the two, the evidence of both is kept.
        """
        return self._merge(self.aggregate(children, weights), self.tag_whole(docs))

    def _hits(self, raw: dict[str, tuple[float, list[str]]], method: str) -> list[ThemeHit]:
        merged = dict(raw)
        for slug, (score, evidence) in raw.items():
            parent = self.taxonomy[slug].parent if slug in self.taxonomy else None
            if parent is not None:
                p_score, p_evidence = merged.get(parent, (0.0, []))
                merged[parent] = (max(p_score, score), p_evidence + evidence)
        hits = [
            self._hit(slug, score, evidence, method)
            for slug, (score, evidence) in merged.items()
            if slug in self.taxonomy and round(score, 4) >= self.settings.threshold
        ]
        return sorted(hits, key=lambda h: (-h.score, h.slug))

    def _hit(self, slug: str, score: float, evidence: list[str], method: str) -> ThemeHit:
        theme = self.taxonomy[slug]
        return ThemeHit(
            slug=slug,
            code=theme.code,
            level=theme.level,
            score=round(score, 4),
            evidence=_dedupe(evidence, self.settings.max_evidence),
            method=method,
            name=theme.name,
        )

    def aggregate(
        self, children: Sequence[list[ThemeHit]], weights: Sequence[float]
    ) -> list[ThemeHit]:
        """``aggregate`` with this tagger's settings."""
        return aggregate(children, weights, self.settings)


@dataclass(frozen=True)
class _Words:
    """What the model reads of a Doc: its content lemmas (``lemma_tokens``) and, for
    evidence, the text of each lemma's first content word (noun, proper noun, adjective)."""

    lemmas: list[str]
    surface: dict[str, str]


def _first_wins(surfaces: Sequence[dict[str, str]]) -> dict[str, str]:
    """The surfaces of several Docs read in order: a lemma keeps its first word."""
    merged: dict[str, str] = {}
    for surface in reversed(surfaces):
        merged.update(surface)
    return merged


# Parts of speech whose words may be shown as evidence for a theme (the model may also
# learn from function words and verbs; readers need the words that carry the topic).
EVIDENCE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_EVIDENCE_POS_IDS = frozenset(POS_IDS[name] for name in EVIDENCE_POS)


def _dedupe(words: Iterable[str], limit: int | None = None) -> list[str]:
    """The first ``limit`` (default: all) words, repeats left out case-insensitively."""
    seen: set[str] = set()
    out: list[str] = []
    for word in words:
        if len(out) == limit:
            break
        key = word.lower()
        if key not in seen:
            seen.add(key)
            out.append(word)
    return out


def aggregate(
    children: Sequence[list[ThemeHit]],
    weights: Sequence[float],
    settings: ThemeSettings | None = None,
) -> list[ThemeHit]:
    """Roll the hits of child units (paragraphs, comments) up to their parent unit.

    For each theme, ``share`` is the weight share of the children that have it (weights are
    e.g. word counts) and ``mean`` their weighted mean score. The parent's score is
    ``mean * min(1, share / settings.aggregate_coverage)``: a theme that runs through at
    least that share of the text keeps its children's confidence; a theme in one short
    paragraph of a long document is scored down. Evidence: the children's evidence words,
    most supported first.

    Args:
        children: the hits of each child unit.
        weights: one weight per child (> 0; e.g. the number of words).
        settings: theme settings (threshold, coverage, max evidence); defaults when None.

    Returns:
        Hits at or above ``settings.threshold``, best first.
    """
    settings = settings or ThemeSettings()
    if len(children) != len(weights):
        raise ValueError("aggregate: children and weights differ in length")
    total = float(sum(max(float(w), 0.0) for w in weights))
    if total <= 0:
        return []
    present: dict[str, float] = defaultdict(float)
    weighted: dict[str, float] = defaultdict(float)
    support: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    first: dict[str, ThemeHit] = {}
    for hits, w in zip(children, weights, strict=True):
        w = max(float(w), 0.0)
        for hit in hits:
            first.setdefault(hit.slug, hit)
            present[hit.slug] += w
            weighted[hit.slug] += w * hit.score
            for rank, word in enumerate(hit.evidence):
                support[hit.slug][word] += w * hit.score / (rank + 1)
    out: list[ThemeHit] = []
    for slug, w_present in present.items():
        if w_present <= 0:
            continue
        share = w_present / total
        score = round(weighted[slug] / w_present * min(1.0, share / settings.aggregate_coverage), 4)
        if score < settings.threshold:
            continue
        words = support[slug]
        ranked = sorted(words, key=lambda k: -words[k])  # stable: first seen wins ties
        hit = first[slug]
        out.append(
            ThemeHit(
                slug=slug,
                code=hit.code,
                level=hit.level,
                score=score,
                evidence=_dedupe(ranked, settings.max_evidence),
                method=hit.method,
                name=hit.name,
            )
        )
    return sorted(out, key=lambda h: (-h.score, h.slug))


def theme_rows(unit_id: str, unit_kind: str, hits: Sequence[ThemeHit]) -> list[dict[str, Any]]:
    """Rows for the ``themes`` table (pipeline/schemas/)."""
    return [
        {
            "unit_id": unit_id,
            "unit_kind": unit_kind,
            "slug": h.slug,
            "code": h.code,
            "level": h.level,
            "name": h.name,
            "score": float(h.score),
            "evidence": list(h.evidence),
            "method": h.method,
        }
        for h in hits
    ]


def theme_name_rows(taxonomy: Taxonomy | None = None) -> list[dict[str, Any]]:
    """Rows for the ``theme_names`` table: every theme of the taxonomy with its full name."""
    taxonomy = taxonomy or load_taxonomy()
    return [
        {"slug": t.slug, "code": t.code, "level": t.level, "name": t.name,
         "parent_slug": t.parent}
        for t in taxonomy
    ]  # fmt: skip


def train_tagger(
    labels_path: Path,
    settings: ThemeSettings,
    nlp: Language,
    out: Path | None = None,
    taxonomy: Taxonomy | None = None,
    lexicon: Lexicon | None = None,
) -> tuple[ThemeModel, dict[str, Any]]:
    """Train a theme model on a labels CSV and save it (with metadata) to ``out``.

    Args:
        labels_path: CSV with ``text`` and ``labels`` (slugs separated by ``;``).
        settings: theme settings.
        nlp: the Dutch pipeline used for lemmas.
        out: where to save the model (``.joblib``; metadata in ``.json`` beside it).
        taxonomy: the taxonomy (loaded when None).
        lexicon: the lexicon (loaded when None).

    Returns:
        The model and its training report.

    Raises:
        LabelsError: the labels file is unusable.
        ThemeModelError: too few examples to train.
    """
    taxonomy = taxonomy or load_taxonomy()
    lexicon = lexicon or load_lexicon(settings, taxonomy)
    rows = read_labels(labels_path, taxonomy)
    docs = list(nlp.pipe(r.text for r in rows))
    tagger = ThemeTagger(settings.model_copy(update={"method": "lexicon"}), taxonomy, lexicon)
    lex = tagger.lexicon_matrix(docs, taxonomy.slugs)
    model, report = fit_model(
        [lemma_text(d) for d in docs],
        [set(r.labels) for r in rows],
        settings,
        lexicon_scores=lex,
        label_order=taxonomy.slugs,
    )
    labels_path = Path(labels_path).resolve()
    try:
        training = str(labels_path.relative_to(DATA_DIR))
    except ValueError:
        training = str(labels_path)
    model.meta.update(
        training_data=training,
        training_sha256=sha256_file(labels_path),
        lemmatiser=f"{nlp.meta.get('lang', 'nl')}_{nlp.meta.get('name', '?')} "
        f"{nlp.meta.get('version', '?')}",
        lexicon_sha256=sha256_file(lexicon.path) if lexicon.path else None,
    )
    report = {**report, **model.meta}
    if out is not None:
        model.save(Path(out))
    return model, report


def load_model(
    settings: ThemeSettings,
    taxonomy: Taxonomy,
    lexicon: Lexicon,
    nlp: Language | None = None,
) -> ThemeModel:
    """Load the configured or default model, retraining it when it cannot be used as is."""
    import sklearn

    path = Path(settings.model_path) if settings.model_path else DEFAULT_MODEL_PATH
    if settings.model_path and not path.is_file():
        raise ThemeModelError(f"{path}: theme model not found")
    meta = read_meta(path)
    reason: str | None = None
    if not path.is_file():
        reason = "theme model not found"
    elif meta.get("sklearn_version") != sklearn.__version__:
        reason = (
            f"theme model was saved with scikit-learn {meta.get('sklearn_version', '?')}, "
            f"installed is {sklearn.__version__}"
        )
    else:
        try:
            return ThemeModel.load(path)
        except ThemeModelError as exc:
            reason = str(exc)
    training = meta.get("training_data") or (
        DEFAULT_TRAINING_PATH.name if path == DEFAULT_MODEL_PATH else None
    )
    training_path = DATA_DIR / training if training else None
    if training_path is None or not training_path.is_file():
        raise ThemeModelError(
            f"{path}: {reason}; retrain it with `gemeentetaal themes train LABELS.csv --out {path}`"
        )
    key = (str(path), sha256_file(training_path))
    if key not in _RETRAINED:
        log.warning("%s: %s; retraining from %s for this run", path, reason, training_path)
        if nlp is None:
            from pipeline.nlp import make_fallback_pipeline

            nlp = make_fallback_pipeline()
        _RETRAINED[key], _ = train_tagger(training_path, settings, nlp, None, taxonomy, lexicon)
    return _RETRAINED[key]
