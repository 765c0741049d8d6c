"""The supervised theme model: TF-IDF on lemmas + one-vs-rest logistic regression.

Features are built from lowercased lemmas only (stop words, numbers and punctuation left out),
so they depend as little as possible on which Dutch spaCy pipeline is installed; the fallback
pipeline lemmatises with simplemma. Two TF-IDF blocks: lemma unigrams, and character 3-5-grams
inside lemmas (``char_wb``), which catch compounds ("woningbouwproject") and smooth over
lemmatiser differences.

Per label, a logistic regression (``class_weight="balanced"``) gives a probability ``p``.
Optionally the lexicon score ``q`` is blended in: ``(1 - blend) * p + blend * q``. The
regularisation ``C``, the ``blend`` and a threshold ``t`` per label are chosen by
cross-validation on the training set only. Scores are mapped piecewise-linearly so that ``t``
lands on ``settings.threshold`` (``T``): ``s = T * p / t`` below ``t`` and
``T + (1 - T) * (p - t) / (1 - t)`` above, which keeps the order and [0, 1], and makes
"score >= threshold" mean "above the label's tuned threshold".
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from pipeline.config import ThemeSettings

MODEL_FORMAT = "gemeentetaal.themes_model.v1"
C_GRID = (2.0, 8.0, 32.0)
BLEND_GRID = (0.0, 0.25, 0.5, 0.75)
THRESHOLD_GRID = tuple(round(x, 2) for x in np.arange(0.05, 0.96, 0.05))
RANDOM_STATE = 0
FEATURE_CACHE = 200_000  # lemmas whose features explain() remembers


class ThemeModelError(ValueError):
    """A theme model cannot be trained, saved or loaded."""


def lemma_tokens(doc: Doc) -> list[tuple[str, Token]]:
    """Content lemmas of a Doc (lowercased) with their tokens.

    Tokens need two or more characters and a letter; stop words, numbers, URLs and e-mail
    addresses are left out. When a token has no lemma, its lowercased text is used.
    """
    out: list[tuple[str, Token]] = []
    memo = _CONTENT_LEMMAS
    for token in doc:
        # the answer depends on the word and its lemma only: their hashes key the memo
        key = (token.orth, token.lemma, token.lang)
        lemma = memo.get(key, memo)
        if lemma is memo:
            if len(memo) >= FEATURE_CACHE:
                memo.clear()
            lemma = memo[key] = _content_lemma(token)
        if lemma is not None:
            out.append((lemma, token))  # type: ignore[arg-type]
    return out


_CONTENT_LEMMAS: dict[tuple[int, int, int], str | None] = {}


def _content_lemma(token: Token) -> str | None:
    """The lowercased lemma of a content word (see ``lemma_tokens``), else None."""
    if token.like_num or token.like_url or token.like_email or len(token.text) < 2:
        return None
    lemma = (token.lemma_ or token.text).lower()
    if not any(ch.isalpha() for ch in lemma):
        return None
    if lemma in STOP_WORDS or token.lower_ in STOP_WORDS:
        return None
    return lemma


def lemma_text(doc: Doc) -> str:
    """The content lemmas of a Doc joined by spaces: the model's input."""
    return " ".join(lemma for lemma, _ in lemma_tokens(doc))


def _vectorizer() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion(
        [
            (
                "word",
                TfidfVectorizer(
                    token_pattern=r"[^ ]+", lowercase=False, sublinear_tf=True, min_df=1
                ),
            ),
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2
                ),
            ),
        ]
    )


def _classifier(c: float) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    return OneVsRestClassifier(
        LogisticRegression(
            C=c,
            class_weight="balanced",
            solver="liblinear",
            dual=True,  # far faster than the primal when features outnumber examples
            max_iter=5000,
            random_state=RANDOM_STATE,
        )
    )


