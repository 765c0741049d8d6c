"""The statistical sentiment model: TF-IDF words and characters plus lexicon features.

Word 1-2-grams and ``char_wb`` 2-5-grams (TF-IDF, sublinear) and the lexicon's numbers
(``lexicon.FEATURE_NAMES``, standardised) go into a multinomial logistic regression. Its C and
the weight of the lexicon block are chosen by stratified cross-validation on the training
set only (``training.py``: labelled data, tuning, calibration and ``train_model``; this
module holds what scoring needs: features, estimator, ``SentimentModel`` and loading).

A model is stored as ``NAME.joblib`` with ``NAME.json`` beside it: scikit-learn version,
training data sha256, size and sources, parameters, date and metrics. A model is never
retrained at load time: one made with another scikit-learn version is used if it still
unpickles and predicts (one logged warning), otherwise the error says how to train it again.
A model whose lexicon data (rules, incivility list, Pattern lexicon) changed since training
is used as is, with a logged warning.

Probabilities are calibrated by temperature scaling (Guo et al. 2017, "On calibration of
modern neural networks", ICML): the logistic regression's log-probabilities are divided by a
temperature T fitted to minimise the log loss of the out-of-fold probabilities of the
cross-validation on the training data (T > 1 softens an over-confident model). The most
probable class wins, but a negatief or positief call below the model's ``min_confidence``
(tuned by cross-validation on the calibrated out-of-fold probabilities) is neutraal.

Fits and predictions run with one BLAS thread: for these small sparse problems extra threads
only compete with each other (on a busy two-core machine a fit took 30 s instead of 1 s).
"""

from __future__ import annotations

import hashlib
import json
import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import sklearn
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.exceptions import InconsistentVersionWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import ThreadpoolController

from pipeline.config import SentimentSettings
from pipeline.sentiment.incivility import UNCIVIL_WORDS_PATH
from pipeline.sentiment.lexicon import (
    DATA_DIR,
    LABELS,
    RULES_PATH,
    default_scorer,
    pattern_lexicon_path,
)
from pipeline.sentiment.text import emoji_name, is_shouted, tokenize

log = logging.getLogger(__name__)

MODEL_FORMAT = "gemeentetaal.sentiment_model.v1"
DEFAULT_MODEL_PATH = DATA_DIR / "sentiment_model.joblib"
DEFAULT_TRAIN_PATH = DATA_DIR / "sentiment_train.csv"
REPO_ROOT = DATA_DIR.parent.parent
DEFAULT_PARAMS: dict[str, float] = {
    "C": 4.0, "lexicon_weight": 1.0, "min_confidence": 0.0, "temperature": 1.0,
}  # fmt: skip


def decide(probabilities: Sequence[float], min_confidence: float) -> tuple[str, float]:
    """The label and its confidence from (P(negatief), P(neutraal), P(positief)).

    The most probable class wins, except that a negatief or positief call whose probability
    is below ``min_confidence`` becomes neutraal: no class is confident enough. The
    confidence is the probability of the class returned (for such a fallback, 1 minus the
    larger of P(negatief) and P(positief)).
    """
    p_neg, p_neu, p_pos = (float(p) for p in probabilities)
    best = max(range(3), key=lambda k: (p_neg, p_neu, p_pos)[k])
    if best != 1 and max(p_neg, p_pos) < min_confidence:
        return "neutraal", round(1.0 - max(p_neg, p_pos), 4)
    return LABELS[best], round((p_neg, p_neu, p_pos)[best], 4)


@lru_cache(maxsize=1)
def _controller() -> ThreadpoolController:
    return ThreadpoolController()


def _one_thread() -> Any:
    """Limit BLAS/OpenMP to one thread (the controller is made once: it scans libraries)."""
    return _controller().limit(limits=1)


class SentimentModelError(ValueError):
    """A model or a labelled file cannot be used; one line naming the file and the problem."""


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, as hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def features_fingerprint() -> str:
    """Hash of the data behind the lexicon features: rules, incivility list, Pattern lexicon."""
    digest = hashlib.sha256()
    for path in (RULES_PATH, UNCIVIL_WORDS_PATH, pattern_lexicon_path()):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=50_000)
def model_tokens(text: str) -> tuple[str, ...]:
    """Tokens for the word TF-IDF: normalised words, emoji names, emoticons and marks.

    Informal spellings and stretched letters are normalised as in the lexicon ("egt" ->
    "echt", "superrr" -> "super"), so the model shares what the rules know. (The tokens of
    models trained before negation marking; see ``model_tokens_negation``.)
    """
    return _tokens(text, negation=False)


