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
        ([{"path": "a", "stage": "x", "message": "m"}] * 2, "duplicate key"),
        ([{"path": "a", "stage": "x", "message": 5}], "errors"),
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
