"""Run the research notebooks top to bottom, headless, on the tables of a run.

Each notebook in ``notebooks/`` is executed with nbclient (the Jupyter kernel of this
virtual environment) against ``PROCESSED`` (default ``data/processed``, the output of
``make run``). The committed notebooks stay without outputs; the executed copies are written
to ``PROCESSED/notebooks/<name>.ipynb`` (the kernel's messages to ``<name>.kernel.log``), to
open in JupyterLab or any notebook viewer. Used
by ``make notebooks``; needs the ``notebooks`` extra (``pip install -e ".[notebooks]"``).

    .venv/bin/python scripts/run_notebooks.py [PROCESSED] [--timeout SECONDS]

Exit code 0 when every notebook ran, 1 when one failed (its name and the failing cell are
printed; the others still run), 2 when the tables or the notebook packages are missing.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def run_notebook(path: Path, out_dir: Path, timeout: int) -> str | None:
    """Execute one notebook; write the executed copy to ``out_dir``. The error, or None."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    error = None
    out_dir.mkdir(parents=True, exist_ok=True)
    # The kernel's own messages (start-up warnings, a crash) go to a log beside the copy.
    with (out_dir / f"{path.stem}.kernel.log").open("w", encoding="utf-8") as log:
        try:
            client.execute(stdout=log, stderr=log)
        except CellExecutionError as exc:
            # The last line names the exception; the cell source precedes it in str(exc).
            plain = re.sub(r"\x1b\[[0-9;]*m", "", str(exc))  # the traceback's colours
            lines = [line for line in plain.splitlines() if line.strip()]
            error = lines[-1] if lines else type(exc).__name__
        except Exception as exc:  # the kernel died, timed out, ...
            error = f"{type(exc).__name__}: {exc} (kernel log: {log.name})"
    # Atomic: a half-written copy never replaces a good one.
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=out_dir, suffix=".tmp", delete=False
    ) as handle:
        nbformat.write(notebook, handle)
    Path(handle.name).replace(out_dir / path.name)
    return error


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("processed", nargs="?", type=Path, default=ROOT / "data" / "processed")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = parser.parse_args(argv)
    processed = args.processed.expanduser().resolve()
    if not (processed / "gemeentetaal.duckdb").is_file():
        print(f"{processed}: no tables (gemeentetaal.duckdb) found: run `make run` first")
        return 2
    try:
        import nbclient  # noqa: F401
        import nbformat  # noqa: F401
    except ImportError:
        print('notebook packages missing: pip install -e ".[notebooks]" (or `make notebooks`)')
        return 2
    os.environ["GEMEENTETAAL_PROCESSED"] = str(processed)
    os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
    out_dir = processed / "notebooks"
    failed = 0
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        started = time.monotonic()
        error = run_notebook(path, out_dir, args.timeout)
        seconds = time.monotonic() - started
        if error:
            failed += 1
            print(f"{path.name}: FAILED after {seconds:.0f} s: {error}")
        else:
            print(f"{path.name}: ran in {seconds:.0f} s -> {out_dir / path.name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
