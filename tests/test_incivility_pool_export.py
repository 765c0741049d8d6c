"""The incivility-pool exporter: label check against the release, zip reading, skipping."""

from __future__ import annotations

import io
import zipfile

import pytest

from bench.evaluate.incivility_pool_export import (
    LabelMismatch,
    ct22_rows,
    ddts_rows,
    keep_new,
)


def _old(text: str, label: str, conf: str) -> dict[str, str]:
    return {"id": "1", "user": "naam", "user_desc": "bio", "text": text,
            "predictions": label, "confidence": conf}  # fmt: skip


def test_ddts_rows_keep_release_labels_and_drop_user_fields() -> None:
    rows = ddts_rows([_old("[USR] jij  bent een sukkel", "1", "4"), _old("goed plan", "0", "3")],
                     [{"id": "0", "offensive": "1", "confidence": "4"},
                      {"id": "1", "offensive": "0", "confidence": "3"}])  # fmt: skip
    assert [(r["label"], r["confidence"]) for r in rows] == [(1, 4), (0, 3)]
    assert rows[0]["text"] == "[USR] jij bent een sukkel"
    assert not {"user", "user_desc"} & set(rows[0])


@pytest.mark.parametrize(
    "released",
    [[{"offensive": "0", "confidence": "4"}], [{"offensive": "1", "confidence": "2"}], []],
)
def test_ddts_rows_stop_on_any_label_difference(released: list[dict[str, str]]) -> None:
    with pytest.raises(LabelMismatch):
        ddts_rows([_old("tekst", "1", "4")], released)


def test_ct22_rows_read_labelled_splits_only() -> None:
    buffer = io.BytesIO()
    header = "topic\ttweet_id\ttweet_url\ttweet_text\tclass_label\n"
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("CT22_dutch_1C_harmful_train.tsv", header + "C\t7\tu\tEen  tweet\t1\n")
        zf.writestr("CT22_dutch_1C_harmful_test.tsv", "topic\ttweet_id\ttweet_url\ttweet_text\n")
    rows = ct22_rows(buffer.getvalue())
    assert [(r["source_id"], r["text"], r["label"], r["source_split"]) for r in rows] == [
        ("7", "Een tweet", 1, "train")
    ]


def test_keep_new_skips_duplicates_reserved_and_empty() -> None:
    rows = [{"text": t, "text_sha256": h} for t, h in
            [("a", "1"), ("a", "1"), ("b", "2"), ("", "3"), ("c", "4")]]  # fmt: skip
    kept, skipped = keep_new(rows, set(), reserved={"2"})
    assert [r["text"] for r in kept] == ["a", "c"]
    assert skipped == 3
