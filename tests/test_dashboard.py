"""Tests for the dashboard's data preparation, escaping, empty tables and the CLI command."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import DashboardSettings
from pipeline.outputs import write_tables
from pipeline.report import dashboard as db

SCORES = {"negatief": -0.6, "neutraal": 0.0, "positief": 0.7}
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>&amp;\'"'


def _doc(doc_id: str, municipality: str | None, number: str | None, title: str | None,
         year: int | None, b1_pass: bool | None, lint_level: int | None,
         lint_score: float | None) -> dict[str, Any]:  # fmt: skip
    return {
        "document_id": doc_id,
        "source_path": f"data/raw/{doc_id}.txt",
        "content_hash": doc_id * 4,
        "family": "programme" if number else "text",
        "municipality": municipality,
        "document_type": "begroting" if number else None,
        "year": year,
        "programme_number": number,
        "programme_title": title,
        "b1_pass": b1_pass,
        "b1_level": None if b1_pass is None else ("B1" if b1_pass else "B2"),
        "lint_level": lint_level,
        "lint_score": lint_score,
        "n_flags": 3,
    }


def _sentence(sid: str, unit: str, kind: str, doc: str | None, text: str, start: int = 0,
              **extra: Any) -> dict[str, Any]:  # fmt: skip
    return {
        "sentence_id": sid, "unit_id": unit, "unit_kind": kind, "document_id": doc,
        "position": 0, "start_char": start, "end_char": start + len(text), "text": text,
        "n_words": len(text.split()), **extra,
    }  # fmt: skip


def _flag(fid: str, sentence: dict[str, Any], kind: str, span: str | None,
          suggestion: str | None = None) -> dict[str, Any]:  # fmt: skip
    text = sentence["text"]
    offset = text.index(span) if span else 0
    span = span or text
    start = sentence["start_char"] + offset
    return {
        "flag_id": fid, "sentence_id": sentence["sentence_id"], "unit_id": sentence["unit_id"],
        "kind": kind, "start_char": start, "end_char": start + len(span), "text": span,
        "message": f"Bericht over {kind}", "suggestion": suggestion,
    }  # fmt: skip


def _comment(cid: str, thread: str, index: int, when: datetime | None, sentiment: str | None,
             uncivil: bool = False, text: str = "Goed plan.") -> dict[str, Any]:  # fmt: skip
    return {
        "comment_id": cid, "thread_id": thread, "comment_number": index, "depth": 0,
        "author": f"bewoner-{index}", "timestamp": when, "text": text,
        "contains_email": False, "contains_phone": False, "sentiment": sentiment,
        "sentiment_score": SCORES.get(sentiment or ""),
        "uncivil": uncivil,
    }  # fmt: skip


def _theme(unit: str, kind: str, slug: str, score: float, level: str = "1") -> dict[str, Any]:
    return {
        "unit_id": unit, "unit_kind": kind, "slug": slug, "level": level, "score": score,
        "evidence": ["woning", "bouwen"], "method": "lexicon",
    }  # fmt: skip


def synthetic_rows(hostile: str = "") -> dict[str, list[dict[str, Any]]]:
    """Small tables that satisfy the schemas; ``hostile`` is mixed into every free text."""
    documents = [
        _doc("d1", "Zeewolde", "1", "Wonen" + hostile, 2024, True, 2, 40.0),
        _doc("d2", "Zeewolde", "2", "Verkeer", 2024, False, 3, 50.0),
        _doc("d3", "Dalfsen", "1", "Zorg", 2023, False, 4, 63.0),
        _doc("d4", None, None, None, None, None, None, None),
    ]
    s1 = _sentence("s1", "p1", "paragraph", "d1",
                   "Ten behoeve van de inwoners wordt een plan gemaakt." + hostile)  # fmt: skip
    s2 = _sentence("s2", "p1", "paragraph", "d1", "Wij starten in mei.", start=60)
    s3 = _sentence("s3", "i1", "item", "d2", "Teneinde de veiligheid te verbeteren.")
    s4 = _sentence("s4", "c1", "comment", None, "Ten behoeve van wie eigenlijk?",
                   sentiment="negatief", thread_id="t1")  # fmt: skip
    flags = [
        _flag("f1", s1, "officialese", "Ten behoeve van", "voor" + hostile),
        _flag("f2", s1, "passive", "wordt een plan gemaakt"),
        _flag("f3", s1, "long_sentence", None),
        _flag("f4", s3, "officialese", "Teneinde", "om"),
        _flag("f5", s4, "officialese", "Ten behoeve van", "voor"),
        _flag("f6", s2, "officialese", "starten", None),
    ]
    threads = [
        {"thread_id": "t1", "source_path": "data/raw/t.csv", "content_hash": "h" * 64,
         "layout": "csv", "article_title": "Nieuw fietspad" + hostile,
         "published": datetime(2024, 1, 5, tzinfo=UTC), "n_comments": 4},
    ]  # fmt: skip
    comments = [
        _comment("c1", "t1", 1, datetime(2024, 1, 10, 9, tzinfo=UTC), "negatief"),
        _comment("c2", "t1", 2, datetime(2024, 1, 31, 23, 30, tzinfo=UTC), "positief"),
        _comment("c3", "t1", 3, datetime(2024, 3, 2, tzinfo=UTC), "negatief", True,
                 "Wat een sukkels" + hostile),
        _comment("c4", "t1", 4, None, "neutraal"),
    ]  # fmt: skip
    themes = [
        _theme("d1", "document", "wonen", 0.8),
        _theme("d1", "document", "duurzaamheid", 0.4, "cross"),
        _theme("d1", "document", "wonen-nieuwbouw", 0.7, "2"),
        _theme("d2", "document", "verkeer", 0.9),
        _theme("c1", "comment", "verkeer", 0.6),
        _theme("c2", "comment", "verkeer", 0.5),
        _theme("c3", "comment", "verkeer" + hostile, 0.5),
        _theme("p1", "paragraph", "wonen", 0.9),
    ]
    runs = [
        {"run_id": "r1", "started": datetime(2024, 4, 1, tzinfo=UTC),
         "finished": datetime(2024, 4, 1, 0, 5, tzinfo=UTC), "config_hash": "abc",
         "model_name": "nl_test", "model_version": "1.0", "model_source": "installed",
         "package_versions": "{}"},
    ]  # fmt: skip
    errors = [{"path": "data/raw/kapot.pdf" + hostile, "stage": "read", "message": "no text"}]
    programmes = [
        {"programme_id": f"p{d['document_id']}", "document_id": d["document_id"], "position": 0,
         "programme_number": d.pop("programme_number"), "programme_title": d.pop("programme_title")}
        for d in documents
    ]  # fmt: skip
    programmes = [p for p in programmes if p["programme_number"]]
    for d in documents:
        d["n_programmes"] = sum(p["document_id"] == d["document_id"] for p in programmes)
    return {
        "documents": documents, "programmes": programmes, "sentences": [s1, s2, s3, s4],
        "flags": flags,
        "threads": threads, "comments": comments, "themes": themes, "runs": runs,
        "errors": errors,
    }  # fmt: skip


def synthetic_tables(tmp_path: Path, hostile: str = "") -> Path:
    """Write the synthetic rows with the project's writer (so they pass validation)."""
    out = tmp_path / "processed"
    write_tables(synthetic_rows(hostile), out)
    return out


