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
from spacy.attrs import LANG, LEMMA, ORTH, POS
from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from pipeline.cache import WORD_MEMO, make_room
from pipeline.config import ThemeSettings

MODEL_FORMAT = "gemeentetaal.themes_model.v1"
C_GRID = (2.0, 8.0, 32.0)
BLEND_GRID = (0.0, 0.25, 0.5, 0.75)
THRESHOLD_GRID = tuple(round(x, 2) for x in np.arange(0.05, 0.96, 0.05))
RANDOM_STATE = 0
FEATURE_CACHE = WORD_MEMO  # lemmas (and word/lemma pairs) whose features the model remembers


class ThemeModelError(ValueError):
    """A theme model cannot be trained, saved or loaded."""


def lemma_tokens(doc: Doc) -> list[tuple[str, Token]]:
    """Content lemmas of a Doc (lowercased) with their tokens.

    Tokens need two or more characters and a letter; stop words, numbers, URLs, e-mail
    addresses and the privacy placeholders ("[naam]", "[e-mail]", also glued to other text:
    "TL-licht-[naam") are left out. When a token has no lemma, its lowercased text is used.
    """
    return [(lemma, doc[i]) for lemma, i, _, _ in content_words(doc)]


def content_words(doc: Doc) -> list[tuple[str, int, int, int]]:
    """``lemma_tokens`` without Token objects: each content lemma with its token's position,
    word (ORTH hash) and part of speech (POS id)."""
    out: list[tuple[str, int, int, int]] = []
    memo = _CONTENT_LEMMAS
    rows = doc.to_array([ORTH, LEMMA, LANG, POS]).tolist()
    strings = doc.vocab.strings
    opening = strings.add("[")
    last = len(rows) - 1
    for i, (orth, lemma_id, lang, pos) in enumerate(rows):
        # the answer depends on the word and its lemma only: their hashes key the memo
        key = (orth, lemma_id, lang)
        lemma = memo.get(key, memo)
        if lemma is memo:
            make_room(memo, FEATURE_CACHE)
            lemma = memo[key] = _content_lemma(doc[i])
        if lemma is not None and not (
            0 < i < last and rows[i - 1][0] == opening and doc[i + 1].text.startswith("]")
        ):  # a placeholder: "[", "e-mail", "]" (or "],(")
            out.append((lemma, i, orth, pos))  # type: ignore[arg-type]
    return out


_CONTENT_LEMMAS: dict[tuple[int, int, int], str | None] = {}


