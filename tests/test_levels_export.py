"""Tests of the leveled-text exporter (bench/evaluate/levels_export.py).

The unit tests use small texts written for the tests. The last tests run the real exporters
when the fetched repositories are on this machine and skip otherwise.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from bench.evaluate import levels_export as le
from bench.evaluate.common import MIRROR, sha256_text


def test_chunk_units_groups_to_target_and_merges_short_tail():
    units = ["een twee drie vier vijf"] * 7  # 5 words each
    chunks = le.chunk_units(units, target=10, min_words=8)
    # 2+2+2 units make chunks of 10 words; the 7th (5 words < 8) joins the last chunk
    assert chunks == [[0, 1], [2, 3], [4, 5, 6]]


def test_chunk_units_drops_a_document_below_minimum():
    assert le.chunk_units(["kort stukje"], target=10, min_words=5) == []
    assert le.chunk_units(["een twee drie vier vijf zes"], target=10, min_words=5) == [[0]]


def _amsterdam_csv(rows):
    lines = ["Document ID,Complex,Simple"]
    lines += [f'{d},"{c}","{s}"' for d, c, s in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_amsterdam_rows_skip_reserved_redacted_and_repeated():
    raw = _amsterdam_csv(
        [
            ("1", "De aanvraag wordt door ons behandeld.", "Wij bekijken uw aanvraag."),
            ("1", "Deze zin is gereserveerd.", "Gereserveerd."),
            ("1", "xxx xxx xxx", "xxx xxx xxx"),
            ("1", "De aanvraag wordt door ons behandeld.", "Wij kijken ernaar."),
            ("2", "Het loket is gesloten.", "Het loket is dicht."),
        ]
    )
    rows, skipped = le.amsterdam_rows(raw, {sha256_text("Deze zin is gereserveerd.")})
    assert skipped == {"reserved": 1, "redacted": 1, "duplicate": 1}
    assert [(r["row"], r["doc"]) for r in rows] == [(0, "1"), (4, "2")]


def test_amsterdam_texts_pair_easy_and_normal_per_chunk():
    sentence = "De gemeente verstrekt een vergunning indien aan de voorwaarden wordt voldaan."
    rows = [
        {"row": i, "doc": "7", "complex": sentence, "simple": "U krijgt een vergunning."}
        for i in range(30)
    ]
    texts = list(le.amsterdam_texts(rows, "EUPL-1.2"))
    normal = [t for t in texts if t.cls == "normal"]
    easy = [t for t in texts if t.cls == "easy"]
    assert len(normal) == len(easy) >= 2
    assert all(le.n_words(t.text) >= le.AMSTERDAM_TARGET for t in normal)
    assert [t.source_path for t in normal] == [t.source_path for t in easy]
    assert {t.source_doc for t in texts} == {"doc7"}
    assert len({t.id for t in texts}) == len(texts)


CONLLU = """\
# sent_id = wiki-9.p.1.s.1
# text = Geschiedenis
1\tGeschiedenis\t_\t_\t_\t_\t_\t_\t_\t_

# sent_id = wiki-9.p.2.s.1
# text = De stad werd in de twaalfde eeuw gesticht aan een bocht van de rivier.
1\tDe\t_\t_\t_\t_\t_\t_\t_\t_

# sent_id = wiki-9.p.2.s.2
# text = Zij kreeg stadsrechten en groeide uit tot een handelsplaats.
1\tZij\t_\t_\t_\t_\t_\t_\t_\t_

# sent_id = WR-P-P-H-0000000001\\WR-P-P-H-0000000001.p.1.s.1
# text = Het kabinet valt over de begroting.
1\tHet\t_\t_\t_\t_\t_\t_\t_\t_
"""


def test_conllu_paragraphs_and_headings():
    docs = le.conllu_paragraphs(CONLLU)
    assert list(docs) == ["wiki-9", "WR-P-P-H-0000000001"]
    assert len(docs["wiki-9"]) == 2
    assert le.is_heading(docs["wiki-9"][0])
    assert not le.is_heading(docs["wiki-9"][1])


def test_ud_texts_drop_headings_and_filter_documents(monkeypatch):
    monkeypatch.setattr(le, "UD_TARGET", 10)
    monkeypatch.setattr(le, "MIN_WORDS", 5)
    texts = list(le.ud_texts(CONLLU, "lassy", "x.conllu", "CC BY-SA 4.0", doc_prefix="wiki-"))
    assert [t.source_doc for t in texts] == ["wiki-9"]
    assert "Geschiedenis" not in texts[0].text
    assert texts[0].text.startswith("De stad werd")


STORY = """\
# Het rode huis