@pytest.fixture
def tables(tmp_path: Path) -> dict[str, pd.DataFrame]:
    return db.load_tables(synthetic_tables(tmp_path))


@pytest.fixture(scope="module")
def labels() -> db.Labels:
    return db.load_labels()


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_dashboard_pass_rates_per_municipality(tables, labels):
    docs = db.with_groups(tables["documents"], labels)
    out = db.pass_rates(docs, ["municipality_label"]).set_index("municipality_label")
    assert out.loc["Zeewolde", "n_documents"] == 2
    assert out.loc["Zeewolde", "pass_rate"] == pytest.approx(0.5)
    assert out.loc["Zeewolde", "lint_level_mean"] == pytest.approx(2.5)
    assert out.loc["Dalfsen", "pass_rate"] == pytest.approx(0.0)
    # A document without a verdict counts as a document but not as assessed.
    unknown = out.loc[labels.unknown]
    assert (unknown["n_documents"], unknown["n_assessed"]) == (1, 0)
    assert pd.isna(unknown["pass_rate"])


def test_dashboard_pass_rates_per_programme_and_empty(tables, labels):
    docs = db.with_groups(tables["documents"], labels)
    out = db.pass_rates(docs, ["municipality_label", "programme"])
    assert ("Zeewolde", "Programma 2: Verkeer") in set(
        zip(out["municipality_label"], out["programme"], strict=True)
    )
    assert db.pass_rates(docs.iloc[:0], ["municipality_label"]).empty


