"""Training of the sentiment model: labelled data, parameter tuning, calibration, metrics.

Split from ``model.py`` (issue #17): this module builds models (``train_model``), ``model.py``
holds what scoring needs (features, the estimator, ``SentimentModel``, loading). C and the
lexicon weight are chosen by stratified cross-validation on the training set only; the
calibration temperature (Guo et al. 2017) and the neutral fallback threshold
(``min_confidence``) are fitted on the out-of-fold probabilities of the same
cross-validation (see ``model.py`` for how they are applied).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict

from pipeline.sentiment.lexicon import LABELS, default_scorer
from pipeline.sentiment.model import (
    DEFAULT_PARAMS,
    MODEL_FORMAT,
    REPO_ROOT,
    SentimentModel,
    SentimentModelError,
    _one_thread,
    apply_temperature,
    decide,
    features_fingerprint,
    make_estimator,
)

TEMPERATURE_GRID = tuple(round(0.5 + 0.05 * k, 2) for k in range(71))  # 0.5 ... 4.0
PARAM_GRID: dict[str, list[float]] = {
    "C": [1.0, 4.0, 16.0],
    "lexicon_weight": [0.5, 1.0, 2.0],
}
# Below this probability a negatief or positief call becomes neutraal; chosen by
# cross-validation on the training data (``tune_min_confidence``).
MIN_CONFIDENCE_GRID = (0.0, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
CV_FOLDS = 5
SEED = 0


@dataclass(frozen=True)
class LabelledData:
    """Texts with sentiment labels, and where they came from."""

    texts: list[str]
    labels: list[str]
    path: str
    sha256: str

    @property
    def label_counts(self) -> dict[str, int]:
        counts = Counter(self.labels)
        return {label: counts.get(label, 0) for label in LABELS}


def read_labelled_csv(path: Path, min_rows: int = 30, min_rows_per_label: int = 5) -> LabelledData:
    """Read a CSV with columns ``text`` and ``label`` (negatief / neutraal / positief).

    Args:
        path: the CSV file (UTF-8, comma-separated, a header row).
        min_rows: fewest rows accepted.
        min_rows_per_label: fewest rows accepted for each of the three labels.

    Raises:
        SentimentModelError: the file is missing or unreadable, lacks a column, has an unknown
            label or an empty text, or has too few rows.
    """
    try:
        blob = path.read_bytes()
        rows = list(csv.DictReader(io.StringIO(blob.decode("utf-8-sig"), newline="")))
    except OSError as exc:
        raise SentimentModelError(f"{path}: cannot read: {exc.strerror}") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise SentimentModelError(f"{path}: not a UTF-8 CSV file ({exc})") from exc
    header = next(csv.reader(io.StringIO(blob.decode("utf-8-sig"))), [])
    columns = set(rows[0]) if rows else set(header)
    missing = [c for c in ("text", "label") if c not in columns]
    if missing:
        raise SentimentModelError(
            f"{path}: missing column(s) {', '.join(missing)}; need 'text' and 'label'"
        )
    texts, labels = [], []
    for line, row in enumerate(rows, start=2):
        text = (row.get("text") or "").strip()
        label = (row.get("label") or "").strip().lower()
        if label not in LABELS:
            raise SentimentModelError(
                f"{path}: line {line}: unknown label {row.get('label')!r}; use {', '.join(LABELS)}"
            )
        if not text:
            raise SentimentModelError(f"{path}: line {line}: empty text")
        texts.append(text)
        labels.append(label)
    data = LabelledData(texts, labels, str(path), hashlib.sha256(blob).hexdigest())
    if len(texts) < min_rows:
        raise SentimentModelError(f"{path}: {len(texts)} rows; at least {min_rows} are needed")
    thin = {label: n for label, n in data.label_counts.items() if n < min_rows_per_label}
    if thin:
        listed = ", ".join(f"{label} {n}" for label, n in thin.items())
        raise SentimentModelError(
            f"{path}: too few rows per label ({listed}); at least {min_rows_per_label} each"
        )
    return data


def classification_metrics(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1 and per-label precision, recall and F1, rounded to 4 decimals."""
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=list(LABELS), zero_division=0
    )
    return {
        "n": len(truth),
        "accuracy": round(float(accuracy_score(truth, predicted)), 4),
        "macro_f1": round(float(f1_score(truth, predicted, average="macro", zero_division=0)), 4),
        "per_label": {
            label: {
                "precision": round(float(precision[k]), 4),
                "recall": round(float(recall[k]), 4),
                "f1": round(float(f1[k]), 4),
                "support": int(support[k]),
            }
            for k, label in enumerate(LABELS)
        },
    }


def _folds(labels: Sequence[str]) -> StratifiedKFold:
    smallest = min(Counter(labels).values())
    return StratifiedKFold(
        n_splits=max(2, min(CV_FOLDS, smallest)), shuffle=True, random_state=SEED
    )


