"""The batch job: tables, incremental runs, interruption, parallel and Dask engines."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from conftest import ROOT, SEED_PROGRAMMES, SEED_THREAD, require_seeds
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.run import PART_TABLES, run
from pipeline.schemas import TABLES

pytestmark = pytest.mark.slow
RAW = ROOT / "data" / "raw"
COMPARED = (*PART_TABLES, "errors")


def _tables(out: Path) -> dict[str, list[dict]]:
    """Every table as rows sorted by key (run ids and run-specific fields left out)."""
    result = {}
    for name in COMPARED:
        table = pq.read_table(out / f"{name}.parquet")
        assert table.schema.equals(TABLES[name].arrow_schema()), name
        rows = [{k: v for k, v in r.items() if k != "run_id"} for r in table.to_pylist()]
        result[name] = sorted(rows, key=lambda r: tuple(str(r[k]) for k in TABLES[name].key))
    return result


def _small_corpus(tmp_path: Path) -> Path:
    require_seeds()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in [*SEED_PROGRAMMES, SEED_THREAD]:
        shutil.copy(path, corpus / path.name)
    (corpus / "kapot.docx").write_bytes(b"PK\x03\x04 not really a docx")
    return corpus


def test_run_writes_every_table_and_skips_unchanged(tmp_path: Path, settings):
    corpus = _small_corpus(tmp_path)
    out = tmp_path / "out"
    first = run([corpus], settings, out)
    assert first.n_processed == 5 and first.n_skipped == 0
    assert [e.path for e in first.errors] == [str(corpus / "kapot.docx")]
    tables = _tables(out)
    assert len(tables["documents"]) == 4 and len(tables["threads"]) == 1
    assert all(d["b1_level"] for d in tables["documents"])
    assert tables["sentences"] and tables["flags"] and tables["themes"]
    assert all(c["sentiment"] in {"negatief", "neutraal", "positief"} for c in tables["comments"])
    con = duckdb.connect(str(out / "gemeentetaal.duckdb"), read_only=True)
    n_docs = con.execute("select count(*) from documents").fetchone()[0]
    n_runs = con.execute("select count(*) from runs").fetchone()[0]
    con.close()
    assert (n_docs, n_runs) == (4, 1)

    second = run([corpus], settings, out)
    assert second.n_processed == 0 and second.n_skipped == 5
    assert _tables(out) == tables
    forced = run([corpus], settings, out, force=True)
    assert forced.n_processed == 5
    assert pq.read_table(out / "runs.parquet").num_rows == 3


def test_run_interrupted_then_resumed_equals_uninterrupted(tmp_path: Path, settings):
    corpus = tmp_path / "corpus"
    shutil.copytree(RAW, corpus)
    reference = tmp_path / "reference"
    run([corpus], settings, reference)

    out = tmp_path / "out"
    env = {**os.environ, "GEMEENTETAAL_SECRET": "test-secret"}
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--no-progress"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = out / "parts" / "_done"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (done.exists() and any(done.iterdir())):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not (out / "documents.parquet").exists()

    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), result.stderr
    assert "unchanged since the last run" in result.stdout
    assert _tables(out) == _tables(reference)


def test_run_two_workers_equal_one(tmp_path: Path, settings):
    corpus = _small_corpus(tmp_path)
    one, two = tmp_path / "one", tmp_path / "two"
    run([corpus], settings, one, workers=1)
    run([corpus], settings, two, workers=2)
    assert _tables(one) == _tables(two)


def test_run_dask_local_cluster_equals_local(tmp_path: Path, settings):
    corpus = _small_corpus(tmp_path)
    local, two, dask = tmp_path / "local", tmp_path / "two", tmp_path / "dask"
    run([corpus], settings, local)
    run([corpus], settings, two, workers=2)
    summary = run([corpus], settings, dask, engine="dask", workers=2)
    assert summary.n_processed == 5
    assert _tables(local) == _tables(dask) == _tables(two)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_dask_local_cluster_workers_start_with_the_models_loaded(tmp_path: Path, settings):
    """The LocalCluster's workers are forked after the models are loaded (Linux): their
    first batch loads nothing, and BLAS runs one thread per worker."""
    from pipeline import engines
    from pipeline.worker import Worker

    planner = Worker(settings, tmp_path)
    client, cluster = engines._dask_client(2, None, planner)
    try:

        def state() -> tuple[bool, int]:
            from threadpoolctl import threadpool_info

            worker = engines._WORKER
            loaded = worker is not None and worker._analysers is not None
            return loaded, max((i["num_threads"] for i in threadpool_info()), default=1)

        states = client.run(state)
    finally:
        engines._WORKER = None
        client.close()
        cluster.close()
    assert len(states) == 2
    assert all(state == (True, 1) for state in states.values()), states


def test_run_cli_exit_codes_and_summary(tmp_path: Path):
    corpus = _small_corpus(tmp_path)
    runner = CliRunner()
    env = {"GEMEENTETAAL_SECRET": "test-secret"}
    result = runner.invoke(
        app, ["run", str(corpus), "--out", str(tmp_path / "o"), "--no-progress"], env=env
    )
    assert result.exit_code == 1, result.output
    assert "kapot.docx" in result.output and "5 analysed" in result.output
    (corpus / "kapot.docx").unlink()
    result = runner.invoke(
        app, ["run", str(corpus), "--out", str(tmp_path / "o"), "--no-progress"], env=env
    )
    assert result.exit_code == 0 and "5 unchanged since the last run" in result.output
    assert "No words analysed" in result.output  # unchanged inputs are not words analysed
    result = runner.invoke(app, ["run", str(corpus), "--engine", "spark"])
    assert result.exit_code == 2


def test_run_out_inside_the_input_folder_never_reads_its_own_output(tmp_path: Path):
    """Walkthrough s36: with --out inside the input folder the next run read its own parts
    (each failing as a comment export), listed its tables as unsupported and analysed the
    dashboard as a municipal document. The run's own output is passed over in silence."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("brief_b1_rioolvervanging.txt", "thread_export.json"):
        shutil.copy(RAW / name, corpus / name)
    env = {"GEMEENTETAAL_SECRET": "test-secret"}
    args = ["run", str(corpus), "--out", str(corpus), "--no-progress"]
    first = CliRunner().invoke(app, args, env=env)
    assert first.exit_code == 0, first.output
    dashboard = CliRunner().invoke(app, ["dashboard", "--processed", str(corpus)], env=env)
    assert dashboard.exit_code == 0 and (corpus / "dashboard.html").exists()
    again = CliRunner().invoke(app, [*args, "--force"], env=env)
    assert again.exit_code == 0, again.output
    assert ": 2 files: 2 analysed" in again.output and "unsupported" not in again.output
    assert pq.read_table(corpus / "documents.parquet").num_rows == 1