@lru_cache(maxsize=50_000)
def model_tokens_negation(text: str) -> tuple[str, ...]:
    """``model_tokens`` with the words in a negation's scope marked ("Niet slecht." ->
    "niet", "neg:slecht"), so "niet slecht" and "slecht" are different features (negation
    marking: Das & Chen 2001; Pang, Lee & Vaithyanathan 2002). The scope is the lexicon's:
    its negators and their exceptions ("niet alleen"), up to ``negation_window`` words,
    ended by punctuation or a clause break ("maar", "want")."""
    return _tokens(text, negation=True)


def _tokens(text: str, negation: bool) -> tuple[str, ...]:
    scorer = default_scorer()
    rules = scorer.rules
    out: list[str] = []
    left = 0  # words of the current negation's scope still to mark
    words = list(tokenize(text))
    for k, token in enumerate(words):
        if token.kind == "word":
            info = scorer.word_info(token.text)
            form = info.form
            if negation and (info.negator or info.clause_break):
                nxt = words[k + 1] if k + 1 < len(words) else None
                after = scorer.word_info(nxt.text).form if nxt and nxt.kind == "word" else ""
                negates = info.negator and after not in rules.negation_exceptions
                left = scorer.negation_window if negates else 0
            elif left:
                left -= 1
                form = "neg:" + form
            out.append(form)
            if is_shouted(token.text, scorer.min_caps_letters):
                out.append("<caps>")
        elif token.kind == "number":
            out.append("<num>")
        elif token.kind == "emoji":
            out.append(f"<emoji:{emoji_name(token.text) or token.text}>")
        elif token.kind == "emoticon":
            out.append(f"<emo:{token.text.lower()}>")
        else:
            left = 0
            out.extend(mark for mark in ("!", "?") if mark in token.text)
    return tuple(out)


_NOT_WORDS = frozenset({"<num>", "<caps>", "!", "?"})


class LexiconFeatures(TransformerMixin, BaseEstimator):
    """The lexicon's numbers for each text (see ``LexiconAnalysis.features``)."""

    def fit(self, X: Sequence[str], y: Any = None) -> LexiconFeatures:
        return self

    def transform(self, X: Sequence[str]) -> np.ndarray:
        scorer = default_scorer()
        return np.array([scorer.analyse(text).features() for text in X], dtype=float)


def make_estimator(params: dict[str, float] | None = None) -> Pipeline:
    """An untrained model with the given C and lexicon weight (defaults otherwise)."""
    p = {**DEFAULT_PARAMS, **(params or {})}
    features = FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(
                    tokenizer=model_tokens_negation,
                    token_pattern=None,
                    lowercase=False,
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                ),
            ),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True
                ),
            ),
            ("lexicon", Pipeline([("values", LexiconFeatures()), ("scale", StandardScaler())])),
        ],
        transformer_weights={"words": 1.0, "chars": 1.0, "lexicon": p["lexicon_weight"]},
    )
    classifier = LogisticRegression(C=p["C"], max_iter=5000, class_weight="balanced")
    return Pipeline([("features", features), ("classifier", classifier)])


def apply_temperature(proba: np.ndarray, temperature: float) -> np.ndarray:
    """Probabilities rescaled as softmax(log(p) / T); T = 1 leaves them as they are."""
    if temperature == 1.0:
        return proba
    logits = np.log(np.clip(proba, 1e-12, 1.0)) / temperature
    logits -= logits.max(axis=1, keepdims=True)
    scaled = np.exp(logits)
    return scaled / scaled.sum(axis=1, keepdims=True)