def test_dashboard_kpis(tables):
    kpis = db.compute_kpis(tables["documents"], tables["comments"])
    assert kpis.n_documents == 4
    assert kpis.b1_pass_rate == pytest.approx(1 / 3)
    assert kpis.lint_level_mean == pytest.approx(3.0)
    assert kpis.n_comments == 4
    assert kpis.negative_share == pytest.approx(0.5)
    assert kpis.n_uncivil == 1


def test_dashboard_resident_kpis_leave_out_the_organisation(tables):
    comments = tables["comments"].copy()
    reply = comments.iloc[[0]].assign(
        comment_id="reply", author="Gemeente Zeewolde", author_role="organisation",
        sentiment="negatief", uncivil=False,
    )  # fmt: skip
    comments = pd.concat([comments.assign(author_role="resident"), reply], ignore_index=True)
    residents = db.resident_comments(comments)
    assert "reply" not in set(residents["comment_id"])
    kpis = db.compute_kpis(tables["documents"], residents)
    assert kpis.n_comments == 4 and kpis.negative_share == pytest.approx(0.5)
    # Without the column (older tables) every comment counts.
    assert len(db.resident_comments(tables["comments"])) == len(tables["comments"])


def test_dashboard_kpis_empty_are_unknown():
    empty = {name: db._empty(name) for name in ("documents", "comments")}
    kpis = db.compute_kpis(empty["documents"], empty["comments"])
    assert (kpis.n_documents, kpis.n_comments, kpis.n_uncivil) == (0, 0, 0)
    assert kpis.b1_pass_rate is None and kpis.negative_share is None


def test_dashboard_top_officialese_counts_own_texts_only(tables):
    own = db.own_text_flags(tables["flags"], tables["sentences"])
    top = db.top_officialese(own, limit=10)
    rows = {r.term: r for r in top.itertuples()}
    # The comment's "Ten behoeve van" is not the municipality's text.
    assert rows["ten behoeve van"].n == 1
    assert rows["ten behoeve van"].alternative == "voor"
    assert rows["teneinde"].alternative == "om"
    assert rows["starten"].alternative is None
    assert db.top_officialese(own, limit=1).shape[0] == 1


def test_dashboard_top_officialese_orders_by_frequency_and_picks_common_alternative():
    flags = pd.DataFrame(
        {
            "kind": ["officialese"] * 5 + ["passive"],
            "text": ["Aanvang", "aanvang", " aanvang", "derhalve", "Derhalve", "wordt"],
            "unit_id": ["u1", "u1", "u2", "u3", "u3", "u4"],
            "suggestion": ["begin", "start", "begin", None, "dus", None],
        }
    )
    top = db.top_officialese(flags, limit=5)
    assert list(top["term"]) == ["aanvang", "derhalve"]
    assert list(top["n"]) == [3, 2]
    assert list(top["n_units"]) == [2, 1]
    assert list(top["alternative"]) == ["begin", "dus"]


def test_dashboard_flag_counts_labels_in_dutch(tables, labels):
    counts = db.flag_counts(db.own_text_flags(tables["flags"], tables["sentences"]), labels)
    assert counts.iloc[0]["kind"] == "officialese" and counts.iloc[0]["n"] == 3
    from pipeline.readability.flags import TITLES  # the registry names every kind once

    assert set(counts["label"]) == {TITLES[k] for k in ("officialese", "passive", "long_sentence")}


def test_dashboard_rewrite_candidates_rank_and_highlight(tables, labels):
    docs = db.with_groups(tables["documents"], labels)
    names = dict(zip(docs["document_id"], docs["document"], strict=True))
    out = db.rewrite_candidates(tables["sentences"], tables["flags"], names, labels, limit=10)
    # s1 has three flags; s2 and s3 one each, and s3 is longer.
    assert list(out["sentence_id"]) == ["s1", "s3", "s2"]
    first = out.iloc[0]
    assert first["n_flags"] == 3
    assert first["document"].startswith("Zeewolde · Programma 1: Wonen")
    assert "".join(piece for piece, _ in first["segments"]) == first["text"]
    marked = [piece for piece, label in first["segments"] if label]
    # The long-sentence flag covers the whole sentence and is not marked.
    assert marked == ["Ten behoeve van", "wordt een plan gemaakt"]
    assert "s4" not in set(out["sentence_id"])  # comments are not rewritten
    assert len(db.rewrite_candidates(tables["sentences"], tables["flags"], names, labels, 1)) == 1