def test_run_lists_unsupported_files_and_exits_2_without_supported_input(tmp_path: Path):
    """A folder of old Word, OpenDocument and RTF files beside one .txt: each is listed with
    what to do and recorded in the errors table; a folder with no supported file is exit 2."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("oud.doc", "open.odt", "rijk.rtf"):
        (folder / name).write_bytes(b"not read")
    shutil.copy(RAW / "brief_b1_rioolvervanging.txt", folder / "brief.txt")
    runner = CliRunner()
    env = {"GEMEENTETAAL_SECRET": "test-secret"}
    out = tmp_path / "o"
    result = runner.invoke(app, ["run", str(folder), "--out", str(out), "--no-progress"], env=env)
    assert result.exit_code == 0, result.output
    assert "4 files: 1 analysed" in result.output and "unsupported: 3" in result.output
    assert f"unsupported: {folder / 'oud.doc'}: " in result.output
    errors = {Path(e["path"]).name: e for e in pq.read_table(out / "errors.parquet").to_pylist()}
    assert set(errors) == {"oud.doc", "open.odt", "rijk.rtf"}
    assert all(e["stage"] == "read" for e in errors.values())
    assert "save as .docx;" in errors["oud.doc"]["message"]
    assert "save as .docx or .txt" in errors["open.odt"]["message"]
    assert "save as .docx or .txt" in errors["rijk.rtf"]["message"]
    runs = pq.read_table(out / "runs.parquet").to_pylist()
    assert runs[-1]["n_errors"] == 0 and runs[-1]["n_inputs"] == 1

    only = tmp_path / "xlsx"
    only.mkdir()
    (only / "begroting.xlsx").write_bytes(b"PK not read")
    result = runner.invoke(
        app, ["run", str(only), "--out", str(tmp_path / "o2"), "--no-progress"], env=env
    )
    assert result.exit_code == 2, result.output
    assert "begroting.xlsx" in result.output and "Nothing was analysed" in result.output
    # nothing to read writes nothing: no empty tables in a new folder (session 36 note)
    assert not list((tmp_path / "o2").glob("*.parquet"))
    assert not (tmp_path / "o2" / "parts").exists()
    assert "No tables were written" in result.output


def test_run_changed_data_files_redo_every_input(tmp_path: Path, settings, monkeypatch):
    corpus = _small_corpus(tmp_path)
    (corpus / "kapot.docx").unlink()
    out = tmp_path / "out"
    assert run([corpus], settings, out).n_processed == 5
    assert run([corpus], settings, out).n_skipped == 5
    monkeypatch.setattr("pipeline.worker.data_fingerprint", lambda: "another-lexicon")
    assert run([corpus], settings, out).n_processed == 5


def test_run_fingerprint_covers_code_and_data(tmp_path, monkeypatch):
    import pipeline
    import pipeline.worker as run_mod

    package = Path(pipeline.__file__).parent
    copy = tmp_path / "pipeline"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(run_mod, "__file__", str(copy / "worker.py"))
    before = run_mod.data_fingerprint()
    (copy / "readability" / "verdict.py").write_text("# changed\n", encoding="utf-8")
    after_code = run_mod.data_fingerprint()
    (copy / "data" / "officialese.csv").write_text("term,alternative\n", encoding="utf-8")
    assert len({before, after_code, run_mod.data_fingerprint()}) == 3


def test_run_tables_of_data_raw_pass_referential_checks(tmp_path: Path, settings):
    """Every reference between the tables of `run data/raw` resolves: each unit_id of
    sentences, flags and themes (articles included) is a unit, each sentence is in a
    document or a thread (never both), and DuckDB accepts them as FOREIGN KEY constraints
    (`[run] duckdb_keys`)."""
    import pyarrow as pa

    from pipeline.schemas import VIEWS, check_references

    out = tmp_path / "out"
    with_keys = settings.run.model_copy(update={"duckdb_keys": True})
    summary = run([RAW], settings.model_copy(update={"run": with_keys}), out)
    assert not summary.errors
    tables = {name: pq.read_table(out / f"{name}.parquet") for name in TABLES}
    check_references(tables)
    units = set(tables["units"].column("unit_id").to_pylist())
    for name in ("sentences", "flags", "themes"):
        assert set(tables[name].column("unit_id").to_pylist()) <= units, name
    sentences = tables["sentences"].to_pylist()
    assert {s["unit_kind"] for s in sentences} == {"paragraph", "item", "article", "comment"}
    assert all((s["document_id"] is None) != (s["thread_id"] is None) for s in sentences)
    themes = tables["themes"].to_pylist()
    assert any(t["unit_kind"] == "article" for t in themes) and all(t["name"] for t in themes)
    from spacy.lang.nl.stop_words import STOP_WORDS

    evidence = {w.lower() for t in themes for w in t["evidence"]}
    assert evidence and not evidence & STOP_WORDS  # content words only ("langs", "via": no)
    run_ids = {r["run_id"] for r in tables["runs"].to_pylist()}
    for name in ("documents", "sentences", "comments", "themes"):
        assert set(tables[name].column("run_id").to_pylist()) == {summary.run_id} <= run_ids
    # A broken reference is caught.
    broken = tables["sentences"].set_column(
        1, "unit_id", pa.array(["nowhere"] * tables["sentences"].num_rows)
    )
    with pytest.raises(ValueError, match=r"sentences\.unit_id"):
        check_references({**tables, "sentences": broken})
    con = duckdb.connect(str(out / "gemeentetaal.duckdb"), read_only=True)
    n_fk = con.execute(
        "select count(*) from duckdb_constraints() where constraint_type = 'FOREIGN KEY'"
    ).fetchone()[0]
    views = {r[0] for r in con.execute("select view_name from duckdb_views()").fetchall()}
    for view in VIEWS:
        assert view.name in views
        assert con.execute(f"select count(*) from {view.name}").fetchone()[0] > 0, view.name
    con.close()
    n_declared = sum(
        1 for t in TABLES.values() for _, target, _ in t.references() if target != t.name
    )
    assert n_fk == n_declared


def test_run_broken_reference_stops_before_writing(tmp_path: Path, settings, monkeypatch):
    """A reference that does not resolve is a clear error naming the table and the column;
    the previous tables stay as they were."""
    import pipeline.analyses.readability as readability_analysis

    source = RAW / "brief_b1_rioolvervanging.txt"
    out = tmp_path / "out"
    run([source], settings, out)
    before = (out / "sentences.parquet").read_bytes()
    real = readability_analysis._sentence_rows

    def dangling(rows, parsed, analysis):
        real(rows, parsed, analysis)
        for row in rows["sentences"]:
            row["unit_id"] = "nowhere"

    monkeypatch.setattr(readability_analysis, "_sentence_rows", dangling)
    from pipeline.schemas import SchemaError

    with pytest.raises(SchemaError, match=r"sentences\.unit_id: \d+ value\(s\) not found in units"):
        run([source], settings, out, force=True)
    assert (out / "sentences.parquet").read_bytes() == before


def test_run_batched_equals_per_file_and_parts_are_one_dataset(tmp_path: Path, settings):
    """Inputs batched across files (one parse, one model call, one part per table) give the
    same tables as each input on its own; the parts are a Parquet dataset DuckDB reads."""
    corpus = tmp_path / "corpus"
    shutil.copytree(RAW, corpus)
    per_file = settings.model_copy(
        update={"run": settings.run.model_copy(update={"batch_bytes": 1024})}
    )
    one_batch = settings.model_copy(
        update={"run": settings.run.model_copy(update={"batch_bytes": 1024 * 1024})}
    )
    one, batched = tmp_path / "one", tmp_path / "batched"
    run([corpus], per_file, one)
    summary = run([corpus], one_batch, batched)
    assert summary.n_processed == len(list(RAW.iterdir()))
    assert _tables(one) == _tables(batched)
    assert len(list((one / "parts" / "sentences").glob("*.parquet"))) == summary.n_processed
    assert len(list((batched / "parts" / "sentences").glob("*.parquet"))) == 1
    con = duckdb.connect()
    for out in (one, batched):
        glob = str(out / "parts" / "sentences" / "*.parquet")
        n_parts = con.execute(f"select count(*) from read_parquet('{glob}')").fetchone()[0]
        assert n_parts == summary.table_rows["sentences"]


def test_run_analyses_are_registered_with_names_and_versions():
    from pipeline.analyses import ANALYSES, fingerprint

    assert list(ANALYSES) == ["readability", "themes", "sentiment"]
    assert fingerprint() == "readability@1,themes@1,sentiment@1"
    for cls in ANALYSES.values():
        assert callable(cls.load) and callable(cls.analyse) and callable(cls.roll_up)


def test_process_batch_gives_freed_memory_back(tmp_path: Path, settings, monkeypatch):
    """After each batch the worker trims the heap (resident memory stays flat on long runs),
    and a C library without ``malloc_trim`` is no error."""
    import pipeline.worker as worker_module

    calls: list[int] = []
    monkeypatch.setattr(worker_module, "release_freed_memory", lambda: calls.append(1))
    worker = worker_module.Worker(settings, tmp_path / "parts")
    worker.process_batch([])
    worker.process_batch([])
    assert calls == [1, 1]
    monkeypatch.undo()
    worker_module.release_freed_memory()  # the real one, glibc here
    monkeypatch.setattr(worker_module, "_malloc_trim", lambda: None)
    worker_module.release_freed_memory()


def test_run_never_empties_the_last_tables_by_mistake(tmp_path: Path):
    """A mistyped input path stops the run before anything is written (exit 2), and a folder
    with nothing to read leaves the last run's tables as they were."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(RAW / "brief_b1_rioolvervanging.txt", corpus / "brief.txt")
    out = tmp_path / "o"
    runner = CliRunner()
    env = {"GEMEENTETAAL_SECRET": "test-secret"}
    args = ["--out", str(out), "--no-progress"]
    assert runner.invoke(app, ["run", str(corpus), *args], env=env).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.glob("*.parquet")}
    result = runner.invoke(app, ["run", str(tmp_path / "inn"), *args], env=env)
    assert result.exit_code == 2
    assert "input not found" in result.output and "is unchanged" in result.output
    assert {p.name: p.read_bytes() for p in out.glob("*.parquet")} == before
    only = tmp_path / "xlsx"
    only.mkdir()
    (only / "begroting.xlsx").write_bytes(b"PK not read")
    result = runner.invoke(app, ["run", str(only), *args], env=env)
    assert result.exit_code == 2 and "left as they were" in result.output
    assert {p.name: p.read_bytes() for p in out.glob("*.parquet")} == before


