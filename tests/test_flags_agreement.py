"""Inter-annotator agreement of the writing-advice gold (bench/evaluate/flags_agreement.py),
on tiny synthetic annotations (no fixture texts), and the second-annotation files."""

from __future__ import annotations

import pytest

from bench.evaluate import flags_gold as fg
from bench.evaluate.flags_agreement import agreement
from bench.evaluate.flags_eval import main as flags_eval_main

TEXTS = {
    "u1": "De aanvraag wordt indien nodig door de gemeente beoordeeld.",
    "u2": "Wij verstrekken o.a. informatie over de uitvoering van het plan.",
}


def _unit(unit_id: str) -> fg.Unit:
    text = TEXTS[unit_id]
    return fg.Unit("synthetic", unit_id, f"sha-{unit_id}", len(text), "doc", text=text)


def _ann(unit_id: str, kind: str, span: str, alternative: str = "") -> fg.Annotation:
    start = TEXTS[unit_id].index(span)
    return fg.Annotation(
        "synthetic", unit_id, f"sha-{unit_id}", kind, start, start + len(span), span, alternative
    )


ANNOTATIONS = [
    _ann("u1", "passive", "wordt indien nodig door de gemeente beoordeeld"),
    _ann("u1", "officialese", "indien", "als"),
    _ann("u2", "officialese", "verstrekken", "geven"),
    _ann("u2", "abbreviation", "o.a.", "onder andere"),
    _ann("u2", "nominalisation", "uitvoering"),
]


def _gold(annotations: list[fg.Annotation]) -> fg.GoldSet:
    return fg.GoldSet("synthetic", [_unit("u1"), _unit("u2")], annotations)


def test_a_file_agrees_with_itself():
    figures = agreement(_gold(ANNOTATIONS), _gold(ANNOTATIONS))
    for kind in ("passive", "officialese", "abbreviation", "nominalisation"):
        assert figures[kind]["precision"] == 1.0, kind
        assert figures[kind]["recall"] == 1.0, kind
        assert figures[kind]["f1"] == 1.0, kind
    assert figures["officialese"]["first"] == figures["officialese"]["second"] == 2
    assert figures["officialese"]["dropin_agree"] == 1.0
    assert figures["hard_word"]["f1"] is None  # no spans on either side


def test_a_removed_span_lowers_recall_not_precision():
    second = [a for a in ANNOTATIONS if a.span != "verstrekken"]
    figures = agreement(_gold(ANNOTATIONS), _gold(second))["officialese"]
    assert figures["recall"] == 0.5 and figures["first_matched"] == 1
    assert figures["precision"] == 1.0
    assert figures["f1"] == pytest.approx(2 / 3)


def test_an_extra_span_lowers_precision_and_another_dropin_disagrees():
    second = [
        *[a for a in ANNOTATIONS if a.span != "indien"],
        _ann("u1", "officialese", "indien", "wanneer"),
        _ann("u2", "officialese", "informatie", "info"),
    ]
    figures = agreement(_gold(ANNOTATIONS), _gold(second))["officialese"]
    assert figures["precision"] == pytest.approx(2 / 3)
    assert figures["recall"] == 1.0
    assert figures["dropin_agree"] == 0.5 and figures["dropin_n"] == 2


def test_units_must_be_the_same():
    other = fg.GoldSet("synthetic", [_unit("u1")], ANNOTATIONS[:2])
    with pytest.raises(ValueError, match="same units"):
        agreement(_gold(ANNOTATIONS), other)


