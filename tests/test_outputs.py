from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline import outputs
from pipeline.schemas import TABLES, SchemaError, validate


def _error_rows():
    return [{"path": "a.txt", "stage": "ingest", "message": "empty file", "run_id": None}]


def test_outputs_write_parquet_and_duckdb(tmp_path: Path):
    outputs.write_tables({"errors": _error_rows()}, tmp_path)
    table = pq.read_table(tmp_path / "errors.parquet")
    assert table.schema.equals(TABLES["errors"].arrow_schema())
    con = duckdb.connect(str(tmp_path / outputs.DUCKDB_FILE), read_only=True)
    assert con.execute("select message from errors").fetchall() == [("empty file",)]
    con.close()


def test_outputs_schema_errors_write_nothing(tmp_path: Path):
    bad = {"errors": _error_rows(), "runs": [{"run_id": "r"}]}  # runs misses non-null columns
    with pytest.raises(SchemaError):
        outputs.write_tables(bad, tmp_path)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    "rows, match",
    [
        ([{"path": "a", "stage": "x", "message": "m", "bogus": 1}], "unknown columns"),
        ([{"path": "a", "stage": "x", "message": None}], "null"),
        ([{"path": "a", "stage": "read", "message": "m"}] * 2, "duplicate key"),
        ([{"path": "a", "stage": "read", "message": 5}], "errors"),
        ([{"path": "a", "stage": "x", "message": "m"}], r"errors\.stage: unknown values"),
        ([{"path": "a", "message": "m"}], r"misses columns \['stage'\]"),
    ],
)
def test_outputs_validate_rejects(rows, match):
    with pytest.raises(SchemaError, match=match):
        validate(TABLES["errors"], rows)


def test_outputs_atomic_write_keeps_old_file_on_crash(tmp_path: Path):
    target = tmp_path / "t.txt"
    outputs.atomic_write_text(target, "old")
    with pytest.raises(RuntimeError), outputs.atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("crash")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.txt"]


def test_outputs_every_table_has_documented_columns():
    for table in TABLES.values():
        assert table.key and all(k in table.column_names for k in table.key)
        assert all(c.doc for c in table.columns), table.name
        assert "| column |" in table.to_markdown()


def test_outputs_tables_doc_is_up_to_date():
    from pipeline.schemas import tables_markdown

    doc = Path(__file__).resolve().parents[1] / "docs" / "tables.md"
    assert doc.read_text(encoding="utf-8") == tables_markdown() + "\n", (
        "run: gemeentetaal schema > docs/tables.md"
    )


def test_outputs_duckdb_tables_and_columns_are_described(tmp_path: Path):
    outputs.write_tables({"errors": _error_rows()}, tmp_path)
    con = duckdb.connect(str(tmp_path / outputs.DUCKDB_FILE), read_only=True)
    table_comment = con.execute(
        "select comment from duckdb_tables() where table_name = 'errors'"
    ).fetchone()[0]
    column_comment = con.execute(
        "select comment from duckdb_columns() where table_name = 'errors' and column_name = 'stage'"
    ).fetchone()[0]
    con.close()
    assert "one row per failed input" in table_comment
    assert column_comment.startswith("stage that failed")


def _sentence(**changes):
    row = {
        "sentence_id": "s1", "unit_id": "u1", "unit_kind": "paragraph", "document_id": "d1",
        "position": 0, "start_char": 0, "end_char": 4, "text": "Zin.", "flag_kinds": [],
    }  # fmt: skip
    return {**row, **changes}


@pytest.mark.parametrize(
    "changes, match",
    [
        ({"unit_kind": "chapter"}, r"sentences\.unit_kind: unknown values \['chapter'\]"),
        ({"flag_kinds": ["passive", "typo"]}, r"sentences\.flag_kinds: unknown values"),
        ({"sentiment": "boos"}, r"sentences\.sentiment: unknown values"),
        ({"sentiment_score": 1.5}, r"sentences\.sentiment_score \(row 0\): value 1\.5 is above"),
        ({"n_words": -1}, r"sentences\.n_words \(row 0\): value -1 is below"),
        ({"start_char": 9}, r"sentences\.start_char \(row 0\): start_char is greater than"),
    ],
)
def test_outputs_validate_has_teeth(changes, match):
    validate(TABLES["sentences"], [_sentence()])
    with pytest.raises(SchemaError, match=match):
        validate(TABLES["sentences"], [_sentence(**changes)])


def test_outputs_check_table_rejects_missing_columns():
    from pipeline.schemas import check_table

    arrow = validate(TABLES["errors"], _error_rows()).drop_columns(["message"])
    with pytest.raises(SchemaError, match=r"errors: missing columns \['message'\]"):
        check_table(TABLES["errors"], arrow)


