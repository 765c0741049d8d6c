"""The research notebooks run top to bottom on tables from a real ``gemeentetaal run``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
TIMEOUT = 600

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def processed(tmp_path_factory) -> Path:
    """Tables from ``gemeentetaal run data/raw`` in a temporary folder, made once."""
    out = tmp_path_factory.mktemp("notebooks") / "processed"
    env = {**os.environ, "GEMEENTETAAL_SECRET": "notebook-test-secret"}
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(ROOT / "data" / "raw"), "--out", str(out),
         "--no-progress"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800, check=False,
    )  # fmt: skip
    # Exit code 1 means some inputs failed; the tables are still written.
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert (out / "gemeentetaal.duckdb").is_file(), done.stderr[-2000:]
    return out


def test_notebooks_are_committed_without_outputs():
    import nbformat

    assert len(NOTEBOOKS) >= 3
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, path.name


def test_notebooks_name_the_default_verdict_rule():
    """A rule named in a notebook's text is the one in force by default (not a stale one)."""
    import re

    import nbformat

    from pipeline.config import ReadabilitySettings

    default = ReadabilitySettings().b1_rule
    for path in NOTEBOOKS:
        text = "".join(c.source for c in nbformat.read(path, as_version=4).cells)
        assert set(re.findall(r"b1_rule\.v\d+", text)) <= {default}, path.name


def test_notebooks_import_pipeline_never_the_reverse():
    for path in (ROOT / "pipeline").rglob("*.py"):
        assert "notebooks" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_run_top_to_bottom(path: Path, processed: Path, monkeypatch, tmp_path):
    """Each notebook runs from a folder outside the repository on tables outside it
    (GEMEENTETAAL_PROCESSED), and draws its charts without a CDN."""
    import nbformat
    from nbclient import NotebookClient

    assert ROOT not in processed.parents
    monkeypatch.setenv("GEMEENTETAAL_PROCESSED", str(processed))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},  # working directory: not the repo
    )
    client.execute()
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert errors == []
    data = [o.get("data", {}) for c in code for o in c.outputs]
    assert not any("cdn.jsdelivr" in str(d) or "vega@" in str(d) for d in data)
    if "alt.renderers" in "".join(c.source for c in code):
        assert any("image/svg+xml" in d for d in data), "charts are drawn as static SVG"
    if path.stem == "01_readability":
        # "Documents" lists every document, the letters (family text) too, not only programmes.
        cells = notebook.cells
        documents = next(i for i, c in enumerate(cells) if c.source.startswith("## Documents"))
        shown = str(cells[documents + 1].outputs)
        assert "brief_c1_rioolvervanging.txt" in shown and "programme" in shown
    if "compute_kpis" in "".join(c.source for c in code):
        # The share negative says its base, the dashboard's: residents only.
        printed = "".join(o.get("text", "") for c in code for o in c.outputs)
        assert "Basis: reacties van inwoners, zonder" in printed


def test_run_notebooks_script_needs_tables(tmp_path):
    """`make notebooks` runs scripts/run_notebooks.py; without tables it says what to do."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "run_notebooks.py"), str(tmp_path)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert str(tmp_path) in done.stdout and "make run" in done.stdout


def test_run_notebooks_script_writes_executed_copies(processed: Path):
    """The runner executes every notebook against the tables and leaves the committed ones
    without outputs."""
    before = {p: p.read_bytes() for p in NOTEBOOKS}
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "run_notebooks.py"), str(processed)],
        capture_output=True, text=True, timeout=TIMEOUT * len(NOTEBOOKS), check=False,
        env={**os.environ, "JUPYTER_PLATFORM_DIRS": "1"},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    import nbformat

    for path in NOTEBOOKS:
        assert path.read_bytes() == before[path]
        executed = nbformat.read(processed / "notebooks" / path.name, as_version=4)
        code = [c for c in executed.cells if c.cell_type == "code"]
        assert all(c.execution_count for c in code), path.name


def test_run_notebooks_script_names_a_failing_notebook(tmp_path):
    """A folder whose database is broken: each notebook that reads it is named with the error
    (no colour codes), the others still run, exit code 1."""
    (tmp_path / "gemeentetaal.duckdb").write_text("not a database", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "run_notebooks.py"), str(tmp_path)],
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
        env={**os.environ, "JUPYTER_PLATFORM_DIRS": "1"},
    )  # fmt: skip
    assert done.returncode == 1
    assert "01_readability.ipynb: FAILED" in done.stdout and "not a valid DuckDB" in done.stdout
    assert "03_extending.ipynb: ran" in done.stdout  # synthetic examples, no tables needed
    assert "\x1b[" not in done.stdout
