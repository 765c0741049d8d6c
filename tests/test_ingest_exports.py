"""Tests for pipeline/ingest/exports.py: CSV and JSON comment exports."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from pipeline.config import Settings, load_settings
from pipeline.ingest import ingest_paths
from pipeline.ingest.exports import parse_export
from pipeline.ingest.readers import InputError, RawInput, decode_text, read_input
from pipeline.privacy import Pseudonymiser
from pipeline.records import IngestError, Thread

RAW = FIXTURES / "raw" / "threads"


def export(data: str | bytes, suffix: str, settings: Settings) -> list[Thread]:
    raw_bytes = data.encode("utf-8") if isinstance(data, str) else data
    text, encoding = decode_text(raw_bytes)
    raw = RawInput(f"export{suffix}", suffix, text, raw_bytes, encoding)
    return list(parse_export(raw, settings.ingest, Pseudonymiser(settings.privacy)))


def structure(thread: Thread) -> list[tuple[int, int | None, int]]:
    return [(c.index, c.parent_index, c.depth) for c in thread.comments]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_ingest_exports_csv_delimiters_are_sniffed(delimiter: str, settings: Settings) -> None:
    rows = [
        ["id", "parent_id", "author", "created_at", "text"],
        ["1", "", "Anna", "12-04-2023 09:15", "Goed plan, echt waar; top."],
        ["2", "1", "Bert", "12-04-2023 10:00", "Eens."],
    ]
    text = "\n".join(
        delimiter.join(f'"{c}"' if delimiter in c or "," in c or ";" in c else c for c in row)
        for row in rows
    )
    (thread,) = export(text, ".csv", settings)
    assert thread.layout == "csv"
    assert structure(thread) == [(1, None, 0), (2, 1, 1)]
    assert thread.comments[0].text == "Goed plan, echt waar; top."
    assert thread.comments[0].timestamp is not None
    assert thread.comments[0].timestamp.isoformat() == "2023-04-12T07:15:00+00:00"


def test_ingest_exports_csv_in_cp1252_with_multiline_cells(settings: Settings) -> None:
    (thread,) = list(
        parse_export(
            read_input(RAW / "export_comma_cp1252.csv"),
            settings.ingest,
            Pseudonymiser(settings.privacy),
        )
    )
    # "De Hoek" is also a surname, so Deduce's name finder scrubs it (leaks are worse)
    assert thread.comments[0].text.startswith("Café [naam] moet blijven")
    assert thread.comments[0].contains_email
    assert thread.comments[2].timestamp is None  # "gisteren" cannot be dated
    multiline = 'id;tekst\n1;"Regel een\nregel twee"\n'
    (other,) = export(multiline, ".csv", settings)
    assert other.comments[0].text == "Regel een\nregel twee"


def test_ingest_exports_csv_without_text_column_names_columns(settings: Settings) -> None:
    with pytest.raises(InputError) as info:
        export("id;naam;datum\n1;Anna;12-04-2023\n", ".csv", settings)
    message = str(info.value)
    assert "no comment text column: none of its 3 columns is named text, tekst" in message
    assert "ingest.export_columns" in message
    assert "naam" not in message and "Anna" not in message  # never quotes the file
    assert "\n" not in message


def test_ingest_exports_headerless_csv_quotes_nothing(settings: Settings) -> None:
    """#14 item 4: the first row of a headerless export holds a resident's personal data."""
    from bench.adversarial import PLANTED_EMAIL, PLANTED_NAME, PLANTED_PHONE, headerless_csv

    with pytest.raises(InputError) as info:
        export(headerless_csv(), ".csv", settings)
    message = str(info.value)
    assert message.startswith("CSV export has no recognisable header row: none of the 5 names")
    for planted in (PLANTED_NAME, *PLANTED_NAME.split("-"), PLANTED_EMAIL, PLANTED_PHONE):
        assert planted not in message
    with pytest.raises(InputError) as info:
        export('[{"Gerarda": 1, "06-48213377": "x"}]', ".json", settings)
    assert "Gerarda" not in str(info.value) and "0648" not in str(info.value)