def test_dashboard_rewrite_candidates_order_ties_by_kinds_then_length(labels):
    sentences = pd.DataFrame(
        [
            _sentence("a", "u", "paragraph", "d", "Kort en ambtelijk."),
            _sentence("b", "u", "paragraph", "d", "Een veel langere zin die ambtelijk is.", 30),
            _sentence("c", "u", "item", "d", "Twee soorten hier.", 80),
        ]
    )
    rows = sentences.to_dict("records")
    flags = pd.DataFrame(
        [
            _flag("1", rows[0], "officialese", "ambtelijk"),
            _flag("2", rows[1], "officialese", "ambtelijk"),
            _flag("3", rows[2], "officialese", "Twee"),
            _flag("4", rows[2], "passive", "soorten"),
            _flag("5", rows[0], "officialese", "Kort"),
        ]
    )
    out = db.rewrite_candidates(sentences, flags, {}, labels, limit=5)
    assert list(out["sentence_id"]) == ["c", "a", "b"]
    assert set(out["document"]) == {labels.unknown}


@pytest.mark.parametrize(
    "spans, expected",
    [
        ([], [("abcdef", None)]),
        ([(0, 6, "x")], [("abcdef", None)]),
        ([(1, 3, "x")], [("a", None), ("bc", "x"), ("def", None)]),
        ([(2, 4, "y"), (0, 1, "x")], [("a", "x"), ("b", None), ("cd", "y"), ("ef", None)]),
        ([(1, 4, "x"), (2, 5, "y")], [("a", None), ("bcd", "x"), ("ef", None)]),
        ([(-1, 2, "x"), (4, 9, "y")], [("abcdef", None)]),
    ],
)
def test_dashboard_highlight_segments(spans, expected):
    assert db.highlight_segments("abcdef", spans) == expected


def test_dashboard_sentiment_by_month_fills_gaps_in_dutch_time(tables, labels):
    out = db.sentiment_by_month(tables["comments"], labels)
    assert list(dict.fromkeys(out["month"])) == ["2024-01", "2024-02", "2024-03"]
    assert list(dict.fromkeys(out["month_label"])) == ["jan 2024", "feb 2024", "mrt 2024"]
    counts = out.set_index(["month", "sentiment"])["n"]
    # 31 January 23:30 UTC is 1 February in the Netherlands.
    assert counts[("2024-01", "negatief")] == 1
    assert counts[("2024-01", "positief")] == 0
    assert counts[("2024-02", "positief")] == 1
    assert counts[("2024-03", "negatief")] == 1
    share = out.set_index(["month", "sentiment"])["share"]
    assert share[("2024-01", "negatief")] == pytest.approx(1.0)
    assert out["n"].sum() == 3  # the comment without a time is left out
    assert set(out["sentiment_label"]) == {"Negatief", "Neutraal", "Positief"}


def test_dashboard_sentiment_by_month_empty(labels):
    assert db.sentiment_by_month(db._empty("comments"), labels).empty


def test_dashboard_sentiment_by_theme(tables, labels):
    out = db.sentiment_by_theme(tables["comments"], tables["themes"], labels)
    verkeer = out[out["theme"] == labels.theme("verkeer")].set_index("sentiment")
    assert verkeer.loc["negatief", "n"] == 2 and verkeer.loc["positief", "n"] == 1
    assert "neutraal" not in verkeer.index  # the neutral comment has no theme
    assert verkeer["share"].sum() == pytest.approx(1.0)


def test_dashboard_themes_by_document_keeps_levels(tables, labels):
    docs = db.with_groups(tables["documents"], labels)
    grid = db.themes_by_document(tables["themes"], docs, labels, levels=("1", "cross"))
    assert set(grid["slug"]) == {"wonen", "duurzaamheid", "verkeer"}
    assert grid.iloc[0]["evidence"] == "woning, bouwen"
    grid2 = db.themes_by_document(tables["themes"], docs, labels, levels=("2",))
    assert list(grid2["slug"]) == ["wonen-nieuwbouw"]


def test_dashboard_document_labels_are_unique(labels):
    docs = pd.DataFrame(
        [_doc("aaaaaa1", "Ede", "1", "Wonen", 2024, True, 1, 20.0),
         _doc("bbbbbb2", "Ede", "1", "Wonen", 2024, True, 1, 20.0),
         _doc("cccccc3", None, None, None, None, None, None, None)]
    )  # fmt: skip
    names = db.document_labels(docs, labels, max_chars=60)
    assert names.is_unique
    assert names["cccccc3"] == f"{labels.unknown} · cccccc3.txt"
    assert names["aaaaaa1"].startswith("Ede · Programma 1: Wonen · begroting 2024")


