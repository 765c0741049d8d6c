"""The flag registry: every kind is complete, and its labelled examples hold.

A kind's ``examples`` (``pipeline/readability/flags/<kind>.py``) are its contract: each
expected span is flagged with that kind, and a negative example gets no flag of that kind.
They run with the trained pipeline; examples that do not need a parse also with the
rule-based fallback, which ``check`` uses when no model is installed.
"""

from __future__ import annotations

import pytest

from pipeline.config import ReadabilitySettings
from pipeline.readability import analyse_doc
from pipeline.readability.flags import KINDS, LABELS, STYLE_FLAG_KINDS, TITLES

ADVICE_KINDS = ("passive", "nominalisation", "officialese", "abbreviation", "hard_word")
EXAMPLES = [
    pytest.param(kind.name, example, id=f"{kind.name}-{i}")
    for kind in KINDS.values()
    for i, example in enumerate(kind.examples)
]


def test_every_kind_has_labels_a_detector_and_examples():
    assert set(ADVICE_KINDS) <= set(KINDS)
    for name, kind in KINDS.items():
        assert kind.name == name
        assert kind.label and kind.label[0].islower(), name
        assert kind.title and kind.title[0].isupper(), name
        assert kind.label.lower() == kind.title.lower(), name
        assert kind.description.endswith("."), name
        assert callable(kind.detect), name
        assert kind.scope in ("sentence", "unit"), name
        positives = [e for e in kind.examples if e.flagged]
        negatives = [e for e in kind.examples if not e.flagged]
        assert positives and negatives, f"{name}: needs flagged and unflagged examples"
    assert LABELS["hard_word"] == "moeilijk woord"
    assert TITLES["hard_word"] == "Moeilijk woord"
    assert set(ADVICE_KINDS) <= STYLE_FLAG_KINDS


def test_word_level_priorities_are_distinct():
    """One word gets one kind: abbreviation > officialese > nominalisation > hard word."""
    order = [KINDS[k].priority for k in ("abbreviation", "officialese", "nominalisation")]
    assert order == sorted(order, reverse=True) and len(set(order)) == 3
    assert KINDS["hard_word"].priority < KINDS["nominalisation"].priority


def _check(nlp, resources, name: str, example) -> None:
    """Every expected span overlaps a flag of the kind (the rule of the gold evaluation,
    bench/evaluate/flags_eval.py; a wide kind's expected span is the start of the sentence
    or paragraph); a negative example has no flag of the kind."""
    analysis = analyse_doc(nlp(example.text), ReadabilitySettings(), resources)
    found = [f for f in analysis.flags if f.kind == name]
    if not example.flagged:
        assert found == [], (name, example.text, [f.text for f in found])
    for span in example.flagged:
        start = example.text.index(span)
        end = start + len(span)
        assert any(f.start < end and start < f.end for f in found), (
            name, example.text, span, [f.text for f in found]
        )  # fmt: skip


@pytest.mark.parametrize(("name", "example"), EXAMPLES)
def test_examples_with_the_trained_pipeline(nlp_model, resources, name, example):
    nlp, _info = nlp_model
    _check(nlp, resources, name, example)


@pytest.mark.parametrize(("name", "example"), EXAMPLES)
def test_examples_with_the_fallback_pipeline(fallback, resources, name, example):
    if example.needs_parse:
        pytest.skip("needs a dependency parse")
    _check(fallback, resources, name, example)