def test_ingest_exports_duplicate_ids_warned(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    """#14 item 10: two comments with one id give a warning (positions only)."""
    from bench.adversarial import duplicate_id_csv

    with caplog.at_level("WARNING", logger="pipeline.ingest.exports"):
        (thread,) = export(duplicate_id_csv(), ".csv", settings)
    [warning] = [r.getMessage() for r in caplog.records if "repeat the id" in r.getMessage()]
    assert "1 comments repeat the id of an earlier comment (comment 3)" in warning
    assert "Chris" not in warning
    assert [c.parent_index for c in thread.comments] == [None, 1, None]


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ("text\n", "header but no comments"),
        ("\n\n", "no header row"),
        ("[1, 2", "invalid JSON"),
        ("42", "no list of comments"),
        ('{"comments": [1]}', "comment 1 is not a JSON object"),
        ('[{"id": 1, "naam": "Anna"}]', "no comment text column"),
        ("[]", "contains no comments"),
    ],
)
def test_ingest_exports_malformed_input_errors(data: str, match: str, settings: Settings) -> None:
    suffix = ".csv" if not data.lstrip().startswith(("[", "{", "4")) else ".json"
    with pytest.raises(InputError, match=match):
        export(data, suffix, settings)


def test_ingest_exports_jsonl_bad_line(settings: Settings) -> None:
    with pytest.raises(InputError, match="invalid JSON on line 2"):
        export('{"text": "a"}\n{"text": \n', ".jsonl", settings)


def test_ingest_exports_configured_column_names(tmp_path: Path) -> None:
    settings = load_settings(
        None,
        {
            "privacy": {"secret": "test-secret"},
            "ingest": {"export_columns": {"text": ["opmerking"], "author": ["indiener"]}},
        },
        environ={},
    )
    (thread,) = export("indiener,opmerking\nAnna,Prima\n", ".csv", settings)
    assert thread.comments[0].text == "Prima"
    assert thread.comments[0].author == Pseudonymiser(settings.privacy).pseudonym("Anna")
    with pytest.raises(InputError, match="text column one of: opmerking"):
        export("naam,tekst\nAnna,Prima\n", ".csv", settings)


def test_ingest_exports_several_threads_by_thread_column(settings: Settings) -> None:
    path = ROOT / "data" / "raw" / "thread_export.csv"
    threads = list(parse_export(read_input(path), settings.ingest, Pseudonymiser(settings.privacy)))
    assert [t.article_title for t in threads] == ["Verkeersveiligheid Dorpsstraat", "Afval ophalen"]
    assert structure(threads[0]) == [(1, None, 0), (2, 1, 1), (3, 2, 2)]
    # Comment 5 replies to the unknown id 99: it becomes top-level.
    assert structure(threads[1]) == [(1, None, 0), (2, None, 0), (3, 1, 1)]
    ids = [c.comment_id for t in threads for c in t.comments]
    assert len(set(ids)) == len(ids)
    assert threads[0].thread_id != threads[1].thread_id