def _best_thresholds(y: np.ndarray, probs: np.ndarray) -> tuple[np.ndarray, float]:
    """Per-label thresholds that maximise F1, and the micro-F1 they give."""
    thresholds = np.full(y.shape[1], 0.5)
    for j in range(y.shape[1]):
        best = -1.0
        for t in THRESHOLD_GRID:
            pred = probs[:, j] >= t
            tp = float(np.sum(pred & (y[:, j] == 1)))
            denom = float(np.sum(pred) + np.sum(y[:, j]))
            f1 = 2 * tp / denom if denom else 0.0
            if f1 > best + 1e-9:
                best, thresholds[j] = f1, t
    pred = probs >= thresholds
    tp = float(np.sum(pred & (y == 1)))
    denom = float(np.sum(pred) + np.sum(y))
    return thresholds, (2 * tp / denom if denom else 0.0)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class ThemeModel:
    """A fitted theme model: vectorizer, classifier, labels, blend and per-label thresholds."""

    vectorizer: Any
    classifier: Any
    labels: list[str]
    thresholds: np.ndarray
    blend: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)
    _linear: tuple[Any, np.ndarray] | None = field(default=None, init=False, repr=False)
    _features: dict[str, tuple[int, np.ndarray, np.ndarray]] = field(
        default_factory=dict, init=False, repr=False
    )
    _char_analyse: Any = field(default=None, init=False, repr=False)

    def _stacked(self) -> tuple[Any, np.ndarray] | None:
        """Coefficients and intercepts of all binary logistic regressions as one matrix.

        ``OneVsRestClassifier.predict_proba`` (multi-label) returns each estimator's
        ``expit(decision)``; one sparse product for all labels gives the same numbers without
        59 separate scikit-learn calls. None when an estimator is not a binary linear model.
        """
        if self._linear is None:
            estimators = getattr(self.classifier, "estimators_", [])
            if (
                not estimators
                or not all(
                    getattr(e, "coef_", None) is not None and np.shape(e.coef_)[0] == 1
                    for e in estimators
                )
                or not getattr(self.classifier, "multilabel_", False)
            ):
                return None
            coef = sparse.csr_matrix(np.vstack([np.asarray(e.coef_).ravel() for e in estimators]))
            intercept = np.array([float(np.ravel(e.intercept_)[0]) for e in estimators])
            self._linear = (coef.T.tocsc(), intercept)
        return self._linear

    def features(self, texts: Sequence[str]) -> sparse.csr_matrix:
        return sparse.csr_matrix(self.vectorizer.transform(list(texts)))

    def lemma_features(self, lemma_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """``features`` of the texts ``" ".join(lemmas)``, summed from each lemma's cached
        word and character n-gram counts (``_lemma_features``) and weighted by the
        vectorizers' own tf-idf step: the same matrix to the last bit, without analysing
        every text again (a roll-up repeats the lemmas of its units). Character n-grams
        stay within white-space-separated words, so a text's counts are its lemmas' counts
        summed. Falls back to ``features`` for a vectorizer of another make, and for the
        texts with a lemma with a space in it."""
        texts = [" ".join(lemmas) for lemmas in lemma_lists]
        parts = self._count_parts()
        if parts is None or not texts:
            return self.features(texts)
        # a lemma with a space is split by the word features: the vectorizer counts that text
        spaced = [
            i for i, (text, lemmas) in enumerate(zip(texts, lemma_lists, strict=True))
            if text.count(" ") != max(len(lemmas) - 1, 0)
        ]  # fmt: skip
        if len(spaced) == len(texts):
            return self.features(texts)
        if spaced:
            alone = set(spaced)
            others = [i for i in range(len(texts)) if i not in alone]
            stacked = sparse.vstack(
                [
                    self.lemma_features([lemma_lists[i] for i in others]),
                    self.features([texts[i] for i in spaced]),
                ],
                format="csr",
            )  # rows are independent: each row is the same as in one call for all texts
            order = np.argsort(np.array(others + spaced), kind="stable")
            return sparse.csr_matrix(stacked[order])
        (word_vec, n_word), (char_vec, n_char) = parts
        rows: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for i, lemmas in enumerate(lemma_lists):
            for lemma, n in Counter(lemmas).items():
                word, grams, ks = self._lemma_features(lemma)
                if word >= 0:
                    grams = np.concatenate([[word], grams])
                    ks = np.concatenate([[1], ks])
                rows.append(np.full(len(grams), i, dtype=np.int64))
                cols.append(grams)
                values.append(n * ks)
        empty = np.zeros(0, dtype=np.int64)
        row = np.concatenate(rows) if rows else empty
        col = np.concatenate(cols) if cols else empty
        value = np.concatenate(values) if values else empty
        blocks = []
        for vec, low, size in ((word_vec, 0, n_word), (char_vec, n_word, n_char)):
            inside = (col >= low) & (col < low + size)
            counts = sparse.csr_matrix(
                (value[inside].astype(vec.dtype), (row[inside], col[inside] - low)),
                shape=(len(texts), size),
                dtype=vec.dtype,
            )  # duplicates (a gram of several lemmas) are summed, as the vectorizer counts
            counts.sum_duplicates()
            counts.sort_indices()
            blocks.append(vec._tfidf.transform(counts, copy=False))
        return sparse.csr_matrix(sparse.hstack(blocks, format="csr"))

    def _count_parts(self) -> tuple[tuple[Any, int], tuple[Any, int]] | None:
        """The word and character vectorizers with their sizes, when ``lemma_features`` can
        count for them: the vectorizer ``_vectorizer`` makes (word features split at spaces,
        as written; character n-grams within words), else None."""
        union = self.vectorizer
        steps = getattr(union, "transformer_list", None)
        if not steps or [name for name, _ in steps] != ["word", "char"]:
            return None
        if getattr(union, "transformer_weights", None) is not None:
            return None
        word_vec, char_vec = (t for _, t in steps)
        for vec in (word_vec, char_vec):
            if not hasattr(vec, "_tfidf") or not hasattr(vec, "vocabulary_") or vec.binary:
                return None
            if vec.preprocessor is not None or vec.tokenizer is not None:
                return None
        word_ok = (
            word_vec.analyzer == "word" and word_vec.token_pattern == r"[^ ]+"
            and not word_vec.lowercase and word_vec.strip_accents is None
            and word_vec.stop_words is None and tuple(word_vec.ngram_range) == (1, 1)
        )  # fmt: skip
        if not word_ok or char_vec.analyzer != "char_wb":
            return None
        return (word_vec, len(word_vec.vocabulary_)), (char_vec, len(char_vec.vocabulary_))

    def probabilities(
        self, features: sparse.csr_matrix, lexicon_scores: np.ndarray | None = None
    ) -> np.ndarray:
        """Blended probabilities, shape (n_texts, n_labels)."""
        from scipy.special import expit

        stacked = self._stacked()
        if stacked is not None:
            coef_t, intercept = stacked
            probs = expit(np.asarray((features @ coef_t).todense()) + intercept)
        else:
            probs = np.asarray(self.classifier.predict_proba(features), dtype=float)
        if self.blend and lexicon_scores is not None:
            probs = (1 - self.blend) * probs + self.blend * lexicon_scores
        return probs

    def rescale(self, probs: np.ndarray, threshold: float) -> np.ndarray:
        """Map each label's tuned threshold onto ``threshold`` (see the module docstring)."""
        t = self.thresholds
        low = threshold * probs / t
        high = threshold + (1 - threshold) * (probs - t) / (1 - t)
        return np.clip(np.where(probs < t, low, high), 0.0, 1.0)

    def explain(self, row: sparse.csr_matrix, lemmas: Sequence[str], label: int) -> list[str]:
        """Lemmas of the input ranked by their positive contribution (coef x tf-idf) to a label.

        Word features belong to their lemma; a character n-gram's contribution is shared among
        the lemmas that contain it, in proportion to how often each contains it.
        """
        return self.explain_labels(row, lemmas, [label])[0]

    def explain_labels(
        self, row: sparse.csr_matrix, lemmas: Sequence[str], labels: Sequence[int]
    ) -> list[list[str]]:
        """``explain`` for several labels of one input: the lemma-to-feature shares are built
        once and each label's ranking is one sparse product."""
        if not labels:
            return []
        row = sparse.csr_matrix(row)
        counts = Counter(lemmas)
        names = list(counts)
        features = [self._lemma_features(lemma) for lemma in names]
        n = np.fromiter(counts.values(), dtype=np.int64, count=len(names))
        words = np.fromiter((w for w, _, _ in features), dtype=np.int64, count=len(names))
        sizes = np.fromiter((len(c) for _, c, _ in features), dtype=np.int64, count=len(names))
        empty = np.zeros(0, dtype=np.int64)
        cols = np.concatenate([c for _, c, _ in features]) if features else empty
        ks = np.concatenate([k for _, _, k in features]) if features else empty
        rows_of = np.repeat(np.arange(len(names)), sizes)
        # A character n-gram's contribution is shared in proportion to n x k (k: how often
        # the lemma contains it, n: how often the lemma occurs); sums of integers, so the
        # shares are the same floats a loop over the lemmas gives.
        weight = n[rows_of] * ks
        _, inverse = np.unique(cols, return_inverse=True)
        totals = np.bincount(inverse, weights=weight)[inverse] if len(cols) else weight
        # positions of the features in the row (its present features)
        order = np.argsort(row.indices, kind="stable")
        known = row.indices[order]

        def positions(columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            at = np.minimum(np.searchsorted(known, columns), max(len(known) - 1, 0))
            hit = (known[at] == columns) if len(known) else np.zeros(len(columns), dtype=bool)
            return hit, order[at[hit]] if len(known) else empty

        word_hit, word_pos = positions(words)
        gram_hit, gram_pos = positions(cols)
        r_idx = np.concatenate([np.flatnonzero(word_hit), rows_of[gram_hit]])
        c_idx = np.concatenate([word_pos, gram_pos])
        share = np.concatenate([np.ones(len(word_pos)), weight[gram_hit] / totals[gram_hit]])
        shares = sparse.csr_matrix((share, (r_idx, c_idx)), shape=(len(names), len(row.indices)))
        out: list[list[str]] = []
        for label in labels:
            contrib = row.data * self._coef(label)[row.indices]
            scores = shares @ contrib
            ranked = sorted(
                ((float(scores[i]), names[i]) for i in np.flatnonzero(scores > 0)),
                key=lambda x: (-x[0], x[1]),
            )
            out.append([lemma for _, lemma in ranked])
        return out

    def _lemma_features(self, lemma: str) -> tuple[int, np.ndarray, np.ndarray]:
        """A lemma's word feature (-1 when it has none), its character n-gram features and
        how often it contains each, in the analyser's order (cached per model)."""
        found = self._features.get(lemma)
        if found is None:
            word_vec, char_vec = (t for _, t in self.vectorizer.transformer_list)
            n_word = len(word_vec.vocabulary_)
            if self._char_analyse is None:
                self._char_analyse = char_vec.build_analyzer()
            grams = Counter(self._char_analyse(lemma))
            pairs = [
                (n_word + char_vec.vocabulary_[g], k)
                for g, k in grams.items()
                if g in char_vec.vocabulary_
            ]
            found = (
                word_vec.vocabulary_.get(lemma, -1),
                np.array([j for j, _ in pairs], dtype=np.int64),
                np.array([k for _, k in pairs], dtype=np.int64),
            )
            if len(self._features) >= FEATURE_CACHE:
                self._features.clear()
            self._features[lemma] = found
        return found

    def _coef(self, label: int) -> np.ndarray:
        estimator = self.classifier.estimators_[label]
        return np.asarray(estimator.coef_).ravel()

    def save(self, path: Path) -> None:
        """Write ``path`` (joblib) and its metadata beside it (``.json``)."""
        import joblib
        import sklearn

        from pipeline.outputs import atomic_path, atomic_write_text

        for _, vectorizer in self.vectorizer.transformer_list:
            if hasattr(vectorizer, "stop_words_"):  # pruned terms; only for introspection
                del vectorizer.stop_words_
        state = {
            "format": MODEL_FORMAT,
            "vectorizer": self.vectorizer,
            "classifier": self.classifier,
            "labels": self.labels,
            "thresholds": self.thresholds.tolist(),
            "blend": self.blend,
        }
        meta = {**self.meta, "format": MODEL_FORMAT, "sklearn_version": sklearn.__version__}
        with atomic_path(path) as tmp:
            joblib.dump(state, tmp, compress=3)
        atomic_write_text(meta_path(path), json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
        self.meta = meta

    @classmethod
    def load(cls, path: Path) -> ThemeModel:
        """Load a model saved with ``save``; any failure raises ``ThemeModelError``."""
        import joblib

        try:
            state = joblib.load(path)
            meta = read_meta(path)
            if state.get("format") != MODEL_FORMAT:
                raise ThemeModelError(f"{path}: not a gemeentetaal theme model")
            return cls(
                vectorizer=state["vectorizer"],
                classifier=state["classifier"],
                labels=list(state["labels"]),
                thresholds=np.asarray(state["thresholds"], dtype=float),
                blend=float(state["blend"]),
                meta=meta,
            )
        except ThemeModelError:
            raise
        except Exception as exc:  # unpickling can fail in many ways across versions
            raise ThemeModelError(f"{path}: cannot load theme model: {exc}") from exc


def meta_path(path: Path) -> Path:
    return path.with_suffix(".json")


def read_meta(path: Path) -> dict[str, Any]:
    """The JSON metadata beside a model file ({} when missing or unreadable)."""
    try:
        data = json.loads(meta_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def fit_model(
    texts: Sequence[str],
    label_sets: Sequence[set[str]],
    settings: ThemeSettings,
    lexicon_scores: np.ndarray | None = None,
    label_order: Sequence[str] | None = None,
) -> tuple[ThemeModel, dict[str, Any]]:
    """Fit the model on lemma texts and label sets; tune C, blend and thresholds by CV.

    Args:
        texts: lemma texts (``lemma_text``) of the training examples.
        label_sets: the gold slugs of each example.
        settings: theme settings (``min_label_examples``, ``cv_folds``).
        lexicon_scores: lexicon scores per example and label (in ``label_order``); when given,
            blending with the lexicon is tried.
        label_order: all candidate labels (e.g. the taxonomy's slugs) in a fixed order.

    Returns:
        The model and a report: kept and dropped labels, chosen C and blend, CV micro-F1.

    Raises:
        ThemeModelError: too few examples or no label with enough examples.
    """
    from sklearn.model_selection import KFold, cross_val_predict

    counts = Counter(slug for labels in label_sets for slug in labels)
    order = list(label_order) if label_order is not None else sorted(counts)
    kept = [s for s in order if counts[s] >= settings.min_label_examples]
    dropped = sorted(s for s in counts if s not in kept)
    n_rows = len(texts)
    if not kept:
        raise ThemeModelError(
            f"no theme has {settings.min_label_examples} or more examples; add labelled rows"
        )
    if n_rows < settings.cv_folds * 2:
        raise ThemeModelError(f"{n_rows} labelled rows is too few; need {settings.cv_folds * 2}")
    y = np.array([[int(s in labels) for s in kept] for labels in label_sets])
    if np.any(y.sum(axis=0) == n_rows):
        raise ThemeModelError("a theme is on every row; add examples without it")
    lex = None
    if lexicon_scores is not None:
        idx = [order.index(s) for s in kept]
        lex = np.asarray(lexicon_scores, dtype=float)[:, idx]
    folds = KFold(n_splits=settings.cv_folds, shuffle=True, random_state=RANDOM_STATE)
    best: tuple[float, float, float, np.ndarray] | None = None
    for c in C_GRID:
        model = _vectorizer_classifier(c)
        with warnings.catch_warnings():
            # A rare theme may have no example in one fold's training part; OvR then predicts
            # a constant for that fold, which is what we want.
            warnings.filterwarnings("ignore", message="Label not .* is present in all training")
            probs = cross_val_predict(model, list(texts), y, cv=folds, method="predict_proba")
        for blend in BLEND_GRID if lex is not None else (0.0,):
            mixed = (1 - blend) * probs + blend * lex if blend and lex is not None else probs
            thresholds, f1 = _best_thresholds(y, mixed)
            if best is None or f1 > best[0] + 1e-9:
                best = (f1, c, blend, thresholds)
    assert best is not None
    f1, c, blend, thresholds = best
    vectorizer = _vectorizer()
    features = vectorizer.fit_transform(list(texts))
    classifier = _classifier(c).fit(features, y)
    for estimator in classifier.estimators_:  # halves the file; well within the model's noise
        estimator.coef_ = estimator.coef_.astype(np.float32)
    report = {
        "labels": kept,
        "dropped_labels": dropped,
        "C": c,
        "blend": blend,
        "cv_micro_f1": round(f1, 4),
        "n_rows": n_rows,
        "trained": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    model = ThemeModel(vectorizer, classifier, kept, thresholds, blend, meta=dict(report))
    return model, report


def _vectorizer_classifier(c: float) -> Any:
    from sklearn.pipeline import Pipeline

    return Pipeline([("features", _vectorizer()), ("classifier", _classifier(c))])