def test_outputs_references_are_checked_before_writing(tmp_path: Path):
    doc = {"document_id": "d1", "source_path": "a.txt", "content_hash": "h", "family": "text",
           "n_programmes": 0}  # fmt: skip
    unit = {"unit_id": "u1", "unit_kind": "paragraph", "document_id": "d1", "position": 0}
    rows = {"documents": [doc], "units": [unit], "sentences": [_sentence(unit_id="nowhere")]}
    with pytest.raises(SchemaError, match=r"sentences\.unit_id: 1 value\(s\) not found in units"):
        outputs.write_tables(rows, tmp_path)
    assert not list(tmp_path.iterdir())
    outputs.write_tables({**rows, "sentences": [_sentence()]}, tmp_path)


def test_outputs_duckdb_enforces_declarations(tmp_path: Path):
    doc = {"document_id": "d1", "source_path": "a.txt", "content_hash": "h", "family": "text",
           "n_programmes": 0}  # fmt: skip
    unit = {"unit_id": "u1", "unit_kind": "paragraph", "document_id": "d1", "position": 0}
    rows = {"documents": [doc], "units": [unit], "sentences": [_sentence()]}
    outputs.write_tables(rows, tmp_path, keys=True)
    con = duckdb.connect(str(tmp_path / outputs.DUCKDB_FILE))
    kinds = dict(
        con.execute(
            "select constraint_type, count(*) from duckdb_constraints() "
            "where table_name = 'sentences' group by 1"
        ).fetchall()
    )
    assert kinds["PRIMARY KEY"] == 1 and kinds["FOREIGN KEY"] >= 2 and kinds["CHECK"] >= 5
    for sql in (
        "insert into sentences (sentence_id, unit_id, unit_kind, position, start_char, end_char,"
        " text) values ('s2', 'u1', 'chapter', 0, 0, 1, 'x')",
        "insert into sentences (sentence_id, unit_id, unit_kind, position, start_char, end_char,"
        " text) values ('s2', 'u1', 'item', 0, 5, 1, 'x')",
        "insert into sentences (sentence_id, unit_id, unit_kind, position, start_char, end_char,"
        " text) values ('s2', 'nowhere', 'item', 0, 0, 1, 'x')",
        "insert into sentences (sentence_id, unit_id, unit_kind, position, start_char, end_char,"
        " text) values ('s1', 'u1', 'item', 0, 0, 1, 'x')",
    ):
        with pytest.raises(duckdb.ConstraintException):
            con.execute(sql)
    con.close()


def test_outputs_no_column_is_an_sql_keyword():
    con = duckdb.connect()
    reserved = {
        name
        for name, category in con.execute(
            "select keyword_name, keyword_category from duckdb_keywords()"
        ).fetchall()
        if category == "reserved"
    } | {"index", "row", "column", "start", "end", "order"}
    con.close()
    for table in TABLES.values():
        bad = [c for c in table.column_names if c in reserved]
        assert not bad, f"{table.name}: {bad}"


def test_outputs_every_reference_points_at_a_declared_key():
    for table in TABLES.values():
        for column, target, target_column in table.references():
            assert column in table.column_names
            assert TABLES[target].key == (target_column,), f"{table.name}.{column}"


def test_outputs_duckdb_keys_are_opt_in(tmp_path: Path):
    outputs.write_tables({"errors": _error_rows()}, tmp_path)
    con = duckdb.connect(str(tmp_path / outputs.DUCKDB_FILE))
    found = con.execute("select constraint_type from duckdb_constraints()").fetchall()
    kinds = {r[0] for r in found}
    assert "CHECK" in kinds and "NOT NULL" in kinds and "PRIMARY KEY" not in kinds
    con.close()


def test_outputs_streamed_table_gathers_small_chunks_into_row_groups(tmp_path: Path):
    """One chunk per input (``run``'s merge) is written as few row groups, rows unchanged."""
    from pipeline.records import IngestError
    from pipeline.rows import error_rows

    rows = error_rows([IngestError(f"map/f{i}.txt", "ingest", "kapot") for i in range(300)], "r1")
    table = outputs.to_arrow("errors", rows)
    chunks = [table.slice(i, 1) for i in range(table.num_rows)]
    counts = outputs.write_tables(
        {"errors": outputs.TableStream(chunks)}, tmp_path, duckdb_file=None
    )
    assert counts == {"errors": 300}
    written = pq.ParquetFile(tmp_path / "errors.parquet")
    assert written.metadata.num_row_groups == 1
    assert written.read().equals(table)
