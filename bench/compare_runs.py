"""Do two checkouts write the same tables? ``gemeentetaal run`` with each, table by table.

For a change that must not change results (a speed-up): runs ``python -m pipeline run`` from
checkout A and from checkout B (each importing its own ``pipeline``, same interpreter, same
secret) on the same inputs, then compares every Parquet table the runs wrote: same tables,
same columns and types, same rows in the same order, values equal to the last bit (floats
compared exactly, NaN equal to NaN). Only what names the run itself is left out: the
``run_id`` column and the ``runs`` table's ``started`` and ``finished``. Each run's CPU
seconds (user + system, start-up and final tables included) are printed too.

The inputs are the given paths (default: ``data/raw`` and ``/work/shared/seeds`` when present)
and, with ``--corpus-words N``, a slice of about N words of ``bench/perf_bench.py``'s real
corpus (paragraphs of ``evaldata/municipal_comments``, written to a temporary folder; never
stored in the repository).

Usage: ``python bench/compare_runs.py --a /work/main [--b .] [--corpus-words 20000]
[PATH ...]``. Exit status 1 when a table differs.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path("/work/shared/seeds")
VOLATILE = {"run_id"}
VOLATILE_RUNS = {"started", "finished"}


def run(checkout: Path, inputs: list[Path], out: Path) -> float:
    """``gemeentetaal run`` of ``checkout`` (its own ``pipeline`` first on the path); returns
    its CPU seconds (user + system)."""
    env = {**os.environ, "GEMEENTETAAL_SECRET": "compare-runs", "PYTHONPATH": str(checkout)}
    # the default wheelhouse is relative to the working directory: the same one for both
    env.setdefault("GEMEENTETAAL_WHEELHOUSE", str((ROOT / ".." / "shared" / "models").resolve()))
    args = [sys.executable, "-m", "pipeline", "run", *map(str, inputs), "--out", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(
        [*args, "--workers", "1", "--no-progress"],
        cwd=checkout, env=env, capture_output=True, text=True,
    )  # fmt: skip
    if proc.returncode not in (0, 1):
        raise SystemExit(f"run in {checkout} failed:\n{proc.stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def same(a: Any, b: Any) -> bool:
    """Equal to the last bit; NaN equals NaN; lists and dicts compared element-wise."""
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and str(a) == str(b))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def compare_tables(out_a: Path, out_b: Path) -> list[str]:
    """Differences between the Parquet tables of two output folders (empty: identical)."""
    import pyarrow.parquet as pq

    problems: list[str] = []
    names_a = {p.name for p in out_a.glob("*.parquet")}
    names_b = {p.name for p in out_b.glob("*.parquet")}
    if names_a != names_b:
        problems.append(f"tables differ: {sorted(names_a ^ names_b)}")
    for name in sorted(names_a & names_b):
        ta, tb = pq.read_table(out_a / name), pq.read_table(out_b / name)
        drop = VOLATILE | (VOLATILE_RUNS if name == "runs.parquet" else set())
        ta = ta.drop_columns([c for c in ta.column_names if c in drop])
        tb = tb.drop_columns([c for c in tb.column_names if c in drop])
        if ta.schema != tb.schema:
            problems.append(f"{name}: schemas differ")
            continue
        rows_a, rows_b = ta.to_pylist(), tb.to_pylist()
        if len(rows_a) != len(rows_b):
            problems.append(f"{name}: {len(rows_a)} rows against {len(rows_b)}")
            continue
        bad = [i for i, (x, y) in enumerate(zip(rows_a, rows_b, strict=True)) if not same(x, y)]
        if bad:
            i = bad[0]
            diff = {k: (rows_a[i][k], rows_b[i][k]) for k in rows_a[i]
                    if not same(rows_a[i][k], rows_b[i][k])}  # fmt: skip
            problems.append(f"{name}: {len(bad)} of {len(rows_a)} rows differ; row {i}: {diff}")
        else:
            print(f"  {name}: {len(rows_a)} rows identical")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--a", type=Path, required=True, help="reference checkout")
    parser.add_argument("--b", type=Path, default=ROOT, help="checkout under test")
    parser.add_argument("--corpus-words", type=int, default=0)
    args = parser.parse_args()
    inputs = [p.resolve() for p in args.paths] or [ROOT / "data" / "raw"]
    if not args.paths and SEEDS.is_dir():
        inputs.append(SEEDS)
    with tempfile.TemporaryDirectory(prefix="compare-runs-") as tmp:
        work = Path(tmp)
        if args.corpus_words:
            sys.path.insert(0, str(ROOT / "bench"))
            from perf_bench import source_paragraphs, write_corpus

            pool, source = source_paragraphs()
            corpus = work / "corpus"
            words = write_corpus(pool, corpus, max(1, args.corpus_words // 400), 400, seed=1)
            inputs.append(corpus)
            print(f"corpus: ~{words:,} words ({source})")
        for label, checkout in (("A", args.a), ("B", args.b)):
            cpu = run(checkout.resolve(), inputs, work / label)
            load = os.getloadavg()[0]
            print(f"run {label}: {checkout.resolve()}: {cpu:.1f} CPU s (load {load:.1f})")
        print(f"inputs: {', '.join(map(str, inputs))}")
        problems = compare_tables(work / "A", work / "B")
    for problem in problems:
        print(f"DIFFERENT {problem}")
    print("identical" if not problems else f"{len(problems)} tables differ")
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