def _content_lemma(token: Token) -> str | None:
    """The lowercased lemma of a content word (see ``lemma_tokens``), else None."""
    if token.like_num or token.like_url or token.like_email or len(token.text) < 2:
        return None
    if "[" in token.text or "]" in token.text:  # a placeholder glued to text: "TL-licht-[naam"
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
    _linear: tuple[np.ndarray, np.ndarray] | None = field(default=None, init=False, repr=False)
    _features: dict[str, tuple[np.ndarray, np.ndarray]] = field(
        default_factory=dict, init=False, repr=False
    )

    def _stacked(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Coefficients (features x labels, dense) and intercepts of all binary logistic
        regressions.

        ``OneVsRestClassifier.predict_proba`` (multi-label) returns each estimator's
        ``expit(decision)``; one product for all labels gives the same numbers without 59
        separate scikit-learn calls. None when an estimator is not a binary linear model.
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
            coef = np.vstack([np.asarray(e.coef_, dtype=np.float64).ravel() for e in estimators])
            intercept = np.array([float(np.ravel(e.intercept_)[0]) for e in estimators])
            self._linear = (np.ascontiguousarray(coef.T), intercept)
        return self._linear

    def features(self, texts: Sequence[str]) -> sparse.csr_matrix:
        return sparse.csr_matrix(self.vectorizer.transform(list(texts)))

    def lemma_features(self, lemma_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """``features`` of the texts ``" ".join(lemmas)`` (see ``bag_features``)."""
        return self.bag_features(self.bags(lemma_lists))

    def bags(self, lemma_lists: Sequence[Sequence[str]]) -> LemmaBags:
        """The lemmas of several texts counted once, for ``bag_features`` and
        ``explain_bags``."""
        index: dict[str, int] = {}
        cols: list[int] = []
        values: list[int] = []
        indptr = [0]
        for lemmas in lemma_lists:
            counted = Counter(lemmas)
            cols += [index.setdefault(lemma, len(index)) for lemma in counted]
            values += counted.values()
            indptr.append(len(cols))
        counts = sparse.csr_matrix(
            (np.array(values, dtype=np.int64), np.array(cols, dtype=np.int64), indptr),
            shape=(len(lemma_lists), len(index)),
        )
        return LemmaBags(lemma_lists, list(index), counts)

    def bag_features(self, bags: LemmaBags) -> sparse.csr_matrix:
        """``features`` of the texts of ``bags``: each text's word and character n-gram counts
        are its lemmas' cached counts (``_lemma_rows``) summed with one sparse product, and
        weighted by the vectorizers' own tf-idf step: the same matrix to the last bit, without
        analysing every text again (a roll-up repeats the lemmas of its units). Character
        n-grams stay within white-space-separated words, so a text's counts are its lemmas'
        counts summed. Falls back to ``features`` for a vectorizer of another make, and for
        the texts with a lemma with a space in it."""
        lemma_lists = bags.lemma_lists
        texts = [" ".join(lemmas) for lemmas in lemma_lists]
        parts = self._count_parts()
        if parts is None or not texts:
            return self.features(texts)
        # a lemma with a space is split by the word features: the vectorizer counts that text
        with_space = np.array([" " in name for name in bags.names], dtype=np.int64)
        spaced = np.flatnonzero(bags.counts @ with_space).tolist()
        if len(spaced) == len(texts):
            return self.features(texts)
        (word_vec, n_word), (char_vec, n_char) = parts
        totals = self._bag_grams(bags)[1]
        blocks = [
            vec._tfidf.transform(totals[:, low : low + size].astype(vec.dtype), copy=False)
            for vec, low, size in ((word_vec, 0, n_word), (char_vec, n_word, n_char))
        ]  # rows are independent: each row is the same as in a call for that text alone
        out = sparse.csr_matrix(sparse.hstack(blocks, format="csr"))
        if not spaced:
            return out
        alone = set(spaced)
        others = [i for i in range(len(texts)) if i not in alone]
        stacked = sparse.vstack(
            [out[others], self.features([texts[i] for i in spaced])], format="csr"
        )
        order = np.argsort(np.array(others + spaced), kind="stable")
        return sparse.csr_matrix(stacked[order])

    def _bag_grams(self, bags: LemmaBags) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """The feature counts of each lemma of ``bags`` (lemmas x features) and of each text
        (texts x features; integers, sorted indices), made once per ``bags``."""
        if bags.grams is None or bags.totals is None:
            rows = self._lemma_rows(bags.names)
            sizes = np.fromiter((len(c) for c, _ in rows), dtype=np.int64, count=len(rows))
            empty = np.zeros(0, dtype=np.int64)
            word_vec, char_vec = (t for _, t in self.vectorizer.transformer_list)
            bags.grams = sparse.csr_matrix(
                (
                    np.concatenate([k for _, k in rows]) if rows else empty,
                    np.concatenate([c for c, _ in rows]) if rows else empty,
                    np.concatenate([[0], np.cumsum(sizes)]),
                ),
                shape=(len(rows), len(word_vec.vocabulary_) + len(char_vec.vocabulary_)),
            )
            totals = sparse.csr_matrix(bags.counts @ bags.grams)
            totals.sort_indices()  # sums of integers: exact in any order
            bags.totals = totals
        return bags.grams, bags.totals

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
            # sparse x dense, as scikit-learn's decision_function: each sum in row order
            coef_t, intercept = stacked
            probs = expit(np.asarray(features @ coef_t) + intercept)
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
        """``explain`` for several labels of one input (see ``explain_bags``)."""
        return self.explain_bags(row, self.bags([lemmas]), [labels])[0]

    def explain_bags(
        self, features: sparse.csr_matrix, bags: LemmaBags, labels: Sequence[Sequence[int]]
    ) -> list[list[list[str]]]:
        """``explain`` for several texts (rows of ``features``, lemmas in ``bags``) and
        labels of each, at once: the lemma-to-feature shares of all texts are built with
        numpy, and each label's rankings are one sparse product over the texts that have it.
        A character n-gram's contribution is shared in proportion to n x k (k: how often the
        lemma contains it, n: how often the lemma occurs) divided by the text's count of it;
        sums of integers, so the shares are the same floats a loop over the lemmas gives, and
        each lemma's sum runs over its features in the order of the text's row, as the
        product for one text alone does: the same numbers to the last bit.

        Returns:
            For each text, for each of its labels, the lemmas with a positive contribution,
            largest first (ties by lemma).
        """
        wanted = [(i, label) for i, ls in enumerate(labels) for label in dict.fromkeys(ls)]
        ranked: dict[tuple[int, int], list[str]] = {}
        if wanted:
            ranked = self._rank_lemmas(sparse.csr_matrix(features), bags, wanted)
        return [[ranked.get((i, label), []) for label in ls] for i, ls in enumerate(labels)]

    def _rank_lemmas(
        self, x: sparse.csr_matrix, bags: LemmaBags, wanted: list[tuple[int, int]]
    ) -> dict[tuple[int, int], list[str]]:
        """``explain_bags`` for the (text, label) pairs ``wanted`` (labels not repeated)."""
        grams, totals = self._bag_grams(bags)
        n_features = grams.shape[1]
        n_word = len(self.vectorizer.transformer_list[0][1].vocabulary_)
        texts = np.unique(np.fromiter((i for i, _ in wanted), dtype=np.int64))
        # the (text, lemma) pairs of those texts, then each pair's features (entries)
        sub = sparse.csr_matrix(bags.counts[texts])
        pair_text = np.repeat(texts, np.diff(sub.indptr))
        pair_lemma = sub.indices.astype(np.int64)
        sizes = np.diff(grams.indptr)[pair_lemma]
        entry_pair = np.repeat(np.arange(len(pair_lemma)), sizes)
        at = _ranges(grams.indptr[pair_lemma], sizes)
        col = grams.indices[at].astype(np.int64)
        weight = sub.data[entry_pair] * grams.data[at]
        key = pair_text[entry_pair] * n_features + col
        at_total = np.searchsorted(_keys(totals, n_features), key)
        total = totals.data[at_total]
        order = None
        if x.shape == totals.shape and _same_layout(x, totals):  # x = bag_features(bags)
            hit, position = np.ones(len(key), dtype=bool), at_total
        else:
            x_keys = _keys(x, n_features)
            order = None if x.has_sorted_indices else np.argsort(x_keys, kind="stable")
            if order is not None:
                x_keys = x_keys[order]
            pos = np.minimum(np.searchsorted(x_keys, key), max(len(x_keys) - 1, 0))
            hit = x_keys[pos] == key if len(x_keys) else np.zeros(len(key), dtype=bool)
            position = pos[hit] if order is None else order[pos[hit]]  # in x.data
        entry_pair = entry_pair[hit]
        share = np.where(col[hit] < n_word, 1.0, weight[hit] / total[hit])
        if order is not None:  # a lemma's sum runs in the order of its text's row
            resort = np.lexsort((position, entry_pair))
            entry_pair, position, share = entry_pair[resort], position[resort], share[resort]
        pair_ptr = np.concatenate(
            [[0], np.cumsum(np.bincount(entry_pair, minlength=len(pair_lemma)))]
        )
        text_at = {int(t): n for n, t in enumerate(texts)}
        by_label: dict[int, list[int]] = {}
        for i, label in wanted:
            by_label.setdefault(label, []).append(i)
        keys: list[tuple[int, int]] = []  # (text, label) of each combination, in loop order
        combos: list[np.ndarray] = []
        scores: list[np.ndarray] = []
        found: list[np.ndarray] = []
        contrib = np.zeros(x.nnz)
        all_shares = sparse.csr_matrix((share, position, pair_ptr), shape=(len(pair_lemma), x.nnz))
        for label, of_label in by_label.items():
            t = np.array([text_at[i] for i in of_label], dtype=np.int64)
            n_pairs = np.diff(sub.indptr)[t]
            pairs = _ranges(sub.indptr[t], n_pairs)
            shares = all_shares[pairs]
            rows = texts[t]
            data_at = _ranges(x.indptr[rows], np.diff(x.indptr)[rows])
            contrib[data_at] = x.data[data_at] * self._coef(label)[x.indices[data_at]]
            score = shares @ contrib  # each lemma's sum in order, as for one text alone
            contrib[data_at] = 0.0
            positive = score > 0
            combo = np.repeat(np.arange(len(keys), len(keys) + len(t)), n_pairs)
            keys += [(i, label) for i in of_label]
            combos.append(combo[positive])
            scores.append(score[positive])
            found.append(pair_lemma[pairs][positive])
        combo, score, lemma = (np.concatenate(a) for a in (combos, scores, found))
        rank = np.empty(len(bags.names), dtype=np.int64)
        rank[sorted(range(len(bags.names)), key=bags.names.__getitem__)] = np.arange(len(rank))
        order = np.lexsort((rank[lemma], -score, combo))
        names = np.array(bags.names, dtype=object)[lemma[order]].tolist()
        ends = np.cumsum(np.bincount(combo, minlength=len(keys))).tolist()
        starts = [0, *ends[:-1]]
        return {k: names[a:b] for k, a, b in zip(keys, starts, ends, strict=True)}

    def _lemma_rows(self, lemmas: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Each lemma's features (its word feature, when it has one, then its character
        n-grams) in column order and how often it contains each; cached per model, the
        lemmas not seen before counted by the character vectorizer in one call."""
        from sklearn.feature_extraction.text import CountVectorizer

        cache = self._features
        found: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        missing: dict[str, None] = {}
        for lemma in lemmas:
            row = cache.get(lemma)
            if row is not None:
                found[lemma] = row
            else:
                missing[lemma] = None
        if missing:
            word_vec, char_vec = (t for _, t in self.vectorizer.transformer_list)
            counts = sparse.csr_matrix(CountVectorizer.transform(char_vec, list(missing)))
            counts.sort_indices()
            words = np.array([word_vec.vocabulary_.get(x, -1) for x in missing], dtype=np.int64)
            has_word = (words >= 0).astype(np.int64)
            n_grams = np.diff(counts.indptr).astype(np.int64)
            ends = np.cumsum(n_grams + has_word)
            starts = ends - n_grams - has_word
            cols = np.empty(int(ends[-1]), dtype=np.int32)
            ks = np.empty(int(ends[-1]), dtype=np.int32)
            cols[starts[words >= 0]], ks[starts[words >= 0]] = words[words >= 0], 1
            grams = _ranges(starts + has_word, n_grams)
            cols[grams] = counts.indices + len(word_vec.vocabulary_)
            ks[grams] = counts.data
            for lemma, a, b in zip(missing, starts.tolist(), ends.tolist(), strict=True):
                make_room(cache, FEATURE_CACHE)
                found[lemma] = cache[lemma] = (cols[a:b], ks[a:b])
        return [found[lemma] for lemma in lemmas]

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


def _ranges(starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The indices ``starts[i] .. starts[i] + sizes[i] - 1`` of every i, concatenated."""
    sizes = np.asarray(sizes, dtype=np.int64)
    ends = np.cumsum(sizes)
    offsets = np.repeat(np.asarray(starts, dtype=np.int64) - (ends - sizes), sizes)
    return offsets + np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64)


def _keys(matrix: sparse.csr_matrix, n_columns: int) -> np.ndarray:
    """``row * n_columns + column`` of each stored value of a CSR matrix, in storage order."""
    rows = np.repeat(np.arange(matrix.shape[0], dtype=np.int64), np.diff(matrix.indptr))
    return rows * n_columns + matrix.indices.astype(np.int64)


def _same_layout(a: sparse.csr_matrix, b: sparse.csr_matrix) -> bool:
    """Whether two CSR matrices store their values at the same rows and columns."""
    return np.array_equal(a.indptr, b.indptr) and np.array_equal(a.indices, b.indices)


@dataclass
class LemmaBags:
    """The content lemmas of several texts, counted once (``ThemeModel.bags``)."""

    lemma_lists: Sequence[Sequence[str]]
    names: list[str]  # the distinct lemmas, in order of first occurrence
    counts: sparse.csr_matrix  # texts x names: how often each text has each lemma
    grams: sparse.csr_matrix | None = None  # names x features: feature counts of each lemma
    totals: sparse.csr_matrix | None = None  # texts x features: feature counts of each text


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