def test_dashboard_thread_overview_and_uncivil(tables, labels):
    threads = db.thread_overview(tables["threads"], tables["comments"], labels)
    row = threads.iloc[0]
    assert (row["n_comments"], row["n_uncivil"]) == (4, 1)
    assert row["negative_share"] == pytest.approx(0.5)
    uncivil = db.uncivil_comments(tables["comments"], tables["threads"], labels, limit=5)
    assert list(uncivil["text"]) == ["Wat een sukkels"]
    # in Dutch time, as the dashboard shows it (walkthrough s36: the notebook showed UTC)
    assert str(uncivil["timestamp"].iloc[0]) == "2024-03-02 01:00:00+01:00"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def hostile_html(tmp_path_factory) -> str:
    out = synthetic_tables(tmp_path_factory.mktemp("hostile"), HOSTILE)
    tables = db.load_tables(out)
    return db.build_dashboard(tables, DashboardSettings(min_n=1))


def test_dashboard_escapes_hostile_text(hostile_html):
    parser = _Collector()
    parser.feed(hostile_html)
    # Only the page's own scripts: chart specs, the locale, the Vega library, the table filter
    # and the loader.
    n_specs = hostile_html.count('type="application/json" id="spec-')
    assert parser.tags.count("script") == n_specs + 4
    assert "img" not in parser.tags
    assert parser.handlers == []
    assert HOSTILE not in hostile_html
    # The hostile text is shown as text: in titles, sentences, comments and file names
    # (programme titles are shortened to max_label_chars).
    shown = "".join(parser.text)
    prefixes = ["fietspad", "sukkels", "kapot.pdf", "plan gemaakt.", "voor"]
    for visible in ["Wonen" + HOSTILE[:30], *(p + HOSTILE for p in prefixes)]:
        assert visible in shown


def test_dashboard_specs_keep_hostile_text_inert(hostile_html):
    specs = re.findall(r'id="spec-[^"]+">(.*?)</script>', hostile_html, flags=re.S)
    assert specs
    for spec in specs:
        assert "<" not in spec and ">" not in spec


def test_dashboard_empty_tables_show_no_data(tmp_path):
    out = tmp_path / "empty"
    out.mkdir()
    result = db.write_dashboard(out, out / "dashboard.html", DashboardSettings())
    page = result.path.read_text(encoding="utf-8")
    assert result.n_charts == 0 and result.n_empty == 7
    assert page.count(db.NO_DATA) >= 7
    assert "data-spec=" not in page
    assert "window.vegaEmbed" not in page and result.n_bytes < 50_000  # no library, no charts


def test_dashboard_writes_self_contained_file(tmp_path):
    processed = synthetic_tables(tmp_path)
    target = tmp_path / "site" / "dashboard.html"
    result = db.write_dashboard(processed, target, DashboardSettings(min_n=1))
    page = target.read_text(encoding="utf-8")
    assert result.n_charts == 7 and result.n_empty == 0
    assert result.n_bytes == len(page.encode("utf-8"))
    assert result.n_bytes < 1_500_000
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "window.vegaEmbed" in page
    assert '<html lang="nl">' in page


def test_dashboard_missing_folder_is_clear(tmp_path):
    with pytest.raises(db.DashboardError, match="folder with tables not found"):
        db.load_tables(tmp_path / "nope")


def test_dashboard_broken_table_names_the_file(tmp_path):
    processed = synthetic_tables(tmp_path)
    (processed / "comments.parquet").write_bytes(b"not parquet")
    with pytest.raises(db.DashboardError, match=r"comments\.parquet: cannot read table"):
        db.load_tables(processed)


def test_dashboard_settings_limit_rows(tmp_path, labels):
    tables = db.load_tables(synthetic_tables(tmp_path))
    context = db.build_context(
        tables, DashboardSettings(top_sentences=1, top_officialese=2), labels
    )
    assert len(context["rewrite"]) == 1
    assert len(context["officialese"]) == 2


