"""Benchmark of ``gemeentetaal run``: words per second on 1 and 2 workers next to bare
``nlp.pipe`` with the same model on the same corpus, and peak memory for the corpus and for
the corpus repeated ten times (memory must stay flat: the run streams file by file).

Usage: ``python bench/run_bench.py [--corpus DIR] [--copies N]``. Prints a Markdown table
and writes it to ``bench/results_run.md``.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT_SUFFIXES = {".txt", ".md"}
MEASURE = (
    "import resource, subprocess, sys; p = subprocess.run(sys.argv[1:]); "
    "print(f'PEAK_KIB={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}', file=sys.stderr); "
    "sys.exit(p.returncode)"
)


def make_corpus(source: Path, target: Path, copies: int) -> int:
    """Copy the text inputs ``copies`` times, each copy made unique by a closing line."""
    target.mkdir(parents=True, exist_ok=True)
    n = 0
    for i in range(copies):
        for path in sorted(source.rglob("*")):
            if path.suffix.lower() in TEXT_SUFFIXES and path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                (target / f"{path.stem}_{i:03d}{path.suffix}").write_text(
                    f"{text}\n\nKopie {i}.\n", encoding="utf-8"
                )
                n += 1
    return n


def timed_run(corpus: Path, workers: int) -> dict[str, float]:
    """Run the CLI in a child process; wall time, words and the child's peak RSS."""
    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    t0 = time.perf_counter()
    # A wrapper process reports the peak RSS of its own descendants only (ru_maxrss, KiB).
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "pipeline", "run", str(corpus),
         "--out", str(out), "--workers", str(workers), "--no-progress"],
        capture_output=True, text=True, env={**_env(), "GEMEENTETAAL_SECRET": "bench"},
    )  # fmt: skip
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"run failed: {proc.stderr[-2000:]}")
    peak_kib = int(proc.stderr.strip().splitlines()[-1].removeprefix("PEAK_KIB="))
    words = _words(out)
    shutil.rmtree(out, ignore_errors=True)
    return {"seconds": seconds, "words": words, "peak_mb": peak_kib / 1024}


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "GEMEENTETAAL_SECRET"}


def _words(out: Path) -> float:
    import duckdb

    con = duckdb.connect(str(out / "gemeentetaal.duckdb"), read_only=True)
    try:
        return float(con.execute("select coalesce(sum(n_words), 0) from sentences").fetchone()[0])
    finally:
        con.close()


def bare_pipe(corpus: Path) -> dict[str, float]:
    """Bare ``nlp.pipe`` over the same units of text with the same model."""
    from pipeline.analyse import units_of
    from pipeline.config import load_settings
    from pipeline.ingest import ingest_paths
    from pipeline.nlp import load_pipeline
    from pipeline.privacy import Pseudonymiser
    from pipeline.records import IngestError

    settings = load_settings(None, {"privacy": {"secret": "bench"}})
    texts = [
        u.text
        for r in ingest_paths([corpus], settings, Pseudonymiser(settings.privacy))
        if not isinstance(r, IngestError)
        for u in units_of(r)
    ]
    nlp, info = load_pipeline(settings.nlp)
    t0 = time.perf_counter()
    words = 0
    for doc in nlp.pipe(texts, batch_size=settings.nlp.batch_size):
        words += sum(1 for t in doc if any(c.isalnum() for c in t.text))
    return {"seconds": time.perf_counter() - t0, "words": float(words), "model": info.describe()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "raw")
    parser.add_argument("--copies", type=int, default=3, help="copies of the corpus for speed")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    small, large = work / "x1", work / "x10"
    n_small = make_corpus(args.corpus, small, args.copies)
    n_large = make_corpus(args.corpus, large, args.copies * 10)

    bare = bare_pipe(small)
    rows = [("bare nlp.pipe", bare["words"], bare["seconds"], None)]
    for workers in (1, 2):
        r = timed_run(small, workers)
        rows.append(
            (f"gemeentetaal run, {workers} worker(s)", r["words"], r["seconds"], r["peak_mb"])
        )
    for workers in (1, 2):
        r10 = timed_run(large, workers)
        name = f"gemeentetaal run, {workers} worker(s), corpus x10"
        rows.append((name, r10["words"], r10["seconds"], r10["peak_mb"]))

    lines = [
        f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
        f"{_cores()} cores; Python {platform.python_version()}; model {bare['model']}.",
        f"Corpus: {n_small} text files ({args.corpus} x{args.copies}); x10: {n_large} files.",
        "",
        "| job | words | seconds | words/s | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, words, seconds, peak in rows:
        peak_s = f"{peak:,.0f}" if peak is not None else "-"
        lines.append(
            f"| {name} | {words:,.0f} | {seconds:.1f} | {words / seconds:,.0f} | {peak_s} |"
        )
    report = "\n".join(lines)
    print(report)
    (ROOT / "bench" / "results_run.md").write_text(report + "\n", encoding="utf-8")
    print(json.dumps({"ok": True}))
    shutil.rmtree(work, ignore_errors=True)


def _cores() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