##
![Afbeelding](https://example.org/1.png)
Er staat een rood huis in de straat.

##
Oma woont in het huis. Ze heeft een kat.

##
* License: [CC-BY-NC]
* Text: Iemand
* Translation: Iemand anders
"""


def test_story_text_keeps_pages_and_reads_licence():
    title, body, licence = le.story_text(STORY)
    assert title == "Het rode huis"
    assert (
        body == "Er staat een rood huis in de straat.\n\nOma woont in het huis. Ze heeft een kat."
    )
    assert licence == "CC-BY-NC"


def test_repair_and_prose_paragraphs():
    garbled = "Het plan voorziet in Ã©Ã©n woning\\, zoals de gemeente in 2015 heeft besloten."
    assert (
        le.repair(garbled)
        == "Het plan voorziet in één woning, zoals de gemeente in 2015 heeft besloten."
    )
    markdown = "\n".join(
        [
            "| Plan: | Bestemmingsplan |",
            "## Hoofdstuk 1 Inleiding",
            "* Toelichting bij het plan en de regels die erbij horen voor de lezer.",
            "Te kort.",
            garbled,
            "Een regel zonder slotpunt die wel lang genoeg is om mee te tellen als zin",
        ]
    )
    assert le.prose_paragraphs(markdown) == [le.repair(garbled)]


def test_plan_key_strips_version_suffix():
    assert le.plan_key("data/plan_documents/md/t_NL.IMRO.0014.BP561Melisseweg-vg01.md") == (
        "NL.IMRO.0014.BP561Melisseweg"
    )


def test_propose_doc_split_is_deterministic_and_bounded():
    docs = {f"doc{i}": (i % 5) + 1 for i in range(40)}
    fit, heldout = le.propose_doc_split(docs, heldout_share=0.3)
    assert (fit, heldout) == le.propose_doc_split(dict(reversed(list(docs.items()))), 0.3)
    assert set(fit).isdisjoint(heldout) and set(fit) | set(heldout) == set(docs)
    assert 0 < sum(docs[d] for d in heldout) <= 0.3 * sum(docs.values())


def test_committed_split_covers_every_dataset_and_never_straddles():
    split = le.load_split()
    assert set(split) == set(le.EXPORTERS)
    for name, entry in split.items():
        assert entry["role"] in {"fit", "heldout", "split"}, name
        if entry["role"] == "split":
            assert set(entry["fit_docs"]).isdisjoint(entry["heldout_docs"])
            assert entry["fit_docs"] and entry["heldout_docs"]
    ams = split["amsterdam_municipal_pairs"]
    assert le.role_of(split, "amsterdam_municipal_pairs", ams["heldout_docs"][0]) == "heldout"
    assert le.role_of(split, "ud_alpino_news", "anything") == "heldout"
    with pytest.raises(KeyError):
        le.role_of(split, "amsterdam_municipal_pairs", "doc-not-listed")


def test_write_jsonl_atomic_replaces_whole_file(tmp_path):
    path = tmp_path / "sub" / "texts.jsonl"
    assert le.write_jsonl_atomic(path, [{"id": "a"}, {"id": "b"}]) == 2
    assert le.write_jsonl_atomic(path, [{"id": "c"}]) == 1
    assert [json.loads(line)["id"] for line in path.read_text().splitlines()] == ["c"]
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".texts-")]


# --- on the fetched repositories (skipped where they are not fetched) -----------------------


def _fetched(repository: str) -> bool:
    return (MIRROR / repository.replace("/", "+") / "repo").is_dir()


@pytest.mark.skipif(not _fetched(le.AMSTERDAM_REPO), reason="Amsterdam corpus not fetched")
def test_amsterdam_export_contains_no_reserved_sentence_and_respects_split(tmp_path):
    split = le.load_split()
    summary = le.export("amsterdam_municipal_pairs", split, tmp_path)
    records = [
        json.loads(line) for line in (tmp_path / "amsterdam_municipal_pairs" / "texts.jsonl").open()
    ]
    assert summary["texts"] == len(records) > 0
    raw = le.git_show(le.AMSTERDAM_REPO, le.AMSTERDAM_PATH)
    reserved = le.reserved_hashes()
    used_rows, skipped = le.amsterdam_rows(raw, reserved)
    all_rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    reserved_rows = sum(sha256_text(r["Complex"]) in reserved for r in all_rows)
    assert skipped["reserved"] == reserved_rows >= len(reserved)
    assert len(used_rows) + sum(skipped.values()) == len(all_rows)
    sides = {}
    for record in records:
        sides.setdefault(record["source_doc"], set()).add(record["role"])
        assert record["text_sha256"] == sha256_text(record["text"])
    assert all(len(roles) == 1 for roles in sides.values())
    prov = json.loads((tmp_path / "amsterdam_municipal_pairs" / "PROVENANCE.json").read_text())
    assert prov["excluded_reserved"] == reserved_rows


@pytest.mark.skipif(not _fetched(le.PLAN_REPO), reason="plan documents not fetched")
def test_plan_export_skips_reserved_plans(tmp_path):
    le.export("plan_documents_toelichting", le.load_split(), tmp_path)
    reserved = {le.plan_key(p) for p in le.reserved_paths() if p.startswith(le.PLAN_DIR)}
    records = [
        json.loads(line)
        for line in (tmp_path / "plan_documents_toelichting" / "texts.jsonl").open()
    ]
    assert records and not {r["source_doc"] for r in records} & reserved
