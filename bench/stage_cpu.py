"""CPU seconds per stage of ``run --workers 1``'s batches, without a profiler.

On a shared machine wall time follows the other jobs; the CPU time of one process
(``time.process_time``) much less, and without cProfile's cost per Python call the shares
are the run's own. Builds the slice of ``bench/perf_bench.py``'s real corpus that
``bench/profile_run.py`` profiles (timing only, nothing tuned on it), warms the models up,
runs ``Worker.process_batch`` over it in ``run``'s batches and prints the CPU (and wall)
seconds of parse + sentences (``segment``) and of each analysis step.

Usage: ``python bench/stage_cpu.py [--root CHECKOUT] [--words 50000]``. ``--root`` times
another checkout of the project (e.g. a ``git archive`` of an older commit, with an
``evaldata`` folder beside it) with the same interpreter: run the two alternately for an A/B.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to time")
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--file-words", type=int, default=400)
    args = parser.parse_args()
    root = args.root.resolve()
    sys.path[:0] = [str(root), str(root / "bench")]
    os.environ.setdefault("GEMEENTETAAL_SECRET", "bench")

    from perf_bench import source_paragraphs, warm_worker, write_corpus

    import pipeline.analyse as analyse
    from pipeline.analyses.readability import ReadabilityAnalysis
    from pipeline.analyses.themes import ThemesAnalysis
    from pipeline.engines import _batch_bytes, _plan

    seconds: dict[str, tuple[float, float]] = {}

    def timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*a: Any, **k: Any) -> Any:
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                old = seconds.get(label, (0.0, 0.0))
                seconds[label] = (
                    old[0] + time.process_time() - cpu,
                    old[1] + time.perf_counter() - wall,
                )

        return wrapper

    analyse.segment = timed("parse + sentences (segment)", analyse.segment)  # type: ignore[method-assign]
    for cls, name in ((ReadabilityAnalysis, "readability"), (ThemesAnalysis, "themes")):
        for method in ("analyse", "roll_up", "rows"):
            setattr(cls, method, timed(f"{name}.{method}", getattr(cls, method)))
    pool, source = source_paragraphs()
    with tempfile.TemporaryDirectory(prefix="stage-cpu-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        n_files = max(1, args.words // args.file_words)
        words = write_corpus(pool, corpus, n_files, args.file_words, seed=1)
        worker = warm_worker(pool, work)
        seconds.clear()
        files = sorted(corpus.iterdir())
        load = os.getloadavg()[0]
        batch = timed("whole batches", worker.process_batch)
        for item in _plan(files, worker, True, _batch_bytes(files, worker.settings, 1)):
            if isinstance(item, list):
                batch(item)
    print(f"Checkout {root}; text: {source}; {len(files)} files, ~{words:,} words.")
    print(f"Load average {load:.2f} -> {os.getloadavg()[0]:.2f}")
    print("\n| stage | CPU s | wall s |\n|---|---:|---:|")
    for label, (cpu, wall) in seconds.items():
        print(f"| {label} | {cpu:.2f} | {wall:.2f} |")


if __name__ == "__main__":
    main()