def test_run_flag_and_sentence_texts_are_the_unit_text_at_their_offsets(tmp_path: Path, settings):
    # a comment keeps its line breaks; the parse reads a wrapped break as a space, but the
    # flags table holds the comment's own text at the flag's offsets (user trial)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "t.csv").write_text(
        "reactie_id;ouder_id;onderwerp;naam;datum;reactie\n"
        '1;;Plan Dorpsstraat;Anouk Brinkman;12-04-2023 09:15;"Het plan wordt door de\n'
        'gemeente vastgesteld. Dat vind ik goed."\n'
        '2;1;Plan Dorpsstraat;Ruud Hoekstra;12-04-2023 10:02;"Eens, dat is prima."\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run([corpus], settings, out)
    con = duckdb.connect(str(out / "gemeentetaal.duckdb"), read_only=True)
    pairs = con.execute(
        "select f.text, substr(c.text, f.start_char + 1, f.end_char - f.start_char) from flags f"
        " join comments c on f.unit_id = c.comment_id"
        " union all select s.text, substr(c.text, s.start_char + 1, s.end_char - s.start_char)"
        " from sentences s join comments c on s.unit_id = c.comment_id"
    ).fetchall()
    con.close()
    assert any("\n" in text for text, _ in pairs)
    assert all(text == at_offsets for text, at_offsets in pairs)