def test_ingest_exports_orphans_and_cycles_are_logged(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        (thread,) = list(
            parse_export(
                read_input(RAW / "export_cycle.json"),
                settings.ingest,
                Pseudonymiser(settings.privacy),
            )
        )
    # a -> c -> b -> a is broken at a (the earliest); d replies to itself; e to an unknown id.
    assert structure(thread) == [
        (1, None, 0), (2, 1, 1), (3, 2, 2), (4, None, 0), (5, None, 0), (6, 3, 3)
    ]  # fmt: skip
    assert "reply cycle broken at comment 1" in caplog.text
    assert "reply cycle broken at comment 4" in caplog.text
    assert "1 replies to unknown comment ids" in caplog.text


def test_ingest_exports_nested_replies_and_article_object(settings: Settings) -> None:
    (thread,) = list(
        parse_export(
            read_input(RAW / "export_nested.json"),
            settings.ingest,
            Pseudonymiser(settings.privacy),
        )
    )
    assert thread.article_title == "Wijkbudget 2024"
    assert thread.article_text == "Dien voor 1 maart een plan in."
    assert (
        thread.published is not None and thread.published.isoformat() == "2024-01-09T23:00:00+00:00"
    )
    assert structure(thread) == [(1, None, 0), (2, 1, 1), (3, 2, 2), (4, 3, 3), (5, None, 0)]
    assert thread.comments[4].timestamp is not None  # epoch seconds
    pseudonymiser = Pseudonymiser(settings.privacy)
    assert thread.comments[0].author == pseudonymiser.pseudonym("Femke Jacobs")
    assert thread.comments[1].text == "[naam], doe je mee met het buurtfeest?"


def test_ingest_exports_list_of_thread_objects(settings: Settings) -> None:
    data = [
        {"thread": "Eerste", "comments": [{"text": "Een", "author": "Anna"}]},
        {"thread": "Tweede", "comments": [{"text": "Twee"}, {"text": "Drie"}]},
    ]
    threads = export(json.dumps(data), ".json", settings)
    assert [t.article_title for t in threads] == ["Eerste", "Tweede"]
    assert [len(t.comments) for t in threads] == [1, 2]
    assert threads[1].comments[0].author is None
    wrapped = export(json.dumps({"threads": data}), ".json", settings)
    assert [(t.article_title, len(t.comments)) for t in wrapped] == [("Eerste", 1), ("Tweede", 2)]


def test_ingest_exports_comments_with_replies_are_not_threads(settings: Settings) -> None:
    data = [{"id": 1, "text": "Vraag", "comments": [{"id": 2, "text": "Antwoord"}]}]
    (thread,) = export(json.dumps(data), ".json", settings)
    assert structure(thread) == [(1, None, 0), (2, 1, 1)]


def test_ingest_exports_jsonl_topics(settings: Settings) -> None:
    threads = list(
        parse_export(
            read_input(RAW / "export_topics.jsonl"),
            settings.ingest,
            Pseudonymiser(settings.privacy),
        )
    )
    assert [t.article_title for t in threads] == ["Hondenlosloopgebied", "Zonnepanelen op scholen"]
    assert structure(threads[0]) == [(1, None, 0), (2, 1, 1), (3, 2, 2)]
    assert threads[1].comments[0].contains_phone


def test_ingest_exports_broken_file_does_not_stop_the_batch(
    tmp_path: Path, settings: Settings
) -> None:
    (tmp_path / "a_broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "b_notext.csv").write_text("id;naam\n1;Anna\n", encoding="utf-8")
    (tmp_path / "c_good.csv").write_text("tekst\nPrima plan\n", encoding="utf-8")
    results = list(ingest_paths([tmp_path], settings, Pseudonymiser(settings.privacy)))
    errors = [r for r in results if isinstance(r, IngestError)]
    threads = [r for r in results if isinstance(r, Thread)]
    assert [Path(e.path).name for e in errors] == ["a_broken.json", "b_notext.csv"]
    assert all("\n" not in str(e) and e.path in str(e) for e in errors)
    assert len(threads) == 1 and threads[0].comments[0].text == "Prima plan"


def test_ingest_exports_subject_column_is_the_project(settings: Settings) -> None:
    data = (
        "id;onderwerp;auteur;tekst\n"
        "1;Herinrichting Marktplein;Anna Veldman;Graag meer bomen in Deventer.\n"
        "2;Nieuwe brug;Bert Kuipers;Eindelijk.\n"
    )
    threads = export(data, ".csv", settings)
    assert [t.project for t in threads] == ["Herinrichting Marktplein", "Nieuwe brug"]
    assert threads[0].municipality == "Deventer"  # no article: named in its comments
    by_id = export("thread_id;text\n7;Goed plan.\n", ".csv", settings)
    assert by_id[0].project is None  # an id is not a project
