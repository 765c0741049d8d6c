"""Unsupervised topic discovery: NMF on TF-IDF of lemmas over a corpus of units of text.

Use it to see which subjects a municipality's texts or residents' comments are about before
labelling them. Stop words come from spaCy's Dutch stop list (``lemma_text`` drops them).
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

log = logging.getLogger(__name__)
RANDOM_STATE = 0


class DiscoveryError(ValueError):
    """Topics cannot be computed for this corpus."""


@dataclass(frozen=True)
class Topic:
    """A discovered topic: its top terms and the units that load most on it."""

    index: int
    terms: list[tuple[str, float]]
    units: list[tuple[int, float]]  # (unit position in the corpus, topic weight)

    @property
    def label(self) -> str:
        return ", ".join(term for term, _ in self.terms[:4])


def discover_topics(
    lemma_texts: Sequence[str], n_topics: int, n_terms: int = 10, n_units: int = 5
) -> list[Topic]:
    """Fit NMF with ``n_topics`` components on TF-IDF of lemma texts.

    Args:
        lemma_texts: one lemma text (``pipeline.themes.model.lemma_text``) per unit.
        n_topics: number of topics (at most the number of units with content).
        n_terms: top terms to keep per topic.
        n_units: top units to keep per topic.

    Returns:
        Topics in component order; weights rounded to 4 decimals.

    Raises:
        DiscoveryError: too few units or no vocabulary.
    """
    from sklearn.decomposition import NMF
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction.text import TfidfVectorizer

    n_content = sum(1 for t in lemma_texts if t.strip())
    if n_topics < 1:
        raise DiscoveryError("the number of topics must be at least 1")
    if n_content < max(2, n_topics):
        raise DiscoveryError(
            f"{n_content} units with words is too few for {n_topics} topics; add texts or "
            "lower --topics"
        )
    vectorizer = TfidfVectorizer(
        token_pattern=r"[^ ]+",
        lowercase=False,
        sublinear_tf=True,
        max_df=0.9 if n_content > 10 else 1.0,
    )
    try:
        x = vectorizer.fit_transform(list(lemma_texts))
    except ValueError as exc:
        raise DiscoveryError(f"no words left to build topics from ({exc})") from exc
    n_topics = min(n_topics, x.shape[1])
    nmf = NMF(n_components=n_topics, init="nndsvda", random_state=RANDOM_STATE, max_iter=1000)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        weights = nmf.fit_transform(x)
    for w in caught:
        log.warning("topic discovery: %s", w.message)
    vocab = vectorizer.get_feature_names_out()
    topics: list[Topic] = []
    for k, component in enumerate(nmf.components_):
        top = np.argsort(-component, kind="stable")[:n_terms]
        terms = [(str(vocab[j]), round(float(component[j]), 4)) for j in top if component[j] > 0]
        order = np.argsort(-weights[:, k], kind="stable")[:n_units]
        units = [(int(i), round(float(weights[i, k]), 4)) for i in order if weights[i, k] > 0]
        topics.append(Topic(k, terms, units))
    return topics
