"""The round-5 incivility pool exporter (DALC v1.0 texts): user fields dropped, handles
stripped, rows keyed by split."""

from __future__ import annotations

from pathlib import Path

from bench.evaluate.incivility_pool3_export import dalc_rows, judged_hashes, strip_handles

HEADER = "id\ttext\tuser\toffensive\tabusive\ttarget\tsource\tuser.description\n"


def test_strip_handles_replaces_every_mention_and_squeezes_space() -> None:
    assert strip_handles("RT @naam_1: jij  @Ander\nook") == "RT @USER: jij @USER ook"
    assert strip_handles("hoi@naam, (@twee) via/@drie @vier.Ga") == (
        "hoi@USER, (@USER) via/@USER @USER.Ga"
    )
    # an e-mail address is masked as a whole; a lone @ and links stay
    assert strip_handles("mail info@gemeente.nl @ 9 uur") == "mail EMAIL @ 9 uur"
    assert strip_handles("https://x.nl/a@b") == "https://x.nl/a@b"


def test_dalc_rows_drop_user_fields_and_keep_labels() -> None:
    data = (HEADER + "11\t@piet wat een  sukkel\tpiet\tOFFENSIVE\tEXPLICIT\tINDIVIDUAL\t"
            "author\tmijn bio\n" + "12\tmooi weer\tjan\tNOT\tNOT\t\t201806_full\t\n")  # fmt: skip
    rows = dalc_rows(data.encode("utf-8"), "test")
    assert [(r["row"], r["source_id"], r["text"], r["label"], r["target"]) for r in rows] == [
        ("test-0", "11", "@USER wat een sukkel", "EXPLICIT", "INDIVIDUAL"),
        ("test-1", "12", "mooi weer", "NOT", ""),
    ]
    assert all("piet" not in str(v) and "bio" not in str(v) for r in rows for v in r.values())
    assert rows[0]["collection"] == "author"


def test_judged_hashes_reads_the_fixture(tmp_path: Path) -> None:
    path = tmp_path / "judged.csv"
    path.write_text("dataset,text_sha256,uncivil\nx,abc,1\ny,def,0\n", encoding="utf-8")
    assert judged_hashes(path) == {"abc", "def"}