def test_dashboard_cli_writes_file(tmp_path):
    processed = synthetic_tables(tmp_path)
    target = tmp_path / "out.html"
    result = CliRunner().invoke(
        app, ["dashboard", "--processed", str(processed), "--out", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert target.exists()
    assert str(target) in result.output


def test_dashboard_cli_missing_folder_one_line(tmp_path):
    result = CliRunner().invoke(app, ["dashboard", "--processed", str(tmp_path / "nope")])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "folder with tables not found" in lines[0]


def test_dashboard_labels_cover_flag_kinds_and_theme_names(labels):
    from pipeline.readability.flags import FLAG_KINDS
    from pipeline.themes.taxonomy import load_taxonomy

    assert set(FLAG_KINDS) <= set(labels.flag_kinds)
    for theme in load_taxonomy():
        assert labels.theme(theme.slug) == theme.name
    assert labels.theme("no-such-theme") == "no-such-theme"
    assert set(labels.lint_levels) == set(labels.lint_colors) == {"1", "2", "3", "4"}


def test_dashboard_labels_bad_file_is_clear(tmp_path):
    bad = tmp_path / "labels.toml"
    bad.write_text("unknown = 'x'\n", encoding="utf-8")
    with pytest.raises(db.DashboardError, match=r"labels\.toml: cannot read dashboard labels"):
        db.load_labels(bad)


def test_dashboard_shares_show_n_and_hide_below_min_n(tables, labels):
    docs = db.with_groups(tables["documents"], labels)
    kpis = db.compute_kpis(docs, tables["comments"], min_n=5)
    assert kpis.n_assessed == 3 and kpis.b1_pass_rate is None  # 3 verdicts < 5
    assert kpis.n_scored == 4 and kpis.negative_share is None
    kpis = db.compute_kpis(docs, tables["comments"], min_n=3)
    assert kpis.b1_pass_rate == pytest.approx(1 / 3)
    overview = db.thread_overview(tables["threads"], tables["comments"], labels, min_n=5)
    assert overview.iloc[0]["n_scored"] == 4 and overview.iloc[0]["negative_share"] is None
    by_thread = db.sentiment_by_thread(tables["comments"], tables["threads"], labels, min_n=4)
    assert set(by_thread["n_thread"]) == {4} and by_thread["share"].sum() == pytest.approx(1)
    assert db.sentiment_by_thread(tables["comments"], tables["threads"], labels, 5).empty
    by_theme = db.sentiment_by_theme(tables["comments"], tables["themes"], labels, min_n=3)
    assert set(by_theme["n_theme"]) == {3}
    assert db.sentiment_by_theme(tables["comments"], tables["themes"], labels, min_n=4).empty
    rates = db.pass_rates(docs, ["municipality_label", "kind_label"])
    spec = db.chart_spec(db.chart_pass_rate(rates, min_n=2))
    rows = next(iter(spec["datasets"].values()))
    notes = {r["group"]: r["note"] for r in rows}
    assert notes["Zeewolde · begroting 2024"].startswith("n = 2 · LiNT")
    assert notes["Dalfsen · begroting 2023"] == (
        "n = 1 · LiNT 4,0 · 0 op B1 · te weinig voor een percentage"
    )
    assert all(r["pass_rate"] is None for r in rows if r["n_assessed"] < 2)
    # A long bar carries its note inside (white), a short one after it: never cut off.
    _, after, within = spec["layer"]
    assert within["mark"]["align"] == "right" and within["mark"]["color"] == "#ffffff"
    assert [t["filter"] for t in within["transform"]] == [
        f"isValid(datum.pass_rate) && datum.pass_rate >= {db.INSIDE_FROM}"
    ]
    assert after["transform"][0]["filter"] == f"!({within['transform'][0]['filter']})"


def test_dashboard_compares_like_with_like_and_labels_are_readable(tmp_path, labels):
    rows = synthetic_rows()
    twin = dict(rows["documents"][0], document_id="d5", source_path="data/raw/ander.txt",
                content_hash="d5" * 8)  # fmt: skip
    rows["documents"].append(twin)
    rows["programmes"].append(dict(rows["programmes"][0], programme_id="pd5", document_id="d5"))
    rows["documents"][-1]["n_programmes"] = 1
    out = tmp_path / "processed"
    write_tables(rows, out)
    tables = db.load_tables(out)
    docs = db.with_groups(tables["documents"], labels)
    assert set(docs["kind_label"]) == {"begroting 2024", "begroting 2023", "overig document"}
    names = list(docs["document"])
    assert not any(re.search(r"\[[0-9a-f]{6}\]", n) for n in names)  # no id fragments
    assert any(n.endswith("(ander.txt)") for n in names)  # twins told apart by file name
    page = db.build_dashboard(tables, DashboardSettings(min_n=1))
    assert '<select id="filter-type">' in page and "<option>begroting</option>" in page
    assert '<tr data-kind="begroting 2024">' in page
    rewrite = page[page.index('id="panel-herschrijven"') :]
    assert rewrite.split(">", 2)[1].strip().startswith("<details")  # collapsed by default
    assert "<details open" not in page
    long_name = max(labels.themes.values(), key=len)
    grid = db.themes_by_document(
        pd.DataFrame([{"unit_id": "d1", "unit_kind": "document", "slug": next(
            s for s, n in labels.themes.items() if n == long_name), "level": "1", "score": 0.5,
            "evidence": []}]), docs, labels)  # fmt: skip
    spec = db.chart_spec(db.chart_themes(grid))
    assert long_name in json.dumps(spec, ensure_ascii=False)
    assert spec["encoding"]["x"]["axis"]["labelLimit"] == 0  # never cut off


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def _rows(spec: dict[str, Any], chart: dict[str, Any]) -> list[dict[str, Any]]:
    return spec["datasets"][chart["data"]["name"]]


def test_dashboard_b1_chart_shows_counts_when_every_group_is_below_min_n(tables, labels):
    docs = db.with_groups(tables["documents"], labels)
    rates = db.pass_rates(docs, ["municipality_label", "kind_label"])
    assert not db.shares_shown(rates, 5) and db.shares_shown(rates, 2)
    for narrow in (False, True):
        spec = db.chart_spec(db.chart_pass_rate(rates, min_n=5, narrow=narrow))
        bars = _layers(spec)[0]
        assert bars["encoding"]["x"]["field"] == "n" and "pass_rate" not in json.dumps(spec)
        counts = {(r["group"], r["verdict"]): r["n"] for r in _rows(spec, bars)}
        # Zeewolde 2024: one document at B1, one not; Dalfsen: one not; d4: no verdict.
        assert counts[("Zeewolde · begroting 2024", "voldoet aan B1")] == 1
        assert counts[("Zeewolde · begroting 2024", "voldoet niet")] == 1
        assert counts[("Dalfsen · begroting 2023", "voldoet niet")] == 1
        assert counts[("onbekend · overig document", "geen oordeel")] == 1
        # The verdict is in words as well as in colour.
        assert "1 van 2 op B1 · LiNT 2,5" in json.dumps(spec, ensure_ascii=False)
    page = db.build_dashboard(tables, DashboardSettings(min_n=5))
    panel = page[page.index('id="panel-b1-gemeente"') :][:2000]
    assert "daarom staan hier de aantallen" in panel and "min_n = 5" in panel
    table = page[page.index('id="panel-gemeenten"') : page.index('id="panel-programmas"')]
    cells = re.findall(r'<td class="num">([^<]*)</td>', table)
    assert "1 van 2" in cells and "0 van 1" in cells  # counts, not "–", below min_n
    page = db.build_dashboard(tables, DashboardSettings(min_n=2))
    panel = page[page.index('id="panel-b1-gemeente"') :][:2000]
    assert "Aandeel documenten dat op B1 is geschreven" in panel


def test_dashboard_is_responsive_from_360_px(tables, labels):
    page = db.build_dashboard(tables, DashboardSettings(min_n=1))
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@media (max-width: 600px)" in page and "@media (max-width: 900px)" in page
    specs = dict(re.findall(r'id="(spec-[^"]+)">(.*?)</script>', page, flags=re.S))
    drawn = re.findall(r'data-spec="(spec-[^"]+)"(?: data-spec-narrow="(spec-[^"]+)")?', page)
    assert len(drawn) == 7 and all(narrow for _, narrow in drawn)
    for wide, narrow in drawn:
        spec = json.loads(specs[narrow])
        if wide == "spec-themas":  # a fixed cell size: the grid scrolls inside its box
            assert spec["width"] == {"step": 24}
            continue
        bars, *texts = _layers(spec)
        assert spec["width"] == "container" and bars["encoding"]["y"]["axis"] is None
        # Every bar's label is written above it, each line whole.
        labels_above = {r["line"] for t in texts for r in _rows(spec, t)}
        rows = {r[bars["encoding"]["y"]["field"]] for r in _rows(spec, bars)}
        assert rows and all(set(str(r).split("\n")) <= labels_above for r in rows)
        assert all(len(line) <= 60 for line in labels_above)
    assert 'class="scroll-hint"' in page


def test_dashboard_heat_map_abbreviates_long_theme_names_with_a_legend(tables, labels):
    long_name = max(labels.themes.values(), key=len)
    assert len(long_name) > 40
    short = db.abbreviate(long_name)
    assert short.endswith("…") and len(short) <= 24 and long_name.startswith(short[:-1])
    assert db.abbreviate("Economie") == "Economie"
    slug = next(s for s, n in labels.themes.items() if n == long_name)
    themes = pd.concat(
        [tables["themes"], pd.DataFrame([_theme("d2", "document", slug, 0.6)])], ignore_index=True
    )
    page = db.build_dashboard({**tables, "themes": themes}, DashboardSettings(min_n=1))
    panel = page[page.index('id="panel-themas"') :]
    legend = panel[panel.index('<dl class="legend"') : panel.index("</dl>")]
    assert f"<dt>{short}</dt><dd>{long_name}</dd>" in html_unescape(legend)
    spec = json.loads(re.search(r'id="spec-themas">(.*?)</script>', page, flags=re.S)[1])
    assert spec["encoding"]["x"]["field"] == "theme_short"
    assert any(t["title"] == "Thema" and t["field"] == "theme" for t in spec["encoding"]["tooltip"])


def test_dashboard_comment_figures_say_their_base(tables, labels):
    comments = tables["comments"].assign(author_role="resident")
    reply = comments.iloc[[0]].assign(
        comment_id="reply", comment_number=9, author="Gemeente Zeewolde",
        author_role="organisation", sentiment="negatief", uncivil=False,
    )  # fmt: skip
    both = pd.concat([comments, reply], ignore_index=True)
    kpis = db.compute_kpis(tables["documents"], both)
    assert (kpis.n_comments, kpis.n_scored, kpis.n_left_out) == (4, 4, 1)
    assert kpis.negative_share == pytest.approx(0.5)
    assert kpis.base == "reacties van inwoners, zonder de 1 reactie van de gemeente zelf"
    every = db.compute_kpis(tables["documents"], both, residents_only=False)
    assert every.n_comments == 5 and every.negative_share == pytest.approx(0.6)
    assert "ook van de gemeente" in every.base
    assert db.resident_base(0) == db.RESIDENT_BASE
    assert db.resident_base(2).endswith("zonder de 2 reacties van de gemeente zelf")
    # The same base in every function the notebooks call.
    overview = db.thread_overview(tables["threads"], both, labels)
    assert overview.iloc[0]["n_scored"] == 4
    by_thread = db.sentiment_by_thread(both, tables["threads"], labels)
    assert set(by_thread["n_thread"]) == {4}
    by_month = db.sentiment_by_month(both, labels)
    assert by_month["n"].sum() == 3  # c4 has no time
    page = db.build_dashboard({**tables, "comments": both},
                              DashboardSettings(min_n=1))  # fmt: skip
    text = html_unescape(page)
    assert "Basis: reacties van inwoners, zonder de 1 reactie van de gemeente zelf." in text
    discussions = text[text.index('id="panel-discussies"') :][:1500]
    assert "Basis: reacties van inwoners" in discussions


def test_dashboard_kpi_labels_agree_with_their_count(tables):
    """One word for incivility everywhere (`sentiment` says "onbeschoft" too), singular
    with 1."""
    page = db.build_dashboard(tables, DashboardSettings(min_n=1))
    kpis = re.findall(r'<div class="value">([^<]*)</div><div class="label">([^<]*)<', page)
    assert ("1", "onbeschofte reactie") in kpis
    assert ("4", "documenten") in kpis and ("4", "reacties van inwoners") in kpis
    assert "onbeleefd" not in page
    one = {**tables, "documents": tables["documents"].iloc[:1]}
    assert '<div class="label">document</div>' in db.build_dashboard(one, DashboardSettings())


def test_dashboard_says_which_discussions_the_sentiment_chart_leaves_out(tables):
    """A discussion with fewer than min_n scored comments is not drawn; a note says so."""
    note = re.compile(r'<p class="note">([^<]*)</p>')
    few = db.build_dashboard(tables, DashboardSettings(min_n=5))  # the thread has 4
    panel = few[few.index('id="panel-sentiment-discussie"') :]
    assert (
        note.search(panel[: panel.index("</article>")])
        .group(1)
        .startswith("1 discussie staat er niet in: die heeft minder dan 5 reacties met een toon.")
    )
    assert not note.search(db.build_dashboard(tables, DashboardSettings(min_n=1)))
    two = {**tables, "threads": pd.concat([tables["threads"]] * 2, ignore_index=True)}
    two["threads"].loc[1, "thread_id"] = "t2"
    assert "2 discussies staan er niet in: die hebben" in db.build_dashboard(
        two, DashboardSettings(min_n=5)
    )