def tune_params(
    data: LabelledData, param_grid: dict[str, list[float]] | None = None
) -> dict[str, float]:
    """C and lexicon weight with the best cross-validated macro-F1 on the training data."""
    param_grid = param_grid or PARAM_GRID
    grid = {
        "classifier__C": param_grid["C"],
        "features__transformer_weights": [
            {"words": 1.0, "chars": 1.0, "lexicon": w} for w in param_grid["lexicon_weight"]
        ],
    }
    search = GridSearchCV(make_estimator(), grid, scoring="f1_macro", cv=_folds(data.labels))
    with _one_thread():
        search.fit(data.texts, data.labels)
    best = search.best_params_
    return {
        "C": float(best["classifier__C"]),
        "lexicon_weight": float(best["features__transformer_weights"]["lexicon"]),
    }


def cv_probabilities(data: LabelledData, params: dict[str, float]) -> np.ndarray:
    """Out-of-fold class probabilities (columns in ``LABELS`` order) on the training data."""
    folds = _folds(data.labels)
    with _one_thread():
        proba = cross_val_predict(
            make_estimator(params), data.texts, data.labels, cv=folds, method="predict_proba"
        )
    return proba  # classes_ are sorted, which is LABELS order


def fit_temperature(labels: Sequence[str], proba: np.ndarray) -> float:
    """The ``TEMPERATURE_GRID`` value with the lowest log loss of out-of-fold probabilities."""
    index = np.array([LABELS.index(label) for label in labels])

    def log_loss(t: float) -> float:
        p = apply_temperature(proba, t)[np.arange(len(index)), index]
        return float(-np.log(np.clip(p, 1e-12, 1.0)).mean())

    return min(TEMPERATURE_GRID, key=log_loss)


def tune_min_confidence(data: LabelledData, proba: np.ndarray) -> float:
    """The ``MIN_CONFIDENCE_GRID`` value with the best out-of-fold macro-F1."""
    best, best_f1 = 0.0, -1.0
    for threshold in MIN_CONFIDENCE_GRID:
        predicted = [decide(row, threshold)[0] for row in proba]
        f1 = float(f1_score(data.labels, predicted, average="macro", zero_division=0))
        if f1 > best_f1 + 1e-9:
            best, best_f1 = threshold, f1
    return best


def cross_validate(
    data: LabelledData, params: dict[str, float], proba: np.ndarray | None = None
) -> dict[str, Any]:
    """Cross-validated metrics of a model with these parameters on the training data."""
    if proba is None:
        proba = apply_temperature(cv_probabilities(data, params), params.get("temperature", 1.0))
    threshold = params.get("min_confidence", 0.0)
    predicted = [decide(row, threshold)[0] for row in proba]
    n_folds = _folds(data.labels).get_n_splits()
    return {"folds": n_folds, **classification_metrics(data.labels, predicted)}


def _repo_relative(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(REPO_ROOT))
    except ValueError:
        return str(Path(path).resolve())


def train_model(
    data: LabelledData,
    *,
    name: str = "custom",
    params: dict[str, float] | None = None,
    tune: bool = True,
    evaluate: bool = True,
    sources: list[dict[str, Any]] | None = None,
    param_grid: dict[str, list[float]] | None = None,
) -> SentimentModel:
    """Train a model on labelled texts.

    Args:
        data: the training texts and labels.
        name: "default" for the shipped model, otherwise a short name for the method string.
        params: C and lexicon weight; None with ``tune`` chooses them by cross-validation.
        tune: search ``PARAM_GRID`` by stratified cross-validation (only without ``params``).
        evaluate: also store cross-validated metrics in the metadata.
        param_grid: C and lexicon weights to search (default ``PARAM_GRID``).
        sources: where the rows came from (dataset, repository, licence, rows), for the
            metadata of a model trained on several sets.

    Returns:
        The fitted model; its ``meta`` holds versions, data hash, parameters and metrics.
    """
    proba = None
    if params is None:
        params = (
            {**DEFAULT_PARAMS, **tune_params(data, param_grid)} if tune else dict(DEFAULT_PARAMS)
        )
        if tune:
            proba = cv_probabilities(data, params)
            params["temperature"] = fit_temperature(data.labels, proba)
            proba = apply_temperature(proba, params["temperature"])
            params["min_confidence"] = tune_min_confidence(data, proba)
    with _one_thread():
        estimator = make_estimator(params).fit(data.texts, data.labels)
    fingerprint = features_fingerprint()
    identity = json.dumps([data.sha256, params, fingerprint], sort_keys=True)
    meta: dict[str, Any] = {
        "format": MODEL_FORMAT,
        "name": name,
        "model_id": hashlib.sha256(identity.encode()).hexdigest()[:8],
        "created": date.today().isoformat(),
        "sklearn_version": sklearn.__version__,
        "labels": list(LABELS),
        "params": params,
        "features_fingerprint": fingerprint,
        "rules_version": default_scorer().rules.version,
        "training_data": {
            "path": _repo_relative(data.path),
            "sha256": data.sha256,
            "n_rows": len(data.texts),
            "label_counts": data.label_counts,
        },
    }
    if sources:
        meta["training_data"]["sources"] = sources
    if evaluate:
        meta["cv"] = cross_validate(data, params, proba)
    return SentimentModel(estimator, meta)