def test_second_annotation_paths():
    assert fg.annotations_path("heldout4", 2).name == "flags_heldout4_second.csv"
    assert fg.annotations_path("heldout6", 2).name == "flags_heldout6_second.csv"
    assert fg.annotations_path("heldout7", 2).name == "flags_heldout7_second.csv"
    assert fg.annotations_path("heldout8", 2).name == "flags_heldout8_second.csv"
    assert fg.annotations_path("heldout10", 2).name == "flags_heldout10_second.csv"
    assert fg.annotations_path("heldout11", 2).name == "flags_heldout11_second.csv"
    assert fg.annotations_path("heldout12", 2).name == "flags_heldout12_second.csv"
    assert fg.annotations_path("heldout13", 2).name == "flags_heldout13_second.csv"
    assert fg.annotations_path("heldout14", 2).name == "flags_heldout14_second.csv"
    assert fg.annotations_path("heldout15", 2).name == "flags_heldout15_second.csv"
    assert fg.annotations_path("heldout16", 2).name == "flags_heldout16_second.csv"
    assert fg.annotations_path("heldout17", 2).name == "flags_heldout17_second.csv"
    assert fg.annotations_path("heldout18", 2).name == "flags_heldout18_second.csv"
    assert fg.annotations_path("heldout19", 2).name == "flags_heldout19_second.csv"
    assert fg.annotations_path("heldout20", 2).name == "flags_heldout20_second.csv"
    with pytest.raises(ValueError):
        fg.annotations_path("dev", 2)


@pytest.mark.parametrize("side", fg.SECOND_ANNOTATION_SIDES)
def test_second_annotation_is_well_formed(side):
    if side in fg.ANNOTATIONS_PENDING:
        pytest.skip(f"{side} not annotated yet (ANNOTATIONS_PENDING)")
    first = fg.read_annotations(side)
    second = fg.read_annotations(side, annotator=2)
    units = {(r.dataset, r.unit_id): r.text_sha256 for r in fg.read_unit_refs(side)}
    assert second and second != first
    for ann in second:
        assert units[(ann.dataset, ann.unit_id)] == ann.text_sha256
        assert ann.end - ann.start == len(ann.span)
        if ann.kind in ("passive", "nominalisation", "hard_word"):
            assert ann.alternative == ""
        if ann.kind == "officialese" and not ann.alternative:
            assert ann.note


def test_second_annotation_spans_match_the_exported_texts():
    try:
        gold = fg.load_side("heldout4", annotator=2)
    except fg.GoldTextsMissing:
        pytest.skip("heldout4 texts not exported (python -m bench.evaluate.flags_heldout4_export)")
    assert len(gold.units) == len(fg.read_unit_refs("heldout4"))


def test_heldout7_second_annotation_covers_the_units_and_spans_match():
    """The blind second annotation of heldout7 (Nieuwkoop) loads against the exported texts."""
    try:
        gold = fg.load_side("heldout7", annotator=2)
    except fg.GoldTextsMissing:
        pytest.skip("heldout7 texts not exported (python -m bench.evaluate.flags_heldout7_export)")
    assert len(gold.units) == len(fg.read_unit_refs("heldout7")) == 243
    assert {a.kind for a in gold.annotations} == set(fg.KINDS)
    texts = {(u.dataset, u.unit_id): u.text for u in gold.units}
    for ann in gold.annotations:
        assert texts[(ann.dataset, ann.unit_id)][ann.start : ann.end] == ann.span


def test_heldout8_second_annotation_covers_the_units_and_spans_match():
    """The blind second annotation of heldout8 (Utrecht) loads against the exported texts."""
    try:
        gold = fg.load_side("heldout8", annotator=2)
    except fg.GoldTextsMissing:
        pytest.skip("heldout8 texts not exported (python -m bench.evaluate.flags_heldout8_export)")
    assert len(gold.units) == len(fg.read_unit_refs("heldout8")) == 241
    assert {a.kind for a in gold.annotations} == set(fg.KINDS)
    texts = {(u.dataset, u.unit_id): u.text for u in gold.units}
    for ann in gold.annotations:
        assert texts[(ann.dataset, ann.unit_id)][ann.start : ann.end] == ann.span


def test_flags_eval_refuses_a_second_annotator_where_there_is_none():
    with pytest.raises(SystemExit):
        flags_eval_main(["--side", "dev", "--annotator", "2"])