@dataclass
class SentimentModel:
    """A trained model and its metadata (the JSON file stored beside it)."""

    estimator: Pipeline
    meta: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.meta.get("name", "custom"))

    @property
    def model_id(self) -> str:
        return str(self.meta.get("model_id", ""))

    @property
    def method(self) -> str:
        """How results were made, e.g. ``model:default-3f2a9c1b``."""
        return f"model:{self.name}-{self.model_id}"

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities per text, columns in ``LABELS`` order."""
        with _one_thread():
            probabilities = self.estimator.predict_proba(list(texts))
        order = [list(self.estimator.classes_).index(label) for label in LABELS]
        return apply_temperature(probabilities[:, order], self.temperature)

    @property
    def temperature(self) -> float:
        return float(self.meta.get("params", {}).get("temperature", 1.0))

    @property
    def min_confidence(self) -> float:
        return float(self.meta.get("params", {}).get("min_confidence", 0.0))

    def known_words(self, texts: Sequence[str]) -> list[bool]:
        """True for texts with a word, emoji or emoticon the model saw in training.

        Numbers and punctuation do not count: a text of only those, or of unknown words, gives
        the model nothing to go on.
        """
        words = self.estimator.named_steps["features"].transformer_list[0][1]
        vocabulary = words.vocabulary_
        tokens = words.tokenizer or model_tokens  # the tokens the model was trained with
        return [any(t in vocabulary for t in tokens(text) if t not in _NOT_WORDS) for text in texts]

    def save(self, path: Path) -> Path:
        """Write ``path`` (joblib) and the metadata beside it; returns the metadata path."""
        path.parent.mkdir(parents=True, exist_ok=True)
        meta_path = path.with_suffix(".json")
        joblib.dump(self.estimator, path, compress=3)
        meta_path.write_text(json.dumps(self.meta, indent=2, ensure_ascii=False) + "\n")
        return meta_path


# -- loading ------------------------------------------------------------------------------


def _read_meta(path: Path) -> dict[str, Any]:
    meta_path = path.with_suffix(".json")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SentimentModelError(
            f"{meta_path}: cannot read model metadata: {exc.strerror}"
        ) from exc
    except json.JSONDecodeError as exc:
        raise SentimentModelError(f"{meta_path}: invalid model metadata: {exc}") from exc
    if not isinstance(meta, dict) or meta.get("format") != MODEL_FORMAT:
        raise SentimentModelError(f"{meta_path}: not a gemeentetaal sentiment model")
    return meta


def _unpickle(path: Path) -> tuple[Pipeline | str, str | None]:
    """The stored estimator (or the reason it cannot be used), and a version note."""
    note = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InconsistentVersionWarning)
        try:
            estimator = joblib.load(path)
        except Exception as exc:  # unpickling raises many kinds of errors
            return f"cannot be unpickled ({exc.__class__.__name__}: {exc})", None
    for warning in caught:
        if isinstance(warning.message, InconsistentVersionWarning):
            note = f"made with scikit-learn {warning.message.original_sklearn_version}"
    if not isinstance(estimator, Pipeline) or not hasattr(estimator, "classes_"):
        return "does not hold a trained sentiment pipeline", None
    return estimator, note


def _load(path: Path, default: bool) -> SentimentModel:
    """Load a model as it is; never retrain at load time.

    A model pickled by another scikit-learn version is used when it unpickles and predicts,
    with one logged warning; otherwise the error says how to train it again.
    """
    if not path.is_file():
        raise SentimentModelError(f"{path}: sentiment model not found")
    meta = _read_meta(path)
    retrain_how = "scripts/train_sentiment.py" if default else "`gemeentetaal sentiment train`"
    estimator, note = _unpickle(path)
    if isinstance(estimator, str):
        raise SentimentModelError(f"{path}: model {estimator}; train it again with {retrain_how}")
    model = SentimentModel(estimator, meta)
    if note or meta.get("sklearn_version") != sklearn.__version__:
        try:
            model.predict_proba(["test"])
        except Exception as exc:  # an incompatible pickle fails here
            raise SentimentModelError(
                f"{path}: model made with scikit-learn {meta.get('sklearn_version')} does not "
                f"work with {sklearn.__version__} ({exc.__class__.__name__}); train it again "
                f"with {retrain_how}"
            ) from exc
        log.warning(
            "%s: sentiment model made with scikit-learn %s, this is %s; using it as is "
            "(train it again with %s)",
            path, meta.get("sklearn_version"), sklearn.__version__, retrain_how,
        )  # fmt: skip
    if meta.get("features_fingerprint") != features_fingerprint():
        log.warning(
            "%s: the sentiment rules, incivility list or Pattern lexicon changed since "
            "this model was trained; using it as is (update it with %s)",
            path,
            retrain_how,
        )
    return model


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime_ns: int, default: bool) -> SentimentModel:
    return _load(Path(path), default)


def load_model(settings: SentimentSettings) -> SentimentModel | None:
    """The model the settings ask for (cached per file), or None for the lexicon method.

    ``settings.model_path`` selects a model trained with ``gemeentetaal sentiment train``;
    without it the shipped default model is used.

    Raises:
        SentimentModelError: the model file or its metadata is missing or unusable and cannot
            be retrained.
    """
    if settings.method == "lexicon":
        return None
    default = settings.model_path is None
    path = (DEFAULT_MODEL_PATH if default else Path(settings.model_path)).resolve()  # type: ignore[arg-type]
    mtime = path.stat().st_mtime_ns if path.is_file() else 0
    return _load_cached(str(path), mtime, default)
