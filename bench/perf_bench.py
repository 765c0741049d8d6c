"""Performance benchmark of issue 15, in one run, as ratios (see docs/performance.md).

Measures on real external text (the ``municipal_comments`` export in the evaluation folder:
paragraphs of Dutch municipal plan documents and residents' posts, see its PROVENANCE.json;
used for timing only, nothing is tuned on it). Without that folder it falls back to copies of
the synthetic ``data/raw`` texts, and says so.

1. ``gemeentetaal run --workers 1`` versus bare ``nlp.pipe`` over the same units with the same
   model (model loaded; the run's time includes its start-up), as a throughput ratio;
2. ``--workers 2`` versus ``--workers 1``; 3. ``--engine dask`` (LocalCluster, 2 workers)
   versus ``--workers 2``;
4. time per word of one document of 2k, 10k and 100k words and of 500 files of 200 words,
   with the models loaded once (``Worker.process_batch``), after a warm-up on other text;
   and of the first 2k-word document after start-up (cold word caches);
5. peak RSS of ``run`` at 1x and 10x a corpus (``--mem-words``);
6. cold ``gemeentetaal check`` of a 500-word text;
7. the web app with 1 and with 2 check workers: req/s, p50 and p95 at 1, 5 and 20
   closed-loop clients and at an open-loop load of 5 req/s, 500-word texts.

Every figure carries the 1-minute load average before and after it: on a shared machine the
ratios are only meaningful when the load stays below the number of cores.

Usage: ``python bench/perf_bench.py [--words 200000] [--mem-words 20000] [--duration 20]
[--skip-web]``. Prints Markdown and writes it to ``bench/results_perf.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

MEASURE = (
    "import resource, subprocess, sys; p = subprocess.run(sys.argv[1:]); "
    "print(f'PEAK_KIB={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}', file=sys.stderr); "
    "sys.exit(p.returncode)"
)
ENV = {**os.environ, "GEMEENTETAAL_SECRET": "bench", "PYTHONPATH": str(ROOT)}


def load() -> float:
    return os.getloadavg()[0]


# ---------------------------------------------------------------- corpus


def source_paragraphs() -> tuple[list[str], str]:
    """Paragraphs of real text (and where they come from), or the synthetic sample texts."""
    from evaluate.common import eval_dir

    path = eval_dir() / "municipal_comments" / "municipal_comments.csv"
    if path.is_file():
        csv.field_size_limit(10_000_000)
        with path.open(encoding="utf-8", newline="") as handle:
            texts = [r["text"].strip() for r in csv.DictReader(handle) if r.get("text")]
        texts = [t for t in texts if len(t.split()) >= 5]
        return texts, f"real: {len(texts):,} paragraphs of evaldata/municipal_comments"
    texts = []
    for p in sorted((ROOT / "data" / "raw").glob("*.txt")):
        texts += [t for t in p.read_text(encoding="utf-8").split("\n\n") if t.strip()]
    return texts, "synthetic: data/raw paragraphs (evaluation folder missing)"


def paragraphs(pool: list[str], seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    order = list(range(len(pool)))
    while True:
        rng.shuffle(order)
        for i in order:
            yield pool[i]


def write_corpus(
    pool: list[str], target: Path, n_files: int, words_per_file: int, seed: int
) -> int:
    """``n_files`` text files of about ``words_per_file`` words each; returns the words."""
    target.mkdir(parents=True, exist_ok=True)
    source = paragraphs(pool, seed)
    total = 0
    for i in range(n_files):
        parts: list[str] = []
        n = 0
        while n < words_per_file:
            para = next(source)
            parts.append(para)
            n += len(para.split())
        parts.append(f"Bestand {seed}-{i}.")  # every file unique (no copies)
        (target / f"tekst_{i:05d}.txt").write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        total += n
    return total


# ---------------------------------------------------------------- run


def timed_cli(args: list[str]) -> dict[str, float]:
    """A CLI command in a child process: wall time and the peak RSS of its processes."""
    before = load()
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "pipeline", *args],
        capture_output=True, text=True, env=ENV, cwd=ROOT,
    )  # fmt: skip
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{args[0]} failed: {proc.stderr[-2000:]}")
    peak_kib = int(proc.stderr.strip().splitlines()[-1].removeprefix("PEAK_KIB="))
    return {"seconds": seconds, "peak_mb": peak_kib / 1024, "load": max(before, load())}


def timed_run(corpus: Path, workers: int, engine: str = "local") -> dict[str, float]:
    out = Path(tempfile.mkdtemp(prefix="bench-out-"))
    try:
        args = ["run", str(corpus), "--out", str(out), "--workers", str(workers)]
        result = timed_cli([*args, "--engine", engine, "--no-progress"])
        result["words"] = run_words(out)
        return result
    finally:
        shutil.rmtree(out, ignore_errors=True)


def run_words(out: Path) -> float:
    import duckdb

    con = duckdb.connect(str(out / "gemeentetaal.duckdb"), read_only=True)
    try:
        return float(con.execute("select coalesce(sum(n_words), 0) from sentences").fetchone()[0])
    finally:
        con.close()


def bare_pipe(corpus: Path) -> dict[str, Any]:
    """Bare ``nlp.pipe`` over the units ``run`` parses, with the same model (loaded)."""
    from pipeline.analyse import units_of
    from pipeline.config import load_settings
    from pipeline.ingest import ingest_paths
    from pipeline.nlp import load_pipeline, unwrap_lines
    from pipeline.privacy import Pseudonymiser
    from pipeline.records import IngestError

    settings = load_settings(None, {"privacy": {"secret": "bench"}})
    texts = [
        unwrap_lines(u.text)
        for r in ingest_paths([corpus], settings, Pseudonymiser(settings.privacy))
        if not isinstance(r, IngestError)
        for u in units_of(r)
    ]
    nlp, info = load_pipeline(settings.nlp)
    before = load()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.nlp.batch_size):
        pass
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "model": info.describe(), "load": max(before, load())}


def warm_worker(pool: list[str], work: Path) -> Any:
    """A run ``Worker`` writing parts under ``work``, its models loaded and warmed on two
    small files (so timings exclude start-up)."""
    from pipeline.config import load_settings
    from pipeline.run import Todo, Worker

    settings = load_settings(None, {"privacy": {"secret": "bench"}})
    worker = Worker(settings, work / "parts")
    warm = work / "warm"
    write_corpus(pool, warm, 2, 300, seed=99)
    worker.process_batch(
        [t for p in sorted(warm.iterdir()) if isinstance(t := worker.plan(p, True), Todo)]
    )
    return worker


WARM_UP_WORDS = 20_000  # text a worker reads before the per-word cases (other paragraphs)


def per_word(
    pool: list[str], work: Path, doc_words: int = 100_000
) -> list[tuple[str, float, float, float]]:
    """Seconds per 1,000 words with the models loaded once, for one document of growing size
    and for 500 files of 200 words: (label, words, seconds, load).

    The first row is a 2k-word document read right after start-up: it also pays for the
    process's word caches (syllables, lookups), which every later input finds filled. The size
    cases are measured after a warm-up on ``WARM_UP_WORDS`` words of other text, so that they
    compare the cost of a document's size, not the order in which they were read.
    """
    from pipeline.run import Todo

    worker = warm_worker(pool, work)
    rows = []

    def measure(label: str, folder: Path, n_files: int, words: int, seed: int) -> None:
        total = write_corpus(pool, folder, n_files, words, seed=seed)
        todos = [worker.plan(p, force=True) for p in sorted(folder.iterdir())]
        before = load()
        t0 = time.perf_counter()
        results = worker.process_batch([t for t in todos if isinstance(t, Todo)])
        seconds = time.perf_counter() - t0
        errors = [r.error for r in results if r.error]
        if errors:
            raise SystemExit(f"{label}: {errors[:3]}")
        rows.append((label, float(total), seconds, max(before, load())))

    measure("first document after start-up, 2k words", work / "pw-first", 1, 2_000, 99)
    write_corpus(pool, work / "pw-warm", WARM_UP_WORDS // 400, 400, seed=98)
    worker.process_batch(
        [t for p in sorted((work / "pw-warm").iterdir())
         if isinstance(t := worker.plan(p, True), Todo)]
    )  # fmt: skip
    cases = [("1 document, 2k words", 1, 2_000), ("1 document, 10k words", 1, 10_000),
             (f"1 document, {doc_words // 1000}k words", 1, doc_words),
             (f"{doc_words // 200} files of 200 words", doc_words // 200, 200)]  # fmt: skip
    for n, (label, n_files, words) in enumerate(cases):
        measure(label, work / f"pw{n}", n_files, words, 100 + n)
    return rows


def cold_check(pool: list[str], work: Path, runs: int = 3) -> tuple[float, float]:
    text = work / "check_500.txt"
    write_corpus(pool, work / "check", 1, 500, seed=7)
    shutil.copy(work / "check" / "tekst_00000.txt", text)
    times = []
    before = load()
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "pipeline", "check", str(text), "--format", "json"],
            capture_output=True, env=ENV, cwd=ROOT,
        )  # fmt: skip
        times.append(time.perf_counter() - t0)
    return statistics.median(times), max(before, load())


# ---------------------------------------------------------------- web


async def closed_loop(base: str, texts: list[str], clients: int, duration: float) -> dict[str, Any]:
    import httpx

    latencies: list[float] = []
    errors: list[str] = []

    async def client_loop(client: httpx.AsyncClient, c: int, stop_at: float) -> None:
        i = c
        while time.perf_counter() < stop_at:
            t0 = time.perf_counter()
            error = await post(client, texts[i % len(texts)])
            if error is None:
                latencies.append(time.perf_counter() - t0)
            else:
                errors.append(error)
            i += clients

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(client_loop(client, c, t0 + duration) for c in range(clients)))
        elapsed = time.perf_counter() - t0
    return summarise(latencies, errors, elapsed)


async def open_loop(base: str, texts: list[str], rate: float, duration: float) -> dict[str, Any]:
    """Requests sent at a fixed rate whatever the answers (an office's load)."""
    import httpx

    latencies: list[float] = []
    errors: list[str] = []

    async def one(client: httpx.AsyncClient, text: str) -> None:
        t0 = time.perf_counter()
        error = await post(client, text)
        if error is None:
            latencies.append(time.perf_counter() - t0)
        else:
            errors.append(error)

    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        t0 = time.perf_counter()
        tasks = []
        n = int(rate * duration)
        for i in range(n):
            await asyncio.sleep(max(0.0, t0 + i / rate - time.perf_counter()))
            tasks.append(asyncio.create_task(one(client, texts[i % len(texts)])))
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - t0
    return summarise(latencies, errors, elapsed)


async def post(client: Any, text: str) -> str | None:
    """POST one check; None when it succeeded, else the status code or exception name."""
    import httpx

    try:
        response = await client.post("/api/check", json={"text": text})
    except httpx.HTTPError as exc:
        return exc.__class__.__name__
    return None if response.is_success else str(response.status_code)


def summarise(latencies: list[float], errors: list[str], elapsed: float) -> dict[str, Any]:
    ordered = sorted(latencies)

    def pct(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else 0.0

    kinds = ", ".join(f"{k} x{v}" for k, v in sorted(Counter(errors).items()))
    return {
        "n": len(ordered),
        "errors": f"{len(errors)} {kinds}".strip(),
        "rps": len(ordered) / elapsed,
        "p50": pct(0.5),
        "p95": pct(0.95),
    }


def web(pool: list[str], workers: int, duration: float) -> list[tuple[str, dict[str, Any], float]]:
    import httpx
    from bench_web import free_port, wait_ready

    texts = []
    source = paragraphs(pool, seed=11)
    for _ in range(40):
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < 500:
            parts.append(next(source))
        texts.append("\n\n".join(parts))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**ENV, "GEMEENTETAAL_WEB__WORKERS": str(workers)}
    server = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "serve", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    rows = []
    try:
        wait_ready(base, server, timeout=300)
        for text in texts[:4]:  # warm every worker
            httpx.post(f"{base}/api/check", json={"text": text}, timeout=120)
        for clients in (1, 5, 20):
            before = load()
            figures = asyncio.run(closed_loop(base, texts, clients, duration))
            rows.append((f"{clients} closed-loop client(s)", figures, max(before, load())))
        before = load()
        figures = asyncio.run(open_loop(base, texts, 5.0, duration))
        rows.append(("open loop, 5 req/s", figures, max(before, load())))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return rows


# ---------------------------------------------------------------- report


def row(*cells: object) -> str:
    """One Markdown table row."""
    return "| " + " | ".join(str(c) for c in cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000, help="words of the run corpus")
    parser.add_argument("--file-words", type=int, default=400, help="words per corpus file")
    parser.add_argument("--mem-words", type=int, default=20_000, help="base of the RSS test")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per web load")
    parser.add_argument("--doc-words", type=int, default=100_000, help="the large document")
    parser.add_argument("--skip-web", action="store_true")
    parser.add_argument("--skip-per-word", action="store_true")
    args = parser.parse_args()

    pool, source = source_paragraphs()
    work = Path(tempfile.mkdtemp(prefix="bench-perf-"))
    lines: list[str] = []

    def emit(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    start_load = load()
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    emit(f"Machine: {machine}; load average at start {start_load:.2f}.")
    emit(f"Text: {source}.")
    try:
        corpus = work / "corpus"
        n_files = max(1, args.words // args.file_words)
        words = write_corpus(pool, corpus, n_files, args.file_words, seed=1)
        bare = bare_pipe(corpus)
        emit(f"Model: {bare['model']}. Run corpus: {n_files} files, ~{words:,} words.")
        emit()
        emit(row("measurement", "seconds", "words", "load avg", "ratio", "target"))
        emit("|---|---:|---:|---:|---:|---|")
        one = timed_run(corpus, 1)
        two = timed_run(corpus, 2)
        dask = timed_run(corpus, 2, "dask")
        n = f"{one['words']:,.0f}"
        emit(row("bare nlp.pipe (model loaded)", f"{bare['seconds']:.1f}", n,
                 f"{bare['load']:.1f}", "", ""))  # fmt: skip
        ratios = (
            ("run, 1 worker", one, f"{bare['seconds'] / one['seconds']:.2f}x bare", ">= 0.6x"),
            ("run, 2 workers", two, f"{one['seconds'] / two['seconds']:.2f}x 1 worker", ">= 1.7x"),
            ("run, Dask LocalCluster, 2 workers", dask,
             f"{two['seconds'] / dask['seconds']:.2f}x 2 workers", ">= 0.9x"),
        )  # fmt: skip
        for label, r, ratio, target in ratios:
            emit(row(label, f"{r['seconds']:.1f}", f"{r['words']:,.0f}", f"{r['load']:.1f}",
                     ratio, target))  # fmt: skip
        emit()
        if not args.skip_per_word:
            emit("Time per word, models loaded once (`Worker.process_batch`):")
            emit()
            emit(row("input", "words", "seconds", "ms per 1,000 words", "load avg"))
            emit("|---|---:|---:|---:|---:|")
            rows = per_word(pool, work, args.doc_words)
            for label, n_words, seconds, ld in rows:
                per_k = 1000 * seconds / n_words * 1000
                emit(row(label, f"{n_words:,.0f}", f"{seconds:.1f}", f"{per_k:.0f}", f"{ld:.1f}"))
            flat = [s / n for _, n, s, _ in rows]
            emit()
            small, big, files = rows[1][0], rows[3][0], rows[4][0]
            emit(f"Per word, after a {WARM_UP_WORDS:,}-word warm-up: {big} / {files}: "
                 f"{flat[3] / flat[4]:.2f}; {big} / {small}: {flat[3] / flat[1]:.2f} "
                 f"(target 0.8-1.2). The first document after start-up costs "
                 f"{flat[0] / flat[3]:.2f}x per word what the large one does.")  # fmt: skip
            emit()
        mem1, mem10 = work / "mem1", work / "mem10"
        n_mem = max(1, args.mem_words // args.file_words)
        write_corpus(pool, mem1, n_mem, args.file_words, seed=3)
        write_corpus(pool, mem10, n_mem * 10, args.file_words, seed=4)
        emit("Peak RSS of `run --workers 2` (largest process):")
        emit()
        emit(row("corpus", "words", "seconds", "peak RSS (MB)", "load avg"))
        emit("|---|---:|---:|---:|---:|")
        for label, folder in (("1x", mem1), ("10x", mem10)):
            r = timed_run(folder, 2)
            emit(row(label, f"{r['words']:,.0f}", f"{r['seconds']:.1f}", f"{r['peak_mb']:,.0f}",
                     f"{r['load']:.1f}"))  # fmt: skip
        emit()
        cold, ld = cold_check(pool, work)
        emit(f"Cold `gemeentetaal check` of a 500-word text (median of 3): {cold:.2f} s "
             f"(target < 2 s), load avg {ld:.1f}.")  # fmt: skip
        emit()
        if not args.skip_web:
            emit(f"Web app, 500-word texts, POST /api/check, {args.duration:g} s per load:")
            emit()
            emit(row("check workers", "load", "requests", "req/s", "p50 ms", "p95 ms", "errors",
                     "load avg"))  # fmt: skip
            emit("|---|---|---:|---:|---:|---:|---|---:|")
            by_workers: dict[int, list[tuple[str, dict[str, Any], float]]] = {}
            for k in (1, 2):
                by_workers[k] = web(pool, k, args.duration)
                for label, f, ld in by_workers[k]:
                    emit(row(k, label, f["n"], f"{f['rps']:.2f}", f"{f['p50']:.0f}",
                             f"{f['p95']:.0f}", f["errors"], f"{ld:.1f}"))  # fmt: skip
            ratio = by_workers[2][2][1]["rps"] / max(by_workers[1][2][1]["rps"], 1e-9)
            p95 = by_workers[2][3][1]["p95"]
            emit()
            emit(f"20 clients, 2 workers / 1 worker: {ratio:.2f}x (target >= 1.7x); "
                 f"p95 at 5 req/s with 2 workers: {p95:.0f} ms (target < 1000 ms).")  # fmt: skip
        emit()
        emit(f"Load average at the end: {load():.2f} (start {start_load:.2f}).")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (ROOT / "bench" / "results_perf.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(json.dumps({"ok": True}))


if __name__ == "__main__":
    main()
